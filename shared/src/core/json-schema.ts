/**
 * JSON Schemas of the pack and record formats, generated from the zod schemas, so that an
 * administrator editing a pack in an ordinary editor (or the studio) gets completion and
 * errors through `"$schema"`. forms/schema/ holds the committed copies; a test keeps them fresh.
 */
import * as z from 'zod';
import { packSchema } from './pack-schema.ts';
import { recordSchema } from './record-schema.ts';

export const PACK_SCHEMA_ID = 'https://lvzhi.dev/schema/pack.schema.json';
export const RECORD_SCHEMA_ID = 'https://lvzhi.dev/schema/record.schema.json';

function generate(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: id, title, ...json };
}

export function packJsonSchema(): Record<string, unknown> {
  return generate(packSchema, PACK_SCHEMA_ID, '履职 Lvzhi pack（定义包）');
}

export function recordJsonSchema(): Record<string, unknown> {
  return generate(recordSchema, RECORD_SCHEMA_ID, '履职 Lvzhi record（记录）');
}
