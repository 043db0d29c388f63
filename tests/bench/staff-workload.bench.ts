/**
 * `staff workload: actions with Lvzhi vs by hand` (issue 12): a clerk's clicks and keystrokes for
 * the issue's scripted week, counted through the real built extension in Chromium (test build,
 * 127.0.0.1 allowed) with `ActionCounter` (it performs each action and counts it).
 *
 * The week (the data arrive as the office's roster spreadsheet, notice texts and the clerk's notes):
 * 1. roster: the deputies' spreadsheet (.csv, without photos) — 导入表格;
 * 2. one deputy profile into two portals (Layui, Ant Design fixture portals);
 * 3. one inspection into the old ASP.NET frameset portal (its notice pasted, the notes typed;
 *    the organiser set once in 单位默认值) — the issue's second inspection portal is not in the
 *    fixtures for this record (see the report);
 * 4. three suggestions into the Element portal: the first from the clerk's notes (typed in the
 *    paste box as `标签：值` lines, the two long texts typed in their boxes), the next two from
 *    从上一条 with only what differs typed;
 * 5. a meeting registered on the two-step wizard portal (the notice pasted, the discussion typed;
 *    the wizard's second step with 继续填写) and its minutes made (记录 → 会议纪要 → 预览, 下载).
 *
 * - By hand: for every value a portal must hold (tests/fixtures/portals/expected/*.json, with the
 *   week's own values where a record differs), the actions to enter it (`handCost`: a click plus
 *   one per character; a choice two clicks; a tick one; a file two); the minutes typed in a word
 *   processor: every value they print, a value already typed into a portal that week copied over
 *   (four actions: select, copy, click, paste).
 * - With Lvzhi: every panel and launcher action, and then, by hand, every value the portal's own
 *   framework state does not hold after the fill (read from the page) — never fewer actions than
 *   the clerk really needs.
 * Value = with / by hand (ratio). Goal ≤ 0.25. Needs `npm run build`. The breakdown (by part, and
 * the fields left for the hand per portal) is printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { exportFields, recordsTable, tableToCsv, type LvzhiRecord, type PackDefinition } from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';
import { defineBench } from './harness.ts';
import { ActionCounter, choiceKeys, handCost } from '../harness/actions.ts';
import { REPO_ROOT, launchWithExtension, serveDir, type ExtensionBrowser } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, launcherControl, waitForLauncher } from '../e2e/extension-helpers.ts';

interface Expected { page: string; record: string; mapping: string | null; fields: Record<string, { key: string | null; value: unknown }> }
const expected = (name: string) => JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', `${name}.json`), 'utf8')) as Expected;
type PortalApi = { state(): Record<string, unknown> };

/** An ID number with a correct check digit (GB 11643). */
function idNumber(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

/** The other deputies of the township (names from the week's records), as roster entries. */
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

/** The meeting notice, written from the example meeting record (tests/fixtures: wizard portal). */
function meetingNotice(v: Record<string, unknown>): string {
  const names = (x: unknown) => (x as Array<{ name: string }>).map((p) => p.name).join('、');
  const agenda = (v['agenda'] as Array<{ topic: string; presenter?: { name: string } }>).map((a, i) => `${'一二三四五六七八九'[i]}、${a.topic}${a.presenter ? `（汇报人：${a.presenter.name}）` : ''}`);
  const t = String(v['startTime']);
  return [
    `关于召开${String(v['title'])}的通知`,
    '各位主席团成员：',
    `定于${t.slice(0, 4)}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日上午${Number(t.slice(11, 13))}时在${String(v['place'])}召开${String(v['title'])}。`,
    `主持人：${(v['chair'] as { name: string }).name}`,
    `参加人员：${names(v['present'])}`,
    `记录人：${(v['recorder'] as { name: string }).name}`,
    '会议议题：',
    ...agenda,
    '请准时参加。',
  ].join('\n');
}

/** The week's three suggestions: the example, and two more on other roads from the same deputy. */
const SUGGESTION_VARIANTS: Array<Record<string, string>> = [
  {},
  { number: '青人建〔2024〕4号', submitDate: '2024-03-12', title: '关于在青山小学门口增设人行横道的建议', reason: '青山小学门口位于县道旁，车流量大，学生上下学横穿马路，存在安全隐患。', content: '一、在学校门口增设人行横道和信号灯；\n二、上下学时段安排交警或志愿者值守。' },
  { number: '青人建〔2024〕5号', submitDate: '2024-03-12', title: '关于整治柳河村河道垃圾的建议', reason: '柳河村段河道垃圾漂浮，夏季异味明显，影响群众生活。', content: '一、组织集中清理河道垃圾；\n二、落实河长制日常巡查保洁。' },
];

async function portalFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    for (const f of page.frames()) if (await f.evaluate(() => '__portal' in window).catch(() => false)) return f;
    await page.waitForTimeout(100);
  }
  throw new Error(`no portal state in ${page.url()}`);
}

