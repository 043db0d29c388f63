/**
 * People chosen in a window of users (tests/fixtures/adapters/user-picker.html, Ant Design Vue):
 * 参加代表 is a select the page holds shut beside a 选择 button that opens 选择人员 — a 姓名
 * search, 查询, a table five users a page with checkboxes kept across searches, 确定. The fill
 * does what the clerk does: opens it, searches each name, ticks the one row, confirms; the page's
 * model holds the usernames. A name two users share is not guessed between: failed, nothing chosen.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Fill = { plan: FillPlan; report: FillReport };
const fill = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<Fill>(page, 'fill', values, { form: 'inspection' });
const openWindows = (page: Parameters<typeof lvzhi>[0]) => (page as import('playwright-core').Page).evaluate(() => Array.from(document.querySelectorAll('.ant-modal-wrap')).filter((w) => getComputedStyle(w).display !== 'none').length);

describe('people ticked in a window of users', () => {
  it('searches each name, ticks its row (on whatever page), confirms; the model holds the usernames and the page submits', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/user-picker.html'));
    try {
      expect((await portalSubmit(page)).ok).toBe(false);
      // 李秀英 is on the list's first page, 周宏伟 and 吴海燕 further on
      const { report } = await fill(page, { 'inspection.subject': '视察农村饮用水安全', 'inspection.deputies': ['李秀英', '周宏伟', '吴海燕'] });
      const detail = JSON.stringify(report);
      expect(await portalState(page), detail).toEqual({ title: '视察农村饮用水安全', deputies: 'lixy,zhouhw,wuhy' });
      expect(report.filled.map((f) => f.label).sort(), detail).toEqual(['参加代表', '活动名称'].sort());
      expect(report.failed, detail).toEqual([]);
      expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
      await expect.poll(() => openWindows(page), { timeout: 3000 }).toBe(0);
    } finally { await page.close(); }
  });

  it('a name two users share: failed with why, nobody chosen, the window closed', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/user-picker.html'));
    try {
      const { report } = await fill(page, { 'inspection.deputies': ['王建国', '李明'] });
      const detail = JSON.stringify(report);
      expect(report.filled, detail).toEqual([]);
      expect(report.failed.map((f) => [f.label, f.error]), detail).toEqual([['参加代表', '选择窗口中有 2 位“李明”，请手动选择']]);
      expect((await portalState<{ deputies: string }>(page)).deputies).toBe('');
      await expect.poll(() => openWindows(page), { timeout: 3000 }).toBe(0);
    } finally { await page.close(); }
  });
});
