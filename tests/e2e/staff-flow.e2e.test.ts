/**
 * The clerk's flow through the real built extension (issue 12 parts 2, 3, 4, 5, 7): one click
 * allows a tab without a reload; the launcher opens one panel per tab with the likely record
 * chosen and the plan shown; a wizard's second step is filled with 继续填写; a field corrected by
 * hand is remembered (记住) into office.local and filled next time; plans and skip reasons use
 * plain words; the launcher follows the panel's language and keeps off the page's controls.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, importRecords, launcherControl, tabIdOf, waitForLauncher } from './extension-helpers.ts';

type PortalApi = { state(): Record<string, unknown>; submit(): { ok: boolean; errors: string[] } };

// A portal of the old ASP.NET kind: labels with "：", DOM names like ctl00$…, a yes/no radio
// group in the bottom-right corner (where the launcher would sit), a field whose label is in no
// dictionary (the clerk fills it by hand; 记住 teaches it).
const OWN_PORTAL = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>代表登记</title>
<style>body{margin:0;font:14px sans-serif} p{margin:8px 16px} #yn{position:fixed;right:12px;bottom:12px;background:#eee;padding:6px}</style></head>
<body><form id="f">
<p><label for="xm">姓名：</label><input id="xm" name="ctl00$main$txtXM"></p>
<p><label for="xb">性别：</label><input id="xb" name="ctl00$main$txtXB"></p>
<p><label for="mz">民族：</label><input id="mz" name="ctl00$main$txtMZ"></p>
<p><label for="jg">所在机构全称：</label><input id="jg" name="ctl00$main$txtJG"></p>
<p><label for="zz">邮寄地址</label><input id="zz" name="ctl00$main$txtZZ"></p>
<div id="yn"><input type="radio" name="ctl00$main$rblSFLR" id="y" value="1"><label for="y">是</label><input type="radio" name="ctl00$main$rblSFLR" id="n" value="0"><label for="n">否</label></div>
</form></body></html>`;

// A section hidden when the fill runs (a collapsed 更多信息), shown afterwards by the clerk.
const HIDDEN_PORTAL = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>代表登记（更多信息）</title></head>
<body><form>
<p><label for="xm">姓名：</label><input id="xm" name="xm"></p>
<p><label for="xb">性别：</label><input id="xb" name="xb"></p>
<button type="button" id="show" onclick="document.getElementById('more').style.display='block'">更多信息</button>
<div id="more" style="display:none"><p><label for="mz">民族：</label><input id="mz" name="mz"></p></div>
</form></body></html>`;

const panels = (ext: ExtensionBrowser) => ext.context.pages().filter((p) => p.url().includes('sidepanel.html'));

async function openPanelFor(ext: ExtensionBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(ext, page);
  const panel = await ext.context.newPage();
  await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
  return panel;
}

describe('staff flow: allow, one panel, continue, teach, plain words', () => {
  let ext: ExtensionBrowser;
  let fixtures: StaticServer;
  let own: StaticServer;
  let dir: string;
  let records: Page;

  beforeAll(async () => {
    await buildPortals();
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-staffflow-'));
    writeFileSync(join(dir, 'index.html'), OWN_PORTAL);
    writeFileSync(join(dir, 'hidden.html'), HIDDEN_PORTAL);
    fixtures = await serveDir(PORTALS_DIR);
    own = await serveDir(dir);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    records = await ext.context.newPage();
    await records.goto(ext.url('sidepanel.html'));
    await importRecords(records, [exampleRecord('forms/examples/deputy-profile.json'), exampleRecord('forms/examples/presidium-monthly.json'), exampleRecord('forms/examples/suggestion.json')]);
  });
  afterAll(async () => {
    await ext?.close();
    await fixtures?.close();
    await own?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('part 2: one click allows the open tab; the launcher appears without a reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(own.url('/'));
    await page.evaluate(() => { (window as unknown as { __sameLoad: number }).__sameLoad = 42; });
    expect(await page.locator('lvzhi-launcher').count()).toBe(0);
    const panel = await openPanelFor(ext, page);
    const allow = panel.getByTestId('allow-site');
    await allow.waitFor({ timeout: 10_000 });
    await screenshot(panel, 'staff-flow-allow');
    await allow.click();
    await panel.getByTestId('page-title').waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('page-title').textContent()).toContain('代表登记');
    await page.locator('lvzhi-launcher[data-ready="true"]').waitFor({ timeout: 10_000 });
    // The same document: nothing reloaded it.
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: number }).__sameLoad)).toBe(42);
    // …and it stays allowed for later loads.
    const registered = await ext.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered[0]?.matches).toContain(`${own.origin}/*`);
    await Promise.all([panel.close(), page.close()]);
  });

  it('part 3: the launcher opens one panel for its tab, with the record chosen and the plan shown', async () => {
    await allowPortal(ext, fixtures.origin);
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(fixtures.url('/antd.html'));
    const launcher = await waitForLauncher(page);
    const before = panels(ext).length;
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
    await launcher.click();
    const panel = await opened;
    // One click from the launcher to the plan: the deputy record (its form's fields are on the page) is chosen.
    await panel.getByTestId('fill-plan').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('fill-record').inputValue()).toBe('rec-deputy-wang-jianguo');
    expect(await panel.getByTestId('preselected').textContent()).toBeTruthy();
    // More clicks: still one panel for this tab.
    await launcher.click();
    await page.waitForTimeout(1500);
    await launcher.click();
    await page.waitForTimeout(1500);
    expect(panels(ext).length).toBe(before + 1);
    // One click to fill; the portal's framework state holds the values and its own submit passes.
    await panel.getByTestId('fill-plan').waitFor();
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    const submitted = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.submit());
    expect(submitted).toMatchObject({ ok: true });
    await Promise.all([panel.close(), page.close()]);
  });

  it('part 4: a wizard\'s next step is filled with 继续填写 (N)', async () => {
    const page = await ext.context.newPage();
    await page.goto(fixtures.url('/wizard.html'));
    const launcher = await waitForLauncher(page);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
    await launcher.click();
    const panel = await opened;
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-plan').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('fill-record').inputValue()).toBe('example-presidium-monthly-2024-04');
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    expect(await launcherControl(page, 'lvzhi-more')).toBeUndefined();
    await page.click('#wz-next');
    // The launcher notices the new fields and offers to continue.
    await expect.poll(async () => (await launcherControl(page, 'lvzhi-more'))?.text ?? '', { timeout: 15_000 }).toMatch(/继续填写 \([1-9]\d*\)/);
    await screenshot(page, 'staff-flow-continue');
    const panelsBefore = panels(ext).length;
    await (await launcherControl(page, 'lvzhi-more'))!.click();
    await expect.poll(() => panel.getByTestId('fill-message').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/已继续填写新出现的栏目：[1-9]/);
    const state = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    expect(state['present']).toBe('王建国、李秀英、陈志强、刘桂兰、赵德明、孙丽华、周宏伟、吴海燕');
    expect(String(state['content'])).toContain('黄立新镇长通报了一季度全镇主要工作');
    expect(await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.submit())).toEqual({ ok: true, errors: [] });
    // Undo still works for the continued part.
    await panel.getByTestId('undo-fill').click();
    await panel.getByTestId('undo-done').waitFor({ timeout: 30_000 });
    expect((await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state()))['present']).toBe('');
    // No new window was opened for the continue click.
    expect(panels(ext).length).toBe(panelsBefore);
    await Promise.all([panel.close(), page.close()]);
  });

  it('part 4: a field hidden when the fill ran is offered with 继续填写 once it shows', async () => {
    const page = await ext.context.newPage();
    await page.goto(own.url('/hidden.html'));
    const launcher = await waitForLauncher(page);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
    await launcher.click();
    const panel = await opened;
    await panel.getByTestId('page-title').waitFor();
    // Choosing the record shows its plan at once (no 自动填写 click).
    await panel.getByTestId('fill-record').selectOption('rec-deputy-wang-jianguo');
    await panel.locator('[data-testid="fill-plan"][data-record-id="rec-deputy-wang-jianguo"]').waitFor({ timeout: 20_000 });
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('#xm').inputValue()).toBe('王建国');
    expect(await page.locator('#mz').inputValue()).toBe('');
    await page.click('#show');
    await expect.poll(async () => (await launcherControl(page, 'lvzhi-more'))?.text ?? '', { timeout: 15_000 }).toMatch(/继续填写 \(1\)/);
    await (await launcherControl(page, 'lvzhi-more'))!.click();
    await expect.poll(() => panel.getByTestId('fill-message').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/已继续填写新出现的栏目：1/);
    expect(await page.locator('#mz').inputValue()).toBe('汉族');
    await Promise.all([panel.close(), page.close()]);
  });

  it('part 3: a mapping chosen by hand for a page is chosen again on its next visit, and only on that page', async () => {
    const open = async (path: string): Promise<{ page: Page; panel: Page }> => {
      const page = await ext.context.newPage();
      await page.goto(own.url(path));
      const launcher = await waitForLauncher(page);
      const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 15_000 });
      await launcher.click();
      const panel = await opened;
      await panel.getByTestId('page-title').waitFor();
      return { page, panel };
    };
    const first = await open('/hidden.html');
    await first.panel.getByTestId('fill-mapping').selectOption('deputy-profile-layui');
    // the plan follows the choice at once
    await first.panel.getByTestId('fill-plan').waitFor({ timeout: 20_000 });
    await Promise.all([first.panel.close(), first.page.close()]);
    const again = await open('/hidden.html');
    await expect.poll(() => again.panel.getByTestId('fill-mapping').inputValue(), { timeout: 10_000 }).toBe('deputy-profile-layui');
    await again.panel.getByTestId('fill-plan').waitFor({ timeout: 20_000 });
    const other = await open('/');
    await other.panel.getByTestId('fill-plan').waitFor({ timeout: 20_000 });
    expect(await other.panel.getByTestId('fill-mapping').inputValue()).toBe('auto');
    await Promise.all([again.panel.close(), again.page.close(), other.panel.close(), other.page.close()]);
  });

  it('parts 5 and 7: plain words in the plan; a field filled by hand is remembered and filled next time', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(own.url('/'));
    await waitForLauncher(page);
    // The launcher keeps off the radio group in the corner.
    const bar = (await page.locator('lvzhi-launcher').boundingBox())!;
    const yn = (await page.locator('#yn').boundingBox())!;
    const overlap = bar.x < yn.x + yn.width && yn.x < bar.x + bar.width && bar.y < yn.y + yn.height && yn.y < bar.y + bar.height;
    expect(overlap, `launcher ${JSON.stringify(bar)} covers the radios ${JSON.stringify(yn)}`).toBe(false);

    const panel = await openPanelFor(ext, page);
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-record').selectOption('rec-deputy-wang-jianguo');
    await panel.getByTestId('autofill').click();
    await panel.getByTestId('fill-plan').waitFor();
    await panel.locator('[data-testid="fill-plan"] summary').click();
    const words = [...await panel.getByTestId('plan-step').allTextContents(), ...await panel.getByTestId('plan-skipped').locator('li').allTextContents()].join('\n');
    await screenshot(panel, 'staff-flow-plain-words');
    expect(words).toContain('姓名 ← 王建国');
    expect(words).not.toMatch(/ctl00|\$|\bc\d+\b|：：|\b[a-z]+\.[a-zA-Z]+\b/);
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('#jg').inputValue()).toBe('');

    // The clerk types the work unit by hand; the panel offers to remember it.
    await page.locator('#jg').click();
    await page.keyboard.type('青山镇青山村村民委员会');
    const item = panel.getByTestId('teach-item').filter({ hasText: '所在机构全称' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.getByTestId('teach-key').locator('option:checked').textContent()).toBe('工作单位');
    await screenshot(panel, 'staff-flow-teach');
    await item.getByTestId('teach-remember').click();
    await item.getByTestId('teach-saved').waitFor({ timeout: 15_000 });
    const local = await ext.serviceWorker.evaluate(async () => {
      const store = (await chrome.storage.local.get('lvzhi.packStore'))['lvzhi.packStore'] as { packs: Array<{ id: string }> };
      return JSON.stringify(store).includes('所在机构全称') && store.packs.some((p) => p.id === 'office.local');
    });
    expect(local).toBe(true);

    // Next time on this portal the field is filled.
    await panel.getByTestId('undo-fill').click();
    await panel.getByTestId('undo-done').waitFor();
    await page.reload();
    await waitForLauncher(page);
    await panel.reload();
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-record').selectOption('rec-deputy-wang-jianguo');
    await panel.getByTestId('autofill').click();
    await panel.getByTestId('fill-plan').waitFor();
    expect((await panel.getByTestId('plan-step').allTextContents()).join('\n')).toContain('所在机构全称 ← 青山镇青山村村民委员会');
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('#jg').inputValue()).toBe('青山镇青山村村民委员会');

    // The administrator exports the local mappings as a pack file.
    await panel.getByTestId('tab-settings').click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-local').click()]);
    const { readFileSync } = await import('node:fs');
    const pack = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { id: string; portals: Array<{ fields: Array<{ key: string; locator: { label?: string } }> }> };
    expect(pack.id).toBe('office.local');
    expect(pack.portals[0]!.fields[0]!.locator.label).toBe('所在机构全称');
    await Promise.all([panel.close(), page.close()]);
  });

  it('part 7: the launcher uses the panel\'s language', async () => {
    const page = await ext.context.newPage();
    await page.goto(own.url('/'));
    await waitForLauncher(page);
    expect((await launcherControl(page, 'lvzhi-fill'))!.text).toBe('自动填写');
    await records.goto(ext.url('sidepanel.html'));
    await records.getByTestId('lang-switch').click();
    expect(await records.getByTestId('tab-records').textContent()).toBe('Records');
    await expect.poll(() => ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('lvzhi.lang'))['lvzhi.lang'])).toBe('en');
    await page.reload();
    await waitForLauncher(page);
    expect((await launcherControl(page, 'lvzhi-fill'))!.text).toBe('Autofill');
    await records.getByTestId('lang-switch').click();
    await page.close();
  });
});
