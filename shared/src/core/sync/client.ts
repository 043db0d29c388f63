/**
 * The client side of sync, for the extension and for tests: an outbox of changes kept in the
 * client's own storage, pushed in order and removed only once the server answered for them
 * (it answers after its commit); then a pull by revision cursor. A record with a change still
 * waiting in the outbox is not overwritten by a pulled version: the push goes first, and when
 * the server had moved on, it keeps both versions as a conflict. So nothing typed is lost when
 * the network drops or the server restarts mid-sync: the next sync resends the same change
 * ids, and the server answers a change it already applied with the same answer.
 */
import type { LvzhiRecord } from '../record-schema.ts';
import {
  pullResponseSchema, pushResponseSchema, SYNC_BATCH,
  type ConflictView, type PushResult, type SyncChange,
} from './protocol.ts';

/** A change as the outbox keeps it: the base revision is taken when it is sent. */
export interface OutboxEntry { changeId: string; record: LvzhiRecord; queuedAt: string }

export interface SyncState {
  cursor: number;
  /** Server revision of each record as this client last saw it. */
  revisions: Record<string, number>;
  conflicts: ConflictView[];
  /**
   * Changes the server refused (a workflow step this account may not take), kept for the user
   * with the version that was pushed: the change leaves the outbox, and the next pull may bring
   * the server's version over the local copy, so this is the one place the typed text remains.
   */
  refused: Array<{ changeId: string; recordId: string; message: string; at: string; record?: LvzhiRecord }>;
  lastSync?: string;
  lastError?: string;
}

export interface SyncOutboxStorage {
  outbox(): Promise<OutboxEntry[]>;
  /** Whether a change of this record waits in the outbox (default: looks through `outbox()`). */
  hasPending?(recordId: string): Promise<boolean>;
  add(entry: OutboxEntry): Promise<void>;
  remove(changeIds: readonly string[]): Promise<void>;
  state(): Promise<SyncState>;
  setState(state: SyncState): Promise<void>;
}

/** Where pulled records go (the local record store, without queueing them again). */
export interface LocalRecords { put(record: LvzhiRecord): Promise<void> }

export class SyncHttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export function emptySyncState(): SyncState {
  return { cursor: 0, revisions: {}, conflicts: [], refused: [] };
}

export interface SyncClientOptions {
  server: string;
  token: string;
  storage: SyncOutboxStorage;
  local: LocalRecords;
  fetch?: typeof fetch;
  now?: () => Date;
  /**
   * Runs `fn` as the only writer of record `id` — the lock the record editor saves under (a Web
   * Lock in the extension). A pulled version is written inside it, after checking once more
   * that no local change of the record is waiting: an edit saved while the pull was on its way
   * is then never overwritten. Default: no lock (one writer, as in tests).
   */
  exclusive?: <T>(id: string, fn: () => Promise<T>) => Promise<T>;
}

export interface SyncReport { pushed: number; applied: number; conflicts: number; refused: number; pulled: number }

