/**
 * .xlsx through exceljs (maintained, reads and writes real Office Open XML that Excel and WPS
 * open, keeps text cells as text so ID numbers are not turned into 3.2058E+17). Kept on the
 * Node side: exceljs pulls in Node streams and Buffer.
 */
import ExcelJS from 'exceljs';
import type { SheetTable } from '../core/spreadsheet/table.ts';
import { sheetsOfWorkbook, xlsxLoadError, xlsxProblem, type XlsxSheet } from '../core/spreadsheet/workbook.ts';
import { wpsCellImages } from '../core/spreadsheet/wps-images.ts';

export interface XlsxWriteOptions {
  /** The audit trail's newest hash, written into the workbook (说明 sheet and document properties). */
  auditHead?: string;
  title?: string;
}

export async function writeXlsx(tables: readonly SheetTable[], options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履职 Lvzhi';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  if (options.title) wb.title = options.title;
  if (options.auditHead) wb.description = `audit-head:${options.auditHead}`;
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
    for (let i = 2; used.has(name); i++) name = `${t.name.slice(0, 28)}(${i})`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow(t.header);
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow(r.map((c) => (c === null ? null : c)));
      // keep digit strings (ID numbers, phones, record numbers) as text
      row.eachCell((cell) => { if (typeof cell.value === 'string') cell.numFmt = '@'; });
    }
    // pictures placed over their cells (a roster's 照片), as Excel and WPS place a floating picture
    for (const im of t.images ?? []) {
      const ext = im.type === 'image/png' ? 'png' : im.type === 'image/jpeg' ? 'jpeg' : im.type === 'image/gif' ? 'gif' : undefined;
      if (!ext) continue;
      const id = wb.addImage({ base64: im.data, extension: ext });
      ws.addImage(id, { tl: { col: im.col, row: im.row + 1 }, ext: { width: 60, height: 80 } });
    }
    t.header.forEach((h, i) => { ws.getColumn(i + 1).width = Math.min(60, Math.max(8, ...[h, ...t.rows.slice(0, 50).map((r) => r[i])].map((c) => String(c ?? '').length * 2))); });
  }
  if (options.auditHead) {
    const ws = wb.addWorksheet('说明');
    ws.addRow(['审计链末端哈希 / audit head', options.auditHead]);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export type { XlsxSheet } from '../core/spreadsheet/workbook.ts';

/**
 * Every sheet as a table (first row: header). A file that is no .xlsx (an .xls, a web page, CSV,
 * a damaged workbook) throws a `SpreadsheetFileError` naming `file` and what it is instead.
 */
export async function readXlsx(bytes: Uint8Array, file?: string): Promise<XlsxSheet[]> {
  const problem = xlsxProblem(bytes, file);
  if (problem) throw problem;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw xlsxLoadError(e, file);
  }
  // exceljs reads any ZIP without complaint, as a workbook with no sheet.
  if (wb.worksheets.length === 0) throw xlsxLoadError('没有工作表 / no worksheet', file);
  // WPS's pictures placed in cells (a roster's photos), as the browser reader does
  return sheetsOfWorkbook(wb, await wpsCellImages(bytes).catch(() => new Map()));
}
