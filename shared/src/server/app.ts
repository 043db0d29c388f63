/**
 * The office server's HTTP API (Hono). Every body and query is parsed with zod; every route
 * says which permission it needs (roles.ts); workflow steps go through the core's engine
 * (store.ts). Browsers authenticate with an HttpOnly session cookie and send the session's
 * CSRF token in `X-CSRF-Token` on every state-changing request; extensions send a revocable
 * bearer token obtained by pairing. Nothing is kept in memory between requests.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import QRCode from 'qrcode';
import {
  customPeriod, parsePeriod, pullResponseSchema, pushRequestSchema, resolveRequestSchema, statsTables, summarySentences,
  tableToCsv, verifyAudit, workflowRows, yearPeriod, SYNC_BATCH, type LvzhiRecord,
  todayInChina,
} from '../core/index.ts';
import { writeXlsx } from '../node/spreadsheet.ts';
import type { Accounts } from './accounts.ts';
import { actorOf, can, ROLE_LABELS, type Account, type Permission, type Role } from './roles.ts';
import { assigneeOf, StepRefused, type OfficeStore } from './store.ts';
import type { Logger } from './logger.ts';
import type { PackPublisher } from './packs.ts';
import { appHtml, ratePageHtml } from './pages.ts';

export const SESSION_COOKIE = 'lvzhi_session';

export interface AppDeps {
  store: OfficeStore;
  accounts: Accounts;
  publisher: PackPublisher;
  logger: Logger;
  version: string;
  /** The browser app bundle (web/app.tsx built by esbuild). */
  webBundle: () => Promise<string>;
  /** Set the cookie's Secure flag (served over HTTPS, directly or behind a proxy). */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
  now?: () => Date;
  /** Called before each API request (re-reads packs another server published). */
  refresh?: () => Promise<void>;
}

type Auth = { account: Account; via: 'session' | 'token'; csrf?: string; sessionToken?: string };
type Env = { Variables: { auth?: Auth } };

const ROLE_VALUES = ['admin', 'staff', 'recorder', 'unit', 'deputy'] as const satisfies readonly Role[];

const loginSchema = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
const pairSchema = z.strictObject({ code: z.string().regex(/^\d{8}$/), label: z.string().trim().min(1).max(100) });
const accountSchema = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9_.@-]{2,64}$/),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(ROLE_VALUES),
  unit: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(10).max(200),
}).refine((a) => a.role !== 'unit' || a.unit, { message: '承办单位账号须填写单位名称 / a handling-unit account needs its unit', path: ['unit'] });
const stepSchema = z.strictObject({
  transition: z.string().min(1).max(100),
  patch: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), z.unknown()).optional(),
  comment: z.string().max(5000).optional(),
  assignee: z.string().trim().min(1).max(200).optional(),
});
const rateSchema = z.strictObject({
  satisfaction: z.enum(['满意', '基本满意', '不满意']),
  dissatisfactionReason: z.string().trim().max(5000).optional(),
});
const pullQuery = z.strictObject({ since: z.coerce.number().int().nonnegative().default(0), limit: z.coerce.number().int().min(1).max(SYNC_BATCH).default(SYNC_BATCH) });
const statsQuery = z.strictObject({ period: z.string().max(20).optional(), from: z.string().max(10).optional(), to: z.string().max(10).optional(), format: z.enum(['json', 'xlsx', 'csv']).default('json'), asOf: z.string().max(40).optional() });

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly messageEn: string, readonly issues?: unknown[]) { super(message); }
}

const refused = () => new HttpError(403, '无权进行此操作', 'not allowed for your role');

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new HttpError(415, '请求须为 JSON', 'the request body must be JSON');
  let json: unknown;
  try { json = await c.req.json(); } catch { throw new HttpError(400, '请求不是有效的 JSON', 'the request body is not valid JSON'); }
  return parse(schema, json);
}

function parse<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
  const r = schema.safeParse(json);
  if (!r.success) throw new HttpError(400, '请求内容不正确', 'the request is not valid', r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })));
  return r.data;
}

