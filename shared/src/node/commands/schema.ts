import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { JSON_SCHEMAS, jsonSchema } from '../../core/json-schema.ts';

const NAMES = Object.keys(JSON_SCHEMAS).map((n) => n.replace('.schema.json', ''));

export const schemaCommand = defineCommand({
  name: ['schema'],
  summary: '输出 JSON Schema（编辑器补全与检查用）/ print the JSON Schema for editors',
  usage: `lvzhi schema [${NAMES.join('|')}]   |   lvzhi schema --out-dir DIR (writes all)`,
  options: { 'out-dir': { type: 'string' } },
  async run({ positionals, values, cwd, out }) {
    if (values['out-dir']) {
      const dir = path.resolve(cwd, values['out-dir']);
      await mkdir(dir, { recursive: true });
      for (const name of Object.keys(JSON_SCHEMAS)) {
        await writeFile(path.join(dir, name), JSON.stringify(jsonSchema(name), null, 2) + '\n');
        out(path.relative(cwd, path.join(dir, name)));
      }
      return 0;
    }
    const which = positionals[0] ?? 'pack';
    if (!NAMES.includes(which)) throw new UsageError(`unknown schema "${which}": one of ${NAMES.join(', ')}`);
    out(JSON.stringify(jsonSchema(`${which}.schema.json`), null, 2));
    return 0;
  },
});
