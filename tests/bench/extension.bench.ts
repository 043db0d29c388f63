/**
 * The extension's cost on a portal page (issue 7):
 * 1. Launcher overlay ready after DOMContentLoaded, on the Element Plus test portal (a heavy
 *    page: ~1 MB of framework script) with the built extension (test build, 127.0.0.1 allowed
 *    at run time). The content script stamps `data-ready-ms` on its host element: the time from
 *    DOMContentLoaded (or from its own start, when it runs before that event) to the overlay
 *    being in the page. The reported value is the median of those stamps (via `scale`; the run's
 *    own wall time includes the page load and is not the figure). Goal < 100 ms.
 * 2. Size of the content-script bundle (build/chrome-mv3-prod/lvzhi-launcher.js, minified);
 *    the build refuses PDF, font, zod and React code in it. Goal < 150 KB.
 * Needs `npm run build` first.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { defineBench } from './harness.ts';
import { REPO_ROOT, launchWithExtension, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal } from '../e2e/extension-helpers.ts';

const LAUNCHER = join(REPO_ROOT, 'extension', 'build', 'chrome-mv3-prod', 'lvzhi-launcher.js');
const RUNS = 15;
const WARMUP = 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function needBuild(): void {
  if (!existsSync(LAUNCHER) || !existsSync(join(TEST_BUILD_DIR, 'manifest.json'))) throw new Error('the extension is not built: run npm run build first');
}

interface Env { ext: ExtensionBrowser; site: StaticServer; page: Page }
const samples: number[] = [];
let calls = 0;

export default [
  defineBench<Env>({
    name: 'extension: launcher overlay ready after DOMContentLoaded (Element Plus portal)',
    unit: 'ms',
    goal: { value: 100, op: '<', description: 'the launcher is there as soon as the portal page is' },
    runs: RUNS,
    warmup: WARMUP,
    setup: async () => {
      needBuild();
      await buildPortals();
      const site = await serveDir(PORTALS_DIR);
      const ext = await launchWithExtension(TEST_BUILD_DIR);
      await allowPortal(ext, site.origin);
      const page = await ext.context.newPage();
      return { ext, site, page };
    },
    run: async ({ ext, site, page }) => {
      await page.goto(site.url('/element.html'), { waitUntil: 'domcontentloaded' });
      const host = page.locator('lvzhi-launcher[data-ready="true"]');
      await host.waitFor({ state: 'attached', timeout: 15_000 });
      const ms = Number(await host.getAttribute('data-ready-ms'));
      if (!Number.isFinite(ms)) throw new Error('no data-ready-ms on the launcher');
      if (++calls > WARMUP) samples.push(ms);
      if (calls === RUNS + WARMUP) { await ext.close(); await site.close(); }
    },
    scale: () => median(samples),
  }),
  defineBench<string>({
    name: 'extension: content-script bundle size (minified, no PDF/font/zod/React)',
    unit: 'KB',
    goal: { value: 150, op: '<', description: 'little to load on every portal page' },
    runs: 10,
    setup: () => { needBuild(); return LAUNCHER; },
    run: (file) => statSync(file).size,
    scale: () => statSync(LAUNCHER).size / 1024,
  }),
];
