/**
 * The life of a record around the form engine: create one (with defaults), open an old one under
 * a newer form version without losing a value (removed, renamed or no-longer-fitting values go to
 * the record's `attic`, shown and never dropped), start a new record from the last one of the same
 * form, duplicate one, and prefill bound fields from other records through the dictionary.
 */
import type { ColumnFieldDefinition, FieldDefinition, FormDefinition, PackDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { isEmptyValue } from '../expression.ts';
import { isoInChina } from '../dates.ts';
import { checkFieldValue, dictionaryView, type RecordContext } from '../validate-record.ts';
import { FormEngine, isStoredField } from './engine.ts';

type AnyField = FieldDefinition | ColumnFieldDefinition;
export type Attic = NonNullable<LvzhiRecord['attic']>;

export function formFields(form: FormDefinition): FieldDefinition[] {
  return form.sections.flatMap((s) => s.fields);
}

/** A fresh id for a record (random UUID). */
export function newRecordId(): string {
  return globalThis.crypto.randomUUID();
}

export interface NewRecordOptions {
  pack: Pick<PackDefinition, 'id' | 'version'>;
  form: FormDefinition;
  ctx: RecordContext;
  author?: LvzhiRecord['author'];
  now?: Date;
  id?: string;
  /** Values to start from (defaults fill only what these leave empty). */
  values?: Record<string, unknown>;
}

/** A new draft with the form's defaults filled in. */
export function createRecord(options: NewRecordOptions): LvzhiRecord {
  const now = options.now ?? new Date();
  const engine = new FormEngine(options.form, { values: options.values ?? {}, applyDefaults: true, ctx: { ...options.ctx, now } });
  const at = isoInChina(now);
  return {
    id: options.id ?? newRecordId(),
    pack: options.pack.id,
    packVersion: options.pack.version,
    form: options.form.id,
    formVersion: options.form.version,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    ...(options.author ? { author: options.author } : {}),
    values: { ...engine.getValues() },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPerson = (v: unknown) => isObject(v) && typeof v['name'] === 'string';

/**
 * Whether `value` has the shape `field` stores. Only the shape: a value out of range or not among
 * the options still fits (it stays and is shown with its error, the user decides).
 */
export function fits(field: AnyField, value: unknown): boolean {
  switch (field.type) {
    case 'text': case 'textarea': case 'select': case 'radio': case 'phone': case 'idcard': case 'date': case 'datetime':
      return typeof value === 'string';
    case 'number': case 'score': return typeof value === 'number' && Number.isFinite(value);
    case 'multiselect': case 'checkboxes': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'checkbox': return typeof value === 'boolean';
    case 'person': return isPerson(value);
    case 'people': return Array.isArray(value) && value.every(isPerson);
    case 'signature': return isObject(value) && typeof value['image'] === 'string';
    case 'attachment': case 'photo': return Array.isArray(value) && value.every(isObject);
    case 'table': return Array.isArray(value) && value.every(isObject);
    case 'ratingMatrix': return isObject(value);
    default: return false;
  }
}

export interface MigrationResult {
  record: LvzhiRecord;
  /** Field ids whose values came from an earlier id (`previousIds`). */
  renamed: Array<{ from: string; to: string }>;
  /** Attic keys added by this migration. */
  atticAdded: string[];
}

/**
 * Opens a record under `form` (a newer version of its form). Values of current fields stay;
 * values under a field's `previousIds` move to it; everything else — removed fields, renamed
 * ones whose new field already has a value, values that no longer fit the field's type, removed
 * table columns — is kept in `attic` with the version it came from. Nothing is dropped.
 */
export function migrateRecord(record: LvzhiRecord, form: FormDefinition, now: Date = new Date()): MigrationResult {
  if (record.form !== form.id) throw new Error(`record ${record.id} is of form ${record.form}, not ${form.id}`);
  if (record.formVersion === form.version) return { record, renamed: [], atticAdded: [] };
  if (record.formVersion > form.version) throw new Error(`record ${record.id} uses form version ${record.formVersion}, newer than ${form.version}`);
  const fields = formFields(form);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const byPrevious = new Map<string, FieldDefinition>();
  for (const f of fields) if ('previousIds' in f) for (const p of f.previousIds ?? []) byPrevious.set(p, f);
  const values: Record<string, unknown> = {};
  const attic: Attic = { ...(record.attic ?? {}) };
  const added: string[] = [];
  const renamed: MigrationResult['renamed'] = [];
  const from = record.formVersion;
  const aside = (key: string, value: unknown, reason: 'removed' | 'renamed' | 'invalid') => {
    let k = key, n = 2;
    while (k in attic) k = `${key}~${n++}`;
    attic[k] = { value, fromVersion: from, reason };
    added.push(k);
  };
  const place = (field: FieldDefinition, key: string, value: unknown, reason: 'renamed' | 'invalid') => {
    if (!fits(field, value)) { aside(key, value, 'invalid'); return; }
    if (field.type === 'table') value = migrateRows(field, key, value as Record<string, unknown>[], aside);
    if (!isEmptyValue(values[field.id])) { aside(key, value, reason); return; }
    values[field.id] = value;
  };
  // Current ids first, so a renamed value never overwrites one already under the new id.
  for (const [key, value] of Object.entries(record.values)) {
    const f = byId.get(key);
    if (!f) continue;
    if (!isStoredField(f)) continue; // a stored computed value is derived again
    place(f, key, value, 'invalid');
  }
  for (const [key, value] of Object.entries(record.values)) {
    if (byId.has(key)) continue;
    const f = byPrevious.get(key);
    if (f && isStoredField(f)) {
      const before = values[f.id];
      place(f, key, value, 'renamed');
      if (values[f.id] !== before) renamed.push({ from: key, to: f.id });
    } else aside(key, value, 'removed');
  }
  const migrated: LvzhiRecord = {
    ...record,
    formVersion: form.version,
    values,
    updatedAt: isoInChina(now),
  };
  if (Object.keys(attic).length) migrated.attic = attic; else delete migrated.attic;
  return { record: migrated, renamed, atticAdded: added };
}

function migrateRows(table: Extract<FieldDefinition, { type: 'table' }>, key: string, rows: Record<string, unknown>[], aside: (k: string, v: unknown, r: 'removed' | 'renamed' | 'invalid') => void): Record<string, unknown>[] {
  const cols = new Map(table.columns.map((c) => [c.id, c]));
  const prev = new Map<string, ColumnFieldDefinition>();
  for (const c of table.columns) for (const p of c.previousIds ?? []) prev.set(p, c);
  return rows.map((row, i) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) if (cols.has(k) && isStoredField(cols.get(k)!)) out[k] = v;
    for (const [k, v] of Object.entries(row)) {
      if (cols.has(k)) continue;
      const c = prev.get(k);
      if (c && isStoredField(c) && isEmptyValue(out[c.id])) out[c.id] = v;
      else aside(`${key}[${i}].${k}`, v, c ? 'renamed' : 'removed');
    }
    return out;
  });
}

/** Whether a field's value belongs to one record only (never copied into another). */
function perRecord(field: AnyField): boolean {
  return field.type === 'signature';
}

function stripPerRecord(form: FormDefinition, values: Record<string, unknown>, alsoDrop: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of formFields(form)) {
    const v = values[f.id];
    if (v === undefined || !isStoredField(f) || perRecord(f) || alsoDrop.has(f.id)) continue;
    if (f.type === 'table' && Array.isArray(v)) {
      const drop = f.columns.filter(perRecord).map((c) => c.id);
      out[f.id] = structuredClone(v).map((row: Record<string, unknown>) => { for (const d of drop) delete row[d]; return row; });
    } else out[f.id] = structuredClone(v);
  }
  return out;
}

