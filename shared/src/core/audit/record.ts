/**
 * Audit entries for record changes and workflow steps. A record change lists the field ids
 * that changed and a SHA-256 digest of the new values — never the values themselves, so an
 * ID number or phone number never ends up in the log, yet a stored record can be checked
 * against its latest entry.
 */
import { maskSensitive } from '../identity.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import type { WorkflowEffect } from '../workflow/engine.ts';
import { appendAudit, canonicalJson, sha256Hex, type AuditInput, type AuditLog, type JsonValue } from './chain.ts';

export async function valuesDigest(values: Record<string, unknown>): Promise<string> {
  return sha256Hex(canonicalJson(values));
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k])).sort();
}

/** The audit input for saving `after` (created when `before` is undefined, deleted when it has deletedAt). */
export async function recordChangeAudit(before: LvzhiRecord | undefined, after: LvzhiRecord, actor: string): Promise<AuditInput> {
  const action = !before ? 'record.create' : after.deletedAt && !before.deletedAt ? 'record.delete' : 'record.update';
  const changed = changedFields(before?.values ?? {}, after.values);
  const data: JsonValue = { form: after.form, formVersion: after.formVersion, status: after.status, changed, digest: await valuesDigest(after.values) };
  return { actor, action, target: after.id, data };
}

/** Free text (a send-back reason) with anything that looks like an ID or phone number masked. */
export function maskSensitiveText(text: string): string {
  return text.replace(/\d{17}[\dXx]|(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => maskSensitive(m));
}

function maskData(data: Record<string, unknown>): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? maskSensitiveText(v) : (v as JsonValue);
  return out;
}

/** The audit inputs of a workflow step's (or start's, or migration's) effects for a record. */
export function workflowAuditInputs(recordId: string, effects: readonly WorkflowEffect[], actor: string): AuditInput[] {
  return effects.flatMap((e) => (e.type === 'audit' ? [{ actor, action: e.action, target: recordId, data: maskData(e.data) }] : []));
}

/** Appends the audit effects of a workflow step (or start, or migration) for a record. */
export async function appendWorkflowEffects(log: AuditLog, recordId: string, effects: readonly WorkflowEffect[], actor: string, at: string): Promise<AuditLog> {
  let out = log;
  for (const input of workflowAuditInputs(recordId, effects, actor)) out = await appendAudit(out, input, at);
  return out;
}
