/**
 * The antd 3.x DOM (adapters/antd3.ts) on a JeecgBoot 2.x page: real Ant Design Vue 1.7.8 on
 * Vue 2.7 with moment 2.29 (tests/fixtures/adapters/antdv1.html), its a-modal form built with
 * `this.$form.createForm` and v-decorator, so each component's value is the form's.
 * - Selects of dictionary codes (one with showSearch), a multiple select of deputies whose values
 *   are long numeric ids, a tree-select of departments by org code (collapsed at first), a date,
 *   showTime dates (one through JeecgBoot's j-date wrapper, whose model is text in its dateFormat), a date range and a showTime range (one control each, both ends), a date
 *   that starts at today in its own format (YYYY/MM/DD) and a checkbox group: each takes the record's value into the form's model, and the
 *   page's own validateFields passes. The query form behind the mask is not written.
 * - "filled" only when the form holds the value: a date the calendar refuses (disabledDate) is
 *   reported failed and the form keeps nothing; typing into the read-only box (as the engine once
 *   did) showed the date while the model kept today's, and was reported filled.
 * - A second record replaces the first (tags, tree node, dates, the period), and undo puts back
 *   what the form held before; on a fresh form undo empties the widgets and puts today back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const open = () => openWithBundle(t.browser, t.site.url('/antdv1.html'), { viewport: { width: 1280, height: 720 } });
const fill = async (page: Page, values: Record<string, unknown>) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;
type State = { form: Record<string, unknown>; query: Record<string, unknown> };

const RECORD = {
  'inspection.subject': '柳河镇农村道路安全视察', 'inspection.type': '执法检查', 'inspection.organiser': '柳河镇人大主席团',
  'inspection.deputies': ['王建国', '李秀英', '张伟'], 'inspection.assignedTo': '县交通运输局',
  'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T09:00', 'inspection.endTime': '2024-09-11T17:30',
  'inspection.methods': ['实地察看', '座谈交流'], 'inspection.satisfaction': '基本满意', 'inspection.findings': '道路护栏缺失三处，已要求限期整改。',
  'inspection.rectificationDeadline': '2024-10-31', 'record.fillDate': '2024-09-12',
};
const FORM = {
  subject: '柳河镇农村道路安全视察', type: '2', organiser: 'rd', deputyIds: ['1260116455123456002', '1260116455123456007', '1260116455123456012'],
  orgCode: 'A01A03', inspectDate: '2024-09-10', startTime: '2024-09-10 09:00', endTime: '2024-09-11 17:30:00', days: ['2024-09-10', '2024-09-11'], methods: ['sdck', 'zt'], period: ['2024-09-10 09:00', '2024-09-11 17:30'],
  deputyCount: 3, satisfaction: '2', findings: '道路护栏缺失三处，已要求限期整改。', deadline: '2024-10-31', fillDate: '2024-09-12',
};
/** The keys the record fills: the period (from the start and end times) into both ranges, the number of deputies derived from the list. */
const KEYS = [...Object.keys(RECORD), 'inspection.period', 'inspection.period', 'inspection.deputyCount'].sort();

describe('a sub-table under a tab in the 新增 modal (JeecgBoot 子表)', () => {
  // A table inside the modal dialog was taken for a widget's own table (a date panel's) and
  // skipped; its 新增 then counted as the add button of a group made of the whole form above.
  it('is the list’s table, titled by its tab, and takes the record’s rows', async () => {
    const page = await open();
    try {
      const scan = await lvzhi<{ tables: { labels: { text: string }[]; columns: string[] }[]; groups?: unknown[] }>(page, 'scan');
      const sub = scan.tables.find((x) => x.columns.includes('单位名称'));
      expect(sub?.labels.map((l) => l.text), JSON.stringify(scan.tables)).toContain('被视察单位');
      expect(scan.groups ?? []).toEqual([]);
      const report = await fill(page, { 'inspection.units': [{ unit: '柳河镇中心小学', location: '柳河村' }, { unit: '柳河镇卫生院', location: '镇区' }] });
      expect((await portalState<State & { units: unknown }>(page)).units, JSON.stringify(report)).toEqual([{ unit: '柳河镇中心小学', location: '柳河村' }, { unit: '柳河镇卫生院', location: '镇区' }]);
    } finally { await page.close(); }
  });
});

