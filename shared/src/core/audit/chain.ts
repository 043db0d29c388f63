/**
 * The audit trail (审计记录): every record change and workflow step appended with who, when
 * and a SHA-256 hash (WebCrypto, `globalThis.crypto.subtle`: the same in the extension and in
 * Node) over the entry and the hash of the entry before it. Editing, deleting or reordering
 * an entry breaks the chain; the newest hash (`head`) is kept apart from the entries (and
 * written into every export), so cutting off the tail — or rewriting the whole chain — is
 * detected too. Entries name fields and digests, never values: no ID or phone number is logged.
 */

export const AUDIT_GENESIS = '0'.repeat(64);
export const AUDIT_FORMAT = 'lvzhi-audit';

import type { AuditHeadSignature } from './head-signature.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  /** 1, 2, 3… without gaps. */
  seq: number;
  /** ISO instant with +08:00. */
  at: string;
  actor: string;
  /** record.create, record.update, record.delete, workflow.start, workflow.step, workflow.migrate… */
  action: string;
  /** The record id the entry is about. */
  target?: string;
  data?: JsonValue;
  /** Hash of the previous entry (AUDIT_GENESIS for the first). */
  prev: string;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
  at: string;
}

export interface AuditLog {
  entries: AuditEntry[];
  head: AuditHead | null;
}

export interface AuditFile {
  format: typeof AUDIT_FORMAT;
  version: 1;
  head: AuditHead | null;
  /** The head signed by the device key (head-signature.ts); without it the head proves nothing. */
  headSignature?: AuditHeadSignature;
  entries: AuditEntry[];
}

/** JSON with object keys sorted at every level, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('audit data: numbers must be finite');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', new TextEncoder().encode(text)));
  let out = '';
  for (const b of digest) out += HEX[b];
  return out;
}

export function entryHashInput(e: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { seq, at, actor, action, target, data, prev } = e;
  return canonicalJson({ seq, at, actor, action, target, data, prev });
}

export async function hashEntry(e: Omit<AuditEntry, 'hash'> | AuditEntry): Promise<string> {
  return sha256Hex(entryHashInput(e));
}

export interface AuditInput {
  actor: string;
  action: string;
  target?: string;
  data?: JsonValue;
}

/** A new log with the entry appended (the old log is not changed). */
export async function appendAudit(log: AuditLog, input: AuditInput, at: string): Promise<AuditLog> {
  const last = log.entries.at(-1);
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1, at, actor: input.actor, action: input.action,
    ...(input.target !== undefined ? { target: input.target } : {}),
    ...(input.data !== undefined ? { data: input.data } : {}),
    prev: last?.hash ?? AUDIT_GENESIS,
  };
  const hash = await hashEntry(entry);
  const full: AuditEntry = { ...entry, hash };
  return { entries: [...log.entries, full], head: { seq: full.seq, hash, at } };
}

export function emptyAuditLog(): AuditLog {
  return { entries: [], head: null };
}

export type AuditProblemKind = 'edited' | 'deleted' | 'reordered' | 'broken-link' | 'tail-cut' | 'head-mismatch' | 'no-head' | 'malformed';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** Index in the entries array (-1: the log as a whole). */
  index: number;
  seq?: number;
  message: string;
  messageEn: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
  /** Without the separately kept head a cut-off tail cannot be seen: ok, but said so. */
  warnings: AuditProblem[];
}

function isEntry(e: unknown): e is AuditEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  return Number.isInteger(x.seq) && typeof x.at === 'string' && typeof x.actor === 'string' && typeof x.action === 'string' && typeof x.prev === 'string' && typeof x.hash === 'string';
}

