/**
 * People rosters (人大代表名册, 工作人员名册) that person and people fields pick from.
 *
 * A roster is kept as entries with their history: when a deputy leaves (辞职、调离), a
 * by-election (补选) adds one, or a deputy's group changes, the entry records what changed and
 * when, so a record made last year still names the people as they were.
 *
 * Search matches the name, its pinyin (`zhangjianguo`) and its pinyin initials (`zjg`), with
 * surnames read as surnames (单 shàn, 曾 zēng) and other polyphonic characters matched on any
 * reading. Pinyin comes from pinyin-pro: maintained, dictionary-based with polyphone and surname
 * handling, no DOM or Node dependencies, so it runs in the core.
 */
import * as z from 'zod';
import { pinyin, match as pinyinMatch } from 'pinyin-pro';
import type { FieldDefinition, FormDefinition, RosterDefinition } from '../pack-schema.ts';
import { isEmptyValue } from '../expression.ts';
import type { LvzhiRecord, PersonValue } from '../record-schema.ts';
import { instantSchema } from '../record-schema.ts';
import { isoInChina } from '../dates.ts';

export const ROSTER_ATTRIBUTES = ['term', 'group', 'level', 'status'] as const;
export type RosterAttribute = (typeof ROSTER_ATTRIBUTES)[number];

export const rosterChangeSchema = z.strictObject({
  at: instantSchema,
  kind: z.enum(['joined', 'changed', 'left', 'rejoined']),
  /** attribute → [before, after] */
  changes: z.record(z.string(), z.tuple([z.string().nullable(), z.string().nullable()])).optional(),
  note: z.string().optional(),
});

export const rosterEntrySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  term: z.string().optional(),
  group: z.string().optional(),
  level: z.string().optional(),
  status: z.string().optional(),
  /** Whether the person is on the roster now (false after leaving). */
  active: z.boolean(),
  /** The record (e.g. deputy profile) the entry comes from. */
  recordId: z.string().optional(),
  history: z.array(rosterChangeSchema),
});

export const rosterStateSchema = z.strictObject({
  id: z.string().min(1),
  entries: z.array(rosterEntrySchema),
});

export type RosterChange = z.infer<typeof rosterChangeSchema>;
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
export type RosterState = z.infer<typeof rosterStateSchema>;

/** Status values that mean the person is no longer on the roster. */
const LEFT_STATUS = /^(?!在任).*(终止|辞去|辞职|罢免|调离|去世|离任|停止|暂停)/;

