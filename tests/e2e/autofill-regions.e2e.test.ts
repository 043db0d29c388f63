/**
 * Regions written into cascaders level by level from the options they show (issue 11 part 2):
 * a record's region is one run of text (浙江省杭州市西湖区转塘街道), may name more levels than
 * the cascader (杭州市… into one starting at 西湖区), start lower than it (转塘街道… into one
 * starting at the district), leave out the suffixes the options carry or carry those the
 * options leave out (浙江杭州 / 浙江, 杭州). Real Element Plus and TDesign cascaders
 * (tests/fixtures/adapters/regions.html); the state is the components' model. A cascader that
 * needs a level the record does not name is not filled, and the report says so.
 */
import { describe, expect, it } from 'vitest';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);

const RECORD = {
  'deputy.householdAddress': '浙江省杭州市西湖区转塘街道', // one run of text, as many levels as the cascader
  'deputy.nativePlace': '浙江杭州', // no suffixes; the options have none either
  'deputy.address': '浙江省杭州市西湖区', // stops above the street the cascader needs
  'letter.region': '浙江省杭州市西湖区双浦镇铜鉴湖村', // names more than the cascader (it starts at the district)
  'letter.address': '转塘街道龙坞社区8幢3单元', // starts below the cascader's top level; the house number is no level
  'deputy.birthPlace': '双浦镇象山村', // starts below the top level of a filterable cascader: its search finds 象山村
};

describe('regions in cascaders (Element Plus, TDesign)', () => {
  it('walks each cascader from the options it shows, and fills nothing the record does not name', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/regions.html'));
    const report = (await lvzhi<{ report: FillReport }>(page, 'fill', RECORD)).report;
    const state = await portalState(page);
    const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped });
    expect(state.household, detail).toEqual(['浙江省', '杭州市', '西湖区', '转塘街道']);
    expect((state.codes as { household: string[] }).household, detail).toEqual(['33', '3301', '330106', '330106109']);
    expect(state.native, detail).toEqual(['浙江', '杭州']);
    expect(state.region, detail).toEqual(['西湖区', '双浦镇', '铜鉴湖村']);
    expect(state.home, detail).toEqual(['西湖区', '转塘街道', '龙坞社区']);
    expect(state.birth, detail).toEqual(['西湖区', '双浦镇', '象山村']);
    const filled = report.filled.map((f) => f.key).sort();
    expect(filled, detail).toEqual(['deputy.birthPlace', 'deputy.householdAddress', 'deputy.nativePlace', 'letter.address', 'letter.region']);
    // the street is not in the record: no guess, and the report does not say filled
    expect(state.address, detail).toEqual([]);
    expect(report.failed.map((f) => f.key), detail).toContain('deputy.address');
    await page.close();
  });
});
