/**
 * The standalone autofill bundle (`window.Lvzhi`) that the autofill browser tests inject into
 * fixture pages, and the few steps every one of those tests takes with it: one browser and one
 * static server per fixture folder for the file, a page opened with the bundle injected, a call
 * into `window.Lvzhi`, the page's own `window.__portal` state and submit, the built-in packs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { loadPaths } from '@lvzhi/shared/node';
import { validatePackSet, type PackDefinition } from '@lvzhi/shared';
import { launchChromium, REPO_ROOT, serveDir, type PlainBrowser, type StaticServer } from './browser.ts';

export const AUTOFILL_BUNDLE = join(REPO_ROOT, 'shared', 'dist', 'lvzhi-autofill.js');

/** Builds shared/dist/lvzhi-autofill.js when it is not there yet. */
export function ensureAutofillBundle(): void {
  if (!existsSync(AUTOFILL_BUNDLE)) execFileSync('npx', ['tsx', join(REPO_ROOT, 'shared', 'scripts', 'build-autofill.ts')], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export type AutofillSuite<K extends string> = { browser: PlainBrowser } & Record<K, StaticServer>;

/**
 * Registers the file's beforeAll/afterAll: `prepare` (a fixture build), the bundle, one static
 * server per named folder and one Chromium. The returned object is filled in by beforeAll, so
 * read its members inside tests only.
 */
export function autofillSuite<K extends string>(dirs: Record<K, string>, prepare?: () => Promise<unknown>): AutofillSuite<K> {
  const suite = {} as AutofillSuite<K>;
  const servers: StaticServer[] = [];
  beforeAll(async () => {
    await prepare?.();
    ensureAutofillBundle();
    for (const [name, dir] of Object.entries(dirs) as [K, string][]) {
      const server = await serveDir(dir);
      servers.push(server);
      (suite as Record<K, StaticServer>)[name] = server;
    }
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    for (const s of servers) await s.close();
  });
  return suite;
}

/** True when the page or one of its same-origin frames has set `window.__portal`. */
function hasPortal(): boolean {
  if ((window as unknown as { __portal?: unknown }).__portal) return true;
  for (let i = 0; i < window.frames.length; i++) {
    try { if ((window.frames[i] as unknown as { __portal?: unknown }).__portal) return true; } catch { /* another origin */ }
  }
  return false;
}

/**
 * Opens `url` in a fresh page, waits for the page (or a frame of it) to set `window.__portal`
 * unless `waitForPortal` is false (plain pages that have none), and injects the bundle. A
 * `viewport` is set before the page loads (a phone's screen for mobile pages).
 */
export async function openWithBundle(browser: PlainBrowser, url: string, opts: { waitForPortal?: boolean; viewport?: { width: number; height: number } | undefined } = {}): Promise<Page> {
  const page = await browser.newPage();
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  await page.goto(url);
  if (opts.waitForPortal !== false) await page.waitForFunction(hasPortal, undefined, { timeout: 20_000 });
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return page;
}

export type LvzhiMethod = 'fill' | 'fillMore' | 'plan' | 'apply' | 'undo' | 'readBack' | 'scan';

/** Calls `window.Lvzhi[method](...args)` in the page; arguments and result cross as JSON. */
export async function lvzhi<T = unknown>(target: Page | Frame, method: LvzhiMethod, ...args: unknown[]): Promise<T> {
  const out = await target.evaluate(async ([m, a]) => {
    const L = (window as unknown as { Lvzhi: Record<string, (...v: unknown[]) => unknown> }).Lvzhi;
    const r = await L[m]!(...(JSON.parse(a) as unknown[]));
    return r === undefined ? 'null' : JSON.stringify(r);
  }, [method, JSON.stringify(args)] as const);
  return JSON.parse(out) as T;
}

/** The page's own framework state (`window.__portal.state()`). */
export function portalState<T = Record<string, unknown>>(target: Page | Frame): Promise<T> {
  return target.evaluate(() => (window as unknown as { __portal: { state(): unknown } }).__portal.state()) as Promise<T>;
}

/** The page's own validation, as its submit button runs it (`window.__portal.submit()`). */
export function portalSubmit(target: Page | Frame): Promise<{ ok: boolean; errors: string[] }> {
  return target.evaluate(() => (window as unknown as { __portal: { submit(): unknown } }).__portal.submit()) as Promise<{ ok: boolean; errors: string[] }>;
}

/** The built-in packs of forms/packs, loaded and validated as the extension bundles them. */
export async function builtInPacks(): Promise<PackDefinition[]> {
  const loaded = await loadPaths([join(REPO_ROOT, 'forms', 'packs')], REPO_ROOT);
  return validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
}
