/**
 * Waiting on the page's own changes instead of fixed sleeps: a condition is checked when the
 * DOM under `root` changes (MutationObserver), when a transition or animation ends (a popup
 * fading in), and on a slow safety tick for changes no event announces (layout, scroll).
 * Resolves with the condition's first truthy value, or undefined after `timeout` ms.
 */
import { win } from '../util.ts';

export interface WaitOptions {
  /** Where to watch (default: the whole document of `near`, or of the current page). */
  root?: Node;
  /** Any node of the page whose document to watch when no root is given. */
  near?: Node;
  timeout?: number;
}

/** Default bound for waiting on a control that is disabled or still loading (ms); see `setWaitLimit`. */
let waitLimit = 3000;
export function setWaitLimit(ms: number): void { waitLimit = Math.max(0, Math.min(ms, 30_000)); }
export function getWaitLimit(): number { return waitLimit; }

export function waitUntil<T>(fn: () => T | undefined | null | false, opts: WaitOptions = {}): Promise<T | undefined> {
  const first = fn();
  if (first) return Promise.resolve(first);
  const timeout = opts.timeout ?? 1500;
  const doc = opts.root ? (opts.root.ownerDocument ?? (opts.root as Document)) : (opts.near?.ownerDocument ?? (opts.near as Document | undefined) ?? document);
  const root = opts.root ?? doc;
  const w = win(doc as Node);
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: T | undefined) => {
      if (done) return;
      done = true;
      obs.disconnect();
      doc.removeEventListener('transitionend', check, true);
      doc.removeEventListener('animationend', check, true);
      w.clearTimeout(end); w.clearInterval(tick);
      resolve(v);
    };
    const check = () => { if (done) return; try { const v = fn(); if (v) finish(v); } catch { /* a widget torn down mid-check: keep waiting */ } };
    // a batch of mutations is checked once, after the framework's microtasks have run
    let queued = false;
    const obs = new w.MutationObserver(() => { if (!queued) { queued = true; w.queueMicrotask(() => { queued = false; check(); }); } });
    obs.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    doc.addEventListener('transitionend', check, true);
    doc.addEventListener('animationend', check, true);
    const tick = w.setInterval(check, 50);
    const end = w.setTimeout(() => finish(fn() || undefined), timeout);
  });
}

/** Resolves after the page has had one frame to react (render after a click), without a fixed delay. */
export function nextFrame(near: Node): Promise<void> {
  const w = win(near.ownerDocument ?? (near as Document));
  return new Promise((r) => { let ok = false; const go = () => { if (!ok) { ok = true; r(); } }; w.requestAnimationFrame(go); w.setTimeout(go, 50); });
}
