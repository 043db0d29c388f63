/**
 * The record list: search by form, text, date and status, and a trash from which a deleted
 * record can be restored for 30 days (then it is purged for good).
 */
import type { FormDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { isoInChina, todayInChina } from '../dates.ts';

export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RecordQuery {
  /** A form id or several. */
  form?: string | readonly string[];
  /** Words that must all appear in the record's text values (names in person fields included). */
  text?: string;
  /** Inclusive `YYYY-MM-DD` bounds on the record's date (its form's eventDateField, else creation day, China time). */
  from?: string;
  to?: string;
  status?: LvzhiRecord['status'];
  /** Default 'live': not in the trash. */
  deleted?: 'live' | 'trash' | 'any';
}

/** The day a record counts under: its event date field, else the day it was created (China time). */
export function recordDate(record: LvzhiRecord, form?: FormDefinition): string {
  const f = form?.eventDateField;
  const v = f ? record.values[f] : undefined;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return todayInChina(new Date(record.createdAt));
}

/** The record's title: its form's titleField value, else the form title. */
export function recordTitle(record: LvzhiRecord, form?: FormDefinition): string {
  const f = form?.titleField;
  const v = f ? record.values[f] : undefined;
  if (typeof v === 'string' && v.trim()) return v.trim();
  return form?.title ?? record.form;
}

function collectText(value: unknown, out: string[], depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') { if (!value.startsWith('data:')) out.push(value); return; }
  if (typeof value === 'number') { out.push(String(value)); return; }
  if (Array.isArray(value)) { for (const v of value) collectText(v, out, depth + 1); return; }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== 'image' && k !== 'data' && k !== 'id' && k !== 'ref') collectText(v, out, depth + 1);
  }
}

/** All searchable text of a record, lower-cased. */
export function recordText(record: LvzhiRecord, form?: FormDefinition): string {
  const parts: string[] = [recordTitle(record, form)];
  collectText(record.values, parts);
  if (record.author) parts.push(record.author.name);
  return parts.join('\n').toLowerCase();
}

/** Records matching the query, newest (by date, then update time) first. */
export function searchRecords(records: readonly LvzhiRecord[], query: RecordQuery, forms: ReadonlyMap<string, FormDefinition> = new Map()): LvzhiRecord[] {
  const formIds = query.form === undefined ? undefined : new Set(typeof query.form === 'string' ? [query.form] : query.form);
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const deleted = query.deleted ?? 'live';
  const out: Array<{ r: LvzhiRecord; date: string }> = [];
  for (const r of records) {
    if (deleted === 'live' && r.deletedAt) continue;
    if (deleted === 'trash' && !r.deletedAt) continue;
    if (formIds && !formIds.has(r.form)) continue;
    if (query.status && r.status !== query.status) continue;
    const form = forms.get(r.form);
    const date = recordDate(r, form);
    if (query.from && date < query.from) continue;
    if (query.to && date > query.to) continue;
    if (words.length) {
      const text = recordText(r, form);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push({ r, date });
  }
  out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : Date.parse(b.r.updatedAt) - Date.parse(a.r.updatedAt)));
  return out.map((x) => x.r);
}

/** Moves a record to the trash (it stays restorable for TRASH_DAYS days). */
export function trashRecord(record: LvzhiRecord, now: Date = new Date()): LvzhiRecord {
  if (record.deletedAt) return record;
  return { ...record, deletedAt: isoInChina(now) };
}

/** Days left before a trashed record is purged (0 when due). */
export function trashDaysLeft(record: LvzhiRecord, now: Date = new Date()): number {
  if (!record.deletedAt) return TRASH_DAYS;
  const left = Date.parse(record.deletedAt) + TRASH_DAYS * DAY_MS - now.getTime();
  return Math.max(0, Math.ceil(left / DAY_MS));
}

export function isPurgeDue(record: LvzhiRecord, now: Date = new Date()): boolean {
  return record.deletedAt !== undefined && now.getTime() - Date.parse(record.deletedAt) >= TRASH_DAYS * DAY_MS;
}

export class TrashExpiredError extends Error {
  constructor(id: string) { super(`记录 ${id} 已在回收站超过 ${TRASH_DAYS} 天，无法恢复`); }
}

/** Takes a record out of the trash; throws TrashExpiredError after TRASH_DAYS days. */
export function restoreRecord(record: LvzhiRecord, now: Date = new Date()): LvzhiRecord {
  if (!record.deletedAt) return record;
  if (isPurgeDue(record, now)) throw new TrashExpiredError(record.id);
  const { deletedAt: _d, ...rest } = record;
  return { ...rest, updatedAt: isoInChina(now) };
}
