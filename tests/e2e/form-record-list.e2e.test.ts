/**
 * RecordList on the IndexedDB store in a 400 px panel: search by text, form, status and date;
 * delete to the trash and restore from it; a record trashed more than 30 days ago cannot be
 * restored. Each step goes through the real store and survives a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../harness/browser.ts';
import { useFormApp } from '../fixtures/form-app/serve.ts';

const app = useFormApp('record-list', ['list']);

const titles = (page: Page) => page.locator('.lvz-record-title').allTextContents();

describe('RecordList', () => {
  it('searches, trashes and restores through the store', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.site.url('/list.html'));
    await expect.poll(() => titles(page)).toEqual(['代表履职能力培训会', '青山镇人大主席团2024年4月份例会', '青山镇人大主席团2024年3月份例会']);
    // text search (every word must appear; names of places count)
    await page.getByRole('searchbox', { name: '搜索记录' }).fill('会议室');
    expect(await titles(page)).toEqual(['青山镇人大主席团2024年3月份例会']);
    await page.getByRole('searchbox', { name: '搜索记录' }).fill('');
    // by form and status
    await page.getByRole('combobox', { name: '全部表单' }).selectOption('presidium-monthly');
    expect(await titles(page)).toEqual(['青山镇人大主席团2024年4月份例会', '青山镇人大主席团2024年3月份例会']);
    await page.getByRole('combobox', { name: '全部状态' }).selectOption('complete');
    expect(await titles(page)).toEqual(['青山镇人大主席团2024年4月份例会']);
    await page.getByRole('combobox', { name: '全部状态' }).selectOption('');
    await page.getByRole('combobox', { name: '全部表单' }).selectOption('');
    // by date (the meeting's start time)
    await page.getByLabel('从').fill('2024-04-01');
    await page.getByLabel('到').fill('2024-04-30');
    expect(await titles(page)).toEqual(['青山镇人大主席团2024年4月份例会']);
    await page.getByLabel('从').fill('');
    await page.getByLabel('到').fill('');
    await page.getByRole('button', { name: '打开' }).first().click();
    expect(await page.locator('#opened').textContent()).toBe('r3');

    // delete to the trash
    await page.getByRole('button', { name: '删除 青山镇人大主席团2024年3月份例会' }).click();
    await expect.poll(() => titles(page)).toEqual(['代表履职能力培训会', '青山镇人大主席团2024年4月份例会']);
    await page.getByRole('tab', { name: /回收站/ }).click();
    expect(await page.getByRole('tab', { name: /回收站/ }).textContent()).toBe('回收站（2）');
    expect(await titles(page)).toEqual(['青山镇人大主席团2024年3月份例会', '2023年12月份例会']);
    expect(await page.locator('[data-record="r2"] .lvz-actions .lvz-sub').textContent()).toBe('30 天后永久删除');
    expect(await page.locator('[data-record="old"] .lvz-actions .lvz-sub').textContent()).toBe('已超过 30 天，无法恢复');
    expect(await page.getByRole('button', { name: '恢复 2023年12月份例会' }).isDisabled()).toBe(true);
    await screenshot(page, 'record-list-trash');

    // the trash is in the store: it is still there after a reload; restore brings it back
    await page.reload();
    await page.getByRole('tab', { name: /回收站/ }).click();
    await expect.poll(() => titles(page)).toEqual(['青山镇人大主席团2024年3月份例会', '2023年12月份例会']);
    await page.getByRole('button', { name: '恢复 青山镇人大主席团2024年3月份例会' }).click();
    await expect.poll(() => titles(page)).toEqual(['2023年12月份例会']);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['代表履职能力培训会', '青山镇人大主席团2024年4月份例会', '青山镇人大主席团2024年3月份例会']);
    await page.close();
  });
});
