/**
 * The workflow engine: a pure function from (definition, instance, event, actor, time) to the
 * next instance plus the effects the caller performs (audit entry, due date, notification of
 * the new assignee), or to located errors saying why the step is refused. No I/O, no clock of
 * its own: the caller passes the time, so tests and replays give the same answers.
 *
 * Rules beyond the definition itself:
 * - a send-back (回退) must say why (`comment`), so the history explains the way back;
 * - a reassignment (改交) names the new assignee (`event.assignee`);
 * - an instance made under another version of the workflow is refused until
 *   `migrateInstance` moves it (the definition's `migrations` say how states map); it never
 *   silently lands in a state that no longer exists.
 */
import { evaluate, isEmptyValue, isTruthy } from '../expression.ts';
import { isoInChina } from '../dates.ts';
import type { PathSegment } from '../issues.ts';
import type { WorkflowDefinition, WorkflowTransition } from '../pack-schema.ts';
import type { HistoryEntry, WorkflowInstance } from '../record-schema.ts';
import { dueDateFrom } from './due.ts';

export interface WorkflowActor {
  id?: string;
  /** Written into the history (a name, never an ID number). */
  name: string;
  /** Role ids of the workflow this person may act in (clerk, presidium, handling-unit…). */
  roles: readonly string[];
}

export interface WorkflowEvent {
  transition: string;
  /** The record's values at this step: guards and `requires` read them. */
  values?: Record<string, unknown>;
  comment?: string;
  /** New assignee (handling unit, department) for a reassignment; optional on other steps. */
  assignee?: string;
  /** Records linked to this one, for `requiresForms`. */
  linked?: readonly { form: string; status: 'draft' | 'complete' }[];
}

export type WorkflowErrorCode =
  | 'unknown-transition' | 'wrong-state' | 'final-state' | 'role' | 'required-field' | 'required-form'
  | 'guard' | 'comment-required' | 'assignee-required' | 'version' | 'unknown-state' | 'guard-error';

export interface WorkflowError {
  code: WorkflowErrorCode;
  message: string;
  messageEn: string;
  /** Where: in the definition (`['transitions', 3, 'guard']`) or in the record (`['values', 'replyDate']`). */
  path: PathSegment[];
  field?: string;
}

export type WorkflowEffect =
  | { type: 'history'; entry: HistoryEntry }
  | { type: 'enter'; state: string; label: string; final: boolean }
  | { type: 'due'; state: string; dueDate: string }
  | { type: 'assign'; assignee: string; previous?: string }
  | { type: 'sent-back'; from: string; to: string; reason: string }
  | { type: 'audit'; action: 'workflow.start' | 'workflow.step' | 'workflow.migrate'; data: Record<string, unknown> };

export type TransitionResult =
  | { ok: true; instance: WorkflowInstance; effects: WorkflowEffect[] }
  | { ok: false; errors: WorkflowError[] };

const err = (code: WorkflowErrorCode, message: string, messageEn: string, path: PathSegment[], field?: string): WorkflowError =>
  field === undefined ? { code, message, messageEn, path } : { code, message, messageEn, path, field };

function stateLabel(def: WorkflowDefinition, id: string): string {
  return def.states.find((s) => s.id === id)?.label ?? id;
}

/** A new instance in the initial state. */
export function startWorkflow(definition: WorkflowDefinition, actor: WorkflowActor, at: Date, options: { assignee?: string } = {}): { instance: WorkflowInstance; effects: WorkflowEffect[] } {
  const when = isoInChina(at);
  const instance: WorkflowInstance = { workflow: definition.id, version: definition.version, state: definition.initial, enteredAt: when, history: [] };
  if (options.assignee) instance.assignee = options.assignee;
  const initial = definition.states.find((s) => s.id === definition.initial);
  const effects: WorkflowEffect[] = [{ type: 'enter', state: definition.initial, label: initial?.label ?? definition.initial, final: initial?.final ?? false }];
  if (initial?.due) effects.push({ type: 'due', state: initial.id, dueDate: dueDateFrom(when, initial.due) });
  effects.push({ type: 'audit', action: 'workflow.start', data: { workflow: definition.id, version: definition.version, state: definition.initial, actor: actor.name } });
  return { instance, effects };
}

