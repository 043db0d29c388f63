/**
 * The in-page launcher: a small, movable bar in a closed shadow root. Its host element is a
 * custom tag (`<lvzhi-launcher>`) with inline `all: initial !important`, so portal rules (even
 * `* {…}` or `div {display:none}`) cannot reach it, and its own rules live inside the shadow
 * root, so they cannot reach the portal or the portal's popups. Text is set with textContent,
 * never HTML. The root is closed and every action needs a trusted event (a person's click, not
 * a page script's `click()` or `dispatchEvent`): a page cannot open panels or start fills.
 * It never covers a control the page needs: the default place avoids the page's controls, and
 * it steps aside from the control that has the focus.
 */

export const HOST_TAG = 'lvzhi-launcher';
export const POSITION_KEY = 'lvzhi.launcher.position';

export interface OverlayPosition { left: number; top: number }

export interface OverlayTexts {
  title: string;
  fill: string;
  panel: string;
  hide: string;
  move: string;
  /** 继续填写 (N): fields that appeared after the fill. */
  more: string;
}

export const TEXTS: Record<'zh' | 'en', OverlayTexts> = {
  zh: { title: '履职', fill: '自动填写', panel: '打开面板', hide: '隐藏', move: '拖动以移动', more: '继续填写' },
  en: { title: 'Lvzhi', fill: 'Autofill', panel: 'Open panel', hide: 'Hide', move: 'Drag to move', more: 'Continue' },
};

const CSS = `
:host { all: initial; }
.bar { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-radius: 18px;
  background: #ffffff; color: #1f2328; border: 1px solid #c9d1d9; box-shadow: 0 2px 10px rgba(0,0,0,.18);
  font: 13px/1.4 "Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif; user-select: none; }
.grip { cursor: move; padding: 2px 4px; color: #57606a; font-weight: 700; letter-spacing: 1px; touch-action: none; }
button { all: unset; cursor: pointer; padding: 3px 10px; border-radius: 12px; font: inherit; }
button.primary { background: #c0392b; color: #fff; }
button.more { background: #1a7f37; color: #fff; }
button[hidden] { display: none; }
button.secondary { background: #f3f4f6; color: #1f2328; }
button.close { color: #57606a; padding: 3px 6px; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.status { color: #57606a; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status:empty { display: none; }
`;

const HOST_STYLE = 'all: initial !important; position: fixed !important; z-index: 2147483646 !important; display: block !important; right: 16px !important; bottom: 16px !important; left: auto !important; top: auto !important; margin: 0 !important; padding: 0 !important; border: 0 !important; transform: none !important;';

export interface OverlayHandle {
  host: HTMLElement;
  setStatus(text: string): void;
  setPosition(pos: OverlayPosition): void;
  setLang(lang: 'zh' | 'en'): void;
  /** Shows 继续填写 (N) when n > 0. */
  setMore(n: number): void;
  remove(): void;
}

export interface OverlayOptions {
  lang: 'zh' | 'en';
  position?: OverlayPosition | undefined;
  onFill(): void;
  onPanel(): void;
  onMore(): void;
  onMoved(pos: OverlayPosition): void;
}

