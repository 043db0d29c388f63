/**
 * The form engine: every field type's value checks, conditions (visible/required/read-only),
 * computed values, defaults, tables (cells, rows, add/remove/reorder, row-level conditions and
 * computed columns), rating-matrix summaries, validation located at field/row/column, and that a
 * change re-evaluates only what depends on it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FormEngine, FIELD_TYPES, matrixSummary, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { builtInPacks, ctxOf, formOf, PNG } from './form-fixtures.ts';

let packs: PackDefinition[];
beforeAll(async () => { packs = await builtInPacks(); });

/** One form with a field of every type (table holds a column of every column type). */
const ALL: FormDefinition = {
  id: 'all-types', version: 1, title: '全部字段', category: 'other',
  sections: [{
    id: 's', title: '字段', fields: [
      { type: 'text', id: 'text', label: '文本', maxLength: 4, pattern: '^[^0-9]*$', patternMessage: '不能有数字' },
      { type: 'textarea', id: 'textarea', label: '多行', minLength: 2 },
      { type: 'number', id: 'number', label: '数字', min: 0, max: 10, integer: true },
      { type: 'date', id: 'date', label: '日期', min: '2024-01-01' },
      { type: 'datetime', id: 'datetime', label: '时间' },
      { type: 'select', id: 'select', label: '下拉', options: [{ value: '甲' }, { value: '乙' }] },
      { type: 'multiselect', id: 'multiselect', label: '多选', options: [{ value: '甲' }, { value: '乙' }], maxSelected: 1 },
      { type: 'radio', id: 'radio', label: '单选', options: [{ value: '是' }, { value: '否' }] },
      { type: 'checkbox', id: 'checkbox', label: '勾选' },
      { type: 'checkboxes', id: 'checkboxes', label: '复选', options: [{ value: 'a' }, { value: 'b' }], minSelected: 2 },
      { type: 'phone', id: 'phone', label: '电话', kind: 'mobile' },
      { type: 'idcard', id: 'idcard', label: '身份证' },
      { type: 'person', id: 'person', label: '人' },
      { type: 'people', id: 'people', label: '人们', max: 1 },
      { type: 'signature', id: 'signature', label: '签名' },
      { type: 'attachment', id: 'attachment', label: '附件', maxSizeKB: 1 },
      { type: 'photo', id: 'photo', label: '照片' },
      { type: 'score', id: 'score', label: '评分', max: 100 },
      { type: 'ratingMatrix', id: 'matrix', label: '测评', required: true, criteria: [{ id: 'a', label: '甲', weight: 2 }, { id: 'b', label: '乙' }], scale: [{ value: 5, label: '好' }, { value: 1, label: '差' }] },
      { type: 'table', id: 'table', label: '表格', maxRows: 3, columns: [{ type: 'text', id: 'name', label: '名', required: true }, { type: 'number', id: 'n', label: '数', min: 0 }, { type: 'computed', id: 'double', label: '倍', expr: { '*': [{ var: 'row.n' }, 2] } }] },
      { type: 'computed', id: 'computed', label: '计算', expr: { '+': [{ var: 'number' }, { var: 'score' }] } },
      { type: 'static', id: 'static', text: '说明文字 <b>不是HTML</b>' },
    ],
  }],
};

const BAD: Record<string, unknown> = {
  text: '12345', textarea: 'a', number: 3.5, date: '2023-12-31', datetime: '2024-02-30T09:00', select: '丙', multiselect: ['甲', '乙'],
  radio: '也许', checkbox: 'yes', checkboxes: ['a'], phone: '12345', idcard: '110101199003070000', person: { id: 'x' }, people: [{ name: '甲' }, { name: '乙' }],
  signature: { image: 'data:image/jpeg;base64,AAAA', signer: '张三', signedAt: '2024-04-26T10:00:00+08:00' },
  attachment: [{ name: 'a.pdf', type: 'application/pdf', size: 5000 }], photo: [{ name: 'a.pdf', type: 'application/pdf', size: 10 }], score: 101,
  matrix: { a: 3 },
};
const GOOD: Record<string, unknown> = {
  text: '青山', textarea: '情况良好', number: 3, date: '2024-04-26', datetime: '2024-04-26T09:00', select: '甲', multiselect: ['乙'], radio: '是', checkbox: true,
  checkboxes: ['a', 'b'], phone: '13912345678', idcard: '11010519491231002X', person: { name: '张建国' }, people: [{ id: 'd1', name: '李明' }],
  signature: { image: PNG, signer: '张建国', signedAt: '2024-04-26T10:00:00+08:00' }, attachment: [{ name: 'a.pdf', type: 'application/pdf', size: 500 }],
  photo: [{ name: 'a.png', type: 'image/png', size: 10, data: PNG }], score: 88, matrix: { a: 5, b: 1 },
};

