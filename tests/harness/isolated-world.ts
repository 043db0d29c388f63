/**
 * The standalone autofill bundle run as the extension runs the engine: in an isolated world of
 * the page (made over CDP, as Chrome makes a content script's), where the expandos Vue and React
 * keep on DOM nodes are invisible, with the page-world helper (`Lvzhi.pageWorld.listen`) answering
 * reads of framework state in the page's own world on a random channel. Used by the eval scorer
 * (its default) and by the browser tests of that bridge. No vitest here: the scorer runs outside it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Calls `window.Lvzhi[method](...args)` in the world the engine was injected into, JSON in and
 * out, with the call's own wall time in the page (ms; passing the arguments in is not counted).
 */
export type EngineCall = <T = unknown>(method: string, ...args: unknown[]) => Promise<{ ms: number; value: T }>;

const call = (method: string, args: unknown[]) => `(async () => {
  const args = ${JSON.stringify(args)};
  const t0 = performance.now();
  const r = await window.Lvzhi[${JSON.stringify(method)}](...args);
  return { ms: performance.now() - t0, value: r === undefined ? null : JSON.parse(JSON.stringify(r)) };
})()`;

/**
 * Injects the bundle and returns how to call it. `world: 'isolated'` (default) puts the engine in
 * an isolated world of the top frame; `bridge: false` leaves out the page-world helper (what the
 * engine sees there without it). `world: 'page'` puts it in the page's own world. `channel` names
 * the bridge's channel (random otherwise).
 */
export async function injectEngine(page: Page, bundle: string, opts: { world?: 'isolated' | 'page'; bridge?: boolean; channel?: string } = {}): Promise<EngineCall> {
  await page.addScriptTag({ path: bundle });
  if (opts.world === 'page') return ((method: string, ...args: unknown[]) => page.evaluate(call(method, args))) as EngineCall;
  // (a test that watches the bridge's events names the channel; the requests are `${channel}-q`)
  const channel = opts.channel ?? `lvzhi-test-${Math.random().toString(36).slice(2)}`;
  if (opts.bridge !== false) await page.evaluate(`window.Lvzhi.pageWorld.listen(${JSON.stringify(channel)})`);
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'lvzhi-engine' });
  const evaluate = async (expression: string): Promise<unknown> => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as unknown;
  };
  await evaluate(readFileSync(bundle, 'utf8'));
  await evaluate(`window.Lvzhi.pageWorld.bridge(${JSON.stringify(channel)})`);
  return ((method: string, ...args: unknown[]) => evaluate(call(method, args))) as EngineCall;
}
