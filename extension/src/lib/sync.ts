/**
 * Syncing this browser's records with the office server (shared/src/server), offline first.
 * The rules are the core's SyncClient (shared/src/core/sync): an outbox removed only once the
 * server answered, pulls that never overwrite an edit still waiting, conflicts kept on the
 * server with both versions. Here: where things are kept in the extension —
 * - the outbox in IndexedDB `lvzhi-sync` (one transaction per change, so the panel and the
 *   background writing at once cannot lose one);
 * - the server URL and the extension token in chrome.storage.local `lvzhi.sync.config`;
 * - the cursor, revisions and conflicts in chrome.storage.local `lvzhi.sync.state`.
 * `withSyncOutbox(store)` is the one hook into the record store: every saved record is queued.
 * A pulled version is written under the record's Web Lock (`recordLock`, the one the editor
 * saves under), after checking the outbox again inside it: an edit saved while a pull was on
 * its way stays, and is pushed on the revision it was made from. One sync round at a time per
 * profile (a Web Lock too): two rounds at once wrote their states over each other.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  emptySyncState, enqueueChange, SyncClient,
  type LvzhiRecord, type OutboxEntry, type RecordStore, type SyncOutboxStorage, type SyncReport, type SyncState,
} from '@lvzhi/shared';

export const SYNC_CONFIG_KEY = 'lvzhi.sync.config';
export const SYNC_STATE_KEY = 'lvzhi.sync.state';

export interface SyncConfig { server: string; token: string; account: { displayName: string; role: string } }

const locks = (): LockManager | undefined => (globalThis.navigator as Navigator | undefined)?.locks;

/** One writer per record at a time, across every panel and page of the extension. */
export function recordLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const l = locks();
  return l ? (l.request(`lvzhi.record:${id}`, { mode: 'exclusive' }, fn) as Promise<T>) : fn();
}

let db: Promise<IDBPDatabase> | undefined;
function outboxDb(): Promise<IDBPDatabase> {
  // version 2: an index by record id, so the pull asks "does this record wait?" per record cheaply
  db ??= openDB('lvzhi-sync', 2, {
    upgrade(d, oldVersion, _newVersion, tx) {
      const store = oldVersion < 1 ? d.createObjectStore('outbox', { keyPath: 'changeId' }) : tx.objectStore('outbox');
      if (!store.indexNames.contains('recordId')) store.createIndex('recordId', 'record.id');
    },
  });
  return db;
}

export const syncStorage: SyncOutboxStorage = {
  async outbox() {
    const all = (await (await outboxDb()).getAll('outbox')) as OutboxEntry[];
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.changeId.localeCompare(b.changeId));
  },
  async hasPending(recordId) { return (await (await outboxDb()).countFromIndex('outbox', 'recordId', recordId)) > 0; },
  async add(entry) { await (await outboxDb()).put('outbox', entry); },
  async remove(ids) {
    const tx = (await outboxDb()).transaction('outbox', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  },
  async state() {
    const raw = (await chrome.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState | undefined;
    return raw ?? emptySyncState();
  },
  async setState(state) { await chrome.storage.local.set({ [SYNC_STATE_KEY]: state }); },
};

export async function syncConfig(): Promise<SyncConfig | undefined> {
  return (await chrome.storage.local.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY] as SyncConfig | undefined;
}

/** Exchanges the one-time code shown on the server's page for this browser's token. */
export async function pairWithServer(server: string, code: string, label = '浏览器扩展'): Promise<SyncConfig> {
  const base = new URL(server).origin;
  const res = await fetch(`${base}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.trim(), label }), credentials: 'omit' });
  const json = (await res.json().catch(() => ({}))) as { token?: string; account?: SyncConfig['account']; error?: string };
  if (!res.ok || !json.token || !json.account) throw new Error(json.error ?? `HTTP ${res.status}`);
  const config: SyncConfig = { server: base, token: json.token, account: { displayName: json.account.displayName, role: json.account.role } };
  await chrome.storage.local.set({ [SYNC_CONFIG_KEY]: config, [SYNC_STATE_KEY]: emptySyncState() });
  return config;
}

export async function unpair(): Promise<void> {
  await chrome.storage.local.remove([SYNC_CONFIG_KEY, SYNC_STATE_KEY]);
}

async function client(rawStore: RecordStore): Promise<SyncClient | undefined> {
  const config = await syncConfig();
  return config ? new SyncClient({ server: config.server, token: config.token, storage: syncStorage, local: { put: (r) => rawStore.put(r) }, exclusive: recordLock }) : undefined;
}

let raw: RecordStore | undefined;

/** The record store with every saved record queued for the server (when paired). */
export function withSyncOutbox(store: RecordStore): RecordStore {
  raw = store;
  const queue = async (r: LvzhiRecord | undefined) => {
    if (r && (await syncConfig())) await enqueueChange(syncStorage, r);
    return r;
  };
  return {
    ...store,
    async put(record) { await store.put(record); await queue(record); },
    trash: async (id, now) => queue(await store.trash(id, now)),
    restore: async (id, now) => queue(await store.restore(id, now)),
  };
}

/** One sync round at a time in this profile (panels, options page, background). */
function oneRound<T>(fn: () => Promise<T>): Promise<T> {
  const l = locks();
  return l ? (l.request('lvzhi.sync-round', { mode: 'exclusive' }, fn) as Promise<T>) : fn();
}

/** Pushes the outbox and pulls; undefined when not paired. */
export async function syncNow(): Promise<SyncReport | undefined> {
  const store = raw;
  if (!store) throw new Error('record store not open');
  return oneRound(async () => (await client(store))?.sync());
}

export async function resolveConflict(conflictId: string, keep: 'server' | 'theirs'): Promise<void> {
  const store = raw;
  if (!store) throw new Error('record store not open');
  await oneRound(async () => (await client(store))?.resolve(conflictId, keep));
}
