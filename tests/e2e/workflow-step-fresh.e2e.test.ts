/**
 * A workflow step in the panel is taken on the record as the store holds it now, not on the
 * workflows list's copy: that copy may be a moment old (another panel saved, a sync pulled),
 * and a step on it was refused for what the newer version holds, or saved back over it — the
 * other panel's edit gone. Two panels of one profile: the first shows the workflows list, the
 * second writes the record's content and the unit's reply; then the first takes the step the
 * reply allows (答复代表). The step is taken, and the edit remains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser.ts';
import { TEST_BUILD_DIR, exampleRecord, importRecords } from './extension-helpers.ts';

describe('workflow step after another panel saved', () => {
  let ext: ExtensionBrowser;
  let list: Page;
  let editor: Page;
  const rec = exampleRecord('forms/examples/suggestion.in-progress.json');

  beforeAll(async () => {
    ext = await launchWithExtension(TEST_BUILD_DIR);
    editor = await ext.context.newPage();
    await editor.goto(ext.url('sidepanel.html?view=records'));
    await importRecords(editor, [rec]);
    list = await ext.context.newPage();
    await list.goto(ext.url('sidepanel.html?view=workflows'));
  }, 120_000);
  afterAll(async () => { await ext?.close(); });

  it('keeps the other panel\'s edit and takes the step', async () => {
    const row = list.getByTestId('workflow-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('当前环节：办理');

    // the second panel edits the content and leaves the editor (the save is flushed)
    await editor.getByTestId('tab-records').click();
    await editor.locator(`[data-testid="record-row"][data-record-id="${rec.id}"]`).getByTestId('record-edit').click();
    const form = editor.getByTestId('record-editor');
    await form.waitFor();
    await form.locator('.lvz-form [data-field="content"] textarea').fill('另一个面板刚写下的内容。');
    // and the unit's reply, which the next step (答复代表) requires
    await form.getByLabel('答复内容').fill('已督促学校落实食堂食品安全管理制度。');
    await form.getByLabel('答复日期').fill('2024-11-20');
    await form.getByLabel('B类：列入计划逐步解决').check();
    await expect.poll(() => editor.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
    await editor.getByTestId('editor-back').click();

    // the first panel has not re-read the records; its step must not write its older copy back
    await row.getByTestId('workflow-step').filter({ hasText: '答复代表' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('当前环节：答复');
    expect(await row.getByRole('alert').count()).toBe(0);

    await editor.reload();
    await editor.locator(`[data-testid="record-row"][data-record-id="${rec.id}"]`).getByTestId('record-edit').click();
    await editor.getByTestId('record-editor').waitFor();
    expect(await editor.locator('.lvz-form [data-field="content"] textarea').inputValue()).toBe('另一个面板刚写下的内容。');
  }, 120_000);
});
