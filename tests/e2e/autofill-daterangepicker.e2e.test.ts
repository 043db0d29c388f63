/**
 * daterangepicker 3.1 (Dan Grossman's jQuery plugin, AdminLTE / Bootstrap admin pages) on a 来信登记
 * page (tests/fixtures/adapters/daterangepicker.html): a single date on an editable box the plugin
 * set to today, a single date with month/year dropdowns and a minDate, a read-only range the page
 * writes as `YYYY-MM-DD 至 YYYY-MM-DD` on 确定, and a date-time range with 24-hour time selects in
 * five-minute steps. Each must be chosen in the plugin's calendar so that its instance holds it:
 * the plugin writes its own startDate back into the box whenever the calendar closes, so a date
 * only typed into the box (no keyup) is lost at the next click elsewhere. A date outside the
 * minDate and a time between the picker's steps are failed with a reason, the box left as it was.
 * Run in the page's world and in an isolated world with the page-world helper (the extension's
 * way): the plugin's instance is seen only through it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport, ScanResult } from '@lvzhi/shared';
import { AUTOFILL_BUNDLE, autofillSuite, lvzhi, portalState, portalSubmit } from '../harness/autofill.ts';
import { injectEngine } from '../harness/isolated-world.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);

async function openPage(world: 'page' | 'isolated' = 'page'): Promise<{ page: Page; fill: (values: Record<string, unknown>) => Promise<FillReport> }> {
  const page = await t.browser.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(t.site.url('/daterangepicker.html'));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal);
  if (world === 'isolated') {
    const engine = await injectEngine(page, AUTOFILL_BUNDLE);
    return { page, fill: async (values) => (await engine<{ report: FillReport }>('fill', values)).value.report };
  }
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return { page, fill: async (values) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report };
}
const statusOf = (r: FillReport, key: string) => r.filled.some((f) => f.key === key) ? 'filled' : r.failed.some((f) => f.key === key) ? 'failed' : 'skipped';

/** What each plugin instance holds (startDate / endDate in its own format): what it writes back when it closes. */
const held = (page: Page) => page.evaluate(() => {
  const $ = (window as unknown as { $: (s: string) => { data(k: string): { startDate: { format(f: string): string }; endDate: { format(f: string): string } } } }).$;
  const one = (id: string, f: string) => { const p = $(id).data('daterangepicker'); return `${p.startDate.format(f)}|${p.endDate.format(f)}`; };
  return { lxrq: one('#lxrq', 'YYYY-MM-DD'), csrq: one('#csrq', 'YYYY-MM-DD'), blqx: one('#blqx', 'YYYY-MM-DD'), hdsj: one('#hdsj', 'YYYY-MM-DD HH:mm') };
});
const openPickers = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.daterangepicker')).filter((p) => getComputedStyle(p).display !== 'none').length);

/** A clerk opens each picker again and clicks elsewhere on the page: the plugin writes its instance's dates into the box as it closes. */
async function reopenAndLeave(page: Page): Promise<void> {
  for (const id of ['#lxrq', '#csrq', '#blqx', '#hdsj']) {
    await page.click(id);
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.daterangepicker')).some((p) => getComputedStyle(p).display !== 'none'));
    await page.mouse.click(900, 40);
  }
  await page.mouse.click(900, 40);
}

const VALUES = {
  'letter.name': '沈桂英',
  'letter.date': '2025-05-20',
  'deputy.birthDate': '1968-03-15',
  // 办理期限: the period of 交办日期 to 答复期限
  'suggestion.assignDate': '2025-05-20',
  'suggestion.dueDate': '2025-08-19',
  // 活动时间: the period of the activity's start and end
  'activity.startTime': '2025-06-03T09:00',
  'activity.endTime': '2025-06-03T11:30',
};
const EXPECTED = { lxrxm: '沈桂英', lxrq: '2025-05-20', csrq: '1968-03-15', blqxks: '2025-05-20', blqxjs: '2025-08-19', hdsj: '2025-06-03 09:00 至 2025-06-03 11:30' };
const HELD = { lxrq: '2025-05-20|2025-05-20', csrq: '1968-03-15|1968-03-15', blqx: '2025-05-20|2025-08-19', hdsj: '2025-06-03 09:00|2025-06-03 11:30' };
const KEYS = ['letter.name', 'letter.date', 'deputy.birthDate', 'suggestion.handlingPeriod', 'activity.period'];

