/**
 * Issue 13 part 3: a content script cannot rewrite the trust root. The launcher runs in the
 * isolated world of a portal page; whatever runs there (the launcher itself, or anything that
 * subverts it) must not read or write chrome.storage.local (packs, trusted keys, settings) nor
 * get the worker to add portals or import packs. The attacks run in the real content-script
 * world: CDP's Runtime.evaluate in the isolated execution context Chromium created for the
 * extension in the portal page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { TEST_BUILD_DIR, allowPortal, waitForLauncher } from '../e2e/extension-helpers.ts';

let ext: ExtensionBrowser;
let portal: StaticServer;
let dir: string;
let page: Page;
let cdp: CDPSession;
let contentWorld: number;

async function inContentScript(expression: string): Promise<unknown> {
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: contentWorld, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) return `threw: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`;
  return r.result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lvzhi-trust-root-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>门户</title><form><label for="xm">姓名</label><input id="xm"></form>');
  portal = await serveDir(dir);
  ext = await launchWithExtension(TEST_BUILD_DIR);
  await allowPortal(ext, portal.origin);
  page = await ext.context.newPage();
  cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  await page.goto(portal.url('/'));
  await waitForLauncher(page);
  const own = contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin.includes(ext.extensionId));
  expect(own.length, JSON.stringify(contexts)).toBeGreaterThan(0);
  contentWorld = own[own.length - 1]!.id;
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await portal?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the content-script world cannot touch the trust root', () => {
  it('is really the extension world (chrome.runtime.id is ours)', async () => {
    expect(await inContentScript('chrome.runtime.id')).toBe(ext.extensionId);
  });

  it('cannot read chrome.storage.local (pack store, trusted keys)', async () => {
    const got = await inContentScript(`chrome.storage.local.get(null).then((all) => Object.keys(all), (e) => 'denied: ' + e.message)`);
    expect(String(got)).toMatch(/^(denied|threw)/);
  });

  it('cannot plant an unsigned pack with a trusted key in chrome.storage.local', async () => {
    const planted = await inContentScript(`chrome.storage.local.set({ 'lvzhi.packStore': { format: 'lvzhi.pack-store/1', packs: [{ id: 'evil.pack', source: { kind: 'url', url: 'https://evil.example/p.json' }, enabled: true, active: 0, versions: [{ version: '1.0.0', origin: 'url', installedAt: '2026-01-01T00:00:00Z', pack: { id: 'evil.pack', version: '1.0.0', title: '恶意', publisher: 'x', mappings: [{ id: 'm', title: 'm', match: 'https://*.gov.cn/*', form: 'x' }] } }] }], subscriptions: [], trustedKeys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }] }, 'lvzhi.portals': ['https://evil.example/*'] }).then(() => 'written', (e) => 'denied: ' + e.message)`);
    expect(String(planted)).toMatch(/^(denied|threw)/);
    const stored = await ext.serviceWorker.evaluate(async () => {
      const all = await chrome.storage.local.get(['lvzhi.packStore', 'lvzhi.portals']);
      return JSON.stringify(all);
    });
    expect(stored).not.toContain('evil');
  });

  it('cannot make the worker add a portal or import a pack', async () => {
    const add = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.portals.add', pattern: 'https://evil.example/*' })`) as { ok?: boolean };
    expect(add?.ok).toBe(false);
    const remove = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.portals.remove', pattern: ${JSON.stringify(`${portal.origin}/*`)} })`) as { ok?: boolean };
    expect(remove?.ok).toBe(false);
    const imp = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.packs.import', fileName: 'x.json', text: JSON.stringify({ id: 'evil.pack', version: '1.0.0', title: '恶意', publisher: 'x' }) })`) as { ok?: boolean };
    expect(imp?.ok).toBe(false);
    const state = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.packs.state' })`) as { ok?: boolean };
    expect(state?.ok).toBe(false);
    const portals = await ext.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('lvzhi.portals')));
    expect(portals).not.toContain('evil.example');
    expect(portals).toContain(portal.origin);
    const registered = await ext.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(JSON.stringify(registered)).not.toContain('evil.example');
  });

  it('the launcher still keeps its position, through the worker', async () => {
    const saved = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.launcher.moved', position: { left: 40, top: 60 } })`) as { ok?: boolean };
    expect(saved?.ok).toBe(true);
    const back = await inContentScript(`chrome.runtime.sendMessage({ type: 'lvzhi.launcher.prefs' })`) as { position?: unknown };
    expect(back?.position).toEqual({ left: 40, top: 60 });
  });
});
