/**
 * The launcher is registered at run time for allowed portals only (issue 7, first Done-when):
 * the manifest declares no content script; a portal the user adds in the panel (a site the
 * extension holds a host permission for — the test build pre-grants 127.0.0.1 because headless
 * Chromium cannot click the prompt) gets the overlay; another site gets none. The overlay sits
 * in a shadow root: hostile portal CSS does not break it, its CSS does not touch the portal,
 * and it can be dragged (the position is kept).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_TEST_BUILD_DIR, REPO_ROOT, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { launcherControl } from './extension-helpers.ts';

const TEST_BUILD_DIR = EXTENSION_TEST_BUILD_DIR;

const HOSTILE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title>
<style>
  * { font-size: 40px !important; color: red !important; }
  div, span, button { display: none !important; }
  lvzhi-launcher { display: none !important; opacity: 0 !important; }
  .own { display: block !important; font-family: serif; }
</style></head>
<body><form><label for="xm">姓名</label><input id="xm" name="xm"><button class="own" id="own" type="button">门户自己的按钮</button></form></body></html>`;

describe('run-time launcher registration', () => {
  let ext: ExtensionBrowser;
  let allowed: StaticServer;
  let other: StaticServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-portal-'));
    writeFileSync(join(dir, 'index.html'), HOSTILE);
    allowed = await serveDir(dir);
    other = await serveDir(dir);
    ext = await launchWithExtension(TEST_BUILD_DIR);
  });
  afterAll(async () => {
    await ext?.close();
    await allowed?.close();
    await other?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares no content script in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(TEST_BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['content_scripts']).toBeUndefined();
    expect(manifest['optional_host_permissions']).toEqual(['http://*/*', 'https://*/*']);
    const prod = JSON.parse(readFileSync(join(REPO_ROOT, 'extension', 'build', 'chrome-mv3-prod', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(prod['content_scripts']).toBeUndefined();
    // Never every site up front: portals are optional host permissions.
    expect(JSON.stringify(prod['host_permissions'] ?? [])).not.toMatch(/<all_urls>|\*:\/\/\*|https?:\/\/\*\//);
  });

  it('shows no overlay before the portal is added', async () => {
    const page = await ext.context.newPage();
    await page.goto(allowed.url('/'));
    await page.waitForTimeout(500);
    expect(await page.locator('lvzhi-launcher').count()).toBe(0);
    await page.close();
  });

  it('adds a portal in the panel; that portal gets the overlay, another site none', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=settings'));
    await panel.getByTestId('portal-input').fill(allowed.url('/index.html'));
    await panel.getByTestId('portal-add').click();
    await expect.poll(() => panel.getByTestId('portal-message').textContent()).toContain(`${allowed.origin}/*`);
    await screenshot(panel, 'extension-portals-panel');
    // The built-in packs' own portals (not granted in this build) are listed for the user to allow.
    expect(await panel.getByTestId('portal-pending').textContent()).toContain('https://rd.example.gov.cn/dbxx/*');
    const registered = await ext.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((r) => ({ id: r.id, js: r.js, matches: r.matches }))).toEqual([
      { id: 'lvzhi-launcher', js: ['lvzhi-launcher.js'], matches: [`${allowed.origin}/*`] },
    ]);

    const page = await ext.context.newPage();
    await page.goto(allowed.url('/'));
    await page.locator('lvzhi-launcher[data-ready="true"]').waitFor({ timeout: 10_000 });
    const fill = (await launcherControl(page, 'lvzhi-fill'))!;
    expect(fill.text).toBe('自动填写');
    // Portal CSS cannot reach the overlay…
    expect({ size: await fill.style('font-size'), color: await fill.style('color') }).toEqual({ size: '13px', color: 'rgb(255, 255, 255)' });
    const host = page.locator('lvzhi-launcher');
    // …and its root is closed: page scripts cannot reach its buttons.
    expect(await host.evaluate((h) => h.shadowRoot)).toBeNull();
    expect(await host.evaluate((h) => getComputedStyle(h).display)).toBe('block');
    // …and the overlay's CSS does not reach the portal.
    expect(await page.locator('#own').evaluate((b) => [getComputedStyle(b).fontSize, getComputedStyle(b).display])).toEqual(['40px', 'block']);
    await screenshot(page, 'extension-portals-overlay');

    // Movable: drag the grip; the position is kept for the next page.
    const box = (await launcherControl(page, 'lvzhi-grip'))!.box;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(120, 90, { steps: 5 });
    await page.mouse.up();
    const moved = (await host.boundingBox())!;
    expect(Math.abs(moved.x - 115)).toBeLessThan(20);
    // Kept per portal origin (the background stores it for the sender's origin).
    await expect.poll(() => ext.serviceWorker.evaluate(async (o) => ((await chrome.storage.local.get('lvzhi.launcher.positions'))['lvzhi.launcher.positions'] as Record<string, unknown> | undefined)?.[o], allowed.origin)).toBeTruthy();
    await page.reload();
    await expect.poll(async () => (await page.locator('lvzhi-launcher').boundingBox())?.x ?? -1, { timeout: 10_000 }).toBeLessThan(200);

    // Another origin (a different port on the same host) gets nothing.
    const elsewhere = await ext.context.newPage();
    await elsewhere.goto(other.url('/'));
    await elsewhere.waitForTimeout(800);
    expect(await elsewhere.locator('lvzhi-launcher').count()).toBe(0);
    await Promise.all([page.close(), elsewhere.close(), panel.close()]);
  });

  it('removing the portal unregisters the launcher', async () => {
    const removed = await ext.serviceWorker.evaluate(async (pattern) => {
      const list = ((await chrome.storage.local.get('lvzhi.portals'))['lvzhi.portals'] as string[]).filter((p) => p !== pattern);
      await chrome.storage.local.set({ 'lvzhi.portals': list });
      for (let i = 0; i < 50; i++) {
        if ((await chrome.scripting.getRegisteredContentScripts()).length === 0) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    }, `${allowed.origin}/*`);
    expect(removed).toBe(true);
    const page = await ext.context.newPage();
    await page.goto(allowed.url('/'));
    await page.waitForTimeout(500);
    expect(await page.locator('lvzhi-launcher').count()).toBe(0);
    await page.close();
  });
});
