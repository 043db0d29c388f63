/**
 * A loaded exceljs workbook as tables, shared by the Node reader (`@lvzhi/shared/node`) and the
 * browser reader (`@lvzhi/shared/dom`), which load the workbook with exceljs's Node and browser
 * builds. Only exceljs's types are imported here, so the core stays free of Node code.
 */
import type ExcelJS from 'exceljs';
import type { Cell, SheetImage, SheetTable } from './table.ts';

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

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 of bytes, without Node's Buffer or the DOM's btoa (the core runs in both). */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1], c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]! + (b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!) + (c === undefined ? '=' : B64[c & 63]!);
  }
  return out;
}

/** At most this many bytes per picture are read (a roster photo is a few hundred KB). */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The pictures of a sheet whose top-left corner is in a data row (Excel's and WPS's floating
 * pictures placed over a cell, as in a roster's 照片 column). WPS's in-cell pictures (DISPIMG) are
 * not in the sheet's drawing: `sheetsOfWorkbook` places them from the pictures the reader found
 * (wps-images.ts).
 */
function imagesOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): SheetImage[] {
  const out: SheetImage[] = [];
  for (const img of ws.getImages()) {
    const tl = img.range?.tl;
    if (!tl || typeof tl.nativeRow !== 'number' || typeof tl.nativeCol !== 'number' || tl.nativeRow < 1) continue;
    const pic = wb.getImage(Number(img.imageId));
    if (!pic) continue;
    const type = pic.extension === 'png' ? 'image/png' : pic.extension === 'jpeg' ? 'image/jpeg' : pic.extension === 'gif' ? 'image/gif' : undefined;
    if (!type) continue;
    const bytes = pic.buffer ? new Uint8Array(pic.buffer as unknown as ArrayBufferLike) : undefined;
    const b64 = bytes ? base64(bytes) : pic.base64?.replace(/^data:[^,]*,/, '');
    if (!b64) continue;
    const size = bytes ? bytes.length : Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    if (size > MAX_IMAGE_BYTES) continue;
    out.push({ row: tl.nativeRow - 1, col: tl.nativeCol, type, size, data: `data:${type};base64,${b64}` });
  }
  return out;
}

/** The picture id a WPS in-cell picture formula names (`=DISPIMG("ID_…",1)`, `_xlfn.DISPIMG(…)`). */
export function dispimgId(text: string): string | undefined {
  return /^\s*=?\s*(?:_xlfn\.)?DISPIMG\(\s*"(ID_[0-9A-Za-z_-]{1,80})"/u.exec(text.slice(0, 200))?.[1];
}

/** The DISPIMG id of a cell whose value (a formula, its cached result, or text) is WPS's in-cell picture. */
function dispimgOf(v: ExcelJS.CellValue): string | undefined {
  if (typeof v === 'string') return dispimgId(v);
  if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') return dispimgId(v.formula) ?? ('result' in v && typeof v.result === 'string' ? dispimgId(v.result) : undefined);
  if (v && typeof v === 'object' && 'sharedFormula' in v && 'result' in v && typeof v.result === 'string') return dispimgId(v.result);
  return undefined;
}

/**
 * Every sheet of a loaded workbook as a table (first row: header), with the pictures placed in
 * its cells: floating pictures over a cell, and WPS's in-cell pictures (`cellPictures`, by
 * DISPIMG id, read from the file by the reader): such a cell holds its picture and no text.
 */
export function sheetsOfWorkbook(wb: ExcelJS.Workbook, cellPictures: ReadonlyMap<string, Omit<SheetImage, 'row' | 'col'>> = new Map()): XlsxSheet[] {
  const out: XlsxSheet[] = [];
  const head = /^audit-head:([0-9a-f]{64})$/.exec(wb.description ?? '')?.[1];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const inCell: SheetImage[] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const pic = n > 1 ? dispimgOf(cell.value) : undefined;
        if (pic === undefined) { cells[col - 1] = cellValue(cell.value); return; }
        // the formula's text is no value of the field; its picture is (when the file has it)
        cells[col - 1] = null;
        const p = cellPictures.get(pic);
        if (p) inCell.push({ ...p, row: n - 2, col: col - 1 });
      });
      width = Math.max(width, cells.length);
      rows[n - 1] = cells;
    });
    const [header = [], ...data] = Array.from(rows, (r) => r ?? []);
    const images = [...imagesOf(wb, ws), ...inCell];
    const hw = header.length;
    out.push({
      name: ws.name,
      header: Array.from({ length: hw }, (_, i) => String(header[i] ?? '')),
      rows: data.map((r) => Array.from({ length: Math.max(hw, r.length) }, (_, i) => r[i] ?? null)),
      ...(images.length > 0 ? { images } : {}),
      ...(head ? { auditHead: head } : {}),
    });
  });
  return out;
}