/** The checks of one step, without performing it: every reason it is refused. */
export function checkTransition(definition: WorkflowDefinition, instance: WorkflowInstance, event: WorkflowEvent, actor: WorkflowActor, at: Date, options: { fieldLabels?: Record<string, string> } = {}): { transition?: WorkflowTransition; index: number; errors: WorkflowError[] } {
  const errors: WorkflowError[] = [];
  if (instance.workflow !== definition.id) {
    return { index: -1, errors: [err('version', `记录的流程是“${instance.workflow}”，不是“${definition.title}”`, `the record follows workflow "${instance.workflow}", not "${definition.id}"`, ['workflow', 'workflow'])] };
  }
  if (instance.version !== definition.version) {
    return { index: -1, errors: [err('version', `记录按流程第${instance.version}版办理，当前为第${definition.version}版：请先迁移`, `the instance is at workflow version ${instance.version}, the definition is version ${definition.version}: migrate it first`, ['workflow', 'version'])] };
  }
  const current = definition.states.find((s) => s.id === instance.state);
  if (!current) {
    return { index: -1, errors: [err('unknown-state', `流程“${definition.title}”没有状态“${instance.state}”`, `workflow "${definition.id}" has no state "${instance.state}"`, ['workflow', 'state'])] };
  }
  const index = definition.transitions.findIndex((t) => t.id === event.transition);
  const t = definition.transitions[index];
  if (!t) {
    return { index, errors: [err('unknown-transition', `流程“${definition.title}”没有“${event.transition}”这一步`, `workflow "${definition.id}" has no transition "${event.transition}"`, ['transitions'])] };
  }
  const tp: PathSegment[] = ['transitions', index];
  if (!t.from.includes(instance.state)) {
    if (current.final) errors.push(err('final-state', `已“${current.label}”，不能再“${t.label}”`, `the record is ${current.labelEn ?? current.id} (final); "${t.labelEn ?? t.id}" is not possible`, [...tp, 'from']));
    else errors.push(err('wrong-state', `当前状态为“${current.label}”，不能“${t.label}”（只能从${t.from.map((f) => `“${stateLabel(definition, f)}”`).join('、')}进行）`, `"${t.labelEn ?? t.id}" is not possible in state "${current.labelEn ?? current.id}" (only from ${t.from.join(', ')})`, [...tp, 'from']));
    return { transition: t, index, errors };
  }
  if (t.roles && t.roles.length > 0 && !t.roles.some((r) => actor.roles.includes(r))) {
    const names = t.roles.map((r) => definition.roles?.find((x) => x.id === r)?.label ?? r);
    errors.push(err('role', `“${t.label}”只能由${names.join('或')}办理，${actor.name}无此权限`, `"${t.labelEn ?? t.id}" needs the role ${t.roles.join(' or ')}; ${actor.name} has ${actor.roles.join(', ') || 'none'}`, [...tp, 'roles']));
  }
  const values = event.values ?? {};
  t.requires?.forEach((f) => {
    if (isEmptyValue(values[f])) {
      const label = options.fieldLabels?.[f] ?? f;
      errors.push(err('required-field', `“${t.label}”前须填写“${label}”`, `"${t.labelEn ?? t.id}" needs the field "${f}"`, ['values', f], f));
    }
  });
  t.requiresForms?.forEach((form, fi) => {
    if (!event.linked?.some((l) => l.form === form && l.status === 'complete')) {
      errors.push(err('required-form', `“${t.label}”前须关联一份已完成的“${form}”记录`, `"${t.labelEn ?? t.id}" needs a complete linked "${form}" record`, [...tp, 'requiresForms', fi]));
    }
  });
  if (t.guard !== undefined && errors.length === 0) {
    let ok = false;
    try {
      ok = isTruthy(evaluate(t.guard, values, { now: at }));
    } catch (e) {
      errors.push(err('guard-error', `条件无法计算：${(e as Error).message}`, `the guard cannot be evaluated: ${(e as Error).message}`, [...tp, 'guard']));
      ok = true;
    }
    if (!ok) errors.push(err('guard', t.guardMessage ?? `不满足“${t.label}”的条件`, `the condition of "${t.labelEn ?? t.id}" is not met${t.guardMessage ? `: ${t.guardMessage}` : ''}`, [...tp, 'guard']));
  }
  if (t.kind === 'sendBack' && isEmptyValue(event.comment)) {
    errors.push(err('comment-required', `“${t.label}”须说明退回理由`, `a send-back ("${t.labelEn ?? t.id}") needs a reason in the comment`, ['comment']));
  }
  if (t.kind === 'reassign' && isEmptyValue(event.assignee)) {
    errors.push(err('assignee-required', `“${t.label}”须指定新的承办人或单位`, `a reassignment ("${t.labelEn ?? t.id}") needs the new assignee`, ['assignee']));
  }
  return { transition: t, index, errors };
}