/** Checks every hash and link, the numbering and the head kept apart. */
export async function verifyAudit(entries: readonly unknown[], head?: AuditHead | null): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const warnings: AuditProblem[] = [];
  const p = (kind: AuditProblemKind, index: number, seq: number | undefined, message: string, messageEn: string) =>
    problems.push(seq === undefined ? { kind, index, message, messageEn } : { kind, index, seq, message, messageEn });
  let prevEntry: AuditEntry | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!isEntry(e)) {
      p('malformed', i, undefined, `第${i + 1}条记录格式不正确`, `entry ${i + 1} is malformed`);
      prevEntry = undefined;
      continue;
    }
    const expectedSeq = prevEntry ? prevEntry.seq + 1 : i === 0 ? 1 : undefined;
    if ((await hashEntry(e)) !== e.hash) {
      p('edited', i, e.seq, `第${e.seq}条（${e.action}，${e.at}）的内容被改动：哈希值不符`, `entry ${e.seq} (${e.action}, ${e.at}) was edited: its hash does not match`);
    }
    if (expectedSeq !== undefined && e.seq !== expectedSeq) {
      if (e.seq > expectedSeq) p('deleted', i, e.seq, `第${expectedSeq}条至第${e.seq - 1}条缺失（被删除）`, `entries ${expectedSeq}–${e.seq - 1} are missing (deleted)`);
      else p('reordered', i, e.seq, `第${e.seq}条出现在第${expectedSeq - 1}条之后：顺序被打乱`, `entry ${e.seq} comes after entry ${expectedSeq - 1}: the order was changed`);
    } else {
      const expectedPrev = i === 0 ? AUDIT_GENESIS : prevEntry?.hash;
      if (expectedPrev !== undefined && e.prev !== expectedPrev) {
        p('broken-link', i, e.seq, `第${e.seq}条与前一条的哈希链接断开（前一条被改动或替换）`, `entry ${e.seq} does not chain to the entry before it (that entry was changed or replaced)`);
      }
    }
    prevEntry = e;
  }
  const last = entries.at(-1);
  if (head) {
    const lastEntry = isEntry(last) ? last : undefined;
    if (!lastEntry || lastEntry.seq < head.seq) {
      p('tail-cut', -1, head.seq, `末尾记录被截去：应有${head.seq}条，现只有${lastEntry?.seq ?? 0}条`, `the tail was cut off: the head says ${head.seq} entries, the log ends at ${lastEntry?.seq ?? 0}`);
    } else if (lastEntry.hash !== head.hash || lastEntry.seq !== head.seq) {
      p('head-mismatch', -1, lastEntry.seq, '最后一条记录与单独保存的末端哈希不符（记录被改写或追加了伪造记录）', 'the last entry does not match the separately kept head hash (the log was rewritten or extended)');
    }
  } else if (entries.length > 0) {
    warnings.push({ kind: 'no-head', index: -1, message: '未提供单独保存的末端哈希，无法发现被截去的末尾记录', messageEn: 'no separately kept head hash: a cut-off tail cannot be detected' });
  }
  return { ok: problems.length === 0, entries: entries.length, problems, warnings };
}

export function toAuditFile(log: AuditLog, headSignature?: AuditHeadSignature): AuditFile {
  return { format: AUDIT_FORMAT, version: 1, head: log.head, ...(headSignature ? { headSignature } : {}), entries: log.entries };
}

/** Reads an audit file's JSON; throws with a message when it is not one. */
export function parseAuditFile(json: unknown): AuditFile {
  if (Array.isArray(json)) return { format: AUDIT_FORMAT, version: 1, head: null, entries: json as AuditEntry[] };
  const x = json as Partial<AuditFile> | null;
  if (!x || typeof x !== 'object' || x.format !== AUDIT_FORMAT || !Array.isArray(x.entries)) {
    throw new Error('不是审计记录文件（应含 "format": "lvzhi-audit" 和 entries） / not an audit file');
  }
  return { format: AUDIT_FORMAT, version: 1, head: x.head ?? null, ...(x.headSignature ? { headSignature: x.headSignature } : {}), entries: x.entries };
}
