/**
 * Starting and stopping the office server: open the database (PGlite folder or DATABASE_URL),
 * migrate, load the packs, create the first administrator when there is no account, and
 * listen. Used by `lvzhi serve` and by the tests (port 0).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { TrustedKey } from '../core/index.ts';
import { Accounts } from './accounts.ts';
import { createApp } from './app.ts';
import { newToken } from './auth.ts';
import { openDatabase, type Database } from './db.ts';
import { jsonLogger, type Logger } from './logger.ts';
import { migrate } from './migrations.ts';
import { PackPublisher } from './packs.ts';
import { OfficeStore } from './store.ts';

export const SERVER_VERSION: string = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

export interface ServerOptions {
  /** postgres://… (takes precedence over dataDir). */
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  host?: string;
  /** Built-in packs (validated pack JSON). */
  packs: readonly unknown[];
  /** Keys whose signature a published pack must carry. */
  trusted?: readonly TrustedKey[];
  logger?: Logger;
  /** Password of the first administrator (`admin`) when the database has no account. */
  adminPassword?: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  store: OfficeStore;
  accounts: Accounts;
  /** Set when this start created the first administrator with a generated password. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

const WEB_DIST = fileURLToPath(new URL('../../dist/server-web/app.js', import.meta.url));
const WEB_ENTRY = fileURLToPath(new URL('./web/app.tsx', import.meta.url));

/** The browser app: the build's bundle, else built now with esbuild (once per process). */
export async function buildWebBundle(outfile?: string): Promise<string> {
  const { build } = await import('esbuild');
  const r = await build({
    entryPoints: [WEB_ENTRY], bundle: true, format: 'iife', platform: 'browser', target: ['es2022'],
    minify: true, legalComments: 'none', charset: 'utf8', write: Boolean(outfile), ...(outfile ? { outfile } : {}),
    define: { 'process.env.NODE_ENV': '"production"' }, jsx: 'automatic',
  });
  return outfile ? readFileSync(outfile, 'utf8') : r.outputFiles![0]!.text;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? jsonLogger();
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir! });
  try {
    const applied = await migrate(db);
    if (applied.length) logger.log('info', 'migrated', { versions: applied.join(','), database: db.kind });
    const publisher = new PackPublisher(db, options.packs, options.trusted ?? []);
    await publisher.load();
    const store = new OfficeStore(db, publisher.definitions(), now);
    const accounts = new Accounts(db, now);
    let generatedAdminPassword: string | undefined;
    if ((await accounts.count()) === 0) {
      const password = options.adminPassword ?? (generatedAdminPassword = newToken(12));
      await accounts.create({ username: 'admin', displayName: '管理员', role: 'admin', password });
      logger.log('info', 'first administrator created', { username: 'admin' });
    }
    let bundle: Promise<string> | undefined;
    const app = createApp({
      store, accounts, publisher, logger, version: SERVER_VERSION, now,
      refresh: async () => { if (await publisher.reloadIfChanged()) store.setPacks(publisher.definitions()); },
      webBundle: () => (bundle ??= existsSync(WEB_DIST) ? Promise.resolve(readFileSync(WEB_DIST, 'utf8')) : buildWebBundle()),
      ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    const url = `http://${host}:${port}`;
    logger.log('info', 'listening', { url, database: db.kind });
    let closed = false;
    return {
      url, port, db, store, accounts,
      ...(generatedAdminPassword ? { generatedAdminPassword } : {}),
      async close() {
        if (closed) return;
        closed = true;
        await new Promise<void>((resolve) => { server.close(() => resolve()); (server as { closeAllConnections?: () => void }).closeAllConnections?.(); });
        await db.close();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
