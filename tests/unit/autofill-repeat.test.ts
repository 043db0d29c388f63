/**
 * Planning of repeating groups (shared/src/core/autofill/repeat.ts) on hand-made scans: a group
 * matched to a record table by its label, block labels to the table's columns (also labels that
 * say more than the column's), blocks to add counted, an empty group planned by the columns'
 * labels, and a group that names no list leaving its controls to their own labels.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, matchBlockFields, planFill, readBackValues, validatePackSet, type AutofillContext, type ScanResult, type ScannedControl, type ScannedGroup } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  ctx = buildAutofillContext(validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs);
});

const ctl = (id: string, label: string, block?: ScannedControl['block']): ScannedControl => ({ id, adapter: 'native', kind: 'text', labels: [{ source: 'form-item', text: label }], frame: '', usable: true, ...(block ? { block } : {}) });
const group = (over: Partial<ScannedGroup>): ScannedGroup => ({ id: 'g0', labels: [{ source: 'form-item', text: '课程安排' }], fields: [], blocks: 0, canAdd: true, frame: '', ...over });
const scanOf = (controls: ScannedControl[], groups: ScannedGroup[]): ScanResult => ({ url: 'https://portal.example/x', controls, tables: [], groups, refused: [] });
const courses = [
  { course: '《中华人民共和国宪法》', teacher: { name: '宋文华' }, hours: 1 },
  { course: '如何提出高质量的代表建议', teacher: { name: '王建国' }, hours: 0.5 },
];

describe('repeating groups: plan', () => {
  it('matches block labels to columns, exactly first, then by the column label they contain', () => {
    const cols = [{ label: '课程' }, { label: '授课人' }, { label: '学时' }];
    const m = matchBlockFields(['课程名称', '授课人', '学时（小时）'], cols);
    expect([...m]).toEqual([['授课人', 1], ['学时（小时）', 2], ['课程名称', 0]]);
    // two labels containing one column: neither takes it
    expect(matchBlockFields(['课程名称', '课程简介'], cols).size).toBe(0);
  });

  it('plans each row into its block, counts the blocks to add, and takes the group’s controls away from one-by-one matching', () => {
    const block = { group: 'g0', index: 0 };
    const scan = scanOf([ctl('c0', '课程名称', { ...block, field: '课程名称' }), ctl('c1', '授课人', { ...block, field: '授课人' }), ctl('c2', '学时', { ...block, field: '学时' })],
      [group({ fields: ['课程名称', '授课人', '学时'], blocks: 1 })]);
    const plan = planFill(ctx, scan, { 'meeting.courses': courses, 'meeting.lecturer': { name: '宋文华' } });
    expect(plan.groups).toHaveLength(1);
    const g = plan.groups![0]!;
    expect([g.key, g.add, g.unseen]).toEqual(['meeting.courses', 1, undefined]);
    expect(g.rows.map((r) => Object.keys(r.values))).toEqual([['课程名称', '授课人', '学时'], ['课程名称', '授课人', '学时']]);
    expect(g.rows[1]!.values['学时']).toEqual({ type: 'text', text: '0.5' });
    expect(g.rows[0]!.values['授课人']).toEqual({ type: 'text', text: '宋文华' });
    // 授课人 in the block is a cell of the list, not the record's 主讲人
    expect(plan.steps).toEqual([]);
    expect(plan.unplaced).toEqual(['meeting.lecturer']);
  });

  it('plans a group that shows no block by the columns’ own labels, to be matched on the page', () => {
    const plan = planFill(ctx, scanOf([], [group({})]), { 'meeting.courses': courses });
    const g = plan.groups![0]!;
    expect([g.add, g.unseen]).toEqual([2, true]);
    expect(Object.keys(g.rows[0]!.values)).toEqual(['课程', '授课人', '学时']);
  });

  it('leaves blocks whose group names no list of the record to their own labels', () => {
    const block = { group: 'g0', index: 0 };
    const scan = scanOf([ctl('c0', '会议名称', { ...block, field: '会议名称' }), ctl('c1', '会议地点', { ...block, field: '会议地点' })],
      [group({ labels: [{ source: 'legend', text: '基本情况' }], fields: ['会议名称', '会议地点'], blocks: 2 })]);
    const plan = planFill(ctx, scan, { 'meeting.title': '培训会', 'meeting.place': '报告厅' });
    expect(plan.groups).toBeUndefined();
    expect(plan.steps.map((s) => s.key)).toEqual(['meeting.title', 'meeting.place']);
  });

  it('reports a list the record does not hold, and one the page cannot take', () => {
    const none = planFill(ctx, scanOf([], [group({})]), { 'meeting.title': '培训会' });
    expect(none.skipped).toEqual([expect.objectContaining({ control: 'g0', reason: 'no-value' })]);
    const fixed = planFill(ctx, scanOf([], [group({ canAdd: false })]), { 'meeting.courses': courses });
    expect(fixed.skipped).toEqual([expect.objectContaining({ control: 'g0', reason: 'unsupported' })]);
  });

  it('reads a group back as the list’s rows keyed by the form’s column ids', () => {
    const cell = (id: string, index: number, field: string, value: string) => ({ ...ctl(id, field, { group: 'g0', index, field }), value });
    const scan = scanOf([
      cell('c0', 0, '课程名称', '《中华人民共和国宪法》'), cell('c1', 0, '授课人', '宋文华'), cell('c2', 0, '学时', '1.0'),
      cell('c3', 1, '课程名称', '如何提出高质量的代表建议'), cell('c4', 1, '授课人', '王建国'), cell('c5', 1, '学时', '0.5'),
    ], [group({ fields: ['课程名称', '授课人', '学时'], blocks: 2 })]);
    const form = [...ctx.forms.values()].find((f) => f.id === 'training-meeting');
    const r = readBackValues(ctx, scan, form ? { form } : {});
    expect(r.values['meeting.courses']).toEqual(courses);
    expect(r.sources['meeting.courses']).toBe('g0');
    // 授课人 inside the list is not read as the record's 主讲人
    expect(r.values['meeting.lecturer']).toBeUndefined();
  });
});
