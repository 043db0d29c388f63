/**
 * bootstrap-select: the native <select class="selectpicker"> inside `.bootstrap-select`, hidden
 * behind a `.dropdown-toggle` button. The native select is the page's state: written natively,
 * its `change` event makes the plugin re-render its button, so both agree. Read from the select.
 */
import { nativeInput } from './native.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import type { WidgetAdapter } from './types.ts';

export const bootstrapSelect: WidgetAdapter = defineAdapter({
  name: 'bootstrap-select',
  // a root selector, so it is tried before the ARIA adapters would take the plugin's own combobox
  roots: '.bootstrap-select > select',
  dropdown: { popup: '.bootstrap-select .dropdown-menu', item: '.bootstrap-select .dropdown-menu li' },
  detect(el) {
    if (el.tagName !== 'SELECT') return undefined;
    const box = el.parentElement?.classList.contains('bootstrap-select') ? el.parentElement : undefined;
    if (!box) return undefined;
    const base = nativeInput.detect(el)!;
    return { ...base, visible: box.querySelector('.dropdown-toggle') ?? box, claims: [el, box, ...Array.from(box.querySelectorAll('[role], input, button'))] };
  },
  read: (h) => nativeInput.read(h),
  write: (h, v) => nativeInput.write(h, v),
  clear: (h) => nativeInput.clear!(h),
  ready: (h) => nativeInput.ready!(h),
}, PRIORITY.layui);
