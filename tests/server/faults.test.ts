/**
 * Faults, on PGlite and on PostgreSQL, with the server as a real child process:
 * - `kill -9` during a burst of writes: every write the server acknowledged is there after the
 *   restart, and resending the unanswered ones (same change ids) stores each exactly once;
 * - the network cut mid-sync (the server stopped while a client pushes): the sync client
 *   keeps its outbox, retries after the restart, and the server ends with every record once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MemorySyncStorage, SyncClient, type LvzhiRecord } from '@lvzhi/shared';
import { BACKENDS, changeId, Databases, HttpClient, spawnServer, suggestion, type Backend } from './harness.ts';

const dbs = new Databases();
afterAll(() => dbs.close(), 60_000);

async function pair(url: string): Promise<string> {
  const admin = new HttpClient(url);
  const l = await admin.login('admin', 'admin-password-1');
  if (l.status !== 200) throw new Error(l.text);
  const code = (await admin.post<{ code: string }>('/api/pairing-code')).json.code;
  return (await new HttpClient(url).post<{ token: string }>('/api/pair', { code, label: 'fault test' })).json.token;
}

async function pullAll(url: string, token: string): Promise<Map<string, { record: LvzhiRecord; revision: number }>> {
  const out = new Map<string, { record: LvzhiRecord; revision: number }>();
  const c = new HttpClient(url);
  c.token = token;
  let since = 0;
  for (;;) {
    const r = await c.get<{ records: Array<{ record: LvzhiRecord; revision: number }>; cursor: number; more: boolean }>(`/api/sync/pull?since=${since}`);
    for (const x of r.json.records) out.set(x.record.id, x);
    since = r.json.cursor;
    if (!r.json.more) return out;
  }
}

describe.each(BACKENDS)('faults on %s', (backend: Backend) => {
  it('keeps every acknowledged write through kill -9, and a resend stores nothing twice', async () => {
    const db = await dbs.options(backend);
    let server = await spawnServer(db);
    try {
      const token = await pair(server.url);
      const changes = Array.from({ length: 40 }, (_, i) => ({ changeId: changeId(), baseRevision: null, record: suggestion({ title: `第${i + 1}条建议` }) }));
      const acked = new Map<string, number>();
      let answered = 0;
      const killAfter = 15;
      let killing: Promise<void> | undefined;
      // 6 writers in parallel, one change per request; kill -9 once 15 were answered.
      const queue = [...changes];
      await Promise.all(Array.from({ length: 6 }, async () => {
        for (let ch = queue.shift(); ch; ch = queue.shift()) {
          try {
            const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ changes: [ch] }) });
            const json = (await res.json()) as { results: Array<{ status: string; revision: number }> };
            if (res.status === 200 && json.results[0]!.status === 'applied') acked.set(ch.record.id, json.results[0]!.revision);
            answered++;
            if (answered === killAfter) killing = server.kill('SIGKILL');
          } catch {
            // connection refused or reset: not acknowledged
          }
        }
      }));
      await killing;
      expect(acked.size).toBeGreaterThanOrEqual(killAfter);
      expect(acked.size).toBeLessThan(changes.length);

      server = await spawnServer(db);
      const stored = await pullAll(server.url, token);
      for (const [id, revision] of acked) {
        expect(stored.get(id)?.revision, `acknowledged record ${id}`).toBe(revision);
      }
      // resend everything with the same change ids: each record once, the acknowledged ones unchanged
      const c = new HttpClient(server.url);
      c.token = token;
      for (let i = 0; i < changes.length; i += 20) {
        const r = await c.post<{ results: Array<{ recordId: string; status: string; revision: number }> }>('/api/sync/push', { changes: changes.slice(i, i + 20) });
        expect(r.status).toBe(200);
        for (const x of r.json.results) {
          expect(['applied', 'unchanged']).toContain(x.status);
          if (acked.has(x.recordId)) expect(x.revision).toBe(acked.get(x.recordId));
        }
      }
      const after = await pullAll(server.url, token);
      for (const ch of changes) expect(after.get(ch.record.id)?.record.values['title']).toBe(ch.record.values['title']);
      expect(after.size).toBe(changes.length);
    } finally {
      await server.kill('SIGTERM');
    }
  }, 300_000);

  it('survives the network cut mid-sync: the client retries, no duplicate, no loss', async () => {
    const db = await dbs.options(backend);
    let server = await spawnServer(db);
    try {
      const token = await pair(server.url);
      const storage = new MemorySyncStorage();
      const local = new Map<string, LvzhiRecord>();
      let cut = false;
      // The server dies 100 ms into the first push: part of the batch committed, no answer came back.
      const cutting: typeof fetch = (input, init) => {
        if (!cut && String(input).endsWith('/api/sync/push')) { cut = true; setTimeout(() => void server.kill('SIGKILL'), 100); }
        return fetch(input, init);
      };
      const client = () => new SyncClient({ server: server.url, token, storage, fetch: cutting, local: { put: async (r) => { local.set(r.id, r); } } });
      for (let i = 0; i < 60; i++) await client().enqueue(suggestion({ title: `离线登记第${i + 1}条` }));
      await expect(client().sync()).rejects.toThrow();
      const left = (await storage.outbox()).length;
      expect(left).toBeGreaterThan(0); // what was not answered is still queued
      server = await spawnServer(db);
      const report = await client().sync();
      expect(report.conflicts).toBe(0);
      expect(report.refused).toBe(0);
      expect(await storage.outbox()).toEqual([]);
      const stored = await pullAll(server.url, token);
      expect(stored.size).toBe(60);
      // each record stored once: 60 records took revisions 1…60, none twice
      expect(Math.max(...[...stored.values()].map((x) => x.revision))).toBe(60);
      expect(new Set([...stored.values()].map((x) => x.record.values['title'])).size).toBe(60);
      expect(local.size).toBe(60);
    } finally {
      await server.kill('SIGTERM');
    }
  }, 300_000);
});
