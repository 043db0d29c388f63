/**
 * Spreadsheets: records and statistics exported to .xlsx (exceljs) and .csv (papaparse) open
 * again with the same values; ID and phone numbers are masked unless asked for in full; a
 * deputy roster is imported from .xlsx and .csv, and a roster with errors is refused whole,
 * with the row and column of each error.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeStats, csvToTable, idCheckChar, formatImportError, importTable, recordsTable, sensitiveKeysOf, statsDefinitions, statsTables, tableToCsv, yearPeriod,
  validateRecord, type LvzhiRecord, type SheetTable,
} from '@lvzhi/shared';
import { readXlsx, writeXlsx } from '@lvzhi/shared/node';
import { builtIn, cst, example, type BuiltIn } from '../fixtures/year/helpers.ts';
import { generateYear } from '../fixtures/year/generate.ts';

let B: BuiltIn;
let records: LvzhiRecord[];
beforeAll(async () => {
  B = await builtIn();
  records = (await generateYear(B)).records;
});

const HEAD = 'ab'.repeat(32);

describe('export', () => {
  it('records → .xlsx → the same values, ID and phone numbers masked', async () => {
    const table = recordsTable(B.form('visit'), records, { sensitiveKeys: sensitiveKeysOf(B.packs) });
    expect(table.rows).toHaveLength(5);
    const text = JSON.stringify(table.rows);
    expect(text).not.toContain('321283196503024173');
    expect(text).toContain('321283********4173');
    expect(text).not.toContain('13815678901');
    expect(text).toContain('138****8901');
    // nested table columns are masked too
    expect(text).not.toContain('321283196808114233');
    const back = await readXlsx(await writeXlsx([table], { auditHead: HEAD }));
    expect(back[0]!.header).toEqual(table.header);
    expect(back[0]!.rows).toEqual(table.rows);
    expect(back[0]!.auditHead).toBe(HEAD);
    expect(back[1]).toMatchObject({ name: '说明', rows: [] , header: ['审计链末端哈希 / audit head', HEAD] });
  });

  it('in full only when asked', async () => {
    const full = recordsTable(B.form('visit'), records, { full: true });
    expect(JSON.stringify(full.rows)).toContain('321283196503024173');
    const back = await readXlsx(await writeXlsx([full]));
    expect(back[0]!.rows).toEqual(full.rows);
    // an ID number stays text in the workbook, not 3.21283E+17
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx([full])).buffer as ArrayBuffer);
    const col = full.header.indexOf(B.form('visit').sections.flatMap((x) => x.fields).find((f) => f.id === 'idNumber')!.label!) + 1;
    expect(col).toBeGreaterThan(0);
    expect(wb.worksheets[0]!.getRow(2).getCell(col).value).toBe('321283196503024173');
  });

  it('statistics → .xlsx and .csv → the same figures and sentences', async () => {
    const stats = computeStats(records, statsDefinitions(B.packs), yearPeriod(2024));
    const tables = statsTables(stats);
    const figures = Object.fromEntries(tables[0]!.rows.map((r) => [r[0], r[1]]));
    expect(figures).toMatchObject({ '代表建议交办（件）': 12, '满意率（满意+基本满意）': '100%', '满意率（仅满意）': '81.8%', '群众来信（件）': 2, '群众来访（人次）': 7, '代表统一活动（次）': 4, '参加活动代表（人次）': 42 });
    const back = await readXlsx(await writeXlsx(tables));
    expect(back.map((t) => ({ name: t.name, header: t.header, rows: t.rows }))).toEqual(tables);
    const csv = tableToCsv(tables[2]!, { auditHead: HEAD });
    expect(csv.startsWith('\uFEFF项目,表述')).toBe(true);
    const parsed = csvToTable(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.table.rows).toEqual(tables[2]!.rows);
  });
});

// ------------------------------------------------------------------ roster import
const ROSTER_HEADER = ['姓名', '性别', '民族', '出生日期', '身份证号', '政治面貌', '文化程度', '代表层级', '届次', '选区', '当选日期', '代表状态', '工作单位', '手机号码'];

function rosterRow(over: Partial<Record<string, string | number | null>> = {}): (string | number | null)[] {
  const v = example('deputy-profile').values as Record<string, unknown>;
  const base: Record<string, string | number | null> = {
    姓名: v.name as string, 性别: v.gender as string, 民族: v.ethnicity as string, 出生日期: v.birthDate as string, 身份证号: v.idNumber as string,
    政治面貌: v.politicalStatus as string, 文化程度: v.education as string, 代表层级: v.level as string, 届次: v.term as string,
    选区: v.district as string, 当选日期: v.electedDate as string, 代表状态: v.status as string, 工作单位: v.workUnit as string, 手机号码: v.mobile as string,
    ...over,
  };
  return ROSTER_HEADER.map((h) => base[h] ?? null);
}

async function xlsxOf(header: string[], rows: (string | number | null | Date)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('roster import', () => {
  const opts = () => ({ pack: B.packOf('deputy-profile'), packs: B.packs, now: cst('2025-01-02 09:00'), idPrefix: 'deputy' });

  it('imports a valid roster from .xlsx (Excel dates, labels written the portal way) as valid records', async () => {
    const header = ROSTER_HEADER.map((h) => (h === '姓名' ? '姓　　名：' : h === '身份证号' ? '* 身份证号' : h));
    const rows = [rosterRow(), rosterRow({ 姓名: '李秀英', 性别: '女', 身份证号: `32128319760823652${idCheckChar('32128319760823652')}`, 出生日期: '1976年8月23日', 手机号码: '13962345678' })];
    const withDate = rows.map((r) => r.map((c, i) => (ROSTER_HEADER[i] === '当选日期' ? new Date(Date.UTC(2021, 10, 18)) : c)));
    const [sheet] = await readXlsx(await xlsxOf(header, withDate));
    const res = importTable(B.form('deputy-profile'), sheet!, opts());
    if (!res.ok) throw new Error(res.errors.map(formatImportError).join('\n'));
    expect(res.records).toHaveLength(2);
    expect(res.records[1]!.values).toMatchObject({ name: '李秀英', gender: '女', birthDate: '1976-08-23', electedDate: '2021-11-18', idNumber: `32128319760823652${idCheckChar('32128319760823652')}` });
    for (const r of res.records) expect(validateRecord(r, B.packs).issues).toEqual([]);
  });

  it('refuses a roster with errors as a whole, naming row and column of each', async () => {
    const rows = [
      rosterRow(),
      rosterRow({ 姓名: '陈志强', 身份证号: '321283197205143516' }), // row 3: wrong check digit (column E)
      rosterRow({ 姓名: null }), // row 4: name missing (column A)
      rosterRow({ 姓名: '赵德明', 民族: '火星族' }), // row 5: not an ethnic group (column C)
      rosterRow({ 姓名: '周宏伟', 身份证号: 321283197205143500, 出生日期: '1972-02-30' }), // row 6: ID as a number (E), no such date (D)
      rosterRow({ 姓名: '何春生', 手机号码: '12345' }), // row 7: not a phone number (N)
    ];
    const [sheet] = await readXlsx(await xlsxOf(ROSTER_HEADER, rows));
    const res = importTable(B.form('deputy-profile'), sheet!, opts());
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect('records' in res).toBe(false);
    const where = res.errors.map((e) => `${e.row}${e.column}`);
    expect(where).toEqual(expect.arrayContaining(['3E', '4A', '5C', '6E', '6D', '7N']));
    expect(where.every((w) => !w.startsWith('2'))).toBe(true);
    const lines = res.errors.map(formatImportError);
    expect(lines).toContain('第6行 E列（身份证号）：身份证号被存成了数字，后几位已丢失：请把该列设为“文本”后重新填写');
    expect(lines.find((l) => l.startsWith('第3行 E列'))).toMatch(/校验码/);
    expect(lines.find((l) => l.startsWith('第5行 C列'))).toBe('第5行 C列（民族）：“火星族”不是“民族”的选项');
  });

  it('takes the photo placed in a row\'s 照片 cell (as Excel and WPS place a picture) as that deputy\'s photo, checked like a typed one', async () => {
    // a real 2×2 PNG (not a stub): signature, IHDR, IDAT, IEND
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8Dwn4GBgYGJAQoAAB8EAf+VtSR2AAAAAElFTkSuQmCC';
    const header = [...ROSTER_HEADER, '照片'];
    const rows = [[...rosterRow(), null], [...rosterRow({ 姓名: '李秀英', 性别: '女', 身份证号: `32128319760823652${idCheckChar('32128319760823652')}`, 出生日期: '1976-08-23', 手机号码: '13962345678' }), null]];
    const file = await writeXlsx([{ name: '代表名册', header, rows, images: [{ row: 1, col: header.length - 1, type: 'image/png', size: 0, data: `data:image/png;base64,${png}` }] }]);
    const [sheet] = await readXlsx(file);
    expect(sheet!.images).toEqual([{ row: 1, col: header.length - 1, type: 'image/png', size: Buffer.from(png, 'base64').length, data: `data:image/png;base64,${png}` }]);
    const res = importTable(B.form('deputy-profile'), sheet!, opts());
    if (!res.ok) throw new Error(res.errors.map(formatImportError).join('\n'));
    expect(res.records[0]!.values['photo']).toBeUndefined();
    expect(res.records[1]!.values['photo']).toEqual([{ name: '李秀英.png', type: 'image/png', size: Buffer.from(png, 'base64').length, data: `data:image/png;base64,${png}` }]);
    for (const r of res.records) expect(validateRecord(r, B.packs).issues).toEqual([]);
    // a picture the photo field does not take (a GIF: the form accepts JPG and PNG) is refused with its row, like a typed value
    const gif = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const [bad] = await readXlsx(await writeXlsx([{ name: '代表名册', header, rows, images: [{ row: 0, col: header.length - 1, type: 'image/gif', size: 0, data: `data:image/gif;base64,${gif}` }] }]));
    const refused = importTable(B.form('deputy-profile'), bad!, opts());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.row)).toEqual([2]);
  });

  it('imports the same roster from .csv, and says which required column is missing', () => {
    const csv = tableToCsv({ name: 'r', header: ROSTER_HEADER, rows: [rosterRow()] });
    const ok = importTable(B.form('deputy-profile'), csvToTable(csv).table, opts());
    expect(ok.ok).toBe(true);
    const noMobile: SheetTable = { name: 'r', header: ROSTER_HEADER.slice(0, -1), rows: [rosterRow().slice(0, -1)] };
    const res = importTable(B.form('deputy-profile'), noMobile, opts());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map(formatImportError)).toEqual([expect.stringMatching(/^第2行：.*（表格中没有“手机号码”列）$/)]);
  });
});
