/**
 * The office figures are folded from `record_facts` (one fact per record, computed with the
 * form definitions of the packs in use). When a new version of a pack is published, a changed
 * definition changes what a record counts for: the facts must be computed again, on PGlite and
 * on PostgreSQL — also when another server over the same database (several behind a proxy)
 * still writes with the definitions it loaded before the publication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeStats, generatePackKeyPair, importSigningKey, importTrustedKey, signPack, statsDefinitions, yearPeriod,
  type LvzhiRecord, type PackDefinition,
} from '@lvzhi/shared';
import { OfficeStore, type RunningServer } from '@lvzhi/shared/server';
import { adminClient, BACKENDS, changeId, Databases, HttpClient, pairedClient, startTestServer, userClient, type Backend } from './harness.ts';

const dbs = new Databases();
afterAll(() => dbs.close(), 60_000);

/** The office's own pack: one activity form whose event day is `eventDateField`. */
function activities(version: string, eventDateField: string): PackDefinition {
  return {
    id: 'qingshan.activities', version, title: '青山镇代表活动', requires: { 'lvzhi.common': '^1.0.0' },
    forms: [{
      id: 'qingshan-activity', version: 1, title: '代表活动记录', category: 'activity', eventDateField,
      sections: [{ id: 'main', title: '活动', fields: [
        { type: 'date', id: 'day', label: '活动日期' },
        { type: 'date', id: 'reportDay', label: '报送日期' },
        { type: 'text', id: 'activityType', label: '活动类型' },
      ] }],
    }],
  } as PackDefinition;
}

function activity(n: number): LvzhiRecord {
  return {
    id: `act-${changeId()}`, pack: 'qingshan.activities', packVersion: '1.0.0', form: 'qingshan-activity', formVersion: 1, status: 'complete',
    createdAt: '2024-06-01T09:00:00+08:00', updatedAt: '2024-06-01T09:00:00+08:00',
    values: { day: `2024-06-0${n}`, reportDay: `2025-01-0${n}`, activityType: '视察' },
  };
}

describe.each(BACKENDS)('office figures after a pack is published, on %s', (backend: Backend) => {
  let server: RunningServer;
  let admin: HttpClient;
  let staff: HttpClient;
  let ext: HttpClient;
  let sign: (p: PackDefinition) => Promise<unknown>;

  beforeAll(async () => {
    const keys = await generatePackKeyPair({ name: '青山镇人大办' });
    const signer = await importSigningKey(keys.privateJwk);
    sign = (p) => signPack(p, signer);
    server = await startTestServer(dbs, backend, { trusted: [await importTrustedKey(keys.publicJwk)] });
    admin = await adminClient(server);
    staff = await userClient(server, admin, { username: 'zhangmin', displayName: '张敏', role: 'staff' });
    ext = await pairedClient(server, staff);
  }, 240_000);
  afterAll(() => server?.close());

  const publish = async (p: PackDefinition) => {
    const r = await admin.request('POST', '/api/packs', JSON.stringify(await sign(p)));
    expect(r.status, r.text).toBe(201);
  };
  const push = async (records: LvzhiRecord[]) => {
    const r = await ext.post<{ results: Array<{ status: string }> }>('/api/sync/push', { changes: records.map((record) => ({ changeId: changeId(), baseRevision: null, record })) });
    expect(r.json.results.map((x) => x.status)).toEqual(records.map(() => 'applied'));
  };
  type Figures = { records: { inPeriod: number; outsidePeriod: number }; activities: unknown };
  const figures = async (year: number) => {
    const r = await staff.get<{ stats: Figures }>(`/api/stats?period=${year}&asOf=${year}-12-31`);
    expect(r.status, r.text).toBe(200);
    return r.json.stats;
  };
  /** What the core computes over every stored record with the definitions in use now. */
  const expected = async (year: number) => JSON.parse(JSON.stringify(computeStats(
    await server.store.allRecords(), statsDefinitions(server.store.definitions()), yearPeriod(year), { asOf: new Date(`${year}-12-31T00:00:00+08:00`) })));

  it('counts records again with the definitions of a newly published version', async () => {
    await publish(activities('1.0.0', 'day'));
    const recs = [activity(1), activity(2), activity(3)];
    await push(recs);
    const before = await figures(2024);
    expect(before).toEqual(await expected(2024));
    const inPeriodBefore = before.records.inPeriod;

    // 1.0.1 dates an activity by the day it was reported (2025), no longer the day it took place
    await publish(activities('1.0.1', 'reportDay'));
    const after = await figures(2024);
    expect(after.records.inPeriod).toBe(inPeriodBefore - 3);
    expect(after.records.outsidePeriod).toBe(before.records.outsidePeriod + 3);
    expect(after).toEqual(await expected(2024));
    expect(await figures(2025)).toEqual(await expected(2025));
    const facts = await server.db.query<{ day: string }>('SELECT day::text AS day FROM record_facts WHERE record_id = $1', [recs[0]!.id]);
    expect(facts.map((f) => f.day)).toEqual(['2025-01-01']);
  });

  it('does not keep a fact written by a server that has not seen the publication yet', async () => {
    await publish(activities('1.0.2', 'day'));
    expect(await figures(2024)).toEqual(await expected(2024)); // facts made with 1.0.2
    // a second server over the same database, still on 1.0.1 (it re-reads published packs every few seconds)
    const stale = new OfficeStore(server.db, server.store.definitions().map((p) => (p.id === 'qingshan.activities' ? activities('1.0.1', 'reportDay') : p)));
    const account = { id: 'stale-server-account', username: 'zhangmin', displayName: '张敏', role: 'staff' as const };
    const late = activity(4);
    const [result] = await stale.push(account, [{ changeId: changeId(), baseRevision: null, record: late }]);
    expect(result!.status).toBe('applied');
    // this server's figures count it by 1.0.2 (the activity day, 2024), not by the stale server's 1.0.1
    expect(await figures(2024)).toEqual(await expected(2024));
    const facts = await server.db.query<{ day: string }>('SELECT day::text AS day FROM record_facts WHERE record_id = $1', [late.id]);
    expect(facts.map((f) => f.day)).toEqual(['2024-06-04']);
  });
});
