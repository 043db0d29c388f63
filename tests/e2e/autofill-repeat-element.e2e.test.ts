/**
 * Repeating groups of Element Plus form items in a Vue v-for (the real library): each course a
 * bordered block of 课程名称1 / 授课人 / 学时 (an el-input-number with one decimal) with its own
 * 删除, a "+ 添加课程" button under the list and the title in a plain div above it. The reactive
 * model is the judge (tests/fixtures/repeat/src/element-items.ts).
 */
import { describe, expect, it } from 'vitest';
import { example, fill, filledCells, state, submit, undo, repeatSuite } from './autofill-repeat-helpers.ts';

const env = repeatSuite();

type Course = { course: string; teacher: { name: string }; hours: number };

describe('autofill: Element Plus dynamic form items', () => {
  it('fills the block the page shows, adds the others, and keeps the numbers as numbers in the model', async () => {
    const rec = example(env, 'training-meeting');
    const courses = rec.raw['courses'] as Course[];
    expect(courses.length).toBe(3);
    const page = await env.open('element-items.html');
    try {
      const { plan, report } = await fill(env, page, rec.form, rec.values);
      expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
      expect(plan.groups?.map((g) => [g.key, g.label, g.add])).toEqual([['meeting.courses', '课程安排', 2]]);
      // an empty table of records beside its add button stays a table: its rows get every column
      expect(plan.tables.map((t) => t.key)).toEqual(['meeting.agenda']);
      const agenda = rec.raw['agenda'] as { topic: string; presenter: { name: string } }[];
      const s = await state(page);
      expect(s['courses']).toEqual(courses.map((c) => ({ name: c.course, teacher: c.teacher.name, hours: c.hours })));
      expect(s['agenda']).toEqual(agenda.map((a) => ({ topic: a.topic, presenter: a.presenter.name })));
      // the number box shows 1.0 for 1: the same number, reported filled
      expect(filledCells(report, 'meeting.courses')).toContain('0:学时');
      // the block's fields are not taken for the record's other fields (授课人 is not 主讲人)
      expect(report.filled.filter((f) => f.label === '授课人')).toEqual([]);
      expect((await submit(page)).ok).toBe(true);
      expect((await undo(page)).failed).toEqual([]);
      expect((await state(page))['courses']).toEqual([{ name: '', teacher: '', hours: null }]);
      expect((await state(page))['agenda']).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('without an add button fills the blocks the page has and reports the rows beyond them as failed', async () => {
    const rec = example(env, 'training-meeting');
    const courses = rec.raw['courses'] as Course[];
    const page = await env.open('element-items.html?noadd=1');
    try {
      const { report } = await fill(env, page, rec.form, rec.values);
      const s = await state(page);
      expect(s['courses']).toEqual(courses.slice(0, 2).map((c) => ({ name: c.course, teacher: c.teacher.name, hours: c.hours })));
      const failed = report.failed.filter((f) => f.key === 'meeting.courses');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((f) => f.cell?.index === 2)).toBe(true);
      expect(filledCells(report, 'meeting.courses').some((c) => c.startsWith('2:'))).toBe(false);
    } finally {
      await page.context().close();
    }
  });
});