export function createApp(deps: AppDeps): Hono<Env> {
  const { store, accounts, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<Env>();

  const clientAddress = (c: Context): string => {
    if (deps.trustProxy) {
      const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (fwd) return fwd;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return env?.incoming?.socket?.remoteAddress ?? 'unknown';
  };

  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.get('Cache-Control')) c.header('Cache-Control', 'no-store');
    logger.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - t0), role: c.get('auth')?.account.role,
    });
  });

  // Who is asking: a bearer token (extension) or the session cookie (browser, CSRF-checked).
  app.use('/api/*', async (c, next) => {
    await deps.refresh?.();
    const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      const account = await accounts.byToken(bearer);
      if (!account) throw new HttpError(401, '扩展的访问令牌无效或已撤销，请重新配对', 'the extension token is invalid or revoked: pair again');
      c.set('auth', { account, via: 'token' });
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      const s = token ? await accounts.session(token) : undefined;
      if (s && token) c.set('auth', { account: s.account, via: 'session', csrf: s.csrf, sessionToken: token });
    }
    const auth = c.get('auth');
    if (auth?.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const sent = c.req.header('x-csrf-token');
      if (!sent || sent !== auth.csrf) throw new HttpError(403, '缺少或错误的 CSRF 令牌', 'missing or wrong CSRF token');
    }
    await next();
  });

  const need = (c: Context<Env>, permission?: Permission): Account => {
    const auth = c.get('auth');
    if (!auth) throw new HttpError(401, '请先登录', 'sign in first');
    if (permission && !can(auth.account.role, permission)) throw refused();
    return auth.account;
  };

  app.onError((e, c) => {
    if (e instanceof HttpError) return c.json({ ok: false, error: e.message, errorEn: e.messageEn, ...(e.issues ? { issues: e.issues } : {}) }, e.status as 400);
    if (e instanceof StepRefused) return c.json({ ok: false, error: e.errors.map((x) => x.message).join('；'), errorEn: e.message, issues: e.errors }, e.status);
    logger.log('error', 'unhandled', { route: c.req.routePath, error: (e as Error).message });
    return c.json({ ok: false, error: '服务器内部错误', errorEn: 'internal server error' }, 500);
  });

  // ---------------------------------------------------------------- health, session

  app.get('/api/health', async (c) => {
    await store.db.query('SELECT 1');
    return c.json({ ok: true, database: store.db.kind, version: deps.version });
  });

  app.post('/api/login', async (c) => {
    const { username, password } = await body(c, loginSchema);
    const keys = [`user:${username.toLowerCase()}`, `addr:${clientAddress(c)}`];
    if (await accounts.limited(keys)) {
      c.header('Retry-After', '900');
      throw new HttpError(429, '登录失败次数过多，请15分钟后再试', 'too many failed sign-ins: try again in 15 minutes');
    }
    const account = await accounts.checkPassword(username, password);
    if (!account) {
      await accounts.recordFailure(keys);
      throw new HttpError(401, '用户名或密码不正确', 'wrong user name or password');
    }
    await accounts.clearFailures([keys[0]!]);
    const { token, csrf } = await accounts.startSession(account);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: deps.secureCookies ?? false, maxAge: 12 * 3600 });
    await store.appendEvent(account.displayName, 'account.login', account.id, { role: account.role });
    return c.json({ ok: true, account, csrf });
  });

  app.post('/api/logout', async (c) => {
    const auth = c.get('auth');
    if (auth?.sessionToken) await accounts.endSession(auth.sessionToken);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/api/me', (c) => {
    const auth = c.get('auth');
    if (!auth) throw new HttpError(401, '请先登录', 'sign in first');
    return c.json({ ok: true, account: auth.account, roleLabel: ROLE_LABELS[auth.account.role], csrf: auth.csrf ?? null });
  });

  // ---------------------------------------------------------------- pairing and tokens

  app.post('/api/pairing-code', async (c) => {
    const account = need(c, 'pair');
    if (c.get('auth')?.via !== 'session') throw refused();
    return c.json({ ok: true, ...(await accounts.pairingCode(account)) });
  });

  app.post('/api/pair', async (c) => {
    const { code, label } = await body(c, pairSchema);
    const keys = [`pair:${clientAddress(c)}`];
    if (await accounts.limited(keys)) throw new HttpError(429, '配对失败次数过多，请稍后再试', 'too many failed pairings: try later');
    const paired = await accounts.pair(code, label);
    if (!paired) {
      await accounts.recordFailure(keys);
      throw new HttpError(401, '配对码无效或已过期', 'the pairing code is wrong or expired');
    }
    await store.appendEvent(paired.account.displayName, 'device.pair', paired.tokenId, { label });
    return c.json({ ok: true, token: paired.token, tokenId: paired.tokenId, account: paired.account });
  });

  app.get('/api/tokens', async (c) => {
    const account = need(c);
    return c.json({ ok: true, tokens: await accounts.tokens(account.role === 'admin' ? undefined : account.id) });
  });

  app.delete('/api/tokens/:id', async (c) => {
    const account = need(c);
    const ok = await accounts.revokeToken(c.req.param('id'), account.role === 'admin' ? undefined : account.id);
    if (!ok) throw new HttpError(404, '没有这个令牌', 'no such token');
    await store.appendEvent(account.displayName, 'device.revoke', c.req.param('id'), undefined);
    return c.json({ ok: true });
  });

  // ---------------------------------------------------------------- accounts

  app.get('/api/accounts', async (c) => {
    need(c, 'accounts.manage');
    return c.json({ ok: true, accounts: await accounts.list() });
  });

  app.post('/api/accounts', async (c) => {
    const admin = need(c, 'accounts.manage');
    const input = await body(c, accountSchema);
    try {
      const account = await accounts.create(input);
      await store.appendEvent(admin.displayName, 'account.create', account.id, { role: account.role });
      return c.json({ ok: true, account }, 201);
    } catch (e) {
      if (/unique|duplicate/i.test((e as Error).message)) throw new HttpError(409, `用户名“${input.username}”已存在`, `user name "${input.username}" is taken`);
      throw e;
    }
  });

  // ---------------------------------------------------------------- sync

  app.post('/api/sync/push', async (c) => {
    const account = need(c, 'records.sync');
    const { changes } = await body(c, pushRequestSchema);
    return c.json({ ok: true, results: await store.push(account, changes) });
  });

  app.get('/api/sync/pull', async (c) => {
    need(c, 'records.sync');
    const { since, limit } = parse(pullQuery, c.req.query());
    const out = pullResponseSchema.parse(await store.pull(since, limit));
    return c.json({ ok: true, ...out });
  });

  app.post('/api/conflicts/:id/resolve', async (c) => {
    const account = need(c, 'conflicts.resolve');
    const { keep } = await body(c, resolveRequestSchema);
    return c.json({ ok: true, ...(await store.resolveConflict(account, c.req.param('id'), keep)) });
  });

  // ---------------------------------------------------------------- records and workflows

  /** A unit sees the records assigned to it; deputies none here (they use rating links). */
  const scopeOf = (account: Account) => (r: LvzhiRecord): boolean =>
    can(account.role, 'records.read') || (account.role === 'unit' && account.unit !== undefined && assigneeOf(r) === account.unit);

  app.get('/api/records/:id', async (c) => {
    const account = need(c);
    const row = await store.get(c.req.param('id'));
    if (!row || !scopeOf(account)(row.record)) throw new HttpError(404, '没有这条记录', 'no such record');
    return c.json({ ok: true, record: row.record, revision: row.revision, next: store.nextSteps(row.record, actorOf(account)).map((t) => ({ id: t.id, label: t.label, kind: t.kind ?? 'forward', requires: t.requires ?? [] })) });
  });

  app.post('/api/records/:id/step', async (c) => {
    const account = need(c, 'workflows.step');
    const event = await body(c, stepSchema);
    const out = await store.step(account, actorOf(account), c.req.param('id'), stripUndefined(event), scopeOf(account));
    return c.json({ ok: true, record: out.record, revision: out.revision });
  });

  app.get('/api/workflows', async (c) => {
    need(c, 'workflows.read');
    const rows = workflowRows(await store.allRecords(), store.definitions(), now());
    return c.json({ ok: true, rows: rows.map(({ workflow, ...r }) => ({ ...r, workflow: workflow.id })), overdue: rows.filter((r) => r.overdue).length });
  });

  app.get('/api/unit/tasks', async (c) => {
    const account = need(c, 'unit.tasks');
    const rows = account.unit ? await store.recordsAssignedTo(account.unit) : [];
    const actor = actorOf(account);
    return c.json({ ok: true, tasks: rows.map((r) => ({ record: r.record, revision: r.revision, next: store.nextSteps(r.record, actor).map((t) => ({ id: t.id, label: t.label, kind: t.kind ?? 'forward', requires: t.requires ?? [] })) })) });
  });

  app.get('/api/definitions', (c) => {
    need(c);
    return c.json({ ok: true, packs: store.definitions() });
  });

  // ---------------------------------------------------------------- rating by the deputy

  app.post('/api/records/:id/rating-link', async (c) => {
    const account = need(c, 'rating.link');
    const row = await store.get(c.req.param('id'));
    if (!row) throw new HttpError(404, '没有这条记录', 'no such record');
    const token = await accounts.ratingLink(row.record.id);
    const url = new URL(`/rate/${token}`, c.req.url).toString();
    await store.appendEvent(account.displayName, 'rating.link', row.record.id, undefined);
    return c.json({ ok: true, url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) });
  });

  const ratingTarget = async (token: string) => {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new HttpError(404, '链接无效或已使用', 'the link is invalid or used');
    const id = await accounts.ratingRecord(token);
    const row = id ? await store.get(id) : undefined;
    if (!row) throw new HttpError(404, '链接无效或已使用', 'the link is invalid or used');
    return row;
  };

  app.get('/api/rate/:token', async (c) => {
    const { record } = await ratingTarget(c.req.param('token'));
    const v = record.values;
    const pick = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined);
    return c.json({ ok: true, title: pick('title') ?? record.id, unit: assigneeOf(record) ?? null, reply: pick('reply') ?? null, replyDate: pick('replyDate') ?? null, state: record.workflow?.state ?? null });
  });

  app.post('/api/rate/:token', async (c) => {
    const token = c.req.param('token');
    const { record } = await ratingTarget(token);
    const input = await body(c, rateSchema);
    const proposer = record.values['proposer'] as { name?: string } | undefined;
    const deputy = { id: 'deputy', username: 'deputy', displayName: proposer?.name ?? '代表', role: 'deputy' as const };
    const actor = actorOf(deputy);
    const step = store.nextSteps(record, actor).find((t) => t.roles?.includes('deputy') && (t.kind ?? 'forward') === 'forward');
    if (!step) throw new HttpError(409, '这条建议现在不能测评', 'this suggestion cannot be rated now');
    const patch: Record<string, unknown> = { satisfaction: input.satisfaction, ratingDate: todayInChina(now()) };
    if (input.dissatisfactionReason) patch['dissatisfactionReason'] = input.dissatisfactionReason;
    const out = await store.step(deputy, actor, record.id, { transition: step.id, patch });
    await accounts.useRatingLink(token);
    return c.json({ ok: true, state: out.record.workflow?.state });
  });

  app.get('/rate/:token', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:");
    return c.html(ratePageHtml());
  });

  // ---------------------------------------------------------------- figures

  app.get('/api/stats', async (c) => {
    need(c, 'stats.read');
    const q = parse(statsQuery, c.req.query());
    let period;
    try { period = q.period ? parsePeriod(q.period) : q.from && q.to ? customPeriod(q.from, q.to) : yearPeriod(Number(todayInChina(now()).slice(0, 4))); } catch (e) { throw new HttpError(400, (e as Error).message, (e as Error).message); }
    const asOf = q.asOf ? new Date(/T/.test(q.asOf) ? q.asOf : `${q.asOf}T00:00:00+08:00`) : undefined;
    if (asOf && Number.isNaN(asOf.getTime())) throw new HttpError(400, 'asOf 不是日期', 'asOf is not a date');
    const stats = await store.stats(period, asOf ? { asOf } : {});
    if (q.format === 'json') return c.json({ ok: true, stats, sentences: summarySentences(stats) });
    const name = encodeURIComponent(`${stats.period.label}统计`);
    if (q.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${name}.csv`);
      return c.body(statsTables(stats).map((t) => tableToCsv(t)).join('\r\n'), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const bytes = await writeXlsx(statsTables(stats), { title: `${stats.period.label}统计` });
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${name}.xlsx`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });

  app.get('/api/audit', async (c) => {
    need(c, 'audit.read');
    const log = await store.auditLog();
    const verification = await verifyAudit(log.entries, log.head);
    return c.json({ ok: true, format: 'lvzhi-audit', version: 1, head: log.head, entries: log.entries, verification: { ok: verification.ok, problems: verification.problems } });
  });

  // ---------------------------------------------------------------- packs

  app.get('/api/packs', (c) => {
    need(c);
    return c.json({ ok: true, packs: deps.publisher.list().map((p) => ({ ...p, url: new URL(`/packs/${encodeURIComponent(p.id)}.json`, c.req.url).toString() })) });
  });

  app.post('/api/packs', async (c) => {
    const admin = need(c, 'packs.publish');
    const text = await c.req.text();
    const out = await deps.publisher.publish(text, admin.displayName);
    if (!out.ok) throw new HttpError(422, '定义包未发布', 'the pack was not published', out.issues);
    store.setPacks(deps.publisher.definitions());
    await store.appendEvent(admin.displayName, 'pack.publish', out.id, { version: out.version });
    return c.json({ ok: true, id: out.id, version: out.version, url: new URL(`/packs/${encodeURIComponent(out.id)}.json`, c.req.url).toString() }, 201);
  });

  // The subscription URL the extension's pack store already understands (ETag, 304).
  app.get('/packs/:file', async (c) => {
    const m = /^(.+)\.json$/.exec(c.req.param('file'));
    const latest = m ? await deps.publisher.latest(decodeURIComponent(m[1]!)) : undefined;
    if (!latest) return c.json({ ok: false, error: '没有这个定义包', errorEn: 'no such pack' }, 404);
    c.header('ETag', latest.etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('if-none-match') === latest.etag) return c.body(null, 304);
    return c.body(latest.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  // ---------------------------------------------------------------- browser pages

  const page = (c: Context) => {
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; form-action 'self'; frame-ancestors 'none'");
    c.header('X-Frame-Options', 'DENY');
    return c.html(appHtml());
  };
  app.get('/', page);
  app.get('/unit', page);
  app.get('/office', page);
  app.get('/assets/app.js', async (c) => c.body(await deps.webBundle(), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  return app;
}

function stripUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
