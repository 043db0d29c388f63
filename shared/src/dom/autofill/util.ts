/**
 * DOM helpers shared by the scanner and the adapters: visibility (the safety rules), native
 * value setters that React and Vue notice, events from the element's own window, waiting.
 */

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

/** The pointer moves over `el` (React listens to mouseover, Vue to mouseenter). */
export function hover(el: Element): void {
  const w = win(el);
  for (const [type, bubbles] of [['pointerover', true], ['pointerenter', false], ['mouseover', true], ['mouseenter', false]] as const) {
    const C = type.startsWith('pointer') ? w.PointerEvent : w.MouseEvent;
    el.dispatchEvent(new C(type, { bubbles, cancelable: true, composed: true, view: w }));
  }
}

export function key(el: Element, keyName: string, code = keyName): void {
  const w = win(el);
  const keyCode = ({ Enter: 13, Escape: 27, Tab: 9, ArrowDown: 40 } as Record<string, number>)[keyName] ?? 0;
  for (const type of ['keydown', 'keyup']) {
    el.dispatchEvent(new w.KeyboardEvent(type, { key: keyName, code, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
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
export function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, opts: { blur?: boolean } = {}): void {
  el.focus({ preventScroll: true });
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
 * (on it or an ancestor), display/visibility/opacity (checkVisibility), size and position, and
 * the frames it sits in.
 */
export function unusableReason(el: Element): string | undefined {
  if ((el as HTMLInputElement).disabled) return 'disabled';
  if (el.closest('[aria-hidden="true"]')) return 'aria-hidden';
  if (el.closest('[inert]')) return 'inert';
  const ce = el as Element & { checkVisibility?: (o: object) => boolean };
  if (ce.checkVisibility && !ce.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) return 'hidden';
  const r = el.getBoundingClientRect();
  if (r.width < 4 || r.height < 4) return 'zero-size';
  const w = win(el);
  const docEl = el.ownerDocument.documentElement;
  if (r.right + w.scrollX <= 0 || r.bottom + w.scrollY <= 0 || r.left + w.scrollX >= Math.max(docEl.scrollWidth, w.innerWidth) + 2000) return 'off-screen';
  // clipped to nothing by an ancestor with overflow hidden and zero size
  for (let p = el.parentElement; p && p !== docEl; p = p.parentElement) {
    const cs = w.getComputedStyle(p);
    if (cs.overflow === 'hidden' || cs.clip !== 'auto') {
      const pr = p.getBoundingClientRect();
      if (pr.width < 4 || pr.height < 4) return 'clipped';
    }
  }
  const frame = w.frameElement;
  if (frame) {
    const why = unusableReason(frame);
    if (why) return `frame-${why}`;
  }
  return undefined;
}

export function isElement(n: unknown): n is Element {
  return !!n && typeof n === 'object' && (n as Node).nodeType === 1;
}
