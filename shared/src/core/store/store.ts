/**
 * Record storage behind a small interface. A backend stores raw entries (whatever JSON was
 * written); the store parses each with zod when it reads it. An entry that does not parse — a
 * half-written value, a hand edit, an old bug — is moved to the quarantine with the reason and
 * reported, and the other records still load. Trash rules (30 days) live here too, so every
 * backend behaves alike.
 */
import { recordSchema, type LvzhiRecord } from '../record-schema.ts';
import { isoInChina } from '../dates.ts';
import { remoteImageProblems } from '../record-images.ts';
import { isPurgeDue, restoreRecord, trashRecord } from '../form/record-list.ts';

/** A stored entry that could not be read as a record. */
export interface QuarantinedEntry {
  key: string;
  /** The raw stored value, kept for repair. */
  raw: unknown;
  /** Why it was refused (zod's first problems, in English; never the values themselves). */
  reason: string;
  at: string;
}

/** Raw key-value storage: IndexedDB in the browser, a Map in tests. */
export interface RawBackend {
  getAll(): Promise<Array<{ key: string; value: unknown }>>;
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Moves an entry to the quarantine (atomically where the backend can). */
  quarantine(entry: QuarantinedEntry): Promise<void>;
  quarantined(): Promise<QuarantinedEntry[]>;
  close?(): void;
}

export interface LoadResult {
  records: LvzhiRecord[];
  /** Entries found corrupt by this load (already moved to the quarantine). */
  corrupt: QuarantinedEntry[];
}

export interface RecordStore {
  get(id: string): Promise<LvzhiRecord | undefined>;
  /** Saves (parses first: an invalid record is refused with an error, never stored). */
  put(record: LvzhiRecord): Promise<void>;
  /** All records, trash included; corrupt entries quarantined and reported. */
  list(): Promise<LoadResult>;
  /** Moves to the trash. */
  trash(id: string, now?: Date): Promise<LvzhiRecord | undefined>;
  /** Restores from the trash (throws after 30 days). */
  restore(id: string, now?: Date): Promise<LvzhiRecord | undefined>;
  /** Deletes for good the records that have been in the trash 30 days; returns their ids. */
  purgeTrash(now?: Date): Promise<string[]>;
  /** Deletes for good at once. */
  remove(id: string): Promise<void>;
  quarantined(): Promise<QuarantinedEntry[]>;
  close(): void;
}

export interface StoreOptions {
  /** Told about every corrupt entry found (e.g. to show a notice). */
  onCorrupt?: (entry: QuarantinedEntry) => void;
}

function reasonOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

export function createRecordStore(backend: RawBackend, options: StoreOptions = {}): RecordStore {
  const check = async (key: string, raw: unknown): Promise<{ record?: LvzhiRecord; corrupt?: QuarantinedEntry }> => {
    if (raw === undefined) return {};
    const r = recordSchema.safeParse(raw);
    if (r.success && r.data.id === key) return { record: r.data };
    const entry: QuarantinedEntry = { key, raw, reason: r.success ? `stored under "${key}" but its id is "${r.data.id}"` : reasonOf(r.error), at: isoInChina() };
    await backend.quarantine(entry);
    options.onCorrupt?.(entry);
    return { corrupt: entry };
  };
  const store: RecordStore = {
    async get(id) { return (await check(id, await backend.get(id))).record; },
    async put(record) {
      const r = recordSchema.safeParse(record);
      if (!r.success) throw new Error(`record ${record.id} is not valid: ${reasonOf(r.error)}`);
      const remote = remoteImageProblems(r.data);
      if (remote.length > 0) throw new Error(`${remote[0]!.message} / record ${record.id}: ${remote[0]!.messageEn}`);
      await backend.put(record.id, r.data);
    },
    async list() {
      const records: LvzhiRecord[] = [];
      const corrupt: QuarantinedEntry[] = [];
      for (const { key, value } of await backend.getAll()) {
        const r = await check(key, value);
        if (r.record) records.push(r.record);
        if (r.corrupt) corrupt.push(r.corrupt);
      }
      return { records, corrupt };
    },
    async trash(id, now) {
      const r = await store.get(id);
      if (!r) return undefined;
      const t = trashRecord(r, now);
      await store.put(t);
      return t;
    },
    async restore(id, now) {
      const r = await store.get(id);
      if (!r) return undefined;
      const t = restoreRecord(r, now);
      await store.put(t);
      return t;
    },
    async purgeTrash(now = new Date()) {
      const { records } = await store.list();
      const due = records.filter((r) => isPurgeDue(r, now)).map((r) => r.id);
      for (const id of due) await backend.delete(id);
      return due;
    },
    async remove(id) { await backend.delete(id); },
    quarantined: () => backend.quarantined(),
    close() { backend.close?.(); },
  };
  return store;
}

/** In-memory backend (tests, previews). Values are cloned in and out, as IndexedDB would. */
export class MemoryBackend implements RawBackend {
  readonly entries = new Map<string, unknown>();
  readonly quarantine_ = new Map<string, QuarantinedEntry>();
  async getAll() { return [...this.entries].map(([key, value]) => ({ key, value: structuredClone(value) })); }
  async get(key: string) { const v = this.entries.get(key); return v === undefined ? undefined : structuredClone(v); }
  async put(key: string, value: unknown) { this.entries.set(key, structuredClone(value)); }
  async delete(key: string) { this.entries.delete(key); }
  async quarantine(entry: QuarantinedEntry) {
    this.quarantine_.set(`${entry.key}@${entry.at}`, structuredClone(entry));
    this.entries.delete(entry.key);
  }
  async quarantined() { return [...this.quarantine_.values()].map((e) => structuredClone(e)); }
}

export function createMemoryStore(options: StoreOptions = {}): RecordStore & { backend: MemoryBackend } {
  const backend = new MemoryBackend();
  return Object.assign(createRecordStore(backend, options), { backend });
}
