/**
 * DevExtreme 22.2 on jQuery (tests/fixtures/adapters/devextreme.html): a dxForm in captioned
 * groups whose choices are codes and ids. Filled through the standalone bundle (window.Lvzhi.fill,
 * no mapping); what counts is what DevExtreme holds — the form's formData, the widgets' instances —
 * never the text a box shows, and the form's own validate() must pass. A date outside the date
 * box's range shows as typed while DevExtreme keeps no value: the report must say failed.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import type { Page } from 'playwright-core';
import { autofillSuite, lvzhi, openWithBundle, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const fill = (page: Page, values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);

const RECORD: Record<string, unknown> = {
  'inspection.subject': '农村饮用水安全执法检查',
  'inspection.type': '执法检查',
  'inspection.date': '2025-09-16',
  'inspection.startTime': '2025-09-16T09:30',
  'inspection.leader': '王建国',
  'inspection.place': '青山镇水厂',
  'inspection.enforcementUnits': ['县市场监管局', '县卫健局'],
  'inspection.deputyCount': 12,
  'inspection.satisfaction': '基本满意',
  'inspection.opinions': '加强水源地巡查，按季度抽检出厂水',
  'deputy.ethnicity': '回族',
  'deputy.groupLeader': true,
  'deputy.reElected': true,
};

/** DevExtreme's own values: the form's data and each editor instance's `value` (a Date as its local text). */
async function held(page: Page): Promise<{ formData: Record<string, unknown>; editors: Record<string, unknown> }> {
  return page.evaluate(() => {
    const $ = (window as unknown as { jQuery: (s: unknown) => { dxForm(m: string): { option(k: string): Record<string, unknown>; getEditor(f: string): { option(k: string): unknown } | undefined } } }).jQuery;
    const form = $('#form').dxForm('instance');
    const pad = (n: number) => String(n).padStart(2, '0');
    const plain = (v: unknown) => v instanceof Date ? `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())} ${pad(v.getHours())}:${pad(v.getMinutes())}` : v;
    const data = form.option('formData');
    return {
      formData: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, plain(v)])),
      editors: Object.fromEntries(Object.keys(data).map((k) => [k, plain(form.getEditor(k)?.option('value'))])),
    };
  });
}

// (polled: the fill returns once the last list is fading out, as for every library; one left open stays)
const openDropdowns = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.dx-dropdowneditor-overlay > .dx-overlay-content, .dx-lookup-popup-wrapper > .dx-overlay-content')).filter((e) => (e as HTMLElement).checkVisibility()).length);

describe('DevExtreme 22.2 (dxForm: select, lookup and tag boxes over codes and ids, date boxes, radio group, number, text area, check box, switch)', () => {
  it('writes through the widgets, DevExtreme holds every value, the report is honest and validate() passes', async () => {
    // a short screen: the form scrolls, and DevExtreme closes an open dropdown when the page scrolls
    const page = await openWithBundle(t.browser, t.site.url('/devextreme.html'), { viewport: { width: 1000, height: 450 } });
    const { report } = await fill(page, RECORD);
    const { formData, editors } = await held(page);
    const detail = JSON.stringify({ formData, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-match') });
    const want = {
      Subject: '农村饮用水安全执法检查', TypeCode: 'ZFJC', InspectDate: '2025-09-16', StartTime: '2025-09-16 09:30', LeaderId: 1034, Place: '青山镇水厂',
      UnitIds: [12, 14], DeputyCount: 12, Satisfaction: '2', Opinions: '加强水源地巡查，按季度抽检出厂水', Ethnicity: '03', GroupLeader: true, ReElected: true,
    };
    expect(formData, detail).toEqual(want);
    expect(editors, detail).toEqual(want);
    expect(report.failed, detail).toEqual([]);
    expect(report.skipped.filter((s) => s.reason !== 'no-match'), detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(RECORD).sort());
    await expect.poll(() => openDropdowns(page), { timeout: 3000, message: detail }).toBe(0);
    expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    await page.close();
  });

  it('says failed, never filled, when DevExtreme does not take the value or has no such option', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/devextreme.html'));
    // 2035 is past the date box's max: the box shows the typed text, DevExtreme keeps no value;
    // 欧阳明 is no one in the leader list, 壮族 not in the lookup
    const { report } = await fill(page, { 'inspection.date': '2035-03-01', 'inspection.leader': '欧阳明', 'deputy.ethnicity': '壮族', 'inspection.type': '专题调研' });
    const { formData } = await held(page);
    const detail = JSON.stringify({ formData, report });
    expect(report.filled.map((f) => f.key), detail).toEqual(['inspection.type']);
    expect(report.failed.map((f) => f.key).sort(), detail).toEqual(['deputy.ethnicity', 'inspection.date', 'inspection.leader']);
    expect(report.failed.find((f) => f.key === 'inspection.date')?.error, detail).toMatch(/门户未接受该值/);
    expect({ TypeCode: formData['TypeCode'], InspectDate: formData['InspectDate'], LeaderId: formData['LeaderId'], Ethnicity: formData['Ethnicity'] }, detail).toEqual({ TypeCode: 'ZTDY', InspectDate: null, LeaderId: null, Ethnicity: null });
    await expect.poll(() => openDropdowns(page), { timeout: 3000, message: detail }).toBe(0);
    await page.close();
  });
});