describe('field types', () => {
  it('covers all 22 types of the language', () => {
    const types = new Set(ALL.sections[0]!.fields.map((f) => f.type));
    expect([...FIELD_TYPES].filter((t) => !types.has(t))).toEqual([]);
  });

  it.each(Object.keys(BAD))('%s: a bad value is reported at the field, in Chinese; a good one is not', (id) => {
    const bad = new FormEngine(ALL, { values: { [id]: BAD[id] }, ctx: ctxOf(packs) });
    const s = bad.getField(id);
    expect(s.issues.length, JSON.stringify(s.issues)).toBeGreaterThan(0);
    for (const i of s.issues) {
      expect(i.path[0]).toBe(id);
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const good = new FormEngine(ALL, { values: { [id]: GOOD[id] }, ctx: ctxOf(packs) });
    expect(good.getField(id).issues).toEqual([]);
  });

  it('a fully filled form validates clean; computed and static are derived, never stored', () => {
    const e = new FormEngine(ALL, { values: { ...GOOD, table: [{ name: '甲', n: 2 }], computed: 999 }, ctx: ctxOf(packs) });
    expect(e.validate({ complete: true })).toEqual([]);
    expect(e.getField('computed').value).toBe(91);
    expect(e.getValues()).not.toHaveProperty('computed');
    expect(e.getField('static').readOnly).toBe(true);
  });

  it('rating matrix: total, plain and weighted average, marks off the scale and unrated criteria', () => {
    const f = ALL.sections[0]!.fields.find((x) => x.id === 'matrix')!;
    if (f.type !== 'ratingMatrix') throw new Error('type');
    expect(matrixSummary(f, { a: 5, b: 1 })).toMatchObject({ rated: 2, total: 6, average: 3, weightedAverage: 11 / 3, maxTotal: 10 });
    const e = new FormEngine(ALL, { values: { matrix: { a: 5 } }, ctx: ctxOf(packs) });
    expect(e.getField('matrix').summary).toMatchObject({ rated: 1, total: 5, average: 5 });
    expect(e.getField('matrix').issues.map((i) => i.path)).toEqual([['matrix', 'b']]);
    e.setValue('matrix', { a: 5, b: 3 });
    expect(e.getField('matrix').issues[0]).toMatchObject({ path: ['matrix', 'b'], code: 'unknown-option' });
  });
});

describe('conditions and computed values (built-in forms)', () => {
  it('deputy profile: 代表资格终止时间 shows and becomes required when the status is not 在任', () => {
    const { form } = formOf(packs, 'deputy-profile');
    const e = new FormEngine(form, { applyDefaults: true, ctx: ctxOf(packs) });
    expect(e.getValues()).toMatchObject({ ethnicity: '汉族', status: '在任', groupLeader: false });
    expect(e.getField('leftDate')).toMatchObject({ visible: false, required: false, missing: false });
    e.setValue('status', '辞去代表职务');
    expect(e.getField('leftDate')).toMatchObject({ visible: true, required: true, missing: true });
    expect(e.validate({ complete: true }).some((i) => i.path[0] === 'leftDate' && i.code === 'required')).toBe(true);
    e.setValue('leftDate', '2024-03-01');
    expect(e.getField('leftDate').missing).toBe(false);
  });

  it('appraisal survey: totals, averages and the 不满意 reason', () => {
    const { form } = formOf(packs, 'appraisal-survey');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    e.setValue('ratings', { lawfulAdministration: 5, serviceAttitude: 4, efficiency: 4, integrity: 5, rectification: 3 });
    expect(e.getField('total').value).toBe(21);
    expect(e.getField('average').value).toBe(4.2);
    expect(e.getField('percentScore').value).toBe(84);
    expect(e.getField('ratings').summary?.average).toBeCloseTo(4.2);
    e.setValue('overall', '满意');
    expect(e.getField('reason').visible).toBe(false);
    e.setValue('overall', '不满意');
    expect(e.getField('reason')).toMatchObject({ visible: true, required: true, missing: true });
  });

  it('readOnlyIf and section visibleIf', () => {
    const form: FormDefinition = {
      id: 'ro', version: 1, title: 't', category: 'other', sections: [
        { id: 'a', title: 'A', fields: [{ type: 'checkbox', id: 'locked', label: '锁定' }, { type: 'text', id: 'note', label: '备注', readOnlyIf: { var: 'locked' } }] },
        { id: 'b', title: 'B', visibleIf: { '!': { var: 'locked' } }, fields: [{ type: 'text', id: 'x', label: 'X', required: true }] },
      ],
    };
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    expect(e.getField('note').readOnly).toBe(false);
    expect(e.getField('x').missing).toBe(true);
    e.setValue('locked', true);
    expect(e.getField('note').readOnly).toBe(true);
    expect(e.isSectionVisible('b')).toBe(false);
    expect(e.getField('x')).toMatchObject({ visible: false, missing: false });
    expect(e.validate({ complete: true })).toEqual([]);
  });

  it('a cross-field rule is re-checked when the field it reads changes', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    e.setValue('startTime', '2024-04-26T09:00');
    e.setValue('endTime', '2024-04-26T11:00');
    expect(e.getField('endTime').issues).toEqual([]);
    e.setValue('startTime', '2024-04-26T12:00');
    expect(e.getField('endTime').issues[0]?.message).toBe('结束时间应晚于会议时间');
  });

  it('defaults, including defaultExpr ($today in China time) and column defaults in new rows', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { applyDefaults: true, ctx: ctxOf(packs, new Date('2024-04-25T17:00:00Z')) });
    expect(e.getValues()['documentDate']).toBe('2024-04-26'); // 01:00 on the 26th in Beijing
    expect(e.getValues()['distribution']).toMatch(/^镇党委/);
    expect(e.getValues()['agenda']).toEqual([{}]); // minRows: 1
    e.addRow('votes');
    expect(e.getValues()['votes']).toEqual([{ against: 0, abstain: 0 }]);
  });
});

