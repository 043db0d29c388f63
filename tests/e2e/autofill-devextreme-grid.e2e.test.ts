/**
 * A dxDataGrid list inside a dxForm (tests/fixtures/adapters/devextreme-grid.html, DevExtreme 22.2
 * on jQuery): 附议代表 rows are added by the grid's toolbar button 添加附议代表, each row's 代表姓名
 * is a required lookup column over deputy ids, opened cell by cell (DevExtreme draws a clicked
 * cell anew) and chosen by name. What counts is the grid's own data — the ids — and the page's
 * own validation; the report never says filled for a row the grid does not hold.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import type { Page } from 'playwright-core';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const fill = (page: Page, values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);
type State = { Title: string; CoSigners: (number | null)[] };

/** Editors left open and dropdowns left over the page. */
const leftOpen = (page: Page) => page.evaluate(() => ({
  editing: document.querySelectorAll('#cosigners .dx-editor-cell, #cosigners .dx-focused .dx-texteditor').length,
  dropdowns: Array.from(document.querySelectorAll('.dx-dropdowneditor-overlay > .dx-overlay-content')).filter((e) => (e as HTMLElement).checkVisibility()).length,
}));

describe('DevExtreme dxDataGrid list in a dxForm (cell editing, toolbar add button, lookup column over ids)', () => {
  it('adds a row per co-signer with the toolbar button, chooses each deputy by name, the grid holds the ids and the page validates', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/devextreme-grid.html'));
    try {
      expect((await portalSubmit(page)).ok).toBe(false);
      const { plan, report } = await fill(page, {
        'suggestion.title': '关于加强农村饮用水水源保护的建议',
        'suggestion.coSigners': [{ name: '王建国' }, { name: '刘红梅' }, { name: '张志强' }],
      });
      const state = await portalState<State>(page);
      const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-match'), tables: plan.tables });
      expect(state, detail).toEqual({ Title: '关于加强农村饮用水水源保护的建议', CoSigners: [3008, 3013, 3018] });
      expect(report.failed, detail).toEqual([]);
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['suggestion.coSigners', 'suggestion.title']);
      // named by its form item, not by the toolbar's button above it
      expect(report.filled.find((f) => f.key === 'suggestion.coSigners')?.label, detail).toBe('附议代表');
      expect(await leftOpen(page), detail).toEqual({ editing: 0, dropdowns: 0 });
      expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    } finally {
      await page.close();
    }
  });

  it('undo removes the rows the fill added, though DevExtreme drew them anew after each edit', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/devextreme-grid.html'));
    try {
      const { report } = await fill(page, { 'suggestion.coSigners': [{ name: '王建国' }, { name: '刘红梅' }] });
      expect((await portalState<State>(page)).CoSigners, JSON.stringify(report)).toEqual([3008, 3013]);
      const undone = await lvzhi<{ restored: number; failed: unknown[] }>(page, 'undo');
      const state = await portalState<State>(page);
      expect(state.CoSigners, JSON.stringify({ undone, state })).toEqual([]);
      expect(undone.failed, JSON.stringify(undone)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a deputy the lookup lacks is named as failed, never filled, and the rows before it are kept', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/devextreme-grid.html'));
    try {
      const { report } = await fill(page, { 'suggestion.coSigners': [{ name: '王建国' }, { name: '欧阳明' }] });
      const state = await portalState<State>(page);
      const detail = JSON.stringify({ state, report });
      expect(report.filled.map((f) => f.key), detail).toEqual([]);
      expect(report.failed.map((f) => f.key), detail).toEqual(['suggestion.coSigners']);
      expect(report.failed[0]?.error, detail).toMatch(/第 ?2 ?行/);
      expect(state.CoSigners[0], detail).toBe(3008);
      expect(state.CoSigners.filter((x) => x !== null), detail).toEqual([3008]);
    } finally {
      await page.close();
    }
  });
});
