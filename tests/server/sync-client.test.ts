/**
 * The extension's sync client (core SyncClient) against the real office server on PGlite:
 * the moments where a clerk's typing could be lost between the local store, the outbox and
 * the server (issue 15: "nothing typed is ever lost").
 * - a save that lands while a pull is on its way (after the outbox was read, before the pulled
 *   version is written) is neither overwritten locally nor pushed later as if it were based on
 *   the pulled version: the server keeps both versions as a conflict;
 * - after a conflict the local copy is the server's current version again (the pull's cursor
 *   had already passed it while our change waited);
 * - a failed push keeps its outbox entry; a refused change keeps the version that was pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, MemorySyncStorage, SyncClient, type LvzhiRecord, type OutboxEntry, type RecordStore } from '@lvzhi/shared';
import type { RunningServer } from '@lvzhi/shared/server';
import { adminClient, Databases, HttpClient, pairedClient, startTestServer, suggestion, userClient } from './harness.ts';

const dbs = new Databases();
let server: RunningServer;
let staff: HttpClient;

beforeAll(async () => {
  server = await startTestServer(dbs, 'pglite');
  const admin = await adminClient(server);
  staff = await userClient(server, admin, { username: 'zhangmin', displayName: '张敏', role: 'staff' });
}, 240_000);
afterAll(async () => { await server?.close(); await dbs.close(); }, 60_000);

/** Runs `hook` once, right after the next outbox read of the pull phase has been answered. */
class RacingStorage extends MemorySyncStorage {
  hook: (() => Promise<void>) | undefined;
  reads = 0;
  override async outbox(): Promise<OutboxEntry[]> {
    const snapshot = await super.outbox();
    this.reads++;
    const h = this.hook;
    if (h && this.reads >= 2) { this.hook = undefined; await h(); }
    return snapshot;
  }
}

/** One browser: its record store, its outbox, its sync client (what extension/src/lib/sync.ts wires). */
async function browser(label: string, storage = new MemorySyncStorage()) {
  const token = (await pairedClient(server, staff, label)).token!;
  const store: RecordStore = createMemoryStore();
  const client = new SyncClient({ server: server.url, token, storage, local: { put: (r) => store.put(r) } });
  /** What the editor does on a save: the store, then the outbox. */
  const save = async (r: LvzhiRecord) => { await store.put(r); await client.enqueue(r); };
  return { store, storage, client, save };
}

const withContent = (r: LvzhiRecord, content: string): LvzhiRecord => ({ ...r, values: { ...r.values, content }, updatedAt: new Date().toISOString() });

describe('sync client against the office server', () => {
  it('keeps an edit saved while a pull is on its way, and the server keeps both versions', async () => {
    const racing = new RacingStorage();
    const a = await browser('甲的电脑', racing);
    const b = await browser('乙的电脑');
    const rec = suggestion({ content: '原来的内容。' });
    await a.save(rec);
    await a.client.sync();
    await b.client.sync();
    const pulledByB = (await b.store.get(rec.id))!;
    await b.save(withContent(pulledByB, '乙：改在村委会门口。'));
    await b.client.sync();

    // A syncs; its clerk saves an edit (based on the version A had) just after the pull read the outbox
    const mine = withContent((await a.store.get(rec.id))!, '甲：建议同时增设候车亭。');
    racing.reads = 0;
    racing.hook = () => a.save(mine);
    await a.client.sync();
    expect(racing.hook).toBeUndefined(); // the save did land inside the round
    expect((await a.store.get(rec.id))!.values['content']).toBe('甲：建议同时增设候车亭。');
    expect((await a.storage.outbox()).map((e) => e.record.values['content'])).toEqual(['甲：建议同时增设候车亭。']);

    // the next round pushes it on the base it was made from: a conflict, not a silent overwrite of 乙's version
    const report = await a.client.sync();
    expect(report.conflicts).toBe(1);
    const cur = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(cur.json.record.values['content']).toBe('乙：改在村委会门口。');
    const state = await a.storage.state();
    expect(state.conflicts.filter((c) => c.recordId === rec.id).map((c) => c.theirs.values['content'])).toEqual(['甲：建议同时增设候车亭。']);
    // and A's local copy is the server's current version again, on its revision
    expect((await a.store.get(rec.id))!.values['content']).toBe('乙：改在村委会门口。');
    const stored = await staff.get<{ revision: number }>(`/api/records/${rec.id}`);
    expect(state.revisions[rec.id]).toBe(stored.json.revision);
  }, 60_000);

  it('keeps the outbox when the server cannot be reached, and pushes it once it can', async () => {
    const a = await browser('甲的电脑');
    const rec = suggestion({ content: '断网时登记的建议。' });
    await a.save(rec);
    const offline = new SyncClient({
      server: 'http://127.0.0.1:9', token: 'x', storage: a.storage, local: { put: (r) => a.store.put(r) },
    });
    await expect(offline.sync()).rejects.toThrow();
    expect((await a.storage.outbox()).map((e) => e.record.id)).toEqual([rec.id]);
    expect((await a.storage.state()).lastError).toBeTruthy();
    await a.client.sync();
    expect(await a.storage.outbox()).toEqual([]);
    const cur = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(cur.json.record.values['content']).toBe('断网时登记的建议。');
  }, 60_000);

  it('keeps the pushed version of a refused change for the clerk', async () => {
    const a = await browser('甲的电脑');
    const rec = suggestion({ content: '原来的内容。' });
    await a.save(rec);
    await a.client.sync();
    expect((await staff.post(`/api/records/${rec.id}/step`, { transition: 'classify' })).status).toBe(200);
    await a.client.sync();
    // an edit that drops the workflow (as from a stale copy) is refused by the server
    const { workflow: _w, ...noWorkflow } = (await a.store.get(rec.id))!;
    void _w;
    await a.save(withContent(noWorkflow as LvzhiRecord, '甲：这段话不能丢。'));
    const report = await a.client.sync();
    expect(report.refused).toBe(1);
    const refused = (await a.storage.state()).refused.filter((r) => r.recordId === rec.id);
    expect(refused.map((r) => r.message)).toEqual(['不能删除记录的办理流程']);
    expect(refused[0]!.record?.values['content']).toBe('甲：这段话不能丢。');
  }, 60_000);
});
