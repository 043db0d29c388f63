/**
 * A loaded exceljs workbook as tables, shared by the Node reader (`@lvzhi/shared/node`) and the
 * browser reader (`@lvzhi/shared/dom`), which load the workbook with exceljs's Node and browser
 * builds. Only exceljs's types are imported here, so the core stays free of Node code.
 */
import type ExcelJS from 'exceljs';
import type { Cell, SheetTable } from './table.ts';

export interface XlsxSheet extends SheetTable { auditHead?: string }

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Excel dates have no time zone; exceljs hands them over as UTC
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Every sheet of a loaded workbook as a table (first row: header). */
export function sheetsOfWorkbook(wb: ExcelJS.Workbook): XlsxSheet[] {
  const out: XlsxSheet[] = [];
  const head = /^audit-head:([0-9a-f]{64})$/.exec(wb.description ?? '')?.[1];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellValue(cell.value); });
      width = Math.max(width, cells.length);
      rows[n - 1] = cells;
    });
    const [header = [], ...data] = Array.from(rows, (r) => r ?? []);
    const hw = header.length;
    out.push({
      name: ws.name,
      header: Array.from({ length: hw }, (_, i) => String(header[i] ?? '')),
      rows: data.map((r) => Array.from({ length: Math.max(hw, r.length) }, (_, i) => r[i] ?? null)),
      ...(head ? { auditHead: head } : {}),
    });
  });
  return out;
}
