/**
 * The workflow engine applied to a record: start its workflow, fill the values a step needs
 * and take the step, all pure. The caller stores the new record and performs the effects
 * (append the audit entry, notify the assignee).
 */
import { isoInChina } from '../dates.ts';
import type { FormDefinition, WorkflowDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { walkFields } from '../validate-pack.ts';
import { startWorkflow, transition, type WorkflowActor, type WorkflowEffect, type WorkflowError, type WorkflowEvent } from './engine.ts';

/** Field id → Chinese label, so that "须填写“答复日期”" names the field as the form does. */
export function fieldLabelsOf(form: FormDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, table } of walkFields(form)) {
    if (!table && field.label) out[field.id] = field.label;
  }
  return out;
}

export type RecordStepResult =
  | { ok: true; record: LvzhiRecord; effects: WorkflowEffect[] }
  | { ok: false; errors: WorkflowError[] };

/** Starts the record's workflow (when it has none yet). */
export function startRecordWorkflow(definition: WorkflowDefinition, record: LvzhiRecord, actor: WorkflowActor, at: Date): { record: LvzhiRecord; effects: WorkflowEffect[] } {
  const { instance, effects } = startWorkflow(definition, actor, at);
  return { record: { ...record, workflow: instance, updatedAt: isoInChina(at) }, effects };
}

/**
 * Takes one step on a record: `patch` (the values filled at this step, e.g. the reply and its
 * date) is merged into the record's values first, and the guard and `requires` see the result.
 * Nothing changes when the step is refused.
 */
export function stepRecord(
  definition: WorkflowDefinition,
  form: FormDefinition | undefined,
  record: LvzhiRecord,
  event: Omit<WorkflowEvent, 'values'> & { patch?: Record<string, unknown> },
  actor: WorkflowActor,
  at: Date,
): RecordStepResult {
  const instance = record.workflow ?? startWorkflow(definition, actor, at).instance;
  const values = event.patch ? { ...record.values, ...event.patch } : record.values;
  const { patch: _patch, ...rest } = event;
  void _patch;
  const result = transition(definition, instance, { ...rest, values }, actor, at, form ? { fieldLabels: fieldLabelsOf(form) } : {});
  if (!result.ok) return result;
  return { ok: true, record: { ...record, values, workflow: result.instance, updatedAt: isoInChina(at) }, effects: result.effects };
}
