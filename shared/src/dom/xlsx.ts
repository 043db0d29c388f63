/**
 * .xlsx in the browser: exceljs's browser build (its package.json `browser` field, which the
 * extension's bundler picks) loads the workbook; the conversion to tables is the one the Node
 * reader uses. Kept out of `@lvzhi/shared/dom` so pages that do not import spreadsheets do not
 * carry exceljs: import `@lvzhi/shared/dom/xlsx`.
 */
import ExcelJS from 'exceljs';
import { sheetsOfWorkbook, xlsxLoadError, xlsxProblem, type XlsxSheet } from '../core/spreadsheet/workbook.ts';
import { wpsCellImages } from '../core/spreadsheet/wps-images.ts';

/** Every sheet as a table; a file that is no .xlsx throws a `SpreadsheetFileError` naming `file`. */
export async function readXlsxInBrowser(bytes: ArrayBuffer, file?: string): Promise<XlsxSheet[]> {
  const problem = xlsxProblem(new Uint8Array(bytes), file);
  if (problem) throw problem;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw xlsxLoadError(e, file);
  }
  // exceljs reads any ZIP without complaint, as a workbook with no sheet.
  if (wb.worksheets.length === 0) throw xlsxLoadError('没有工作表 / no worksheet', file);
  // WPS's pictures placed in cells (a roster's photos) are in a part exceljs does not read;
  // a file whose part cannot be read still gives its text.
  return sheetsOfWorkbook(wb, await wpsCellImages(bytes).catch(() => new Map()));
}
