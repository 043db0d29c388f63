/**
 * select2 (jQuery): hides the native <select> (class select2-hidden-accessible) and draws a
 * `.select2-container` after it. The native select is the page's state: it is written natively
 * and its `change` event (which select2 listens to through jQuery) makes the plugin redraw, so
 * the plugin and the select agree. Read from the native select.
 */
import { nativeInput } from './native.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import type { WidgetAdapter } from './types.ts';

const containerOf = (el: Element) => { const n = el.nextElementSibling; return n?.classList.contains('select2-container') ? n : undefined; };

export const select2: WidgetAdapter = defineAdapter({
  name: 'select2',
  // a root selector, so it is tried before the ARIA adapters would take the plugin's own combobox
  roots: 'select.select2-hidden-accessible',
  // its open dropdown sits at the end of body: results and, for a single select, a search box
  dropdown: { popup: '.select2-dropdown', item: '.select2-results__option' },
  detect(el) {
    if (el.tagName !== 'SELECT' || !el.classList.contains('select2-hidden-accessible')) return undefined;
    const box = containerOf(el);
    if (!box) return undefined;
    const base = nativeInput.detect(el)!;
    return { ...base, visible: box.querySelector('.select2-selection') ?? box, claims: [el, box, ...Array.from(box.querySelectorAll('[role], input, textarea, button'))] };
  },
  read: (h) => nativeInput.read(h),
  write: (h, v) => nativeInput.write(h, v),
  clear: (h) => nativeInput.clear!(h),
  ready: (h) => nativeInput.ready!(h),
}, PRIORITY.layui);
