/**
 * The record most likely meant for a fill (issue 12, part 3): of the form the portal points to,
 * the record the clerk worked with last — filled into a portal or chosen to fill (noted here), or
 * made or changed (its updatedAt). So one record goes into a second portal (a deputy's profile
 * into the county's and the township's portal, an inspection into two systems) without being
 * chosen again, while a record made after that fill still comes first.
 *
 * Kept in `lvzhi.lastUsed` (form id → { id, at }), so every panel window sees it and the backup
 * carries it; bounded to the 200 forms used last.
 */
import * as z from 'zod';

export const LAST_USED_KEY = 'lvzhi.lastUsed';
const MAX_FORMS = 200;

const lastUsedSchema = z.record(z.string().max(200), z.object({ id: z.string().min(1).max(200), at: z.string().max(40) }));
export type LastUsed = z.infer<typeof lastUsedSchema>;

interface RecordLike { id: string; form: string; updatedAt: string; deletedAt?: string | undefined }

const time = (iso: string): number => { const t = Date.parse(iso); return Number.isNaN(t) ? 0 : t; };

/**
 * Of the live records of `form`, the one used or changed last: the noted one when it was used
 * after the newest change of any record of the form, else the newest by updatedAt.
 */
export function mostLikelyRecord(records: readonly RecordLike[], form: string, lastUsed: LastUsed): string | undefined {
  const mine = records.filter((r) => r.form === form && !r.deletedAt);
  if (mine.length === 0) return undefined;
  const newest = mine.reduce((a, b) => (time(b.updatedAt) > time(a.updatedAt) ? b : a));
  const used = lastUsed[form];
  const usedRecord = used ? mine.find((r) => r.id === used.id) : undefined;
  return usedRecord && time(used!.at) >= time(newest.updatedAt) ? usedRecord.id : newest.id;
}

export async function readLastUsed(): Promise<LastUsed> {
  const got = await chrome.storage.local.get(LAST_USED_KEY).catch(() => ({} as Record<string, unknown>));
  const parsed = lastUsedSchema.safeParse(got[LAST_USED_KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

/** Notes that `id` (a record of `form`) was just used to fill or chosen to fill. */
export async function noteUsed(form: string, id: string, at: Date = new Date()): Promise<void> {
  const all = await readLastUsed();
  delete all[form];
  all[form] = { id, at: at.toISOString() };
  await chrome.storage.local.set({ [LAST_USED_KEY]: Object.fromEntries(Object.entries(all).slice(-MAX_FORMS)) }).catch(() => undefined);
}
