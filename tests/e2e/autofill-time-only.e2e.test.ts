/**
 * Time-of-day pickers beside a date (tests/fixtures/adapters/time-only.html, the real libraries):
 * Element Plus el-time-picker and Ant Design Vue's a-time-picker under 开始时间 / 结束时间, which
 * the record holds as date-times. Each gets the record's time of day in the picker's format, read
 * back from the model (09:00 shown for 09:00:00 is the same time) — before, the date went in and
 * Element read 2025-05-15 as 20:05. A record with no time leaves them empty with the reason,
 * never 00:00.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Fill = { plan: FillPlan; report: FillReport };
const fill = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<Fill>(page, 'fill', values, { form: 'deputy-activity' });

describe('time-of-day pickers', () => {
  it('write the time of the record’s date-times, read back from the models; the page submits', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/time-only.html'));
    try {
      const { report } = await fill(page, { 'activity.title': '代表接待日', 'activity.date': '2025-05-15', 'activity.startTime': '2025-05-15T09:00', 'activity.endTime': '2025-05-15T11:30' });
      const detail = JSON.stringify(report);
      expect(await portalState(page), detail).toEqual({ title: '代表接待日', date: '2025-05-15', start: '09:00', end: '11:30:00' });
      expect(report.filled.map((f) => f.label).sort(), detail).toEqual(['开始时间', '活动名称', '活动日期', '结束时间'].sort());
      expect(report.failed, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('a record without the times: both left empty with the reason, no 00:00', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/time-only.html'));
    try {
      const { report } = await fill(page, { 'activity.date': '2025-05-15', 'activity.startTime': '2025-05-15', 'activity.endTime': '2025-05-15' });
      const detail = JSON.stringify(report);
      expect(await portalState(page), detail).toMatchObject({ date: '2025-05-15', start: '', end: '' });
      expect(report.skipped.filter((s) => s.reason === 'missing-part').map((s) => s.label).sort(), detail).toEqual(['开始时间', '结束时间']);
      expect(report.failed, detail).toEqual([]);
    } finally { await page.close(); }
  });
});
