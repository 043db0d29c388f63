/**
 * The offices' lists (suggestions, meetings) as the export writes them come back as records:
 * table fields from their JSON rows keyed by column label, each cell converted as its column;
 * signature and file columns left out and named instead of refusing the list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable, recordsTable, formatImportError, validateRecord, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';
import { REPO_ROOT } from '../harness/browser.ts';
import { exampleRecord } from '../e2e/extension-helpers.ts';

let packs: PackDefinition[] = [];
const form = (id: string): { form: FormDefinition; pack: PackDefinition } => {
  for (const pack of packs) for (const f of pack.forms ?? []) if (f.id === id) return { form: f, pack };
  throw new Error(`no form ${id}`);
};
beforeAll(async () => { ({ packs } = await validateFiles(['forms/packs'], REPO_ROOT)); });

const names = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'id' && typeof x === 'string' ? undefined : x)));

describe('lists of records from the export', () => {
  it('takes a meeting back with its agenda, decisions and votes; the signatures are named as not imported', () => {
    const meeting = exampleRecord('forms/examples/presidium-monthly.json');
    const { form: f, pack } = form('presidium-monthly');
    const table = recordsTable(f, [meeting], { full: true });
    const res = importTable(f, table, { pack, packs, idPrefix: 'm' });
    if (!res.ok) throw new Error(res.errors.map(formatImportError).join('\n'));
    const got = res.records[0]!.values;
    for (const id of ['agenda', 'decisions', 'votes', 'absent']) {
      if (meeting.values[id] !== undefined) expect(names(got[id])).toEqual(names(meeting.values[id]));
    }
    expect(res.skippedColumns).toEqual(expect.arrayContaining(['主持人签名', '记录人签名']));
    expect(validateRecord(res.records[0]!, packs).issues.filter((i) => !/签名/.test(i.message))).toEqual([]);
  });

  it('refuses a table cell naming a column the table does not have, with row and column', () => {
    const meeting = exampleRecord('forms/examples/presidium-monthly.json');
    const { form: f, pack } = form('presidium-monthly');
    const table = recordsTable(f, [meeting], { full: true });
    const col = table.header.indexOf('会议议题');
    table.rows[0]![col] = JSON.stringify([{ 议题: '听取工作汇报', 地点: '三楼' }]);
    const res = importTable(f, table, { pack, packs, idPrefix: 'm' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map(formatImportError)).toContainEqual(expect.stringMatching(/^第2行 \w+列（会议议题）：第 1 行：“会议议题”没有列“地点”$/));
  });

  it('takes a list of suggestions back, the reply letter (a file) named as not imported', () => {
    const s = exampleRecord('forms/examples/suggestion.json');
    const { form: f, pack } = form('suggestion');
    const res = importTable(f, recordsTable(f, [s, { ...s, id: 's2', values: { ...s.values, title: '关于整治柳河村河道垃圾的建议' } }], { full: true }), { pack, packs, idPrefix: 's' });
    if (!res.ok) throw new Error(res.errors.map(formatImportError).join('\n'));
    expect(res.records.map((r) => r.values['title'])).toEqual([s.values['title'], '关于整治柳河村河道垃圾的建议']);
    expect(res.skippedColumns).toContain('答复函');
  });
});
