/**
 * The meetings, inspections and appraisals packs and their example records: they validate, and
 * they hold what the offices rely on — one meeting form and one minutes template per meeting
 * type, the 筹备→签到→记录→纪要→签署→归档 workflow, vote and election results computed the way
 * the law counts them, attendance rates, rectification deadlines and appraisal scores.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, validateRecord, type FieldDefinition, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK_DIRS = ['meetings', 'inspections', 'appraisals'].map((p) => `forms/packs/${p}`);
const EXAMPLES = [
  'presidium-monthly', 'congress-session', 'party-committee-enlarged', 'suggestion-assignment', 'training-meeting',
  'training-attendance', 'inspection', 'food-safety-inspection', 'appraisal-survey', 'appraisal-survey.dissatisfied', 'appraisal-summary',
].map((n) => `forms/examples/${n}.json`);
const MINE = [...PACK_DIRS, ...EXAMPLES, 'forms/packs/common/dictionary/meeting.json', 'forms/packs/common/dictionary/inspection.json', 'forms/packs/common/dictionary/appraisal.json'];

/** Meeting type → the form that records it. */
const MEETING_TYPES: Record<string, string> = {
  'congress-session': 'congress-session',
  'presidium-monthly': 'presidium-monthly',
  'party-committee-enlarged': 'party-committee-enlarged',
  'suggestion-assignment': 'suggestion-assignment',
  training: 'training-meeting',
};
const MINUTES_ORDER = ['title', 'issueNumber', 'basics', 'attendance', 'agenda', 'discussion', 'decisions', 'votes', 'signatures', 'distribution', 'date'];

let packs: PackDefinition[] = [];
let issues: Awaited<ReturnType<typeof validateFiles>>['issues'] = [];

const example = (name: string): { values: Record<string, unknown>; workflow?: { state: string; history: { transition: string }[] } } & Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(ROOT, 'forms/examples', `${name}.json`), 'utf8'));
const pack = (id: string) => {
  const p = packs.find((x) => x.id === id);
  if (!p) throw new Error(`pack ${id} not loaded`);
  return p;
};
const form = (packId: string, formId: string): FormDefinition => {
  const f = pack(packId).forms?.find((x) => x.id === formId);
  if (!f) throw new Error(`form ${formId} missing`);
  return f;
};
const field = (f: FormDefinition, id: string): FieldDefinition => {
  const found = f.sections.flatMap((s) => s.fields).find((x) => x.id === id);
  if (!found) throw new Error(`field ${id} missing in ${f.id}`);
  return found;
};
const column = (f: FormDefinition, table: string, col: string) => {
  const t = field(f, table);
  if (t.type !== 'table') throw new Error(`${table} is not a table`);
  const c = t.columns.find((x) => x.id === col);
  if (!c) throw new Error(`column ${col} missing`);
  return c;
};
const exprOf = (f: FieldDefinition | ReturnType<typeof column>): unknown => {
  if (f.type !== 'computed') throw new Error(`${f.id} is not computed`);
  return f.expr;
};
const NOW = new Date('2024-12-01T02:00:00Z');

beforeAll(async () => {
  const result = await validateFiles(['forms/packs/common', ...PACK_DIRS, ...EXAMPLES], ROOT);
  packs = result.packs;
  issues = result.issues;
}, 60_000);

