/**
 * One backup file for everything a staff member has in this browser: records (drafts, trash
 * included), the extension's settings (entries whose key starts with "lvzhi."), and — only when
 * asked — signing keys as the .p12 files they were imported from (keys generated in the browser
 * are non-extractable by design, so only their certificates go in).
 *
 * The file is always encrypted with a passphrase (backup-crypto.ts: PBKDF2-SHA256 600,000 +
 * AES-256-GCM): it holds every ID and phone number. A wrong passphrase restores nothing. Plain
 * `lvzhi.backup/1` files written before encryption still import (the user's own old data), and
 * are reported as unencrypted. On restore a record is refused when it does not parse or when
 * an image or file in it is a link instead of a `data:` URL (record-images.ts).
 *
 * Pure (no chrome.*, no DOM): building, reading and merging; the extension's backup tab does
 * the storage around it.
 */
import { recordSchema, type LvzhiRecord } from './record-schema.ts';
import { remoteImageProblems } from './record-images.ts';
import { BackupCryptoError, decryptBackupText, encryptBackupText, isEncryptedBackup } from './backup-crypto.ts';

export const BACKUP_FORMAT = 'lvzhi.backup/1';

export interface BackupKey {
  id: string;
  name: string;
  createdAt: string;
  /** DER certificate, base64. */
  certificate: string;
  /** The .p12 the key came from, base64 (still under its own password). Only when the user kept it. */
  p12?: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  exportedAt: string;
  extensionVersion: string;
  records: LvzhiRecord[];
  /** Settings entries whose key starts with "lvzhi." (minus transient ones). */
  settings: Record<string, unknown>;
  keys?: BackupKey[];
}

/** Settings that belong to one browser session (or one device) and are not carried over. */
const TRANSIENT = new Set(['lvzhi.installed', 'lvzhi.panel.intent', 'lvzhi.reminders.last', 'lvzhi.audit.gap']);

export function settingsForBackup(all: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith('lvzhi.') && !TRANSIENT.has(k)) out[k] = v;
  return out;
}

export function buildBackup(parts: { records: LvzhiRecord[]; settings: Record<string, unknown>; keys?: BackupKey[]; version: string; now?: Date }): Backup {
  return {
    format: BACKUP_FORMAT,
    exportedAt: (parts.now ?? new Date()).toISOString(),
    extensionVersion: parts.version,
    records: parts.records,
    settings: settingsForBackup(parts.settings),
    ...(parts.keys && parts.keys.length > 0 ? { keys: parts.keys } : {}),
  };
}

/** The backup file's text: the backup encrypted with the passphrase (≥ 8 characters, else BackupCryptoError). */
export async function sealBackup(backup: Backup, passphrase: string): Promise<string> {
  return JSON.stringify(await encryptBackupText(JSON.stringify(backup), passphrase), null, 2);
}

export interface ReadBackup {
  backup?: Backup;
  /** Records that could not be read or were refused (the rest still import). */
  badRecords: number;
  /** Why records were refused (first few, no values). */
  refused: string[];
  /** A plain file written before backups were encrypted. */
  unencrypted?: boolean;
  error?: string;
  errorEn?: string;
}

/** Reads a decrypted backup's JSON; a broken or refused record is counted, not fatal. */
export function readBackupJson(json: unknown): ReadBackup {
  const o = json as Partial<Backup> | null;
  if (!o || typeof o !== 'object' || o.format !== BACKUP_FORMAT) return { badRecords: 0, refused: [], error: '不是履职备份文件', errorEn: 'not a Lvzhi backup file' };
  const records: LvzhiRecord[] = [];
  const refused: string[] = [];
  let badRecords = 0;
  for (const r of Array.isArray(o.records) ? o.records : []) {
    const p = recordSchema.safeParse(r);
    if (!p.success) { badRecords++; continue; }
    const remote = remoteImageProblems(p.data);
    if (remote.length > 0) { badRecords++; if (refused.length < 5) refused.push(remote[0]!.message); continue; }
    records.push(p.data);
  }
  const settings = o.settings && typeof o.settings === 'object' && !Array.isArray(o.settings) ? settingsForBackup(o.settings) : {};
  const keys = Array.isArray(o.keys) ? o.keys.filter((k): k is BackupKey => !!k && typeof k.id === 'string' && typeof k.certificate === 'string') : [];
  return {
    backup: { format: BACKUP_FORMAT, exportedAt: String(o.exportedAt ?? ''), extensionVersion: String(o.extensionVersion ?? ''), records, settings, ...(keys.length ? { keys } : {}) },
    badRecords,
    refused,
  };
}

/**
 * Opens a backup file's text with the passphrase. An encrypted file with a wrong passphrase
 * gives only `error` (nothing to restore); a plain old file opens without one, marked `unencrypted`.
 */
export async function openBackup(text: string, passphrase: string): Promise<ReadBackup> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { badRecords: 0, refused: [], error: '不是有效的 JSON 文件', errorEn: 'not a JSON file' };
  }
  if (isEncryptedBackup(json)) {
    let inner: string;
    try {
      inner = await decryptBackupText(json, passphrase);
    } catch (e) {
      if (e instanceof BackupCryptoError) return { badRecords: 0, refused: [], error: e.message, errorEn: e.messageEn };
      throw e;
    }
    try {
      return readBackupJson(JSON.parse(inner));
    } catch {
      return { badRecords: 0, refused: [], error: '备份内容已损坏', errorEn: 'the backup’s content is damaged' };
    }
  }
  const read = readBackupJson(json);
  return read.backup ? { ...read, unencrypted: true } : read;
}

/** The records to write: new ones, and those the backup holds in a newer version. Nothing newer here is overwritten. */
export function recordsToImport(existing: readonly LvzhiRecord[], incoming: readonly LvzhiRecord[]): { write: LvzhiRecord[]; kept: number } {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const write: LvzhiRecord[] = [];
  let kept = 0;
  for (const r of incoming) {
    const here = byId.get(r.id);
    if (!here || here.updatedAt < r.updatedAt) write.push(r);
    else kept++;
  }
  return { write, kept };
}

/** Settings to restore: those this profile does not have yet (the pack store goes through the worker). */
export function settingsToImport(existing: Record<string, unknown>, incoming: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incoming)) {
    if (skip.has(k)) continue;
    if (k === 'lvzhi.portals' && Array.isArray(v)) {
      const mine = Array.isArray(existing[k]) ? (existing[k] as unknown[]) : [];
      out[k] = [...new Set([...mine, ...v])];
    } else if (!(k in existing)) out[k] = v;
  }
  return out;
}
