/**
 * The sync protocol between an extension (offline first) and the office server, as zod
 * schemas both sides parse with. Every change a client makes carries a change id it chose
 * and the revision it was based on; the server applies a change once (a retried push with the
 * same id gets the same answer) and acknowledges only after the commit, so the client drops a
 * change from its outbox only when it is safely stored. A change based on an older revision
 * with different content becomes a conflict: both versions are kept until a person chooses.
 */
import * as z from 'zod';
import { recordSchema, type LvzhiRecord } from '../record-schema.ts';

/** Changes per push and records per pull page. */
export const SYNC_BATCH = 200;

export const syncChangeSchema = z.strictObject({
  changeId: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  /** The server revision the client's copy was based on; null for a record new on this client. */
  baseRevision: z.int().nonnegative().nullable(),
  record: recordSchema,
});

export const pushRequestSchema = z.strictObject({
  changes: z.array(syncChangeSchema).min(1).max(SYNC_BATCH),
});

export const pushResultSchema = z.strictObject({
  changeId: z.string(),
  recordId: z.string(),
  /** applied: stored as `revision`; unchanged: same content already stored; conflict: kept beside; refused: not allowed (errors say why). */
  status: z.enum(['applied', 'unchanged', 'conflict', 'refused']),
  revision: z.int().nonnegative().optional(),
  conflictId: z.string().optional(),
  errors: z.array(z.strictObject({ message: z.string(), messageEn: z.string() })).optional(),
});

export const conflictViewSchema = z.strictObject({
  id: z.string(),
  recordId: z.string(),
  serverRevision: z.int().nonnegative(),
  /** The version stored on the server (current). */
  server: recordSchema,
  /** The version pushed on an older base, kept aside. */
  theirs: recordSchema,
  pushedBy: z.string(),
  createdAt: z.string(),
});

export const pullResponseSchema = z.strictObject({
  ok: z.literal(true).optional(),
  records: z.array(z.strictObject({ revision: z.int().nonnegative(), record: recordSchema })),
  /** Pass back as `since` for the next page. */
  cursor: z.int().nonnegative(),
  more: z.boolean(),
  conflicts: z.array(conflictViewSchema),
});

export const pushResponseSchema = z.strictObject({ ok: z.literal(true).optional(), results: z.array(pushResultSchema) });

export const resolveRequestSchema = z.strictObject({ keep: z.enum(['server', 'theirs']) });

export type SyncChange = z.infer<typeof syncChangeSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResult = z.infer<typeof pushResultSchema>;
export type PullResponse = z.infer<typeof pullResponseSchema>;
export type ConflictView = z.infer<typeof conflictViewSchema>;

/** Two versions have the same content when everything but the save time is equal. */
export function sameContent(a: LvzhiRecord, b: LvzhiRecord, canonical: (v: unknown) => string): boolean {
  const { updatedAt: _a, ...ra } = a;
  const { updatedAt: _b, ...rb } = b;
  void _a; void _b;
  return canonical(ra) === canonical(rb);
}
