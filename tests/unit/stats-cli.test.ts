/**
 * The commands: `lvzhi stats` over the year fixture (table, json, xlsx, csv; year, quarter,
 * custom span), `lvzhi import roster` (valid and refused), `lvzhi audit verify` (intact,
 * edited, cut off).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx } from '@lvzhi/shared/node';
import { example, ROOT } from '../fixtures/year/helpers.ts';
import { lvzhiBin, lvzhiInProcess } from '../harness/cli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'lvzhi-stats-'));
afterAll(() => { /* the OS cleans tmp; nothing else written */ });

const run = (...args: string[]) => lvzhiInProcess(args, { cwd: ROOT });

describe('lvzhi stats', () => {
  it('prints the year figures and the summary sentences', async () => {
    const r = await run('stats', 'tests/fixtures/year/records', '--period', '2024');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('代表建议 / suggestions: 收到 13，交办 12，答复 11（办复率 91.7%），测评 11：满意 9、基本满意 2、不满意 0（满意率 100%，仅满意 81.8%），超期 1');
    expect(r.stdout).toContain('今年共承办了12条人大代表的意见和建议，满意率达100%。');
    expect(r.stdout).toContain('积极做好群众的来信来访接待工作，共受理群众来信2件，来访7人次。');
    expect(r.stdout).toContain('今年，共组织人大代表统一活动4次，参加活动的代表达42人次。');
  });

  it('takes --from/--to and writes json, xlsx and csv', async () => {
    const json = await run('stats', 'tests/fixtures/year/records', '--from', '2024-01-01', '--to', '2024-03-31', '--format', 'json');
    const data = JSON.parse(json.stdout);
    expect(data.suggestions).toMatchObject({ received: 7, satisfactionRate: 1 });
    expect(data.sentences[0].text).toBe('2024年1月1日至2024年3月31日，共组织了1次人大代表培训会议，参加培训的代表达14人次。');
    const xlsx = path.join(tmp, 'stats.xlsx');
    expect((await run('stats', 'tests/fixtures/year/records', '--period', '2024', '--format', 'xlsx', '-o', xlsx)).code).toBe(0);
    const sheets = await readXlsx(new Uint8Array(readFileSync(xlsx)));
    expect(sheets.map((s) => s.name)).toEqual(['概况', '评议结果', '工作总结']);
    expect(Object.fromEntries(sheets[0]!.rows.map((r) => [r[0], r[1]]))).toMatchObject({ '群众来访（人次）': 7, '满意率（满意+基本满意）': '100%' });
    const csv = path.join(tmp, 'stats.csv');
    expect((await run('stats', 'tests/fixtures/year/records', '--period', '2024Q4', '--format', 'csv', '-o', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('统计期间,2024年第四季度');
  });

  it('refuses bad arguments', async () => {
    expect((await run('stats', 'tests/fixtures/year/records', '--period', '2024-13')).code).toBe(2);
    expect((await run('stats', 'tests/fixtures/year/records', '--from', '2024-01-01')).code).toBe(2);
    expect((await run('stats', 'tests/fixtures/year/records', '--format', 'xlsx')).code).toBe(2);
    expect((await run('stats')).code).toBe(2);
  });
});

describe('meeting types by their names, never their ids', () => {
  it('the CLI lists the year\'s meetings by label', async () => {
    const r = await run('stats', 'tests/fixtures/year/records', '--period', '2024');
    const line = r.stdout.split('\n').find((l) => l.startsWith('会议 / meetings:'))!;
    expect(line).toMatch(/主席团月例会 \d+/);
    expect(line).not.toMatch(/[a-z]+-[a-z]+/);
  });

  it('a meeting form of another pack (a type the sentences do not know) is named by its form title in sentences and tables', async () => {
    const { builtIn } = await import('../fixtures/year/helpers.ts');
    const { computeStats, statsDefinitions, statsTables, summarySentences, yearPeriod, meetingTypeLabel } = await import('@lvzhi/shared');
    const B = await builtIn();
    const base = B.form('suggestion-assignment');
    const village = { ...structuredClone(base), id: 'village-deputies-meeting', meetingType: 'village-deputies-meeting', title: '村民代表会议记录（扩大）' };
    expect(meetingTypeLabel(village)).toBe('村民代表会议');
    const defs = statsDefinitions(B.packs);
    const forms = new Map(defs.forms);
    forms.set(village.id, village);
    const record = { ...structuredClone(example('suggestion-assignment')), id: 'v1', form: village.id };
    const stats = computeStats([record], { ...defs, forms }, yearPeriod(Number(String((record.values as Record<string, unknown>)[village.eventDateField ?? 'startTime']).slice(0, 4))));
    expect(stats.meetings.byType).toEqual({ 'village-deputies-meeting': 1 });
    const text = summarySentences(stats).map((x) => x.text).join('');
    expect(text).toContain('村民代表会议1次');
    expect(text).not.toContain('village-deputies-meeting');
    const rows = statsTables(stats)[0]!.rows.map((r) => String(r[0]));
    expect(rows).toContain('会议：村民代表会议（次）');
    expect(rows.join()).not.toContain('village-deputies-meeting');
  });
});

describe('lvzhi import roster', () => {
  async function roster(file: string, rows: (string | number | null)[][]) {
    const v = example('deputy-profile').values as Record<string, string>;
    const header = ['姓名', '性别', '民族', '出生日期', '身份证号', '政治面貌', '文化程度', '代表层级', '届次', '选区', '当选日期', '代表状态', '工作单位', '手机号码'];
    const base = [v.name, v.gender, v.ethnicity, v.birthDate, v.idNumber, v.politicalStatus, v.education, v.level, v.term, v.district, v.electedDate, v.status, v.workUnit, v.mobile];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(header);
    for (const r of rows) ws.addRow(base.map((b, i) => (r[i] === undefined ? b : r[i])) as (string | number | null)[]);
    await wb.xlsx.writeFile(file);
  }

  it('validates a good roster and writes the records', async () => {
    const file = path.join(tmp, 'good.xlsx');
    await roster(file, [[], []]);
    const outFile = path.join(tmp, 'roster.json');
    const r = await run('import', 'roster', file, '--out', outFile);
    expect(r.stdout).toContain('结论：名册有效，共 2 人');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toHaveLength(2);
  });

  it('refuses a roster with errors, each with row and column, and never prints the ID number', async () => {
    const file = path.join(tmp, 'bad.xlsx');
    await roster(file, [[], [undefined as unknown as null, null], [null, undefined as unknown as null, undefined as unknown as null, undefined as unknown as null, '321283197205143516']]);
    const r = await run('import', 'roster', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/第3行 B列（性别）：/);
    expect(r.stdout).toMatch(/第4行 A列（姓名）：/);
    expect(r.stdout).toMatch(/第4行 E列（身份证号）：身份证号校验码不正确/);
    expect(r.stdout).toContain('未导入任何记录');
    expect(r.stdout).not.toContain('321283197205143516');
  });
});

describe('lvzhi import roster: files that are not .xlsx', () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  it.each([
    ['old.xls', OLE, /old\.xls：这是旧版 Excel 97–2003 \(\.xls\) 文件.*另存为/],
    ['renamed.xlsx', OLE, /renamed\.xlsx：这是旧版 Excel 97–2003/],
    ['page.xlsx', Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), /page\.xlsx：这是网页 \(HTML\/XML\) 格式的表格/],
    ['text.xlsx', Buffer.from('姓名,性别\n王建国,男\n'), /text\.xlsx：这是 CSV 文本.*\.csv/],
    ['empty.xlsx', Buffer.alloc(0), /empty\.xlsx：文件是空的/],
    ['junk.xlsx', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), /junk\.xlsx：不是 \.xlsx 工作簿（不是 ZIP 格式）/],
  ])('%s gives a located, plain message (no raw JSZip error)', async (name, bytes, message) => {
    const file = path.join(tmp, name);
    writeFileSync(file, bytes);
    const r = await run('import', 'roster', file);
    expect(r.code).not.toBe(0);
    const said = r.stdout + r.stderr;
    expect(said).toMatch(message);
    expect(said).not.toMatch(/End of data|central directory|is this a zip/i);
  });

  it('a ZIP that is no workbook says so, with the reader\'s reason kept at the end', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('readme.txt', '不是工作簿');
    const file = path.join(tmp, 'other.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const r = await run('import', 'roster', file);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/other\.xlsx：是 ZIP 文件，但不是可读的 \.xlsx 工作簿/);
  });
});

