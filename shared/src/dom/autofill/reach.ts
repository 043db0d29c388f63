/**
 * What a person can reach by scrolling, and what a modal puts out of reach.
 *
 * Admin systems (RuoYi on Element UI, JeecgBoot on Ant Design Vue…) open their 新增/编辑 forms in a
 * dialog inside a fixed wrapper that scrolls (`.el-dialog__wrapper`, `.ant-modal-wrap`: position
 * fixed, overflow auto), often taller than the screen. A person scrolls that wrapper, or the page,
 * to reach the fields below the fold, so the reach check does too: a control is clipped only by
 * ancestors that clip it and that a person cannot scroll (overflow hidden/clip), and only by those
 * that actually clip it in CSS — a fixed or absolutely positioned box escapes the overflow of the
 * ancestors between it and its containing block, and the body's overflow belongs to the viewport.
 * Every scroll made here is remembered and put back (see `holdScroll`).
 *
 * While a modal is open, the page behind its mask is out of reach however visible it looks: a
 * full-screen fixed layer over a control (the mask, or the dialog's transparent wrapper that
 * catches the click) covers it.
 */

type Scroller = Element | Window;

const winOf = (n: Node): Window & typeof globalThis => (n.ownerDocument ?? (n as Document)).defaultView as Window & typeof globalThis;

/*
 * Scrolling back after each reach check made a fill of a long page scroll twice per field, each
 * time laying the page out again. While a scan or a fill holds the scroll, what was scrolled to a
 * control stays there (the next one is usually in view already); the first position of each
 * scroller (a window, or a scrolling element such as a dialog's wrapper) is put back once, when
 * the last hold is released.
 */
let holds = 0;
const held = new Map<Scroller, [number, number]>();

const isWindow = (s: Scroller): s is Window => (s as Window).window === s;
const positionOf = (s: Scroller): [number, number] => (isWindow(s) ? [s.scrollX, s.scrollY] : [s.scrollLeft, s.scrollTop]);

function putBack(saved: Map<Scroller, [number, number]>): void {
  // inner scrollers first, as they were scrolled, then the windows
  for (const [s, [x, y]] of saved) {
    try {
      if (isWindow(s)) s.scrollTo({ left: x, top: y, behavior: 'instant' as ScrollBehavior });
      else if (s.isConnected) { s.scrollLeft = x; s.scrollTop = y; }
    } catch { /* a frame gone meanwhile */ }
  }
  saved.clear();
}

/** Holds every scroll made by reach checks until the returned release (nested holds: the last one puts back). */
export function holdScroll(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds > 0) return;
    putBack(held);
  };
}

/** The scrolls of one reach check: kept while a hold is on, else put back by `done`. */
export interface ScrollLog { remember(s: Scroller): void; done(): void }
export function scrollLog(): ScrollLog {
  const own = holds > 0 ? held : new Map<Scroller, [number, number]>();
  return {
    remember: (s) => { if (!own.has(s)) own.set(s, positionOf(s)); },
    done: () => { if (own !== held) putBack(own); },
  };
}

/** An ancestor whose overflow limits what shows of a control, per axis: `clip` (hidden, clip) or `scroll` (auto, scroll: a person can scroll it). */
export interface Clip { el: Element; x?: 'clip' | 'scroll'; y?: 'clip' | 'scroll' }

const axis = (v: string): Clip['x'] => (v === 'auto' || v === 'scroll' || v === 'overlay' ? 'scroll' : v === 'hidden' || v === 'clip' ? 'clip' : undefined);

/** A box that is the containing block of fixed descendants too (a transform, filter, perspective, contain…). */
function holdsFixed(cs: CSSStyleDeclaration): boolean {
  return cs.transform !== 'none' || cs.perspective !== 'none' || cs.filter !== 'none'
    || /paint|layout|strict|content/.test(cs.contain || '') || /transform|perspective|filter/.test(cs.willChange || '');
}

const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null);

/** Bound on the ancestors walked (a document is not 200 levels deep; a hostile one is not walked further). */
const MAX_DEPTH = 200;

/**
 * The ancestors of `el` whose overflow clips it, innermost first: only those on its containing
 * block chain (a fixed box escapes all but an ancestor with a transform; an absolute box escapes
 * those up to its positioned ancestor), without the body when its overflow is the viewport's.
 */
export function clipsOf(el: Element): Clip[] {
  const w = winOf(el);
  const doc = el.ownerDocument;
  const root = doc.documentElement;
  const out: Clip[] = [];
  let pos = w.getComputedStyle(el).position;
  let depth = 0;
  for (let p = parentOf(el); p && p !== root && depth < MAX_DEPTH; p = parentOf(p), depth++) {
    const cs = w.getComputedStyle(p);
    if (pos === 'fixed' && !holdsFixed(cs)) continue;
    if (pos === 'absolute' && cs.position === 'static' && !holdsFixed(cs)) continue;
    pos = cs.position;
    // the body's overflow is the viewport's when the root's is visible (CSS Overflow 3, §3.3)
    if (p === doc.body && w.getComputedStyle(root).overflowX === 'visible' && w.getComputedStyle(root).overflowY === 'visible') continue;
    const x = axis(cs.overflowX), y = axis(cs.overflowY);
    if (x || y) out.push({ el: p, ...(x ? { x } : {}), ...(y ? { y } : {}) });
  }
  return out;
}

