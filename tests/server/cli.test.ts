/**
 * The office server's commands as an administrator runs them, as child processes of the real
 * `lvzhi` bin, on PGlite and on PostgreSQL (a throwaway cluster, tests/harness/postgres.ts):
 * `lvzhi serve` starts on an empty database and prints the generated admin password once,
 * a record is synced, SIGTERM stops it cleanly; `lvzhi server backup` writes the backup;
 * `lvzhi server restore` refuses a non-empty target and restores into an empty one; a server
 * started on the restored database has the record and an intact audit chain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../harness/browser.ts';
import { changeId, Databases, HttpClient, suggestion, BACKENDS } from './harness.ts';

const BIN = join(REPO_ROOT, 'shared/bin/lvzhi.mjs');
const work = mkdtempSync(join(tmpdir(), 'lvzhi-cli-server-'));
const dbs = new Databases();
const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await dbs.close();
  rmSync(work, { recursive: true, force: true });
}, 60_000); // stopping the PostgreSQL cluster

const envWithout = (extra: Record<string, string>) => {
  const env = { ...process.env, ...extra };
  delete env['DATABASE_URL'];
  delete env['LVZHI_ADMIN_PASSWORD'];
  return { ...env, ...extra };
};

/** Runs `lvzhi ARGS` to its end. */
function lvzhi(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: work, env: envWithout(env) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Served { proc: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }

/** Starts `lvzhi serve` and waits for the line naming its address (bounded by the test timeout). */
function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: work, env: envWithout(env) });
    children.add(proc);
    let stderr = '';
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => { children.delete(proc); r(code); }));
    proc.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /Lvzhi office server: (http:\/\/\S+)/.exec(stderr);
      if (m) resolve({ proc, url: m[1]!, stderr: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`lvzhi serve exited (${code}) before listening:\n${stderr}`)));
  });
}

async function stop(s: Served): Promise<number | null> {
  s.proc.kill('SIGTERM');
  return s.exited;
}

describe.each(BACKENDS)('lvzhi serve / server backup / server restore on %s', (backend) => {
  it('serves a new office, backs it up and restores it into an empty database', async () => {
    const dir = join(work, `${backend}-data`);
    const restoredDir = join(work, `${backend}-restored`);
    const backup = join(work, backend === 'pglite' ? 'office.tar.gz' : 'office.dump');
    let env: Record<string, string> = {};
    let restoredEnv: Record<string, string> = {};
    if (backend === 'postgresql') {
      const cluster = await dbs.pgCluster();
      env = { DATABASE_URL: cluster.createDatabase('cli_office') };
      restoredEnv = { DATABASE_URL: cluster.createDatabase('cli_restored') };
    }
    const dataArgs = backend === 'pglite' ? ['--data', dir] : [];
    const restoredArgs = backend === 'pglite' ? ['--data', restoredDir] : [];

    // First start on an empty database: the administrator's password is printed once.
    const first = await serve(dataArgs, env);
    expect(first.stderr()).toContain(backend === 'pglite' ? '(pglite)' : '(postgresql)');
    const password = /密码 \/ password: (\S+)/.exec(first.stderr())?.[1];
    expect(password).toBeTruthy();
    const admin = new HttpClient(first.url);
    expect((await admin.login('admin', password!)).status).toBe(200);
    expect((await admin.get('/api/health')).json).toMatchObject({ ok: true, database: backend });
    const rec = suggestion({ title: `命令行备份的建议 ${backend}` });
    const pushed = await admin.post<{ results: Array<{ status: string }> }>('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: null, record: rec }] });
    expect(pushed.json.results?.[0]?.status).toBe('applied');
    expect(await stop(first)).toBe(0); // SIGTERM: closes the database and exits cleanly

    const b = await lvzhi(['server', 'backup', ...dataArgs, '-o', backup], env);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('已备份 / backed up');
    expect(statSync(backup).size).toBeGreaterThan(1000);

    // A restore never writes over data.
    if (backend === 'pglite') {
      mkdirSync(join(work, 'not-empty'));
      writeFileSync(join(work, 'not-empty', 'keep.txt'), 'x');
      const refused = await lvzhi(['server', 'restore', backup, '--data', join(work, 'not-empty')]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('not empty');
    } else {
      const refused = await lvzhi(['server', 'restore', backup], env); // the original, not empty
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/pg_restore failed/);
    }
    expect((await lvzhi(['server', 'restore', join(work, 'no-such.dump'), ...restoredArgs], restoredEnv)).code).toBe(2);

    const r = await lvzhi(['server', 'restore', backup, ...restoredArgs], restoredEnv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已恢复 / restored');
    if (backend === 'pglite') expect(existsSync(restoredDir)).toBe(true);

    // The restored office: same admin password (not generated again), the record, the audit chain.
    const second = await serve(restoredArgs, restoredEnv);
    try {
      expect(second.stderr()).not.toContain('password:');
      const admin2 = new HttpClient(second.url);
      expect((await admin2.login('admin', password!)).status).toBe(200);
      const got = await admin2.get<{ record: { values: { title: string } } }>(`/api/records/${rec.id}`);
      expect(got.status).toBe(200);
      expect(got.json.record.values.title).toBe(`命令行备份的建议 ${backend}`);
      const audit = await admin2.get<{ verification: { ok: boolean }; entries: unknown[] }>('/api/audit');
      expect(audit.json.verification.ok).toBe(true);
      expect(audit.json.entries.length).toBeGreaterThan(0);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 300_000);
});
