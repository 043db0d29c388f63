/**
 * select2 (jQuery): hides the native <select> (class select2-hidden-accessible) and draws a
 * `.select2-container` after it, which redraws on the select's `change` (native.ts selectBehindPlugin).
 * Its open dropdown sits at the end of body: results and, for a single select, a search box.
 */
import { selectBehindPlugin } from './native.ts';

export const select2 = selectBehindPlugin({
  name: 'select2',
  // a root selector, so it is tried before the ARIA adapters would take the plugin's own combobox
  roots: 'select.select2-hidden-accessible',
  dropdown: { popup: '.select2-dropdown', item: '.select2-results__option' },
  box: (el) => { const n = el.nextElementSibling; return n?.classList.contains('select2-container') ? n : undefined; },
  visible: '.select2-selection',
  inside: '[role], input, textarea, button',
});
