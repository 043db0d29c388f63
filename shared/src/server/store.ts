/**
 * The office's data on PostgreSQL (PGlite or a server), through `Database`. Every writing
 * transaction first locks the one `office_head` row: revisions and audit sequence numbers are
 * then handed out, and committed, in order, so a pull by revision cursor never skips a change
 * that commits later, and the audit chain has no forks. The rules themselves come from the
 * core: record parsing (recordSchema), workflow steps (stepRecord / checkTransition), audit
 * entries and their hashes (recordChangeAudit, appendWorkflowEffects, appendAudit).
 */
import {
  appendAudit, appendWorkflowEffects, availableTransitions, canonicalJson, checkTransition, isoInChina,
  foldStats, recordChangeAudit, recordSchema, sameContent, statsAsOf, statsDefinitions, statsFact, stepRecord, todayInChina,
  type AuditEntry, type FactBody, type StatsOptions, type StatsPeriod, type WorkStats, type AuditHead, type AuditLog, type ConflictView, type LvzhiRecord, type PackDefinition,
  type PullResponse, type PushResult, type StatsDefinitions, type SyncChange, type WorkflowActor, type WorkflowError,
} from '../core/index.ts';
import type { Database, Sql } from './db.ts';
import { actorOf, type Account } from './roles.ts';
import { newId } from './auth.ts';

interface HeadRow { revision: number; audit_seq: number; audit_hash: string; audit_at: string | null }

/** A located refusal with both languages, as the API returns it. */
export interface Refusal { message: string; messageEn: string; path?: unknown[]; code?: string }

export class StepRefused extends Error {
  constructor(readonly errors: Refusal[], readonly status: 403 | 404 | 409 | 422 = 422) {
    super(errors.map((e) => e.messageEn).join('; '));
  }
}

/** The lock and the audit chain inside one writing transaction. */
class Writer {
  private log: AuditLog;
  private pendingEntries: AuditEntry[] = [];
  constructor(readonly sql: Sql, private head: HeadRow) {
    // The core's appendAudit reads only the last entry's seq and hash: give it that.
    const last = head.audit_seq > 0 ? [{ seq: head.audit_seq, hash: head.audit_hash } as AuditEntry] : [];
    this.log = { entries: last, head: head.audit_seq > 0 ? { seq: head.audit_seq, hash: head.audit_hash, at: head.audit_at ?? '' } : null };
  }

  nextRevision(): number {
    this.head.revision += 1;
    return this.head.revision;
  }

  async audit(fn: (log: AuditLog) => Promise<AuditLog>): Promise<void> {
    const before = this.log.entries.length;
    this.log = await fn(this.log);
    this.pendingEntries.push(...this.log.entries.slice(before));
  }

  async finish(): Promise<void> {
    for (const e of this.pendingEntries) {
      await this.sql.query('INSERT INTO audit (seq, at, actor, action, target, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [e.seq, e.at, e.actor, e.action, e.target ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.prev, e.hash]);
    }
    const h = this.log.head;
    await this.sql.query('UPDATE office_head SET revision = $1, audit_seq = $2, audit_hash = $3, audit_at = $4 WHERE id = 1',
      [this.head.revision, h?.seq ?? 0, h?.hash ?? this.head.audit_hash, h?.at ?? null]);
  }
}

interface StoredRow { record: LvzhiRecord; revision: number }

export class OfficeStore {
  private defs: StatsDefinitions;
  private defsKey: string;
  constructor(readonly db: Database, private packs: PackDefinition[], private now: () => Date = () => new Date()) {
    this.defs = statsDefinitions(packs);
    this.defsKey = defsKeyOf(packs);
  }

  definitions(): PackDefinition[] { return this.packs; }

  setPacks(packs: PackDefinition[]): void {
    this.packs = packs;
    this.defs = statsDefinitions(packs);
    this.defsKey = defsKeyOf(packs);
  }

  /** Runs `fn` holding the office lock; its audit entries and revisions are written on success. */
  async write<T>(fn: (w: Writer) => Promise<T>): Promise<T> {
    return this.db.tx(async (sql) => {
      const [head] = await sql.query<HeadRow>('SELECT revision, audit_seq, audit_hash, audit_at FROM office_head WHERE id = 1 FOR UPDATE');
      const w = new Writer(sql, { ...head! });
      const out = await fn(w);
      await w.finish();
      return out;
    });
  }

