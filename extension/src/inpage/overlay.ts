/**
 * The in-page launcher: a small, movable bar in a shadow root. Its host element is a custom tag
 * (`<lvzhi-launcher>`) with inline `all: initial !important`, so portal rules (even `* {…}` or
 * `div {display:none}`) cannot reach it, and its own rules live inside the shadow root, so they
 * cannot reach the portal or the portal's popups. Text is set with textContent, never HTML.
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
}

export const TEXTS: Record<'zh' | 'en', OverlayTexts> = {
  zh: { title: '履职', fill: '自动填写', panel: '打开面板', hide: '隐藏', move: '拖动以移动' },
  en: { title: 'Lvzhi', fill: 'Autofill', panel: 'Open panel', hide: 'Hide', move: 'Drag to move' },
};

const CSS = `
:host { all: initial; }
.bar { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-radius: 18px;
  background: #ffffff; color: #1f2328; border: 1px solid #c9d1d9; box-shadow: 0 2px 10px rgba(0,0,0,.18);
  font: 13px/1.4 "Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif; user-select: none; }
.grip { cursor: move; padding: 2px 4px; color: #57606a; font-weight: 700; letter-spacing: 1px; touch-action: none; }
button { all: unset; cursor: pointer; padding: 3px 10px; border-radius: 12px; font: inherit; }
button.primary { background: #c0392b; color: #fff; }
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
  remove(): void;
}

export interface OverlayOptions {
  lang: 'zh' | 'en';
  position?: OverlayPosition | undefined;
  onFill(): void;
  onPanel(): void;
  onMoved(pos: OverlayPosition): void;
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
  const t = TEXTS[options.lang];
  const host = document.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'open' });
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
  const status = el('span', 'status');
  status.setAttribute('data-testid', 'lvzhi-status');
  status.setAttribute('role', 'status');
  const close = el('button', 'close', '×');
  close.title = t.hide;
  close.setAttribute('aria-label', t.hide);
  bar.append(grip, fill, panel, status, close);
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

  fill.addEventListener('click', (e) => { e.stopPropagation(); options.onFill(); });
  panel.addEventListener('click', (e) => { e.stopPropagation(); options.onPanel(); });
  close.addEventListener('click', (e) => { e.stopPropagation(); host.style.setProperty('display', 'none', 'important'); });

  let drag: { dx: number; dy: number; id: number } | undefined;
  grip.addEventListener('pointerdown', (e) => {
    const r = host.getBoundingClientRect();
    drag = { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId };
    try { grip.setPointerCapture(e.pointerId); } catch { /* synthetic events have no capture */ }
    e.preventDefault();
  });
  grip.addEventListener('pointermove', (e) => {
    if (!drag) return;
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

  const place = () => {
    const target = overlayParent(document);
    if (target && host.parentNode !== target) target.append(host);
    if (options.position) setPosition(options.position);
  };
  place();
  // A frameset page shows no body of its own: the bar goes into its largest same-origin frame,
  // which may still be loading.
  if (document.body?.tagName === 'FRAMESET') {
    for (const f of Array.from(document.querySelectorAll('frame, iframe'))) f.addEventListener('load', place);
  }
  return {
    host,
    setStatus: (text) => { status.textContent = text; },
    setPosition,
    remove: () => host.remove(),
  };
}