// ---------------------------------------------------------------- files that are not .xlsx

/**
 * A spreadsheet file that cannot be read, with the file's name and what it is instead, in
 * Chinese and English. The workbook reader (exceljs, over JSZip) only says "End of data
 * reached" or "Can't find end of central directory: is this a zip file ?" for these.
 */
export class SpreadsheetFileError extends Error {
  constructor(readonly file: string, readonly zh: string, readonly en: string) {
    super(`${file}：${zh} / ${en}`);
    this.name = 'SpreadsheetFileError';
  }
}

const SAVE_AS = '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿 (*.xlsx)”后再导入';
const SAVE_AS_EN = 'open it in Excel or WPS and save it as an Excel workbook (.xlsx)';

/**
 * What keeps `bytes` from being an .xlsx workbook, judged by their first bytes, before the
 * reader tries: an old .xls (or an encrypted workbook, the same container), a web page or XML
 * saved as .xls/.xlsx (portals export these), CSV text, an empty file, anything else not a ZIP.
 * Undefined for a ZIP file (then the reader decides; see `xlsxLoadError`).
 */
export function xlsxProblem(bytes: Uint8Array, file = '文件'): SpreadsheetFileError | undefined {
  const b = bytes;
  if (b.length === 0) return new SpreadsheetFileError(file, '文件是空的', 'the file is empty');
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return undefined;
  if (b.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x)) {
    return new SpreadsheetFileError(file, `这是旧版 Excel 97–2003 (.xls) 文件或加密的工作簿，不能直接导入：${SAVE_AS}（加密的请先取消密码）`, `this is an old Excel 97–2003 (.xls) file or an encrypted workbook: ${SAVE_AS_EN} (without a password)`);
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<')) {
    return new SpreadsheetFileError(file, `这是网页 (HTML/XML) 格式的表格，扩展名却是 Excel 的：${SAVE_AS}`, `this is a web page (HTML/XML) table under an Excel name: ${SAVE_AS_EN}`);
  }
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  if (/[,\t，]/.test(firstLine) && !/[\u0000-\u0008]/.test(head)) {
    return new SpreadsheetFileError(file, '这是 CSV 文本，不是 .xlsx：请把扩展名改为 .csv 再导入', 'this is CSV text, not .xlsx: rename it to .csv');
  }
  return new SpreadsheetFileError(file, `不是 .xlsx 工作簿（不是 ZIP 格式）：${SAVE_AS}`, `not an .xlsx workbook (not a ZIP file): ${SAVE_AS_EN}`);
}

/** A ZIP file the reader still cannot open as a workbook (another ZIP, a damaged .xlsx). */
export function xlsxLoadError(error: unknown, file = '文件'): SpreadsheetFileError {
  const raw = error instanceof Error ? error.message : String(error);
  return new SpreadsheetFileError(file, `是 ZIP 文件，但不是可读的 .xlsx 工作簿（可能已损坏）：${SAVE_AS}（${raw}）`, `a ZIP file but not a readable .xlsx workbook (damaged?): ${SAVE_AS_EN} (${raw})`);
}
