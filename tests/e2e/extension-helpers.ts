/**
 * Helpers for the extension's browser tests: the test build (127.0.0.1 pre-granted), allowing
 * a portal, opening the panel in a tab bound to a portal tab, importing records through the
 * panel's backup import.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { buildBackup, recordsTable, sealBackup, type FormDefinition, type LvzhiRecord, type SheetTable } from '@lvzhi/shared';
import { EXTENSION_TEST_BUILD_DIR, REPO_ROOT, type ExtensionBrowser } from '../harness/browser.ts';

export const TEST_BUILD_DIR = EXTENSION_TEST_BUILD_DIR;

export function exampleRecord(path: string): LvzhiRecord {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as LvzhiRecord;
}

/** Allows a portal site (as the panel's 添加门户 does after the permission prompt) and waits for the registration. */
export async function allowPortal(ext: ExtensionBrowser, origin: string): Promise<void> {
  const ok = await ext.serviceWorker.evaluate(async (pattern) => {
    const list = ((await chrome.storage.local.get('lvzhi.portals'))['lvzhi.portals'] as string[] | undefined) ?? [];
    if (!list.includes(pattern)) await chrome.storage.local.set({ 'lvzhi.portals': [...list, pattern] });
    for (let i = 0; i < 100; i++) {
      const got = await chrome.scripting.getRegisteredContentScripts();
      if (got.some((s) => s.matches?.includes(pattern))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }, `${origin}/*`);
  if (!ok) throw new Error(`launcher not registered for ${origin}`);
}

/** The chrome tab id of a page (by its URL). */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

interface CdpNode { nodeId: number; nodeType: number; nodeName: string; nodeValue?: string; attributes?: string[]; children?: CdpNode[]; shadowRoots?: CdpNode[]; contentDocument?: CdpNode }

function findNode(n: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : []), ...(n.children ?? [])]) {
    const hit = findNode(c, test);
    if (hit) return hit;
  }
  return undefined;
}

function nodeText(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  return (n.children ?? []).map(nodeText).join('');
}

/**
 * A control inside the launcher's closed shadow root, reached the way a person reaches it: the
 * DevTools protocol sees through closed roots (page scripts cannot), gives the box, and the
 * click is a real mouse click at its centre (a trusted event). Undefined when it is not shown.
 */