export function emptyRoster(id: string): RosterState {
  return { id, entries: [] };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The roster entry a record (e.g. a deputy profile) describes, without history. */
export function entryFromRecord(def: RosterDefinition, record: LvzhiRecord): Omit<RosterEntry, 'history'> | undefined {
  const name = str(record.values[def.nameField]);
  if (!name) return undefined;
  const e: Omit<RosterEntry, 'history'> = { id: record.id, name, active: true, recordId: record.id };
  for (const a of ROSTER_ATTRIBUTES) {
    const fid = def.fields?.[a];
    const v = fid ? str(record.values[fid]) : undefined;
    if (v !== undefined) e[a] = v;
  }
  if (e.status && LEFT_STATUS.test(e.status)) e.active = false;
  if (record.deletedAt) e.active = false;
  return e;
}

/**
 * Adds or updates an entry, appending to its history what changed: `joined` for a new person,
 * `left`/`rejoined` when the person leaves or comes back, `changed` for other attributes.
 * Returns the same state object when nothing changed.
 */
export function upsertRosterEntry(state: RosterState, next: Omit<RosterEntry, 'history'>, options: { now?: Date; note?: string } = {}): RosterState {
  const at = isoInChina(options.now ?? new Date());
  const i = state.entries.findIndex((e) => e.id === next.id);
  const note = options.note !== undefined ? { note: options.note } : {};
  if (i < 0) {
    const entry: RosterEntry = { ...next, history: [{ at, kind: 'joined', ...note }] };
    return { ...state, entries: [...state.entries, entry] };
  }
  const prev = state.entries[i]!;
  const changes: Record<string, [string | null, string | null]> = {};
  for (const a of ['name', ...ROSTER_ATTRIBUTES] as const) {
    const before = prev[a] ?? null, after = next[a] ?? null;
    if (before !== after) changes[a] = [before, after];
  }
  const activeChanged = prev.active !== next.active;
  if (!activeChanged && Object.keys(changes).length === 0) return state;
  const kind: RosterChange['kind'] = activeChanged ? (next.active ? 'rejoined' : 'left') : 'changed';
  const entry: RosterEntry = { ...next, history: [...prev.history, { at, kind, ...(Object.keys(changes).length ? { changes } : {}), ...note }] };
  const entries = state.entries.slice();
  entries[i] = entry;
  return { ...state, entries };
}

/** A person leaves the roster (resignation, transfer, end of term); the entry and its history stay. */
export function leaveRoster(state: RosterState, id: string, options: { now?: Date; status?: string; note?: string } = {}): RosterState {
  const prev = state.entries.find((e) => e.id === id);
  if (!prev) throw new Error(`roster ${state.id} has no entry ${id}`);
  return upsertRosterEntry(state, { ...stripHistory(prev), active: false, ...(options.status ? { status: options.status } : {}) }, options);
}

function stripHistory(e: RosterEntry): Omit<RosterEntry, 'history'> {
  const { history: _h, ...rest } = e;
  return rest;
}

/** Brings a roster in line with the records of its form (profiles added, changed, deleted). */
export function syncRoster(state: RosterState, def: RosterDefinition, records: readonly LvzhiRecord[], options: { now?: Date } = {}): RosterState {
  let s = state;
  const seen = new Set<string>();
  for (const r of records) {
    if (r.form !== def.form) continue;
    const e = entryFromRecord(def, r);
    if (!e) continue;
    seen.add(e.id);
    s = upsertRosterEntry(s, e, options);
  }
  for (const e of state.entries) {
    if (e.recordId && !seen.has(e.id) && e.active) s = upsertRosterEntry(s, { ...stripHistory(e), active: false }, { ...options, note: '档案已删除' });
  }
  return s;
}

/** The roster as it was at an instant: entries that had joined by then, with their attributes then. */
export function rosterAt(state: RosterState, instant: string): RosterEntry[] {
  const t = Date.parse(instant);
  const out: RosterEntry[] = [];
  for (const e of state.entries) {
    const past = e.history.filter((h) => Date.parse(h.at) <= t);
    if (past.length === 0) continue;
    const later = e.history.filter((h) => Date.parse(h.at) > t);
    const then: RosterEntry = { ...e, history: past };
    // undo the later changes, newest first
    for (const h of [...later].reverse()) {
      if (h.kind === 'left') then.active = true;
      if (h.kind === 'rejoined') then.active = false;
      for (const [k, [before]] of Object.entries(h.changes ?? {})) {
        const key = k as 'name' | RosterAttribute;
        if (before === null) delete then[key as RosterAttribute]; else (then as Record<string, unknown>)[key] = before;
      }
    }
    out.push(then);
  }
  return out;
}

// ---------------------------------------------------------------- search

interface Keys { full: string; initials: string; syllables: string[] }
const keyCache = new Map<string, Keys>();

/** Pinyin keys of a name: `张建国` → full `zhangjianguo`, initials `zjg`. */
export function pinyinKeys(name: string): Keys {
  let k = keyCache.get(name);
  if (!k) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname', surname: 'head', toneSandhi: false, nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
    k = { full: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), syllables };
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

export interface RosterSearchOptions {
  /** Include people who have left (default false). */
  includeInactive?: boolean;
  limit?: number;
  /** Only entries whose attributes match (e.g. { group: '第一代表小组' }). */
  where?: Partial<Record<RosterAttribute, string>>;
}

/**
 * Entries matching `query` by name (汉字), full pinyin (`zhangjianguo`, `zhang jian`), pinyin
 * initials (`zjg`) or a mix (`zhangjg`), best first: exact name, name prefix, name contains,
 * pinyin prefix, initials prefix, other pinyin matches.
 */
export function searchRoster(entries: readonly RosterEntry[], query: string, options: RosterSearchOptions = {}): RosterEntry[] {
  const q = query.trim();
  const pool = entries.filter((e) => (options.includeInactive || e.active) && Object.entries(options.where ?? {}).every(([k, v]) => e[k as RosterAttribute] === v));
  if (!q) return pool.slice(0, options.limit ?? pool.length);
  const ql = q.toLowerCase().replace(/[\s'’]/g, '');
  const latin = /^[a-z0-9]+$/.test(ql);
  const scored: Array<{ e: RosterEntry; score: number; i: number }> = [];
  pool.forEach((e, i) => {
    let score = 0;
    if (e.name === q) score = 100;
    else if (e.name.startsWith(q)) score = 90;
    else if (e.name.includes(q)) score = 80;
    else if (latin) {
      const k = pinyinKeys(e.name);
      if (k.full === ql) score = 75;
      else if (k.initials === ql) score = 72;
      else if (k.full.startsWith(ql)) score = 70;
      else if (k.initials.startsWith(ql)) score = 65;
      else if (pinyinMatch(e.name, ql, { precision: 'start', continuous: true })?.[0] === 0) score = 60; // mixed or other readings: zhangjg, cxm for 曾小明
      else if (k.full.includes(ql) && ql.length >= 2) score = 40;
    }
    if (score) scored.push({ e, score: score + (e.active ? 1 : 0), i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.slice(0, options.limit ?? scored.length).map((s) => s.e);
}

/** The value a person field stores for an entry. */
export function personValue(entry: Pick<RosterEntry, 'id' | 'name'>): PersonValue {
  return { id: entry.id, name: entry.name };
}

/** Which roster a person/people field picks from (default: deputies). */
export function rosterIdOf(field: { roster?: string | undefined }): string {
  return field.roster ?? 'deputies';
}

/** Roster definitions indexed by id, with the form of each (to read entries from records). */
export function rosterDefinitions(packs: ReadonlyArray<{ rosters?: RosterDefinition[] | undefined; forms?: FormDefinition[] | undefined }>): Map<string, RosterDefinition> {
  const out = new Map<string, RosterDefinition>();
  for (const p of packs) for (const r of p.rosters ?? []) out.set(r.id, r);
  return out;
}

/**
 * The roster link (a person field's `rosterFill`, declared in the pack): when a person is chosen
 * from the roster, the fields it names take the values of that person's entry (`profile`: the
 * values of the roster's record, e.g. the deputy profile). A field is filled only while it is
 * empty or still holds what the previously chosen person's entry gave it (`previous`), so a value
 * the user typed is never replaced; a person whose entry has no value leaves the field as it is.
 */
export function rosterFillPatch(
  field: FieldDefinition, profile: Readonly<Record<string, unknown>> | undefined,
  values: Readonly<Record<string, unknown>>, previous?: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (field.type !== 'person' || !field.rosterFill || !profile) return {};
  const out: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(field.rosterFill)) {
    const v = profile[source];
    if (v === undefined || isEmptyValue(v)) continue;
    const cur = values[target];
    const fromLink = previous !== undefined && previous[source] !== undefined && JSON.stringify(cur) === JSON.stringify(previous[source]);
    if (isEmptyValue(cur) || fromLink) out[target] = structuredClone(v);
  }
  return out;
}
