/**
 * Repeating groups of Ant Design Form.List (React, the real library): 被视察单位 starts with no
 * block, its blocks are three inputs known only by their placeholders and a minus icon, made by a
 * dashed 添加被视察单位 button; 发现问题 starts with one block of labelled items — a TextArea, an
 * Input, a DatePicker and a Select with its own codes — grown by "+ 新增问题". The form's own
 * values (form.getFieldsValue) are the judge (tests/fixtures/repeat/src/antd-list.tsx).
 */
import { describe, expect, it } from 'vitest';
import { example, fill, filledCells, state, submit, undo, repeatSuite } from './autofill-repeat-helpers.ts';

const env = repeatSuite();

const STATUS: Record<string, string> = { 未整改: '1', 整改中: '2', 已整改: '3' };

describe('autofill: Ant Design Form.List', () => {
  it('adds the blocks with the page’s buttons and writes every cell, inputs, dates and selects, into the form’s values', async () => {
    const rec = example(env, 'inspection');
    const units = rec.raw['units'] as { unit: string; location: string; principal: string }[];
    const problems = rec.raw['problems'] as { problem: string; unit: string; deadline: string; status: string }[];
    const page = await env.open('antd-list.html');
    try {
      const before = await state(page);
      expect(before['units']).toEqual([]);
      expect((before['problems'] as unknown[]).length).toBe(1);
      const { plan, report } = await fill(env, page, rec.form, rec.values);
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      // 其他人员 is the record's 其他参加人员 shortened; its one cell is 姓名 (its placeholder), not the list's own label
      expect(plan.groups?.map((g) => [g.key, g.label, g.add])).toEqual([['inspection.otherParticipants', '其他人员', 1], ['inspection.units', '被视察单位', 2], ['inspection.problems', '发现问题', 2]]);
      const s = await state(page);
      expect(s['others']).toEqual((rec.raw['otherParticipants'] as { name: string }[]).map((p) => p.name));
      // placeholders name the block's fields when nothing else does
      expect(s['units']).toEqual(units.map((u) => ({ name: u.unit, place: u.location, head: u.principal })));
      // 问题描述 says more than the column's 问题; the Select holds its own code for 已整改
      expect(s['problems']).toEqual(problems.map((p) => ({ text: p.problem, unit: p.unit, deadline: p.deadline, status: STATUS[p.status] })));
      expect(filledCells(report, 'inspection.units').length).toBe(6);
      expect(filledCells(report, 'inspection.problems').length).toBe(12);
      expect((await submit(page)).ok).toBe(true);
      const undone = await undo(page);
      expect(undone.failed).toEqual([]);
      const after = await state(page);
      expect(after['units']).toEqual([]);
      expect(after['others']).toEqual([]);
      expect(after['problems']).toEqual([{ text: '', unit: '', deadline: '', status: '' }]);
    } finally {
      await page.context().close();
    }
  });
});