export async function launcherControl(page: Page, testid: string): Promise<{ text: string; box: { x: number; y: number; width: number; height: number }; click(): Promise<void>; style(prop: string): Promise<string | undefined> } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findNode(root, (n) => { const a = n.attributes ?? []; const i = a.indexOf('data-testid'); return i >= 0 && i % 2 === 0 && a[i + 1] === testid; });
    if (!node) return undefined;
    const model = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => undefined) as { model: { content: number[]; width: number; height: number } } | undefined;
    if (!model || model.model.width === 0) return undefined;
    const q = model.model.content;
    const box = { x: q[0]!, y: q[1]!, width: model.model.width, height: model.model.height };
    let computed: Array<{ name: string; value: string }> | undefined;
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      computed = ((await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as { computedStyle: Array<{ name: string; value: string }> }).computedStyle;
    } catch { computed = undefined; }
    return {
      text: nodeText(node),
      box,
      click: () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
      style: async (prop) => computed?.find((c) => c.name === prop)?.value,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the launcher is in the page or, for a frameset, in one of its frames; returns its 自动填写 button. */
export async function waitForLauncher(page: Page) {
  const end = Date.now() + 15_000;
  for (;;) {
    for (const f of page.frames()) {
      if ((await f.locator('lvzhi-launcher[data-ready="true"]').count().catch(() => 0)) > 0) {
        return {
          isVisible: async () => (await launcherControl(page, 'lvzhi-fill')) !== undefined,
          click: async () => { const c = await launcherControl(page, 'lvzhi-fill'); if (!c) throw new Error('launcher button not shown'); await c.click(); },
        };
      }
    }
    if (Date.now() > end) throw new Error(`no launcher in ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** The passphrase of the backups the tests write and read. */
export const TEST_BACKUP_PASSPHRASE = '青山镇备份口令2024';

/** Writes an encrypted backup file holding `records` and imports it through the panel (Settings → 备份口令, 导入备份). */
export async function importRecords(panel: Page, records: LvzhiRecord[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-backup-'));
  const file = join(dir, 'backup.json');
  writeFileSync(file, await sealBackup(buildBackup({ records, settings: {}, version: '0.1.0' }), TEST_BACKUP_PASSPHRASE));
  await panel.getByTestId('tab-settings').click();
  await panel.getByTestId('backup-passphrase').fill(TEST_BACKUP_PASSPHRASE);
  await panel.getByTestId('backup-import').setInputFiles(file);
  try {
    await panel.getByTestId('backup-status').filter({ hasText: '已导入' }).waitFor({ timeout: 15_000 });
  } finally {
    // Never leave a lvzhi-backup-* folder in the temp directory (npm start runs this too).
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The extension on a browser profile folder that outlives the browser (unlike
 * launchWithExtension's temporary one), to test what survives closing and reopening.
 */
export async function launchProfile(profileDir: string, extensionDir: string = TEST_BUILD_DIR, options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_PATH, COMMON_ARGS } = await import('../harness/browser.ts');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    args: [...(options.headless ?? true ? ['--headless=new'] : []), ...COMMON_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const isExt = (w: { url(): string }) => w.url().startsWith('chrome-extension://');
  const serviceWorker = context.serviceWorkers().find(isExt) ?? (await context.waitForEvent('serviceworker', { predicate: isExt, timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  let closing: Promise<void> | undefined;
  return {
    context,
    extensionId,
    serviceWorker,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => (closing ??= context.close()),
  };
}

/** Starts a new record of `form` in the panel's records view and returns its open editor. */
export async function newRecord(panel: Page, form: string): Promise<Locator> {
  await panel.getByTestId('new-form').selectOption(form);
  await panel.getByTestId('new-record').click();
  const editor = panel.getByTestId('record-editor');
  await editor.waitFor();
  return editor;
}

/** An ID number with a correct check digit (GB 11643). */
export function idNumber(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((n, ch, i) => n + Number(ch) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

/**
 * Other deputies of the township as deputy profiles like `base` (each with its own ID number,
 * birth date and gender from it, mobile, card number), for an office roster. `phones`: a deputy's
 * own mobile where the week's records name it.
 */
export function otherDeputies(base: LvzhiRecord, names: string[], phones: Record<string, string> = {}): LvzhiRecord[] {
  return names.map((name, i) => {
    const id = idNumber(`32128319750101${100 + i}`);
    return {
      ...base, id: `deputy-${i}`, values: {
        ...base.values, name, idNumber: id, gender: Number(id[16]) % 2 ? '男' : '女', birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        mobile: phones[name] ?? `139000000${String(10 + i)}`, groupLeader: false, cardNumber: `县十七届第0${200 + i}号`,
      },
    };
  });
}

/**
 * The office's roster spreadsheet of `records` (deputy profiles) as an office keeps it: every
 * column of the form except the record's own bookkeeping; `photos`: each deputy's photo placed in
 * the 照片 cell of its row (.xlsx only), else no 照片 column.
 */
export function rosterSheet(form: FormDefinition, records: LvzhiRecord[], options: { photos?: boolean } = {}): SheetTable {
  const table = recordsTable(form, records, { full: true });
  const drop = ['记录编号', '状态', '流程状态', ...(options.photos ? [] : ['照片'])];
  const keep = table.header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  const header = keep.map((i) => table.header[i]!);
  const photoCol = header.indexOf('照片');
  const rows = table.rows.map((r) => keep.map((i, k) => (k === photoCol ? null : r[i] ?? null)));
  const images = options.photos ? records.flatMap((rec, row) => {
    const p = (rec.values['photo'] as Array<{ type: string; size: number; data?: string }> | undefined)?.[0];
    return p?.data && photoCol >= 0 ? [{ row, col: photoCol, type: p.type, size: p.size, data: p.data }] : [];
  }) : [];
  return { name: table.name, header, rows, ...(images.length ? { images } : {}) };
}

/**
 * Presses a button from the keyboard (focus, Enter) — a way a clerk uses too. Below the minutes'
 * PDF preview a mouse click is not safe in a test: Playwright scrolls the button into view and
 * clicks at once, and under load Chromium routes the click by its hit-test data from before the
 * scroll, into the preview's PDF frame (reproduced: no pointer event reached the panel at all).
 */
export async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}
