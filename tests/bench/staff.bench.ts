/**
 * Staff figures (issue 12): how many actions (clicks and keystrokes; a Chinese character counts
 * as one) a clerk needs, counted through the real built extension in Chromium.
 *
 * Layout: `ActionCounter` counts what a person does; each figure is one `defineBench` in the
 * array at the bottom, its flow a function of its own above it. A figure is a count, not a time:
 * `setup` drives the flow once (verifying the outcome the user would see) and `scale` reports the
 * count; the timed `run` does nothing. Add a figure (e.g. `staff workload: actions with Lvzhi vs
 * by hand`) as another flow function and another entry in the array.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { defineBench } from './harness.ts';
import { launchWithExtension, serveDir } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, exampleRecord, tabIdOf, waitForLauncher } from '../e2e/extension-helpers.ts';

/** Counts a person's actions; `log` says which, for the report. */
export class ActionCounter {
  count = 0;
  readonly log: string[] = [];
  /** One click (or a dialog's confirmation). */
  click(what: string): void { this.count += 1; this.log.push(`click ${what}`); }
  /** Typing: one action per character (a Chinese character is one). */
  type(what: string, text: string): void { const n = [...text].length; this.count += n; this.log.push(`type ${what} (${n})`); }
}

// ---------------------------------------------------------------- fresh install → first filled portal

type PortalApi = { state(): Record<string, unknown>; submit(): { ok: boolean; errors: string[] } };

/**
 * A fresh profile with the extension, the antd fixture portal open (not yet allowed), the
 * example deputy record as a file. The test build is used because a headless browser cannot
 * answer the host-permission prompt; its click is counted as one action.
 */
async function firstUseActions(): Promise<{ count: number; log: string[] }> {
  await buildPortals();
  const site = await serveDir(PORTALS_DIR);
  const ext = await launchWithExtension(TEST_BUILD_DIR);
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-staff-'));
  try {
    const exp = JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', 'antd.json'), 'utf8')) as { record: string; fields: Record<string, { key: string | null; value: unknown }> };
    const record = exampleRecord(exp.record);
    const file = join(dir, 'records.json');
    writeFileSync(file, JSON.stringify({ format: 'lvzhi.backup/1', exportedAt: new Date().toISOString(), extensionVersion: '0.1.0', records: [record], settings: {} }));
    const a = new ActionCounter();
    // The clerk is on the portal page already (work they do with or without Lvzhi).
    const page: Page = await ext.context.newPage();
    await page.goto(site.url('/antd.html'));
    const tabId = await tabIdOf(ext, page);
    // 1. The toolbar icon opens the panel for this tab.
    a.click('toolbar icon');
    const panel = await ext.context.newPage();
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}`));
    // 2–4. The record arrives the cheapest way there is today: Settings → 导入备份 → pick the file.
    a.click('设置');
    await panel.getByTestId('tab-settings').click();
    a.click('导入备份');
    a.click('the file in the file dialog');
    await panel.getByTestId('backup-import').setInputFiles(file);
    await panel.getByTestId('backup-status').filter({ hasText: '已导入' }).waitFor({ timeout: 15_000 });
    // 5. The fill tab.
    a.click('填写');
    await panel.getByTestId('tab-fill').click();
    // 6–7. One click to allow the site, and the browser's permission prompt.
    a.click('允许在此网站使用');
    a.click('the permission prompt: 允许');
    await panel.getByTestId('allow-site').click();
    await waitForLauncher(page);
    // The plan follows at once with the record chosen from the page's fields.
    await panel.getByTestId('fill-plan').waitFor({ timeout: 30_000 });
    const chosen = await panel.getByTestId('fill-record').inputValue();
    if (chosen !== record.id) throw new Error(`the record chosen was ${chosen}, not ${record.id}`);
    // 8. 确认填写.
    a.click('确认填写');
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    // Only a portal whose framework state holds the values and whose own submit passes counts.
    const state = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    const wrong = Object.entries(exp.fields).filter(([f, w]) => w.key !== null && JSON.stringify(state[f]) !== JSON.stringify(w.value)).map(([f]) => f);
    if (wrong.length > 0) throw new Error(`portal fields not as the record says: ${wrong.join(', ')}`);
    const submitted = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.submit());
    if (!submitted.ok) throw new Error(`the portal's own submit failed: ${submitted.errors.join('; ')}`);
    return { count: a.count, log: a.log };
  } finally {
    await ext.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let firstUse: { count: number; log: string[] } | undefined;

export default [
  defineBench({
    name: 'staff: actions from a fresh install to the first filled portal',
    unit: 'actions',
    goal: { value: 8, op: '<=', description: 'a new clerk fills a first portal in a handful of clicks' },
    runs: 10,
    warmup: 0,
    setup: async () => {
      firstUse = await firstUseActions();
      console.log(`  staff first use: ${firstUse.log.join(' → ')}`);
      return firstUse.count;
    },
    run: () => undefined,
    scale: () => firstUse?.count ?? Number.NaN,
  }),
];