interface Box { left: number; top: number; right: number; bottom: number }

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the bar goes when it has no remembered place: the first corner (bottom right, bottom
 * left, top right, top left, then the middle of the right edge) where it covers none of the
 * given boxes (the page's controls), else bottom right. Pure, unit-tested.
 */
export function freePlace(size: { width: number; height: number }, view: { width: number; height: number }, avoid: readonly Box[], margin = 16): OverlayPosition {
  const spots: OverlayPosition[] = [
    { left: view.width - size.width - margin, top: view.height - size.height - margin },
    { left: margin, top: view.height - size.height - margin },
    { left: view.width - size.width - margin, top: margin },
    { left: margin, top: margin },
    { left: view.width - size.width - margin, top: Math.round((view.height - size.height) / 2) },
  ];
  for (const s of spots) {
    const box = { left: s.left, top: s.top, right: s.left + size.width, bottom: s.top + size.height };
    if (!avoid.some((b) => overlaps(box, b))) return clampPosition(s, size, view);
  }
  return clampPosition(spots[0]!, size, view);
}

const CONTROLS = 'input:not([type=hidden]), select, textarea, button, [contenteditable=""], [contenteditable="true"], label, [role=radio], [role=checkbox], [role=combobox]';

/** The boxes of the page's visible controls in the viewport (bounded: the first 500). */
function controlBoxes(doc: Document): Box[] {
  const out: Box[] = [];
  for (const el of Array.from(doc.querySelectorAll(CONTROLS)).slice(0, 500)) {
    if (el.tagName === HOST_TAG.toUpperCase()) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push({ left: r.left - 4, top: r.top - 4, right: r.right + 4, bottom: r.bottom + 4 });
  }
  return out;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Keeps the bar on screen. */
export function clampPosition(pos: OverlayPosition, size: { width: number; height: number }, view: { width: number; height: number }): OverlayPosition {
  const left = Math.min(Math.max(0, pos.left), Math.max(0, view.width - size.width));
  const top = Math.min(Math.max(0, pos.top), Math.max(0, view.height - size.height));
  return { left: Math.round(left), top: Math.round(top) };
}

/** Where the bar goes: the body, or for a frameset the body of its largest same-origin frame. */
export function overlayParent(doc: Document): Element | undefined {
  const body = doc.body;
  if (body && body.tagName !== 'FRAMESET') return body;
  let best: { el: Element; area: number } | undefined;
  for (const f of Array.from(doc.querySelectorAll<HTMLFrameElement | HTMLIFrameElement>('frame, iframe'))) {
    let inner: Document | null = null;
    try { inner = f.contentDocument; } catch { inner = null; }
    if (!inner?.body || inner.body.tagName === 'FRAMESET') continue;
    const r = f.getBoundingClientRect();
    const area = r.width * r.height;
    if (!best || area > best.area) best = { el: inner.body, area };
  }
  return best?.el ?? doc.documentElement;
}

export function mountOverlay(options: OverlayOptions): OverlayHandle {
  let t = TEXTS[options.lang];
  const host = document.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  // Closed: the page gets null from host.shadowRoot and cannot reach the buttons.
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t.title);
  const grip = el('span', 'grip', `⋮⋮ ${t.title}`);
  grip.title = t.move;
  grip.setAttribute('data-testid', 'lvzhi-grip');
  const fill = el('button', 'primary', t.fill);
  fill.setAttribute('data-testid', 'lvzhi-fill');
  const panel = el('button', 'secondary', t.panel);
  panel.setAttribute('data-testid', 'lvzhi-panel');
  const more = el('button', 'more', t.more);
  more.setAttribute('data-testid', 'lvzhi-more');
  more.hidden = true;
  let moreCount = 0;
  const status = el('span', 'status');
  status.setAttribute('data-testid', 'lvzhi-status');
  status.setAttribute('role', 'status');
  const close = el('button', 'close', '×');
  close.title = t.hide;
  close.setAttribute('aria-label', t.hide);
  bar.append(grip, fill, more, panel, status, close);
  root.append(style, bar);

  const setPosition = (pos: OverlayPosition) => {
    const r = host.getBoundingClientRect();
    const view = host.ownerDocument.defaultView ?? window;
    const p = clampPosition(pos, { width: r.width || 240, height: r.height || 36 }, { width: view.innerWidth, height: view.innerHeight });
    host.style.setProperty('left', `${p.left}px`, 'important');
    host.style.setProperty('top', `${p.top}px`, 'important');
    host.style.setProperty('right', 'auto', 'important');
    host.style.setProperty('bottom', 'auto', 'important');
  };

  // Only a person's own click counts: a page's el.click() or dispatchEvent is not trusted.
  const onTrusted = (button: HTMLElement, act: () => void) => button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (e.isTrusted) act();
  });
  onTrusted(fill, options.onFill);
  onTrusted(panel, options.onPanel);
  onTrusted(more, options.onMore);
  onTrusted(close, () => host.style.setProperty('display', 'none', 'important'));

  let drag: { dx: number; dy: number; id: number } | undefined;
  grip.addEventListener('pointerdown', (e) => {
    if (!e.isTrusted) return;
    const r = host.getBoundingClientRect();
    drag = { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId };
    try { grip.setPointerCapture(e.pointerId); } catch { /* synthetic events have no capture */ }
    e.preventDefault();
  });
  grip.addEventListener('pointermove', (e) => {
    if (!drag || !e.isTrusted) return;
    setPosition({ left: e.clientX - drag.dx, top: e.clientY - drag.dy });
  });
  const end = () => {
    if (!drag) return;
    drag = undefined;
    const r = host.getBoundingClientRect();
    options.onMoved({ left: Math.round(r.left), top: Math.round(r.top) });
  };
  grip.addEventListener('pointerup', end);
  grip.addEventListener('pointercancel', end);

  let remembered = options.position;
  const place = () => {
    const target = overlayParent(document);
    if (target && host.parentNode !== target) target.append(host);
    if (remembered) { setPosition(remembered); return; }
    const r = host.getBoundingClientRect();
    const doc = host.ownerDocument;
    const view = doc.defaultView ?? window;
    setPosition(freePlace({ width: r.width || 240, height: r.height || 36 }, { width: view.innerWidth, height: view.innerHeight }, controlBoxes(doc)));
  };
  place();
  // A frameset page shows no body of its own: the bar goes into its largest same-origin frame,
  // which may still be loading.
  if (document.body?.tagName === 'FRAMESET') {
    for (const f of Array.from(document.querySelectorAll('frame, iframe'))) f.addEventListener('load', place);
  }
  // Step aside from the control that has the focus (a person is about to use it).
  const dodge = (e: Event) => {
    const target = e.target;
    if (!(target instanceof Element) || target === host) return;
    const c = target.getBoundingClientRect();
    const r = host.getBoundingClientRect();
    if (!overlaps({ left: c.left, top: c.top, right: c.right, bottom: c.bottom }, { left: r.left, top: r.top, right: r.right, bottom: r.bottom })) return;
    const above = c.top - r.height - 8;
    setPosition({ left: r.left, top: above >= 0 ? above : c.bottom + 8 });
  };
  host.ownerDocument.addEventListener('focusin', dodge, true);

  const setTexts = () => {
    bar.setAttribute('aria-label', t.title);
    grip.textContent = `⋮⋮ ${t.title}`;
    grip.title = t.move;
    fill.textContent = t.fill;
    panel.textContent = t.panel;
    more.textContent = `${t.more} (${moreCount})`;
    close.title = t.hide;
    close.setAttribute('aria-label', t.hide);
  };
  return {
    host,
    setStatus: (text) => { status.textContent = text; },
    setPosition: (pos) => { remembered = pos; setPosition(pos); },
    setLang: (lang) => { t = TEXTS[lang]; host.dataset['lang'] = lang; setTexts(); },
    setMore: (n) => { moreCount = n; more.hidden = n <= 0; setTexts(); },
    remove: () => { host.ownerDocument.removeEventListener('focusin', dodge, true); host.remove(); },
  };
}