export class SyncClient {
  constructor(private readonly o: SyncClientOptions) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const f = this.o.fetch ?? fetch;
    const res = await f(new URL(path, this.o.server).toString(), {
      method,
      headers: { authorization: `Bearer ${this.o.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      credentials: 'omit',
      cache: 'no-store',
    });
    const json = (await res.json().catch(() => ({}))) as { error?: string; errorEn?: string };
    if (!res.ok) throw new SyncHttpError(res.status, json.error ?? `HTTP ${res.status}`);
    return json;
  }

  /** Queues a saved record for the next push. */
  enqueue(record: LvzhiRecord): Promise<void> {
    return enqueueChange(this.o.storage, record, (this.o.now ?? (() => new Date()))());
  }

  /** Pushes the outbox, then pulls. Throws on a network or server failure (the outbox keeps what was not answered). */
  async sync(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, applied: 0, conflicts: 0, refused: 0, pulled: 0 };
    const storage = this.o.storage;
    let state = await storage.state();
    try {
      for (;;) {
        const outbox = await storage.outbox();
        if (outbox.length === 0) break;
        // One change per record per request: a later edit of the same record is based on the
        // revision the earlier one gets.
        const batch: OutboxEntry[] = [];
        const seen = new Set<string>();
        for (const e of outbox) {
          if (batch.length >= SYNC_BATCH) break;
          if (seen.has(e.record.id)) continue;
          seen.add(e.record.id);
          batch.push(e);
        }
        const changes: SyncChange[] = batch.map((e) => ({ changeId: e.changeId, baseRevision: state.revisions[e.record.id] ?? null, record: e.record }));
        const { results } = pushResponseSchema.parse(await this.call('POST', '/api/sync/push', { changes }));
        state = applyResults(state, results, batch, (this.o.now ?? (() => new Date()))());
        await storage.setState(state);
        await storage.remove(results.map((r) => r.changeId));
        report.pushed += results.length;
        for (const r of results) {
          if (r.status === 'applied' || r.status === 'unchanged') report.applied++;
          else if (r.status === 'conflict') report.conflicts++;
          else report.refused++;
        }
      }
      for (;;) {
        const page = pullResponseSchema.parse(await this.call('GET', `/api/sync/pull?since=${state.cursor}`));
        const pending = new Set((await storage.outbox()).map((e) => e.record.id));
        for (const { revision, record } of page.records) {
          if (pending.has(record.id)) continue;
          // The outbox was read before this page's writes: a save may have landed since.
          if (!(await this.putUnlessPending(record))) continue;
          state.revisions[record.id] = revision;
          report.pulled++;
        }
        // A conflict answered for a change of ours leaves the local copy as we wrote it, and the
        // pull may have passed the server's version while our change waited (the cursor moves
        // on): take the server's current version now, so the local copy and its base revision
        // match the server's again (ours stays on the server beside it until someone chooses).
        for (const c of page.conflicts) {
          if (pending.has(c.recordId) || (state.revisions[c.recordId] ?? -1) >= c.serverRevision) continue;
          if (!(await this.putUnlessPending(c.server))) continue;
          state.revisions[c.recordId] = c.serverRevision;
        }
        state = { ...state, cursor: page.cursor, conflicts: page.conflicts };
        await storage.setState(state);
        if (!page.more) break;
      }
      state = { ...state, lastSync: (this.o.now ?? (() => new Date()))().toISOString() };
      delete state.lastError;
      await storage.setState(state);
      return report;
    } catch (e) {
      await storage.setState({ ...(await storage.state()), lastError: (e as Error).message });
      throw e;
    }
  }

  /** Writes a pulled version locally unless a change of the record waits; under the record's lock. */
  private putUnlessPending(record: LvzhiRecord): Promise<boolean> {
    const run = this.o.exclusive ?? (<T>(_id: string, fn: () => Promise<T>) => fn());
    return run(record.id, async () => {
      if (await hasPending(this.o.storage, record.id)) return false;
      await this.o.local.put(record);
      return true;
    });
  }

  /** Keeps one version of a conflicting record, then pulls the outcome. */
  async resolve(conflictId: string, keep: 'server' | 'theirs'): Promise<void> {
    await this.call('POST', `/api/conflicts/${encodeURIComponent(conflictId)}/resolve`, { keep });
    await this.sync();
  }
}

/** Queues a saved record under a fresh change id (the id never changes once queued). */
export async function enqueueChange(storage: SyncOutboxStorage, record: LvzhiRecord, now: Date = new Date()): Promise<void> {
  await storage.add({ changeId: `${now.getTime().toString(36)}-${globalThis.crypto.randomUUID()}`, record, queuedAt: now.toISOString() });
}

async function hasPending(storage: SyncOutboxStorage, recordId: string): Promise<boolean> {
  if (storage.hasPending) return storage.hasPending(recordId);
  return (await storage.outbox()).some((e) => e.record.id === recordId);
}

function applyResults(state: SyncState, results: readonly PushResult[], sent: readonly OutboxEntry[], now: Date): SyncState {
  const revisions = { ...state.revisions };
  const refused = [...state.refused];
  const byChange = new Map(sent.map((e) => [e.changeId, e.record]));
  for (const r of results) {
    if ((r.status === 'applied' || r.status === 'unchanged') && r.revision !== undefined) revisions[r.recordId] = r.revision;
    if (r.status === 'refused') {
      const record = byChange.get(r.changeId);
      refused.push({ changeId: r.changeId, recordId: r.recordId, message: r.errors?.map((e) => e.message).join('；') ?? '', at: now.toISOString(), ...(record ? { record } : {}) });
    }
  }
  return { ...state, revisions, refused: refused.slice(-50) };
}

/** Outbox and state in memory (tests; the extension keeps them in IndexedDB / chrome.storage). */
export class MemorySyncStorage implements SyncOutboxStorage {
  entries: OutboxEntry[] = [];
  st: SyncState = emptySyncState();
  async outbox() { return structuredClone(this.entries); }
  async hasPending(recordId: string) { return this.entries.some((e) => e.record.id === recordId); }
  async add(e: OutboxEntry) { this.entries.push(structuredClone(e)); }
  async remove(ids: readonly string[]) { const s = new Set(ids); this.entries = this.entries.filter((e) => !s.has(e.changeId)); }
  async state() { return structuredClone(this.st); }
  async setState(s: SyncState) { this.st = structuredClone(s); }
}
