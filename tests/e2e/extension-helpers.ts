/**
 * Helpers for the extension's browser tests: the test build (127.0.0.1 pre-granted), allowing
 * a portal, opening the panel in a tab bound to a portal tab, importing records through the
 * panel's backup import.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LvzhiRecord } from '@lvzhi/shared';
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

/** Waits until the launcher is in the page or, for a frameset, in one of its frames; returns its 自动填写 button. */
export async function waitForLauncher(page: Page) {
  const end = Date.now() + 15_000;
  for (;;) {
    for (const f of page.frames()) {
      if ((await f.locator('lvzhi-launcher[data-ready="true"]').count().catch(() => 0)) > 0) return f.getByTestId('lvzhi-fill');
    }
    if (Date.now() > end) throw new Error(`no launcher in ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** Writes a backup file holding `records` and imports it through the panel (Settings → 导入备份). */
export async function importRecords(panel: Page, records: LvzhiRecord[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-backup-'));
  const file = join(dir, 'backup.json');
  writeFileSync(file, JSON.stringify({ format: 'lvzhi.backup/1', exportedAt: new Date().toISOString(), extensionVersion: '0.1.0', records, settings: {} }));
  await panel.getByTestId('tab-settings').click();
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
