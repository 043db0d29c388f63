/**
 * The staff panel beyond filling (issue 7): the launcher's 自动填写 opens the panel bound to that
 * portal tab on the fill view (side panel, or its window fallback); 从页面读取 turns a portal page
 * into a new draft; the workflows view shows what is overdue; English is one click away and
 * stays; a part that fails shows what failed in its error boundary while the rest still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, importRecords, tabIdOf, waitForLauncher } from './extension-helpers.ts';

describe('staff panel', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  let panel: Page;
  const suggestion = exampleRecord('forms/examples/suggestion.in-progress.json');

  beforeAll(async () => {
    await buildPortals();
    site = await serveDir(PORTALS_DIR);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    await allowPortal(ext, site.origin);
    panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    await importRecords(panel, [suggestion, exampleRecord('forms/examples/deputy-profile.json')]);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('opens the panel for the portal tab on the fill view from the launcher', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('/layui.html'));
    const fill = await waitForLauncher(page);
    const tabId = await tabIdOf(ext, page);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
    await fill.click();
    const bound = await opened;
    expect(new URL(bound.url()).searchParams.get('tab')).toBe(String(tabId));
    await bound.getByTestId('intent-note').waitFor();
    expect(await bound.getByTestId('tab-fill').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => bound.getByTestId('page-title').textContent()).toContain('代表信息维护');
    await bound.close();
    await page.close();
  });

  it('reads a portal page back into a new draft (从页面读取)', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('/layui.html'));
    await waitForLauncher(page);
    await page.locator('input[name="xm"]').fill('赵德明');
    const tabId = await tabIdOf(ext, page);
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-mapping').selectOption('deputy-profile-layui');
    await panel.getByTestId('read-page').click();
    const editor = panel.getByTestId('record-editor');
    await editor.waitFor({ timeout: 15_000 });
    expect(await editor.locator('input[id$="-name"]').first().inputValue()).toBe('赵德明');
    await screenshot(panel, 'extension-read-back');
    await page.close();
  });

  it('shows where each workflow stands and what is overdue', async () => {
    await panel.goto(ext.url('sidepanel.html?view=workflows'));
    const row = panel.getByTestId('workflow-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await panel.getByTestId('overdue-count').textContent()).toBe('已逾期：1');
    expect(await row.textContent()).toContain('逾期');
    expect(await row.getByTestId('workflow-step').count()).toBeGreaterThan(0);
    // The next step's action: the engine refuses a reply that has not been written yet, and says so.
    await row.getByTestId('workflow-step').filter({ hasText: '答复代表' }).click();
    const refusal = row.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/答复/);
    expect(await row.textContent()).toContain('办理');
    await screenshot(panel, 'extension-workflows');
    // 编辑 opens the record to write the reply.
    await row.getByTestId('workflow-edit').click();
    expect(await panel.getByTestId('record-editor').getAttribute('data-record-id')).toBe(suggestion.id);
  });

  it('switches to English and keeps it', async () => {
    await panel.goto(ext.url('sidepanel.html?view=workflows'));
    await panel.getByTestId('lang-switch').click();
    expect(await panel.getByTestId('tab-workflows').textContent()).toBe('Workflows');
    expect(await panel.getByTestId('overdue-count').textContent()).toBe('Overdue：1');
    await panel.reload();
    expect(await panel.getByTestId('tab-records').textContent()).toBe('Records');
    await panel.getByTestId('lang-switch').click();
    expect(await panel.getByTestId('tab-records').textContent()).toBe('记录');
  });

  it('raises one reminder notification for the overdue step, once a day', async () => {
    await panel.goto(ext.url('sidepanel.html?view=workflows'));
    const first = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'lvzhi.reminders.check' }))) as { ok: boolean; id?: string };
    expect(first.ok).toBe(true);
    expect(first.id).toMatch(/^lvzhi-reminder-\d{4}-\d{2}-\d{2}$/);
    const shown = await ext.serviceWorker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toContain(first.id);
    const last = await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('lvzhi.reminders.last'))['lvzhi.reminders.last']);
    expect(last).toBe(first.id!.replace('lvzhi-reminder-', ''));
  });

  it('keeps a draft in memory and offers to export it when storage fails (quota)', async () => {
    await panel.goto(ext.url('sidepanel.html?view=records'));
    await panel.getByTestId('new-form').selectOption('deputy-profile');
    await panel.evaluate(() => {
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await panel.getByTestId('new-record').click();
    await panel.getByTestId('record-editor').locator('input[id$="-name"]').first().fill('陈志强');
    const warning = panel.getByTestId('quota-warning');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toContain('存储空间不足');
    expect(await panel.getByTestId('save-state').textContent()).toBe('未能保存到浏览器，草稿暂存在内存中');
    const [download] = await Promise.all([panel.waitForEvent('download'), warning.getByRole('button').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { values: Record<string, unknown> };
    expect(saved.values['name']).toBe('陈志强');
    await panel.reload(); // a fresh page, the real put again
  });

  it('shows a pack update that failed to load while the last good version keeps working', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { REPO_ROOT } = await import('../harness/browser.ts');
    const common = (JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'dist', 'index.json'), 'utf8')) as Array<{ id: string; version: string }>).find((p) => p.id === 'lvzhi.common')!;
    const broken = { ...common, version: '9.9.9', colour: 'red' };
    await panel.goto(ext.url('sidepanel.html?view=records'));
    const answer = (await panel.evaluate((text) => chrome.runtime.sendMessage({ type: 'lvzhi.packs.import', fileName: 'common.json', text }), JSON.stringify(broken))) as { ok: boolean; offer?: { status: string } };
    expect(answer.offer?.status).toBe('refused');
    const problems = panel.getByTestId('pack-problems');
    await problems.waitFor({ timeout: 10_000 });
    expect(await problems.textContent()).toContain(`9.9.9（仍在使用版本 ${common.version}）`);
    await problems.locator('summary').first().click();
    expect(await problems.textContent()).toContain('colour');
    // The forms of the last good version still work.
    await panel.getByTestId('new-form').selectOption('deputy-profile');
    await panel.getByTestId('new-record').click();
    await panel.getByTestId('record-editor').waitFor();
    await screenshot(panel, 'extension-pack-problem');
    await panel.getByTestId('editor-back').click();
  });

  it('shows a failing part in its error boundary while the other tabs keep working', async () => {
    // A newer database version (as after installing an older extension over a newer one) makes
    // the record store fail to open.
    await panel.goto('about:blank'); // let go of the open database
    const other = await ext.context.newPage();
    await other.goto(ext.url('options.html'));
    await other.evaluate(() => new Promise<void>((ok, fail) => {
      const req = indexedDB.open('lvzhi-records', 99);
      req.onsuccess = () => { req.result.close(); ok(); };
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error('blocked: a page or the worker still holds lvzhi-records open'));
    }));
    await other.close();
    const fresh = await ext.context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(ext.url('sidepanel.html?view=records'));
    const boundary = fresh.getByTestId('error-boundary');
    await boundary.waitFor({ timeout: 15_000 });
    expect(await boundary.textContent()).toContain('出现错误');
    expect(await fresh.getByTestId('tab-settings').isVisible()).toBe(true);
    await fresh.getByTestId('tab-settings').click();
    await fresh.getByTestId('portal-input').waitFor();
    await screenshot(fresh, 'extension-error-boundary');
    await fresh.close();
  });
});
