import { defineCommand, UsageError } from '../command.ts';
import { packJsonSchema, recordJsonSchema } from '../../core/json-schema.ts';

export const schemaCommand = defineCommand({
  name: ['schema'],
  summary: '输出定义包（或记录）的 JSON Schema / print the JSON Schema of packs (or records)',
  usage: 'lvzhi schema [pack|record]',
  options: {},
  run({ positionals, out }) {
    const which = positionals[0] ?? 'pack';
    if (which !== 'pack' && which !== 'record') throw new UsageError(`unknown schema "${which}": pack or record`);
    out(JSON.stringify(which === 'pack' ? packJsonSchema() : recordJsonSchema(), null, 2));
    return 0;
  },
});
