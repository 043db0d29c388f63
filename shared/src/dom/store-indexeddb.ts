/**
 * The record store on IndexedDB (through `idb`, a small, maintained promise wrapper that keeps
 * IndexedDB's own transactions visible). Two object stores: `records` (raw entries keyed by
 * record id, parsed with zod on read by `createRecordStore`) and `quarantine` (entries that did
 * not parse, kept for repair). A quarantine move is one transaction over both stores.
 *
 * `flushOnPageHide` writes a pending draft when the page is hidden, frozen or unloaded, so that
 * closing the tab or reloading in the middle of typing loses nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { createRecordStore, type QuarantinedEntry, type RawBackend, type RecordStore, type StoreOptions } from '../core/store/store.ts';
import type { DraftSaver } from '../core/store/drafts.ts';

interface LvzhiDb extends DBSchema {
  records: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantinedEntry };
}

export const IDB_VERSION = 1;

export class IndexedDbBackend implements RawBackend {
  private constructor(private readonly db: IDBPDatabase<LvzhiDb>) {}

  static async open(name = 'lvzhi-records'): Promise<IndexedDbBackend> {
    const db = await openDB<LvzhiDb>(name, IDB_VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('records')) db.createObjectStore('records');
        if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { autoIncrement: true });
      },
    });
    return new IndexedDbBackend(db);
  }

  async getAll(): Promise<Array<{ key: string; value: unknown }>> {
    const tx = this.db.transaction('records');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    return keys.map((key, i) => ({ key: String(key), value: values[i] }));
  }

  get(key: string): Promise<unknown> { return this.db.get('records', key); }

  async put(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('records', 'readwrite', { durability: 'strict' });
    await tx.store.put(value, key);
    tx.commit();
    await tx.done;
  }

  async delete(key: string): Promise<void> { await this.db.delete('records', key); }

  async quarantine(entry: QuarantinedEntry): Promise<void> {
    const tx = this.db.transaction(['records', 'quarantine'], 'readwrite');
    let raw: unknown = entry.raw;
    try { structuredClone(raw); } catch { raw = String(raw); }
    await tx.objectStore('quarantine').add({ ...entry, raw });
    await tx.objectStore('records').delete(entry.key);
    await tx.done;
  }

  quarantined(): Promise<QuarantinedEntry[]> { return this.db.getAll('quarantine'); }

  close(): void { this.db.close(); }
}

/** The record store of this browser profile (IndexedDB database `name`). */
export async function openIndexedDbStore(name = 'lvzhi-records', options: StoreOptions = {}): Promise<RecordStore> {
  return createRecordStore(await IndexedDbBackend.open(name), options);
}

/** Flushes the saver when the page is hidden, frozen or unloaded; returns a function that stops it. */
export function flushOnPageHide(saver: DraftSaver, target: Window = window): () => void {
  const flush = () => { void saver.flush(); };
  const onVisibility = () => { if (target.document.visibilityState === 'hidden') flush(); };
  target.addEventListener('pagehide', flush);
  target.addEventListener('beforeunload', flush);
  target.addEventListener('freeze', flush);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', flush);
    target.removeEventListener('beforeunload', flush);
    target.removeEventListener('freeze', flush);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
