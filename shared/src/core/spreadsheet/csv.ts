/**
 * CSV through papaparse (a maintained parser that handles quotes, embedded newlines, BOMs and
 * odd delimiters the way Excel and WPS write them, which a hand-written split does not).
 * Written with a UTF-8 BOM so that Excel opens Chinese text correctly.
 */
import Papa from 'papaparse';
import type { Cell, SheetTable } from './table.ts';

export function tableToCsv(table: SheetTable, options: { auditHead?: string } = {}): string {
  const body = Papa.unparse({ fields: table.header, data: table.rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { newline: '\r\n' });
  const tail = options.auditHead ? `\r\n# 审计链末端哈希 / audit head: ${options.auditHead}` : '';
  return `\uFEFF${body}${tail}\r\n`;
}

/** The first row is the header; `#` lines are comments; cells stay text (the importer converts them). */
export function csvToTable(text: string, name = 'CSV'): { table: SheetTable; errors: { row: number; message: string }[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', comments: '#' });
  const [header = [], ...rows] = parsed.data;
  const errors = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  return { table: { name, header: header.map((h) => String(h).trim()), rows: rows.map((r) => r.map((c): Cell => (c === '' ? null : c))) }, errors };
}
