/**
 * jQuery WeUI 1.2 on a township's mobile 来访登记 page (tests/fixtures/adapters/jquery-weui.html):
 * read-only boxes the library turns into its own popups — a calendar, a date-time wheel, action-sheet
 * lists (one choice; several with 确定) keeping codes in data-values, cityPicker's province / city /
 * district wheels and a wheel of one column. Each must be chosen in its popup so the plugin holds
 * it (the page posts data-values, data-code and a hidden id the picker's onChange keeps), reported
 * filled only then, and the page's own submit must pass. An option the list no longer has, and a
 * date outside the calendar's bounds, are failed with a reason and leave the box as it was.
 * Run in the page's world (the standalone bundle) and in an isolated world with the page-world
 * helper, as the extension runs the engine: the plugins' instances are seen only through it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { AUTOFILL_BUNDLE, autofillSuite, lvzhi, portalState, portalSubmit } from '../harness/autofill.ts';
import { injectEngine } from '../harness/isolated-world.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);

/** The page on a phone's screen, with the engine in the page's world (as openWithBundle opens it) or in an isolated world through the helper. */
async function openPage(world: 'page' | 'isolated' = 'page'): Promise<{ page: Page; fill: (values: Record<string, unknown>) => Promise<FillReport> }> {
  const page = await t.browser.newPage();
  await page.setViewportSize({ width: 390, height: 760 });
  await page.goto(t.site.url('/jquery-weui.html'));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal);
  if (world === 'isolated') {
    const engine = await injectEngine(page, AUTOFILL_BUNDLE);
    return { page, fill: async (values) => (await engine<{ report: FillReport }>('fill', values)).value.report };
  }
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return { page, fill: async (values) => (await fillFixture(page, values)).report };
}
const fillFixture = (page: Page, values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);
const statusOf = (r: FillReport, key: string) => r.filled.some((f) => f.key === key) ? 'filled' : r.failed.some((f) => f.key === key) ? 'failed' : 'skipped';

const VALUES = {
  'letter.name': '沈桂英',
  // one date and time: the calendar takes its day, the date-time wheels the whole of it
  'letter.date': '2025-05-20T09:30',
  'letter.receptionKind': '代表接待日',
  'letter.category': ['民政', '劳动社保'],
  'org.region': '江苏省泰州市泰兴市',
  'letter.receivers': [{ name: '周宏伟' }],
};
const EXPECTED = {
  name: '沈桂英', date: '2025-05-20', calendar: '2025-5-20', start: '2025-05-20 09:30', kind: '2',
  // the codes in the list's order, as the plugin keeps them
  categories: '04,05', region: '江苏省 泰州市 泰兴市', regionCode: '321283', receiverId: '1007',
};

describe('jQuery WeUI (a mobile page: calendar, date-time picker, select lists, cityPicker, picker)', () => {
  for (const world of ['page', 'isolated'] as const) {
    it(`chooses each in its own popup so the plugin holds it, reports each filled, and the page submits (engine in the ${world} world)`, async () => {
      const { page, fill } = await openPage(world);
      try {
        // the calendar's month arrows (0.3 s a slide): a date 18 months away is reached in one slide
        // of the calendar's own, never month by month
        await page.evaluate(() => {
          const w = window as unknown as { arrowTaps: number };
          w.arrowTaps = 0;
          document.addEventListener('click', (e) => { if ((e.target as Element | null)?.closest?.('.picker-calendar-prev-month, .picker-calendar-next-month, .picker-calendar-prev-year, .picker-calendar-next-year')) w.arrowTaps++; }, true);
        });
        const report = await fill(VALUES);
        expect(await page.evaluate(() => (window as unknown as { arrowTaps: number }).arrowTaps)).toBe(0);
        const state = await portalState(page);
        const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-value') });
        expect(state, detail).toEqual(EXPECTED);
        for (const k of Object.keys(VALUES)) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
        // the date and the date-time boxes are both the record's date
        expect(report.filled.filter((f) => f.key === 'letter.date').map((f) => f.label).sort(), detail).toEqual(['来访日期', '来访时间']);
        expect(report.failed, detail).toEqual([]);
        // every popup closed: nothing of the plugin's covers the page
        expect(await page.evaluate(() => document.querySelectorAll('.weui-picker-modal').length), detail).toBe(0);
        expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
      } finally {
        await page.close();
      }
    });
  }

  it('fails an option the list no longer offers and a date outside the calendar\'s bounds, saying why, and leaves both boxes as they were', async () => {
    const { page } = await openPage();
    try {
      const values = { 'letter.receptionKind': '代表接待日', 'letter.date': '2023-05-20', 'letter.receivers': [{ name: '李秀英' }] };
      const plan = await lvzhi<FillPlan>(page, 'plan', values);
      // the office takes 代表接待日 out of the list after the page was read (the select's own update)
      await page.evaluate(() => { const $ = (window as unknown as { $: (s: string) => { select(m: string, a: unknown): void } }).$; $('#jdxs').select('update', { items: [{ title: '日常接待', value: '1' }, { title: '领导接待日', value: '3' }, { title: '下访', value: '4' }] }); });
      const report = await lvzhi<FillReport>(page, 'apply', plan);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(statusOf(report, 'letter.receptionKind'), detail).toBe('failed');
      expect(report.failed.find((f) => f.key === 'letter.receptionKind')?.error, detail).toMatch(/选项中没有“代表接待日”/);
      // before 2024-01-01, the calendar's minDate
      expect(report.failed.filter((f) => f.key === 'letter.date').map((f) => f.label), detail).toContain('来访日期');
      expect(report.failed.find((f) => f.label === '来访日期')?.error, detail).toMatch(/日期不在可选范围内/);
      expect(report.filled.map((f) => f.label), detail).not.toContain('来访日期');
      expect(report.filled.map((f) => f.label), detail).not.toContain('接待方式');
      // the failed boxes hold what they held; the one choice the page has is made
      expect(state, detail).toMatchObject({ kind: '', date: '', calendar: null, receiverId: '1006' });
      expect(await page.evaluate(() => [(document.getElementById('jdxs') as HTMLInputElement).value, (document.getElementById('lfrq') as HTMLInputElement).value]), detail).toEqual(['', '']);
      expect(statusOf(report, 'letter.receivers'), detail).toBe('filled');
    } finally {
      await page.close();
    }
  });

  it('takes a region named from the district down only as far as the wheels go: 泰兴市 is found under 江苏省 泰州市, a township and village below it are not guessed', async () => {
    const { page, fill } = await openPage();
    try {
      const report = await fill({ 'org.region': '泰兴市' });
      const detail = JSON.stringify(report);
      expect(await portalState(page), detail).toMatchObject({ region: '江苏省 泰州市 泰兴市', regionCode: '321283' });
      expect(statusOf(report, 'org.region'), detail).toBe('filled');
    } finally {
      await page.close();
    }
    const again = await openPage();
    try {
      const report = await again.fill({ 'org.region': '泰兴市青山镇南湖村' });
      const detail = JSON.stringify(report);
      expect(statusOf(report, 'org.region'), detail).toBe('failed');
      // the picker was not opened: its box is still empty (opening an empty cityPicker turns it to 北京)
      expect(await portalState(again.page), detail).toMatchObject({ region: '', regionCode: '' });
    } finally {
      await again.page.close();
    }
  });
});
