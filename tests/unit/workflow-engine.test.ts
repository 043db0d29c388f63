/**
 * Every built-in workflow walked through its happy path, its send-back (回退) path and its
 * overdue path with the pure engine, and the illegal steps it must refuse with a reason:
 * wrong state, wrong role, a required field missing, a guard not met, a send-back without a
 * reason, a reassignment without an assignee, a step after the end, a stale version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  availableTransitions, dueInfo, isOverdue, startWorkflow, stepRecord, transition,
  type LvzhiRecord, type WorkflowActor, type WorkflowDefinition, type WorkflowEffect, type WorkflowInstance,
} from '@lvzhi/shared';
import { builtIn, cst, example, SIGNATURE, type BuiltIn } from '../fixtures/year/helpers.ts';

let B: BuiltIn;
beforeAll(async () => { B = await builtIn(); });

const actor = (name: string, ...roles: string[]): WorkflowActor => ({ name, roles });

interface Step {
  t: string;
  by: WorkflowActor;
  at: string;
  patch?: Record<string, unknown>;
  comment?: string;
  assignee?: string;
  linked?: { form: string; status: 'draft' | 'complete' }[];
  to: string;
}

/** A fresh record of `form` with the example's values minus `drop`, its workflow started at `start`. */
function fresh(formId: string, exampleName: string, start: string, drop: string[] = []): LvzhiRecord {
  const ex = example(exampleName);
  const values = { ...ex.values };
  for (const d of drop) delete values[d];
  const wf = B.workflow(B.form(formId).workflow!);
  const { instance } = startWorkflow(wf, actor('系统', 'staff'), cst(start));
  const { workflow: _w, ...rest } = ex;
  void _w;
  return { ...rest, id: `${ex.id}-t`, values, workflow: instance, createdAt: instance.enteredAt };
}

function walk(wf: WorkflowDefinition, record: LvzhiRecord, steps: Step[]): { record: LvzhiRecord; effects: WorkflowEffect[][] } {
  const effects: WorkflowEffect[][] = [];
  let r = record;
  for (const s of steps) {
    const res = stepRecord(wf, B.form(r.form), r, { transition: s.t, ...(s.patch ? { patch: s.patch } : {}), ...(s.comment ? { comment: s.comment } : {}), ...(s.assignee ? { assignee: s.assignee } : {}), ...(s.linked ? { linked: s.linked } : {}) }, s.by, cst(s.at));
    if (!res.ok) throw new Error(`${wf.id}: step ${s.t} refused: ${res.errors.map((e) => e.message).join('; ')}`);
    expect(res.record.workflow!.state, `${wf.id} after ${s.t}`).toBe(s.to);
    effects.push(res.effects);
    r = res.record;
  }
  expect(r.workflow!.history.slice(-steps.length).map((h) => h.transition)).toEqual(steps.map((s) => s.t));
  return { record: r, effects };
}

function refused(wf: WorkflowDefinition, record: LvzhiRecord, step: Omit<Step, 'to'>) {
  const res = stepRecord(wf, B.form(record.form), record, { transition: step.t, ...(step.patch ? { patch: step.patch } : {}), ...(step.comment ? { comment: step.comment } : {}), ...(step.assignee ? { assignee: step.assignee } : {}), ...(step.linked ? { linked: step.linked } : {}) }, step.by, cst(step.at));
  if (res.ok) throw new Error(`${wf.id}: ${step.t} should have been refused`);
  return res.errors;
}

const isFinal = (wf: WorkflowDefinition, state: string) => wf.states.find((s) => s.id === state)?.final === true;

