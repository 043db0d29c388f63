/**
 * The built extension in real headless Chromium: its service worker runs, and its options page
 * lists the built-in packs (Chinese titles) with no validation problem. Also a plain page served
 * by serveDir, to prove the harness itself. Needs `npm run build` (npm test does it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_BUILD_DIR, REPO_ROOT, launchChromium, launchWithExtension, screenshot, serveDir,
  type ExtensionBrowser, type PlainBrowser, type StaticServer,
} from '../harness/browser.ts';

interface BuiltPack { id: string; title: string; version: string; forms?: unknown[] }

/** What the build bundled: forms/dist/index.json, written by `lvzhi pack build`. */
function builtPacks(): BuiltPack[] {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'dist', 'index.json'), 'utf8')) as BuiltPack[];
}

describe('extension options page', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(EXTENSION_BUILD_DIR);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads with a background service worker that records the installed version', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const installed = await ext.serviceWorker.evaluate(async () => {
      // The worker writes this in onInstalled, which may still be running.
      for (let i = 0; i < 50; i++) {
        const got = await chrome.storage.local.get('lvzhi.installed');
        if (got['lvzhi.installed']) return got['lvzhi.installed'] as { version: string; reason: string };
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return null;
    });
    expect(installed).toMatchObject({ version: '0.1.0', reason: 'install' });
  });

  it('lists the built-in packs in Chinese and shows no validation problem', async () => {
    const packs = builtPacks();
    expect(packs.map((p) => p.id)).toContain('lvzhi.common');

    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ext.url('options.html'));

    await expect.poll(() => page.getByTestId('pack-row').count()).toBe(packs.length);
    // Screenshot before the checks, so that a failure leaves a picture to look at.
    const shot = await screenshot(page, 'extension-options');
    expect(readFileSync(shot).subarray(1, 4).toString('latin1')).toBe('PNG');
    const problems = await page.getByTestId('validation-problems').allInnerTexts();
    expect(problems, `the options page shows validation problems:\n${problems.join('\n')}`).toEqual([]);
    expect(await page.getByTestId('validation-ok').textContent()).toBe('全部表单包校验通过，没有发现问题。');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('履职 · 设置');

    for (const pack of packs) {
      expect(pack.title).toMatch(/\p{Script=Han}/u);
      const row = page.locator(`[data-testid="pack-row"][data-pack-id="${pack.id}"]`);
      expect(await row.getByTestId('pack-title').textContent()).toBe(pack.title);
      const cells = await row.locator('td').allTextContents();
      expect(cells).toEqual([pack.title, pack.id, pack.version, String(pack.forms?.length ?? 0)]);
    }
    expect(await page.getByText('通用', { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('plain page through serveDir', () => {
  let site: StaticServer;
  let browser: PlainBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-site-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>代表信息登记</title></head>
       <body><form><label for="name">代表姓名</label><input id="name" name="name"></form>
       <script>document.body.dataset.ready = new Date('2024-03-28T01:00:00Z').toLocaleDateString('zh-CN');</script></body></html>`,
    );
    site = await serveDir(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page to Chromium, in China Standard Time', async () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await browser.newPage();
    await page.goto(site.url('/'));
    expect(await page.title()).toBe('代表信息登记');
    await page.getByLabel('代表姓名').fill('张三');
    expect(await page.locator('#name').inputValue()).toBe('张三');
    expect(await page.locator('body').getAttribute('data-ready')).toBe('2024/3/28');
    await screenshot(page, 'plain-page');
  });

  it('answers 404 for missing files and paths outside the folder', async () => {
    expect((await fetch(site.url('/missing.html'))).status).toBe(404);
    // Sent raw: fetch() would resolve the dots before sending.
    const status = await new Promise<number>((ok, fail) => {
      get(site.origin + '/', { path: '/../../../../etc/passwd' }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      }).on('error', fail);
    });
    expect(status).toBe(404);
    expect((await fetch(site.url('/%2e%2e%2f%2e%2e%2fetc/passwd'))).status).toBe(404);
    const ok = await fetch(site.url('/index.html'));
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
