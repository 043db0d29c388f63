/**
 * Staff faster (issue 12), through the real built extension: a first use without a secret (the
 * office's roster spreadsheet, with the photos placed in its 照片 cells, imported from the 填写
 * tab's first-use card, then allow and fill);
 * the clerk's notes copied from a document and pasted into a new record, each labelled paragraph
 * proposed for its multi-line field and applied only on 填入; the roster link (a person field's
 * `rosterFill` in the pack) filling the deputy's phone and work unit, never over a typed value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FormDefinition, LvzhiRecord } from '@lvzhi/shared';
import { writeXlsx, validateFiles } from '@lvzhi/shared/node';
import { REPO_ROOT, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, exampleRecord, newRecord, otherDeputies, rosterSheet, tabIdOf, waitForLauncher } from './extension-helpers.ts';

type PortalApi = { state(): Record<string, unknown> };

/** The clerk's notes of an inspection, as typed in a document (paragraphs over several lines). */
const NOTES = `视察记录
活动类型：视察
被视察单位：青山镇交通管理站、县路桥工程有限公司大许线项目部
视察情况：代表们沿线察看了已完工路段和在建路段，
查阅了原材料检验报告和监理日志。

群众反映部分路段油路建设质量没有达到设计要求。
视察意见：
一、施工单位对面层厚度不足路段返工重铺：镇交通管理站组织复检；
二、加强原材料进场检验和工序验收。
整改期限：2024-05-31`;

/** Copies `text` from a document page (select all, copy) and pastes it into `target` (click, paste): what a clerk does. */
async function copyFromDocument(doc: Page, text: string, panel: Page, target: string): Promise<void> {
  await doc.setContent(`<!doctype html><meta charset="utf-8"><title>视察记录.docx</title><textarea id="doc" style="width:90%;height:300px"></textarea>`);
  await doc.locator('#doc').fill(text);
  await doc.bringToFront();
  await doc.locator('#doc').click();
  await doc.keyboard.press('Control+A');
  await doc.keyboard.press('Control+C');
  await panel.bringToFront();
  await panel.getByTestId(target).click();
  await panel.keyboard.press('Control+V');
}

