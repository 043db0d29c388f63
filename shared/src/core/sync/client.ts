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
  /** Changes the server refused (a workflow step this account may not take), kept for the user. */
  refused: Array<{ changeId: string; recordId: string; message: string; at: string }>;
  lastSync?: string;
  lastError?: string;
}

export interface SyncOutboxStorage {
  outbox(): Promise<OutboxEntry[]>;
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
        state = applyResults(state, results, (this.o.now ?? (() => new Date()))());
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
          await this.o.local.put(record);
          state.revisions[record.id] = revision;
          report.pulled++;
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

function applyResults(state: SyncState, results: readonly PushResult[], now: Date): SyncState {
  const revisions = { ...state.revisions };
  const refused = [...state.refused];
  for (const r of results) {
    if ((r.status === 'applied' || r.status === 'unchanged') && r.revision !== undefined) revisions[r.recordId] = r.revision;
    if (r.status === 'refused') refused.push({ changeId: r.changeId, recordId: r.recordId, message: r.errors?.map((e) => e.message).join('；') ?? '', at: now.toISOString() });
  }
  return { ...state, revisions, refused: refused.slice(-50) };
}

/** Outbox and state in memory (tests; the extension keeps them in IndexedDB / chrome.storage). */
export class MemorySyncStorage implements SyncOutboxStorage {
  entries: OutboxEntry[] = [];
  st: SyncState = emptySyncState();
  async outbox() { return structuredClone(this.entries); }
  async add(e: OutboxEntry) { this.entries.push(structuredClone(e)); }
  async remove(ids: readonly string[]) { const s = new Set(ids); this.entries = this.entries.filter((e) => !s.has(e.changeId)); }
  async state() { return structuredClone(this.st); }
  async setState(s: SyncState) { this.st = structuredClone(s); }
}
