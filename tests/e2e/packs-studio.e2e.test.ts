/**
 * The definition studio with the built extension: an administrator edits a form as JSON in the
 * CodeMirror editor, sees located problems and the live preview, leaves with the edit unsaved and
 * finds it again, saves it as a new version — and the side panel (already open) shows the new
 * field without reloading the extension; a record made under the old form version still opens
 * with its values; rolling back restores the old form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_TEST_BUILD_DIR, REPO_ROOT, launchWithExtension, screenshot, type ExtensionBrowser } from '../harness/browser.ts';
import { exampleRecord, importRecords, newRecord } from './extension-helpers.ts';
import { activeVersionOf, storedPacks } from './packs-helpers.ts';

const NEW_LABEL = '工作室新增备注';
let ext: ExtensionBrowser;
let options: Page;
let panel: Page;

interface Form { id: string; version: number; sections: { fields: Record<string, unknown>[] }[] }
function builtForm(): Form {
  const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'dist', 'lvzhi.meetings.json'), 'utf8')) as { forms: Form[] };
  return pack.forms.find((f) => f.id === 'congress-session')!;
}

async function openStudio(page: Page): Promise<void> {
  await page.goto(ext.url('options.html'));
  await page.getByTestId('studio-editor').locator('.cm-content').waitFor({ timeout: 30_000 });
}

async function chooseForm(page: Page): Promise<void> {
  await page.getByTestId('studio-pack').selectOption('lvzhi.meetings');
  await page.getByTestId('studio-part').selectOption('forms:congress-session');
  await expect.poll(() => page.getByTestId('studio-editor').locator('.cm-content').textContent()).toContain('"congress-session"');
}

async function replaceEditorText(page: Page, text: string): Promise<void> {
  const content = page.getByTestId('studio-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+Home'); // CodeMirror draws marks only for the lines in view
}

beforeAll(async () => {
  ext = await launchWithExtension(EXTENSION_TEST_BUILD_DIR);
  options = await ext.context.newPage();
  await openStudio(options);
  panel = await ext.context.newPage();
  await panel.goto(ext.url('sidepanel.html?view=records'));
  await panel.getByTestId('tab-settings').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await ext?.close();
});

describe('definition studio', () => {
  it('completes property names from the form JSON Schema', async () => {
    await chooseForm(options);
    await replaceEditorText(options, '{\n  \n}');
    await options.keyboard.press('ArrowUp');
    await options.keyboard.press('End');
    await options.keyboard.type('"se');
    const tooltip = options.locator('.cm-tooltip-autocomplete');
    await tooltip.waitFor({ timeout: 10_000 });
    expect((await tooltip.locator('li').allTextContents()).join(' ')).toMatch(/sections/);
    await options.keyboard.press('Escape');
  });

  it('shows located problems for a bad edit and blocks saving', async () => {
    const form = builtForm();
    const bad = { ...form, sections: [{ ...form.sections[0]!, fields: [{ type: 'text', id: 'bad id', label: '' }, ...form.sections[0]!.fields] }, ...form.sections.slice(1)] };
    await replaceEditorText(options, JSON.stringify(bad, null, 2));
    await expect.poll(() => options.getByTestId('studio-problem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const problems = (await options.getByTestId('studio-problem').allTextContents()).join('\n');
    expect(problems).toMatch(/第 \d+ 行第 \d+ 列 · \$\.forms\[\d+\]\.sections\[0\]\.fields\[0\]\.(id|label)/);
    expect(await options.getByTestId('studio-save').isDisabled()).toBe(true);
    // CodeMirror's lint marks are there too
    await expect.poll(() => options.locator('.cm-lintRange-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('keeps an unsaved edit when the options page is closed and reopened', async () => {
    const form = builtForm();
    const edited = { ...form, sections: [{ ...form.sections[0]!, fields: [...form.sections[0]!.fields, { type: 'text', id: 'studioNote', label: NEW_LABEL }] }, ...form.sections.slice(1)] };
    await replaceEditorText(options, JSON.stringify(edited, null, 2));
    await options.getByTestId('studio-ok').waitFor({ timeout: 10_000 });
    await expect.poll(() => options.getByTestId('studio-live').textContent(), { timeout: 10_000 }).toContain(NEW_LABEL);
    await screenshot(options, 'packs-studio-edit');
    await options.waitForTimeout(800); // the draft is written after a short pause
    await options.close();

    options = await ext.context.newPage();
    await openStudio(options);
    await options.getByTestId('studio-draft-restored').waitFor({ timeout: 10_000 });
    expect(await options.getByTestId('studio-pack').inputValue()).toBe('lvzhi.meetings');
    expect(await options.getByTestId('studio-editor').textContent()).toContain('studioNote');
    await expect.poll(() => options.getByTestId('studio-live').textContent(), { timeout: 10_000 }).toContain(NEW_LABEL);
  });

  it('imports a record made under the current form version (for later)', async () => {
    await importRecords(panel, [exampleRecord('forms/examples/congress-session.json')]);
  });

  it('saves as a new version; the open side panel shows the new field without reloading', async () => {
    const form = builtForm();
    await options.getByTestId('studio-note').fill('增加备注字段');
    await options.getByTestId('studio-save').click();
    await expect.poll(() => options.getByTestId('studio-saved').textContent(), { timeout: 15_000 }).toContain('已保存为新版本 1.0.1');
    expect(await options.getByTestId('studio-saved').textContent()).toContain(`表单 congress-session 版本 ${form.version} → ${form.version + 1}`);
    expect(await activeVersionOf(ext, 'lvzhi.meetings')).toBe('1.0.1');
    await expect.poll(() => options.locator('[data-testid="store-row"][data-pack-id="lvzhi.meetings"]').getAttribute('data-active-version')).toBe('1.0.1');
    // the draft is gone once saved
    expect(await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('lvzhi.studio.draft'))['lvzhi.studio.draft'] ?? null)).toBeNull();

    // The panel page was opened before the save and is not reloaded.
    await panel.getByTestId('tab-records').click();
    const editor = await newRecord(panel, 'congress-session');
    await expect.poll(() => editor.getByLabel(NEW_LABEL).count(), { timeout: 10_000 }).toBe(1);
    await screenshot(panel, 'packs-studio-panel-new-field');
    await panel.getByTestId('editor-back').click();
  });

  it('still opens the record made under the old form version, with its values', async () => {
    const record = exampleRecord('forms/examples/congress-session.json');
    const title = String(record.values['title']);
    const row = panel.getByTestId('record-row').filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.getByTestId('record-edit').click();
    const editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    const inputs = await editor.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const key of ['title', 'sessionName', 'startTime']) {
      // date-times show as the panel writes them (2024-03-12 08:30), the stored value is ISO-like
      expect(inputs, `value of ${key}`).toContain(String(record.values[key]).replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/, '$1 $2'));
    }
    // The old form version is still kept in the store for such records.
    const meetings = (await storedPacks(ext)).find((p) => p.id === 'lvzhi.meetings')!;
    const forms = meetings.versions.map((v) => (v.pack['forms'] as Form[]).find((f) => f.id === 'congress-session')!.version);
    expect(forms).toEqual([record.formVersion, record.formVersion + 1]);
    await panel.getByTestId('editor-back').click();
  });

  it('rolls back to the old version, and the form loses the new field again', async () => {
    const row = options.locator('[data-testid="store-row"][data-pack-id="lvzhi.meetings"]');
    await row.getByTestId('store-history').click();
    const history = options.locator('[data-testid="store-history-row"][data-pack-id="lvzhi.meetings"]');
    expect(await history.getByTestId('history-entry').count()).toBe(2);
    expect(await history.locator('[data-version="1.0.1"]').textContent()).toContain('增加备注字段');
    await history.locator('[data-version="1.0.0"]').getByTestId('history-rollback').click();
    await expect.poll(() => row.getAttribute('data-active-version'), { timeout: 10_000 }).toBe('1.0.0');
    expect(await activeVersionOf(ext, 'lvzhi.meetings')).toBe('1.0.0');
    await options.getByTestId('studio-pack').selectOption('lvzhi.common');
    await chooseForm(options);
    expect(await options.getByTestId('studio-editor').textContent()).not.toContain('studioNote');

    const editor = await newRecord(panel, 'congress-session');
    await expect.poll(() => editor.getByLabel(NEW_LABEL).count(), { timeout: 10_000 }).toBe(0);
    await screenshot(options, 'packs-studio-rolled-back');
  });
});
