/**
 * Managed policy as an IT department deploys it: a Chromium policy file
 * (/etc/chromium/policies/managed/*.json, "3rdparty.extensions.<id>") pushes a pack URL and a
 * trusted key to the built extension (id fixed by the manifest key). The pack is fetched,
 * verified and installed as managed; neither the options page nor a direct request to the
 * service worker can remove or disable it. Runs as root (the policy folder is system-wide); the
 * file is removed afterwards.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_TEST_BUILD_DIR, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { askFromPage, extensionIdFromManifest, lvzhi, storedPacks } from './packs-helpers.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'lvzhi-packs-e2e.json');

let work: string;
let server: StaticServer;
let ext: ExtensionBrowser;
let page: Page;
let kid: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lvzhi-managed-'));
  const site = join(work, 'site');
  mkdirSync(site);
  expect((await lvzhi('pack', 'keygen', '-o', join(work, 'it'), '--name', '区信息中心')).code).toBe(0);
  // A district pack that requires the built-in common pack.
  const dir = join(work, 'district');
  mkdirSync(dir);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({
    id: 'district.rules', version: '1.0.0', title: '区人大工作规定', publisher: '区信息中心', requires: { 'lvzhi.common': '^1.0.0' },
  }));
  // Built with the pack it requires (validated together); each pack file is signed.
  const built = await lvzhi('pack', 'build', 'forms/packs/common', dir, '--out-dir', site, '--key', join(work, 'it.private.json'));
  expect(built.code, built.stderr).toBe(0);
  writeFileSync(join(site, 'district.json'), readFileSync(join(site, 'district.rules.json')));
  server = await serveDir(site);
  const publicKey = readFileSync(join(work, 'it.public.json'), 'utf8');
  kid = (JSON.parse(publicKey) as { kid: string }).kid;
  const id = extensionIdFromManifest();
  expect(id).toMatch(/^[a-p]{32}$/);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({
    '3rdparty': { extensions: { [id]: {
      packUrls: [server.url('/district.json')],
      trustedKeys: [publicKey],
      allowedPortals: ['https://oa.example.gov.cn/*'],
      refreshMinutes: 30,
    } } },
  }, null, 2));
  ext = await launchWithExtension(EXTENSION_TEST_BUILD_DIR);
  expect(ext.extensionId, 'the manifest key fixes the extension id the policy is keyed by').toBe(id);
  page = await ext.context.newPage();
  await page.goto(ext.url('options.html'));
  await page.getByTestId('store-row').first().waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await ext?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('managed policy', () => {
  it('reaches the extension through chrome.storage.managed', async () => {
    const policy = await ext.serviceWorker.evaluate(() => chrome.storage.managed.get(null));
    expect(policy).toMatchObject({ packUrls: [server.url('/district.json')], refreshMinutes: 30 });
  });

  it('installs the managed pack signed by the policy key, shown as managed', async () => {
    const row = page.locator('[data-testid="store-row"][data-pack-id="district.rules"]');
    // The worker fetches on start; the page may have opened first.
    await expect.poll(async () => {
      if ((await row.count()) === 0) await page.reload();
      return row.count();
    }, { timeout: 30_000, interval: 1_000 }).toBe(1);
    expect(await row.getAttribute('data-source')).toBe('managed');
    expect(await row.getAttribute('data-active-version')).toBe('1.0.0');
    expect(await row.getByTestId('store-managed').textContent()).toContain('由单位统一管理');
    expect(await row.getByTestId('store-remove').count()).toBe(0);
    expect(await row.getByTestId('store-enabled').isDisabled()).toBe(true);
    const key = page.locator(`[data-testid="key-row"][data-kid="${kid}"]`);
    expect(await key.textContent()).toContain('单位统一管理');
    const sub = page.getByTestId('sub-row');
    expect(await sub.getAttribute('data-managed')).toBe('true');
    expect(await sub.getByTestId('unsubscribe').count()).toBe(0);
    const stored = (await storedPacks(ext)).find((p) => p.id === 'district.rules')!;
    expect(stored.source.kind).toBe('managed');
    await screenshot(page, 'packs-managed');
  });

  it('refuses in the service worker to remove, disable, roll back or unsubscribe it', async () => {
    for (const req of [
      { type: 'lvzhi.packs.remove', id: 'district.rules' },
      { type: 'lvzhi.packs.setEnabled', id: 'district.rules', enabled: false },
      { type: 'lvzhi.packs.rollback', id: 'district.rules', index: 0 },
      { type: 'lvzhi.packs.unsubscribe', url: server.url('/district.json') },
    ]) {
      const res = await askFromPage(page, req);
      expect(res.ok).toBe(true);
      expect(res.change?.ok, JSON.stringify(req)).toBe(false);
      expect(res.change?.issues?.[0]?.code).toBe('managed');
      expect(res.change?.issues?.[0]?.message).toMatch(/统一管理/);
    }
    // Nor can its dependency be disabled from under it.
    const dep = await askFromPage(page, { type: 'lvzhi.packs.setEnabled', id: 'lvzhi.common', enabled: false });
    expect(dep.change?.ok).toBe(false);
    // A studio save over it is refused too.
    const save = await askFromPage(page, { type: 'lvzhi.packs.save', id: 'district.rules', json: { id: 'district.rules', version: '9.0.0', title: '篡改' } });
    expect(save.offer?.status).toBe('refused');
    const stored = (await storedPacks(ext)).find((p) => p.id === 'district.rules')!;
    expect(stored.enabled).toBe(true);
    expect(stored.versions.map((v) => v.version)).toEqual(['1.0.0']);
  });
});