describe('Ant Design Vue 1.7 (antd 3.x DOM) in a JeecgBoot a-modal with v-decorator', () => {
  it('finds each widget as one control of its kind', async () => {
    const page = await open();
    try {
      const scan = await lvzhi<{ controls: { adapter: string; kind: string; labels: { text: string }[]; dateFormat?: string }[] }>(page, 'scan');
      const of = (label: string) => scan.controls.filter((c) => c.labels[0]?.text === label).map((c) => [c.adapter, c.kind, c.dateFormat ?? null]);
      expect(of('组织单位')).toEqual([['antd3-select', 'select', null]]);
      expect(of('参加代表')).toEqual([['antd3-select', 'multiselect', null]]);
      expect(of('交办单位')).toEqual([['antd3-tree-select', 'select', null]]);
      expect(of('视察日期')).toEqual([['antd3-date', 'date', 'YYYY-MM-DD']]);
      // JeecgBoot's j-date shares the picker's root and passes its dateFormat as the picker's format
      expect(of('开始时间')).toEqual([['antd3-date', 'datetime', 'YYYY-MM-DD HH:mm']]);
      expect(of('结束时间')).toEqual([['antd3-date', 'datetime', 'YYYY-MM-DD HH:mm:ss']]);
      // a range's two read-only boxes are one control, not two dates
      expect(of('视察时间')).toEqual([['antd3-date-range', 'daterange', 'YYYY-MM-DD']]);
      expect(of('视察起止时间')).toEqual([['antd3-date-range', 'datetimerange', 'YYYY-MM-DD HH:mm']]);
      expect(of('填表日期')).toEqual([['antd3-date', 'date', 'YYYY/MM/DD']]);
    } finally { await page.close(); }
  });

  it('fills every field into the form’s model, reports nothing it does not hold, and the page validates', async () => {
    const page = await open();
    try {
      const report = await fill(page, RECORD);
      const state = await portalState<State>(page);
      const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped });
      expect(state.form, detail).toEqual(FORM);
      expect(state.query, detail).toEqual({ subject: '', type: null });
      expect(report.failed, detail).toEqual([]);
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(KEYS);
      // no calendar or dropdown left drawn over the form once the page's leave animations are over
      await page.waitForFunction(() => !document.querySelector('[class*="-leave-active"]'), undefined, { timeout: 3000 });
      const drawn = await page.evaluate(() => Array.from(document.querySelectorAll('.ant-calendar-picker-container, .ant-select-dropdown')).filter((e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })).map((e) => e.className));
      expect(drawn, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('a date the calendar refuses is failed, never filled, and the form keeps its own value', async () => {
    const page = await open();
    try {
      const report = await fill(page, { 'inspection.subject': '柳河镇农村道路安全视察', 'inspection.rectificationDeadline': '2024-09-01', 'record.fillDate': '2024-09-12' });
      const state = await portalState<State>(page);
      const detail = JSON.stringify({ state, report });
      expect(state.form, detail).toMatchObject({ deadline: null, fillDate: '2024-09-12' });
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['inspection.subject', 'record.fillDate']);
      expect(report.failed.map((f) => f.key), detail).toEqual(['inspection.rectificationDeadline']);
      expect(report.failed[0]!.error, detail).toMatch(/门户未接受该值/);
      // the picker's own box shows what the form holds: nothing
      expect(await page.evaluate(() => (document.querySelector('#deadline input') as HTMLInputElement).value)).toBe('');
    } finally { await page.close(); }
  });

  it('undo on the fresh form empties what the fill wrote and puts today back in 填表日期', async () => {
    const page = await open();
    try {
      await fill(page, { 'inspection.deputies': ['王建国', '张伟'], 'inspection.assignedTo': '县交通运输局', 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T09:00', 'inspection.endTime': '2024-09-11T17:30', 'record.fillDate': '2024-09-12' });
      const today = await page.evaluate(() => (window as unknown as { moment: () => { format(f: string): string } }).moment().format('YYYY-MM-DD'));
      const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      // the widgets' own empty values (a cleared range is [], a multiple select without tags [])
      expect((await portalState<State>(page)).form).toMatchObject({ deputyIds: [], orgCode: null, inspectDate: null, startTime: '', endTime: null, days: [], period: [], fillDate: today });
    } finally { await page.close(); }
  });

  it('a second record replaces the first, and undo puts back what the form held', async () => {
    const page = await open();
    try {
      await fill(page, RECORD);
      const before = (await portalState<State>(page)).form;
      const second = {
        ...RECORD, 'inspection.type': '专题调研', 'inspection.organiser': '县人大常委会', 'inspection.deputies': ['周立新', '黄文斌'], 'inspection.assignedTo': '柳河镇司法所',
        'inspection.date': '2024-10-08', 'inspection.startTime': '2024-10-08T08:30', 'inspection.endTime': '2024-10-09T16:00', 'record.fillDate': '2024-10-10',
      };
      const report = await fill(page, second);
      const state = await portalState<State>(page);
      const detail = JSON.stringify({ state, failed: report.failed });
      expect(state.form, detail).toEqual({
        ...FORM, type: '3', organiser: 'xrd', deputyIds: ['1260116455123456001', '1260116455123456010'], orgCode: 'A02A02', deputyCount: 2,
        inspectDate: '2024-10-08', startTime: '2024-10-08 08:30', endTime: '2024-10-09 16:00:00', days: ['2024-10-08', '2024-10-09'], period: ['2024-10-08 08:30', '2024-10-09 16:00'], fillDate: '2024-10-10',
      });
      expect(report.failed, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
      const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      expect((await portalState<State>(page)).form).toEqual(before);
    } finally { await page.close(); }
  });
});
