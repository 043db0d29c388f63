/**
 * bootstrap-select: the native <select class="selectpicker"> inside `.bootstrap-select`, hidden
 * behind a `.dropdown-toggle` button that re-renders on the select's `change` (native.ts selectBehindPlugin).
 */
import { selectBehindPlugin } from './native.ts';

export const bootstrapSelect = selectBehindPlugin({
  name: 'bootstrap-select',
  // a root selector, so it is tried before the ARIA adapters would take the plugin's own combobox
  roots: '.bootstrap-select > select',
  dropdown: { popup: '.bootstrap-select .dropdown-menu', item: '.bootstrap-select .dropdown-menu li' },
  box: (el) => (el.parentElement?.classList.contains('bootstrap-select') ? el.parentElement : undefined),
  visible: '.dropdown-toggle',
  inside: '[role], input, button',
});
