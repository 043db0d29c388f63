/**
 * `staff workload: actions with Lvzhi vs by hand` (issue 12): a clerk's clicks and keystrokes,
 * counted through the real built extension in Chromium (test build, 127.0.0.1 allowed).
 *
 * Scenario measured (a part of the issue's week, see the report of the "staffdata" helper): one
 * deputy profile into two portals (Layui and Ant Design fixture portals), where the data arrive
 * as the office's roster spreadsheet (.csv; the photo is not in it).
 * - By hand: for every value the portal must hold (tests/fixtures/portals/expected/*.json, used
 *   only as the user's data), the actions to enter it (`handCost`: a click plus one per
 *   character; a choice — its dictionary key has options — two clicks; a tick one; a file two).
 * - With Lvzhi, performed and counted with `ActionCounter`: open the panel, 导入表格, choose
 *   the file, 全部导入; on each portal the launcher, choose the record (and the mapping where
 *   the portal's address is not the mapping's), 自动填写, 确认填写; then, by hand, every value
 *   the portal's own framework state does not hold after the fill (read from the page).
 * Value = with / by hand (ratio). Goal ≤ 0.25. Needs `npm run build`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { recordsTable, tableToCsv, type LvzhiRecord, type PackDefinition } from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';
import { defineBench } from './harness.ts';
import { ActionCounter, handCost } from '../harness/actions.ts';
import { REPO_ROOT, launchWithExtension, serveDir } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, tabIdOf, waitForLauncher } from '../e2e/extension-helpers.ts';

interface Expected { page: string; record: string; mapping: string | null; fields: Record<string, { key: string | null; value: unknown }> }
const expected = (name: string) => JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', `${name}.json`), 'utf8')) as Expected;
type PortalApi = { state(): Record<string, unknown> };
const PORTALS = ['layui', 'antd'];

async function portalFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    for (const f of page.frames()) if (await f.evaluate(() => '__portal' in window).catch(() => false)) return f;
    await page.waitForTimeout(100);
  }
  throw new Error(`no portal state in ${page.url()}`);
}

/** Keys of the dictionary whose values are choices. */
function choiceKeys(packs: PackDefinition[]): Set<string> {
  const out = new Set<string>();
  for (const p of packs) for (const d of p.dictionary ?? []) if (d.optionSet || d.type === 'select' || d.type === 'radio' || d.type === 'multiselect' || d.type === 'checkboxes') out.add(d.key);
  return out;
}

function byHand(exp: Expected, choices: Set<string>, only?: (field: string) => boolean): number {
  let n = 0;
  for (const [field, want] of Object.entries(exp.fields)) {
    if (want.key === null || (only && !only(field))) continue;
    n += handCost(want.value, choices.has(want.key));
  }
  return n;
}

interface Measured { withLvzhi: number; byHand: number; detail: Record<string, number> }

async function measure(): Promise<Measured> {
  const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
  const choices = choiceKeys(packs);
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-workload-'));
  await buildPortals();
  const site = await serveDir(PORTALS_DIR);
  const ext = await launchWithExtension(TEST_BUILD_DIR);
  try {
    await allowPortal(ext, site.origin);
    // The office's roster, as a spreadsheet: the deputy's profile without the photo.
    const record: LvzhiRecord = exampleRecord(expected('layui').record);
    const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === record.form)!;
    const table = recordsTable(form, [record], { full: true });
    const keep = table.header.map((h, i) => (['记录编号', '状态', '流程状态', '照片'].includes(h) ? -1 : i)).filter((i) => i >= 0);
    const csv = join(dir, '代表名册.csv');
    writeFileSync(csv, tableToCsv({ name: table.name, header: keep.map((i) => table.header[i]!), rows: table.rows.map((r) => keep.map((i) => r[i] ?? null)) }));

    const c = new ActionCounter();
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    c.add('open the panel', 1);
    await c.click(panel.getByTestId('import-open'), 'import');
    await c.chooseFile(panel.getByTestId('import-file'), csv, 'import');
    await panel.getByTestId('import-preview').waitFor();
    const all = panel.getByTestId('import-all');
    if (await all.isDisabled()) throw new Error(`roster import refused: ${await panel.getByTestId('import-errors').textContent()}`);
    await c.click(all, 'import');
    await panel.getByTestId('import-done').waitFor();
    const imported = await panel.getByTestId('record-row').first().getAttribute('data-record-id');

    let hand = 0;
    for (const name of PORTALS) {
      const exp = expected(name);
      hand += byHand(exp, choices);
      const page = await ext.context.newPage();
      await page.goto(site.url(`/${exp.page}`));
      const launcher = await waitForLauncher(page);
      const tabId = await tabIdOf(ext, page);
      const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
      await c.click(launcher, `${name}: fill`);
      const bound = await opened;
      await bound.getByTestId('page-title').waitFor();
      await attached(bound.getByTestId('fill-record').locator(`option[value="${imported}"]`));
      await c.select(bound.getByTestId('fill-record'), imported!, `${name}: fill`);
      if (exp.mapping) await c.select(bound.getByTestId('fill-mapping'), exp.mapping, `${name}: fill`);
      await c.click(bound.getByTestId('autofill'), `${name}: fill`);
      await bound.getByTestId('fill-plan').waitFor({ timeout: 30_000 });
      await c.click(bound.getByTestId('confirm-fill'), `${name}: fill`);
      await bound.getByTestId('fill-report').waitFor({ timeout: 60_000 });
      const frame = await portalFrame(page);
      const state = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
      // What the fill did not put into the portal's own state is entered by hand.
      c.add(`${name}: by hand after the fill`, byHand(exp, choices, (f) => JSON.stringify(state[f]) !== JSON.stringify(exp.fields[f]!.value)));
      await bound.close();
      await page.close();
    }
    return { withLvzhi: c.total, byHand: hand, detail: c.byLabel() };
  } finally {
    await ext.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function attached(locator: { waitFor(o: { state: 'attached'; timeout: number }): Promise<void> }): Promise<void> {
  await locator.waitFor({ state: 'attached', timeout: 15_000 });
}

let last: Measured | undefined;

export default [
  defineBench<void>({
    name: 'staff workload: actions with Lvzhi vs by hand',
    unit: 'ratio',
    goal: { value: 0.25, op: '<=', description: 'with Lvzhi a clerk needs at most a quarter of the clicks and keystrokes of typing into each portal by hand' },
    runs: 10,
    warmup: 0,
    setup: async () => {
      last = await measure();
      console.log(`staff workload: with Lvzhi ${last.withLvzhi} actions, by hand ${last.byHand}; ${JSON.stringify(last.detail)}`);
    },
    run: () => undefined,
    scale: () => last!.withLvzhi / last!.byHand,
  }),
];
