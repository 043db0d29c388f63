/**
 * chosen (jQuery, harvesthq/chosen): hides the native <select> and draws a `.chosen-container`
 * right after it (`.chosen-single` for one choice, `ul.chosen-choices` with its search box for
 * several). The native select is the page's state, as with select2: it is written natively, its
 * `change` reaches the page's own handlers (jQuery listens with addEventListener), and
 * `chosen:updated` — the event chosen itself listens to for a select changed by script — makes
 * the plugin redraw, so what the clerk sees and what the form posts agree. Read from the select.
 */
import { fire } from '../util.ts';
import { nativeInput } from './native.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import type { WidgetAdapter } from './types.ts';

const containerOf = (el: Element) => { const n = el.nextElementSibling; return n?.classList.contains('chosen-container') ? n : undefined; };
const redraw = (el: Element) => fire(el, 'chosen:updated', { cancelable: false });

export const chosen: WidgetAdapter = defineAdapter({
  name: 'chosen',
  // a root selector: tried before the native adapter takes the hidden select, or the ARIA and
  // text adapters its search box. Only a select chosen has drawn its box after: a root a widget
  // adapter matches is that adapter's, so every other select of the page must not match
  roots: 'select:has(+ .chosen-container)',
  dropdown: { popup: '.chosen-drop', item: '.chosen-results li' },
  detect(el) {
    if (el.tagName !== 'SELECT') return undefined;
    const box = containerOf(el);
    if (!box) return undefined;
    const base = nativeInput.detect(el)!;
    return { ...base, visible: box.querySelector('.chosen-single, .chosen-choices') ?? box, claims: [el, box, ...Array.from(box.querySelectorAll('input, a, [role]'))] };
  },
  read: (h) => nativeInput.read(h),
  async write(h, v) { await nativeInput.write(h, v); redraw(h.el); },
  async clear(h) { await nativeInput.clear!(h); redraw(h.el); },
  ready: (h) => nativeInput.ready!(h),
}, PRIORITY.layui);