  private async current(sql: Sql, id: string, lock = false): Promise<StoredRow | undefined> {
    const rows = await sql.query<{ record: unknown; revision: number }>(`SELECT record, revision FROM records WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    const r = rows[0];
    return r ? { record: recordSchema.parse(r.record), revision: r.revision } : undefined;
  }

  /** Stores a new version of a record (revision, history row, audit entry). */
  private async put(w: Writer, before: LvzhiRecord | undefined, record: LvzhiRecord, account: Account): Promise<number> {
    const revision = w.nextRevision();
    const at = isoInChina(this.now());
    const wf = record.workflow;
    await w.sql.query(
      `INSERT INTO records (id, pack, pack_version, form, form_version, revision, record, workflow, workflow_state, assignee, updated_at, updated_by, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET pack = EXCLUDED.pack, pack_version = EXCLUDED.pack_version, form = EXCLUDED.form,
         form_version = EXCLUDED.form_version, revision = EXCLUDED.revision, record = EXCLUDED.record, workflow = EXCLUDED.workflow,
         workflow_state = EXCLUDED.workflow_state, assignee = EXCLUDED.assignee, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by, deleted_at = EXCLUDED.deleted_at`,
      [record.id, record.pack, record.packVersion ?? null, record.form, record.formVersion, revision, JSON.stringify(record),
        wf?.workflow ?? null, wf?.state ?? null, assigneeOf(record) ?? null, at, account.id, record.deletedAt ?? null]);
    await w.sql.query('INSERT INTO record_versions (record_id, revision, record, changed_by, at) VALUES ($1, $2, $3, $4, $5)',
      [record.id, revision, JSON.stringify(record), account.id, at]);
    await this.putFact(w.sql, record);
    const input = await recordChangeAudit(before, record, account.displayName);
    await w.audit((log) => appendAudit(log, input, at));
    return revision;
  }

  // ------------------------------------------------------------------ sync

  /** Applies pushed changes one by one, each in its own transaction: an answer means committed. */
  async push(account: Account, changes: readonly SyncChange[]): Promise<PushResult[]> {
    const results: PushResult[] = [];
    for (const change of changes) results.push(await this.pushOne(account, change));
    return results;
  }

  private async pushOne(account: Account, change: SyncChange): Promise<PushResult> {
    return this.write(async (w) => {
      const seen = await w.sql.query<{ result: PushResult }>('SELECT result FROM client_changes WHERE change_id = $1', [change.changeId]);
      if (seen[0]) return seen[0].result;
      const result = await this.applyChange(w, account, change);
      await w.sql.query('INSERT INTO client_changes (change_id, account_id, result, at) VALUES ($1, $2, $3, $4)',
        [change.changeId, account.id, JSON.stringify(result), this.now().toISOString()]);
      return result;
    });
  }

  private async applyChange(w: Writer, account: Account, change: SyncChange): Promise<PushResult> {
    const base = { changeId: change.changeId, recordId: change.record.id };
    const cur = await this.current(w.sql, change.record.id);
    if (cur && sameContent(cur.record, change.record, canonicalJson)) return { ...base, status: 'unchanged', revision: cur.revision };
    if (!cur || cur.revision === change.baseRevision) {
      const errors = this.checkWorkflowChange(cur?.record, change.record, actorOf(account));
      if (errors.length > 0) return { ...base, status: 'refused', errors: errors.map((e) => ({ message: e.message, messageEn: e.messageEn })) };
      const revision = await this.put(w, cur?.record, change.record, account);
      return { ...base, status: 'applied', revision };
    }
    // Based on an older revision, with other content: keep both, let a person choose.
    const conflictId = newId('c');
    await w.sql.query(
      'INSERT INTO conflicts (id, record_id, base_revision, server_revision, theirs, pushed_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [conflictId, change.record.id, change.baseRevision, cur.revision, JSON.stringify(change.record), account.displayName, isoInChina(this.now())]);
    await w.audit((log) => appendAudit(log, { actor: account.displayName, action: 'sync.conflict', target: change.record.id, data: { conflict: conflictId, baseRevision: change.baseRevision, serverRevision: cur.revision } }, isoInChina(this.now())));
    return { ...base, status: 'conflict', revision: cur.revision, conflictId };
  }

  /**
   * A pushed record may carry workflow steps taken offline. Each new step must be one the
   * pushing account may take: replayed through the core's checkTransition from the stored
   * instance (or the initial state), with the account's workflow roles.
   */
  checkWorkflowChange(before: LvzhiRecord | undefined, after: LvzhiRecord, actor: WorkflowActor): WorkflowError[] {
    const a = after.workflow;
    const b = before?.workflow;
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return [];
    const refuse = (message: string, messageEn: string): WorkflowError[] => [{ code: 'wrong-state', message, messageEn, path: ['workflow'] }];
    if (!a) return refuse('不能删除记录的办理流程', 'a record\'s workflow cannot be removed');
    const def = this.defs.workflows.get(a.workflow);
    if (!def) return refuse(`服务器上没有流程“${a.workflow}”`, `the server has no workflow "${a.workflow}"`);
    const prefix = b?.history ?? [];
    if (b && (b.workflow !== a.workflow || canonicalJson(a.history.slice(0, prefix.length)) !== canonicalJson(prefix))) {
      return refuse('办理记录只能追加，不能改写', 'workflow history can only be added to, not rewritten');
    }
    let instance = b ?? { workflow: def.id, version: a.version, state: def.initial, enteredAt: after.createdAt, history: [] };
    for (const h of a.history.slice(prefix.length)) {
      const { transition: t, errors } = checkTransition(def, instance, { transition: h.transition, values: after.values, ...(h.comment ? { comment: h.comment } : {}), ...(a.assignee ? { assignee: a.assignee } : {}) }, actor, new Date(h.at));
      if (errors.length > 0) return errors;
      if (!t || t.to !== h.to) return refuse(`“${h.transition}”不会进入“${h.to}”`, `"${h.transition}" does not lead to "${h.to}"`);
      instance = { ...instance, state: h.to, enteredAt: h.at, history: [...instance.history, h] };
    }
    if (instance.state !== a.state) return refuse('流程状态与办理记录不符', 'the workflow state does not match its history');
    return [];
  }

  async pull(since: number, limit: number): Promise<PullResponse> {
    const rows = await this.db.query<{ revision: number; record: unknown }>('SELECT revision, record FROM records WHERE revision > $1 ORDER BY revision LIMIT $2', [since, limit + 1]);
    const more = rows.length > limit;
    const page = rows.slice(0, limit).map((r) => ({ revision: r.revision, record: recordSchema.parse(r.record) }));
    return { records: page, cursor: page.at(-1)?.revision ?? since, more, conflicts: await this.openConflicts() };
  }

  async openConflicts(limit = 200): Promise<ConflictView[]> {
    const rows = await this.db.query<{ id: string; record_id: string; server_revision: number; theirs: unknown; pushed_by: string; created_at: string; record: unknown }>(
      `SELECT c.id, c.record_id, r.revision AS server_revision, c.theirs, c.pushed_by, c.created_at::text AS created_at, r.record
         FROM conflicts c JOIN records r ON r.id = c.record_id WHERE c.resolved_at IS NULL ORDER BY c.created_at, c.id LIMIT $1`, [limit]);
    return rows.map((r) => ({ id: r.id, recordId: r.record_id, serverRevision: r.server_revision, server: recordSchema.parse(r.record), theirs: recordSchema.parse(r.theirs), pushedBy: r.pushed_by, createdAt: r.created_at }));
  }

  /**
   * Settles a conflict. Keeping the pushed version stores its values as a new revision; the
   * workflow stays as the server has it (steps are only taken through the engine). Neither
   * version is deleted: the other stays in `conflicts` / `record_versions`.
   */
  async resolveConflict(account: Account, conflictId: string, keep: 'server' | 'theirs'): Promise<{ revision: number }> {
    return this.write(async (w) => {
      const rows = await w.sql.query<{ record_id: string; theirs: unknown; resolved_at: string | null }>('SELECT record_id, theirs, resolved_at FROM conflicts WHERE id = $1', [conflictId]);
      const c = rows[0];
      if (!c) throw new StepRefused([{ message: '没有这个冲突', messageEn: 'no such conflict' }], 404);
      if (c.resolved_at) throw new StepRefused([{ message: '这个冲突已经处理过了', messageEn: 'this conflict was already resolved' }], 409);
      const cur = (await this.current(w.sql, c.record_id))!;
      let revision = cur.revision;
      if (keep === 'theirs') {
        const theirs = recordSchema.parse(c.theirs);
        const chosen: LvzhiRecord = { ...theirs, updatedAt: isoInChina(this.now()) };
        if (cur.record.workflow) chosen.workflow = cur.record.workflow; else delete chosen.workflow;
        revision = await this.put(w, cur.record, chosen, account);
      }
      await w.sql.query('UPDATE conflicts SET resolved_at = $1, resolved_by = $2, resolution = $3 WHERE id = $4', [this.now().toISOString(), account.displayName, keep, conflictId]);
      await w.audit((log) => appendAudit(log, { actor: account.displayName, action: 'sync.resolve', target: c.record_id, data: { conflict: conflictId, keep } }, isoInChina(this.now())));
      return { revision };
    });
  }

  // ------------------------------------------------------------------ records and workflows

  async get(id: string): Promise<StoredRow | undefined> { return this.current(this.db, id); }

  async allRecords(): Promise<LvzhiRecord[]> {
    const rows = await this.db.query<{ record: unknown }>('SELECT record FROM records ORDER BY revision');
    return rows.map((r) => r.record as LvzhiRecord);
  }

  async recordsAssignedTo(unit: string): Promise<Array<StoredRow>> {
    const rows = await this.db.query<{ record: unknown; revision: number }>('SELECT record, revision FROM records WHERE assignee = $1 AND deleted_at IS NULL ORDER BY updated_at DESC', [unit]);
    return rows.map((r) => ({ record: recordSchema.parse(r.record), revision: r.revision }));
  }

  /**
   * One workflow step taken on the server: the core's stepRecord decides (roles, state,
   * required fields, guards), the new version and the step's audit entries are stored.
   * `scope` refuses records the account may not touch (a unit's records are those assigned to it).
   */
  async step(account: Account, actor: WorkflowActor, recordId: string, event: { transition: string; patch?: Record<string, unknown>; comment?: string; assignee?: string }, scope?: (r: LvzhiRecord) => boolean): Promise<{ record: LvzhiRecord; revision: number }> {
    return this.write(async (w) => {
      const cur = await this.current(w.sql, recordId);
      if (!cur || cur.record.deletedAt || (scope && !scope(cur.record))) throw new StepRefused([{ message: '没有这条记录', messageEn: 'no such record' }], 404);
      const form = this.defs.forms.get(cur.record.form);
      const wfId = cur.record.workflow?.workflow ?? form?.workflow;
      const def = wfId ? this.defs.workflows.get(wfId) : undefined;
      if (!def) throw new StepRefused([{ message: '这条记录没有办理流程', messageEn: 'this record has no workflow' }], 422);
      const result = stepRecord(def, form, cur.record, event, actor, this.now());
      if (!result.ok) throw new StepRefused(result.errors.map((e) => ({ message: e.message, messageEn: e.messageEn, path: e.path, code: e.code })), e403(result.errors));
      const at = isoInChina(this.now());
      const revision = await this.put(w, cur.record, result.record, account);
      await w.audit((log) => appendWorkflowEffects(log, recordId, result.effects, actor.name, at));
      return { record: result.record, revision };
    });
  }

  /** The steps `actor` could take on a record now. */
  nextSteps(record: LvzhiRecord, actor: WorkflowActor) {
    const def = record.workflow ? this.defs.workflows.get(record.workflow.workflow) : undefined;
    return def && record.workflow ? availableTransitions(def, record.workflow, actor) : [];
  }

  workflowOf(record: LvzhiRecord) {
    return record.workflow ? this.defs.workflows.get(record.workflow.workflow) : undefined;
  }

  formOf(record: LvzhiRecord) { return this.defs.forms.get(record.form); }

  // ------------------------------------------------------------------ figures

  private async putFact(sql: Sql, record: LvzhiRecord): Promise<void> {
    // Facts on record are those of the definitions named in record_facts_meta. A server that has
    // not yet re-read a pack another server published (several behind a proxy) writes this fact
    // with other definitions: it then clears the key, so the next figures compute every fact
    // again instead of folding this one as if it were made like the rest. (Inside the office
    // lock, like ensureFacts: the key and the facts change together.)
    await sql.query('UPDATE record_facts_meta SET defs_key = NULL WHERE id = 1 AND defs_key <> $1', [this.defsKey]);
    const f = statsFact(record, this.defs);
    await sql.query(
      `INSERT INTO record_facts (record_id, status, day, due_date, fact) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (record_id) DO UPDATE SET status = EXCLUDED.status, day = EXCLUDED.day, due_date = EXCLUDED.due_date, fact = EXCLUDED.fact`,
      [record.id, f.status, f.day ?? null, f.dueDate ?? null, f.fact ? JSON.stringify(f.fact) : null]);
  }

  /**
   * Recomputes every record's fact when they were made with other definitions (packs published
   * or updated since, records stored by an older server, a restored database). Holds the office
   * lock, so no write interleaves; the key is stored with the facts in the same transaction.
   */
  private async ensureFacts(): Promise<void> {
    const [meta] = await this.db.query<{ defs_key: string | null }>('SELECT defs_key FROM record_facts_meta WHERE id = 1');
    if (meta?.defs_key === this.defsKey) return;
    const key = this.defsKey;
    await this.write(async (w) => {
      const [again] = await w.sql.query<{ defs_key: string | null }>('SELECT defs_key FROM record_facts_meta WHERE id = 1');
      if (again?.defs_key === key) return;
      await w.sql.query('DELETE FROM record_facts');
      let after = '';
      for (;;) {
        const rows = await w.sql.query<{ id: string; record: unknown }>('SELECT id, record FROM records WHERE id > $1 ORDER BY id LIMIT 2000', [after]);
        if (rows.length === 0) break;
        const params: unknown[] = [];
        const values = rows.map((r, i) => {
          const f = statsFact(r.record as LvzhiRecord, this.defs);
          params.push(r.id, f.status, f.day ?? null, f.dueDate ?? null, f.fact ? JSON.stringify(f.fact) : null);
          const b = i * 5;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
        });
        await w.sql.query(`INSERT INTO record_facts (record_id, status, day, due_date, fact) VALUES ${values.join(', ')}`, params);
        after = rows.at(-1)!.id;
      }
      await w.sql.query('UPDATE record_facts_meta SET defs_key = $1 WHERE id = 1', [key]);
    });
  }

  /**
   * The year-end figures over all records: the facts of the period grouped in SQL (equal facts,
   * and whether their deadline has passed at asOf), folded by the core's foldStats — the same
   * rules as computeStats over the records, without loading them.
   */
  async stats(period: StatsPeriod, options: StatsOptions = {}): Promise<WorkStats> {
    await this.ensureFacts();
    const today = todayInChina(statsAsOf(period, options));
    const groups = await this.db.query<{ fact: FactBody; overdue: boolean; n: number }>(
      `SELECT fact, (due_date IS NOT NULL AND due_date < $3) AS overdue, count(*)::int AS n
         FROM record_facts WHERE status = 'dated' AND day >= $1 AND day <= $2 GROUP BY fact, overdue`,
      [period.from, period.to, today]);
    const rest = await this.db.query<{ status: string; n: number }>(
      `SELECT CASE WHEN status = 'dated' THEN 'outsidePeriod' ELSE status END AS status, count(*)::int AS n
         FROM record_facts WHERE status <> 'dated' OR day < $1 OR day > $2 GROUP BY 1`, [period.from, period.to]);
    const counts = { outsidePeriod: 0, deleted: 0, unknownForm: 0, noDate: 0 };
    for (const r of rest) if (r.status in counts) counts[r.status as keyof typeof counts] = r.n;
    return foldStats(groups.map((g) => ({ fact: g.fact, count: g.n, overdue: g.overdue })), counts, period, options);
  }

  // ------------------------------------------------------------------ audit

  async auditLog(): Promise<{ entries: AuditEntry[]; head: AuditHead | null }> {
    const rows = await this.db.query<{ seq: number; at: string; actor: string; action: string; target: string | null; data: unknown }>('SELECT seq, at, actor, action, target, data, prev, hash FROM audit ORDER BY seq');
    const entries = rows.map((r) => {
      const e: Record<string, unknown> = { ...r };
      if (e['target'] === null) delete e['target'];
      if (e['data'] === null) delete e['data'];
      return e as unknown as AuditEntry;
    });
    const [h] = await this.db.query<HeadRow>('SELECT revision, audit_seq, audit_hash, audit_at FROM office_head WHERE id = 1');
    return { entries, head: h && h.audit_seq > 0 ? { seq: h.audit_seq, hash: h.audit_hash, at: h.audit_at ?? '' } : null };
  }

  async appendEvent(actor: string, action: string, target: string | undefined, data: Record<string, string | number | boolean> | undefined): Promise<void> {
    await this.write(async (w) => {
      await w.audit((log) => appendAudit(log, { actor, action, ...(target ? { target } : {}), ...(data ? { data } : {}) }, isoInChina(this.now())));
    });
  }

  today(): string { return todayInChina(this.now()); }
}

/** Which definitions facts depend on: the packs by id and version (a published update changes it). */
function defsKeyOf(packs: readonly PackDefinition[]): string {
  return packs.map((p) => `${p.id}@${p.version}`).sort().join(',');
}

/** Who a record is assigned to: the workflow's assignee, else the handling unit field. */
export function assigneeOf(record: LvzhiRecord): string | undefined {
  if (record.workflow?.assignee) return record.workflow.assignee;
  const v = record.values['handlingUnit'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function e403(errors: readonly WorkflowError[]): 403 | 422 {
  return errors.some((e) => e.code === 'role') ? 403 : 422;
}
