/**
 * A choice made in a pop-up window (tests/fixtures/portals/layui-pick.html, real Layui): the
 * read-only 转交部门 box opens a layer window over a layui.tree of departments, in the page or
 * (?frame) in an iframe page; its 确定 writes the name into the box and the id into a hidden input.
 * The fill opens it as a person does, opens the branch the department is under, clicks it and
 * confirms: the page's own state holds the id and its submit passes. A department the tree does
 * not have is failed, never filled, and no window is left open.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillPlan, FillReport, PackDefinition } from '@lvzhi/shared';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';

const t = autofillSuite({ site: PORTALS_DIR }, buildPortals);
let packs: PackDefinition[] = [];
beforeAll(async () => { packs = await builtInPacks(); });

const fill = (page: Page, values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values, { packs, form: 'letter' });
const openWindows = (page: Page) => page.evaluate(() => document.querySelectorAll('.layui-layer-page, .layui-layer-iframe').length);

describe('a choice made in a pop-up window (layer + layui.tree)', () => {
  for (const [name, query] of [['the tree in the window', ''], ['the tree in an iframe page', '?frame'], ['a box that is not read-only, its handler named for choosing', '?editable']] as const) {
    it(`${name}: the department is chosen and confirmed, the hidden id is set, the page submits`, async () => {
      const page = await openWithBundle(t.browser, t.site.url(`/layui-pick.html${query}`));
      try {
        expect((await portalSubmit(page)).ok).toBe(false);
        // the record writes it short (财政所) under a branch the tree opens closed
        const { report } = await fill(page, { 'letter.name': '周建华', 'letter.forwardedTo': '财政所' });
        const detail = JSON.stringify(report);
        expect(await portalState(page), detail).toEqual({ writer: '周建华', deptId: '12', deptName: '财政所' });
        expect(report.filled.map((f) => f.label).sort(), detail).toEqual(['来信人', '转交部门']);
        expect(report.failed, detail).toEqual([]);
        expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
        await expect.poll(() => openWindows(page), { timeout: 3000 }).toBe(0);
      } finally {
        await page.close();
      }
    });
  }

  it('a department the tree does not have: failed, not filled, the box and the id stay empty, the window closed', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/layui-pick.html'));
    try {
      const { report } = await fill(page, { 'letter.forwardedTo': '市场监督管理所' });
      const detail = JSON.stringify(report);
      expect(report.filled, detail).toEqual([]);
      expect(report.failed.map((f) => [f.label, f.error]), detail).toEqual([['转交部门', '找不到选项']]);
      expect(await portalState(page)).toEqual({ writer: '', deptId: '', deptName: '' });
      await expect.poll(() => openWindows(page), { timeout: 3000 }).toBe(0);
    } finally {
      await page.close();
    }
  });
});