/**
 * A new draft that starts from the last record of the same form: the same people, place, agenda
 * layout… Signatures are never copied, the record's event date is cleared, and fields with a
 * `defaultExpr` (印发日期 = today) are computed afresh.
 */
export function startFromLast(last: LvzhiRecord, options: Omit<NewRecordOptions, 'values'>): LvzhiRecord {
  const form = options.form;
  const working = last.formVersion === form.version ? last : migrateRecord(last, form, options.now).record;
  const drop = new Set<string>();
  if (form.eventDateField) drop.add(form.eventDateField);
  for (const f of formFields(form)) if ('defaultExpr' in f && f.defaultExpr !== undefined) drop.add(f.id);
  return createRecord({ ...options, values: stripPerRecord(form, working.values, drop) });
}

/** The last live record of a form (by update time), to start from. */
export function lastRecordOf(records: readonly LvzhiRecord[], formId: string): LvzhiRecord | undefined {
  let best: LvzhiRecord | undefined;
  for (const r of records) {
    if (r.form !== formId || r.deletedAt) continue;
    if (!best || Date.parse(r.updatedAt) > Date.parse(best.updatedAt)) best = r;
  }
  return best;
}

/** A copy as a new draft: all values but signatures, no workflow state, not in the trash. */
export function duplicateRecord(record: LvzhiRecord, form: FormDefinition, options: { now?: Date; id?: string; author?: LvzhiRecord['author'] } = {}): LvzhiRecord {
  const at = isoInChina(options.now ?? new Date());
  const { workflow: _w, deletedAt: _d, ...rest } = record;
  const copy: LvzhiRecord = {
    ...structuredClone(rest),
    id: options.id ?? newRecordId(),
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    values: stripPerRecord(form, record.values, new Set()),
  };
  if (options.author) copy.author = options.author;
  // Values the form no longer has are not lost either.
  for (const [k, v] of Object.entries(record.values)) if (!(k in copy.values) && !formFields(form).some((f) => f.id === k)) copy.values[k] = structuredClone(v);
  return copy;
}