// ------------------------------------------------------------------ suggestion
describe('suggestion workflow (提出→分类→交办→办理→答复→测评→办结)', () => {
  const staff = actor('张敏', 'staff');
  const director = actor('刘志强', 'director');
  const unit = actor('周海涛', 'handling-unit');
  const deputy = actor('李秀英', 'deputy');
  const LATER = ['handlingUnit', 'coHandlingUnits', 'assignDate', 'dueDate', 'handlerName', 'handlerPhone', 'replyDate', 'result', 'reply', 'replyAttachment', 'satisfaction', 'ratingDate', 'followUp', 'closeDate', 'number'];
  const ex = () => example('suggestion').values;
  const assignPatch = () => ({ number: ex().number, handlingUnit: ex().handlingUnit, assignDate: '2024-03-28' });
  const replyPatch = () => ({ reply: ex().reply, replyDate: '2024-05-20', result: ex().result, handlerName: ex().handlerName });

  it('happy path: every step, history, due dates and the closing effect', () => {
    const wf = B.workflow('suggestion');
    const r0 = fresh('suggestion', 'suggestion', '2024-03-12 15:40', LATER);
    const { record, effects } = walk(wf, r0, [
      { t: 'classify', by: staff, at: '2024-03-15 10:20', to: 'classified' },
      { t: 'assign', by: director, at: '2024-03-28 15:30', patch: assignPatch(), assignee: '青山镇村镇建设办公室', to: 'assigned' },
      { t: 'accept', by: unit, at: '2024-03-29 09:05', to: 'handling' },
      { t: 'reply', by: unit, at: '2024-05-20 16:45', patch: replyPatch(), to: 'replied' },
      { t: 'rate', by: deputy, at: '2024-05-27 11:00', patch: { satisfaction: '满意', ratingDate: '2024-05-27' }, to: 'rated' },
      { t: 'close', by: director, at: '2024-06-05 16:10', patch: { closeDate: '2024-06-05' }, to: 'closed' },
    ]);
    expect(isFinal(wf, record.workflow!.state)).toBe(true);
    expect(record.workflow!.assignee).toBe('青山镇村镇建设办公室');
    expect(record.workflow!.history[1]).toMatchObject({ from: 'classified', to: 'assigned', actor: '刘志强', at: '2024-03-28T15:30:00+08:00' });
    // handling: reply within three months of the assignment (2024-03-28 → 2024-06-28)
    expect(effects[2]).toContainEqual({ type: 'due', state: 'handling', dueDate: '2024-06-28' });
    expect(effects[1]).toContainEqual({ type: 'assign', assignee: '青山镇村镇建设办公室' });
    expect(effects[5]).toContainEqual({ type: 'enter', state: 'closed', label: '办结', final: true });
    expect(effects[5]!.find((e) => e.type === 'audit')).toMatchObject({ action: 'workflow.step', data: { transition: 'close', from: 'rated', to: 'closed' } });
    expect(availableTransitions(wf, record.workflow!)).toEqual([]);
    expect(dueInfo(wf, record.workflow!, cst('2030-01-01'))).toBeUndefined();
  });

  it('send-back paths: back to the deputy, declined by the unit, reassigned, reply redone, rated 不满意 and handled again', () => {
    const wf = B.workflow('suggestion');
    const r0 = fresh('suggestion', 'suggestion', '2024-03-12 15:40', LATER);
    const { record, effects } = walk(wf, r0, [
      { t: 'classify', by: staff, at: '2024-03-13 09:00', to: 'classified' },
      { t: 'return-to-deputy', by: staff, at: '2024-03-13 10:00', comment: '建议内容不具体，请补充路段位置', to: 'submitted' },
      { t: 'classify', by: staff, at: '2024-03-15 10:00', to: 'classified' },
      { t: 'assign', by: director, at: '2024-03-28 15:30', patch: { ...assignPatch(), handlingUnit: '青山镇财政所' }, assignee: '青山镇财政所', to: 'assigned' },
      { t: 'decline', by: unit, at: '2024-03-29 09:00', comment: '道路养护不属本单位职责', to: 'classified' },
      { t: 'assign', by: director, at: '2024-04-01 09:00', patch: { handlingUnit: '青山镇交通管理站', assignDate: '2024-04-01' }, assignee: '青山镇交通管理站', to: 'assigned' },
      { t: 'reassign', by: staff, at: '2024-04-02 09:00', patch: { handlingUnit: '青山镇村镇建设办公室', assignDate: '2024-04-02' }, assignee: '青山镇村镇建设办公室', to: 'assigned' },
      { t: 'accept', by: unit, at: '2024-04-03 09:00', to: 'handling' },
      { t: 'reply', by: unit, at: '2024-05-10 09:00', patch: replyPatch(), to: 'replied' },
      { t: 'redo-reply', by: director, at: '2024-05-11 09:00', comment: '答复未写明完工时间', to: 'handling' },
      { t: 'reply', by: unit, at: '2024-05-20 09:00', to: 'replied' },
      { t: 'rate', by: deputy, at: '2024-05-27 11:00', patch: { satisfaction: '不满意', ratingDate: '2024-05-27', dissatisfactionReason: '减速带尚未设置' }, to: 'rated' },
      { t: 'rehandle', by: staff, at: '2024-05-28 09:00', comment: '代表不满意，重新办理', to: 'handling' },
      { t: 'reply', by: unit, at: '2024-06-10 09:00', to: 'replied' },
      { t: 'rate', by: deputy, at: '2024-06-12 11:00', patch: { satisfaction: '基本满意', ratingDate: '2024-06-12' }, to: 'rated' },
      { t: 'close', by: director, at: '2024-06-15 16:10', patch: { closeDate: '2024-06-15' }, to: 'closed' },
    ]);
    expect(record.workflow!.assignee).toBe('青山镇村镇建设办公室');
    expect(effects[6]).toContainEqual({ type: 'assign', assignee: '青山镇村镇建设办公室', previous: '青山镇交通管理站' });
    expect(effects[1]).toContainEqual({ type: 'sent-back', from: 'classified', to: 'submitted', reason: '建议内容不具体，请补充路段位置' });
    expect(record.workflow!.history.filter((h) => h.comment).map((h) => h.transition)).toEqual(['return-to-deputy', 'decline', 'redo-reply', 'rehandle']);
  });

  it('overdue path: a reply due three months after assignment is overdue from the next day (China time)', () => {
    const wf = B.workflow('suggestion');
    const r0 = fresh('suggestion', 'suggestion', '2024-03-12 15:40', LATER);
    const { record } = walk(wf, r0, [
      { t: 'classify', by: staff, at: '2024-03-15 10:20', to: 'classified' },
      { t: 'assign', by: director, at: '2024-03-28 15:30', patch: assignPatch(), to: 'assigned' },
      { t: 'accept', by: unit, at: '2024-03-29 09:05', to: 'handling' },
    ]);
    const inst = record.workflow!;
    expect(dueInfo(wf, inst, cst('2024-06-28 23:59'))).toMatchObject({ state: 'handling', from: 'assigned', dueDate: '2024-06-28', overdue: false, daysOverdue: 0 });
    // 2024-06-28T16:30Z is already 06-29 00:30 in Beijing
    expect(isOverdue(wf, inst, new Date('2024-06-28T16:30:00Z'))).toBe(true);
    expect(dueInfo(wf, inst, cst('2024-07-08'))).toMatchObject({ overdue: true, daysOverdue: 10 });
    // submitted: 10 working days from Tuesday 2024-03-12 → 2024-03-26
    expect(dueInfo(wf, r0.workflow!, cst('2024-03-26'), { startedAt: r0.createdAt })).toMatchObject({ dueDate: '2024-03-26', overdue: false });
    expect(isOverdue(wf, r0.workflow!, cst('2024-03-27'))).toBe(true);
  });

  it('refuses illegal steps with a located reason', () => {
    const wf = B.workflow('suggestion');
    const r0 = fresh('suggestion', 'suggestion', '2024-03-12 15:40', LATER);
    let e = refused(wf, r0, { t: 'close', by: director, at: '2024-03-13' });
    expect(e[0]).toMatchObject({ code: 'wrong-state', path: ['transitions', wf.transitions.findIndex((t) => t.id === 'close'), 'from'] });
    expect(e[0]!.message).toBe('当前状态为“提出”，不能“办结”（只能从“满意度测评”进行）');
    e = refused(wf, r0, { t: 'classify', by: deputy, at: '2024-03-13' });
    expect(e[0]).toMatchObject({ code: 'role', message: '“梳理分类”只能由工作人员办理，李秀英无此权限' });
    e = refused(wf, { ...r0, values: { ...r0.values, content: '' } }, { t: 'classify', by: staff, at: '2024-03-13' });
    expect(e).toEqual([expect.objectContaining({ code: 'required-field', field: 'content', path: ['values', 'content'], message: '“梳理分类”前须填写“建议内容”' })]);
    e = refused(wf, r0, { t: 'no-such-step', by: staff, at: '2024-03-13' });
    expect(e[0]!.code).toBe('unknown-transition');

    const { record: classified } = walk(wf, r0, [{ t: 'classify', by: staff, at: '2024-03-15', to: 'classified' }]);
    e = refused(wf, classified, { t: 'assign', by: director, at: '2024-03-28', patch: { ...assignPatch(), assignDate: '2024-03-01' } });
    expect(e).toEqual([expect.objectContaining({ code: 'guard', message: '须确定主办单位，且交办日期不早于提出日期' })]);
    e = refused(wf, classified, { t: 'return-to-deputy', by: staff, at: '2024-03-16' });
    expect(e).toEqual([expect.objectContaining({ code: 'comment-required', path: ['comment'] })]);

    const { record: handling } = walk(wf, classified, [
      { t: 'assign', by: director, at: '2024-03-28', patch: assignPatch(), to: 'assigned' },
      { t: 'accept', by: unit, at: '2024-03-29', to: 'handling' },
    ]);
    e = refused(wf, handling, { t: 'reassign', by: staff, at: '2024-04-01' });
    expect(e.map((x) => x.code)).toEqual(['assignee-required']);
    const { record: replied } = walk(wf, handling, [{ t: 'reply', by: unit, at: '2024-05-20', patch: replyPatch(), to: 'replied' }]);
    e = refused(wf, replied, { t: 'rate', by: deputy, at: '2024-05-27', patch: { satisfaction: '不满意', ratingDate: '2024-05-27' } });
    expect(e[0]).toMatchObject({ code: 'guard', message: '测评为“不满意”的，须填写不满意理由' });
    const { record: rated } = walk(wf, replied, [{ t: 'rate', by: deputy, at: '2024-05-27', patch: { satisfaction: '满意', ratingDate: '2024-05-27' }, to: 'rated' }]);
    e = refused(wf, rated, { t: 'rehandle', by: staff, at: '2024-05-28', comment: '再办一次' });
    expect(e[0]).toMatchObject({ code: 'guard', message: '只有测评为“不满意”的建议需要重新办理' });
    const { record: closed } = walk(wf, rated, [{ t: 'close', by: director, at: '2024-06-05', patch: { closeDate: '2024-06-05' }, to: 'closed' }]);
    e = refused(wf, closed, { t: 'reply', by: unit, at: '2024-06-06' });
    expect(e[0]).toMatchObject({ code: 'final-state', message: '已“办结”，不能再“答复代表”' });
    // several reasons at once
    e = refused(wf, { ...classified, values: { ...classified.values, handlingUnit: '' } }, { t: 'assign', by: deputy, at: '2024-03-28' });
    expect(e.map((x) => x.code)).toEqual(['role', 'required-field', 'required-field', 'required-field']);
  });

  it('refuses an instance of another version until it is migrated', () => {
    const wf = B.workflow('suggestion');
    const inst: WorkflowInstance = { ...startWorkflow(wf, staff, cst('2024-03-12')).instance, version: wf.version + 1 };
    const res = transition(wf, inst, { transition: 'classify', values: example('suggestion').values }, staff, cst('2024-03-13'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatchObject({ code: 'version', path: ['workflow', 'version'] });
  });
});

// ------------------------------------------------------------------ meetings
describe('meeting workflow (筹备→签到→记录→纪要→签署→归档) for each of its five forms', () => {
  const clerk = actor('徐静', 'clerk');
  const chair = actor('王建国', 'chair');
  const LATER = ['present', 'recorder', 'discussion', 'decisions', 'documentDate', 'chairSignature', 'recorderSignature'];
  const FORMS = ['presidium-monthly', 'congress-session', 'party-committee-enlarged', 'suggestion-assignment', 'training-meeting'];

  it('covers every form the workflow names', () => {
    expect(B.workflow('meeting').forms.slice().sort()).toEqual(FORMS.slice().sort());
  });

  for (const formId of FORMS) {
    describe(formId, () => {
      const later = () => {
        const v = example(formId).values;
        return {
          signin: { present: v.present, recorder: v.recorder },
          record: { discussion: v.discussion },
          minutes: { decisions: v.decisions ?? [{ content: '同意。' }], documentDate: v.documentDate },
          sign: { chairSignature: v.chairSignature ?? SIGNATURE, recorderSignature: v.recorderSignature ?? SIGNATURE },
        };
      };
      it('happy path, send-backs and the minutes deadline', () => {
        const wf = B.workflow('meeting');
        const L = later();
        const r0 = fresh(formId, formId, '2024-03-20 09:00', LATER);
        const { record, effects } = walk(wf, r0, [
          { t: 'open-signin', by: clerk, at: '2024-03-28 08:30', to: 'signin' },
          { t: 'start-recording', by: clerk, at: '2024-03-28 09:00', patch: L.signin, to: 'recording' },
          { t: 'draft-minutes', by: clerk, at: '2024-03-28 11:30', patch: L.record, to: 'minutes' },
          { t: 'back-to-recording', by: chair, at: '2024-03-28 14:00', comment: '补充第二项议题的讨论情况', to: 'recording' },
          { t: 'draft-minutes', by: clerk, at: '2024-03-29 10:00', to: 'minutes' },
          { t: 'submit-for-signing', by: clerk, at: '2024-03-29 15:00', patch: L.minutes, to: 'signing' },
          { t: 'send-back', by: chair, at: '2024-03-29 16:00', comment: '决定事项第二条表述不准确', to: 'minutes' },
          { t: 'submit-for-signing', by: clerk, at: '2024-04-01 09:00', to: 'signing' },
          { t: 'archive', by: chair, at: '2024-04-01 10:00', patch: L.sign, to: 'archived' },
        ]);
        expect(isFinal(wf, record.workflow!.state)).toBe(true);
        // minutes: 3 working days from the latest start of recording (Friday 2024-03-29 after the send-back? no: recording re-entered Thursday 03-28) → Tuesday 04-02
        expect(effects[4]).toContainEqual({ type: 'due', state: 'minutes', dueDate: '2024-04-02' });
        // overdue: stuck in minutes
        const { record: stuck } = walk(wf, r0, [
          { t: 'open-signin', by: clerk, at: '2024-03-28 08:30', to: 'signin' },
          { t: 'start-recording', by: clerk, at: '2024-03-28 09:00', patch: L.signin, to: 'recording' },
          { t: 'draft-minutes', by: clerk, at: '2024-03-28 11:30', patch: L.record, to: 'minutes' },
        ]);
        expect(isOverdue(wf, stuck.workflow!, cst('2024-04-02 18:00'))).toBe(false);
        expect(dueInfo(wf, stuck.workflow!, cst('2024-04-03'))).toMatchObject({ dueDate: '2024-04-02', overdue: true, daysOverdue: 1 });
      });

      it('refuses illegal steps', () => {
        const wf = B.workflow('meeting');
        const r0 = fresh(formId, formId, '2024-03-20 09:00', LATER);
        const { record: signin } = walk(wf, r0, [{ t: 'open-signin', by: clerk, at: '2024-03-28 08:30', to: 'signin' }]);
        const e = refused(wf, signin, { t: 'start-recording', by: clerk, at: '2024-03-28 09:00', patch: { present: [] } });
        expect(e.map((x) => x.field)).toEqual(['present', 'recorder']);
        expect(refused(wf, signin, { t: 'archive', by: chair, at: '2024-03-28 09:00' })[0]!.code).toBe('wrong-state');
        const { record: signing } = walk(wf, signin, [
          { t: 'start-recording', by: clerk, at: '2024-03-28 09:00', patch: later().signin, to: 'recording' },
          { t: 'draft-minutes', by: clerk, at: '2024-03-28 11:30', patch: later().record, to: 'minutes' },
          { t: 'submit-for-signing', by: clerk, at: '2024-03-29 15:00', patch: later().minutes, to: 'signing' },
        ]);
        expect(refused(wf, signing, { t: 'send-back', by: clerk, at: '2024-03-29', comment: '改' })[0]).toMatchObject({ code: 'role', message: '“退回修改”只能由主持人办理，徐静无此权限' });
        expect(refused(wf, signing, { t: 'archive', by: chair, at: '2024-03-29' }).map((x) => x.field)).toEqual(['chairSignature', 'recorderSignature']);
      });
    });
  }
});

// ------------------------------------------------------------------ inspections
describe('inspection workflow (计划→视察→意见交办→整改反馈→办结) for both forms', () => {
  const clerk = actor('徐静', 'clerk');
  const presidium = actor('刘志强', 'presidium');
  const unit = actor('谢伟东', 'unit');
  const LATER = ['findings', 'opinions', 'rectificationDeadline', 'assignedTo', 'rectificationResult', 'satisfaction', 'followUp'];
  for (const formId of ['inspection', 'food-safety-inspection']) {
    it(`${formId}: happy path, send-backs, the 30-day deadline and refused steps`, () => {
      const wf = B.workflow('inspection');
      const v = example(formId).values;
      const date = String(v.date);
      const r0 = fresh(formId, formId, `${date} 08:00`, LATER);
      const assignPatch = { findings: v.findings, opinions: v.opinions, rectificationDeadline: v.rectificationDeadline ?? date, assignedTo: v.assignedTo ?? '青山镇市场监督管理所' };
      const later = { rectificationResult: v.rectificationResult ?? '已整改到位。', satisfaction: '满意', followUp: v.followUp ?? [{ date, by: { name: '李秀英' }, content: '复查合格' }] };
      const { record, effects } = walk(wf, r0, [
        { t: 'start', by: clerk, at: `${date} 08:30`, to: 'inspecting' },
        { t: 'back-to-plan', by: presidium, at: `${date} 09:00`, comment: '被视察单位名单需调整', to: 'planned' },
        { t: 'start', by: clerk, at: `${date} 09:30`, to: 'inspecting' },
        { t: 'assign', by: presidium, at: `${date} 17:00`, patch: assignPatch, to: 'assigned' },
        { t: 'report-rectification', by: unit, at: '2024-12-01 09:00', patch: { rectificationResult: '部分整改。' }, to: 'feedback' },
        { t: 'send-back', by: presidium, at: '2024-12-02 09:00', comment: '整改不到位', to: 'assigned' },
        { t: 'report-rectification', by: unit, at: '2024-12-10 09:00', patch: { rectificationResult: later.rectificationResult }, to: 'feedback' },
        { t: 'close', by: presidium, at: '2024-12-12 09:00', patch: { satisfaction: later.satisfaction, followUp: later.followUp }, to: 'closed' },
      ]);
      expect(isFinal(wf, record.workflow!.state)).toBe(true);
      expect(effects[3]).toContainEqual({ type: 'due', state: 'assigned', dueDate: new Date(Date.parse(`${date}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10) });
      const { record: assigned } = walk(wf, r0, [
        { t: 'start', by: clerk, at: `${date} 08:30`, to: 'inspecting' },
        { t: 'assign', by: presidium, at: `${date} 17:00`, patch: assignPatch, to: 'assigned' },
      ]);
      expect(isOverdue(wf, assigned.workflow!, cst('2024-12-31'))).toBe(true);
      expect(isOverdue(wf, assigned.workflow!, cst(`${date} 20:00`))).toBe(false);
      // refused: deadline before the inspection, closing with 不满意, a unit assigning
      expect(refused(wf, { ...assigned, workflow: { ...assigned.workflow!, state: 'inspecting' } }, { t: 'assign', by: presidium, at: date, patch: { ...assignPatch, rectificationDeadline: '2000-01-01' } })[0])
        .toMatchObject({ code: 'guard', message: '整改期限不能早于视察日期' });
      expect(refused(wf, { ...assigned, workflow: { ...assigned.workflow!, state: 'inspecting' } }, { t: 'assign', by: unit, at: date, patch: assignPatch })[0]!.code).toBe('role');
      const feedback = { ...assigned, values: { ...assigned.values, ...later }, workflow: { ...assigned.workflow!, state: 'feedback' } };
      expect(refused(wf, feedback, { t: 'close', by: presidium, at: '2024-12-12', patch: { satisfaction: '不满意' } })[0])
        .toMatchObject({ code: 'guard', message: '代表不满意的，应退回承办单位重新整改，不能办结' });
    });
  }
});

// ------------------------------------------------------------------ appraisal
describe('appraisal workflow (组织→测评→汇总→通报)', () => {
  const clerk = actor('徐静', 'clerk');
  const presidium = actor('刘志强', 'presidium');
  const LATER = ['sheetsIssued', 'sheetsReturned', 'results', 'notice', 'noticeDate'];
  const survey = [{ form: 'appraisal-survey', status: 'complete' as const }];
  it('happy path, send-back for more ratings, the 15-day rating deadline and refused steps', () => {
    const wf = B.workflow('appraisal');
    const v = example('appraisal-summary').values;
    const r0 = fresh('appraisal-summary', 'appraisal-summary', '2024-11-01 09:00', LATER);
    const { record } = walk(wf, r0, [
      { t: 'start-rating', by: clerk, at: '2024-11-05 09:00', to: 'rating' },
      { t: 'tally', by: clerk, at: '2024-11-15 09:00', patch: { sheetsIssued: 120, sheetsReturned: 80 }, linked: survey, to: 'tallying' },
      { t: 'send-back', by: presidium, at: '2024-11-16 09:00', comment: '回收率不足七成，补充测评', to: 'rating' },
      { t: 'tally', by: clerk, at: '2024-11-20 09:00', patch: { sheetsReturned: 116 }, linked: survey, to: 'tallying' },
      { t: 'publish', by: presidium, at: '2024-11-28 16:00', patch: { results: v.results, notice: v.notice, noticeDate: v.noticeDate }, to: 'published' },
    ]);
    expect(isFinal(wf, record.workflow!.state)).toBe(true);
    const { record: rating } = walk(wf, r0, [{ t: 'start-rating', by: clerk, at: '2024-11-05 09:00', to: 'rating' }]);
    expect(dueInfo(wf, rating.workflow!, cst('2024-11-21'))).toMatchObject({ dueDate: '2024-11-20', overdue: true, daysOverdue: 1 });
    const e = refused(wf, rating, { t: 'tally', by: clerk, at: '2024-11-15', patch: { sheetsIssued: 120, sheetsReturned: 0 } });
    expect(e.map((x) => x.code)).toEqual(['required-form']);
    expect(refused(wf, rating, { t: 'tally', by: clerk, at: '2024-11-15', patch: { sheetsIssued: 120, sheetsReturned: 0 }, linked: survey })[0]).toMatchObject({ code: 'guard', message: '尚未收回测评表' });
    expect(refused(wf, rating, { t: 'tally', by: clerk, at: '2024-11-15', patch: { sheetsIssued: 120, sheetsReturned: 5 }, linked: [{ form: 'appraisal-survey', status: 'draft' }] })[0]!.code).toBe('required-form');
    expect(refused(wf, rating, { t: 'publish', by: presidium, at: '2024-11-15' })[0]!.code).toBe('wrong-state');
  });
});

// ------------------------------------------------------------------ letters and visits
for (const [wfId, formId, dateField] of [['letters', 'letter', 'receivedDate'], ['visits', 'visit', 'visitDate']] as const) {
  describe(`${wfId} workflow (登记→转办→反馈→办结)`, () => {
    const staff = actor('张敏', 'staff');
    const dept = actor('农业农村服务中心', 'department');
    const director = actor('刘志强', 'director');
    const LATER = ['forwardedTo', 'forwardDate', 'dueDate', 'feedback', 'feedbackDate', 'feedbackMethod', 'satisfaction', 'closeDate', 'remarks'];
    const fb = { feedback: '已协调解决。', feedbackDate: '2024-08-20', feedbackMethod: '电话' };
    it('happy path, answering directly, returned and redirected, reopened, the 60-day deadline', () => {
      const wf = B.workflow(wfId);
      const date = String(example(formId).values[dateField]);
      const r0 = fresh(formId, formId, `${date} 09:40`, LATER);
      const { record } = walk(wf, r0, [
        { t: 'forward', by: staff, at: `${date} 11:00`, patch: { forwardedTo: '青山镇派出所', forwardDate: date }, assignee: '青山镇派出所', to: 'forwarded' },
        { t: 'return', by: dept, at: `${date} 15:00`, comment: '不属本单位职责', to: 'registered' },
        { t: 'forward', by: staff, at: `${date} 16:00`, patch: { forwardedTo: '青山镇司法所', forwardDate: date }, assignee: '青山镇司法所', to: 'forwarded' },
        { t: 'redirect', by: director, at: `${date} 17:00`, patch: { forwardedTo: '青山镇农业农村服务中心' }, assignee: '青山镇农业农村服务中心', to: 'forwarded' },
        { t: 'feed-back', by: dept, at: '2024-08-20 10:00', patch: fb, to: 'fed-back' },
        { t: 'reopen', by: director, at: '2024-08-21 10:00', comment: '信访人反映问题未解决', to: 'forwarded' },
        { t: 'feed-back', by: dept, at: '2024-08-28 10:00', to: 'fed-back' },
        { t: 'close', by: staff, at: '2024-08-30 10:00', patch: { satisfaction: '满意', closeDate: '2024-08-30' }, to: 'closed' },
      ]);
      expect(isFinal(wf, record.workflow!.state)).toBe(true);
      expect(record.workflow!.assignee).toBe('青山镇农业农村服务中心');
      walk(wf, r0, [
        { t: 'answer-directly', by: staff, at: `${date} 11:00`, patch: fb, to: 'fed-back' },
        { t: 'close', by: staff, at: '2024-08-30 10:00', patch: { closeDate: '2024-08-30' }, to: 'closed' },
      ]);
      const { record: fwd } = walk(wf, r0, [{ t: 'forward', by: staff, at: `${date} 11:00`, patch: { forwardedTo: '青山镇司法所', forwardDate: date }, to: 'forwarded' }]);
      const info = dueInfo(wf, fwd.workflow!, cst('2024-12-31'), { startedAt: r0.createdAt });
      expect(info).toMatchObject({ from: 'registered', overdue: true });
      expect(info!.dueDate).toBe(new Date(Date.parse(`${date}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10));
      expect(isOverdue(wf, fwd.workflow!, cst(info!.dueDate), { startedAt: r0.createdAt })).toBe(false);
    });
    it('refuses illegal steps', () => {
      const wf = B.workflow(wfId);
      const date = String(example(formId).values[dateField]);
      const r0 = fresh(formId, formId, `${date} 09:40`, LATER);
      expect(refused(wf, r0, { t: 'forward', by: staff, at: date }).map((x) => x.field)).toEqual(['forwardedTo', 'forwardDate']);
      expect(refused(wf, r0, { t: 'forward', by: dept, at: date, patch: { forwardedTo: 'x', forwardDate: date } })[0]!.code).toBe('role');
      expect(refused(wf, r0, { t: 'close', by: staff, at: date })[0]!.code).toBe('wrong-state');
      const { record: fed } = walk(wf, r0, [{ t: 'answer-directly', by: staff, at: `${date} 11:00`, patch: fb, to: 'fed-back' }]);
      expect(refused(wf, fed, { t: 'close', by: staff, at: date, patch: { satisfaction: '不满意', closeDate: date } })[0])
        .toMatchObject({ code: 'guard', message: '信访人不满意的，须在备注中说明情况后办结' });
      walk(wf, fed, [{ t: 'close', by: staff, at: `${date} 12:00`, patch: { satisfaction: '不满意', closeDate: date, remarks: '诉求超出政策范围，已解释。' }, to: 'closed' }]);
      expect(refused(wf, { ...fed, workflow: { ...fed.workflow!, state: 'forwarded' } }, { t: 'redirect', by: staff, at: date, patch: { forwardedTo: 'x', forwardDate: date } })[0]!.code).toBe('assignee-required');
    });
  });
}
