/**
 * DOM helpers shared by the scanner and the adapters: visibility (the safety rules), native
 * value setters that React and Vue notice, events from the element's own window, waiting.
 */
import { bringIntoReach, clipsOf, contentPosition, holdScroll as holdReachScroll, modalLayer, scrollLog, shownBox } from './reach.ts';

/** How many scans and fills hold the scroll now (their reach verdicts are kept, see `reachNow`). */
let scrollHolds = 0;

/** The scroll hold lives with the reach checks that scroll (reach.ts); scan and apply take it from here. */
export function holdScroll(): () => void {
  const release = holdReachScroll();
  scrollHolds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    scrollHolds--;
    release();
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `fn` returns something truthy (every 16 ms, up to `timeout` ms). */
export async function waitFor<T>(fn: () => T | undefined | null | false, timeout = 1500): Promise<T | undefined> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) return undefined;
    await sleep(16);
  }
}

export function win(el: Node): Window & typeof globalThis {
  return (el.ownerDocument ?? (el as Document)).defaultView as Window & typeof globalThis;
}

export function fire(el: Element, type: string, init: EventInit = {}): void {
  const w = win(el);
  el.dispatchEvent(new w.Event(type, { bubbles: true, cancelable: true, ...init }));
}

export function fireMouse(el: Element, type: string): void {
  const w = win(el);
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new w.MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: w, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 }));
}

