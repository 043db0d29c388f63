/**
 * Transfers (穿梭框) for choosing people (tests/fixtures/adapters/transfer.html, the real
 * libraries): Element Plus el-transfer under 参加代表 and Ant Design Vue's a-transfer, a page of
 * four names at a time with a search box, under 陪同人员. The people are found in the left list
 * (through the search box when their page is not shown), ticked one by one and moved across: the
 * models hold their ids, the report says filled, the page submits. Someone held and not in the
 * record is moved back; undo puts back what the page held; a name the list lacks is failed, and
 * nothing is reported filled for ticks that were never moved.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Fill = { plan: FillPlan; report: FillReport };
type State = { title: string; deputies: string[]; escorts: string[] };
const fill = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<Fill>(page, 'fill', values, { form: 'inspection' });
const sorted = (s: State) => ({ ...s, deputies: [...s.deputies].sort(), escorts: [...s.escorts].sort() });

describe('transfers (穿梭框)', () => {
  it('moves each person across, one found only through the search box, and the page submits', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/transfer.html'));
    try {
      expect((await portalSubmit(page)).ok).toBe(false);
      // 谢涛 is on the a-transfer's second page
      const { report } = await fill(page, { 'inspection.subject': '视察农村饮用水安全', 'inspection.deputies': ['李秀英', '周宏伟', '黄立新'], 'inspection.otherParticipants': ['杨帆', '谢涛'] });
      const detail = JSON.stringify(report);
      expect(sorted(await portalState<State>(page)), detail).toEqual(sorted({ title: '视察农村饮用水安全', deputies: ['李秀英', '周宏伟', '黄立新'], escorts: ['杨帆', '谢涛'] }));
      expect(report.filled.map((f) => f.label).sort(), detail).toEqual(['参加代表', '活动名称', '陪同人员'].sort());
      expect(report.failed, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('moves back whoever the record does not name, and undo puts back what the page held', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/transfer.html?preset'));
    try {
      const before = await portalState<State>(page);
      expect(before.deputies).toEqual(['赵丽']);
      const { report } = await fill(page, { 'inspection.deputies': ['李秀英', '周宏伟'] });
      expect(sorted(await portalState<State>(page)).deputies, JSON.stringify(report)).toEqual(['周宏伟', '李秀英']);
      const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      expect(await portalState<State>(page)).toEqual(before);
    } finally { await page.close(); }
  });

  it('a select its page holds shut (open: false) whose 选择 button opens no window: failed with why, nothing else held up', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/transfer.html'));
    try {
      const { report } = await fill(page, { 'inspection.leader': '王建国', 'inspection.otherParticipants': ['杨帆'] });
      const detail = JSON.stringify(report);
      expect(report.failed.map((f) => [f.label, f.error]), detail).toEqual([['带队领导', '选择窗口没有打开']]);
      expect((await portalState<State>(page)).escorts, detail).toEqual(['杨帆']);
    } finally { await page.close(); }
  });

  it('a name neither list has: failed, not filled, nobody moved', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/transfer.html'));
    try {
      const { report } = await fill(page, { 'inspection.otherParticipants': ['欧阳修'] });
      const detail = JSON.stringify(report);
      expect(report.filled, detail).toEqual([]);
      expect(report.failed.map((f) => f.label), detail).toEqual(['陪同人员']);
      expect((await portalState<State>(page)).escorts).toEqual([]);
    } finally { await page.close(); }
  });
});
