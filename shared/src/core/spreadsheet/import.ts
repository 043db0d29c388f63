/**
 * Importing rows of a spreadsheet (the deputy roster, a batch of records) as records of a
 * form. Columns are matched to fields by label (however it is spaced or starred), English
 * label, field id or the dictionary's synonyms; each row is converted and checked by the same
 * validator as typed records. Any error — reported with its row number and column letter —
 * refuses the whole import: nothing is half-imported. Table fields come as the export writes them
 * (JSON rows keyed by column label); signature and file columns without a picture are left out
 * and named (`skippedColumns`).
 */
import { isoInChina } from '../dates.ts';
import { normalizeLabel } from '../labels.ts';
import type { FieldDefinition, FormDefinition, Option, PackDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { checkValues, optionResolver, type RecordContext } from '../validate-record.ts';
import type { Cell, SheetTable } from './table.ts';
import { exportFields } from './table.ts';
import { startWorkflow } from '../workflow/engine.ts';

export interface ImportError {
  /** Spreadsheet row number (1 = header row; data starts at 2). */
  row: number;
  /** Column letter (A, B, …, AA), or '' for the row as a whole. */
  column: string;
  header?: string;
  field?: string;
  message: string;
  messageEn: string;
}

export type ImportResult =
  | { ok: true; records: LvzhiRecord[]; unmatchedColumns: string[]; skippedColumns?: string[] }
  | { ok: false; errors: ImportError[]; unmatchedColumns: string[]; skippedColumns?: string[]; /** Records of the rows without errors, for an import the user explicitly limits to them. */ validRecords: LvzhiRecord[] };

export function columnLetter(index: number): string {
  let n = index + 1, s = '';
  while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

function fieldMatcher(form: FormDefinition, packs: readonly PackDefinition[]): (header: string) => FieldDefinition | undefined {
  const synonyms = new Map<string, string[]>();
  for (const p of packs) for (const d of p.dictionary ?? []) synonyms.set(d.key, [d.label, ...(d.synonyms ?? [])]);
  const byName = new Map<string, FieldDefinition>();
  for (const f of exportFields(form)) {
    const names = [f.id, f.label ?? '', f.labelEn ?? '', ...('bind' in f && f.bind ? synonyms.get(f.bind) ?? [] : [])];
    for (const n of names) if (n) { const k = normalizeLabel(n); if (!byName.has(k)) byName.set(k, f); }
  }
  return (header) => byName.get(normalizeLabel(header));
}

const SPLIT = /[、，,;；\n]+/;

function matchOption(options: readonly Option[] | undefined, text: string): string | undefined {
  if (!options) return text;
  const k = normalizeLabel(text);
  for (const o of options) {
    if ([o.value, o.label, o.labelEn, o.code, ...(o.synonyms ?? [])].some((x) => x !== undefined && normalizeLabel(x) === k)) return o.value;
  }
  return undefined;
}

type Converted = { value?: unknown; error?: [string, string] };

/** A cell as the value a field stores; dates from Excel arrive as `YYYY-MM-DD` already. */
export function convertCell(field: FieldDefinition, cell: Cell, ctx: RecordContext): Converted {
  if (cell === null || cell === '') return {};
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  if (text === '') return {};
  switch (field.type) {
    case 'number': case 'score': {
      const n = typeof cell === 'number' ? cell : Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: [`“${text}”不是数字`, `"${text}" is not a number`] };
    }
    case 'checkbox': {
      if (/^(是|true|1|y|yes|√|✓)$/i.test(text)) return { value: true };
      if (/^(否|false|0|n|no|×)$/i.test(text)) return { value: false };
      return { error: [`“${text}”应为“是”或“否”`, `"${text}" should be 是 or 否`] };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return { error: [`“${text}”不是日期（应为 2024-03-28 或 2024年3月28日）`, `"${text}" is not a date (2024-03-28)`] };
      return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
    }
    case 'idcard': {
      if (typeof cell === 'number') return { error: ['身份证号被存成了数字，后几位已丢失：请把该列设为“文本”后重新填写', 'the ID number was stored as a number and lost its last digits: format the column as text'] };
      return { value: text.toUpperCase() };
    }
    case 'phone': return { value: typeof cell === 'number' ? String(cell) : text };
    case 'select': case 'radio': {
      const v = matchOption(ctx.optionsOf(field), text);
      if (v === undefined && !(field.type === 'select' && field.allowOther)) return { error: [`“${text}”不是“${field.label}”的选项`, `"${text}" is not an option of ${field.labelEn ?? field.id}`] };
      return { value: v ?? text };
    }
    case 'multiselect': case 'checkboxes': {
      const parts = text.split(SPLIT).map((s) => s.trim()).filter(Boolean);
      const out: string[] = [];
      for (const p of parts) {
        const v = matchOption(ctx.optionsOf(field), p);
        if (v === undefined) return { error: [`“${p}”不是“${field.label}”的选项`, `"${p}" is not an option of ${field.labelEn ?? field.id}`] };
        out.push(v);
      }
      return { value: out };
    }
    case 'person': return { value: { name: text } };
    case 'people': return { value: text.split(SPLIT).map((s) => s.trim()).filter(Boolean).map((name) => ({ name })) };
    case 'table': return tableCell(field, text, ctx);
    case 'ratingMatrix': {
      try { return { value: JSON.parse(text) }; } catch { return { error: ['表格内容应为 JSON', 'table content should be JSON'] }; }
    }
    case 'signature': case 'attachment': case 'photo': return { error: ['签名和附件不能从表格导入', 'signatures and attachments cannot be imported from a spreadsheet'] };
    default: return { value: text };
  }
}

const MAX_TABLE_ROWS = 500;

/**
 * A table field's cell: JSON rows as the export writes them (each row an object keyed by the
 * column's Chinese label; the column id or English label are taken too), every value converted as
 * its column's own cell (汇报人 “张三” → a person). Signature and file columns cannot come from a
 * spreadsheet (the export writes only “已签名”, a file name): they are left out of the rows.
 */
function tableCell(field: Extract<FieldDefinition, { type: 'table' }>, text: string, ctx: RecordContext): Converted {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return { error: ['表格内容应为 JSON', 'table content should be JSON'] }; }
  if (!Array.isArray(parsed)) return { error: ['表格内容应为行的列表（JSON 数组）', 'table content should be a JSON array of rows'] };
  const byName = new Map<string, (typeof field.columns)[number]>();
  for (const c of field.columns) for (const n of [c.id, c.label ?? '', c.labelEn ?? '']) if (n && !byName.has(normalizeLabel(n))) byName.set(normalizeLabel(n), c);
  const rows: Array<Record<string, unknown>> = [];
  for (const [i, raw] of parsed.slice(0, MAX_TABLE_ROWS).entries()) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: [`第 ${i + 1} 行不是一行（应为 {列名: 值}）`, `row ${i + 1} is not an object`] };
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const col = byName.get(normalizeLabel(k));
      if (!col) return { error: [`第 ${i + 1} 行：“${field.label}”没有列“${k}”`, `row ${i + 1}: ${field.labelEn ?? field.id} has no column "${k}"`] };
      if (col.type === 'signature' || col.type === 'attachment' || col.type === 'photo') continue;
      const cell: Cell = v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'string' ? v : JSON.stringify(v);
      const { value, error } = convertCell(col as FieldDefinition, typeof cell === 'boolean' ? (cell ? '是' : '否') : cell, ctx);
      if (error) return { error: [`第 ${i + 1} 行“${col.label ?? col.id}”：${error[0]}`, `row ${i + 1} ${col.labelEn ?? col.id}: ${error[1]}`] };
      if (value !== undefined) row[col.id] = value;
    }
    rows.push(row);
  }
  return { value: rows };
}

