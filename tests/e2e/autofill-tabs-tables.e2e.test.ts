/**
 * Repeating tables and tabs (issue 11), on an Element Plus page built with the real library
 * (tests/fixtures/portals/element-tabs.html): a table of editable rows (el-table: header and
 * body in two <table>s, an empty block while it has no rows) grown row by row with the page's
 * own <button>+ 新增单位</button>, columns matched by their headers; fields in the hidden pane of
 * a second tab, written after the fill clicks that tab's header; a tab rendered only once opened;
 * and a disabled tab whose field must stay untouched. The portal's own model is the judge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dictionaryView, type FillPlan, type FillReport, type PackDefinition } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';

const t = autofillSuite({ site: PORTALS_DIR }, buildPortals);
let packs: PackDefinition[];
beforeAll(async () => { packs = await builtInPacks(); });

const record = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'examples', 'inspection.json'), 'utf8')) as { form: string; values: Record<string, unknown> };

const open = (file = 'element-tabs.html') => openWithBundle(t.browser, t.site.url(`/${file}`));
const state = (page: Page) => portalState(page);
const fill = (page: Page, values: Record<string, unknown>, formId = record.form) =>
  lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values, { packs, form: formId });

describe('autofill: repeating tables and tabs (Element Plus)', () => {
  it('adds the rows with the page’s own button, fills them column by column, and fills the fields of a tab not shown by opening it', async () => {
    const page = await open();
    try {
      const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === record.form)!;
      const values = dictionaryView(form, record.values);
      const before = await state(page);
      expect(before['tab']).toBe('basic');
      expect(before['units']).toEqual([]);
      const { plan, report } = await fill(page, values);
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      const s = await state(page);
      // the table: its title (the heading above it) names the record's table, rows added by the page's button
      expect(plan.tables.map((t) => t.key)).toEqual(['inspection.units']);
      expect(s['units']).toEqual(record.values['units']);
      // the second tab's field, and the report says which tab it was on
      expect(s['opinions']).toBe(record.values['opinions']);
      const opinions = report.filled.find((f) => f.key === 'inspection.opinions');
      expect(opinions?.tab).toBe('被视察单位及意见');
      expect(report.filled.find((f) => f.key === 'inspection.units')?.tab).toBe('被视察单位及意见');
      // the first tab's fields as well
      expect(s['subject']).toBe(record.values['subject']);
      expect(s['date']).toBe(record.values['date']);
      // a tab rendered only once opened: opened because the record still had values, then filled
      expect(s['deadline']).toBe(record.values['rectificationDeadline']);
      expect(report.filled.find((f) => f.key === 'inspection.rectificationDeadline')?.tab).toBe('整改要求');
      // a disabled tab is not opened: its field stays as it was, and the report says why
      expect(s['assignedTo']).toBe('');
      expect(report.filled.some((f) => f.label === '交办单位')).toBe(false);
      expect(report.skipped.find((f) => f.label === '交办单位')).toMatchObject({ reason: 'unusable', detail: expect.stringContaining('标签页') });
      expect((await portalSubmit(page)).ok).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('fills the rows a table already has before adding more, and undo removes the rows it added', async () => {
    const page = await open();
    try {
      // the clerk had started: one empty row added by hand
      await page.getByRole('tab', { name: '被视察单位及意见' }).click();
      await page.getByRole('button', { name: '+ 新增单位' }).click();
      await page.getByRole('tab', { name: '基本情况' }).click();
      expect((await state(page))['units']).toEqual([{ unit: '', location: '', principal: '' }]);
      const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === record.form)!;
      const { report } = await fill(page, dictionaryView(form, record.values));
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      expect((await state(page))['units']).toEqual(record.values['units']);
      const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      // the row the clerk added stays (emptied again), the one the fill added is gone
      expect((await state(page))['units']).toEqual([{ unit: '', location: '', principal: '' }]);
    } finally {
      await page.context().close();
    }
  });
});

describe('autofill: a rating sheet and a table that starts empty (Ant Design)', () => {
  // an appraisal survey with the marks of each criterion and two appraisers
  const values = {
    appraisalName: '青山镇2024年度站所工作评议', unit: '财政所', date: '2024-11-14', appraiserKind: '镇人大代表',
    appraisers: [{ name: '陈志强' }, { name: '李秀英' }],
    ratings: { lawfulAdministration: 5, serviceAttitude: 4, efficiency: 3, integrity: 5, rectification: 2 },
  };

  it('gives each criterion row its grade and adds the appraisers’ rows under the 暂无数据 placeholder', async () => {
    const page = await open('antd-rating.html');
    try {
      const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'appraisal-survey')!;
      const { plan, report } = await fill(page, dictionaryView(form, values), 'appraisal-survey');
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      const s = await state(page);
      // grades by the page's own codes: 5 优秀 → A, 4 良好 → B, 3 一般 → C, 2 较差 → D (a Select in the last row)
      expect(s['grades']).toEqual({ yfxz: 'A', fwtd: 'B', bsxl: 'C', ljzl: 'A', zgls: 'D' });
      expect(report.filled.filter((f) => f.key === 'appraisal.ratings').map((f) => f.label)).toEqual(['依法行政', '服务态度', '办事效率', '廉洁自律', '整改落实']);
      // the appraisers' table is the one above the add button, not the criteria table before it
      expect(plan.tables.map((t) => t.key)).toEqual(['appraisal.appraisers']);
      expect(s['appraisers']).toEqual(['陈志强', '李秀英']);
    } finally {
      await page.context().close();
    }
  });
});
