/**
 * The office server's storage and API, the same suite on PGlite and on a real PostgreSQL 15:
 * migrations and the append-only audit table, accounts and sessions, CSRF, the login rate
 * limit, pairing and revocable extension tokens, sync with idempotent pushes and conflicts
 * that keep both versions, workflow steps enforced by the core engine across roles (clerk,
 * handling unit, deputy by rating link), figures and exports, and packs published for the
 * extension's subscription.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats, generatePackKeyPair, importSigningKey, signPack, statsDefinitions, verifyAudit, yearPeriod, type LvzhiRecord } from '@lvzhi/shared';
import { migrate, type RunningServer } from '@lvzhi/shared/server';
import { adminClient, BACKENDS, builtinPacks, changeId, Databases, HttpClient, pairedClient, startTestServer, suggestion, userClient, type Backend } from './harness.ts';

const dbs = new Databases();
afterAll(() => dbs.close(), 60_000);

describe.each(BACKENDS)('office server on %s', (backend: Backend) => {
  let server: RunningServer;
  let admin: HttpClient;
  let staff: HttpClient;
  let recorder: HttpClient;
  let unit: HttpClient;
  let otherUnit: HttpClient;
  let deputy: HttpClient;
  let keys: Awaited<ReturnType<typeof generatePackKeyPair>>;

  beforeAll(async () => {
    keys = await generatePackKeyPair({ name: '青山镇人大办' });
    const { importTrustedKey } = await import('@lvzhi/shared');
    server = await startTestServer(dbs, backend, { trusted: [await importTrustedKey(keys.publicJwk)] });
    admin = await adminClient(server);
    staff = await userClient(server, admin, { username: 'zhangmin', displayName: '张敏', role: 'staff' });
    recorder = await userClient(server, admin, { username: 'jilu', displayName: '李记录', role: 'recorder' });
    unit = await userClient(server, admin, { username: 'jiansheban', displayName: '周海涛', role: 'unit', unit: '青山镇村镇建设办公室' });
    otherUnit = await userClient(server, admin, { username: 'nongban', displayName: '农办', role: 'unit', unit: '青山镇农业综合服务中心' });
    deputy = await userClient(server, admin, { username: 'daibiao', displayName: '王建国', role: 'deputy' });
  }, 240_000);
  afterAll(() => server?.close());

  it('answers health with the database it runs on', async () => {
    const r = await new HttpClient(server.url).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, database: backend, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('migrates once, and the audit table refuses updates and deletes', async () => {
    expect(await migrate(server.db)).toEqual([]);
    const rows = await server.db.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    await server.store.appendEvent('测试', 'test.event', undefined, undefined);
    await expect(server.db.query("UPDATE audit SET actor = 'x'")).rejects.toThrow(/append-only/);
    await expect(server.db.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
  });

  it('refuses a state-changing request without the session CSRF token', async () => {
    const r = await staff.post('/api/pairing-code', {}, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.json.error).toContain('CSRF');
    const wrong = await staff.request('POST', '/api/pairing-code', {}, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.status).toBe(403);
    expect((await staff.post('/api/pairing-code')).status).toBe(200);
  });

  it('keeps the session cookie HttpOnly and SameSite=Strict', async () => {
    const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('limits failed logins per user name', async () => {
    await userClient(server, admin, { username: 'target', displayName: '被猜密码者', role: 'staff' });
    const c = new HttpClient(server.url);
    for (let i = 0; i < 5; i++) expect((await c.login('target', `wrong-${i}`)).status).toBe(401);
    const blocked = await c.login('target', 'target-password');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
  });

  it('refuses each role what it may not do', async () => {
    const newAccount = { username: 'x1', displayName: 'x', role: 'staff', password: 'long-enough-pw' };
    for (const c of [staff, recorder, unit, deputy]) expect((await c.post('/api/accounts', newAccount)).status).toBe(403);
    for (const c of [unit, deputy]) expect((await c.get('/api/sync/pull')).status).toBe(403);
    for (const c of [recorder, unit, deputy]) expect((await c.get('/api/stats?period=2024')).status).toBe(403);
    for (const c of [staff, recorder, unit, deputy]) expect((await c.get('/api/audit')).status).toBe(403);
    for (const c of [staff, unit]) expect((await c.request('POST', '/api/packs', '{}')).status).toBe(403);
    for (const c of [unit, deputy]) expect((await c.post('/api/pairing-code')).status).toBe(403);
    expect((await deputy.post(`/api/records/anything/step`, { transition: 'rate' })).status).toBe(403);
    expect((await new HttpClient(server.url).get('/api/sync/pull')).status).toBe(401);
  });

  it('pairs an extension with a one-time code; a revoked token is refused', async () => {
    const ext = await pairedClient(server, recorder);
    expect((await ext.get('/api/sync/pull')).status).toBe(200);
    // the code worked once only
    const code = (await recorder.post<{ code: string }>('/api/pairing-code')).json.code;
    const first = await new HttpClient(server.url).post('/api/pair', { code, label: 'a' });
    expect(first.status).toBe(200);
    expect((await new HttpClient(server.url).post('/api/pair', { code, label: 'b' })).status).toBe(401);
    const tokens = (await recorder.get<{ tokens: Array<{ id: string }> }>('/api/tokens')).json.tokens;
    for (const t of tokens) expect((await recorder.request('DELETE', `/api/tokens/${t.id}`)).status).toBe(200);
    const r = await ext.get('/api/sync/pull');
    expect(r.status).toBe(401);
    expect(r.json.error).toContain('撤销');
  });

  it('applies a push once, however often it is retried', async () => {
    const ext = await pairedClient(server, staff);
    const rec = suggestion();
    const change = { changeId: changeId(), baseRevision: null, record: rec };
    const a = await ext.post<{ results: Array<{ status: string; revision: number }> }>('/api/sync/push', { changes: [change] });
    expect(a.json.results[0]).toMatchObject({ status: 'applied' });
    const b = await ext.post<{ results: Array<{ status: string; revision: number }> }>('/api/sync/push', { changes: [change] });
    expect(b.json.results[0]).toEqual(a.json.results[0]);
    const versions = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM record_versions WHERE record_id = $1', [rec.id]);
    expect(versions[0]!.n).toBe(1);
    const pulled = await ext.get<{ records: Array<{ record: LvzhiRecord; revision: number }> }>('/api/sync/pull?since=0');
    expect(pulled.json.records.find((r) => r.record.id === rec.id)?.revision).toBe(a.json.results[0]!.revision);
  });

  it('refuses a malformed push with located problems', async () => {
    const ext = await pairedClient(server, staff);
    const r = await ext.post<{ issues: Array<{ path: string[] }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: null, record: { id: 'x', values: {} } }] });
    expect(r.status).toBe(400);
    expect(r.json.issues.some((i) => i.path.join('.').startsWith('changes.0.record'))).toBe(true);
  });

  it('keeps both versions of a conflicting edit until someone chooses', async () => {
    const a = await pairedClient(server, staff, '张敏的电脑');
    const b = await pairedClient(server, recorder, '李记录的电脑');
    const rec = suggestion();
    const first = await a.post<{ results: Array<{ revision: number }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: null, record: rec }] });
    const base = first.json.results[0]!.revision;
    const mine = { ...rec, values: { ...rec.values, content: 'A 改写的内容' }, updatedAt: '2024-03-11T09:00:00+08:00' };
    const theirs = { ...rec, values: { ...rec.values, content: 'B 改写的内容' }, updatedAt: '2024-03-11T09:05:00+08:00' };
    const ra = await a.post<{ results: Array<{ status: string }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: base, record: mine }] });
    expect(ra.json.results[0]!.status).toBe('applied');
    const rb = await b.post<{ results: Array<{ status: string; conflictId: string }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: base, record: theirs }] });
    expect(rb.json.results[0]!.status).toBe('conflict');
    const pulled = await b.get<{ conflicts: Array<{ id: string; server: LvzhiRecord; theirs: LvzhiRecord }> }>('/api/sync/pull?since=0');
    const c = pulled.json.conflicts.find((x) => x.id === rb.json.results[0]!.conflictId)!;
    expect(c.server.values['content']).toBe('A 改写的内容');
    expect(c.theirs.values['content']).toBe('B 改写的内容');
    const resolved = await b.post<{ revision: number }>(`/api/conflicts/${c.id}/resolve`, { keep: 'theirs' });
    expect(resolved.status).toBe(200);
    const now = await a.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(now.json.record.values['content']).toBe('B 改写的内容');
    // nothing lost: every stored revision and the set-aside version remain
    const versions = await server.db.query<{ record: LvzhiRecord }>('SELECT record FROM record_versions WHERE record_id = $1 ORDER BY revision', [rec.id]);
    expect(versions.map((v) => v.record.values['content'])).toEqual(['操场跑道破损，建议年内修缮。', 'A 改写的内容', 'B 改写的内容']);
    expect((await b.post(`/api/conflicts/${c.id}/resolve`, { keep: 'server' })).status).toBe(409);
  });

  it('carries a suggestion from registration to the deputy\'s rating, each step by the role the workflow names', async () => {
    const ext = await pairedClient(server, recorder);
    const rec = suggestion();
    await ext.post('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: null, record: rec }] });
    // a recorder's extension cannot classify offline: the workflow says staff
    const stepped: LvzhiRecord = { ...rec, workflow: { workflow: 'suggestion', version: 1, state: 'classified', enteredAt: '2024-03-11T09:00:00+08:00', history: [{ transition: 'classify', from: 'submitted', to: 'classified', at: '2024-03-11T09:00:00+08:00', actor: '李记录' }] } };
    const cur = await ext.get<{ revision: number }>(`/api/records/${rec.id}`);
    const refused = await ext.post<{ results: Array<{ status: string; errors: Array<{ message: string }> }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: cur.json.revision, record: stepped }] });
    expect(refused.json.results[0]!.status).toBe('refused');
    expect(refused.json.results[0]!.errors[0]!.message).toContain('工作人员');

    const step = (c: HttpClient, transition: string, patch?: Record<string, unknown>) => c.post<{ record: LvzhiRecord; issues?: Array<{ code: string }> }>(`/api/records/${rec.id}/step`, { transition, ...(patch ? { patch } : {}) });
    expect((await step(recorder, 'classify')).status).toBe(403);
    expect((await step(staff, 'classify')).status).toBe(200);
    const missing = await step(staff, 'assign');
    expect(missing.status).toBe(422);
    expect(missing.json.issues!.map((i) => i.code)).toContain('required-field');
    expect((await step(staff, 'assign', { number: '青人建〔2024〕9号', handlingUnit: '青山镇村镇建设办公室', assignDate: '2024-03-28' })).status).toBe(200);

    // the unit sees it; another unit does not
    const tasks = await unit.get<{ tasks: Array<{ record: LvzhiRecord; next: Array<{ id: string }> }> }>('/api/unit/tasks');
    expect(tasks.json.tasks.map((t) => t.record.id)).toContain(rec.id);
    expect(tasks.json.tasks.find((t) => t.record.id === rec.id)!.next.map((n) => n.id)).toContain('accept');
    expect((await otherUnit.get<{ tasks: unknown[] }>('/api/unit/tasks')).json.tasks).toEqual([]);
    expect((await step(otherUnit, 'accept')).status).toBe(404);
    expect((await step(unit, 'accept')).status).toBe(200);
    expect((await step(unit, 'rate', { satisfaction: '满意', ratingDate: '2024-05-01' })).status).toBe(422); // not yet replied
    expect((await step(unit, 'reply', { reply: '已列入今年维修计划，7月底前完成。', replyDate: '2024-05-20', result: '列入计划解决', handlerName: '周海涛' })).status).toBe(200);

    expect((await step(unit, 'rate', { satisfaction: '满意', ratingDate: '2024-05-01' })).status).toBe(403); // a unit never rates itself

    // the deputy rates through a link (and its QR code)
    const link = await staff.post<{ url: string; qrSvg: string }>(`/api/records/${rec.id}/rating-link`);
    expect(link.json.qrSvg).toContain('<svg');
    const token = new URL(link.json.url).pathname.split('/').pop()!;
    const page = await new HttpClient(server.url).get(`/rate/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const info = await new HttpClient(server.url).get<{ title: string; reply: string }>(`/api/rate/${token}`);
    expect(info.json.reply).toContain('维修计划');
    const noReason = await new HttpClient(server.url).post(`/api/rate/${token}`, { satisfaction: '不满意' });
    expect(noReason.status).toBe(422);
    const rated = await new HttpClient(server.url).post<{ state: string }>(`/api/rate/${token}`, { satisfaction: '基本满意' });
    expect(rated.json.state).toBe('rated');
    expect((await new HttpClient(server.url).post(`/api/rate/${token}`, { satisfaction: '满意' })).status).toBe(404);

    const final = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(final.json.record.workflow!.history.map((h) => `${h.transition}:${h.actor}`)).toEqual(['classify:张敏', 'assign:张敏', 'accept:周海涛', 'reply:周海涛', 'rate:王建国']);

    // every step is in the server's audit chain, which verifies
    const audit = await admin.get<{ entries: Array<{ action: string; target?: string }>; head: { seq: number }; verification: { ok: boolean } }>('/api/audit');
    expect(audit.json.verification.ok).toBe(true);
    const steps = audit.json.entries.filter((e) => e.target === rec.id && e.action === 'workflow.step');
    expect(steps).toHaveLength(5);
    expect(JSON.stringify(audit.json.entries)).not.toContain('13962345678');
    expect((await verifyAudit(audit.json.entries, audit.json.head as never)).ok).toBe(true);

    // the office's overdue list knows the record
    const wf = await staff.get<{ rows: Array<{ recordId: string; stateId: string }> }>('/api/workflows');
    expect(wf.json.rows.find((r) => r.recordId === rec.id)?.stateId).toBe('rated');
  });

  it('computes the office figures from all records, with csv and xlsx exports', async () => {
    const s = await staff.get<{ stats: { suggestions: { received: number; replied: number; rated: number } }; sentences: Array<{ text: string }> }>('/api/stats?period=2024&asOf=2024-12-31');
    expect(s.status).toBe(200);
    expect(s.json.stats.suggestions.received).toBeGreaterThanOrEqual(3);
    expect(s.json.stats.suggestions.rated).toBe(1);
    expect(s.json.sentences.length).toBeGreaterThan(0);
    // folded from the record_facts rows in SQL: the same figures as the core over every record
    const all = await server.store.allRecords();
    expect(s.json.stats).toEqual(JSON.parse(JSON.stringify(computeStats(all, statsDefinitions(server.store.definitions()), yearPeriod(2024), { asOf: new Date('2024-12-31T00:00:00+08:00') }))));
    const csv = await staff.get('/api/stats?period=2024&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('建议');
    const xlsx = await fetch(`${server.url}/api/stats?period=2024&format=xlsx`, { headers: { cookie: staff.cookie! } });
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip (xlsx)
    expect((await staff.get('/api/stats?period=20x4')).status).toBe(400);
  });

  it('publishes a signed pack at a subscription URL with ETag, and refuses an unsigned one', async () => {
    const packs = await builtinPacks();
    const base = packs.find((p) => p.id === 'lvzhi.letters')!;
    // The office's own pack id: a built-in id (lvzhi.*) takes a key the managed policy names (issue 13).
    const next = { ...base, id: 'qingshan.letters', version: '1.0.1', description: `${base.description ?? ''}（本镇版）` };
    const signed = await signPack(next, await importSigningKey(keys.privateJwk));
    const unsigned = await admin.request('POST', '/api/packs', JSON.stringify(next));
    expect(unsigned.status).toBe(422);
    const r = await admin.request<{ url: string; version: string }>('POST', '/api/packs', JSON.stringify(signed));
    expect(r.status).toBe(201);
    expect(r.json.version).toBe('1.0.1');
    const res = await fetch(r.json.url);
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag')!;
    expect(((await res.json()) as { signature: { kid: string } }).signature.kid).toBe(signed.signature.kid);
    expect((await fetch(r.json.url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const again = await admin.request('POST', '/api/packs', JSON.stringify({ ...signed }));
    expect(again.status).toBe(201); // unchanged: accepted, nothing new stored
    const rows = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM published_packs WHERE id = 'qingshan.letters'");
    expect(rows[0]!.n).toBe(1);
    expect(server.store.definitions().find((p) => p.id === 'qingshan.letters')!.version).toBe('1.0.1');
  });
});
