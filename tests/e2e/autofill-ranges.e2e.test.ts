/**
 * Date and date-time range pickers (one widget, two inputs) of Element Plus, Element UI 2 (Vue 2),
 * Ant Design (React), Ant Design Vue, TDesign, Arco and Naive UI, and View UI's (one input showing
 * `start - end`) take the record's period (`inspection.period`: 开始时间
 * → 结束时间, 视察日期 for a one-day inspection), written into both inputs as a person types and
 * read back from the framework's model; a single date picker beside them keeps the date. A record
 * without times leaves the date-time range empty with the reason; the inputs and selects inside the
 * pickers' own panels are never listed as page controls. And a radio group labelled with
 * a date's name (提出时间: 大会期间 / 闭会期间) takes the choice key its options fit. Pages of our own
 * (tests/fixtures/adapters/range-*.html, kind-options.html).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ adapters: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const open = (name: string) => openWithBundle(t.browser, t.adapters.url(`/${name}.html`));
const fill = async (page: Page, values: Record<string, unknown>) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;

const RECORD = { 'inspection.subject': '防汛设施视察', 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T09:00', 'inspection.endTime': '2024-09-11T17:30' };
const LIBRARIES = [
  { page: 'range-element-plus', adapter: 'element-date-range' },
  { page: 'range-antd', adapter: 'antd-date-range' },
  { page: 'range-antdv', adapter: 'antd-date-range' },
  { page: 'range-tdesign', adapter: 'tdesign-date-range' },
  { page: 'range-arco', adapter: 'arco-date-range' },
  { page: 'range-naive', adapter: 'naive-date-range' },
  { page: 'range-view-ui', adapter: 'view-ui-date-range' },
  { page: 'range-element-ui', adapter: 'element-date-range' },
  { page: 'range-amis', adapter: 'amis-date-range' },
];

describe('range pickers take the record’s period', () => {
  for (const lib of LIBRARIES) {
    it(`${lib.page}: both ends of the date range and of the date-time range, in the model`, async () => {
      const page = await open(lib.page);
      try {
        const scan = await lvzhi<{ controls: { adapter: string; kind: string; labels: { text: string }[] }[] }>(page, 'scan');
        expect(scan.controls.filter((c) => c.adapter === lib.adapter).map((c) => [c.labels[0]?.text, c.kind])).toEqual([['视察时间', 'daterange'], ['活动时间', 'datetimerange']]);
        const report = await fill(page, RECORD);
        const detail = JSON.stringify(report);
        // (amis takes a control's change into its form store after a short debounce: what 提交 posts a moment later)
        await expect.poll(() => portalState(page), { message: detail, timeout: 2000 }).toEqual({ subject: '防汛设施视察', period: '2024-09-10 ~ 2024-09-11', times: '2024-09-10 09:00 ~ 2024-09-11 17:30', date: '2024-09-10' });
        expect(report.filled.map((f) => [f.label, f.key]), detail).toEqual([['视察主题', 'inspection.subject'], ['视察时间', 'inspection.period'], ['活动时间', 'inspection.period'], ['视察日期', 'inspection.date']]);
        expect(report.failed, detail).toEqual([]);
        expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
        // the panels have opened (and some stay in the page, hidden): their own inputs and selects
        // (Start Date / Start Time…, the header's year and month) are the pickers', not the page's
        expect(report.skipped, detail).toEqual([]);
        // a person clicks again once the panels have gone (a fill returns before their fade ends;
        // TDesign's range panel, closed while still opening, can read as covering the next row then)
        await page.waitForFunction(() => !document.querySelector('[class*="leave-active"], [class*="leave-to"]'), undefined, { timeout: 5000 });
        const again = await fill(page, RECORD);
        // TDesign's date-time range panel, closing, may write the time its columns show (the end's,
        // or 59 seconds) into the start: the start is typed again once the panel is gone
        expect(again.skipped, JSON.stringify(again)).toEqual([]);
        expect(again.failed, JSON.stringify(again)).toEqual([]);
        const rescan = await lvzhi<{ controls: unknown[] }>(page, 'scan');
        expect(rescan.controls, JSON.stringify(rescan.controls)).toHaveLength(4);
      } finally { await page.close(); }
    });
  }

  for (const name of ['range-element-plus', 'range-element-ui', 'range-view-ui']) {
    it(`${name}: a one-day inspection without times: the date range gets the day, the date-time range stays empty and says why`, async () => {
      const page = await open(name);
      try {
        const report = await fill(page, { 'inspection.subject': '防汛设施视察', 'inspection.date': '2024-09-10' });
        const detail = JSON.stringify(report);
        expect(await portalState(page), detail).toEqual({ subject: '防汛设施视察', period: '2024-09-10 ~ 2024-09-10', times: '', date: '2024-09-10' });
        expect(report.skipped, detail).toMatchObject([{ label: '活动时间', reason: 'missing-part', detail: '门户要求填写时间，记录中没有“开始时间”的时间' }]);
        expect(report.failed, detail).toEqual([]);
      } finally { await page.close(); }
    });
  }

  // typed over, the start of these kept the old period's day or time and the new one was refused
  for (const name of ['range-element-plus', 'range-arco', 'range-tdesign']) {
    it(`${name}: a range holding another period takes the record’s`, async () => {
      const page = await open(name);
      try {
        await fill(page, RECORD);
        const report = await fill(page, { ...RECORD, 'inspection.startTime': '2024-10-08T08:30', 'inspection.endTime': '2024-10-09T16:00' });
        const detail = JSON.stringify(report);
        expect(await portalState(page), detail).toMatchObject({ period: '2024-10-08 ~ 2024-10-09', times: '2024-10-08 08:30 ~ 2024-10-09 16:00' });
        expect(report.failed, detail).toEqual([]);
      } finally { await page.close(); }
    });
  }

  for (const name of ['range-arco', 'range-view-ui', 'range-element-ui']) {
    it(`${name}: undo empties the range pickers it filled`, async () => {
      const page = await open(name);
      try {
        await fill(page, RECORD);
        expect((await portalState(page) as { times: string }).times).toBe('2024-09-10 09:00 ~ 2024-09-11 17:30');
        const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
        expect(undone.failed).toEqual([]);
        expect(await portalState(page)).toEqual({ subject: '', period: '', times: '', date: '' });
      } finally { await page.close(); }
    });
  }
});

describe('a label naming a key whose value the control cannot take', () => {
  it('提出时间 over 大会期间 / 闭会期间 takes the record’s 提出时间段, the date picker the date', async () => {
    const page = await open('kind-options');
    try {
      const report = await fill(page, { 'suggestion.title': '关于改善农村道路的建议', 'suggestion.submitDate': '2024-08-20', 'suggestion.period': '闭会期间' });
      const detail = JSON.stringify(report);
      expect(await portalState(page), detail).toEqual({ title: '关于改善农村道路的建议', when: '闭会期间', date: '2024-08-20' });
      expect(report.filled.find((f) => f.label === '提出时间'), detail).toMatchObject({ key: 'suggestion.period', display: '闭会期间' });
      expect(report.failed, detail).toEqual([]);
    } finally { await page.close(); }
  });

  it('without such a key it stays empty and says why', async () => {
    const page = await open('kind-options');
    try {
      const report = await fill(page, { 'suggestion.title': '关于改善农村道路的建议', 'suggestion.submitDate': '2024-08-20' });
      const detail = JSON.stringify(report);
      expect((await portalState(page) as { when: string }).when, detail).toBe('');
      expect(report.skipped.find((s) => s.label === '提出时间'), detail).toMatchObject({ reason: 'no-option', detail: '记录中的“提出日期”（2024-08-20）不是门户的选项（大会期间、闭会期间），记录中也没有与这些选项相符的项' });
    } finally { await page.close(); }
  });
});