/** The padding box of a clipping ancestor: what shows of its content. */
function clientBox(e: Element): { left: number; top: number; right: number; bottom: number } {
  const r = e.getBoundingClientRect();
  const left = r.left + e.clientLeft, top = r.top + e.clientTop;
  // an element without a layout box of its own (display: contents) reports 0: use its border box
  const width = e.clientWidth || r.width, height = e.clientHeight || r.height;
  return { left, top, right: left + width, bottom: top + height };
}

/** How far to scroll so that [lo, hi] shows within [min, max]: centred, or its start when it is larger. */
function delta(lo: number, hi: number, min: number, max: number): number {
  if (lo >= min && hi <= max) return 0;
  if (hi - lo > max - min) return lo - min;
  return (lo + hi) / 2 - (min + max) / 2;
}

/**
 * Scrolls what a person would scroll to reach `el`: each ancestor that clips it and that they can
 * scroll (innermost first), then the page. Ancestors that clip without scrolling are left as
 * they are: what they hide stays hidden. Returns the control's box afterwards.
 */
export function bringIntoReach(el: Element, clips: readonly Clip[], log: ScrollLog): DOMRect {
  for (const c of clips) {
    if (c.x !== 'scroll' && c.y !== 'scroll') continue;
    const r = el.getBoundingClientRect();
    const b = clientBox(c.el);
    const dx = c.x === 'scroll' ? delta(r.left, r.right, b.left, b.right) : 0;
    const dy = c.y === 'scroll' ? delta(r.top, r.bottom, b.top, b.bottom) : 0;
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
    log.remember(c.el);
    if (Math.abs(dx) >= 1) c.el.scrollLeft += dx;
    if (Math.abs(dy) >= 1) c.el.scrollTop += dy;
  }
  const w = winOf(el);
  let r = el.getBoundingClientRect();
  if (w.innerWidth && w.innerHeight) {
    const dx = delta(r.left, r.right, 0, w.innerWidth), dy = delta(r.top, r.bottom, 0, w.innerHeight);
    if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) {
      log.remember(w);
      w.scrollBy({ left: dx, top: dy, behavior: 'instant' as ScrollBehavior });
      r = el.getBoundingClientRect();
    }
  }
  return r;
}

/** What the clipping ancestors leave of the box `r` (in each axis they clip). */
export function shownBox(r: DOMRect, clips: readonly Clip[]): { left: number; top: number; right: number; bottom: number } {
  let { left, top, right, bottom } = r;
  for (const c of clips) {
    const b = clientBox(c.el);
    if (c.x) { left = Math.max(left, b.left); right = Math.min(right, b.right); }
    if (c.y) { top = Math.max(top, b.top); bottom = Math.min(bottom, b.bottom); }
  }
  return { left, top, right, bottom };
}

/**
 * Where the control sits in what a person scrolls to reach it: its nearest scrolling ancestor's
 * content (a dialog's wrapper), else the document. Unchanged by scrolling; a control far down
 * that content with nothing above it is a trap however it is scrolled (see farFromContent).
 */
export function contentPosition(el: Element, r: DOMRect, clips: readonly Clip[]): { top: number; left: number; height: number; width: number } {
  const s = clips.find((c) => c.x === 'scroll' || c.y === 'scroll');
  if (s) {
    const b = clientBox(s.el);
    return { top: r.top - b.top + s.el.scrollTop, left: r.left - b.left + s.el.scrollLeft, height: s.el.scrollHeight, width: s.el.scrollWidth };
  }
  const w = winOf(el);
  const docEl = el.ownerDocument.documentElement;
  return { top: r.top + w.scrollY, left: r.left + w.scrollX, height: docEl.scrollHeight, width: docEl.scrollWidth };
}

/** A layer this large (of the viewport, each way) over a control is a modal's mask or wrapper, not a part of the page beside it. */
const LAYER_SHARE = 0.9;

/**
 * Whether `e`, hit above a control it does not contain, is a modal layer: a `<dialog>` opened
 * modally (its backdrop is hit as the dialog), or a fixed or absolute box over (nearly) the whole
 * viewport — the mask of an open modal, or its wrapper, which takes the click even where it is
 * transparent (Ant Design's `.ant-modal-wrap` over a mask of 45 % black).
 */
export function modalLayer(e: Element): boolean {
  try { if (e.tagName === 'DIALOG' && e.matches(':modal')) return true; } catch { /* :modal unknown to an old engine */ }
  const w = winOf(e);
  const cs = w.getComputedStyle(e);
  if (cs.position !== 'fixed' && cs.position !== 'absolute') return false;
  const r = e.getBoundingClientRect();
  return r.width >= w.innerWidth * LAYER_SHARE && r.height >= w.innerHeight * LAYER_SHARE;
}