export interface PrefillSource {
  form: FormDefinition;
  values: Record<string, unknown>;
}

/**
 * Fills empty bound fields from other records through the dictionary (a deputy profile feeds
 * `deputy.name`, `deputy.group`… into any form binding those keys). Earlier sources win; a value
 * that does not fit the target field is skipped. Returns the new values and the filled field ids.
 */
export function prefillValues(form: FormDefinition, values: Record<string, unknown>, sources: ReadonlyArray<PrefillSource | Record<string, unknown>>, ctx: RecordContext, options: { overwrite?: boolean } = {}): { values: Record<string, unknown>; filled: string[] } {
  const view: Record<string, unknown> = {};
  for (const s of sources) {
    const v = 'form' in s && 'values' in s && typeof s.form === 'object' && s.form !== null && 'sections' in (s.form as object)
      ? dictionaryView((s as PrefillSource).form, (s as PrefillSource).values)
      : (s as Record<string, unknown>);
    for (const [k, x] of Object.entries(v)) if (!(k in view) && !isEmptyValue(x)) view[k] = x;
  }
  const out = { ...values };
  const filled: string[] = [];
  for (const f of formFields(form)) {
    if (f.type === 'static' || f.type === 'computed' || !f.bind) continue;
    if (!options.overwrite && !isEmptyValue(out[f.id])) continue;
    let v = view[f.bind];
    if (f.type === 'person' && typeof v === 'string' && v.trim()) v = { name: v.trim() };
    if (f.type === 'people' && Array.isArray(v)) v = v.map((x) => (typeof x === 'string' ? { name: x } : x));
    if (v === undefined || !fits(f, v)) continue;
    if (f.type !== 'table' && f.type !== 'ratingMatrix' && checkFieldValue(f, v, [f.id], ctx, out).some((i) => i.code === 'unknown-option')) continue;
    out[f.id] = structuredClone(v);
    filled.push(f.id);
  }
  return { values: out, filled };
}