/** One step: the new instance and its effects, or why not. */
export function transition(definition: WorkflowDefinition, instance: WorkflowInstance, event: WorkflowEvent, actor: WorkflowActor, at: Date, options: { fieldLabels?: Record<string, string> } = {}): TransitionResult {
  const { transition: t, errors } = checkTransition(definition, instance, event, actor, at, options);
  if (errors.length > 0 || !t) return { ok: false, errors };
  const when = isoInChina(at);
  const entry: HistoryEntry = { transition: t.id, from: instance.state, to: t.to, at: when, actor: actor.name, version: definition.version };
  if (event.comment !== undefined && event.comment !== '') entry.comment = event.comment;
  const next: WorkflowInstance = { ...instance, state: t.to, enteredAt: when, history: [...instance.history, entry] };
  const effects: WorkflowEffect[] = [{ type: 'history', entry }];
  const target = definition.states.find((s) => s.id === t.to)!;
  effects.push({ type: 'enter', state: target.id, label: target.label, final: target.final ?? false });
  if (event.assignee !== undefined && event.assignee !== '' && event.assignee !== instance.assignee) {
    next.assignee = event.assignee;
    effects.push(instance.assignee === undefined ? { type: 'assign', assignee: event.assignee } : { type: 'assign', assignee: event.assignee, previous: instance.assignee });
  }
  if (t.kind === 'sendBack') effects.push({ type: 'sent-back', from: instance.state, to: t.to, reason: event.comment ?? '' });
  if (target.due && !target.final) {
    const from = target.due.from ?? target.id;
    const start = from === target.id ? when : [...next.history].reverse().find((h) => h.to === from)?.at ?? (from === definition.initial ? next.history[0]?.at : undefined) ?? when;
    effects.push({ type: 'due', state: target.id, dueDate: dueDateFrom(start, target.due) });
  }
  effects.push({ type: 'audit', action: 'workflow.step', data: { workflow: definition.id, version: definition.version, transition: t.id, from: instance.state, to: t.to, kind: t.kind ?? 'forward', ...(entry.comment ? { comment: entry.comment } : {}), ...(next.assignee ? { assignee: next.assignee } : {}) } });
  return { ok: true, instance: next, effects };
}

/** The steps this actor could take now (roles and state only; guards are checked on the step). */
export function availableTransitions(definition: WorkflowDefinition, instance: WorkflowInstance, actor?: WorkflowActor): WorkflowTransition[] {
  return definition.transitions.filter((t) => t.from.includes(instance.state) && (!actor || !t.roles || t.roles.length === 0 || t.roles.some((r) => actor.roles.includes(r))));
}

export type WorkflowMigrationResult =
  | { ok: true; instance: WorkflowInstance; changed: boolean; effects: WorkflowEffect[] }
  | { ok: false; errors: WorkflowError[] };

/**
 * Moves an instance made under an older version of the workflow to `definition`'s version.
 * A state is mapped by the migration whose `fromVersion` is the instance's version; a state
 * not mapped keeps its id only if that id still exists. Otherwise the migration is refused
 * with a located error, so nobody's suggestion ends up in a state that is gone.
 */
export function migrateInstance(definition: WorkflowDefinition, instance: WorkflowInstance, actor: WorkflowActor, at: Date): WorkflowMigrationResult {
  if (instance.workflow !== definition.id) {
    return { ok: false, errors: [err('version', `记录的流程是“${instance.workflow}”，不是“${definition.title}”`, `the record follows workflow "${instance.workflow}", not "${definition.id}"`, ['workflow', 'workflow'])] };
  }
  if (instance.version === definition.version) return { ok: true, instance, changed: false, effects: [] };
  if (instance.version > definition.version) {
    return { ok: false, errors: [err('version', `记录按流程第${instance.version}版办理，比当前定义（第${definition.version}版）新，请更新流程包`, `the instance is at version ${instance.version}, newer than the definition (${definition.version}): update the pack`, ['workflow', 'version'])] };
  }
  const mi = definition.migrations?.findIndex((m) => m.fromVersion === instance.version) ?? -1;
  const migration = mi >= 0 ? definition.migrations![mi] : undefined;
  const states = new Set(definition.states.map((s) => s.id));
  const mapped = migration?.states[instance.state];
  const target = mapped ?? instance.state;
  if (!states.has(target)) {
    const where: PathSegment[] = migration ? ['migrations', mi, 'states', instance.state] : ['migrations'];
    const message = mapped !== undefined
      ? `迁移把状态“${instance.state}”映射到“${mapped}”，但第${definition.version}版没有这个状态`
      : `第${definition.version}版没有状态“${instance.state}”，迁移定义（fromVersion ${instance.version}）也未说明它对应哪个状态`;
    const messageEn = mapped !== undefined
      ? `the migration maps state "${instance.state}" to "${mapped}", which version ${definition.version} does not have`
      : `version ${definition.version} has no state "${instance.state}" and no migration from version ${instance.version} maps it`;
    return { ok: false, errors: [err('unknown-state', message, messageEn, where)] };
  }
  const when = isoInChina(at);
  // Earlier steps keep the version they were taken under, so they stay checkable after the move.
  const history = instance.history.map((h) => (h.version === undefined ? { ...h, version: instance.version } : h));
  const next: WorkflowInstance = { ...instance, version: definition.version, state: target, enteredAt: target === instance.state ? instance.enteredAt : when, history };
  const effects: WorkflowEffect[] = [{ type: 'audit', action: 'workflow.migrate', data: { workflow: definition.id, fromVersion: instance.version, toVersion: definition.version, from: instance.state, to: target, actor: actor.name, at: when } }];
  return { ok: true, instance: next, changed: true, effects };
}
