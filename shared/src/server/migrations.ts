/**
 * The one schema of the office server and its migration history, the same SQL on PGlite and on
 * PostgreSQL. Kept to what PostgreSQL-derived databases used in Chinese government IT
 * (openGauss, KingbaseES) also accept: plain tables, TEXT/INTEGER/BIGINT/BOOLEAN/TIMESTAMPTZ,
 * JSONB, B-tree indexes, CHECK constraints, one PL/pgSQL trigger function (EXECUTE PROCEDURE
 * syntax), `LOCK TABLE`, `SELECT … FOR UPDATE`, `INSERT … ON CONFLICT DO NOTHING`. No
 * extensions, no sequences the server relies on for ordering, no LISTEN/NOTIFY.
 *
 * A migration is append-only: never edit one that has shipped; add the next version.
 */
import type { Database } from './db.ts';

export interface Migration { version: number; name: string; sql: string }

export const ROLES = ['admin', 'staff', 'recorder', 'unit', 'deputy'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'office records, sync, accounts, audit',
    sql: `
-- One row that every writing transaction locks first (SELECT … FOR UPDATE): revisions and audit
-- sequence numbers are then handed out, and committed, in one order. A pull by revision cursor
-- can therefore never skip a revision that commits later.
CREATE TABLE office_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL,
  audit_seq BIGINT NOT NULL,
  audit_hash TEXT NOT NULL,
  audit_at TEXT
);
INSERT INTO office_head (id, revision, audit_seq, audit_hash, audit_at)
  VALUES (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'recorder', 'unit', 'deputy')),
  unit TEXT,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  csrf TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);

CREATE TABLE device_tokens (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  label TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);

-- The current version of every record (soft delete: deleted_at), with the columns the office
-- queries by pulled out of the JSONB.
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  pack TEXT NOT NULL,
  pack_version TEXT,
  form TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  revision BIGINT NOT NULL UNIQUE,
  record JSONB NOT NULL,
  workflow TEXT,
  workflow_state TEXT,
  assignee TEXT,
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TIMESTAMPTZ
);
CREATE INDEX records_form ON records (form);
CREATE INDEX records_assignee ON records (assignee);

-- Every revision ever stored: nothing an accepted push carried is lost.
CREATE TABLE record_versions (
  record_id TEXT NOT NULL,
  revision BIGINT NOT NULL,
  record JSONB NOT NULL,
  changed_by TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (record_id, revision)
);

-- A push whose base revision was not the record's current one, with different content: the
-- pushed version waits here beside the stored one until someone chooses.
CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  base_revision BIGINT,
  server_revision BIGINT NOT NULL,
  theirs JSONB NOT NULL,
  pushed_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  resolved_at TIMESTAMPTZ,
  resolved_by TEXT,
  resolution TEXT
);
CREATE INDEX conflicts_open ON conflicts (record_id, resolved_at);

-- Client change ids already applied, with the answer given: a retried push gets the same answer.
CREATE TABLE client_changes (
  change_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  result JSONB NOT NULL,
  at TIMESTAMPTZ NOT NULL
);

CREATE TABLE published_packs (
  id TEXT NOT NULL,
  version TEXT NOT NULL,
  body TEXT NOT NULL,
  etag TEXT NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  published_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE rating_links (
  token_hash TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);

-- The audit chain (core/audit): append-only.
CREATE TABLE audit (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  data JSONB,
  prev TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE FUNCTION lvzhi_audit_append_only() RETURNS trigger AS $fn$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END
$fn$ LANGUAGE plpgsql;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE PROCEDURE lvzhi_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE PROCEDURE lvzhi_audit_append_only();
`,
  },
  {
    version: 2,
    name: 'record facts for the year-end figures',
    sql: `
-- One row per record: what it contributes to the figures (the core's statsFact), written with
-- every new version of the record, so the figures are folded from facts grouped in SQL instead
-- of every record's JSON. status: dated | deleted | unknownForm | noDate; day: the event day
-- (YYYY-MM-DD, China time); due_date: overdue once the day is after it.
CREATE TABLE record_facts (
  record_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  day TEXT,
  due_date TEXT,
  fact JSONB
);
CREATE INDEX record_facts_day ON record_facts (day);

-- Which form and workflow definitions the facts were computed with: other packs, other facts
-- (the server recomputes them all before the next figures).
CREATE TABLE record_facts_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  defs_key TEXT
);
INSERT INTO record_facts_meta (id, defs_key) VALUES (1, NULL);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Applies the migrations not yet applied, each in its own transaction. Several servers starting
 * at once over one PostgreSQL take turns through LOCK TABLE, so each migration runs once.
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const did = await db.tx(async (sql) => {
      await sql.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await sql.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.length > 0) return false;
      // One statement at a time: node-postgres runs a multi-statement text only without
      // parameters, PGlite's query() takes one; splitting on the blank-line-free ';\n' boundary
      // keeps the $fn$ … $fn$ body (which has no ';\n' at top level) whole.
      for (const stmt of splitStatements(m.sql)) await sql.query(stmt);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (did) applied.push(m.version);
  }
  return applied;
}

/** Splits on `;` at line ends outside `$fn$` bodies; drops comment-only pieces. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if ((line.match(/\$fn\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    cur += `${line}\n`;
    if (!inBody && /;\s*$/.test(line)) {
      const s = cur.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').trim();
      if (s) out.push(s.replace(/;\s*$/, ''));
      cur = '';
    }
  }
  const rest = cur.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').trim();
  if (rest) out.push(rest);
  return out;
}
