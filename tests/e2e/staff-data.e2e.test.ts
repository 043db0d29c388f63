/**
 * Data in without retyping, and required means required (issue 12, parts 1 and 6), through the
 * real built extension: a portal page read into a named draft with no record chosen; office
 * spreadsheets imported (good .csv and .xlsx, a file with bad rows refused as a whole unless the
 * valid rows are chosen explicitly, .xls refused clearly); the imported roster offered in people
 * fields by pinyin initials; a new record from the last one and the office defaults; a pasted
 * notice turned into proposals confirmed field by field; 完成 refused with a link to each field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tableToCsv, type SheetTable } from '@lvzhi/shared';
import { writeXlsx } from '@lvzhi/shared/node';
import { launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, tabIdOf, waitForLauncher, newRecord } from './extension-helpers.ts';

/** An ID number with a correct check digit (GB 11643). */
function idNumber(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

const HEADER = ['姓名', '性别', '民族', '出生年月', '身份证号', '政治面貌', '学历', '代表层级', '届次', '选区', '代表小组', '当选时间', '代表状态', '工作单位', '手机'];
/** A roster row; birth date and gender agree with the ID number, as the validator checks. */
const person = (name: string, id: string, mobile: string): string[] => [name, Number(id[16]) % 2 ? '男' : '女', '汉族', `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, id, '中共党员', '大学本科', '县级', '第十七届', '第十二选区', '青山片代表小组', '2021-11-18', '在任', '青山镇人民政府', mobile];
const GOOD: SheetTable = {
  name: '代表名册',
  header: HEADER,
  rows: [
    person('张建国', idNumber('32128319720514351'), '13912340001'),
    person('李秀英', idNumber('32128319800101002'), '13912340002'),
    person('曾小明', idNumber('32128319851230003'), '13912340003'),
  ],
};

describe('data in without retyping', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  let panel: Page;
  let dir: string;

  beforeAll(async () => {
    await buildPortals();
    site = await serveDir(PORTALS_DIR);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    await allowPortal(ext, site.origin);
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-staffdata-'));
    panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => panel.getByTestId('record-row');
  const openImport = async () => {
    await panel.getByTestId('tab-records').click();
    await panel.getByTestId('import-open').click();
    await panel.getByTestId('import-view').waitFor();
  };

  it('reads a portal page into a named draft without a record chosen first', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('/layui.html'));
    await waitForLauncher(page);
    await page.locator('input[name="xm"]').fill('赵德明');
    const tabId = await tabIdOf(ext, page);
    const bound = await ext.context.newPage();
    await bound.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
    await bound.getByTestId('page-title').waitFor();
    // no mapping matches this address and no record exists: the form comes from the page's labels
    expect(await bound.getByTestId('fill-record').inputValue()).toBe('');
    await bound.getByTestId('read-page').click();
    const editor = bound.getByTestId('record-editor');
    await editor.waitFor({ timeout: 15_000 });
    expect(await editor.locator('[data-form]').getAttribute('data-form')).toBe('deputy-profile');
    expect(await editor.locator('.lvz-form [data-field="name"] input').inputValue()).toBe('赵德明');
    await bound.getByTestId('editor-back').click();
    const name = bound.getByTestId('draft-name');
    await name.waitFor();
    expect(await name.textContent()).toMatch(/从『县人大代表履职服务平台 - 代表信息维护』读取 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await bound.close();
    await page.close();
  });

  it('refuses an old .xls file with a clear message', async () => {
    await openImport();
    const xls = join(dir, '名册.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await panel.getByTestId('import-file').setInputFiles(xls);
    expect(await panel.getByTestId('import-error').textContent()).toContain('另存为” .xlsx 或 .csv');
    await panel.getByTestId('import-cancel').click();
  });

  it('says what a file given as .xlsx really is (an old .xls, a web page) instead of a ZIP error, and shows the chosen name in Chinese', async () => {
    await openImport();
    const view = panel.getByTestId('import-view');
    expect(await view.locator('.lvz-file-chosen').textContent()).toBe('未选择文件');
    const renamed = join(dir, '名册-旧格式.xlsx');
    writeFileSync(renamed, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    await panel.getByTestId('import-file').setInputFiles(renamed);
    await expect.poll(() => panel.getByTestId('import-error').textContent()).toMatch(/名册-旧格式\.xlsx：这是旧版 Excel 97–2003 \(\.xls\) 文件/);
    expect(await view.locator('.lvz-file-chosen').textContent()).toBe('名册-旧格式.xlsx');
    const page = join(dir, '名册-网页.xlsx');
    writeFileSync(page, '<html><table><tr><td>姓名</td></tr></table></html>');
    await panel.getByTestId('import-file').setInputFiles(page);
    await expect.poll(() => panel.getByTestId('import-error').textContent()).toMatch(/名册-网页\.xlsx：这是网页 \(HTML\/XML\) 格式的表格/);
    expect(await panel.getByTestId('import-error').textContent()).not.toMatch(/zip|End of data/i);
    await panel.getByTestId('import-cancel').click();
  });

  it('refuses a file with bad rows as a whole, naming row and column, unless the valid rows are chosen explicitly', async () => {
    // the draft read in another panel page is there after a reload
    await panel.reload();
    await expect.poll(() => rows().count()).toBe(1);
    const before = await rows().count();
    await openImport();
    const bad: SheetTable = { ...GOOD, rows: [person('钱多多', idNumber('32128319900101004'), '13912340004'), person('孙小', `${idNumber('32128319900101004').slice(0, 17)}${idNumber('32128319900101004').endsWith('0') ? '1' : '0'}`, '1391234'), person('周全', idNumber('32128319900101005'), '13912340005')] };
    const file = join(dir, '名册-有错.csv');
    writeFileSync(file, tableToCsv(bad));
    await panel.getByTestId('import-file').setInputFiles(file);
    await panel.getByTestId('import-preview').waitFor();
    expect(await panel.getByTestId('import-form').locator('option:checked').textContent()).toContain('人大代表基本信息登记表');
    const errs = panel.getByTestId('import-error-item');
    expect(await errs.count()).toBeGreaterThanOrEqual(2);
    expect(await errs.first().getAttribute('data-row')).toBe('3');
    const text = (await panel.getByTestId('import-errors').textContent()) ?? '';
    expect(text).toContain('第3行 E列（身份证号）');
    expect(text).toContain('第3行 O列（手机）');
    expect(await panel.getByTestId('import-all').isDisabled()).toBe(true);
    await screenshot(panel, 'staff-data-import-errors');
    expect(await rows().count()).toBe(before);
    await panel.getByTestId('import-valid').click();
    await panel.getByTestId('import-done').waitFor();
    expect(await panel.getByTestId('import-done').textContent()).toContain('2');
    await expect.poll(() => rows().count()).toBe(before + 2);
    expect(await rows().filter({ hasText: '孙小' }).count()).toBe(0);
  });

  it('imports a good roster from .xlsx and .csv, each row a deputy profile', async () => {
    const before = await rows().count();
    await openImport();
    const xlsx = join(dir, '代表名册.xlsx');
    writeFileSync(xlsx, await writeXlsx([GOOD]));
    await panel.getByTestId('import-file').setInputFiles(xlsx);
    await panel.getByTestId('import-preview').waitFor();
    expect(await panel.getByTestId('import-row-count').textContent()).toBe('3');
    expect(await panel.getByTestId('import-errors').count()).toBe(0);
    await panel.getByTestId('import-all').click();
    await panel.getByTestId('import-done').waitFor();
    await expect.poll(() => rows().count()).toBe(before + 3);
    const zhang = rows().filter({ hasText: '张建国' });
    expect(await zhang.getAttribute('data-status')).toBe('complete');
    // the same roster as .csv goes through the same checks
    await openImport();
    const csv = join(dir, '代表名册.csv');
    writeFileSync(csv, tableToCsv(GOOD));
    await panel.getByTestId('import-file').setInputFiles(csv);
    await panel.getByTestId('import-preview').waitFor();
    expect(await panel.getByTestId('import-all').isDisabled()).toBe(false);
    await panel.getByTestId('import-cancel').click();
  });

  it('offers the imported deputies in people fields by pinyin initials', async () => {
    await panel.getByTestId('tab-records').click();
    const editor = await newRecord(panel, 'inspection');
    const box = editor.locator('.lvz-form [data-field="deputies"] input[role="combobox"]');
    await box.fill('zjg');
    const option = editor.locator('.lvz-form [data-field="deputies"] [role="option"]');
    await option.first().waitFor();
    expect(await option.first().textContent()).toContain('张建国');
    await option.first().click();
    await box.fill('zxm');
    await option.filter({ hasText: '曾小明' }).click();
    expect(await editor.locator('.lvz-form [data-field="deputies"] .lvz-chip').allTextContents()).toEqual(['张建国×', '曾小明×']);
    await panel.getByTestId('editor-back').click();
  });

  it('starts a new record from the office defaults and from the last one, never over what is there', async () => {
    await panel.getByTestId('tab-settings').click();
    await panel.getByTestId('default-meeting.place').fill('镇政府三楼会议室');
    await panel.getByTestId('default-meeting.recorder').fill('赵敏');
    await panel.getByTestId('defaults-save').click();
    await panel.getByTestId('defaults-saved').waitFor();
    await panel.getByTestId('tab-records').click();
    await panel.getByTestId('new-form').selectOption('presidium-monthly');
    await panel.getByTestId('new-record').click();
    let editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    expect(await editor.locator('.lvz-form [data-field="place"] input').inputValue()).toBe('镇政府三楼会议室');
    expect(await editor.locator('.lvz-form [data-field="recorder"] input').inputValue()).toBe('赵敏');
    expect(await panel.getByTestId('from-defaults-note').textContent()).toContain('会议地点');
    // the user changes the place; the next record from the last one keeps the user's place
    await editor.locator('.lvz-form [data-field="place"] input').fill('青山村村委会议室');
    await editor.locator('.lvz-form [data-field="title"] input').fill('四月主席团例会');
    await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
    await panel.getByTestId('editor-back').click();
    await panel.getByTestId('new-form').selectOption('presidium-monthly');
    await panel.getByTestId('new-from-last').click();
    editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    expect(await editor.locator('.lvz-form [data-field="place"] input').inputValue()).toBe('青山村村委会议室');
    expect(await editor.locator('.lvz-form [data-field="recorder"] input').inputValue()).toBe('赵敏');
    await panel.getByTestId('editor-back').click();
  });

  it('proposes fields from a pasted notice, applied only when ticked', async () => {
    const editor = await newRecord(panel, 'presidium-monthly');
    // a new record opens with the paste box, and a paste is read at once (no 查找 click)
    await panel.getByTestId('paste-text').click();
    await panel.getByTestId('paste-text').evaluate((el: HTMLTextAreaElement, text) => {
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true }));
      set.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, '关于召开镇人大主席团五月份例会的通知\n定于5月14日（星期二）下午2:30在镇政府二楼会议室召开主席团例会。\n主持人：张建国\n参加人员：张建国、李秀英、曾小明\n联系电话：13912340009');
    const proposals = panel.getByTestId('paste-proposal');
    await proposals.first().waitFor();
    const value = async (field: string) => panel.locator(`[data-testid="paste-proposal"][data-field="${field}"] [data-testid="paste-value"] strong`).textContent();
    expect(await value('startTime')).toMatch(/^\d{4}-05-14 14:30$/);
    expect(await value('chair')).toBe('张建国');
    expect(await value('present')).toBe('张建国、李秀英、曾小明');
    // the place came from the office defaults only: the notice's place is ticked over it, and says what it replaces
    const place = panel.locator('[data-testid="paste-proposal"][data-field="place"]');
    expect(await place.locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(await place.textContent()).toContain('将替换：镇政府三楼会议室');
    // nothing is written before 填入
    expect(await editor.locator('.lvz-form [data-field="chair"] input').inputValue()).toBe('');
    await panel.locator('[data-testid="paste-proposal"][data-field="title"] input[type=checkbox]').uncheck();
    await screenshot(panel, 'staff-data-paste');
    await panel.getByTestId('paste-apply').click();
    await panel.getByTestId('paste-applied').waitFor();
    // (polled: the form's boxes take their new values in the renders after 填入; once failed on CI
    // reading an empty 主持人 right after the status showed, not reproduced in 8 runs under load)
    await expect.poll(() => editor.locator('.lvz-form [data-field="chair"] input').inputValue(), { timeout: 5000 }).toBe('张建国');
    await expect.poll(() => editor.locator('.lvz-form [data-field="present"] .lvz-chip').count(), { timeout: 5000 }).toBe(3);
    await expect.poll(() => editor.locator('.lvz-form [data-field="place"] input').inputValue(), { timeout: 5000 }).toBe('镇政府二楼会议室');
    expect(await editor.locator('.lvz-form [data-field="title"] input').inputValue()).toBe('');
    await panel.getByTestId('editor-back').click();
  });

  it('keeps a place the user typed over a default: the notice\'s proposal for it starts unticked', async () => {
    const editor = await newRecord(panel, 'presidium-monthly');
    await editor.locator('.lvz-form [data-field="place"] input').fill('村委会会议室');
    await panel.getByTestId('paste-text').fill('定于5月14日下午2:30在镇政府二楼会议室召开主席团例会。');
    await panel.getByTestId('paste-find').click();
    const place = panel.locator('[data-testid="paste-proposal"][data-field="place"]');
    await place.waitFor();
    expect(await place.locator('input[type=checkbox]').isChecked()).toBe(false);
    expect(await place.textContent()).toContain('将替换：村委会会议室');
    await panel.getByTestId('editor-back').click();
  });

  it('refuses 完成 with required fields empty, with a link that focuses each field', async () => {
    const editor = await newRecord(panel, 'deputy-profile');
    await editor.locator('.lvz-form [data-field="name"] input').fill('吴新');
    await panel.getByTestId('record-complete').click();
    const refusal = panel.getByTestId('incomplete');
    await refusal.waitFor();
    const missing = await refusal.getByTestId('missing-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    expect(missing).toContain('idNumber');
    expect(missing).toContain('mobile');
    expect(missing).not.toContain('name');
    await refusal.locator('[data-testid="missing-field"][data-field="mobile"] [data-testid="missing-link"]').click();
    expect(await panel.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('mobile');
    await screenshot(panel, 'staff-data-incomplete');
    // still a draft
    await panel.getByTestId('editor-back').click();
    expect(await rows().filter({ hasText: '吴新' }).getAttribute('data-status')).toBe('draft');
    // and 用于填写 opens it with what is missing instead of filling
    await rows().filter({ hasText: '吴新' }).getByTestId('record-use').click();
    await panel.getByTestId('incomplete').waitFor();
    expect(await panel.getByTestId('tab-records').getAttribute('aria-selected')).toBe('true');
    const draftId = await panel.getByTestId('record-editor').getAttribute('data-record-id');
    await panel.getByTestId('editor-back').click();

    // the fill tab refuses it too, and its link opens the record at the first missing field
    const page = await ext.context.newPage();
    await page.goto(site.url('/layui.html'));
    await waitForLauncher(page);
    const bound = await ext.context.newPage();
    await bound.goto(ext.url(`sidepanel.html?tab=${await tabIdOf(ext, page)}&view=fill`));
    await bound.getByTestId('page-title').waitFor();
    await bound.getByTestId('fill-record').selectOption(draftId!);
    await bound.getByTestId('autofill').click();
    const msg = bound.getByTestId('fill-message');
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/记录不完整，不能用于填写：缺少必填项：.*公民身份号码/);
    expect(await bound.getByTestId('fill-plan').count()).toBe(0);
    await bound.getByTestId('fill-fix-record').click();
    await bound.getByTestId('record-editor').waitFor();
    await expect.poll(() => bound.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('gender');
    await bound.close();
    await page.close();
  });
});
