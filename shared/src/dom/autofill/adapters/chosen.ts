/**
 * chosen (jQuery, harvesthq/chosen): hides the native <select> (display:none) and draws a
 * `.chosen-container` right after it (`.chosen-single` for one choice, `ul.chosen-choices` with its
 * search box for several). Written natively like select2 (native.ts selectBehindPlugin); chosen does
 * not redraw on `change` but on `chosen:updated`, the event it listens to for a select changed by script.
 */
import { selectBehindPlugin } from './native.ts';

export const chosen = selectBehindPlugin({
  name: 'chosen',
  // only a select chosen has drawn its box after: a select root here would make every popup
  // holding a plain select count as a container of fields in the scan's dropdown test
  roots: 'select:has(+ .chosen-container)',
  dropdown: { popup: '.chosen-drop', item: '.chosen-results li' },
  box: (el) => { const n = el.nextElementSibling; return n?.classList.contains('chosen-container') ? n : undefined; },
  visible: '.chosen-single, .chosen-choices',
  inside: 'input, a, [role]',
  redraw: 'chosen:updated',
});
