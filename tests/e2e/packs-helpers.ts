/**
 * Helpers shared by the packs-*.e2e tests: the lvzhi CLI, pack folders with a changed version,
 * the extension id fixed by the manifest key, and reading the pack store from the worker.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_BUILD_DIR, REPO_ROOT, type ExtensionBrowser } from '../harness/browser.ts';

import { lvzhiBin, type CliResult } from '../harness/cli.ts';

export const lvzhi = (...args: string[]): Promise<CliResult> => lvzhiBin(args);

/** Copies forms/packs/NAME to DIR/NAME with another version (and title), for building. */
export function packFolder(dir: string, name: string, version: string, title?: string): string {
  const target = join(dir, `${name}-${version}`);
  cpSync(join(REPO_ROOT, 'forms', 'packs', name), target, { recursive: true });
  const file = join(target, 'pack.json');
  const pack = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  pack['version'] = version;
  if (title) pack['title'] = title;
  delete pack['$schema'];
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return target;
}

/** The id Chromium gives the extension: from the manifest `key` (SHA-256, first 16 bytes, a–p). */
export function extensionIdFromManifest(dir = EXTENSION_BUILD_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error('the built manifest has no "key"');
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface StoredPack { id: string; enabled: boolean; active: number; source: { kind: string }; versions: { version: string; origin: string; pack: Record<string, unknown> }[] }

export async function storedPacks(ext: ExtensionBrowser): Promise<StoredPack[]> {
  return ext.serviceWorker.evaluate(async () => {
    const got = await chrome.storage.local.get('lvzhi.packStore');
    return ((got['lvzhi.packStore'] as { packs?: unknown[] } | undefined)?.packs ?? []) as never;
  });
}

export async function activeVersionOf(ext: ExtensionBrowser, id: string): Promise<string | undefined> {
  const p = (await storedPacks(ext)).find((x) => x.id === id);
  return p ? p.versions[p.active]?.version : undefined;
}

/** Sends a pack request from an extension page, as the options page does (bypassing its UI). */
export async function askFromPage(page: Page, req: Record<string, unknown>): Promise<{ ok: boolean; change?: { ok: boolean; issues?: { code: string; message: string }[] }; offer?: { status: string } }> {
  return page.evaluate(async (r) => chrome.runtime.sendMessage(r), req) as never;
}
