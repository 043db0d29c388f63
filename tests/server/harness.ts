/**
 * The server under test, on both databases: `backends()` lists PGlite and PostgreSQL (a
 * throwaway cluster from tests/harness/postgres.ts, one per test file, a fresh database per
 * server). `HttpClient` keeps a browser's cookie and CSRF token, or an extension's bearer token.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPacksFor } from '@lvzhi/shared/node';
import { migrate, openDatabase, SCHEMA_VERSION, silentLogger, startServer, type RunningServer, type ServerOptions } from '@lvzhi/shared/server';
import type { LvzhiRecord, PackDefinition } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { startPostgres, type PostgresCluster } from '../harness/postgres.ts';

export type Backend = 'pglite' | 'postgresql';
export const BACKENDS: Backend[] = ['pglite', 'postgresql'];
export const ADMIN_PASSWORD = 'admin-password-1';

let packs: PackDefinition[] | undefined;
export async function builtinPacks(): Promise<PackDefinition[]> {
  packs ??= await loadPacksFor(REPO_ROOT, ['forms/packs']);
  return packs!;
}

const PGLITE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * PGlite's initdb (in WASM) takes 3 s on an idle machine and half a minute on a busy one: the
 * first test makes a migrated data folder once (per PGlite and schema version, in the temp
 * folder), every server then starts from a copy of it.
 */
export async function pgliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), `lvzhi-pglite-template-${PGLITE_VERSION}-v${SCHEMA_VERSION}`);
  if (existsSync(dir)) return dir;
  const work = mkdtempSync(join(tmpdir(), 'lvzhi-pglite-making-'));
  const db = await openDatabase({ dataDir: work });
  await migrate(db);
  await db.close();
  try { renameSync(work, dir); } catch { rmSync(work, { recursive: true, force: true }); } // another worker made it first
  return dir;
}

export async function freshPgliteDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-pglite-'));
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

