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
  /**
   * Give up early once nothing under `root` has changed for this many ms (no mutation, no
   * transition or animation ending): for a list that is rendered and settled, the option that
   * is not in it will not come, and waiting out `timeout` would only cost time.
   */
  idle?: number;
  /**
   * With `idle`: whether a running animation still counts as a change (default: always). A list
   * whose items can all be picked already is not changed by its popup still sliding in, and
   * counting the slide cost each dropdown its whole enter animation before it was called settled.
   */
  moving?: () => boolean;
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
      doc.removeEventListener('transitionend', onEvent, true);
      doc.removeEventListener('animationend', onEvent, true);
      w.clearTimeout(end); w.clearInterval(tick);
      resolve(v);
    };
    let changed = w.performance.now();
    const check = () => { if (done) return; try { const v = fn(); if (v) finish(v); } catch { /* a widget torn down mid-check: keep waiting */ } };
    const onEvent = () => { changed = w.performance.now(); check(); };
    // a batch of mutations is checked once, after the framework's microtasks have run
    let queued = false;
    const obs = new w.MutationObserver(() => { changed = w.performance.now(); if (!queued) { queued = true; w.queueMicrotask(() => { queued = false; check(); }); } });
    obs.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    doc.addEventListener('transitionend', onEvent, true);
    doc.addEventListener('animationend', onEvent, true);
    const idle = opts.idle;
    const tick = w.setInterval(() => {
      check();
      if (idle === undefined || done) return;
      // a popup still fading or sliding in changes nothing in the DOM, yet its items are not pickable until it is in
      if (animating(root) && (opts.moving?.() ?? true)) changed = w.performance.now();
      else if (w.performance.now() - changed >= idle) finish(fn() || undefined);
    }, idle !== undefined ? Math.min(50, Math.max(10, idle / 3)) : 50);
    const end = w.setTimeout(() => finish(fn() || undefined), timeout);
  });
}

type Animated = Element & { getAnimations?: (o?: { subtree?: boolean }) => Animation[] };
const running = (a: Animation) => a.playState === 'running';

/** An animation or transition runs on `root`, inside it, or on an element around it. */
function animating(root: Node): boolean {
  const el = (root.nodeType === 9 ? (root as Document).documentElement : root) as Animated | null;
  if (!el?.getAnimations) return false;
  if (el.getAnimations({ subtree: true }).some(running)) return true;
  for (let p = el.parentElement as Animated | null; p; p = p.parentElement as Animated | null) if (p.getAnimations?.().some(running)) return true;
  return false;
}

/** Resolves after the page has had one frame to react (render after a click), without a fixed delay. */
export function nextFrame(near: Node): Promise<void> {
  const w = win(near.ownerDocument ?? (near as Document));
  return new Promise((r) => { let ok = false; const go = () => { if (!ok) { ok = true; r(); } }; w.requestAnimationFrame(go); w.setTimeout(go, 50); });
}

/**
 * Resolves in the page's next task, once the work its frameworks queue as microtasks is done
 * (Vue's scheduler flush, React's flush of a discrete event's update): what a handler that
 * reads the state an `input` set needs, without waiting for a frame to be drawn.
 */
export function nextTask(near: Node): Promise<void> {
  const w = win(near.ownerDocument ?? (near as Document));
  return new Promise((r) => {
    try { const ch = new w.MessageChannel(); ch.port1.onmessage = () => { ch.port1.close(); r(); }; ch.port2.postMessage(null); } catch { w.setTimeout(r, 0); }
  });
}

/**
 * Resolves once nothing in `near`'s document has scrolled for two frames (at most `timeout` ms).
 * A date-time panel scrolls its time columns to a typed time smoothly, and some (TDesign) take
 * the time the columns show when its 确定 is pressed: pressed mid-scroll, 17:30:00 became
 * 17:30:59. A person presses it once the columns stand still.
 */
export function scrollsSettled(near: Node, timeout = 500): Promise<void> {
  const doc = near.ownerDocument ?? (near as Document);
  const w = win(doc);
  return new Promise((resolve) => {
    let quiet = 0;
    let done = false;
    const onScroll = () => { quiet = 0; };
    const finish = () => { if (done) return; done = true; doc.removeEventListener('scroll', onScroll, true); w.clearTimeout(timer); resolve(); };
    const timer = w.setTimeout(finish, timeout);
    doc.addEventListener('scroll', onScroll, true);
    const tick = () => { if (done) return; if (++quiet >= 2) finish(); else w.requestAnimationFrame(tick); };
    w.requestAnimationFrame(tick);
  });
}
