/**
 * A write-ahead journal for drafts. The debounced store write (`DraftSaver`) leaves a pause in
 * which typing exists only in memory; a crash of the page (renderer killed, out of memory) in that
 * pause would lose it. The journal closes the gap: on every change it writes, synchronously, what
 * differs from the version the store holds, to a small synchronous key-value storage
 * (`localStorage` in the browser — see `openDraftJournal` in @lvzhi/shared/dom; a Map in tests).
 * When the store has committed a save, the journal entry is cleared (or rewritten with what is
 * still newer). When the record opens again, `recover` merges what the journal holds into the
 * stored record.
 *
 * One key per open draft: `lvzhi:journal:<record id>`. An entry holds the record's metadata
 * (everything but its values), the values set and the values removed since the stored version.
 * Only changed values are written, so a keystroke writes the field being typed, not the record's
 * photos and signatures.
 *
 * Entries are parsed with zod on read; a corrupt entry is reported, set aside under
 * `lvzhi:journal-corrupt:<id>` and ignored — it never blocks opening the record.
 *
 * No DOM here: the storage is passed in.
 */
import * as z from 'zod';
import { recordSchema, type LvzhiRecord } from '../record-schema.ts';

/** The part of the Web Storage API the journal uses (window.localStorage fits). */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface JournalProblem {
  id: string;
  /** corrupt: the entry did not parse; stale: the store holds a newer version; write-failed: storage refused (quota). */
  kind: 'corrupt' | 'stale' | 'write-failed';
  /** In English, never the values themselves. */
  reason: string;
}

export interface DraftJournalOptions {
  /** Key prefix; default `lvzhi:journal:`. */
  prefix?: string;
  /**
   * This panel's instance id: entries are kept under `<prefix><instance>:<record id>`, so two
   * panels open on one record never write over each other's journal (issue 13 part 10).
   */
  instance?: string;
  /**
   * Whether another instance is gone (crashed or closed): only its entries are recovered by this
   * one; a live panel's journal is its own. Default: every other instance counts as gone.
   */
  isOrphan?: (instance: string) => boolean;
  onProblem?: (problem: JournalProblem) => void;
}

/** What `DraftSaver` needs from a journal. */
export interface DraftJournalLike {
  write(record: LvzhiRecord): void;
  committed(record: LvzhiRecord): void;
}

