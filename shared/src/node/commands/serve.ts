/**
 * `lvzhi serve` and `lvzhi server backup|restore`: the office server (src/server) from the
 * command line. The database is PostgreSQL when DATABASE_URL (or --database-url) is set,
 * otherwise PGlite in the --data folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importTrustedKey, PackKeyError, type TrustedKey } from '../../core/index.ts';
import { defineCommand, UsageError } from '../command.ts';
import { loadPacksFor } from '../stats-io.ts';

async function trustedKeys(cwd: string, files: readonly string[] | undefined): Promise<TrustedKey[]> {
  const out: TrustedKey[] = [];
  for (const f of files ?? []) {
    try {
      out.push(await importTrustedKey(await readFile(path.resolve(cwd, f), 'utf8')));
    } catch (e) {
      throw new UsageError(`${f}: ${e instanceof PackKeyError ? `${e.message} / ${e.messageEn}` : (e as Error).message}`);
    }
  }
  return out;
}

const databaseUrl = (v: string | undefined): string | undefined => v ?? (process.env['DATABASE_URL'] || undefined);

export const serveCommand = defineCommand({
  name: ['serve'],
  summary: '启动人大办公室服务器（PGlite 数据目录或 DATABASE_URL） / run the office server',
  usage: 'lvzhi serve [--data DIR] [--port N] [--host ADDR] [--packs DIR] [--trust PUBLIC-KEY…] [--database-url URL] [--secure-cookies] [--trust-proxy]\n  DATABASE_URL=postgres://… lvzhi serve --port 8080',
  options: {
    data: { type: 'string', default: 'lvzhi-data' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    packs: { type: 'string', multiple: true },
    trust: { type: 'string', multiple: true },
    'database-url': { type: 'string' },
    'secure-cookies': { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
  },
  async run({ values, cwd, err }) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is a number from 0 to 65535');
    const url = databaseUrl(values['database-url']);
    const packs = await loadPacksFor(cwd, values.packs);
    // Loaded here, not at the top: other commands need not load PGlite, pg and Hono.
    const { startServer } = await import('../../server/server.ts');
    const server = await startServer({
      ...(url ? { databaseUrl: url } : { dataDir: path.resolve(cwd, values.data ?? 'lvzhi-data') }),
      port, host: values.host ?? '127.0.0.1', packs, trusted: await trustedKeys(cwd, values.trust),
      secureCookies: values['secure-cookies'] ?? false, trustProxy: values['trust-proxy'] ?? false,
      ...(process.env['LVZHI_ADMIN_PASSWORD'] ? { adminPassword: process.env['LVZHI_ADMIN_PASSWORD'] } : {}),
    });
    if (server.generatedAdminPassword) {
      err(`首个管理员账号 / first administrator: admin  密码 / password: ${server.generatedAdminPassword}  （请登录后修改 / change it after signing in）`);
    }
    err(`履职办公室服务器 / Lvzhi office server: ${server.url}  (${server.db.kind})`);
    await new Promise<void>((resolve) => {
      const stop = () => { void server.close().then(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('error', (e) => reject(new Error(`${cmd}: ${e.message} (install the PostgreSQL client tools)`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${stderr.trim()}`))));
  });
}

const pgTool = (name: string) => process.env['PG_BIN'] ? path.join(process.env['PG_BIN'], name) : existsSync(`/usr/lib/postgresql/15/bin/${name}`) ? `/usr/lib/postgresql/15/bin/${name}` : name;

export const serverBackupCommand = defineCommand({
  name: ['server', 'backup'],
  summary: '备份服务器数据库（PostgreSQL: pg_dump 格式；PGlite: 数据目录归档） / back up the server database',
  usage: 'lvzhi server backup -o FILE [--data DIR | DATABASE_URL=…]   (PGlite: stop the server first)',
  options: { data: { type: 'string', default: 'lvzhi-data' }, output: { type: 'string', short: 'o' }, 'database-url': { type: 'string' } },
  async run({ values, cwd, out }) {
    if (!values.output) throw new UsageError('name the backup file with -o FILE');
    const file = path.resolve(cwd, values.output);
    const url = databaseUrl(values['database-url']);
    if (url) {
      await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, url]);
      out(`已备份 / backed up (pg_dump custom format): ${values.output}`);
      return 0;
    }
    const dir = path.resolve(cwd, values.data ?? 'lvzhi-data');
    if (!existsSync(dir)) throw new UsageError(`no PGlite data folder at ${dir}`);
    const { openDatabase } = await import('../../server/db.ts');
    const db = await openDatabase({ dataDir: dir });
    try {
      await writeFile(file, await db.dumpDataDir!());
    } finally {
      await db.close();
    }
    out(`已备份 / backed up (PGlite data folder, tar.gz): ${values.output}`);
    return 0;
  },
});

export const serverRestoreCommand = defineCommand({
  name: ['server', 'restore'],
  summary: '从备份恢复服务器数据库（到空的数据库或新的数据目录） / restore the server database from a backup',
  usage: 'lvzhi server restore FILE [--data NEW-DIR | DATABASE_URL=… of an empty database]',
  options: { data: { type: 'string', default: 'lvzhi-data' }, 'database-url': { type: 'string' } },
  async run({ values, positionals, cwd, out }) {
    if (positionals.length !== 1) throw new UsageError('name one backup file');
    const file = path.resolve(cwd, positionals[0]!);
    if (!existsSync(file)) throw new UsageError(`no such file: ${positionals[0]}`);
    const url = databaseUrl(values['database-url']);
    if (url) {
      await run(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
      out('已恢复 / restored into the PostgreSQL database');
      return 0;
    }
    const dir = path.resolve(cwd, values.data ?? 'lvzhi-data');
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${dir} is not empty: restore into a new folder`);
    const { openDatabase } = await import('../../server/db.ts');
    const db = await openDatabase({ dataDir: dir, loadDataDir: new Uint8Array(await readFile(file)) });
    await db.query('SELECT 1');
    await db.close();
    out(`已恢复 / restored into ${values.data}`);
    return 0;
  },
});
