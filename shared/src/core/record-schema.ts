/**
 * The one record format every part of Lvzhi reads and writes: the form engine saves it, the
 * workflow engine advances it, autofill reads its dictionary view, the PDF code prints it.
 * Values are keyed by field id; what each field type stores is `FieldValue` below.
 */
import * as z from 'zod';
import { FIELD_ID, PACK_ID, SLUG_ID, semverSchema } from './pack-schema.ts';

/** An instant: ISO 8601 with an offset (`2024-03-28T09:00:00+08:00` or `…Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

export const personValueSchema = z.strictObject({
  id: z.string().min(1).optional().meta({ description: 'roster entry id; absent for a free-text name' }),
  name: z.string().trim().min(1),
});

export const signatureValueSchema = z.strictObject({
  image: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { error: 'a PNG data URL' }),
  signer: z.string().trim().min(1),
  signedAt: instantSchema,
});

export const attachmentValueSchema = z.strictObject({
  name: z.string().min(1),
  type: z.string().min(1),
  size: z.int().nonnegative(),
  data: z.string().startsWith('data:').optional().meta({ description: 'the file as a data URL, when stored inline' }),
  ref: z.string().min(1).optional().meta({ description: 'id of the file in the record store' }),
});

export const historyEntrySchema = z.strictObject({
  transition: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  at: instantSchema,
  actor: z.string().min(1),
  comment: z.string().optional(),
  version: z.int().positive().optional().meta({ description: 'the workflow version the step was taken under (absent: the instance\'s version)' }),
});

export const workflowInstanceSchema = z.strictObject({
  workflow: z.string().regex(SLUG_ID),
  version: z.int().positive(),
  state: z.string().min(1),
  enteredAt: instantSchema,
  history: z.array(historyEntrySchema),
  assignee: z.string().min(1).optional(),
});

export const RECORD_STATUSES = ['draft', 'complete'] as const;

export const recordSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1),
  pack: z.string().regex(PACK_ID),
  packVersion: semverSchema.optional(),
  form: z.string().regex(SLUG_ID),
  formVersion: z.int().positive(),
  status: z.enum(RECORD_STATUSES),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  author: z.strictObject({ id: z.string().min(1).optional(), name: z.string().trim().min(1) }).optional(),
  values: z.record(z.string().regex(FIELD_ID), z.unknown()),
  attic: z.record(z.string(), z.strictObject({
    value: z.unknown(),
    fromVersion: z.int().positive(),
    reason: z.enum(['removed', 'renamed', 'invalid']),
  })).optional().meta({ description: 'values kept aside when a new form version dropped or changed their field: shown, never lost' }),
  workflow: workflowInstanceSchema.optional(),
  deletedAt: instantSchema.optional(),
});

export type LvzhiRecord = z.infer<typeof recordSchema>;
export type PersonValue = z.infer<typeof personValueSchema>;
export type SignatureValue = z.infer<typeof signatureValueSchema>;
export type AttachmentValue = z.infer<typeof attachmentValueSchema>;
export type WorkflowInstance = z.infer<typeof workflowInstanceSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type RecordValues = LvzhiRecord['values'];
