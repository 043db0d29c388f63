/**
 * .xlsx in the browser: exceljs's browser build (its package.json `browser` field, which the
 * extension's bundler picks) loads the workbook; the conversion to tables is the one the Node
 * reader uses. Kept out of `@lvzhi/shared/dom` so pages that do not import spreadsheets do not
 * carry exceljs: import `@lvzhi/shared/dom/xlsx`.
 */
import ExcelJS from 'exceljs';
import { sheetsOfWorkbook, type XlsxSheet } from '../core/spreadsheet/workbook.ts';

export async function readXlsxInBrowser(bytes: ArrayBuffer): Promise<XlsxSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return sheetsOfWorkbook(wb);
}
