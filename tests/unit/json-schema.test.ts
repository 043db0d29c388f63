// The published JSON Schemas: committed copies are what `lvzhi schema` prints today, and an
// ordinary JSON Schema validator (ajv) accepts every built-in pack and refuses broken ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchema } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const root = path.resolve(import.meta.dirname, '../..');
let packs: unknown[] = [];
let records: unknown[] = [];

beforeAll(async () => {
  const loaded = await loadPaths(['forms'], root);
  packs = loaded.documents.filter((d) => d.kind === 'pack').map((d) => d.json);
  records = loaded.documents.filter((d) => d.kind === 'record').map((d) => d.json);
});

describe('forms/schema', () => {
  it.each(Object.keys(JSON_SCHEMAS))('%s is up to date (regenerate: npx lvzhi schema --out-dir forms/schema)', (name) => {
    const committed = JSON.parse(readFileSync(path.join(root, 'forms/schema', name), 'utf8')) as unknown;
    expect(committed).toEqual(jsonSchema(name));
  });

  it('accepts every built-in pack and example record, through ajv', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const pack = ajv.compile(jsonSchema('pack.schema.json'));
    const record = ajv.compile(jsonSchema('record.schema.json'));
    expect(packs.length).toBeGreaterThanOrEqual(6);
    for (const p of packs) expect(pack(p), JSON.stringify(pack.errors?.slice(0, 3))).toBe(true);
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) expect(record(r), JSON.stringify(record.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a misspelt key and an unknown field type, through ajv', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const check = ajv.compile(jsonSchema('pack.schema.json'));
    expect(check({ id: 'a.b', version: '1.0.0', title: '测试', titel: 'x' })).toBe(false);
    expect(check({ id: 'a.b', version: '1.0.0', title: '测试', forms: [{ id: 'f', version: 1, title: 'F', category: 'other', sections: [{ id: 's', title: 'S', fields: [{ id: 'x', type: 'slider', label: 'X' }] }] }] })).toBe(false);
  });

  it('lets each file of a pack folder name its own schema', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const form = ajv.compile(jsonSchema('form.schema.json'));
    const f = { $schema: '../../../schema/form.schema.json', id: 'f', version: 1, title: 'F', category: 'other', sections: [{ id: 's', title: 'S', fields: [] }] };
    expect(form(f)).toBe(true);
  });
});
