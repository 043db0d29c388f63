/**
 * One database interface over the two PostgreSQL engines the server runs on: embedded PGlite
 * (a data folder, nothing to install) and a PostgreSQL server (`DATABASE_URL`, node-postgres
 * pool). Both speak the same SQL (see migrations.ts); the rest of the server only sees `Sql`.
 *
 * Transactions: `tx(fn)` runs `fn` in BEGIN … COMMIT on one connection and rolls back when it
 * throws. PGlite has one connection and queues transactions itself; on PostgreSQL each
 * transaction takes a pooled client.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: DatabaseKind;
  /** Runs several statements (no parameters): migrations. */
  exec(text: string): Promise<void>;
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a gzipped tar (PGlite's dumpDataDir). */
  dumpDataDir?(): Promise<Uint8Array>;
}

export interface DatabaseOptions {
  /** postgres://… — a PostgreSQL server. */
  url?: string;
  /** PGlite data folder (created when missing). Ignored when `url` is set. */
  dataDir?: string;
  /** PGlite: start from this data-folder tarball (restore). */
  loadDataDir?: Uint8Array;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

// node-postgres: BIGINT (revisions, sequence numbers) as JS numbers, like PGlite returns them.
// Revisions stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  if (!options.dataDir) throw new Error('a data folder (--data DIR) or DATABASE_URL is needed');
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string, load?: Uint8Array): Promise<Database> {
  const db = await PGlite.create(dataDir, load ? { loadDataDir: new Blob([load as BlobPart]) } : {});
  const query = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> => (await db.query<T>(text, params ? [...params] : undefined)).rows;
  return {
    kind: 'pglite',
    query,
    async exec(text) { await db.exec(text); },
    tx: (fn) => db.transaction((t) => fn({ query: async <T>(text: string, params?: readonly unknown[]) => (await t.query<T>(text, params ? [...params] : undefined)).rows })),
    async close() { await db.close(); },
    async dumpDataDir() {
      const blob = await db.dumpDataDir('gzip');
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect(); // fail early with a clear error when the server is unreachable
  client.release();
  return {
    kind: 'postgresql',
    async query<T>(text: string, params?: readonly unknown[]) { return (await pool.query(text, params ? [...params] : undefined)).rows as T[]; },
    async exec(text) { await pool.query(text); },
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn({ query: async <T>(text: string, params?: readonly unknown[]) => (await c.query(text, params ? [...params] : undefined)).rows as T[] });
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    async close() { await pool.end(); },
  };
}