/** A full click as a person makes it: pointer/mouse down, up, click. */
export function clickLikeUser(el: Element): void {
  const w = win(el);
  const r = el.getBoundingClientRect();
  const opts = { bubbles: true, cancelable: true, composed: true, view: w, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  el.dispatchEvent(new w.PointerEvent('pointerdown', opts));
  el.dispatchEvent(new w.MouseEvent('mousedown', opts));
  el.dispatchEvent(new w.PointerEvent('pointerup', opts));
  el.dispatchEvent(new w.MouseEvent('mouseup', opts));
  el.dispatchEvent(new w.MouseEvent('click', opts));
}

/** A person's double click on `el`: two presses and clicks (detail 1, 2), then dblclick. */
export function dblclickLikeUser(el: Element): void {
  const w = win(el);
  const r = el.getBoundingClientRect();
  const base = { bubbles: true, cancelable: true, composed: true, view: w, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  for (const detail of [1, 2]) {
    const opts = { ...base, detail };
    el.dispatchEvent(new w.PointerEvent('pointerdown', opts));
    el.dispatchEvent(new w.MouseEvent('mousedown', opts));
    el.dispatchEvent(new w.PointerEvent('pointerup', opts));
    el.dispatchEvent(new w.MouseEvent('mouseup', opts));
    el.dispatchEvent(new w.MouseEvent('click', opts));
  }
  el.dispatchEvent(new w.MouseEvent('dblclick', { ...base, detail: 2 }));
}

/** The pointer moves over `el` (React listens to mouseover, Vue to mouseenter). */
export function hover(el: Element): void {
  const w = win(el);
  for (const [type, bubbles] of [['pointerover', true], ['pointerenter', false], ['mouseover', true], ['mouseenter', false]] as const) {
    const C = type.startsWith('pointer') ? w.PointerEvent : w.MouseEvent;
    el.dispatchEvent(new C(type, { bubbles, cancelable: true, composed: true, view: w }));
  }
}

/**
 * The dialog `el` sits in (a modal holding the form): role=dialog/alertdialog, aria-modal,
 * `<dialog>`, or a library's modal/dialog box class (el-dialog, ant-modal, arco-modal, t-dialog…).
 * A dropdown's own popup panel is not one: it is never an ancestor of the control.
 */
const DIALOG_CLASS = /(^|\s)[\w-]*(modal|dialog)(\s|$)/i;
export function dialogOf(el: Element): Element | undefined {
  for (let p: Element | null = el.parentElement; p; p = p.parentElement) {
    const role = p.getAttribute('role');
    if (role === 'dialog' || role === 'alertdialog' || p.getAttribute('aria-modal') === 'true' || p.tagName === 'DIALOG') return p;
    if (typeof p.className === 'string' && DIALOG_CLASS.test(p.className)) return p;
  }
  return undefined;
}

/**
 * Presses a key on `el` (keydown, keyup). Escape is meant for the control's own popup: inside a
 * dialog it stops at the dialog's edge, because modals close on an Escape that reaches the
 * document, and a person's Escape in an open dropdown closes only the dropdown (the library
 * handles it there) — the form in the dialog must not vanish under the fill.
 */
export function key(el: Element, keyName: string, code = keyName): void {
  const w = win(el);
  const keyCode = ({ Enter: 13, Escape: 27, Tab: 9, End: 35, ArrowDown: 40 } as Record<string, number>)[keyName] ?? 0;
  // the dialog's own listeners must not hear it either: stop just inside the dialog
  const dialog = keyName === 'Escape' ? dialogOf(el) : undefined;
  let edge: Element | undefined = dialog ? el : undefined;
  while (edge && dialog && edge.parentElement !== dialog) edge = edge.parentElement ?? undefined;
  const stop = (e: Event) => e.stopPropagation();
  if (edge) { edge.addEventListener('keydown', stop); edge.addEventListener('keyup', stop); }
  try {
    for (const type of ['keydown', 'keyup']) {
      el.dispatchEvent(new w.KeyboardEvent(type, { key: keyName, code, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
    }
  } finally {
    if (edge) { edge.removeEventListener('keydown', stop); edge.removeEventListener('keyup', stop); }
  }
}

/** Sets `value` through the prototype's setter, so React's and Vue's trackers see a change. */
export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const w = win(el);
  const proto = el.tagName === 'TEXTAREA' ? w.HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? w.HTMLSelectElement.prototype : w.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value); else el.value = value;
}

/** Types a whole value: focus, native set, input, change, blur. */
export function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, opts: { blur?: boolean; focus?: boolean } = {}): void {
  if (opts.focus !== false) el.focus({ preventScroll: true });
  setNativeValue(el, value);
  el.dispatchEvent(new (win(el).InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  fire(el, 'change');
  if (opts.blur !== false) blur(el);
}

export function blur(el: HTMLElement): void {
  const doc = el.ownerDocument;
  if (doc.activeElement === el) el.blur();
  else {
    const w = win(el);
    el.dispatchEvent(new w.FocusEvent('blur', { bubbles: false }));
    el.dispatchEvent(new w.FocusEvent('focusout', { bubbles: true }));
  }
}

/** Visible text of an element without the text of form controls inside it. */
export function textOf(el: Element | null | undefined, max = 60): string {
  if (!el) return '';
  let out = '';
  const walk = (n: Node) => {
    if (out.length > max * 2) return;
    if (n.nodeType === 3) { out += n.nodeValue ?? ''; return; }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    const tag = e.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'BUTTON' || tag === 'OPTION') return;
    if (e.getAttribute('aria-hidden') === 'true' && !e.classList.contains('layui-form-label')) return;
    for (const c of Array.from(e.childNodes)) walk(c);
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * Why the user cannot see or use `el`, or undefined when they can. Checks disabled, aria-hidden
 * (on it or an ancestor), display/visibility/opacity (checkVisibility), effective opacity along
 * the ancestors, `clip`, size and position, and the frames it sits in.
 *
 * With `reach` (the scan and the write, never dropdown items): also what a person can reach —
 * at least 8×8 px left after every clipping ancestor, the centre not covered by something else
 * (hit-tested after scrolling it into view), text not the colour of its background, and not far
 * away from the rest of the page (a control 30,000 px below a short page).
 */
export function unusableReason(el: Element, opts: { reach?: boolean } = {}): string | undefined {
  liveStretch(); // a change since the last check ends what was kept
  // while a scan or a fill holds the scroll, a reach verdict is kept for `reachNow`
  return opts.reach && scrollHolds > 0 ? reachVerdict(el) : checkUsable(el, opts);
}

function checkUsable(el: Element, opts: { reach?: boolean }): string | undefined {
  if ((el as HTMLInputElement).disabled) return 'disabled';
  if (el.closest('[aria-hidden="true"]')) return 'aria-hidden';
  if (el.closest('[inert]')) return 'inert';
  const ce = el as Element & { checkVisibility?: (o: object) => boolean };
  if (ce.checkVisibility && !ce.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) return 'hidden';
  const w = win(el);
  // (dropdown items fade in: the opacity rule is for controls, checked with `reach`)
  if (opts.reach && effectiveOpacity(el) < 0.1) return 'transparent';
  const r = el.getBoundingClientRect();
  if (r.width < 4 || r.height < 4) return 'zero-size';
  const docEl = el.ownerDocument.documentElement;
  // before the page's start: off-screen, unless a wrapper a person scrolls (a dialog's) has only been scrolled past it
  if ((r.right + w.scrollX <= 0 || r.bottom + w.scrollY <= 0 || r.left + w.scrollX >= Math.max(docEl.scrollWidth, w.innerWidth) + 2000)
    && !clipsOf(el).some((c) => c.x === 'scroll' || c.y === 'scroll')) return 'off-screen';
  if (el !== docEl && clipsAway(w.getComputedStyle(el))) return 'clipped';
  if (clippedUp(el.parentElement)) return 'clipped';
  if (opts.reach) {
    const why = reachReason(el, r);
    if (why) return why;
  }
  const frame = w.frameElement;
  if (frame) {
    const why = unusableReason(frame, opts);
    if (why) return `frame-${why}`;
  }
  return undefined;
}

/*
 * Reach verdicts of one stretch of work. The full check with `reach` (hit test, clipping,
 * colours) costs a forced layout and a hit test per control; a fill ran it in the scan and
 * again right before each write, and between two writes the layout the write dirtied made the
 * second one cost several times the first. A verdict taken while a scan or a fill holds the
 * scroll is kept, and `reachNow` hands it back instead of checking again, as long as nothing
 * that could change it has happened since:
 * - no DOM mutation in the documents and shadow roots the verdicts were taken in (a page that
 *   hides, moves or covers a field does it by a mutation: a class, a style, a node);
 * - no task of the event loop has run (no timer, event, animation frame or transition step: the
 *   page's time has not moved), ended by a message and a timer posted when the stretch began;
 * - no write of a control whose state CSS can follow (a checkbox or radio behind a `:checked`
 *   toggle, a select): `forgetReach` after such a write.
 * A kept verdict is still re-checked cheaply by `reachNow` (disabled, aria-hidden, inert, not
 * rendered or fully transparent, zero-size, clipped, its frame): a style that follows a text
 * box's own state (`:focus-within`, `:placeholder-shown`) changes no DOM.
 * Ancestor reads of the checks (opacity, clipping, background) are kept as long (see `kept`).
 */
interface ReachStretch {
  verdicts: Map<Element, string | undefined>;
  observed: Set<Node>;
  observers: MutationObserver[];
  // what the checks read of ancestors, kept as long as the verdicts (see `kept`)
  opacity: Map<Element, unknown>;
  clippedUp: Map<Element, unknown>;
  background: Map<Element, unknown>;
  caution: Map<Element, unknown>;
}
let stretch: ReachStretch | undefined;

/** Ends the stretch: the next reach check is made afresh. */
export function forgetReach(): void {
  if (!stretch) return;
  for (const o of stretch.observers) o.disconnect();
  stretch = undefined;
}

/** The stretch, when nothing has changed since it began (pending mutation records end it). */
function liveStretch(): ReachStretch | undefined {
  if (stretch && stretch.observers.some((o) => o.takeRecords().length > 0)) forgetReach();
  return stretch;
}

/** The stretch to keep a verdict on `el` in (begun when a scan or fill holds the scroll), watching `el`'s document, frames and shadow roots. */
function stretchFor(el: Element): ReachStretch {
  let s = liveStretch();
  if (!s) {
    const w = win(el);
    const mine: ReachStretch = { verdicts: new Map(), observed: new Set(), observers: [], opacity: new Map(), clippedUp: new Map(), background: new Map(), caution: new Map() };
    const end = () => { if (stretch === mine) forgetReach(); };
    // the next task of the page's event loop, whichever comes first, ends it
    try { const ch = new w.MessageChannel(); ch.port1.onmessage = () => { ch.port1.close(); end(); }; ch.port2.postMessage(null); } catch { /* no channel: the timer ends it */ }
    w.setTimeout(end, 0);
    stretch = s = mine;
  }
  for (let node: Node | null = el; node; ) {
    const root = node.getRootNode();
    if (!s.observed.has(root)) {
      s.observed.add(root);
      const o = new (win(root).MutationObserver)(() => { if (stretch === s) forgetReach(); });
      o.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      s.observers.push(o);
    }
    node = (root as ShadowRoot).host ?? ((root as Document).defaultView?.frameElement ?? null);
  }
  return s;
}

/** `unusableReason(el, { reach: true })`, kept for the rest of the stretch (see above). */
function reachVerdict(el: Element): string | undefined {
  const s = stretchFor(el);
  const why = checkUsable(el, { reach: true });
  // taken before anything changed: a mutation meanwhile (none of ours) ends the stretch
  if (liveStretch() === s) s.verdicts.set(el, why);
  return why;
}

/**
 * Why a person cannot see or reach `el` right now (as `unusableReason` with `reach`): the
 * verdict taken earlier in this stretch when the page has not changed since, re-checked for
 * what a control's own state can change without a mutation, else checked afresh.
 */
export function reachNow(el: Element): string | undefined {
  const s = liveStretch();
  if (s && s.verdicts.has(el)) return checkUsable(el, {}) ?? s.verdicts.get(el);
  return unusableReason(el, { reach: true });
}

/**
 * Stricter still for personal data (ID numbers, phones): reasons a control that passes
 * `unusableReason` is still not trusted with them — faint (opacity below 0.5), small (under
 * 16×10), tiny text, or positioned far off its container. Undefined when none applies.
 */
export function cautionReason(el: Element): string | undefined {
  liveStretch();
  const w = win(el);
  if (effectiveOpacity(el) < 0.5) return 'transparent';
  const r = el.getBoundingClientRect();
  if (r.width < 16 || r.height < 10) return 'zero-size';
  if (TEXT_LIKE.has(el.tagName) && parseFloat(w.getComputedStyle(el).fontSize) < 9) return 'tiny-text';
  return cautionUp(el);
}

/** `p` or an ancestor (below the root element) is marked hidden, or placed far off the page. */
function cautionUp(p: Element | null): string | undefined {
  if (!p || p === p.ownerDocument.documentElement) return undefined;
  return kept(stretch?.caution, p, () => {
    if (p.hasAttribute('hidden') || p.getAttribute('aria-hidden') === 'true') return 'aria-hidden';
    const cs = win(p).getComputedStyle(p);
    if (/^(absolute|fixed)$/.test(cs.position) && (parseFloat(cs.left) < -500 || parseFloat(cs.top) < -500 || parseFloat(cs.textIndent) < -500)) return 'off-screen';
    return cautionUp(p.parentElement);
  });
}

const TEXT_LIKE = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** A `clip: rect(…)` that leaves an absolutely placed element less than 8×8 px. */
function clipsAway(cs: CSSStyleDeclaration): boolean {
  return cs.clip !== 'auto' && cs.clip !== '' && /^(absolute|fixed)$/.test(cs.position) && clipArea(cs.clip) < 64;
}

/** `p` or one of its ancestors (below the root element) clips its content away: a clip rect, or overflow hidden on a box under 4×4 px. */
function clippedUp(p: Element | null): boolean {
  if (!p || p === p.ownerDocument.documentElement) return false;
  return kept(stretch?.clippedUp, p, () => {
    const cs = win(p).getComputedStyle(p);
    if (clipsAway(cs)) return true;
    if (cs.overflow === 'hidden' || cs.overflow === 'clip') {
      const pr = p.getBoundingClientRect();
      if (pr.width < 4 || pr.height < 4) return true;
    }
    return clippedUp(p.parentElement);
  });
}

/**
 * A value of `el` kept in `table` for the rest of the stretch (nothing on the page changed since
 * it was read, see `reachNow`): the ancestors of the controls of a form are the same few rows,
 * cells and containers, read once instead of once per control. Without a stretch, computed.
 */
function kept<T>(table: Map<Element, unknown> | undefined, el: Element, compute: () => T): T {
  if (!table) return compute();
  if (table.has(el)) return table.get(el) as T;
  const v = compute();
  table.set(el, v);
  return v;
}

/** The product of the opacities of `el` and its ancestors (frames excluded). */
function effectiveOpacity(el: Element): number {
  return kept(stretch?.opacity, el, () => {
    const own = parseFloat(win(el).getComputedStyle(el).opacity || '1');
    if (own < 0.1) return own;
    const up = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    return up ? own * effectiveOpacity(up) : own;
  });
}

/** Area of a CSS `clip: rect(t, r, b, l)` (auto sides count as large). */
function clipArea(clip: string): number {
  const m = /rect\(([^)]*)\)/.exec(clip);
  if (!m) return Infinity;
  const v = m[1]!.split(/[,\s]+/).filter(Boolean).map((x) => (x === 'auto' ? NaN : parseFloat(x)));
  const [t, rt, b, l] = v;
  const width = Number.isNaN(rt!) || Number.isNaN(l!) ? Infinity : rt! - l!;
  const height = Number.isNaN(b!) || Number.isNaN(t!) ? Infinity : b! - t!;
  return Math.max(0, width) * Math.max(0, height);
}

function parseColor(c: string): [number, number, number, number] | undefined {
  const m = /rgba?\(([^)]+)\)/.exec(c);
  if (!m) return undefined;
  const p = m[1]!.split(/[,\s/]+/).filter(Boolean).map(parseFloat);
  return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
}

/** Whether `e` paints something that hides what lies beneath it. */
function paints(e: Element): boolean {
  if (effectiveOpacity(e) < 0.5) return false;
  if (/^(IMG|VIDEO|CANVAS|IFRAME|OBJECT|EMBED|INPUT|SELECT|TEXTAREA|BUTTON|svg)$/i.test(e.tagName)) return true;
  const cs = win(e).getComputedStyle(e);
  const bg = parseColor(cs.backgroundColor);
  if ((bg && bg[3] >= 0.5) || cs.backgroundImage !== 'none') return true;
  for (const n of Array.from(e.childNodes)) if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return true;
  return false;
}

/** The first opaque background behind `el` (white when the page has none). */
function backgroundBehind(el: Element): [number, number, number] {
  return kept(stretch?.background, el, () => {
    const bg = parseColor(win(el).getComputedStyle(el).backgroundColor);
    if (bg && bg[3] >= 0.5) return [bg[0], bg[1], bg[2]];
    return el.parentElement ? backgroundBehind(el.parentElement) : [255, 255, 255];
  });
}

function reachReason(el: Element, r0: DOMRect): string | undefined {
  const w = win(el);
  // scrolled as a person scrolls to it (a dialog's wrapper, the page: see reach.ts), then what
  // the ancestors that clip it and cannot be scrolled leave of it (a 5×5 box with overflow hidden leaves 5×5)
  const clips = clipsOf(el);
  const log = scrollLog();
  try {
    const r = bringIntoReach(el, clips, log);
    const { left, top, right, bottom } = shownBox(r, clips);
    if (right - left < 8 || bottom - top < 8) return r0.width < 8 || r0.height < 8 ? 'zero-size' : 'clipped';
    // text the colour of its background (or transparent) cannot be read
    if (TEXT_LIKE.has(el.tagName)) {
      const c = parseColor(w.getComputedStyle(el).color);
      if (c && c[3] < 0.1) return 'invisible-text';
      const bg = backgroundBehind(el);
      if (c && Math.abs(c[0] - bg[0]) + Math.abs(c[1] - bg[1]) + Math.abs(c[2] - bg[2]) < 24) return 'invisible-text';
    }
    if (farFromContent(el, r, contentPosition(el, r, clips))) return 'far-away';
    return hitTest(el, (left + right) / 2, (top + bottom) / 2);
  } finally { log.done(); }
}

/**
 * A control far below (or right of) everything else on the page: the nearest content before it
 * in document order that lies above it is more than a few screens away, or nothing at all
 * precedes it and it sits screens down. Pages do not hide real fields behind empty screens.
 */
function farFromContent(el: Element, r: DOMRect, at: { top: number; left: number; height: number; width: number }): boolean {
  const w = win(el);
  const limit = Math.max(3 * (w.innerHeight || 800), 3000);
  const docEl = el.ownerDocument.documentElement;
  // measured in what a person scrolls to reach it: a dialog's wrapper, else the page
  if (at.top > at.height + 10 || at.left > at.width + 10) return true;
  if (at.top < limit && at.left < limit) return false;
  const walker = el.ownerDocument.createTreeWalker(el.ownerDocument.body ?? docEl, 1 /* SHOW_ELEMENT */);
  walker.currentNode = el;
  for (let n = walker.previousNode(), steps = 0; n && steps < 600; n = walker.previousNode(), steps++) {
    const e = n as Element;
    if (e.contains(el)) continue;
    const content = /^(INPUT|SELECT|TEXTAREA|IMG|CANVAS|VIDEO|svg)$/i.test(e.tagName)
      || Array.from(e.childNodes).some((c) => c.nodeType === 3 && (c.nodeValue ?? '').trim());
    if (!content) continue;
    const er = e.getBoundingClientRect();
    if (er.width === 0 && er.height === 0) continue;
    if (er.bottom > r.top + 1) continue; // beside it (its own label), not above
    return r.top - er.bottom > limit;
  }
  return true;
}

/**
 * Whether a person can reach the point (x, y) of the control (the middle of what shows of it,
 * already scrolled into view by reachReason). Covered means something that paints (a background,
 * text, an image) lies on top and is not the control's own part or label, or an open modal's
 * mask or wrapper lies over it (reach.ts: a control behind a modal is never written).
 */
function hitTest(el: Element, x: number, y: number): string | undefined {
  const w = win(el);
  if (!w.innerWidth || !w.innerHeight) return undefined; // no viewport to test in
  if (x < 0 || y < 0 || x >= w.innerWidth || y >= w.innerHeight) return 'off-screen';
  const root = el.getRootNode() as Document | ShadowRoot;
  const labels = (el as HTMLInputElement).labels ? Array.from((el as HTMLInputElement).labels ?? []) : [];
  // the usual case first: the topmost element there is the control, a part of it or its label
  // (a quarter of the cost of the whole stack, which is read only when something else is on top)
  const top = (root.elementFromPoint ?? el.ownerDocument.elementFromPoint).call(root, x, y);
  if (top && (top === el || el.contains(top) || labels.some((l) => l === top || l.contains(top)))) return undefined;
  const list = (root.elementsFromPoint ?? el.ownerDocument.elementsFromPoint).call(root, x, y);
  for (const e of list) {
    // Lvzhi's own launcher floats over the page and steps aside when a control takes focus: it
    // is not the page hiding the control.
    if (e.localName === 'lvzhi-launcher') continue;
    if (e === el || el.contains(e)) return undefined;
    if (labels.some((l) => l === e || l.contains(e))) return undefined;
    if (e.contains(el)) {
      // el itself was not hit: it lets the pointer through, or an ancestor paints over it
      if (w.getComputedStyle(el).pointerEvents === 'none') return undefined;
      if (paints(e)) return 'covered';
      continue;
    }
    // a popup or overlay on its way out (its leave animation running) is no longer in the way
    if (paints(e) || modalLayer(e)) { if (leaving(e)) continue; return 'covered'; }
  }
  return undefined;
}

/*
 * Where a popup is in its enter or leave transition, from the classes the libraries' transition
 * components put on it: Vue 3 (x-enter-from, x-leave-active, x-leave-to), Vue 2 (x-enter,
 * x-leave-active), react-transition-group (x-enter, x-exit-active), rc-motion (x-leave-active).
 */
// the first frame's own classes (Vue 3's -enter-from, rc-motion's and Ant Design Vue's -enter-start)
const ENTER_FIRST = /(^|\s)[\w-]+-(enter|appear)-(from|start)(\s|$)/;
// classes that stay on for the whole enter in some libraries (react-transition-group's and Ant
// Design Vue's bare -enter, rc-motion's -prepare): the first frame only while no -active/-to follows
const ENTER_START = /(^|\s)[\w-]+-(enter|appear)(-prepare)?(\s|$)/;
const ENTER_RUNNING = /(^|\s)[\w-]+-(enter|appear)-(active|to)(\s|$)/;
const LEAVE_ACTIVE = /(^|\s)[\w-]+-(leave|exit)-active(\s|$)/;
const LEAVE_START = /(^|\s)[\w-]+-(leave|exit)(-from|-start|-prepare)?(\s|$)/;
const TRANSITION_DEPTH = 8;
// vxe-pc-ui's panels carry their own state classes, not transition ones: `ani--leave` from the
// moment they open until they are gone, `ani--enter` while open. Read by themselves (below), and
// kept from the generic patterns (`ani--enter` is no first frame).
const VXE_STATE = /(^|\s)ani--(enter|leave)(?=\s|$)/g;
const rawClassOf = (e: Element) => (typeof e.className === 'string' ? e.className : e.getAttribute('class') ?? '');
const classOf = (e: Element) => rawClassOf(e).replace(VXE_STATE, ' ');
/** A vxe-pc-ui panel fading out after it closed: `ani--leave` without `ani--enter` (for its ~350 ms). */
const vxeLeaving = (e: Element) => { const c = e.classList; return !!c && c.contains('ani--leave') && !c.contains('ani--enter'); };

/**
 * The popup (or an ancestor of it) is in the first frame of its enter transition: the library
 * has not started the animation yet. Closing it now (a choice confirmed at once) can leave it
 * drawn while the framework says closed (Vue's Transition on v-show), so wait this frame out.
 * Only that frame: once an -active or -to class sits beside the enter class the animation runs
 * (Ant Design Vue keeps its bare -enter class on for the whole animation, and waiting for it to
 * go cost each of its dropdowns the whole enter animation).
 */
export function entering(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < TRANSITION_DEPTH; p = p.parentElement, i++) {
    const cls = classOf(p);
    if (ENTER_FIRST.test(cls) || (ENTER_START.test(cls) && !ENTER_RUNNING.test(cls))) return true;
  }
  return false;
}

/**
 * The element (or an ancestor) is leaving: it carries a leave/exit-active class and an
 * animation or transition is running on it, or (the leave's first frame, before its transition
 * starts) the start class beside the active one; or a finite CSS animation named "…Out…" runs
 * on it. A lone "…-leave-active" class never makes something that stays drawn count as going.
 */
export function leaving(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < TRANSITION_DEPTH; p = p.parentElement, i++) {
    const cls = classOf(p);
    if (vxeLeaving(p)) return true;
    if (!LEAVE_ACTIVE.test(cls)) continue;
    // the leave's first frame: its start class is on, the transition starts on the next frame
    if (LEAVE_START.test(cls)) return true;
    const anims = (p as Element & { getAnimations?: () => Animation[] }).getAnimations?.() ?? [];
    if (anims.some((a) => a.playState === 'running')) return true;
  }
  // libraries that animate with animate.css-style keyframes (Fusion's expandOutUp, fadeOutUpSmall)
  // and no leave class: a finite animation whose name says it goes out; and those that fade with
  // an inline transition and no class at all (DevExtreme's overlays: opacity 1 → 0 over 400 ms)
  for (let p: Element | null = el, i = 0; p && i < TRANSITION_DEPTH; p = p.parentElement, i++) {
    const anims = (p as Element & { getAnimations?: () => Animation[] }).getAnimations?.() ?? [];
    if (anims.some((a) => outAnimation(a) || fadingOut(a))) return true;
  }
  return false;
}

/** A running transition or animation that ends fully transparent: the element is fading away. */
function fadingOut(a: Animation): boolean {
  if (a.playState !== 'running') return false;
  const frames = (a.effect as KeyframeEffect | null)?.getKeyframes?.();
  const last = frames?.[frames.length - 1] as { opacity?: string | number } | undefined;
  return last?.opacity !== undefined && Number(last.opacity) === 0;
}

/**
 * The element (or an ancestor) is fading in: a running transition or animation from fully
 * transparent to drawn. Such an element is on its way to being seen and a click already lands
 * on it (opacity keeps hit-testing) — Ant Design Vue 1's multiple select replays its dropdown's
 * enter animation from opacity 0 after every option picked, and waiting each one out cost ~50 ms
 * an option.
 */
export function appearing(el: Element): boolean {
  if (!(el as Element & { checkVisibility?: () => boolean }).checkVisibility?.()) return false; // not rendered at all
  for (let p: Element | null = el, i = 0; p && i < TRANSITION_DEPTH; p = p.parentElement, i++) {
    const anims = (p as Element & { getAnimations?: () => Animation[] }).getAnimations?.() ?? [];
    if (anims.some(fadingIn)) return true;
  }
  return false;
}

function fadingIn(a: Animation): boolean {
  if (a.playState !== 'running') return false;
  const frames = (a.effect as KeyframeEffect | null)?.getKeyframes?.() as { opacity?: string | number }[] | undefined;
  const first = frames?.[0]?.opacity, last = frames?.[frames.length - 1]?.opacity;
  return first !== undefined && Number(first) === 0 && (last === undefined || Number(last) > 0);
}

/** A person sees `el` or is about to: usable, or only transparent for the start of its fade-in (see `appearing`). */
export function shownOrAppearing(el: Element): boolean {
  const r = unusableReason(el);
  return !r || (r === 'hidden' && appearing(el));
}

const OUT_NAME = /Out|(^|[-_])out([-_A-Z]|$)/;
function outAnimation(a: Animation): boolean {
  const name = (a as Animation & { animationName?: string }).animationName;
  // finished but still applied (fill-mode forwards): held in its gone state until the page hides it
  if ((a.playState !== 'running' && a.playState !== 'finished') || !name || !OUT_NAME.test(name)) return false;
  const end = a.effect?.getComputedTiming().endTime;
  return typeof end === 'number' && Number.isFinite(end);
}

/** The element (or an ancestor) carries a leave/exit-active class, whether or not anything still runs. */
export function leaveClassed(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < TRANSITION_DEPTH; p = p.parentElement, i++) if (LEAVE_ACTIVE.test(classOf(p)) || vxeLeaving(p)) return true;
  return false;
}

/** A CSS selector for elements in their leave transition (to wait for the page to settle). */
export const LEAVING_SELECTOR = '[class*="-leave-active"], [class*="-exit-active"], .ani--leave:not(.ani--enter)';

/**
 * Something in the document is on its way out: an element still carrying its leave classes
 * (by class alone: a popup emptied as it closes has nothing to animate, and its framework ends
 * the leave on a timer), or a running "…Out…" keyframe animation. Only for waiting, bounded.
 */
export function leavingIn(doc: Document): boolean {
  if (doc.querySelector(LEAVING_SELECTOR)) return true;
  const all = (doc as Document & { getAnimations?: () => Animation[] }).getAnimations?.() ?? [];
  return all.some((a) => (a.playState === 'running' && outAnimation(a)) || fadingOut(a));
}

export function isElement(n: unknown): n is Element {
  return !!n && typeof n === 'object' && (n as Node).nodeType === 1;
}
