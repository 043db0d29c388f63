/**
 * One backup file for everything a staff member has in this browser: records (drafts, trash
 * included), the extension's settings in chrome.storage.local (allowed portals, pack store with
 * installed packs and trusted keys, launcher position…), and — only when asked — signing keys
 * as the .p12 files they were imported from (still under their password; keys generated in the
 * browser are non-extractable by design, so only their certificates go in). Pure: building,
 * reading and merging are tested in staff-backup.test.ts.
 */
import { recordSchema, type LvzhiRecord } from '@lvzhi/shared';

export const BACKUP_FORMAT = 'lvzhi.backup/1';

export interface BackupKey {
  id: string;
  name: string;
  createdAt: string;
  /** DER certificate, base64. */
  certificate: string;
  /** The .p12 the key came from, base64 (password-protected). Absent for generated keys. */
  p12?: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  exportedAt: string;
  extensionVersion: string;
  records: LvzhiRecord[];
  /** chrome.storage.local entries whose key starts with "lvzhi." (minus transient ones). */
  settings: Record<string, unknown>;
  keys?: BackupKey[];
}

/** Settings that belong to one browser session and are not carried over. */
const TRANSIENT = new Set(['lvzhi.installed', 'lvzhi.panel.intent', 'lvzhi.reminders.last']);

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

export interface ReadBackup {
  backup?: Backup;
  /** Records that could not be read (the rest still import). */
  badRecords: number;
  error?: string;
}

/** Reads a backup file's text; a broken record is counted, not fatal. */
export function readBackup(text: string): ReadBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { badRecords: 0, error: '不是有效的 JSON 文件 / not a JSON file' };
  }
  const o = json as Partial<Backup> | null;
  if (!o || typeof o !== 'object' || o.format !== BACKUP_FORMAT) return { badRecords: 0, error: '不是履职备份文件 / not a Lvzhi backup file' };
  const records: LvzhiRecord[] = [];
  let badRecords = 0;
  for (const r of Array.isArray(o.records) ? o.records : []) {
    const p = recordSchema.safeParse(r);
    if (p.success) records.push(p.data);
    else badRecords++;
  }
  const settings = o.settings && typeof o.settings === 'object' && !Array.isArray(o.settings) ? settingsForBackup(o.settings) : {};
  const keys = Array.isArray(o.keys) ? o.keys.filter((k): k is BackupKey => !!k && typeof k.id === 'string' && typeof k.certificate === 'string') : [];
  return {
    backup: { format: BACKUP_FORMAT, exportedAt: String(o.exportedAt ?? ''), extensionVersion: String(o.extensionVersion ?? ''), records, settings, ...(keys.length ? { keys } : {}) },
    badRecords,
  };
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
