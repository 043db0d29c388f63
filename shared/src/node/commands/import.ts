import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { csvToTable, formatImportError, importTable } from '../../core/index.ts';
import { readXlsx } from '../spreadsheet.ts';
import { loadPacksFor } from '../stats-io.ts';

export const importRosterCommand = defineCommand({
  name: ['import', 'roster'],
  summary: '校验并导入代表名册（.xlsx/.csv） / validate and import a deputy roster',
  usage: 'lvzhi import roster FILE.xlsx|FILE.csv [--roster deputies] [--out RECORDS.json] [--packs DIR]',
  options: {
    roster: { type: 'string', default: 'deputies' },
    out: { type: 'string' },
    packs: { type: 'string', multiple: true },
  },
  async run({ values, positionals, cwd, out }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one .xlsx or .csv file');
    const file = positionals[0]!;
    const ext = extname(file).toLowerCase();
    // An .xls goes to the reader too: it says what the file is (an old .xls, a web page) and what to do.
    if (ext !== '.xlsx' && ext !== '.xls' && ext !== '.csv') throw new UsageError('the roster is an .xlsx or .csv file');
    const packs = await loadPacksFor(cwd, values.packs);
    const rosterId = values.roster ?? 'deputies';
    const pack = packs.find((p) => p.rosters?.some((r) => r.id === rosterId));
    const roster = pack?.rosters?.find((r) => r.id === rosterId);
    if (!roster) throw new UsageError(`no roster "${rosterId}" in the packs`);
    const owner = packs.find((p) => p.forms?.some((f) => f.id === roster.form))!;
    const form = owner.forms!.find((f) => f.id === roster.form)!;
    const bytes = await readFile(resolve(cwd, file));
    const table = ext === '.csv' ? csvToTable(bytes.toString('utf8')).table : (await readXlsx(new Uint8Array(bytes), file))[0];
    if (!table) throw new Error('表格中没有工作表 / the workbook has no sheet');
    const res = importTable(form, table, { pack: owner, packs, idPrefix: roster.id });
    if (res.unmatchedColumns.length) out(`未识别的列（已忽略） / columns not recognised (ignored): ${res.unmatchedColumns.join('、')}`);
    if (!res.ok) {
      for (const e of res.errors) out(formatImportError(e));
      out(`结论：名册有 ${res.errors.length} 处错误，未导入任何记录 / ${res.errors.length} errors: nothing imported`);
      return 1;
    }
    if (values.out) await writeFile(resolve(cwd, values.out), `${JSON.stringify(res.records, null, 2)}\n`);
    out(`结论：名册有效，共 ${res.records.length} 人${values.out ? `，已写入 ${values.out}` : ''} / valid: ${res.records.length} entries`);
    return 0;
  },
});
