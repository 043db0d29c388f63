/**
 * A throwaway PostgreSQL cluster for tests and benches: Debian's `postgresql` 15
 * (`/usr/lib/postgresql/15/bin`, override with PG_BIN), initdb in a temporary folder, started
 * on a free port on 127.0.0.1 with trust auth, removed by `stop()`.
 *
 *   const pg = await startPostgres();      // { url, port, dir, stop() }
 *   process.env.DATABASE_URL = pg.url;     // postgres://lvzhi@127.0.0.1:PORT/postgres
 *   await pg.stop();                       // in afterAll; safe to call twice
 *
 * PostgreSQL refuses to run as root, so as root initdb and pg_ctl run as the `postgres` user
 * (the folder is chowned to it, its parent made world-readable).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  url: string;
  port: number;
  dir: string;
  /** A second database on the same cluster (for restore tests): its URL. */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

export function postgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: string[]): void {
  const full = isRoot ? ['su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map(shellQuote).join(' ')]] as const : [cmd, args] as const;
  const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function startPostgres(): Promise<PostgresCluster> {
  if (!postgresAvailable()) throw new Error(`PostgreSQL not found in ${PG_BIN}: apt-get install -y postgresql`);
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-pg-'));
  chmodSync(dir, 0o755);
  if (isRoot) spawnSync('chown', ['postgres', dir]);
  const port = await freePort();
  const data = join(dir, 'db');
  run(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'lvzhi', '-E', 'UTF8', '--no-locale']);
  run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, '-l', join(dir, 'log'), 'start']);
  let stopped = false;
  const url = `postgres://lvzhi@127.0.0.1:${port}/postgres`;
  return {
    url, port, dir,
    createDatabase(name) {
      const r = spawnSync(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'lvzhi', name], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`createdb failed: ${r.stderr}`);
      return `postgres://lvzhi@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try { run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']); } finally { rmSync(dir, { recursive: true, force: true }); }
    },
  };
}
