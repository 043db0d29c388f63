/**
 * The office server under load, PostgreSQL (a throwaway Debian PostgreSQL 15 cluster) beside
 * PGlite.
 * - `server: 50 clients syncing 10,000 records`: setup has 50 paired extensions push 10,000
 *   records (200 each, batches of 50) into each database and prints throughput and p95 push
 *   latency for both; a timed run is one office-wide sync round on PostgreSQL — every client
 *   edits one record, pushes it and pulls what the others did since its last sync, all 50 at
 *   once, from the steady state where each has pulled the office's records. Baseline: the
 *   same round on PGlite.
 * - `server: year-end figures over 100,000 records`: `GET /api/stats?period=2024` on
 *   PostgreSQL over 100,000 stored records (the year fixture repeated). Goal under 1 s.
 *   Baseline: the core's computeStats over the same records already in memory.
 *   Beside it, `server: year-end figures over 100,000 records (PGlite)`: the same request on the
 *   embedded database `npx lvzhi serve` uses by default, over the same records.
 */
import { computeStats, statsDefinitions, yearPeriod, type LvzhiRecord } from '@lvzhi/shared';
import type { RunningServer } from '@lvzhi/shared/server';
import { defineBench } from './harness.ts';
import { builtIn } from '../fixtures/year/helpers.ts';
import { generateYear } from '../fixtures/year/generate.ts';
import { adminClient, changeId, Databases, HttpClient, pairedClient, startTestServer, suggestion, userClient, type Backend } from '../server/harness.ts';

const CLIENTS = 50;
const RECORDS = 10_000;

