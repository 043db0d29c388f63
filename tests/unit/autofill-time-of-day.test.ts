/**
 * A date key with a declared time-of-day companion (`timeOfDay`: 视察日期 → 开始时间): a portal's
 * date-time box gets the date with the companion's time; a date-only box keeps the date; with no
 * time in the record the box is skipped with the reason, never given a made-up 00:00.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, dateWithTimeOfDay, planFill, validatePack, validatePackSet, type AutofillContext, type ScanResult, type ScannedControl } from '@lvzhi/shared';

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
const dateTimeBox = (label: string) => ctl(label, { kind: 'datetime', dateFormat: 'YYYY-MM-DD HH:mm' });

describe('a date and its time of day', () => {
  it('joins the inspection date with the start’s time into a date-time box, and places both keys', () => {
    const values = { 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-10T14:00', 'inspection.subject': '食品安全检查' };
    const p = planFill(ctx, scan(dateTimeBox('检查时间')), values);
    expect(p.steps.map((s) => [s.key, s.value])).toEqual([['inspection.date', { type: 'text', text: '2024-09-10 14:00' }]]);
    expect(p.steps[0]!.field?.label).toBe('视察日期');
    expect(p.unplaced).toEqual(['inspection.subject']);
    // a date-only box keeps the date alone
    const dateOnly = planFill(ctx, scan(ctl('检查时间', { kind: 'date', dateFormat: 'YYYY-MM-DD' })), values);
    expect(dateOnly.steps[0]!.value).toEqual({ type: 'text', text: '2024-09-10' });
  });

  it('never invents a time: no companion, a companion on another day, or one without a time', () => {
    const none = planFill(ctx, scan(dateTimeBox('检查时间')), { 'inspection.date': '2024-09-10' });
    expect(none.steps).toEqual([]);
    expect(none.skipped[0]).toMatchObject({ reason: 'missing-part', detail: '记录中没有“开始时间”' });
    const otherDay = planFill(ctx, scan(dateTimeBox('检查时间')), { 'inspection.date': '2024-09-10', 'inspection.startTime': '2024-09-11T08:00' });
    expect(otherDay.steps).toEqual([]);
    expect(otherDay.skipped[0]).toMatchObject({ reason: 'missing-part', detail: '“开始时间”与“视察日期”不是同一天' });
    const entry = ctx.entries.get('inspection.date')!;
    expect(dateWithTimeOfDay(ctx, entry, '2024-09-10', { 'inspection.startTime': '上午' })).toMatchObject({ ok: false });
    expect(dateWithTimeOfDay(ctx, entry, '2024-09-10', { 'inspection.startTime': '8:05' })).toEqual({ ok: true, value: '2024-09-10T08:05', type: 'datetime' });
    expect(dateWithTimeOfDay(ctx, entry, '2024-09-10', { 'inspection.startTime': '25:00' })).toMatchObject({ ok: false });
    // a key without a declared companion is left as it was
    expect(dateWithTimeOfDay(ctx, ctx.entries.get('appraisal.date'), '2024-09-10', {})).toBeUndefined();
  });

  it('gives a meeting’s date-time box the meeting’s date and start time', () => {
    const p = planFill(ctx, scan(dateTimeBox('会议日期')), { 'meeting.startTime': '2024-04-25T09:00', 'meeting.title': '主席团会议' });
    expect(p.steps.map((s) => [s.key, s.value])).toEqual([['meeting.date', { type: 'text', text: '2024-04-25 09:00' }]]);
  });

  it('is checked: a date key, and a companion that holds a time', () => {
    const base = { id: 'test.time', version: '1.0.0', title: '测试' };
    const stored = [{ key: 'a.start', type: 'datetime', label: '开始' }, { key: 'a.n', type: 'number', label: '数' }];
    const codes = (entry: object) => validatePack({ ...base, dictionary: [...stored, entry] }).issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(codes({ key: 'a.day', type: 'date', label: '日', timeOfDay: 'a.start' })).toEqual([]);
    expect(codes({ key: 'a.day', type: 'date', label: '日', timeOfDay: 'a.none' })).toEqual(['unknown-reference@dictionary.2.timeOfDay']);
    expect(codes({ key: 'a.day', type: 'date', label: '日', timeOfDay: 'a.n' })).toEqual(['derive-source@dictionary.2.timeOfDay']);
    expect(codes({ key: 'a.day', type: 'text', label: '日', timeOfDay: 'a.start' })).toEqual(['not-applicable@dictionary.2.timeOfDay']);
  });
});