describe('validity', () => {
  it('the three packs, their dictionary files and the examples have no problems', () => {
    const ours = issues.filter((i) => MINE.some((m) => path.resolve(ROOT, i.source).startsWith(path.resolve(ROOT, m))));
    expect(ours.map((i) => `${i.source} ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(expect.arrayContaining(['lvzhi.common', 'lvzhi.meetings', 'lvzhi.inspections', 'lvzhi.appraisals']));
  });

  it('each family pack requires lvzhi.common ^1.0.0 and is version 1.0.0', () => {
    for (const id of ['lvzhi.meetings', 'lvzhi.inspections', 'lvzhi.appraisals']) {
      expect(pack(id).version).toBe('1.0.0');
      expect(pack(id).requires).toEqual({ 'lvzhi.common': '^1.0.0' });
    }
  });

  it('a record that breaks a rule is reported (the check can fail)', () => {
    const rec = example('presidium-monthly');
    const votes = rec.values.votes as Record<string, unknown>[];
    votes[0] = { ...votes[0], inFavour: 9, against: 1, abstain: 0 }; // 10 votes, 8 present
    const r = validateRecord(rec, packs, { now: NOW });
    expect(r.issues.some((i) => i.path[0] === 'values' && i.path[1] === 'votes')).toBe(true);
  });
});

describe('meetings', () => {
  it('each meeting type has its form with meetingType, a workflow and an event date', () => {
    const forms = pack('lvzhi.meetings').forms ?? [];
    for (const [type, formId] of Object.entries(MEETING_TYPES)) {
      const f = forms.find((x) => x.meetingType === type);
      expect(f?.id, type).toBe(formId);
      expect(f?.category).toBe('meeting');
      expect(f?.workflow).toBeTruthy();
      expect(f?.eventDateField).toBe('startTime');
    }
    for (const f of forms) expect(f.eventDateField, f.id).toBeTruthy();
  });

  it('each meeting type has a minutes template whose parts follow a real 纪要, and a sign-in sheet', () => {
    const templates = pack('lvzhi.meetings').templates ?? [];
    for (const formId of Object.values(MEETING_TYPES)) {
      const minutes = templates.filter((t) => t.kind === 'minutes' && t.form === formId);
      expect(minutes, formId).toHaveLength(1);
      const t = minutes[0]!;
      expect(t.docTitle).toMatch(/^青山镇|^中共青山镇/);
      expect(t.docTitle).toMatch(/纪要$/);
      expect(t.issuePrefix).toBeTruthy();
      const order = t.parts.map((p) => p.part).filter((p) => MINUTES_ORDER.includes(p));
      expect(order, formId).toEqual(MINUTES_ORDER);
      expect(templates.some((s) => s.kind === 'signin' && s.form === formId), formId).toBe(true);
    }
    expect(templates.find((t) => t.id === 'presidium-monthly-minutes')?.docTitle).toBe('青山镇人大主席团会议纪要');
  });

  it('attendance is three lists, and the chair and recorder sign as themselves', () => {
    for (const formId of Object.values(MEETING_TYPES)) {
      const f = form('lvzhi.meetings', formId);
      expect(field(f, 'present').type).toBe('people');
      const attending = field(f, 'attending');
      expect(attending.type === 'people' && attending.allowFreeText).toBe(true);
      expect(column(f, 'absent', 'reason').type).toBe('text');
      expect(column(f, 'absent', 'person').type).toBe('person');
      const recorder = field(f, 'recorder');
      expect(recorder.type === 'person' && recorder.allowFreeText).toBe(true);
      const chairSig = field(f, 'chairSignature');
      const recSig = field(f, 'recorderSignature');
      expect(chairSig.type === 'signature' && chairSig.signerField).toBe('chair');
      expect(recSig.type === 'signature' && recSig.signerField).toBe('recorder');
      expect(column(f, 'signin', 'signature').type).toBe('signature');
      expect(column(f, 'votes', 'result').type).toBe('computed');
    }
  });

  it('meeting workflows go 筹备→签到→记录→纪要→签署→归档, with send-back, and archiving needs both signatures', () => {
    const wfs = pack('lvzhi.meetings').workflows ?? [];
    expect(wfs.map((w) => w.id)).toContain('meeting');
    for (const formId of Object.values(MEETING_TYPES)) {
      const wf = wfs.find((w) => w.forms.includes(formId));
      expect(wf, formId).toBeDefined();
      expect(form('lvzhi.meetings', formId).workflow).toBe(wf!.id);
      expect(wf!.states.map((s) => s.id)).toEqual(['preparing', 'signin', 'recording', 'minutes', 'signing', 'archived']);
      expect(wf!.states.map((s) => s.label)).toEqual(['筹备', '签到', '记录', '纪要', '签署', '归档']);
      expect(wf!.states.filter((s) => s.final).map((s) => s.id)).toEqual(['archived']);
      const archive = wf!.transitions.find((t) => t.to === 'archived');
      expect(archive?.requires).toEqual(expect.arrayContaining(['chairSignature', 'recorderSignature']));
      expect(wf!.transitions.some((t) => t.kind === 'sendBack' && t.from.includes('signing'))).toBe(true);
    }
  });

  it('the presidium monthly example: 8 present, the township head and group leaders attending, one excused, 3 items, 3 decisions', () => {
    const v = example('presidium-monthly').values;
    expect(v.present).toHaveLength(8);
    const attending = (v.attending as { name: string }[]).map((p) => p.name);
    expect(attending).toContain('黄立新');
    expect(attending.length).toBeGreaterThanOrEqual(4);
    expect(v.absent).toEqual([{ person: { name: '郑国平' }, kind: '请假', reason: expect.stringMatching(/.+/) }]);
    expect(v.agenda).toHaveLength(3);
    expect(v.decisions).toHaveLength(3);
    expect(example('presidium-monthly').workflow?.state).toBe('archived');
  });

  it('a vote passes only with more than half of those present in favour', () => {
    const f = form('lvzhi.meetings', 'presidium-monthly');
    const expr = exprOf(column(f, 'votes', 'result'));
    const v = example('presidium-monthly').values;
    for (const row of v.votes as Record<string, unknown>[]) expect(evaluate(expr, { ...v, row }, { now: NOW })).toBe('通过');
    expect(evaluate(expr, { ...v, row: { inFavour: 4, against: 2, abstain: 2 } }, { now: NOW })).toBe('未通过');
    expect(evaluate(expr, { ...v, row: { inFavour: 5, against: 3, abstain: 0 } }, { now: NOW })).toBe('通过');
    expect(evaluate(exprOf(field(f, 'presentCount')), v, { now: NOW })).toBe(8);
  });

  it('congress elections: a majority of all deputies elects, every ballot for the candidate is 满票', () => {
    const f = form('lvzhi.meetings', 'congress-session');
    const v = example('congress-session').values;
    const expr = exprOf(column(f, 'elections', 'result'));
    const results = (v.elections as Record<string, unknown>[]).map((row) => evaluate(expr, { ...v, row }, { now: NOW }));
    expect(results).toEqual(['当选（满票）', '当选（满票）']);
    expect(evaluate(expr, { ...v, row: { ballotsCast: 58, inFavour: 31 } })).toBe('未当选'); // 31 of 62 deputies is not more than half
    expect(evaluate(expr, { ...v, row: { ballotsCast: 58, inFavour: 32 } })).toBe('当选');
    expect(evaluate(exprOf(field(f, 'quorum')), v)).toMatch(/符合法定人数/);
    expect(v.present).toHaveLength(58);
  });

  it('training attendance counts who came and the attendance rate', () => {
    const f = form('lvzhi.meetings', 'training-attendance');
    const v = example('training-attendance').values;
    expect(evaluate(exprOf(field(f, 'total')), v)).toBe(24);
    expect(evaluate(exprOf(field(f, 'attended')), v)).toBe(22);
    expect(evaluate(exprOf(field(f, 'attendanceRate')), v)).toBeCloseTo(22 / 24, 6);
    expect(evaluate(exprOf(field(f, 'attendanceRate')), { attendance: [] })).toBe(0);
    const training = form('lvzhi.meetings', 'training-meeting');
    expect(evaluate(exprOf(field(training, 'totalHours')), example('training-meeting').values)).toBe(3);
  });
});

describe('inspections', () => {
  it('the inspection workflow goes 计划→视察→意见交办→整改反馈→办结, with a due period and send-back', () => {
    for (const id of ['inspection', 'food-safety-inspection']) {
      const wf = pack('lvzhi.inspections').workflows?.find((w) => w.forms.includes(id));
      expect(wf?.states.map((s) => s.label)).toEqual(['计划', '视察', '意见交办', '整改反馈', '办结']);
      expect(wf?.states.find((s) => s.id === 'assigned')?.due?.days).toBe(30);
      expect(wf?.transitions.some((t) => t.kind === 'sendBack' && t.from.includes('feedback') && t.to === 'assigned')).toBe(true);
    }
  });

  it('guards: opinions cannot be assigned with a deadline before the visit, and a 不满意 case cannot be closed', () => {
    const wf = pack('lvzhi.inspections').workflows!.find((w) => w.id === 'inspection')!;
    const assign = wf.transitions.find((t) => t.id === 'assign')!;
    const close = wf.transitions.find((t) => t.id === 'close')!;
    const v = example('inspection').values;
    expect(evaluate(assign.guard, v)).toBe(true);
    expect(evaluate(assign.guard, { ...v, rectificationDeadline: '2024-04-01' })).toBe(false);
    expect(evaluate(close.guard, v)).toBe(true);
    expect(evaluate(close.guard, { ...v, satisfaction: '不满意' })).toBe(false);
  });

  it('inspection types are 视察 / 执法检查 / 专题调研, and the food-safety example counts unqualified food', () => {
    const types = pack('lvzhi.inspections').optionSets?.find((s) => s.id === 'inspection-type')?.options.map((o) => o.value);
    expect(types).toEqual(['视察', '执法检查', '专题调研']);
    const f = form('lvzhi.inspections', 'food-safety-inspection');
    const v = example('food-safety-inspection').values;
    expect(evaluate(exprOf(field(f, 'premisesCount')), v)).toBe(6);
    expect(evaluate(exprOf(field(f, 'nonCompliantCount')), v)).toBe(3);
    expect(evaluate(exprOf(field(f, 'removedBatches')), v)).toBe(5);
    const inspection = form('lvzhi.inspections', 'inspection');
    expect(evaluate(exprOf(field(inspection, 'openProblems')), example('inspection').values)).toBe(0);
  });
});

describe('appraisals', () => {
  it('the survey rates five criteria on 5 优秀 … 1 差 and computes total, average and a hundred-mark score', () => {
    const f = form('lvzhi.appraisals', 'appraisal-survey');
    const m = field(f, 'ratings');
    expect(m.type).toBe('ratingMatrix');
    if (m.type !== 'ratingMatrix') return;
    expect(m.criteria.map((c) => c.label)).toEqual(['依法行政', '服务态度', '办事效率', '廉洁自律', '整改落实']);
    expect(m.scale.map((s) => s.value)).toEqual([5, 4, 3, 2, 1]);
    const v = example('appraisal-survey').values;
    expect(evaluate(exprOf(field(f, 'total')), v)).toBe(22);
    expect(evaluate(exprOf(field(f, 'average')), v)).toBe(4.4);
    expect(evaluate(exprOf(field(f, 'percentScore')), v)).toBe(88);
    const overall = field(f, 'overall');
    expect(overall.type === 'radio' && overall.optionSet).toBe('satisfaction');
  });

  it('a 不满意 rating needs a reason', () => {
    const rec = example('appraisal-survey.dissatisfied');
    expect(validateRecord(rec, packs, { now: NOW }).issues).toEqual([]);
    delete rec.values.reason;
    const r = validateRecord(rec, packs, { now: NOW });
    expect(r.issues.some((i) => i.path.join('.') === 'values.reason')).toBe(true);
  });

  it('the appraisal workflow goes 组织→测评→汇总→通报 and the tally gives each unit its 满意率', () => {
    const wf = pack('lvzhi.appraisals').workflows?.find((w) => w.id === 'appraisal');
    expect(wf?.states.map((s) => s.label)).toEqual(['组织', '测评', '汇总', '通报']);
    expect(wf?.transitions.find((t) => t.id === 'tally')?.requiresForms).toEqual(['appraisal-survey']);
    const f = form('lvzhi.appraisals', 'appraisal-summary');
    const v = example('appraisal-summary').values;
    const expr = exprOf(column(f, 'results', 'satisfactionRate'));
    const first = (v.results as Record<string, unknown>[])[0]!;
    expect(evaluate(expr, { ...v, row: first })).toBeCloseTo(114 / 116, 6);
    expect(evaluate(expr, { ...v, row: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 } })).toBe(0);
    expect(v.satisfiedUnits).toHaveLength(2);
    expect(v.rectificationItems).toBe(15);
  });
});
