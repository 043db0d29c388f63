/**
 * `staff workload: actions with Lvzhi vs by hand` (issue 12): a clerk's clicks and keystrokes,
 * counted through the real built extension in Chromium (test build, 127.0.0.1 allowed).
 *
 * Scenario measured (a part of the issue's week, see the report of the "staffdata" helper): one
 * deputy profile into two portals (Layui and Ant Design fixture portals) and one inspection into
 * the old ASP.NET frameset portal, where the data arrive as the office's roster spreadsheet
 * (.csv; photos are not in it), the inspection notice (text) and the clerk's notes (typed: type
 * of activity, the findings, opinions, deadline, the unit inspected, the recorder); the office's
 * organiser is set once in 单位默认值.
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

/** An ID number with a correct check digit (GB 11643). */
function idNumber(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

/** The other deputies of the township (names from the inspection record), as roster entries. */
function otherDeputies(base: LvzhiRecord, names: string[]): LvzhiRecord[] {
  return names.map((name, i) => {
    const id = idNumber(`32128319750101${100 + i}`);
    return {
      ...base, id: `deputy-${i}`, values: {
        ...base.values, name, idNumber: id, gender: Number(id[16]) % 2 ? '男' : '女', birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        mobile: `139000000${String(10 + i)}`, groupLeader: false, cardNumber: `县十七届第0${200 + i}号`,
      },
    };
  });
}

const INSPECTION_NOTICE = `关于组织部分代表视察大许线（青山段）油路建设质量的通知
各位代表：
经镇人大主席团研究，定于2024年4月26日（星期五）上午8:30组织部分县、镇人大代表开展视察活动。
视察主题：大许线（青山段）油路建设质量
视察地点：大许线青山至东岗段施工现场、镇交通管理站
带队领导：李秀英
参加代表：李秀英、陈志强、赵德明、周宏伟、何春生、马玉梅、林永福、高建军、许文军
请准时参加。
青山镇人大主席团
2024年4月22日`;

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
  for (const p of packs) for (const d of p.dictionary ?? []) if (d.optionSet || d.type === 'enum' || d.type === 'multienum') out.add(d.key);
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
    const inspection: LvzhiRecord = exampleRecord(expected('legacy').record);
    const names = (inspection.values['deputies'] as Array<{ name: string }>).map((p) => p.name).filter((n) => n !== record.values['name']);
    const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === record.form)!;
    const table = recordsTable(form, [record, ...otherDeputies(record, names)], { full: true });
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
    const imported = await panel.getByTestId('record-row').filter({ hasText: String(record.values['name']) }).getAttribute('data-record-id');

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

    // The inspection: 单位默认值 once, then a new record from the notice and the clerk's notes.
    const iv = inspection.values;
    await c.click(panel.getByTestId('tab-settings'), 'defaults (once)');
    await c.type(panel.getByTestId('default-inspection.organiser'), String(iv['organiser']), 'defaults (once)');
    await c.click(panel.getByTestId('defaults-save'), 'defaults (once)');
    await panel.getByTestId('defaults-saved').waitFor();
    await c.click(panel.getByTestId('tab-records'), 'inspection: record');
    await c.select(panel.getByTestId('new-form'), 'inspection', 'inspection: record');
    await c.click(panel.getByTestId('new-record'), 'inspection: record');
    const editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    await c.click(panel.getByTestId('paste-open'), 'inspection: notice');
    await c.paste(panel.getByTestId('paste-text'), INSPECTION_NOTICE, 'inspection: notice');
    await c.click(panel.getByTestId('paste-find'), 'inspection: notice');
    await c.click(panel.getByTestId('paste-apply'), 'inspection: notice');
    await panel.getByTestId('paste-applied').waitFor();
    const field = (id: string) => editor.locator(`.lvz-form [data-field="${id}"]`);
    await c.click(field('inspectionType').getByText(String(iv['inspectionType']), { exact: true }), 'inspection: notes');
    // the table starts with its minimum of one row; a row is added only when there is none
    if ((await field('units').locator('input').count()) === 0) await c.click(field('units').locator('button.lvz-add'), 'inspection: notes');
    const units = iv['units'] as Array<{ unit: string }>;
    await c.type(field('units').locator('input').first(), units[0]!.unit, 'inspection: notes');
    await c.type(field('findings').locator('textarea'), String(iv['findings']), 'inspection: notes');
    await c.type(field('opinions').locator('textarea'), String(iv['opinions']), 'inspection: notes');
    await c.type(field('rectificationDeadline').locator('input'), String(iv['rectificationDeadline']), 'inspection: notes');
    await c.type(field('recorder').locator('input'), (iv['recorder'] as { name: string }).name, 'inspection: notes');
    await c.click(panel.getByTestId('record-complete'), 'inspection: record');
    const done = await Promise.race([
      panel.getByTestId('incomplete').waitFor({ timeout: 15_000 }).then(() => false),
      panel.getByTestId('new-form').waitFor({ timeout: 15_000 }).then(() => true),
    ]);
    if (!done) throw new Error(`the inspection record is incomplete: ${await panel.getByTestId('incomplete').textContent()}`);
    const inspectionId = await panel.getByTestId('record-row').filter({ hasText: String(iv['subject']) }).first().getAttribute('data-record-id');

    const exp = expected('legacy');
    hand += byHand(exp, choices);
    const page = await ext.context.newPage();
    await page.goto(site.url(`/${exp.page}`));
    const launcher = await waitForLauncher(page);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
    await c.click(launcher, 'legacy: fill');
    const bound = await opened;
    await bound.getByTestId('page-title').waitFor();
    await attached(bound.getByTestId('fill-record').locator(`option[value="${inspectionId}"]`));
    await c.select(bound.getByTestId('fill-record'), inspectionId!, 'legacy: fill');
    await c.click(bound.getByTestId('autofill'), 'legacy: fill');
    await bound.getByTestId('fill-plan').waitFor({ timeout: 30_000 });
    await c.click(bound.getByTestId('confirm-fill'), 'legacy: fill');
    await bound.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    const frame = await portalFrame(page);
    const state = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    c.add('legacy: by hand after the fill', byHand(exp, choices, (f) => JSON.stringify(state[f]) !== JSON.stringify(exp.fields[f]!.value)));
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
    // The value is itself the ratio of two counts; the unit is not 'ratio' (that names a ratio to a timed baseline).
    unit: 'actions with / by hand',
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