describe('staff faster: first use from the roster, notes pasted, the roster link', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  let dir: string;
  let deputy: LvzhiRecord;
  let deputyForm: FormDefinition;
  let others: LvzhiRecord[];

  beforeAll(async () => {
    await buildPortals();
    site = await serveDir(PORTALS_DIR);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-staffnotes-'));
    const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
    deputy = exampleRecord('forms/examples/deputy-profile.json');
    deputyForm = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === deputy.form)!;
    others = otherDeputies(deputy, ['李秀英', '陈志强', '赵德明'], { 李秀英: '13962345678' }).map((r, i) => ({ ...r, values: { ...r.values, workUnit: `青山镇第${i + 1}村村民委员会`, address: `青山镇第${i + 1}村` } }));
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('first use without a secret: the roster spreadsheet from the fill tab, undo, then allow and fill', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('/antd.html'));
    const panel = await ext.context.newPage();
    await panel.goto(ext.url(`sidepanel.html?tab=${await tabIdOf(ext, page)}`));
    await panel.getByTestId('first-use').waitFor();
    // a roster with a bad row imports nothing and says which row
    const bad = rosterSheet(deputyForm, [others[0]!, deputy]);
    const idCol = bad.header.indexOf('公民身份号码');
    expect(idCol).toBeGreaterThanOrEqual(0);
    bad.rows[1]![idCol] = '321283197205143510';
    writeFileSync(join(dir, 'bad.xlsx'), await writeXlsx([bad]));
    await panel.getByTestId('first-import-table').setInputFiles(join(dir, 'bad.xlsx'));
    await panel.getByTestId('fill-message').filter({ hasText: '第3行' }).waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('first-use').count()).toBe(1);
    // the good roster (the photo placed in its 照片 cell): every row a deputy profile, in one go, and it can be taken back
    const roster = rosterSheet(deputyForm, [others[0]!, deputy, others[1]!, others[2]!], { photos: true });
    expect(roster.images?.length).toBe(4);
    writeFileSync(join(dir, '代表名册.xlsx'), await writeXlsx([roster]));
    await panel.getByTestId('first-import-table').setInputFiles(join(dir, '代表名册.xlsx'));
    await panel.getByTestId('fill-message').filter({ hasText: '已导入记录：4（' }).waitFor({ timeout: 15_000 }).catch(async () => {
      throw new Error(`first import: ${await panel.getByTestId('fill-message').textContent()}`);
    });
    await panel.getByTestId('first-import-undo').click();
    await panel.getByTestId('first-use').waitFor();
    expect(await panel.getByTestId('fill-record').locator('option').count()).toBe(1);
    await panel.getByTestId('first-import-table').setInputFiles(join(dir, '代表名册.xlsx'));
    await panel.getByTestId('fill-message').filter({ hasText: '已导入记录：4' }).waitFor({ timeout: 15_000 });
    // allow the site, choose the deputy, confirm: the portal's own state holds the roster's values
    await panel.getByTestId('allow-site').click();
    await waitForLauncher(page);
    const id = await panel.getByTestId('fill-record').locator('option', { hasText: String(deputy.values['name']) }).getAttribute('value');
    if ((await panel.getByTestId('fill-record').inputValue()) !== id) await panel.getByTestId('fill-record').selectOption(id!);
    await panel.locator(`[data-testid="fill-plan"][data-record-id="${id}"]`).waitFor({ timeout: 30_000 });
    await page.bringToFront();
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    const state = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    expect(state['xm']).toBe(deputy.values['name']);
    expect(state['sj']).toBe(deputy.values['mobile']);
    expect(state['gzdw']).toBe(deputy.values['workUnit']);
    // the photo came from the roster's 照片 cell, named after the deputy
    expect(state['zp']).toEqual([`${String(deputy.values['name'])}.png`]);
    await screenshot(panel, 'staff-first-use-roster');
    await panel.close();
    await page.close();
  });

  it('proposes the labelled paragraphs of the clerk\'s notes for multi-line fields, applied only on 填入', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    const doc = await ext.context.newPage();
    const editor = await newRecord(panel, 'inspection');
    await copyFromDocument(doc, NOTES, panel, 'paste-text');
    expect(await panel.getByTestId('paste-text').inputValue()).toBe(NOTES);
    const proposal = (f: string) => panel.locator(`[data-testid="paste-proposal"][data-field="${f}"]`);
    await proposal('findings').waitFor({ timeout: 10_000 });
    expect(await proposal('findings').locator('[data-testid="paste-value"] strong').innerText()).toBe('代表们沿线察看了已完工路段和在建路段，\n查阅了原材料检验报告和监理日志。\n群众反映部分路段油路建设质量没有达到设计要求。');
    expect(await proposal('opinions').locator('[data-testid="paste-value"] strong').innerText()).toContain('二、加强原材料进场检验和工序验收。');
    expect(await proposal('units').locator('[data-testid="paste-value"] strong').innerText()).toBe('青山镇交通管理站、县路桥工程有限公司大许线项目部');
    // nothing is written before 填入
    const field = (id: string) => editor.locator(`.lvz-form [data-field="${id}"]`);
    expect(await field('findings').locator('textarea').inputValue()).toBe('');
    await screenshot(panel, 'staff-notes-paste');
    await panel.getByTestId('paste-apply').click();
    await panel.getByTestId('paste-applied').waitFor();
    expect(await field('findings').locator('textarea').inputValue()).toBe('代表们沿线察看了已完工路段和在建路段，\n查阅了原材料检验报告和监理日志。\n群众反映部分路段油路建设质量没有达到设计要求。');
    expect(await field('opinions').locator('textarea').inputValue()).toBe('一、施工单位对面层厚度不足路段返工重铺：镇交通管理站组织复检；\n二、加强原材料进场检验和工序验收。');
    expect(await field('units').locator('input').first().inputValue()).toBe('青山镇交通管理站');
    expect(await field('rectificationDeadline').locator('input').inputValue()).toBe('2024-05-31');
    // the box is empty again for the next text (a second document)
    expect(await panel.getByTestId('paste-text').inputValue()).toBe('');
    await panel.getByTestId('editor-back').click();
    await doc.close();
    await panel.close();
  });

  it('the roster link: choosing the lead deputy fills the phone and work unit from the roster, never over a typed value', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    const editor = await newRecord(panel, 'suggestion');
    const field = (id: string) => editor.locator(`.lvz-form [data-field="${id}"]`);
    const pick = async (query: string, name: string) => {
      const box = field('proposer').locator('input[role="combobox"]');
      await box.fill(query);
      await field('proposer').locator('[role="option"]').filter({ hasText: name }).click();
    };
    await pick('lxy', '李秀英');
    await expect.poll(() => field('proposerPhone').locator('input').inputValue()).toBe('13962345678');
    expect(await field('proposerWorkUnit').locator('input').inputValue()).toBe('青山镇第1村村民委员会');
    expect(await field('proposerAddress').locator('input').inputValue()).toBe('青山镇第1村');
    // the clerk types the unit as the deputy wrote it; choosing another deputy replaces only what the roster gave
    await field('proposerWorkUnit').locator('input').fill('青山村委会');
    await pick('wjg', String(deputy.values['name']));
    await expect.poll(() => field('proposerPhone').locator('input').inputValue()).toBe(String(deputy.values['mobile']));
    expect(await field('proposerAddress').locator('input').inputValue()).toBe(String(deputy.values['address']));
    expect(await field('proposerWorkUnit').locator('input').inputValue()).toBe('青山村委会');
    // a deputy named in a pasted text is linked the same way
    await panel.getByTestId('editor-back').click();
    const second = await newRecord(panel, 'suggestion');
    await panel.getByTestId('paste-text').fill('领衔代表：陈志强');
    await panel.getByTestId('paste-find').click();
    await panel.locator('[data-testid="paste-proposal"][data-field="proposer"]').waitFor();
    await panel.getByTestId('paste-apply').click();
    await expect.poll(() => second.locator('.lvz-form [data-field="proposerPhone"] input').inputValue()).toBe(String(others[1]!.values['mobile']));
    await panel.getByTestId('editor-back').click();
    await panel.close();
  });
});
