/**
 * A new record starts from what the office already knows: the last record of its kind (same
 * people, place, agenda layout — `startFromLast`) and the office's defaults (organiser, place,
 * recorder, township name), which are bound to dictionary keys so one default serves every form
 * binding that key. Defaults only fill what is still empty: they never replace a value the last
 * record or the user gave.
 */
import * as z from 'zod';
import { DICTIONARY_KEY, type FormDefinition, type PackDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { createRecord, prefillValues, startFromLast, lastRecordOf } from '../form/records.ts';
import type { RecordContext } from '../validate-record.ts';

/** The dictionary keys the 单位默认值 settings offer, in the order shown. */
export const OFFICE_DEFAULT_KEYS = ['org.name', 'org.township', 'inspection.organiser', 'meeting.place', 'meeting.host', 'meeting.recorder', 'staff.name'] as const;

export const officeDefaultsSchema = z.record(z.string().regex(DICTIONARY_KEY).max(80), z.string().trim().max(200)).refine((o) => Object.keys(o).length <= 100, { error: 'too many defaults' });
export type OfficeDefaults = z.infer<typeof officeDefaultsSchema>;

/** Stored defaults as read from storage: anything malformed counts as none. */
export function readOfficeDefaults(raw: unknown): OfficeDefaults {
  const parsed = officeDefaultsSchema.safeParse(raw ?? {});
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== ''));
}

export interface NewRecordStart {
  record: LvzhiRecord;
  /** Field ids taken from the last record. */
  fromLast: string[];
  /** Field ids taken from the office defaults. */
  fromDefaults: string[];
  /** The record it started from. */
  last?: LvzhiRecord;
}

/** A new draft of `form`: from the last live record of the form (when asked), then the office defaults. */
export function startNewRecord(options: {
  pack: Pick<PackDefinition, 'id' | 'version'>; form: FormDefinition; ctx: RecordContext;
  records?: readonly LvzhiRecord[]; fromLast?: boolean; defaults?: OfficeDefaults; now?: Date;
}): NewRecordStart {
  const base = { pack: options.pack, form: options.form, ctx: options.ctx, ...(options.now ? { now: options.now } : {}) };
  const last = options.fromLast ? lastRecordOf(options.records ?? [], options.form.id) : undefined;
  const fresh = createRecord(base);
  const record = last ? startFromLast(last, base) : fresh;
  const fromLast = last ? Object.keys(record.values).filter((k) => JSON.stringify(record.values[k]) !== JSON.stringify(fresh.values[k])) : [];
  const { values, filled } = prefillValues(options.form, record.values, [options.defaults ?? {}], options.ctx);
  return { record: { ...record, values }, fromLast, fromDefaults: filled, ...(last ? { last } : {}) };
}
