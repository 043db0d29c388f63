/**
 * vue-treeselect (@riophae, Vue 2) as RuoYi-Vue pages choose departments
 * (tests/fixtures/adapters/treeselect-vue2.html, the real library): the tree opens collapsed, a
 * node is chosen by the mousedown on its label, several in the multiple one. Found through the
 * widget's own search, and when the record names the department longer than the tree does
 * (青山镇社会事业服务中心 for 社会事业服务中心) by opening the branches and taking the one name
 * variant. The model holds the ids, the report says filled only then; undo puts back the choice the
 * page held; a department the tree lacks is failed, never filled.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Fill = { plan: FillPlan; report: FillReport };
type State = { writer: string; dept: string | null; helpers: string[] };
const fill = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<Fill>(page, 'fill', values, { form: 'suggestion' });

describe('vue-treeselect', () => {
  it('chooses a department in a collapsed tree and several in the multiple one; the page submits', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/treeselect-vue2.html'));
    try {
      expect((await portalSubmit(page)).ok).toBe(false);
      const { report } = await fill(page, { 'suggestion.title': '关于村道养护的建议', 'suggestion.handlingUnit': '青山镇财政所', 'suggestion.coHandlingUnits': ['党政办', '社会事业服务中心'] });
      const detail = JSON.stringify(report);
      expect(await portalState<State>(page), detail).toEqual({ writer: '关于村道养护的建议', dept: '青山镇财政所', helpers: ['党政办', '社会事业服务中心'] });
      expect(report.filled.map((f) => f.label).sort(), detail).toEqual(['协办单位', '建议标题', '承办单位'].sort());
      expect(report.failed, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('a name the search cannot find is found in the opened tree as its one variant; undo puts back the choice held', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/treeselect-vue2.html?preset'));
    try {
      const before = await portalState<State>(page);
      expect(before.dept).toBe('党政办');
      const { report } = await fill(page, { 'suggestion.handlingUnit': '青山镇社会事业服务中心' });
      expect((await portalState<State>(page)).dept, JSON.stringify(report)).toBe('社会事业服务中心');
      const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      expect(await portalState<State>(page)).toEqual(before);
    } finally { await page.close(); }
  });

  it('a department the tree does not have: failed, not filled, the model stays empty', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/treeselect-vue2.html'));
    try {
      const { report } = await fill(page, { 'suggestion.handlingUnit': '县交通运输局' });
      const detail = JSON.stringify(report);
      expect(report.filled, detail).toEqual([]);
      expect(report.failed.map((f) => f.label), detail).toEqual(['承办单位']);
      expect((await portalState<State>(page)).dept).toBe(null);
    } finally { await page.close(); }
  });
});
