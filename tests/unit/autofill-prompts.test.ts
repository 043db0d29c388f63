/**
 * A date picker's default prompt (请选择日期, 选择时间) names no field. Before, its 日期 matched
 * any key with 日期 as a synonym: a meeting's 开始时间 picker was planned with the minutes'
 * 印发日期 (and would have received it, had the picker been date-only).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, matchLabels, planFill, validatePackSet, type AutofillContext, type ScannedControl, type ScannedLabel } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  ctx = buildAutofillContext(validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs);
});

const meeting = new Set(['meeting.title', 'meeting.startTime', 'meeting.documentDate']);
const labels = (...l: [ScannedLabel['source'], string][]): ScannedLabel[] => l.map(([source, text]) => ({ source, text }));

describe('autofill: a widget’s default prompt names no field', () => {
  it('does not take 请选择日期 / 选择时间 / Select date as the name of a record field', () => {
    for (const prompt of ['请选择日期', '选择日期', '请选择时间', '选择日期时间', '请选择', 'Select date', 'Select time']) {
      expect(matchLabels(ctx, labels(['placeholder', prompt]), meeting).kind, prompt).toBe('none');
    }
  });

  it('still matches a placeholder that names the field, and a label 日期 written by the page', () => {
    expect(matchLabels(ctx, labels(['placeholder', '请选择印发日期']), meeting)).toMatchObject({ kind: 'match', key: 'meeting.documentDate' });
    expect(matchLabels(ctx, labels(['form-item', '日期']), meeting)).toMatchObject({ kind: 'match', key: 'meeting.documentDate' });
  });

  it('leaves a date-time picker whose label names no held key unfilled instead of writing another date into it', () => {
    const c: ScannedControl = { id: 'c0', adapter: 'antd', kind: 'date', labels: labels(['form-item', '签发时间'], ['placeholder', '请选择日期']), frame: '', usable: true, dateFormat: 'YYYY-MM-DD' };
    const plan = planFill(ctx, { url: 'https://oa.example/hy', controls: [c], tables: [], refused: [] }, { 'meeting.documentDate': '2024-07-08', 'meeting.title': '例会' });
    expect(plan.steps).toEqual([]);
    expect(plan.skipped[0]?.reason).toBe('no-match');
  });
});

describe('autofill: a meeting’s start and end as registration pages pair them', () => {
  it('takes 开始时间 beside 结束时间 as the meeting’s start for a meeting record, and as the inspection’s for an inspection record', () => {
    const start = labels(['form-item', '开始时间']);
    const end = labels(['form-item', '结束时间']);
    const held = new Set(['meeting.startTime', 'meeting.endTime']);
    expect(matchLabels(ctx, start, held)).toMatchObject({ kind: 'match', key: 'meeting.startTime' });
    expect(matchLabels(ctx, end, held)).toMatchObject({ kind: 'match', key: 'meeting.endTime' });
    const inspection = new Set(['inspection.startTime', 'inspection.endTime']);
    expect(matchLabels(ctx, start, inspection)).toMatchObject({ kind: 'match', key: 'inspection.startTime' });
    expect(matchLabels(ctx, end, inspection)).toMatchObject({ kind: 'match', key: 'inspection.endTime' });
  });

  it('writes the meeting’s own time into a date-time picker and never makes one up for a date-only record value', () => {
    const picker: ScannedControl = { id: 'c0', adapter: 'antd', kind: 'datetime', labels: labels(['form-item', '开始时间'], ['placeholder', '请选择日期']), frame: '', usable: true, dateFormat: 'YYYY-MM-DD HH:mm' };
    const scan = { url: 'https://oa.example/hy', controls: [picker], tables: [], refused: [] };
    const plan = planFill(ctx, scan, { 'meeting.startTime': '2024-03-12T09:00', 'meeting.documentDate': '2024-03-14' });
    expect(plan.steps.map((s) => [s.key, s.display])).toEqual([['meeting.startTime', '2024-03-12 09:00']]);
    // a start stored without its time is not completed with 00:00
    const dateOnly = planFill(ctx, scan, { 'meeting.startTime': '2024-03-12' });
    expect(dateOnly.steps).toEqual([]);
    expect(dateOnly.skipped[0]?.reason).toBe('missing-part');
  });
});

describe('autofill: values the record’s form computes', () => {
  it('fills 会议类型 with what the presidium form computes (主席团月例会), never counted as a value left unplaced', async () => {
    const { validatePackSet: v } = await import('@lvzhi/shared');
    const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
    const form = v(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'presidium-monthly')!;
    const select: ScannedControl = { id: 'c0', adapter: 'antd', kind: 'select', labels: labels(['form-item', '会议类型']), frame: '', usable: true, options: ['镇人民代表大会', '主席团会议', '主席团月例会'].map((t) => ({ value: t, text: t })) };
    const scan = { url: 'https://oa.example/hy', controls: [select], tables: [], refused: [] };
    const plan = planFill(ctx, scan, { 'meeting.title': '例会' }, { form });
    expect(plan.steps.map((s) => [s.key, s.display])).toEqual([['meeting.type', '主席团月例会']]);
    expect(plan.unplaced).toEqual(['meeting.title']);
    // without the form nothing is computed: the record alone has no type
    expect(planFill(ctx, scan, { 'meeting.title': '例会' }).steps).toEqual([]);
  });
});