describe('lvzhi audit verify', () => {
  const fixture = path.join(ROOT, 'tests/fixtures/year/audit.json');

  it('says the year fixture’s trail is intact only with its head given apart (else exit 2: head not checked)', async () => {
    const file = JSON.parse(readFileSync(fixture, 'utf8'));
    const r = await run('audit', 'verify', 'tests/fixtures/year/audit.json', '--head', file.head.hash);
    expect(r.stdout).toContain('结论：审计链完整');
    expect(r.code).toBe(0);
    const unchecked = await run('audit', 'verify', 'tests/fixtures/year/audit.json');
    expect(unchecked.stdout).toContain('末端未经核对');
    expect(unchecked.code).toBe(2);
  });

  it('finds an edited entry and a cut-off tail (with the head kept apart)', async () => {
    const file = JSON.parse(readFileSync(fixture, 'utf8'));
    const edited = structuredClone(file);
    edited.entries[10].actor = '某人';
    writeFileSync(path.join(tmp, 'edited.json'), JSON.stringify(edited));
    const r1 = await run('audit', 'verify', path.join(tmp, 'edited.json'));
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain('! 第11条');
    const cut = { ...structuredClone(file), entries: file.entries.slice(0, -3), head: null };
    writeFileSync(path.join(tmp, 'cut.json'), JSON.stringify(cut));
    const blind = await run('audit', 'verify', path.join(tmp, 'cut.json'));
    expect(blind.code).toBe(2);
    expect(blind.stdout).toContain('末端未经核对');
    const r2 = await run('audit', 'verify', path.join(tmp, 'cut.json'), '--head', file.head.hash);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('末尾记录被截去');
  });

  it('runs as a real process through bin/lvzhi', async () => {
    const file = JSON.parse(readFileSync(fixture, 'utf8'));
    const { stdout, code } = await lvzhiBin(['audit', 'verify', 'tests/fixtures/year/audit.json', '--head', file.head.hash], { cwd: ROOT });
    expect(stdout).toContain('结论：审计链完整');
    expect(code).toBe(0);
  });
});
