/**
 * The form renderer against react-jsonschema-form, side by side in one headless Chromium:
 * first render of a 300-field form (mount until the DOM holds every field and the browser has
 * produced the frame showing it: style, layout and paint included) and the time from a
 * keystroke in a field to the DOM showing it, with the rest of the form mounted.
 * Goals: first render ≤ 0.5× RJSF's; a keystroke under one frame (16 ms).
 * Timing is taken around `page.evaluate`, so both sides carry the same DevTools round trip. A
 * render waits for its own frame, so neither side is charged with the other's leftover layout
 * (an earlier version returned right after the mount and the next call, of either side, paid the
 * rendering of the previous one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defineBench, DEFAULT_WARMUP } from './harness.ts';
import { launchChromium, serveDir } from '../harness/browser.ts';
import { buildFormApp } from '../fixtures/form-app/build.ts';

const RUNS = 20;
interface Env { page: Page; close(): Promise<void> }
let env: Promise<Env> | undefined;
let keystrokeCalls = 0;

function open(): Promise<Env> {
  env ??= (async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lvzhi-form-bench-'));
    await buildFormApp(out, ['bench']);
    const site = await serveDir(out);
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(site.url('/bench.html'));
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
    return { page, async close() { await browser.close(); await site.close(); rmSync(out, { recursive: true, force: true }); } };
  })();
  return env;
}

type BenchApi = { bench: Record<string, (n?: number) => number | Promise<number>> };
const call = (page: Page, fn: string, n = 0) => page.evaluate(([f, i]) => (window as unknown as BenchApi).bench[f as string]!(i as number), [fn, n] as const);

let n = 0;
export default [
  defineBench({
    name: 'form first render, 300 fields (Chromium)',
    unit: 'ms',
    goal: { value: 0.5, op: '<=', unit: 'ratio', description: 'a 300-field form opens in at most half the time react-jsonschema-form takes' },
    runs: RUNS,
    setup: open,
    run: ({ page }) => call(page, 'renderLvzhi'),
    baseline: { name: 'RJSF @rjsf/core + validator-ajv8', run: ({ page }) => call(page, 'renderRjsf') },
  }),
  defineBench({
    name: 'form keystroke to DOM, 300 fields (Chromium)',
    unit: 'ms',
    goal: { value: 16, op: '<', description: 'typing never drops a frame' },
    runs: RUNS,
    setup: async () => {
      const e = await open();
      await call(e.page, 'renderLvzhi');
      await call(e.page, 'renderRjsf');
      return e;
    },
    run: async (e) => { await call(e.page, 'keyLvzhi', ++n); if (++keystrokeCalls === 2 * (RUNS + DEFAULT_WARMUP)) await e.close(); },
    baseline: { name: 'RJSF keystroke', run: async (e) => { await call(e.page, 'keyRjsf', ++n); if (++keystrokeCalls === 2 * (RUNS + DEFAULT_WARMUP)) await e.close(); } },
  }),
];