interface Measured { withLvzhi: number; byHand: number; byHandCopying: number; detail: Record<string, number>; handDetail: Record<string, number>; leftForHand: Record<string, string[]> }

async function measure(): Promise<Measured> {
  const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
  const choices = choiceKeys(packs);
  const forms = new Map(packs.flatMap((p: PackDefinition) => p.forms ?? []).map((f) => [f.id, f]));
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-workload-'));
  await buildPortals();
  const site = await serveDir(PORTALS_DIR);
  const ext: ExtensionBrowser = await launchWithExtension(TEST_BUILD_DIR);
  const c = new ActionCounter();
  const hand = new Map<string, number>();
  const addHand = (part: string, n: number) => hand.set(part, (hand.get(part) ?? 0) + n);
  // For the report only: by hand, a value that arrives as text (the roster file, a notice) could
  // be copied over instead of typed (select, copy, click, paste: four actions).
  const arrived: string[] = [];
  let copied = 0;
  const copyCost = (v: unknown, n: number) => (typeof v === 'string' && v.length > 0 && arrived.some((t) => t.includes(v)) ? Math.min(n, 4) : n);
  const leftForHand: Record<string, string[]> = {};
  /** By-hand actions for the expected values (with the week's overrides by field), over `only` fields. */
  const byHand = (exp: Expected, override: Record<string, unknown> = {}, only?: (field: string) => boolean): number => {
    let n = 0;
    for (const [field, want] of Object.entries(exp.fields)) {
      if (want.key === null || (only && !only(field))) continue;
      const v = field in override ? override[field] : want.value;
      const cost = handCost(v, choices.has(want.key));
      if (!only) copied += copyCost(v, cost);
      n += cost;
    }
    return n;
  };
  try {
    await allowPortal(ext, site.origin);
    const deputy: LvzhiRecord = exampleRecord(expected('layui').record);
    const inspection: LvzhiRecord = exampleRecord(expected('legacy').record);
    const suggestion: LvzhiRecord = exampleRecord(expected('element').record);
    const meeting: LvzhiRecord = exampleRecord('forms/examples/presidium-monthly.json');

    // 1. The office's roster, as a spreadsheet: the deputies of the week's records, without photos.
    const names = [...new Set([
      ...(inspection.values['deputies'] as Array<{ name: string }>).map((p) => p.name),
      (suggestion.values['proposer'] as { name: string }).name,
      ...(suggestion.values['coSigners'] as Array<{ name: string }>).map((p) => p.name),
      ...(meeting.values['present'] as Array<{ name: string }>).map((p) => p.name),
    ])].filter((n) => n !== deputy.values['name']);
    const form = forms.get(deputy.form)!;
    const table = recordsTable(form, [deputy, ...otherDeputies(deputy, names)], { full: true });
    const keep = table.header.map((h, i) => (['记录编号', '状态', '流程状态', '照片'].includes(h) ? -1 : i)).filter((i) => i >= 0);
    const csv = join(dir, '代表名册.csv');
    writeFileSync(csv, tableToCsv({ name: table.name, header: keep.map((i) => table.header[i]!), rows: table.rows.map((r) => keep.map((i) => r[i] ?? null)) }));
    arrived.push(readFileSync(csv, 'utf8'), INSPECTION_NOTICE, meetingNotice(meeting.values));

    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    c.add('roster', 1); // open the panel
    await c.click(panel.getByTestId('import-open'), 'roster');
    await c.chooseFile(panel.getByTestId('import-file'), csv, 'roster');
    await panel.getByTestId('import-preview').waitFor();
    const all = panel.getByTestId('import-all');
    if (await all.isDisabled()) throw new Error(`roster import refused: ${await panel.getByTestId('import-errors').textContent()}`);
    await c.click(all, 'roster');
    await panel.getByTestId('import-done').waitFor();
    const deputyId = await panel.getByTestId('record-row').filter({ hasText: String(deputy.values['name']) }).getAttribute('data-record-id');

    /**
     * The launcher on a portal page: the panel opens with a record preselected and its plan shown;
     * the record (and the mapping, where the portal's address is not the mapping's) is chosen only
     * when the preselection is not the one meant; 确认填写. The portal stays in view beside the panel.
     * Returns the portal's page and panel for a next step.
     */
    const launcherFill = async (part: string, exp: Expected, recordId: string): Promise<{ page: Page; bound: Page }> => {
      const page = await ext.context.newPage();
      await page.goto(site.url(`/${exp.page}`));
      const launcher = await waitForLauncher(page);
      const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
      await c.click(launcher, `${part}: fill`);
      const bound = await opened;
      await bound.getByTestId('page-title').waitFor();
      await bound.getByTestId('fill-record').locator(`option[value="${recordId}"]`).waitFor({ state: 'attached', timeout: 15_000 });
      // the preselection settles (mapping, then the page's labels) within the first plan
      await bound.getByTestId('fill-plan').or(bound.getByTestId('fill-message')).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
      if (exp.mapping && (await bound.getByTestId('fill-mapping').inputValue()) !== exp.mapping) await c.select(bound.getByTestId('fill-mapping'), exp.mapping, `${part}: fill`);
      if ((await bound.getByTestId('fill-record').inputValue()) !== recordId) await c.select(bound.getByTestId('fill-record'), recordId, `${part}: fill`);
      await bound.locator(`[data-testid="fill-plan"][data-record-id="${recordId}"]`).waitFor({ timeout: 30_000 });
      await page.bringToFront();
      await c.click(bound.getByTestId('confirm-fill'), `${part}: fill`);
      await bound.getByTestId('fill-report').waitFor({ timeout: 60_000 });
      return { page, bound };
    };
    /** What the fill did not put into the portal's own state is entered by hand. */
    const leftover = async (part: string, page: Page, exp: Expected, override: Record<string, unknown> = {}) => {
      const frame = await portalFrame(page);
      const state = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
      const want = (f: string) => (f in override ? override[f] : exp.fields[f]!.value);
      const missed = (f: string) => JSON.stringify(state[f]) !== JSON.stringify(want(f));
      c.add(`${part}: by hand after the fill`, byHand(exp, override, missed));
      const list = Object.keys(exp.fields).filter((f) => exp.fields[f]!.key !== null && missed(f) && handCost(want(f)) > 0);
      if (list.length) leftForHand[part] = [...(leftForHand[part] ?? []), ...list];
    };

    // 2. The deputy profile into two portals.
    for (const name of ['layui', 'antd']) {
      const exp = expected(name);
      addHand(`deputy: ${name}`, byHand(exp));
      const { page, bound } = await launcherFill(`deputy: ${name}`, exp, deputyId!);
      await leftover(`deputy: ${name}`, page, exp);
      await bound.close();
      await page.close();
    }

    const editor = panel.getByTestId('record-editor');
    const field = (id: string) => editor.locator(`.lvz-form [data-field="${id}"]`);
    const pasteNotice = async (text: string, part: string) => {
      // a new record opens with the paste box; the paste is read at once
      await c.paste(panel.getByTestId('paste-text'), text, part);
      await panel.getByTestId('paste-text').dispatchEvent('paste');
      await panel.getByTestId('paste-proposal').first().waitFor({ timeout: 10_000 });
      await c.click(panel.getByTestId('paste-apply'), part);
      await panel.getByTestId('paste-applied').waitFor();
    };
    const complete = async (part: string): Promise<string> => {
      await c.click(panel.getByTestId('record-complete'), part);
      const done = await Promise.race([
        panel.getByTestId('incomplete').waitFor({ timeout: 15_000 }).then(() => false),
        panel.getByTestId('new-form').waitFor({ timeout: 15_000 }).then(() => true),
      ]);
      if (!done) throw new Error(`${part}: the record is incomplete: ${await panel.getByTestId('incomplete').textContent()}`);
      return (await panel.getByTestId('record-row').first().getAttribute('data-record-id'))!;
    };
    const newRecord = async (formId: string, part: string, fromLast = false) => {
      if ((await panel.getByTestId('new-form').inputValue()) !== formId) await c.select(panel.getByTestId('new-form'), formId, part);
      await c.click(panel.getByTestId(fromLast ? 'new-from-last' : 'new-record'), part);
      await editor.waitFor();
    };

    // 3. The inspection: 单位默认值 once, then a new record from the notice and the clerk's notes.
    const iv = inspection.values;
    await c.click(panel.getByTestId('tab-settings'), 'inspection: defaults (once)');
    await c.type(panel.getByTestId('default-inspection.organiser'), String(iv['organiser']), 'inspection: defaults (once)');
    await c.click(panel.getByTestId('defaults-save'), 'inspection: defaults (once)');
    await panel.getByTestId('defaults-saved').waitFor();
    await c.click(panel.getByTestId('tab-records'), 'inspection: record');
    await newRecord('inspection', 'inspection: record');
    await pasteNotice(INSPECTION_NOTICE, 'inspection: notice');
    await c.click(field('inspectionType').getByText(String(iv['inspectionType']), { exact: true }), 'inspection: notes');
    if ((await field('units').locator('input').count()) === 0) await c.click(field('units').locator('button.lvz-add'), 'inspection: notes');
    const units = iv['units'] as Array<{ unit: string }>;
    await c.type(field('units').locator('input').first(), units[0]!.unit, 'inspection: notes');
    await c.type(field('findings').locator('textarea'), String(iv['findings']), 'inspection: notes');
    await c.type(field('opinions').locator('textarea'), String(iv['opinions']), 'inspection: notes');
    await c.type(field('rectificationDeadline').locator('input'), String(iv['rectificationDeadline']), 'inspection: notes');
    await c.type(field('recorder').locator('input'), (iv['recorder'] as { name: string }).name, 'inspection: notes');
    const inspectionId = await complete('inspection: record');
    {
      const exp = expected('legacy');
      addHand('inspection: legacy', byHand(exp));
      const { page, bound } = await launcherFill('inspection: legacy', exp, inspectionId);
      await leftover('inspection: legacy', page, exp);
      await bound.close();
      await page.close();
    }

    // 4. Three suggestions into the Element portal.
    const sform = forms.get('suggestion')!;
    const sfields = exportFields(sform);
    const label = (id: string) => sfields.find((f) => f.id === id)!.label!;
    const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join('、') : v && typeof v === 'object' && 'name' in v ? String((v as { name: string }).name) : String(v));
    const long = new Set(['reason', 'content']);
    const portalField = (key: string) => Object.entries(expected('element').fields).find(([, w]) => w.key === `suggestion.${key}`)?.[0];
    for (const [i, variant] of SUGGESTION_VARIANTS.entries()) {
      const part = `suggestion ${i + 1}`;
      const exp = expected('element');
      const values = { ...suggestion.values, ...variant };
      const override = Object.fromEntries(Object.entries(variant).map(([k, v]) => [portalField(k)!, v]));
      addHand(`${part}: element`, byHand(exp, override));
      // What the clerk's notes give: on the first, every value the portal asks for; then what differs.
      // (提出会次 too: the record requires it for a suggestion made during the session, the portal does not ask)
      const noteIds = i === 0 ? sfields.filter((f) => (f.id === 'session' || Object.values(exp.fields).some((w) => w.key === `suggestion.${f.id}`)) && values[f.id] !== undefined).map((f) => f.id) : Object.keys(variant);
      await newRecord('suggestion', `${part}: record`, i > 0);
      const lines = noteIds.filter((id) => !long.has(id)).map((id) => `${label(id)}：${show(values[id])}`).join('\n');
      if (lines) {
        await c.type(panel.getByTestId('paste-text'), lines, `${part}: notes`);
        await panel.getByTestId('paste-proposal').first().waitFor({ timeout: 10_000 });
        await c.click(panel.getByTestId('paste-apply'), `${part}: notes`);
        await panel.getByTestId('paste-applied').waitFor();
      }
      for (const id of noteIds.filter((x) => long.has(x))) await c.type(field(id).locator('textarea'), String(values[id]), `${part}: notes`);
      const id = await complete(`${part}: record`);
      const { page, bound } = await launcherFill(`${part}: element`, exp, id);
      await leftover(`${part}: element`, page, exp, override);
      await bound.close();
      await page.close();
    }

    // 5. The meeting: registered from its notice and the clerk's notes, then its minutes.
    const mv = meeting.values;
    await newRecord('presidium-monthly', 'meeting: record');
    await pasteNotice(meetingNotice(mv), 'meeting: notice');
    await c.type(field('discussion').locator('textarea'), String(mv['discussion']), 'meeting: notes');
    const docDate = field('documentDate').locator('input');
    if ((await docDate.inputValue()) === '') await c.type(docDate, String(mv['documentDate']), 'meeting: notes');
    const meetingId = await complete('meeting: record');
    {
      const exp = expected('wizard');
      addHand('meeting: wizard', byHand(exp));
      const { page, bound } = await launcherFill('meeting: wizard', exp, meetingId);
      // The wizard's own 下一步 is clicked either way (not counted on either side); then 继续填写.
      await page.click('#wz-next');
      let more: Awaited<ReturnType<typeof launcherControl>>;
      for (let t = 0; t < 150 && !/继续填写 \([1-9]/.test((more = await launcherControl(page, 'lvzhi-more'))?.text ?? ''); t++) await page.waitForTimeout(100);
      if (!more) throw new Error('the wizard\'s second step was not offered 继续填写');
      await more.click();
      c.add('meeting: wizard: fill', 1);
      await bound.getByTestId('fill-message').filter({ hasText: /已继续填写/ }).waitFor({ timeout: 30_000 });
      await leftover('meeting: wizard', page, exp);
      await bound.close();
      await page.close();
    }
    // The minutes.
    await c.click(panel.getByTestId('tab-minutes'), 'meeting: minutes');
    const chosen = panel.getByTestId('minutes-record');
    await chosen.locator(`option[value="${meetingId}"]`).waitFor({ state: 'attached' });
    if ((await chosen.inputValue()) !== meetingId) await c.select(chosen, meetingId, 'meeting: minutes');
    await c.click(panel.getByTestId('minutes-preview'), 'meeting: minutes');
    await panel.getByTestId('minutes-status').waitFor({ timeout: 120_000 });
    if (!(await panel.getByTestId('minutes-download').isEnabled())) throw new Error(`minutes: ${await panel.getByTestId('minutes-status').textContent()}`);
    await c.click(panel.getByTestId('minutes-download'), 'meeting: minutes');
    // By hand, the minutes typed in a word processor: what the week's record holds and the minutes print.
    const wizardFields = new Map(Object.values(expected('wizard').fields).filter((w) => w.key).map((w) => [w.key!.replace(/^meeting\./, ''), w.value]));
    const mform = forms.get('presidium-monthly')!;
    const stored = new Set(['title', 'startTime', 'place', 'chair', 'recorder', 'present', 'agenda', 'discussion']);
    for (const f of exportFields(mform)) {
      if (!stored.has(f.id)) continue;
      const v = mv[f.id];
      const typedIntoPortal = [...wizardFields.values()].some((w) => w === show(v) || (f.id === 'discussion' && w === v));
      addHand('meeting: minutes', typedIntoPortal ? 4 : Array.isArray(v) && v.length && typeof v[0] === 'object' ? v.reduce<number>((n, row) => n + Object.values(row as object).reduce<number>((m, x) => m + handCost(show(x)), 0), 0) : handCost(show(v)));
    }
    copied += hand.get('meeting: minutes') ?? 0;
    return { withLvzhi: c.total, byHand: [...hand.values()].reduce((a, b) => a + b, 0), byHandCopying: copied, detail: c.byLabel(), handDetail: Object.fromEntries(hand), leftForHand };
  } finally {
    await ext.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
      console.log(`staff workload: with Lvzhi ${last.withLvzhi} actions, by hand ${last.byHand}`);
      console.log(`  with Lvzhi, by part: ${JSON.stringify(last.detail)}`);
      console.log(`  by hand, by part: ${JSON.stringify(last.handDetail)}`);
      console.log(`  fields the fill left for the hand: ${JSON.stringify(last.leftForHand)}`);
      console.log(`  (report only) by hand copying every value that arrives as text instead of typing it: ${last.byHandCopying} actions, ratio ${(last.withLvzhi / last.byHandCopying).toFixed(3)}`);
    },
    run: () => undefined,
    scale: () => last!.withLvzhi / last!.byHand,
  }),
];