describe('tables', () => {
  it('cells, computed columns reading a top-level field, add/remove/reorder, located issues', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    e.setValue('present', [{ name: '甲' }, { name: '乙' }, { name: '丙' }]);
    expect(e.getField('presentCount').value).toBe(3);
    e.addRow('votes'); e.addRow('votes');
    e.setCell('votes', 0, 'item', '关于代表活动经费的决定');
    e.setCell('votes', 0, 'inFavour', 2);
    e.setCell('votes', 1, 'inFavour', 1);
    let rows = e.getField('votes').rows!;
    expect(rows[0]!.cells['result']!.value).toBe('通过');
    expect(rows[1]!.cells['result']!.value).toBe('未通过');
    // more present → the computed column of every row follows
    e.setValue('present', [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }]);
    rows = e.getField('votes').rows!;
    expect(rows[0]!.cells['result']!.value).toBe('未通过');
    const key0 = rows[0]!.key;
    e.moveRow('votes', 0, 1);
    expect(e.getField('votes').rows![1]!.key).toBe(key0);
    expect((e.getValues()['votes'] as { item?: string }[])[1]!.item).toBe('关于代表活动经费的决定');
    e.setCell('votes', 0, 'against', -1);
    expect(e.getField('votes').rows![0]!.cells['against']!.issues[0]!.path).toEqual(['votes', 0, 'against']);
    const issues = e.validate({ complete: true });
    expect(issues).toContainEqual(expect.objectContaining({ path: ['votes', 0, 'item'], code: 'required' }));
    e.removeRow('votes', 0);
    expect(e.getField('votes').rows).toHaveLength(1);
  });

  it('row-level requiredIf: 原因 is required only for 请假', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    e.addRow('absent');
    expect(e.getField('absent').rows![0]!.cells['reason']).toMatchObject({ required: true, missing: true });
    e.setCell('absent', 0, 'kind', '无故缺席');
    expect(e.getField('absent').rows![0]!.cells['reason']).toMatchObject({ required: false, missing: false });
  });

  it('maxRows stops adding', () => {
    const e = new FormEngine(ALL, { ctx: ctxOf(packs) });
    for (let i = 0; i < 3; i++) expect(e.addRow('table')).toBe(i);
    expect(e.addRow('table')).toBe(-1);
  });
});

describe('incremental re-evaluation', () => {
  it('a keystroke in an unrelated field re-evaluates that field only and notifies only its listeners', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    const calls: string[] = [];
    for (const id of e.fieldIds()) e.subscribeField(id, () => calls.push(id));
    e.setValue('place', '镇人大办公室');
    expect(e.lastEvaluated).toEqual(['place']);
    expect(calls).toEqual(['place']);
    calls.length = 0;
    e.setValue('present', [{ name: '甲' }]);
    // present → presentCount (computed) and the votes table (its result column reads present)
    expect(new Set(e.lastEvaluated)).toEqual(new Set(['present', 'presentCount', 'votes']));
    expect(calls).toContain('presentCount');
  });

  it('editing one row keeps the other rows’ state objects', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    for (let i = 0; i < 5; i++) e.addRow('agenda');
    const before = e.getField('agenda').rows!;
    e.setCell('agenda', 2, 'topic', '议题三');
    const after = e.getField('agenda').rows!;
    expect(after[2]).not.toBe(before[2]);
    expect([0, 1, 3, 4].every((i) => after[i] === before[i])).toBe(true);
  });

  it('a 300-field form: one keystroke stays cheap', () => {
    const fields = Array.from({ length: 300 }, (_, i) => ({ type: 'text' as const, id: `f${i}`, label: `字段${i}`, ...(i % 10 === 1 ? { visibleIf: { '!': { empty: { var: `f${i - 1}` } } } } : {}) }));
    const form: FormDefinition = { id: 'big', version: 1, title: 'big', category: 'other', sections: [{ id: 's', title: 's', fields }] };
    const e = new FormEngine(form, { ctx: ctxOf(packs) });
    e.setValue('f10', 'x');
    expect(e.lastEvaluated).toEqual(['f10', 'f11']);
    expect(e.getField('f11').visible).toBe(true);
  });
});
