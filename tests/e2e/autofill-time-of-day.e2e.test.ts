/**
 * A date-time picker (TDesign, enableTimePicker) for a date the record keeps apart from its time:
 * the dictionary declares 视察日期's time of day (开始时间), so the picker gets both joined, read
 * back from the framework's state; without a time in the record it stays empty and the report
 * says why — no 00:00 is made up. A page of our own (tests/fixtures/adapters/date-time-parts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { launchChromium, serveDir, type StaticServer } from '../harness/browser.ts';
import { AUTOFILL_BUNDLE, ensureAutofillBundle } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

let site: StaticServer, browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  await buildAdapterFixtures();
  ensureAutofillBundle();
  site = await serveDir(ADAPTER_FIXTURES_DIR);
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); await site?.close(); });

async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(site.url('/date-time-parts.html'));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal, undefined, { timeout: 20_000 });
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return page;
}
async function fill(page: Page, values: Record<string, unknown>): Promise<FillReport> {
  const out: string = await page.evaluate(async (arg: string) => {
    const L = (window as unknown as { Lvzhi: { fill(v: unknown): Promise<{ report: unknown }> } }).Lvzhi;
    return JSON.stringify((await L.fill(JSON.parse(arg))).report);
  }, JSON.stringify(values));
  return JSON.parse(out) as FillReport;
}
const state = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { state(): unknown } }).__portal.state());
const submit = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { submit(): Promise<unknown> } }).__portal.submit());

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
