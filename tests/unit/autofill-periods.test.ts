/**
 * Periods and kind-compatible matching. A range picker of two inputs (视察时间 as Element Plus
 * daterange, Ant Design RangePicker…) takes a period made of two stored keys (`derive.range`:
 * 开始时间 → 结束时间, with 视察日期 for a one-day inspection), and nothing else; a single date box
 * never takes a period. A label naming a key whose value the control cannot take (提出时间, a
 * date, over the radios 大会期间 / 闭会期间) goes to the held choice key its options fit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, deriveValue, planFill, validatePack, validatePackSet, type AutofillContext, type ScanResult, type ScannedControl } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  ctx = buildAutofillContext(v.packs);
});

let n = 0;
const ctl = (label: string, extra: Partial<ScannedControl> = {}): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'text', labels: [{ source: 'form-item', text: label }], frame: '', usable: true, ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/x', controls, tables: [], refused: [] });
const dateRange = (label: string, dateFormat = 'YYYY-MM-DD') => ctl(label, { kind: 'daterange', adapter: 'element-date-range', dateFormat });
const dateTimeRange = (label: string, dateFormat = 'YYYY-MM-DD HH:mm:ss') => ctl(label, { kind: 'datetimerange', adapter: 'element-date-range', dateFormat });
const radios = (label: string, options: string[]) => ctl(label, { kind: 'radio', options: options.map((o) => ({ value: o, text: o })) });

const inspection = { 'inspection.subject': '防汛设施视察', 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T09:00', 'inspection.endTime': '2024-09-11T17:30' };

describe('a period into a range picker', () => {
  it('writes both ends of the period, in the picker’s format, and places the keys it was made of', () => {
    const p = planFill(ctx, scan(dateTimeRange('视察起止时间'), dateRange('视察时间')), inspection);
    expect(p.steps.map((s) => [s.label, s.key, s.value])).toEqual([
      ['视察起止时间', 'inspection.period', { type: 'range', from: '2024-09-10 09:00:00', to: '2024-09-11 17:30:00' }],
      ['视察时间', 'inspection.period', { type: 'range', from: '2024-09-10', to: '2024-09-11' }],
    ]);
    expect(p.steps[0]!.display).toBe('2024-09-10 09:00:00 至 2024-09-11 17:30:00');
    expect(p.unplaced).toEqual(['inspection.subject']);
  });

  it('takes a one-day inspection’s date for a date range, and never invents its times', () => {
    const values = { 'inspection.subject': '防汛设施视察', 'inspection.date': '2024-09-10' };
    const p = planFill(ctx, scan(dateRange('视察时间'), dateTimeRange('起止时间')), values);
    expect(p.steps.map((s) => [s.label, s.value])).toEqual([['视察时间', { type: 'range', from: '2024-09-10', to: '2024-09-10' }]]);
    expect(p.skipped.find((s) => s.label === '起止时间')).toMatchObject({ reason: 'missing-part', detail: '门户要求填写时间，记录中没有“开始时间”的时间' });
    // a start with its time but no end: the end has no time either
    const half = planFill(ctx, scan(dateTimeRange('起止时间')), { ...values, 'inspection.startTime': '2024-09-10T09:00' });
    expect(half.steps).toEqual([]);
    expect(half.skipped[0]).toMatchObject({ reason: 'missing-part', detail: '门户要求填写时间，记录中没有“结束时间”的时间' });
  });

  it('puts times of day on the day, and refuses an end before the start', () => {
    const d = ctx.entries.get('inspection.period')!.derive!;
    expect(deriveValue(ctx, d, { 'inspection.date': '2024-09-10', 'inspection.startTime': '9:00', 'inspection.endTime': '11:30' })).toEqual({ ok: true, value: ['2024-09-10T09:00', '2024-09-10T11:30'], type: 'daterange' });
    expect(deriveValue(ctx, d, { 'inspection.startTime': '2024-09-11T09:00', 'inspection.endTime': '2024-09-10T11:30' })).toMatchObject({ ok: false, reason: '“结束时间”早于“开始时间”' });
    // a meeting declares no day: without its end there is no period
    const meeting = planFill(ctx, scan(dateTimeRange('会议时间')), { 'meeting.title': '主席团会议', 'meeting.startTime': '2024-04-25T09:00' });
    expect(meeting.steps).toEqual([]);
    expect(meeting.skipped[0]).toMatchObject({ reason: 'no-value', detail: '记录中没有“结束时间”' });
  });

  it('an activity (代表接待日 9:00—11:30) has its own period: 活动时间 over a range picker, its ends over date-time boxes', () => {
    const activity = { 'activity.title': '代表接待日', 'activity.date': '2024-06-15', 'activity.startTime': '2024-06-15T09:00', 'activity.endTime': '2024-06-15T11:30' };
    const dateTime = (label: string) => ctl(label, { kind: 'datetime', dateFormat: 'YYYY-MM-DD HH:mm' });
    const p = planFill(ctx, scan(dateTimeRange('活动时间'), dateRange('活动起止日期'), ctl('活动日期', { kind: 'date', dateFormat: 'YYYY-MM-DD' }), dateTime('活动开始时间'), dateTime('活动结束时间')), activity);
    expect(p.steps.map((s) => [s.label, s.key, s.value])).toEqual([
      ['活动时间', 'activity.period', { type: 'range', from: '2024-06-15 09:00:00', to: '2024-06-15 11:30:00' }],
      ['活动起止日期', 'activity.period', { type: 'range', from: '2024-06-15', to: '2024-06-15' }],
      ['活动日期', 'activity.date', { type: 'text', text: '2024-06-15' }],
      ['活动开始时间', 'activity.startTime', { type: 'text', text: '2024-06-15 09:00' }],
      ['活动结束时间', 'activity.endTime', { type: 'text', text: '2024-06-15 11:30' }],
    ]);
    // times of day on the activity's date; a one-day activity without times: the day, no invented hours
    expect(deriveValue(ctx, ctx.entries.get('activity.period')!.derive!, { 'activity.date': '2024-06-15', 'activity.startTime': '9:00', 'activity.endTime': '11:30' })).toEqual({ ok: true, value: ['2024-06-15T09:00', '2024-06-15T11:30'], type: 'daterange' });
    const day = planFill(ctx, scan(dateRange('活动时间'), dateTimeRange('起止时间')), { 'activity.title': '走访选民', 'activity.date': '2024-06-15' });
    expect(day.steps.map((s) => [s.label, s.key, s.value])).toEqual([['活动时间', 'activity.period', { type: 'range', from: '2024-06-15', to: '2024-06-15' }]]);
    expect(day.skipped.find((s) => s.label === '起止时间')).toMatchObject({ reason: 'missing-part' });
    // a suggestion's 办理期限 over a range picker: from its 交办日期 to its 答复期限; over a date box, the due date alone
    const suggestion = { 'suggestion.title': '关于整治校门口交通秩序的建议', 'suggestion.assignDate': '2025-04-08', 'suggestion.dueDate': '2025-07-08' };
    expect(planFill(ctx, scan(dateRange('办理期限')), suggestion).steps.map((s) => [s.key, s.value])).toEqual([['suggestion.handlingPeriod', { type: 'range', from: '2025-04-08', to: '2025-07-08' }]]);
    expect(planFill(ctx, scan(ctl('办理期限', { kind: 'date', dateFormat: 'YYYY-MM-DD' })), suggestion).steps.map((s) => [s.key, s.value])).toEqual([['suggestion.dueDate', { type: 'text', text: '2025-07-08' }]]);
    expect(planFill(ctx, scan(dateRange('办理期限')), { 'suggestion.dueDate': '2025-07-08' }).skipped[0]).toMatchObject({ reason: 'no-value' });
    // a petition's 办理期限 over a range picker: from its 转办日期 to its 办理时限 (the letter's own
    // period, not the suggestion's, under the same label); over a date box, the due date alone
    const letter = { 'letter.name': '蒋玉芬', 'letter.forwardDate': '2025-06-04', 'letter.dueDate': '2025-07-03' };
    expect(planFill(ctx, scan(dateRange('办理期限')), letter).steps.map((s) => [s.key, s.value])).toEqual([['letter.handlingPeriod', { type: 'range', from: '2025-06-04', to: '2025-07-03' }]]);
    expect(planFill(ctx, scan(ctl('办理期限', { kind: 'date', dateFormat: 'YYYY-MM-DD' })), letter).steps.map((s) => [s.key, s.value])).toEqual([['letter.dueDate', { type: 'text', text: '2025-07-03' }]]);
    expect(planFill(ctx, scan(dateRange('办理期限')), { 'letter.dueDate': '2025-07-03' }).skipped[0]).toMatchObject({ reason: 'no-value' });
    // an inspection record keeps its own period under the same label
    expect(planFill(ctx, scan(dateTimeRange('活动时间')), inspection).steps.map((s) => s.key)).toEqual(['inspection.period']);
  });

  it('a range picker labelled with a single date’s name takes that date’s period', () => {
    const p = planFill(ctx, scan(dateRange('检查日期'), dateTimeRange('会议日期')), { ...inspection, 'meeting.startTime': '2024-04-25T09:00', 'meeting.endTime': '2024-04-25T11:00' });
    expect(p.steps.map((s) => [s.label, s.key, s.via])).toEqual([['检查日期', 'inspection.period', 'period'], ['会议日期', 'meeting.period', 'period']]);
    // a date with no period declared is not split into two ends
    const none = planFill(ctx, scan(dateRange('提出日期')), { 'suggestion.submitDate': '2024-08-20' });
    expect(none.steps).toEqual([]);
    expect(none.skipped[0]).toMatchObject({ reason: 'unsupported', field: { label: '提出日期' } });
  });

  it('a single date box never takes a period, and a range picker never a single date', () => {
    const p = planFill(ctx, scan(ctl('视察时间', { kind: 'date', dateFormat: 'YYYY-MM-DD' }), ctl('起止时间', { kind: 'text' })), inspection);
    expect(p.steps.map((s) => [s.label, s.key])).toEqual([['视察时间', 'inspection.date']]);
    expect(p.skipped.find((s) => s.label === '起止时间')).toBeDefined();
    // a mapping that points a range picker at a single date is refused by the conversion
    const mapped = planFill(ctx, scan(dateRange('视察时间')), inspection, { mapping: { id: 'm', title: 'm', match: ['https://portal.example/*'], fields: [{ key: 'inspection.date', locator: { label: '视察时间' } }] } as never });
    expect(mapped.steps).toEqual([]);
    expect(mapped.skipped[0]).toMatchObject({ reason: 'unsupported', detail: '日期范围控件需要起止两个日期' });
  });

  it('is checked: a range reads date, date-time or time keys, and gives a daterange key', () => {
    const base = { id: 'test.range', version: '1.0.0', title: '测试' };
    const stored = [{ key: 'a.start', type: 'datetime', label: '开始' }, { key: 'a.end', type: 'datetime', label: '结束' }, { key: 'a.n', type: 'number', label: '数' }];
    const codes = (entry: object) => validatePack({ ...base, dictionary: [...stored, entry] }).issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(codes({ key: 'a.period', type: 'daterange', label: '起止', derive: { range: { from: 'a.start', to: 'a.end' } } })).toEqual([]);
    expect(codes({ key: 'a.period', type: 'datetime', label: '起止', derive: { range: { from: 'a.start', to: 'a.end' } } })).toEqual(['derive-type@dictionary.3.type']);
    expect(codes({ key: 'a.period', type: 'daterange', label: '起止', derive: { range: { from: 'a.start', to: 'a.n' } } })).toEqual(['derive-source@dictionary.3.derive.range']);
  });
});

describe('kind-compatible matching', () => {
  const suggestion = { 'suggestion.title': '关于改善农村道路的建议', 'suggestion.submitDate': '2024-08-20', 'suggestion.period': '闭会期间' };

  it('a label naming a date over choices that are no dates takes the held key the choices fit', () => {
    const p = planFill(ctx, scan(radios('提出时间', ['大会期间', '闭会期间'])), suggestion);
    expect(p.steps.map((s) => [s.key, s.via, s.display])).toEqual([['suggestion.period', 'options', '闭会期间']]);
    expect(p.steps[0]!.field?.label).toBe('提出时间段');
    // as a select too
    const sel = planFill(ctx, scan(ctl('提出时间', { kind: 'select', options: [{ value: '', text: '请选择' }, { value: '1', text: '大会期间' }, { value: '2', text: '闭会期间' }] })), suggestion);
    expect(sel.steps.map((s) => [s.key, s.value])).toEqual([['suggestion.period', { type: 'option', value: '2', candidates: ['闭会期间', '闭会期间', '闭会期', '平时'] }]]);
  });

  it('skips with a clear reason when no held key fits the choices', () => {
    const p = planFill(ctx, scan(radios('提出时间', ['大会期间', '闭会期间'])), { 'suggestion.submitDate': '2024-08-20' });
    expect(p.steps).toEqual([]);
    expect(p.skipped[0]).toMatchObject({ reason: 'no-option', detail: '记录中的“提出日期”（2024-08-20）不是门户的选项（大会期间、闭会期间），记录中也没有与这些选项相符的项' });
    // a choice key whose value is not offered stays as it was: no other key is tried for it
    const enumKey = planFill(ctx, scan(radios('提出时间段', ['大会期间', '其他'])), suggestion);
    expect(enumKey.skipped[0]).toMatchObject({ reason: 'no-option', detail: '门户选项中没有“闭会期间”' });
  });
});