interface Office { server: RunningServer; clients: HttpClient[]; mine: LvzhiRecord[][]; cursors: number[]; revisions: Map<string, number> }

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function office(dbs: Databases, backend: Backend): Promise<Office> {
  const server = await startTestServer(dbs, backend, backend === 'postgresql' ? {} : {});
  const admin = await adminClient(server);
  const staff = await userClient(server, admin, { username: 'bench', displayName: '压测', role: 'staff' });
  const clients: HttpClient[] = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(await pairedClient(server, staff, `client ${i}`));
  const mine = clients.map(() => [] as LvzhiRecord[]);
  const revisions = new Map<string, number>();
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(clients.map(async (c, ci) => {
    for (let b = 0; b < RECORDS / CLIENTS / 50; b++) {
      const changes = Array.from({ length: 50 }, (_, k) => ({ changeId: changeId(), baseRevision: null, record: suggestion({ title: `第${ci}-${b}-${k}条` }) }));
      const t = performance.now();
      const r = await c.post<{ results: Array<{ recordId: string; revision: number }> }>('/api/sync/push', { changes });
      latencies.push(performance.now() - t);
      if (r.status !== 200) throw new Error(r.text);
      for (const x of r.json.results) revisions.set(x.recordId, x.revision);
      mine[ci]!.push(...changes.map((ch) => ch.record));
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  console.log(`  ${backend}: ${CLIENTS} clients pushed ${RECORDS} records in ${secs.toFixed(1)} s: ${(RECORDS / secs).toFixed(0)} records/s, p95 push (50 records) ${p95(latencies).toFixed(0)} ms`);
  // The office in its steady state: every extension has already pulled what was there (the
  // first catch-up of 10,000 records per client is a one-off, not the round a clerk waits for;
  // timing it made each round 50 × 10,000 records and the bench never finished).
  const head = Math.max(...revisions.values());
  return { server, clients, mine, cursors: clients.map(() => head), revisions };
}

/** One office-wide round: each client edits one of its records, pushes, pulls. */
async function round(o: Office, n: { i: number }): Promise<void> {
  n.i++;
  const latencies: number[] = [];
  await Promise.all(o.clients.map(async (c, ci) => {
    const rec = o.mine[ci]![n.i % o.mine[ci]!.length]!;
    const edited = { ...rec, values: { ...rec.values, content: `第${n.i}轮修改` } };
    const t = performance.now();
    const r = await c.post<{ results: Array<{ recordId: string; revision: number; status: string }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: o.revisions.get(rec.id) ?? null, record: edited }] });
    if (r.status !== 200 || r.json.results[0]!.status !== 'applied') throw new Error(`push: ${r.text}`);
    o.revisions.set(rec.id, r.json.results[0]!.revision);
    o.mine[ci]![n.i % o.mine[ci]!.length] = edited;
    let since = o.cursors[ci]!;
    for (;;) {
      const p = await c.get<{ cursor: number; more: boolean }>(`/api/sync/pull?since=${since}`);
      since = p.json.cursor;
      if (!p.json.more) break;
    }
    o.cursors[ci] = since;
    latencies.push(performance.now() - t);
  }));
  (o as Office & { p95s?: number[] }).p95s ??= [];
  (o as Office & { p95s?: number[] }).p95s!.push(p95(latencies));
}

interface SyncState { pg: Office; lite: Office; dbs: Databases; n: { i: number } }

let syncState: Promise<SyncState> | undefined;

/** The 100,000 records, made once for both databases' benches. */
let yearRecords: Promise<{ records: LvzhiRecord[]; defs: ReturnType<typeof statsDefinitions> }> | undefined;
function hundredThousand() {
  return (yearRecords ??= (async () => {
    const B = await builtIn();
    const { records: year } = await generateYear(B);
    const records: LvzhiRecord[] = [];
    for (let i = 0; records.length < 100_000; i++) for (const r of year) { if (records.length >= 100_000) break; records.push({ ...r, id: `${r.id}-${i}` }); }
    return { records, defs: statsDefinitions(B.packs) };
  })());
}

async function statsSetup(backend: Backend) {
  const dbs = new Databases();
  const { records, defs } = await hundredThousand();
  const server = await startTestServer(dbs, backend);
  // Stored straight into the tables (the API path is measured by the sync bench).
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records.slice(i, i + 1000);
    const params: unknown[] = [];
    const rows = chunk.map((r, k) => {
      params.push(r.id, r.pack, r.form, r.formVersion, i + k + 1, JSON.stringify(r), r.updatedAt, r.deletedAt ?? null);
      const b = k * 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, 'bench', $${b + 8})`;
    });
    await server.db.query(`INSERT INTO records (id, pack, form, form_version, revision, record, updated_at, updated_by, deleted_at) VALUES ${rows.join(',')}`, params);
  }
  await server.db.query('UPDATE office_head SET revision = $1 WHERE id = 1', [records.length]);
  const staff = await adminClient(server);
  return { dbs, server, staff, records, defs };
}

/** The figures over 100,000 records on one database; the baseline is the core in memory. */
function yearEnd(name: string, backend: Backend, description: string) {
  return defineBench({
    name,
    unit: 'ms',
    goal: { value: 1000, op: '<', description },
    runs: 10,
    // the first request computes every record's fact (record_facts): not what a clerk waits for each time
    warmup: 1,
    setup: () => statsSetup(backend),
    teardown: async (s) => { await s.server.close(); await s.dbs.close(); },
    run: async (s) => {
      const r = await s.staff.get<{ stats: { records: { inPeriod: number } } }>('/api/stats?period=2024');
      if (r.status !== 200 || r.json.stats.records.inPeriod === 0) throw new Error(r.text.slice(0, 300));
    },
    baseline: { name: 'computeStats over the records in memory', run: (s) => computeStats(s.records, s.defs, yearPeriod(2024)) },
  });
}

export default [
  defineBench({
    name: 'server: 50 clients syncing 10,000 records',
    unit: 'ms',
    goal: { value: 3000, op: '<=', description: 'a sync round of the whole office (50 extensions each pushing an edit and pulling the others\') answers within 3 s on PostgreSQL' },
    runs: 10,
    warmup: 1,
    setup: () => (syncState ??= (async () => {
      const dbs = new Databases();
      const lite = await office(dbs, 'pglite');
      const pg = await office(dbs, 'postgresql');
      return { pg, lite, dbs, n: { i: 0 } };
    })()),
    run: (s) => round(s.pg, s.n),
    teardown: async (s) => {
      for (const o of [s.pg, s.lite]) {
        const p = (o as Office & { p95s?: number[] }).p95s ?? [];
        console.log(`  ${o.server.db.kind}: p95 of one client's push + pull in a round, median over rounds: ${p.length ? [...p].sort((a, b) => a - b)[Math.floor(p.length / 2)]!.toFixed(0) : '—'} ms`);
        await o.server.close();
      }
      await s.dbs.close();
    },
    baseline: { name: 'the same round on PGlite', run: (s) => round(s.lite, s.n) },
  }),
  yearEnd('server: year-end figures over 100,000 records', 'postgresql',
    'the admin page\'s year-end figures over all the office\'s records answer within a second on PostgreSQL'),
  yearEnd('server: year-end figures over 100,000 records (PGlite)', 'pglite',
    'the same figures within a second on the embedded PGlite that `npx lvzhi serve` uses by default'),
];
