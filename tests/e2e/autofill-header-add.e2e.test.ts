/**
 * A child table whose add button is an icon in its header row, titled with a short form of the
 * record's list (测评结果 for 各单位测评结果, also a synonym of a text field the record lacks), with
 * a column the record has nothing for (tests/fixtures/adapters/header-add-table.html): the rows
 * are added with that button and written; the table is reported failed — not filled — naming the
 * column the clerk must still fill.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FillReport, PackDefinition } from '@lvzhi/shared';
import { dictionaryView } from '@lvzhi/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
let packs: PackDefinition[] = [];
beforeAll(async () => { packs = await builtInPacks(); });

describe('a child table added to from an icon in its header', () => {
  it('adds and writes every row, leaves the column the record lacks empty, and says the table is not complete', async () => {
    const example = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'examples', 'appraisal-summary.json'), 'utf8')) as { form: string; values: Record<string, unknown> };
    const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === example.form)!;
    const values = dictionaryView(form, example.values as never) as Record<string, unknown>;
    const page = await openWithBundle(t.browser, t.site.url('/header-add-table.html'));
    const { report } = await lvzhi<{ report: FillReport }>(page, 'fill', { 'appraisal.results': values['appraisal.results'] }, { packs, form: example.form });
    const state = await portalState<Record<string, string>[]>(page);
    const results = example.values['results'] as { unit: string; satisfied: number; basicallySatisfied: number; dissatisfied: number; rank: number }[];
    const detail = JSON.stringify(report);
    const code = (u: string) => String(301 + ['财政所', '卫生院', '中心学校', '司法所', '派出所', '农业农村服务中心', '市场监督管理所', '自然资源所'].indexOf(u));
    expect(state, detail).toEqual(results.map((r) => ({ unit: code(r.unit), sat: String(r.satisfied), basic: String(r.basicallySatisfied), dis: String(r.dissatisfied), score: '', rank: String(r.rank) })));
    expect(report.filled.filter((f) => f.key === 'appraisal.results'), detail).toEqual([]);
    expect(report.failed.find((f) => f.key === 'appraisal.results')?.error, detail).toBe(`已填 ${results.length} 行；“综合得分”一栏记录中没有，需手工填写`);
    await page.close();
  });
});