export const journalEntrySchema = z.strictObject({
  v: z.literal(1),
  id: z.string().min(1),
  /** updatedAt of the record when this entry was written. */
  at: z.string().min(1),
  /** updatedAt of the stored version the changes apply to; null when the store had none. */
  base: z.string().nullable(),
  /** The record without its values. */
  meta: z.record(z.string(), z.unknown()),
  set: z.record(z.string(), z.unknown()),
  unset: z.array(z.string()),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

interface Base { values: Readonly<Record<string, unknown>>; updatedAt: string | null }

const NO_BASE: Base = { values: {}, updatedAt: null };

export interface Recovered {
  /** The stored record with the journal merged in (undefined: neither had it). */
  record: LvzhiRecord | undefined;
  /** Field ids whose values came from the journal (empty: nothing to recover). */
  recovered: string[];
}

export class DraftJournal implements DraftJournalLike {
  readonly prefix: string;
  private readonly bases = new Map<string, Base>();
  private readonly latest = new Map<string, LvzhiRecord>();

  /** `storage` undefined (storage disabled): the journal does nothing. */
  constructor(private readonly storage: SyncStorage | undefined, private readonly options: DraftJournalOptions = {}) {
    this.prefix = options.prefix ?? 'lvzhi:journal:';
  }

  private keyOf(id: string): string { return this.options.instance ? `${this.prefix}${this.options.instance}:${id}` : this.prefix + id; }

  /**
   * With an instance id: the newest entry for `id` left by instances that are gone (and by the
   * journal before instance ids) becomes this instance's own; the others are removed.
   */
  private adoptOrphans(id: string): void {
    const own = this.options.instance;
    if (!own || !this.storage) return;
    let found: { key: string; raw: string; at: string }[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const k = this.storage.key(i);
        if (!k?.startsWith(this.prefix) || k === this.keyOf(id)) continue;
        const rest = k.slice(this.prefix.length);
        const other = rest === id ? '' : rest.endsWith(`:${id}`) ? rest.slice(0, -id.length - 1) : undefined;
        if (other === undefined || other.includes(':')) continue;
        if (other !== '' && !(this.options.isOrphan ?? (() => true))(other)) continue;
        const raw = this.storage.getItem(k);
        if (raw === null) continue;
        let at = '';
        try { at = String((JSON.parse(raw) as { at?: unknown }).at ?? ''); } catch { /* corrupt: read() sets it aside */ }
        found.push({ key: k, raw, at });
      }
      if (found.length === 0 || this.storage.getItem(this.keyOf(id)) !== null) return;
      found = found.sort((a, b) => b.at.localeCompare(a.at));
      this.storage.setItem(this.keyOf(id), found[0]!.raw);
      for (const f of found) this.storage.removeItem(f.key);
    } catch (e) {
      this.options.onProblem?.({ id, kind: 'write-failed', reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }

  /** The store holds `record` now (just loaded or just saved): changes are journaled against it. */
  committed(record: LvzhiRecord): void {
    this.bases.set(record.id, { values: record.values, updatedAt: record.updatedAt });
    const latest = this.latest.get(record.id);
    if (!latest || latest === record) {
      this.latest.delete(record.id);
      this.remove(record.id);
    } else {
      this.write(latest);
    }
  }

  /** Journals `record` synchronously: what differs from the stored version. */
  write(record: LvzhiRecord): void {
    if (!this.storage) return;
    this.latest.set(record.id, record);
    const base = this.bases.get(record.id) ?? NO_BASE;
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    let changes = 0;
    for (const k in record.values) {
      if (record.values[k] !== base.values[k]) { set[k] = record.values[k]; changes++; }
    }
    for (const k in base.values) if (!(k in record.values)) { unset.push(k); changes++; }
    const { values: _values, ...meta } = record;
    if (changes === 0 && base.updatedAt !== null) { this.remove(record.id); return; }
    const entry: JournalEntry = { v: 1, id: record.id, at: record.updatedAt, base: base.updatedAt, meta, set, unset };
    try {
      this.storage.setItem(this.keyOf(record.id), JSON.stringify(entry));
    } catch (e) {
      this.options.onProblem?.({ id: record.id, kind: 'write-failed', reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }

  /** Parses the entry of `id`; undefined when there is none or it is corrupt (reported, set aside). */
  read(id: string): JournalEntry | undefined {
    if (!this.storage) return undefined;
    let raw: string | null;
    try { raw = this.storage.getItem(this.keyOf(id)); } catch { return undefined; }
    if (raw === null) return undefined;
    let reason: string;
    try {
      const r = journalEntrySchema.safeParse(JSON.parse(raw));
      if (r.success && r.data.id === id) return r.data;
      reason = r.success ? `stored under "${id}" but its id is "${r.data.id}"` : r.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (e) {
      reason = `not JSON (${e instanceof Error ? e.message : String(e)})`;
    }
    this.setAside(id, raw, reason);
    return undefined;
  }

  /**
   * The record to open: `stored` (what the store returned) with the journal's newer values merged
   * in. Call it when a record opens, before editing; it also makes `stored` the base of later
   * changes. Never throws: a corrupt or stale entry is reported and ignored.
   */
  recover(id: string, stored: LvzhiRecord | undefined): Recovered {
    if (stored) this.bases.set(id, { values: stored.values, updatedAt: stored.updatedAt }); else this.bases.delete(id);
    this.latest.delete(id);
    this.adoptOrphans(id);
    const entry = this.read(id);
    if (!entry) return { record: stored, recovered: [] };
    if (stored ? stored.updatedAt > entry.at : entry.base !== null) {
      this.options.onProblem?.({ id, kind: 'stale', reason: stored ? `the store holds a newer version (${stored.updatedAt} > ${entry.at})` : 'the record is no longer in the store' });
      this.remove(id);
      return { record: stored, recovered: [] };
    }
    const values: Record<string, unknown> = { ...(stored?.values ?? {}) };
    for (const k of entry.unset) delete values[k];
    Object.assign(values, entry.set);
    const merged = recordSchema.safeParse({ ...(stored ?? {}), ...entry.meta, id, values, updatedAt: entry.at });
    if (!merged.success) {
      const raw = this.storage?.getItem(this.keyOf(id)) ?? '';
      this.setAside(id, raw, `merged record is not valid: ${merged.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`);
      return { record: stored, recovered: [] };
    }
    const before = stored?.values ?? {};
    const recovered = [...new Set([...Object.keys(entry.set), ...entry.unset])]
      .filter((k) => (k in before) !== (k in values) || JSON.stringify(before[k]) !== JSON.stringify(values[k]));
    this.latest.set(id, merged.data);
    return { record: merged.data, recovered };
  }

  /** Record ids that have a journal entry (drafts that may hold unsaved typing). */
  pending(): string[] {
    if (!this.storage) return [];
    const out: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(this.prefix)) { const rest = k.slice(this.prefix.length); out.push(rest.includes(':') ? rest.slice(rest.indexOf(':') + 1) : rest); }
    }
    return out;
  }

  /** Forgets the entry of `id` (the record was deleted or its changes discarded). */
  discard(id: string): void {
    this.latest.delete(id);
    this.remove(id);
  }

  private remove(id: string): void {
    try { this.storage?.removeItem(this.keyOf(id)); } catch { /* storage gone: nothing to clear */ }
  }

  private setAside(id: string, raw: string, reason: string): void {
    this.options.onProblem?.({ id, kind: 'corrupt', reason });
    try {
      this.storage?.removeItem(this.keyOf(id));
      this.storage?.setItem(`${this.prefix.replace(/:$/, '')}-corrupt:${id}`, raw);
    } catch { /* no room to keep it aside: it is dropped, the record still opens */ }
  }
}

/** A Map-backed SyncStorage (tests, Node). */
export class MemoryStorage implements SyncStorage {
  readonly map = new Map<string, string>();
  get length(): number { return this.map.size; }
  key(index: number): string | null { return [...this.map.keys()][index] ?? null; }
  getItem(key: string): string | null { return this.map.get(key) ?? null; }
  setItem(key: string, value: string): void { this.map.set(key, String(value)); }
  removeItem(key: string): void { this.map.delete(key); }
}
