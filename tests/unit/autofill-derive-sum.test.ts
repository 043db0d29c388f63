/**
 * The declared `sum` derivation: a total a portal asks for (合计学时) that the record holds only
 * as a table's rows (the courses with their hours). Declared in the dictionary, evaluated by the
 * core; a row without its number makes the total unknown, never a total of the rest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import {
  buildAutofillContext, deriveValue, dictionaryView, planFill, validatePack, validatePackSet,
  type AutofillContext, type FormDefinition, type PackDefinition, type ScanResult, type ScannedControl,
} from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let packs: PackDefinition[];
let ctx: AutofillContext;
let training: FormDefinition;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  packs = v.packs;
  ctx = buildAutofillContext(packs);
  training = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'training-meeting')!;
});

let n = 0;
const ctl = (label: string, extra: Partial<ScannedControl> = {}): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'text', labels: [{ source: 'form-item', text: label }], frame: '', usable: true, ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/training', controls, tables: [], refused: [] });
const courses = [
  { course: '代表法', teacher: { name: '张华' }, hours: 3 },
  { course: '建议撰写', teacher: { name: '李明' }, hours: 1.5 },
  { course: '座谈交流', hours: '0.5' },
];

describe('sum of a table column', () => {
  it('adds a number column over the rows, as people add it up (no binary fractions)', () => {
    expect(deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': courses })).toEqual({ ok: true, value: 5, type: 'number' });
    const tenths = [{ hours: 0.1 }, { hours: 0.2 }];
    expect(deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': tenths })).toMatchObject({ ok: true, value: 0.3 });
  });

  it('gives no total when a filled row lacks its number, and none of an empty table', () => {
    const gap = deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': [...courses, { course: '参观学习' }] });
    expect(gap.ok).toBe(false);
    expect(gap).toMatchObject({ reason: expect.stringContaining('第 4 行') });
    const text = deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': [{ course: 'x', hours: '三' }] });
    expect(text.ok).toBe(false);
    // a wholly empty row (an added, never filled line) is not a row
    expect(deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': [...courses, {}] })).toMatchObject({ ok: true, value: 5 });
    expect(deriveValue(ctx, { sum: 'meeting.courses', column: 'hours' }, { 'meeting.courses': [] }).ok).toBe(false);
  });

  it('fills 合计学时 (and its usual other names) from a training record’s courses', () => {
    const values = dictionaryView(training, { title: '代表履职培训', courses });
    for (const label of ['合计学时', '总学时', '学时合计']) {
      const p = planFill(ctx, scan(ctl(label, { kind: 'number' })), values);
      expect(p.steps.map((s) => [s.key, s.value]), label).toEqual([['meeting.totalHours', { type: 'text', text: '5' }]]);
    }
    // with the form given, the form's own computed 合计学时 gives the same total
    const withForm = planFill(ctx, scan(ctl('合计学时', { kind: 'number' })), values, { form: training });
    expect(withForm.steps[0]?.value).toEqual({ type: 'text', text: '5' });
    // the courses count as placed by the total only when the total is written
    const gap = planFill(ctx, scan(ctl('合计学时', { kind: 'number' })), dictionaryView(training, { title: 'x', courses: [{ course: '代表法' }] }));
    expect(gap.steps).toEqual([]);
    expect(gap.skipped[0]).toMatchObject({ reason: 'no-value', detail: expect.stringContaining('合计无法得出') });
  });

  it('is checked: a table key, a column that exists and holds numbers', () => {
    const base = { id: 'test.sum', version: '1.0.0', title: '测试' };
    const stored = [{ key: 'a.rows', type: 'table', label: '表' }, { key: 'a.name', type: 'text', label: '名称' }];
    const form = { id: 'f', title: '表', category: 'other', version: 1, sections: [{ id: 's', title: '节', fields: [
      { id: 't', type: 'table', label: '表', bind: 'a.rows', columns: [{ id: 'x', type: 'text', label: '列' }, { id: 'h', type: 'number', label: '学时' }] },
      { id: 'nm', type: 'text', label: '名称', bind: 'a.name' },
    ] }] };
    const codes = (entry: object) => validatePack({ ...base, dictionary: [...stored, entry], forms: [form] }).issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(codes({ key: 'a.total', type: 'number', label: '合计', derive: { sum: 'a.rows', column: 'h' } })).toEqual([]);
    expect(codes({ key: 'a.total', type: 'number', label: '合计', derive: { sum: 'a.name', column: 'h' } })).toEqual(['derive-source@dictionary.2.derive.sum']);
    expect(codes({ key: 'a.total', type: 'number', label: '合计', derive: { sum: 'a.rows', column: 'x' } })).toEqual(['derive-source@dictionary.2.derive.column']);
    expect(codes({ key: 'a.total', type: 'number', label: '合计', derive: { sum: 'a.rows', column: 'y' } })).toEqual(['unknown-reference@dictionary.2.derive.column']);
    expect(codes({ key: 'a.total', type: 'text', label: '合计', derive: { sum: 'a.rows', column: 'h' } })).toEqual(['derive-type@dictionary.2.type']);
  });
});
