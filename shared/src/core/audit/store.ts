/**
 * The record store with an audit trail: every change that reaches storage — a save that
 * changes values or status, a move to the trash, a restore, a removal, a purge — appends one
 * entry (record.ts: field ids and a digest, never values) after the change is stored. A save
 * that changes nothing (the draft saver writing the same values again) appends nothing, so the
 * trail stays readable. Where the entries go is the sink's business (IndexedDB with a signed
 * head in the extension: dom/audit-indexeddb.ts).
 */
import type { LvzhiRecord } from '../record-schema.ts';
import type { RecordStore } from '../store/store.ts';
import { canonicalJson, type AuditInput } from './chain.ts';
import { recordChangeAudit } from './record.ts';

export interface AuditSink {
  append(input: AuditInput): Promise<unknown>;
}

export interface AuditTrailOptions {
  /** Who is acting (the clerk's name, or a fixed label). */
  actor: string | (() => string);
  /**
   * Told when an entry could not be appended. The record itself is already stored then —
   * nothing typed is lost for the sake of the log — but the gap must be shown, not hidden.
   */
  onError?: (error: unknown, input: AuditInput) => void;
}

function unchanged(before: LvzhiRecord, after: LvzhiRecord): boolean {
  return before.status === after.status && before.deletedAt === after.deletedAt && before.form === after.form
    && before.formVersion === after.formVersion && canonicalJson(before.values) === canonicalJson(after.values)
    && canonicalJson(before.workflow ?? null) === canonicalJson(after.workflow ?? null);
}

export function withAuditTrail(store: RecordStore, sink: AuditSink, options: AuditTrailOptions): RecordStore {
  const actor = () => (typeof options.actor === 'function' ? options.actor() : options.actor);
  const append = async (input: AuditInput) => {
    try {
      await sink.append(input);
    } catch (e) {
      (options.onError ?? ((err) => console.error('audit append failed', err)))(e, input);
    }
  };
  const before = (id: string) => store.get(id).catch(() => undefined);
  return {
    ...store,
    async put(record) {
      const old = await before(record.id);
      await store.put(record);
      if (old && unchanged(old, record)) return;
      await append(await recordChangeAudit(old, record, actor()));
    },
    async trash(id, now) {
      const old = await before(id);
      const r = await store.trash(id, now);
      if (r) await append({ ...(await recordChangeAudit(old, r, actor())), action: 'record.trash' });
      return r;
    },
    async restore(id, now) {
      const old = await before(id);
      const r = await store.restore(id, now);
      if (r) await append({ ...(await recordChangeAudit(old, r, actor())), action: 'record.restore' });
      return r;
    },
    async remove(id) {
      const old = await before(id);
      await store.remove(id);
      if (old) await append({ actor: actor(), action: 'record.remove', target: id, data: { form: old.form } });
    },
    async purgeTrash(now) {
      const ids = await store.purgeTrash(now);
      for (const id of ids) await append({ actor: actor(), action: 'record.purge', target: id });
      return ids;
    },
  };
}