/** One PostgreSQL cluster per test file (started lazily), one database per server. */
export class Databases {
  private cluster: Promise<PostgresCluster> | undefined;
  private dirs: string[] = [];
  private n = 0;
  async options(backend: Backend): Promise<Pick<ServerOptions, 'databaseUrl' | 'dataDir'>> {
    if (backend === 'pglite') {
      const dir = await freshPgliteDir();
      this.dirs.push(dir);
      return { dataDir: dir };
    }
    this.cluster ??= startPostgres();
    const c = await this.cluster;
    return { databaseUrl: c.createDatabase(`office${++this.n}`) };
  }
  async pgCluster(): Promise<PostgresCluster> {
    this.cluster ??= startPostgres();
    return this.cluster;
  }
  async close(): Promise<void> {
    if (this.cluster) await (await this.cluster).stop();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

export async function startTestServer(dbs: Databases, backend: Backend, extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({ ...(await dbs.options(backend)), packs: await builtinPacks(), logger: silentLogger, adminPassword: ADMIN_PASSWORD, ...extra });
}

export interface Res<T = Record<string, unknown>> { status: number; json: T & { ok?: boolean; error?: string }; headers: Headers; text: string }

export class HttpClient {
  cookie?: string;
  csrf?: string;
  token?: string;
  constructor(readonly base: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/json' : 'application/json';
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const set = res.headers.get('set-cookie');
    if (set) {
      const m = /lvzhi_session=([^;]*)/.exec(set);
      if (m?.[1]) this.cookie = `lvzhi_session=${m[1]}`;
      else if (m) delete this.cookie;
    }
    const text = await res.text();
    let json: T = {} as T;
    try { json = JSON.parse(text) as T; } catch { /* not JSON */ }
    return { status: res.status, json: json as Res<T>['json'], headers: res.headers, text };
  }

  get<T = Record<string, unknown>>(path: string) { return this.request<T>('GET', path); }
  post<T = Record<string, unknown>>(path: string, body: unknown = {}, opts: { csrf?: boolean } = {}) { return this.request<T>('POST', path, body, opts); }

  async login(username: string, password: string): Promise<Res> {
    const r = await this.post('/api/login', { username, password });
    if (r.status === 200) this.csrf = (r.json as { csrf: string }).csrf;
    return r;
  }
}

export async function adminClient(server: RunningServer): Promise<HttpClient> {
  const c = new HttpClient(server.url);
  const r = await c.login('admin', ADMIN_PASSWORD);
  if (r.status !== 200) throw new Error(`admin login failed: ${r.text}`);
  return c;
}

/** Creates an account (as the admin) and returns a signed-in client for it. */
export async function userClient(server: RunningServer, admin: HttpClient, input: { username: string; displayName: string; role: string; unit?: string }): Promise<HttpClient> {
  const password = `${input.username}-password`;
  const r = await admin.post('/api/accounts', { ...input, password });
  if (r.status !== 201) throw new Error(`account ${input.username}: ${r.text}`);
  const c = new HttpClient(server.url);
  const l = await c.login(input.username, password);
  if (l.status !== 200) throw new Error(`login ${input.username}: ${l.text}`);
  return c;
}

/** An extension's client: paired through a one-time code shown to `user`. */
export async function pairedClient(server: RunningServer, user: HttpClient, label = '测试浏览器'): Promise<HttpClient> {
  const code = (await user.post<{ code: string }>('/api/pairing-code')).json.code;
  const ext = new HttpClient(server.url);
  const r = await ext.post<{ token: string }>('/api/pair', { code, label });
  if (r.status !== 200) throw new Error(`pairing failed: ${r.text}`);
  ext.token = r.json.token;
  return ext;
}

let seq = 0;
export function changeId(): string {
  return `ch-${process.pid}-${Date.now()}-${++seq}`;
}

/** A suggestion as a clerk registers it (enough for the workflow's first steps). */
export function suggestion(overrides: Record<string, unknown> = {}, id = `sug-${changeId()}`): LvzhiRecord {
  return {
    id, pack: 'lvzhi.suggestions', packVersion: '1.0.0', form: 'suggestion', formVersion: 1, status: 'draft',
    createdAt: '2024-03-10T09:00:00+08:00', updatedAt: '2024-03-10T09:00:00+08:00',
    values: {
      title: '关于修缮镇中心小学操场的建议', type: '建议', category: '教科文卫', period: '大会期间', submitDate: '2024-03-10',
      proposer: { name: '王建国' }, content: '操场跑道破损，建议年内修缮。', ...overrides,
    },
  };
}

/** `lvzhi serve` as a child process (for kill -9): its URL once it listens. */
export interface ServerProcess { url: string; pid: number; kill(signal?: NodeJS.Signals): Promise<void>; stderr(): string }

export async function spawnServer(db: Pick<ServerOptions, 'databaseUrl' | 'dataDir'>): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process');
  const args = [join(REPO_ROOT, 'shared/bin/lvzhi.mjs'), 'serve', '--port', '0', '--packs', 'forms/packs', ...(db.dataDir ? ['--data', db.dataDir] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LVZHI_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: db.databaseUrl ?? '' },
  });
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 120_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /Lvzhi office server: (http:\/\/[\d.:]+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${err}`)); });
  });
  return {
    url, pid: child.pid!,
    stderr: () => err,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * A cable between a browser and the server that a test can pull: a TCP relay on its own port.
 * `cut()` drops every open connection (keep-alive ones too) and refuses new ones until
 * `mend()`. Unlike Chromium's offline emulation it does not depend on which of the
 * extension's contexts makes the request: nothing reaches the server while it is cut.
 */
export interface NetworkGate { url: string; cut(): void; mend(): void; close(): Promise<void> }

export async function networkGate(target: string): Promise<NetworkGate> {
  const net = await import('node:net');
  const to = new URL(target);
  const open = new Set<import('node:net').Socket>();
  let cut = false;
  const relay = net.createServer((client) => {
    if (cut) { client.destroy(); return; }
    const upstream = net.connect(Number(to.port), to.hostname);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as import('node:net').AddressInfo).port;
  const pull = () => {
    cut = true;
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: pull,
    mend() { cut = false; },
    close() {
      pull();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
