/**
 * A date-time picker (TDesign, enableTimePicker) for a date the record keeps apart from its time:
 * the dictionary declares 视察日期's time of day (开始时间), so the picker gets both joined, read
 * back from the framework's state; without a time in the record it stays empty and the report
 * says why — no 00:00 is made up. A page of our own (tests/fixtures/adapters/date-time-parts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ adapters: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const open = () => openWithBundle(t.browser, t.adapters.url('/date-time-parts.html'));
const fill = async (page: Page, values: Record<string, unknown>) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;
const state = (page: Page) => portalState(page);
const submit = (page: Page) => portalSubmit(page);

describe('a date-time picker and a date kept apart from its time', () => {
  it('writes the inspection date with the start’s time, and the page submits', async () => {
    const page = await open();
    try {
      const report = await fill(page, { 'inspection.subject': '校园周边食品安全检查', 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T14:30', 'inspection.place': '青山镇中心小学' });
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ subject: '校园周边食品安全检查', checkTime: '2024-09-10 14:30', place: '青山镇中心小学' });
      expect(report.filled.find((f) => f.label === '检查时间'), detail).toMatchObject({ key: 'inspection.date', display: '2024-09-10 14:30' });
      expect(report.failed, detail).toEqual([]);
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('leaves the picker empty when the record has no time, and says so', async () => {
    const page = await open();
    try {
      const report = await fill(page, { 'inspection.subject': '校园周边食品安全检查', 'inspection.date': '2024-09-10', 'inspection.place': '青山镇中心小学' });
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ subject: '校园周边食品安全检查', checkTime: '', place: '青山镇中心小学' });
      expect(report.filled.map((f) => f.label), detail).not.toContain('检查时间');
      expect(report.skipped.find((s) => s.label === '检查时间'), detail).toMatchObject({ reason: 'missing-part', detail: '记录中没有“开始时间”' });
    } finally { await page.close(); }
  });
});
