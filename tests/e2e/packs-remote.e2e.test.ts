/**
 * Remote packs with the built extension in headless Chromium: a pack signed by `lvzhi pack build
 * --key` (key from `lvzhi pack keygen`) and served from 127.0.0.1 is verified in the browser and
 * picked up on refresh; unsigned, forged (one byte changed), invalid and 50 MB packs are refused
 * with the reason shown on the options page, and the previous version stays active. The key is
 * trusted by hand on the options page, so it signs the office's own pack (district.common):
 * a built-in id (lvzhi.*) only a key named by the managed policy may replace, which is shown too.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importSigningKey, signPack } from '@lvzhi/shared';
import { EXTENSION_TEST_BUILD_DIR, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { activeVersionOf, lvzhi, packFolder, storedPacks } from './packs-helpers.ts';

let work: string;
let site: string;
let server: StaticServer;
let ext: ExtensionBrowser;
let page: Page;

const PACK_URL = () => server.url('/common.json');
/** The office's own pack, signed by a key trusted by hand. */
const ID = 'district.common';

/** A small pack of the office's own as a folder to build. */
function districtFolder(version: string, title = '区通用'): string {
  const dir = join(work, `district-${version}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ id: ID, version, title, publisher: '区人大常委会办公室' }, null, 2));
  return dir;
}

async function build(version: string, title?: string): Promise<string> {
  const dir = districtFolder(version, title);
  const out = join(work, `common-${version}.json`);
  const r = await lvzhi('pack', 'build', dir, '-o', out, '--key', join(work, 'office.private.json'));
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** Clicks "check now" and waits for this check's outcome (the subscription's checkedAt changes). */
async function refreshAndWait(status: string): Promise<void> {
  const row = page.getByTestId('sub-row');
  const before = await row.getAttribute('data-checked');
  await page.getByTestId('refresh-button').click();
  await expect.poll(async () => (await row.getAttribute('data-checked')) !== before, { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('subs-result').textContent(), { timeout: 10_000 }).toContain(status);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lvzhi-remote-'));
  site = join(work, 'site');
  mkdirSync(site);
  const kg = await lvzhi('pack', 'keygen', '-o', join(work, 'office'), '--name', '区人大常委会办公室');
  expect(kg.code, kg.stderr).toBe(0);
  writeFileSync(join(site, 'common.json'), await build('1.1.0', '通用（区版）'));
  server = await serveDir(site);
  ext = await launchWithExtension(EXTENSION_TEST_BUILD_DIR);
  page = await ext.context.newPage();
  await page.goto(ext.url('options.html'));
  await page.getByTestId('store-row').first().waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('subscribed remote packs', () => {
  it('refuses the subscription while the signing key is not trusted', async () => {
    await page.getByTestId('subscribe-url').fill(PACK_URL());
    await page.getByTestId('subscribe-button').click();
    await expect.poll(() => page.getByTestId('sub-row').getAttribute('data-status'), { timeout: 30_000 }).toBe('refused');
    expect(await page.getByTestId('sub-issues').textContent()).toMatch(/不在受信任的公钥中/);
    expect(await activeVersionOf(ext, ID)).toBeUndefined();
  });

  it('picks up a pack signed by the CLI once its public key is trusted (verified in the browser)', async () => {
    await page.getByTestId('key-input').fill(readFileSync(join(work, 'office.public.json'), 'utf8'));
    await page.getByTestId('key-add').click();
    await expect.poll(() => page.getByTestId('key-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('key-row').textContent()).toContain('区人大常委会办公室');
    await refreshAndWait('已更新');
    const row = page.locator(`[data-testid="store-row"][data-pack-id="${ID}"]`);
    await expect.poll(() => row.getAttribute('data-active-version'), { timeout: 15_000 }).toBe('1.1.0');
    expect(await row.textContent()).toContain('通用（区版）');
    const stored = (await storedPacks(ext)).find((p) => p.id === ID)!;
    expect(stored.versions.map((v) => [v.version, v.origin])).toEqual([['1.1.0', 'url']]);
    // a second refresh with the same file changes nothing
    await refreshAndWait('无变化');
    expect((await storedPacks(ext)).find((p) => p.id === ID)!.versions).toHaveLength(1);
  });

  it('refuses a built-in pack (lvzhi.common) signed by that hand-trusted key: only a policy key may replace it', async () => {
    const out = join(work, 'lvzhi-common-9.json');
    const r = await lvzhi('pack', 'build', packFolder(work, 'common', '9.0.0', '通用（被替换）'), '-o', out, '--key', join(work, 'office.private.json'));
    expect(r.code, r.stderr).toBe(0);
    await page.getByTestId('import-file').setInputFiles(out);
    await expect.poll(() => page.getByTestId('import-result-issues').textContent(), { timeout: 15_000 }).toMatch(/只有单位策略指定的公钥/);
    expect(await activeVersionOf(ext, 'lvzhi.common')).toBe('1.0.0');
  });

  it('picks up a new signed version on refresh', async () => {
    writeFileSync(join(site, 'common.json'), await build('1.2.0', '通用（区版二）'));
    await refreshAndWait('已更新');
    expect(await activeVersionOf(ext, ID)).toBe('1.2.0');
    await expect.poll(() => page.locator(`[data-testid="store-row"][data-pack-id="${ID}"]`).getAttribute('data-active-version'), { timeout: 15_000 }).toBe('1.2.0');
  });

  it('imports an unsigned pack from a file (the administrator chose it) and refuses a forged signed one', async () => {
    const mine = join(work, 'district.json');
    writeFileSync(mine, JSON.stringify({ id: 'district.notes', version: '1.0.0', title: '本区备忘', requires: { 'lvzhi.common': '^1.0.0' } }));
    await page.getByTestId('import-file').setInputFiles(mine);
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 15_000 }).toContain('已安装 district.notes@1.0.0');
    const row = page.locator('[data-testid="store-row"][data-pack-id="district.notes"]');
    expect(await row.getAttribute('data-source')).toBe('file');
    const forged = join(work, 'forged.json');
    writeFileSync(forged, (await build('1.5.0', '通用（伪）')).replace('通用（伪）', '通用（真）'));
    await page.getByTestId('import-file').setInputFiles(forged);
    await expect.poll(() => page.getByTestId('import-result-issues').textContent(), { timeout: 15_000 }).toMatch(/签名不符/);
    expect(await activeVersionOf(ext, ID)).toBe('1.2.0');
    // a file-imported pack can be removed again
    await row.getByTestId('store-remove').click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
  });

  const refused: [string, () => Promise<void>, RegExp][] = [
    ['unsigned', async () => {
      const dir = districtFolder('1.3.0');
      expect((await lvzhi('pack', 'build', dir, '-o', join(site, 'common.json'))).code).toBe(0);
    }, /没有签名/],
    ['forged (one byte changed)', async () => {
      const signed = Buffer.from(await build('1.3.0', '通用（区版三）'));
      const at = signed.indexOf(Buffer.from('区版三'));
      expect(at).toBeGreaterThan(0);
      signed[at + 2] = signed[at + 2]! ^ 0x01; // one byte inside "区" (still valid UTF-8: 区 → 卸-like neighbour)
      writeFileSync(join(site, 'common.json'), signed);
    }, /签名不符/],
    ['invalid (signed, but not a valid pack)', async () => {
      const key = await importSigningKey(readFileSync(join(work, 'office.private.json'), 'utf8'));
      const pack = JSON.parse(await build('1.3.0')) as { pack: Record<string, unknown> };
      const bad = { ...pack.pack, forms: [{ id: 'broken', version: 1, title: '坏表单', category: 'nonsense', sections: [] }] };
      writeFileSync(join(site, 'common.json'), JSON.stringify(await signPack(bad, key)));
    }, /\$\.forms\[0\]\.category/],
    ['50 MB', async () => {
      const fd = openSync(join(site, 'common.json'), 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
    }, /文件过大：超过上限 4\.0 MB/],
  ];

  it.each(refused)('refuses a pack that is %s, shows why, and keeps 1.2.0 active', async (name, write, reason) => {
    await write();
    await refreshAndWait('已拒绝');
    await expect.poll(() => page.getByTestId('sub-row').getAttribute('data-status'), { timeout: 15_000 }).toBe('refused');
    const shown = await page.getByTestId('sub-issues').textContent();
    expect(shown).toMatch(reason);
    const refusedRow = page.locator(`[data-testid="store-refused-row"][data-pack-id="${ID}"]`);
    await expect.poll(() => refusedRow.textContent(), { timeout: 15_000 }).toMatch(reason);
    expect(await refusedRow.textContent()).toContain('仍在使用 1.2.0');
    expect(await activeVersionOf(ext, ID)).toBe('1.2.0');
    expect(await page.locator(`[data-testid="store-row"][data-pack-id="${ID}"]`).getAttribute('data-active-version')).toBe('1.2.0');
    await screenshot(page, `packs-remote-refused-${name.split(' ')[0]}`);
  });
});
