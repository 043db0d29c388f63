/**
 * vxe-pc-ui 4 (Vue 3), the widget library of many OA/admin systems (tests/fixtures/adapters/vxe.html):
 * vxe-select (single, filterable, multiple) with its read-only input and its panel teleported to
 * body; vxe-date-picker (date, datetime) holding its value-format; vxe-number-input, vxe-input,
 * vxe-textarea. The page's vxe-form data must hold the record, the report must say filled, the
 * form's own validation must pass; undo must empty what the fill wrote.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';
import { RECORD } from '../fixtures/adapters/record.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);

const KEYS = ['deputy.name', 'deputy.gender', 'deputy.ethnicity', 'deputy.politicalStatus', 'deputy.birthDate', 'meeting.startTime', 'inspection.enforcementUnits'];
// 鄂伦春族 is the 52nd of 56 options: below the rendered rows of the select's virtual list
const VALUES = { ...Object.fromEntries(KEYS.map((k) => [k, RECORD[k]])), 'deputy.ethnicity': '鄂伦春族', 'meeting.expectedCount': 35, 'record.remarks': '群众反映路灯不亮', 'meeting.documentDate': RECORD['meeting.documentDate'], 'deputy.electedDate': '2021-11-20' };
const EMPTY = { name: '', gender: '', ethnicity: '', party: '', birth: '', meetingTime: '', units: [], count: null, elected: '', note: '', docDate: '' };
// 印发日期's calendar disables dates after 2026 (disabledMethod), but the typed date is taken by the
// picker's model, as Naive's and TDesign's are: the page holds it, so "filled" is the honest report
const FILLED = { name: '王建国', gender: '1', ethnicity: '52', party: '中国共产党党员', birth: '1975-06-12', meetingTime: '2026-03-05 09:30:00', units: ['县公安局', '县城管局'], count: 35, elected: '2021-11-20', note: '群众反映路灯不亮', docDate: '2027-01-15' };

describe('vxe-pc-ui 4 (vxe-form with vxe-select, vxe-date-picker, vxe-number-input, vxe-textarea)', () => {
  it('writes every widget through its own events, the form data holds the record, and the page submits', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/vxe.html'));
    expect(await portalSubmit(page)).toMatchObject({ ok: false });
    const { report } = await lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', VALUES);
    const state = await portalState(page);
    const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-match') });
    expect(state, detail).toEqual(FILLED);
    expect(report.failed, detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(VALUES).sort());
    expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    // nothing of the selects' or pickers' panels left open over the page
    await page.waitForFunction(() => !document.querySelector('.vxe-select--panel.ani--enter, .vxe-date-picker--panel.ani--enter'), undefined, { timeout: 2000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.querySelectorAll('.vxe-select--panel.ani--enter, .vxe-date-picker--panel.ani--enter').length)).toBe(0);
    // undo: what the widgets let a person empty is emptied; a select without clearable and a
    // radio group cannot be, and undo says so rather than claiming them restored
    const undone = await lvzhi<{ restored: number; failed: { control: string; error: string }[] }>(page, 'undo');
    const controls = Object.fromEntries(report.filled.map((f) => [f.key, f.control]));
    expect(undone.failed.map((f) => f.control).sort(), JSON.stringify(undone)).toEqual([controls['deputy.gender'], controls['deputy.ethnicity']].sort());
    expect(await portalState(page), JSON.stringify(undone)).toEqual({ ...EMPTY, gender: '1', ethnicity: '52', party: null });
    await page.close();
  });
});