export interface ImportOptions {
  pack: PackDefinition;
  packs: readonly PackDefinition[];
  /** Record ids: `${idPrefix}-${row}`. */
  idPrefix?: string;
  now?: Date;
  author?: string;
}

/** Imports every data row of `table` as a complete record of `form`, or none. */
export function importTable(form: FormDefinition, table: SheetTable, options: ImportOptions): ImportResult {
  const match = fieldMatcher(form, options.packs);
  const ctx: RecordContext = { optionsOf: optionResolver(options.packs), ...(options.now ? { now: options.now } : {}) };
  const columns = table.header.map((h) => (h ? match(String(h)) : undefined));
  const unmatchedColumns = table.header.filter((h, i) => h && !columns[i] && !['记录编号', '状态', '流程状态', '序号'].includes(String(h).trim()));
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  columns.forEach((f, i) => {
    if (!f) return;
    const prev = seen.get(f.id);
    if (prev !== undefined) errors.push({ row: 1, column: columnLetter(i), header: table.header[i]!, field: f.id, message: `“${table.header[i]}”与第${columnLetter(prev)}列都对应“${f.label}”`, messageEn: `column ${columnLetter(i)} and column ${columnLetter(prev)} both map to ${f.id}` });
    else seen.set(f.id, i);
  });
  const colOf = new Map<string, number>();
  columns.forEach((f, i) => { if (f && !colOf.has(f.id)) colOf.set(f.id, i); });
  const records: LvzhiRecord[] = [];
  const rowsOf: number[] = [];
  const skipped = new Set<string>();
  const workflow = form.workflow ? options.packs.flatMap((p) => p.workflows ?? []).find((w) => w.id === form.workflow) : undefined;
  const now = options.now ?? new Date();
  const stamp = isoInChina(now);
  table.rows.forEach((cells, ri) => {
    const rowNo = ri + 2;
    if (cells.every((c) => c === null || c === '' || (typeof c === 'string' && c.trim() === ''))) return;
    const values: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    columns.forEach((f, ci) => {
      if (!f || colOf.get(f.id) !== ci) return;
      // a picture placed in a photo or attachment cell (a roster's 照片) is that field's file, named after the record (王建国.png)
      const pics = (f.type === 'photo' || f.type === 'attachment') ? (table.images ?? []).filter((im) => im.row === ri && im.col === ci) : [];
      if (pics.length > 0) {
        const title = form.titleField !== undefined && colOf.has(form.titleField) ? String(cells[colOf.get(form.titleField)!] ?? '').trim() : '';
        const base = (title || `${table.header[ci] ?? f.label ?? f.id}${rowNo}`).replace(/[\\/:*?"<>|]/g, '_').slice(0, 60);
        values[f.id] = ((f.type === 'photo' || f.type === 'attachment') && f.multiple === true ? pics : pics.slice(0, 1)).map((im, k) => ({ name: `${base}${k > 0 ? `-${k + 1}` : ''}.${im.type === 'image/jpeg' ? 'jpg' : im.type.slice(6)}`, type: im.type, size: im.size, data: im.data }));
        return;
      }
      // a signature or file column without a picture (the export's “已签名”, a file name) cannot
      // become the file: left out and named, never the reason a whole list is refused
      if (f.type === 'signature' || f.type === 'attachment' || f.type === 'photo') {
        const c = cells[ci];
        if (c !== null && c !== undefined && String(c).trim() !== '') skipped.add(table.header[ci]!);
        return;
      }
      const { value, error } = convertCell(f, cells[ci] ?? null, ctx);
      if (error) { unreadable.add(f.id); errors.push({ row: rowNo, column: columnLetter(ci), header: table.header[ci]!, field: f.id, message: error[0], messageEn: error[1] }); }
      else if (value !== undefined) values[f.id] = value;
    });
    for (const is of checkValues(form, values, { complete: true, ctx, base: [] })) {
      const fieldId = typeof is.path[0] === 'string' ? is.path[0] : undefined;
      if (fieldId !== undefined && unreadable.has(fieldId)) continue; // already reported
      const ci = fieldId !== undefined ? colOf.get(fieldId) : undefined;
      const f = fieldId !== undefined ? exportFields(form).find((x) => x.id === fieldId) : undefined;
      const label = f?.label ?? fieldId ?? '';
      const missingColumn = ci === undefined && fieldId !== undefined;
      errors.push({
        row: rowNo, column: ci !== undefined ? columnLetter(ci) : '', ...(ci !== undefined ? { header: table.header[ci]! } : {}), ...(fieldId !== undefined ? { field: fieldId } : {}),
        message: missingColumn ? `${is.message}（表格中没有“${label}”列）` : is.message, messageEn: is.messageEn,
      });
    }
    rowsOf.push(rowNo);
    records.push({
      id: `${options.idPrefix ?? form.id}-${rowNo}`, pack: options.pack.id, packVersion: options.pack.version, form: form.id, formVersion: form.version,
      status: 'complete', createdAt: stamp, updatedAt: stamp, ...(options.author ? { author: { name: options.author } } : {}), values,
      // a complete record of a form with a workflow starts it, as 完成 in the panel does
      ...(workflow ? { workflow: startWorkflow(workflow, { name: options.author ?? '表格导入', roles: [] }, now).instance } : {}),
    });
  });
  const skippedColumns = skipped.size > 0 ? { skippedColumns: [...skipped] } : {};
  if (errors.length > 0) {
    const bad = new Set(errors.map((e) => e.row));
    return { ok: false, errors, unmatchedColumns, ...skippedColumns, validRecords: bad.has(1) ? [] : records.filter((_, i) => !bad.has(rowsOf[i]!)) };
  }
  return { ok: true, records, unmatchedColumns, ...skippedColumns };
}

/** `第3行 D列（身份证号）：…` */
export function formatImportError(e: ImportError): string {
  return `第${e.row}行${e.column ? ` ${e.column}列` : ''}${e.header ? `（${e.header}）` : ''}：${e.message}`;
}
