/**
 * The audit trail of this browser profile (issue 13 part 8): IndexedDB `lvzhi-audit` with a
 * signed head and a non-exportable device key (@lvzhi/shared/dom openIndexedDbAudit). Entries
 * come from four places — every record change (the record store is wrapped once, in
 * staff-data.ts), workflow steps (WorkflowsView), fills (FillView) and PDF signatures
 * (MinutesView) — and name fields and digests, never values. The backup tab exports the file
 * and the public key for `lvzhi audit verify FILE --key KEY`.
 *
 * A failed append never loses the record itself (it is already stored); it is remembered in
 * chrome.storage.local `lvzhi.audit.gap` so the backup tab can say the trail has a gap.
 */
import { workflowAuditInputs, type AuditInput, type AuditSink, type JsonValue, type WorkflowEffect } from '@lvzhi/shared';
import { openIndexedDbAudit, type DeviceAuditLog } from '@lvzhi/shared/dom';

export const AUDIT_DB = 'lvzhi-audit';
export const AUDIT_GAP_KEY = 'lvzhi.audit.gap';
/** Who acts: the extension knows no login; entries say it was this browser's staff user. */
export const AUDIT_ACTOR = '本机工作人员';

let log: Promise<DeviceAuditLog> | undefined;
export function deviceAudit(): Promise<DeviceAuditLog> {
  log ??= openIndexedDbAudit(AUDIT_DB).catch((e: unknown) => {
    log = undefined;
    throw e;
  });
  return log;
}

export async function noteAuditGap(error: unknown, input: AuditInput): Promise<void> {
  console.error('audit append failed', input.action, error);
  await chrome.storage.local.set({ [AUDIT_GAP_KEY]: { at: new Date().toISOString(), action: input.action, error: String(error) } }).catch(() => undefined);
}

/** The sink the record store writes to. */
export const auditSink: AuditSink = {
  append: async (input) => (await deviceAudit()).append(input),
};

/** Appends one entry; a failure is noted, never thrown at the user's action. */
export async function audit(input: AuditInput): Promise<void> {
  try {
    await (await deviceAudit()).append(input);
  } catch (e) {
    await noteAuditGap(e, input);
  }
}

export async function auditWorkflow(recordId: string, effects: readonly WorkflowEffect[], actor = AUDIT_ACTOR): Promise<void> {
  for (const input of workflowAuditInputs(recordId, effects, actor)) await audit(input);
}

/** A fill into a portal page: which record, which page (origin and path only), how many fields. */
export async function auditFill(recordId: string, pageUrl: string, data: { filled: number; skipped?: number; failed?: number; mapping?: string }): Promise<void> {
  let page = pageUrl;
  try { const u = new URL(pageUrl); page = `${u.origin}${u.pathname}`; } catch { /* keep as given */ }
  const d: Record<string, JsonValue> = { page, filled: data.filled };
  if (data.skipped !== undefined) d.skipped = data.skipped;
  if (data.failed !== undefined) d.failed = data.failed;
  if (data.mapping) d.mapping = data.mapping;
  await audit({ actor: AUDIT_ACTOR, action: 'fill', target: recordId, data: d });
}

/** A PDF signed with a key held in the browser: which record, which key (name), the file's digest. */
export async function auditSignature(recordId: string | undefined, signer: string, pdf: Uint8Array): Promise<void> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pdf as Uint8Array<ArrayBuffer>));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  await audit({ actor: AUDIT_ACTOR, action: 'sign', ...(recordId ? { target: recordId } : {}), data: { signer, pdfSha256: hex } });
}
