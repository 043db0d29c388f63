/**
 * Staff figures (issue 12): how many actions (clicks and keystrokes; a Chinese character counts
 * as one) a clerk needs, counted through the real built extension in Chromium with the
 * `ActionCounter` of tests/harness/actions.ts (it performs each action and counts it).
 *
 * A figure is a count, not a time: `setup` drives the flow once (verifying the outcome the user
 * would see) and `scale` reports the count; the timed `run` does nothing. Every value the portal's
 * own framework state does not hold after the fill is counted as entered by hand (`handCost`), so
 * the figure never claims fewer actions than the clerk really needs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildBackup, sealBackup } from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';

/** The shortest passphrase a backup takes (8 characters): the honest least the clerk types. */
const FIRST_USE_PASSPHRASE = 'qsz@2024';
import { defineBench } from './harness.ts';
import { ActionCounter, choiceKeys, handCost } from '../harness/actions.ts';
import { REPO_ROOT, launchWithExtension, serveDir } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, exampleRecord, tabIdOf, waitForLauncher } from '../e2e/extension-helpers.ts';

// ---------------------------------------------------------------- fresh install → first filled portal

type PortalApi = { state(): Record<string, unknown>; submit(): { ok: boolean; errors: string[] } };

interface FirstUse { count: number; detail: Record<string, number>; byHand: string[]; submitOk: boolean }

/**
 * A fresh profile with the extension, the antd fixture portal open (not yet allowed), the
 * office's records as a backup file. The test build is used because a headless browser cannot
 * answer the host-permission prompt; its click is counted as one action. The toolbar icon opens
 * the panel for this tab (`?tab=`, as the fallback window does; the side panel follows the active
 * tab the same way).
 */
async function firstUseActions(): Promise<FirstUse> {
  await buildPortals();
  const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
  const choices = choiceKeys(packs);
  const site = await serveDir(PORTALS_DIR);
  const ext = await launchWithExtension(TEST_BUILD_DIR);
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-staff-'));
  try {
    const exp = JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', 'antd.json'), 'utf8')) as { record: string; fields: Record<string, { key: string | null; value: unknown }> };
    const record = exampleRecord(exp.record);
    const file = join(dir, 'records.json');
    // A backup as the extension writes it today: encrypted with the office's passphrase, which the
    // clerk types (an old plain backup would import without it, but none is written any more).
    writeFileSync(file, await sealBackup(buildBackup({ records: [record], settings: {}, version: '0.1.0' }), FIRST_USE_PASSPHRASE));
    const c = new ActionCounter();
    // The clerk is on the portal page already (work they do with or without Lvzhi).
    const page: Page = await ext.context.newPage();
    await page.goto(site.url('/antd.html'));
    const tabId = await tabIdOf(ext, page);
    c.add('toolbar icon', 1);
    const panel = await ext.context.newPage();
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}`));
    // The panel opens on the fill tab over a web page; a click on 填写 only if it did not.
    await panel.getByTestId('tab-fill').waitFor();
    if ((await panel.getByTestId('tab-fill').getAttribute('aria-selected')) !== 'true') await c.click(panel.getByTestId('tab-fill'), '填写');
    // The records: the backup file, right there on the fill tab while there are none.
    await c.type(panel.getByTestId('first-import-passphrase'), FIRST_USE_PASSPHRASE, 'records: 备份口令');
    await c.chooseFile(panel.getByTestId('first-import'), file, 'records: 导入备份');
    await panel.getByTestId('fill-message').filter({ hasText: '已导入' }).waitFor({ timeout: 15_000 });
    // One click to allow the site, and the browser's permission prompt.
    await c.click(panel.getByTestId('allow-site'), 'allow');
    c.add('allow: the permission prompt', 1);
    await waitForLauncher(page);
    // The plan follows at once with the record chosen from the page's fields.
    await panel.locator(`[data-testid="fill-plan"][data-record-id="${record.id}"]`).waitFor({ timeout: 30_000 });
    // The portal stays in view beside the side panel (or the panel's own window): a hidden tab
    // would have its animation frames paused, which no clerk sees.
    await page.bringToFront();
    await c.click(panel.getByTestId('confirm-fill'), '确认填写');
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    // Every value the portal's framework state does not hold is entered by hand.
    const state = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    const wrong = Object.entries(exp.fields).filter(([f, w]) => w.key !== null && JSON.stringify(state[f]) !== JSON.stringify(w.value));
    for (const [f, w] of wrong) c.add(`by hand: ${f}`, handCost(w.value, choices.has(w.key!)));
    if (wrong.length > 0) console.log(`  first use: the fill's report: ${(await panel.getByTestId('fill-report').innerText()).replace(/\s+/g, ' ')}; portal state ${JSON.stringify(Object.fromEntries(wrong.map(([f]) => [f, state[f]])))}`);
    const submitted = wrong.length === 0 ? await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.submit()) : { ok: false, errors: [] };
    return { count: c.total, detail: c.byLabel(), byHand: wrong.map(([f]) => f), submitOk: submitted.ok };
  } finally {
    await ext.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let firstUse: FirstUse | undefined;

export default [
  defineBench({
    name: 'staff: actions from a fresh install to the first filled portal',
    unit: 'actions',
    goal: { value: 8, op: '<=', description: 'a new clerk fills a first portal in a handful of clicks' },
    runs: 10,
    warmup: 0,
    setup: async () => {
      firstUse = await firstUseActions();
      console.log(`  staff first use: ${firstUse.count} actions ${JSON.stringify(firstUse.detail)}; by hand after the fill: ${firstUse.byHand.join(', ') || 'none'}; portal submit ${firstUse.submitOk ? 'passes' : 'not tried (fields by hand)'}`);
      return firstUse.count;
    },
    run: () => undefined,
    scale: () => firstUse?.count ?? Number.NaN,
  }),
];

