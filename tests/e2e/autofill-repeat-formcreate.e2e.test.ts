/**
 * Repeating groups drawn by form-create (JSON rules on Element Plus, the real libraries): its
 * `group` field renders each item as a nested form with an icon-only + drawn in CSS (no text).
 * 会议议题 shows one empty block and its + inside it; 决定事项 shows no block at all, only the +
 * inside its form item. The record's agenda and decisions must end up in form-create's own model,
 * block by block, the missing blocks made by the page's own + (tests/fixtures/repeat).
 */
import { describe, expect, it } from 'vitest';
import { example, fill, filledCells, readBack, state, submit, undo, repeatSuite } from './autofill-repeat-helpers.ts';

const env = repeatSuite();

type Named = { name: string };
describe('autofill: form-create repeating groups', () => {
  it('fills a group with one block and a group with none, adding blocks with the page’s own +, and undo removes them', async () => {
    const rec = example(env, 'presidium-monthly');
    const agenda = rec.raw['agenda'] as { topic: string; presenter: Named }[];
    const decisions = rec.raw['decisions'] as { content: string; responsible: string; deadline: string }[];
    expect(agenda.length).toBe(3);
    const page = await env.open('formcreate-meeting.html');
    try {
      expect((await state(page))['jd']).toEqual([]);
      const { plan, report } = await fill(env, page, rec.form, rec.values);
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      // the plan: both groups by their form item's label, blocks to add counted, the empty one matched on the page later
      expect(plan.groups?.map((g) => [g.key, g.add, !!g.unseen])).toEqual([['meeting.agenda', 2, false], ['meeting.decisions', 3, true]]);
      const s = await state(page);
      expect(s['yt']).toEqual(agenda.map((a) => ({ ytmc: a.topic, hbr: a.presenter.name })));
      // 决定事项内容 (a label saying more than the column's 决定事项) takes that column; the date in form-create's value format
      expect(s['jd']).toEqual(decisions.map((d) => ({ nr: d.content, zrr: d.responsible, sx: d.deadline })));
      // one report entry per cell, each read back
      expect(filledCells(report, 'meeting.agenda')).toEqual(['0:议题', '0:汇报人', '1:议题', '1:汇报人', '2:议题', '2:汇报人']);
      expect(filledCells(report, 'meeting.decisions').length).toBe(9);
      expect(report.filled.find((f) => f.key === 'meeting.agenda')?.label).toBe('会议议题');
      expect((await submit(page)).ok).toBe(true);
      // read back (capture): the groups come back as the record's rows, their fields not taken one by one
      const read = await readBack(env, page, rec.form);
      expect(read['meeting.agenda']).toEqual(agenda);
      expect(read['meeting.decisions']).toEqual(decisions);
      const undone = await undo(page);
      expect(undone.failed).toEqual([]);
      const after = await state(page);
      // the block the page showed stays, emptied; the blocks the fill added are gone
      expect(after['jd']).toEqual([]);
      expect((after['yt'] as Record<string, unknown>[]).length).toBe(1);
      expect(Object.values((after['yt'] as Record<string, unknown>[])[0]!).every((v) => v === '' || v === null)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('reports the items the page will not take as failed, never as filled, when the group reaches its maximum', async () => {
    const rec = example(env, 'presidium-monthly');
    const page = await env.open('formcreate-meeting.html?max=2');
    try {
      const { report } = await fill(env, page, rec.form, rec.values);
      const s = await state(page);
      expect((s['yt'] as unknown[]).length).toBe(2);
      expect(filledCells(report, 'meeting.agenda')).toEqual(['0:议题', '0:汇报人', '1:议题', '1:汇报人']);
      const third = report.failed.filter((f) => f.key === 'meeting.agenda');
      expect(third.map((f) => f.cell?.index)).toEqual([2, 2]);
      expect(third[0]!.error).toMatch(/添加/);
      // the other group is not held back by it
      expect((s['jd'] as unknown[]).length).toBe(3);
    } finally {
      await page.context().close();
    }
  });
});