describe('daterangepicker 3.1 (single dates, a read-only range the page writes, a date-time range)', () => {
  for (const world of ['page', 'isolated'] as const) {
    it(`chooses each date in the plugin's calendar, reports each filled, and the dates survive the pickers closing again (engine in the ${world} world)`, async () => {
      const { page, fill } = await openPage(world);
      try {
        const report = await fill(VALUES);
        const state = await portalState(page);
        const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-value'), filled: report.filled.map((f) => [f.key, f.label]) });
        expect(state, detail).toEqual(EXPECTED);
        expect(await page.inputValue('#blqx'), detail).toBe('2025-05-20 至 2025-08-19');
        for (const k of KEYS) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
        expect(report.failed, detail).toEqual([]);
        expect(await held(page), detail).toEqual(HELD);
        // every calendar closed: nothing of the plugin's covers the page
        expect(await openPickers(page), detail).toBe(0);
        expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
        // the close-overwrites check: a click elsewhere, then each picker opened and left again
        await page.mouse.click(900, 40);
        expect(await portalState(page), detail).toEqual(EXPECTED);
        await reopenAndLeave(page);
        expect(await portalState(page), detail).toEqual(EXPECTED);
        expect(await page.inputValue('#blqx'), detail).toBe('2025-05-20 至 2025-08-19');
      } finally {
        await page.close();
      }
    });
  }

  it('fills over filled values: other months, years and times, chosen again in each calendar', async () => {
    const { page, fill } = await openPage();
    try {
      const first = await fill(VALUES);
      expect(first.failed, JSON.stringify(first)).toEqual([]);
      const report = await fill({
        ...VALUES,
        'letter.date': '2024-11-02',
        'deputy.birthDate': '1975-12-31',
        'suggestion.assignDate': '2025-09-28', 'suggestion.dueDate': '2026-01-05',
        'activity.startTime': '2025-12-30T14:05', 'activity.endTime': '2026-01-02T08:55',
      });
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(state, detail).toEqual({ lxrxm: '沈桂英', lxrq: '2024-11-02', csrq: '1975-12-31', blqxks: '2025-09-28', blqxjs: '2026-01-05', hdsj: '2025-12-30 14:05 至 2026-01-02 08:55' });
      for (const k of KEYS) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
      expect(report.failed, detail).toEqual([]);
      await reopenAndLeave(page);
      expect(await portalState(page), detail).toEqual(state);
      expect(await held(page), detail).toEqual({ lxrq: '2024-11-02|2024-11-02', csrq: '1975-12-31|1975-12-31', blqx: '2025-09-28|2026-01-05', hdsj: '2025-12-30 14:05|2026-01-02 08:55' });
    } finally {
      await page.close();
    }
  });

  it('fails a birth date before the picker\'s minDate and a time between its five-minute steps, saying why, and writes neither', async () => {
    const { page, fill } = await openPage();
    try {
      const before = await portalState(page);
      const report = await fill({ ...VALUES, 'deputy.birthDate': '1925-03-02', 'activity.startTime': '2025-06-03T09:07' });
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(statusOf(report, 'deputy.birthDate'), detail).toBe('failed');
      expect(report.failed.find((f) => f.key === 'deputy.birthDate')?.error, detail).toMatch(/日期不在可选范围内.*1930-01-01/);
      expect(statusOf(report, 'activity.period'), detail).toBe('failed');
      expect(report.failed.find((f) => f.key === 'activity.period')?.error, detail).toMatch(/5 分钟/);
      // nothing written: the boxes (and the plugins) hold what they held
      expect(state.csrq, detail).toBe('');
      expect(state.hdsj, detail).toBe(before.hdsj);
      expect(await openPickers(page), detail).toBe(0);
      // the others are filled
      expect(state, detail).toMatchObject({ lxrq: '2025-05-20', blqxks: '2025-05-20', blqxjs: '2025-08-19' });
      await reopenAndLeave(page);
      expect((await portalState(page)).csrq, detail).toBe('');
    } finally {
      await page.close();
    }
  });

  it('lists each box once, as the plugin\'s (kind and format from its options), and none of its calendar\'s selects', async () => {
    const { page } = await openPage();
    try {
      // a calendar open while the page is read: its month, year and time selects are the plugin's
      await page.click('#hdsj');
      const scan = await lvzhi<ScanResult>(page, 'scan');
      const detail = JSON.stringify(scan.controls.map((c) => [c.domId, c.adapter, c.kind, c.dateFormat, c.value]));
      const byId = Object.fromEntries(scan.controls.map((c) => [c.domId ?? c.name ?? c.id, c]));
      expect(byId.lxrxm?.adapter, detail).toBe('native');
      expect(['lxrq', 'csrq', 'blqx', 'hdsj'].map((id) => [byId[id]?.adapter, byId[id]?.kind, byId[id]?.dateFormat]), detail).toEqual([
        ['daterangepicker', 'date', 'YYYY-MM-DD'], ['daterangepicker', 'date', 'YYYY-MM-DD'],
        ['daterangepicker', 'daterange', 'YYYY-MM-DD'], ['daterangepicker', 'datetimerange', 'YYYY-MM-DD HH:mm'],
      ]);
      // nothing inside a .daterangepicker is a control of the page
      expect(scan.controls.filter((c) => c.adapter !== 'daterangepicker').map((c) => c.domId), detail).toEqual(['lxrxm']);
      // what the boxes hold: today on the two the plugin writes, nothing on the others
      const today = await page.evaluate(() => (window as unknown as { moment: () => { format(f: string): string } }).moment().format('YYYY-MM-DD'));
      expect([byId.lxrq?.value, byId.csrq?.value, byId.blqx?.value, byId.hdsj?.value], detail).toEqual([today, null, null, [`${today} 00:00`, `${today} 23:59`]]);
    } finally {
      await page.close();
    }
  });

  it('undo puts back what the plugins held before the fill, where the calendar can choose it', async () => {
    const { page, fill } = await openPage();
    try {
      const before = await portalState(page);
      const report = await fill(VALUES);
      expect(report.failed, JSON.stringify(report)).toEqual([]);
      const undone = await lvzhi<{ restored: number; failed: { control: string; error: string }[] }>(page, 'undo');
      const state = await portalState(page);
      const detail = JSON.stringify({ before, state, undone });
      // 来信日期 is today again, chosen in its calendar; 办理期限 is emptied by 取消 (the page's own cancel handler)
      expect(state, detail).toMatchObject({ lxrxm: '', lxrq: before.lxrq, blqxks: '', blqxjs: '' });
      expect(await page.inputValue('#blqx'), detail).toBe('');
      expect(await held(page).then((h) => h.lxrq), detail).toBe(`${before.lxrq}|${before.lxrq}`);
      // 出生日期 cannot be emptied on this page (its 取消 leaves the box), and 活动时间 held the plugin's
      // own end of day, 23:59, which its five-minute selects cannot choose: both said, neither guessed
      expect(undone.failed.map((f) => f.error).sort(), detail).toEqual(['该日期控件不能清空', '该控件的分钟只能按 5 分钟的间隔选择，选不到 23:59'].sort());
      expect(state.hdsj, detail).toBe('2025-06-03 09:00 至 2025-06-03 11:30');
      expect(await openPickers(page), detail).toBe(0);
    } finally {
      await page.close();
    }
  });
});
