/**
 * JSON Schemas of the pack and record formats, generated from the zod schemas, so that an
 * administrator editing a pack in an ordinary editor (or the studio) gets completion and
 * errors through `"$schema"`. forms/schema/ holds the committed copies (one for the whole pack
 * and one for each file of a pack folder); a test fails when they are stale.
 */
import * as z from 'zod';
import {
  dictionaryEntrySchema, documentTemplateSchema, formSchema, optionSetSchema, packSchema,
  portalMappingSchema, rosterSchema, workflowSchema,
} from './pack-schema.ts';
import { recordSchema } from './record-schema.ts';

const BASE = 'https://lvzhi.dev/schema/';

/** Each schema by the file name it is published under. */
export const JSON_SCHEMAS: Record<string, { title: string; schema: z.ZodType }> = {
  'pack.schema.json': { title: '履职 Lvzhi 定义包 (pack)', schema: packSchema },
  'record.schema.json': { title: '履职 Lvzhi 记录 (record)', schema: recordSchema },
  'form.schema.json': { title: '表单 (form), one file of a pack folder', schema: formSchema },
  'workflow.schema.json': { title: '流程 (workflow), one file of a pack folder', schema: workflowSchema },
  'portal.schema.json': { title: '门户映射 (portal mapping), one file of a pack folder', schema: portalMappingSchema },
  'template.schema.json': { title: '文书模板 (document template), one file of a pack folder', schema: documentTemplateSchema },
  'dictionary.schema.json': { title: '数据字典 (dictionary entries), one file of a pack folder', schema: z.array(dictionaryEntrySchema) },
  'option-sets.schema.json': { title: '选项集 (option sets), one file of a pack folder', schema: z.array(optionSetSchema) },
  'rosters.schema.json': { title: '名册 (rosters), one file of a pack folder', schema: z.array(rosterSchema) },
};

export function jsonSchema(name: string): Record<string, unknown> {
  const entry = JSON_SCHEMAS[name];
  if (!entry) throw new Error(`no schema ${name}`);
  const json = z.toJSONSchema(entry.schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  // Part files may carry "$schema" themselves; allow it where the part is an object.
  if (rest.type === 'object' && typeof rest.properties === 'object' && rest.properties) {
    rest.properties = { $schema: { type: 'string' }, ...(rest.properties as Record<string, unknown>) };
  }
  return { $schema, $id: BASE + name, title: entry.title, ...rest };
}

export const packJsonSchema = (): Record<string, unknown> => jsonSchema('pack.schema.json');
export const recordJsonSchema = (): Record<string, unknown> => jsonSchema('record.schema.json');
