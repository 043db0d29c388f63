/**
 * OpenTiny Vue (Huawei's enterprise Vue 3 library): a TinySelect is `.tiny-select` (with
 * `tiny-select__multiple` for several, its chosen tags in `.tiny-select__tags`, and a
 * `tiny-select__input` search box when filterable) over a read-only `tiny-input__inner` showing
 * the choice; its dropdown `.tiny-select-dropdown` lists `li.tiny-option`s (a multiple one leads
 * with a 全部 row, never taken for an option). A TinyTreeSelect is `.tiny-base-select.tiny-tree-select`
 * whose dropdown holds a `.tiny-tree` of `.tiny-tree-node__content` rows. The model is read back
 * through the component (v-model's modelValue). A TinyDatePicker is `.tiny-date-editor`
 * (`--date`, `--datetime`, `--time`) around a box typed as in Element's, its panel `.tiny-picker-panel`.
 */
import { textOf } from '../util.ts';
import { popupSelect, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

/**
 * Open when its dropdown is drawn: the one its combobox owns (aria-owns), else its own. The widget
 * has no aria-expanded and stays open on Escape, so the fill closes it with a press outside.
 */
function dropdownShown(el: HTMLElement): boolean {
  const id = el.querySelector('[aria-owns]')?.getAttribute('aria-owns');
  const d = (id ? el.ownerDocument.getElementById(id) : null) ?? el.querySelector<HTMLElement>('.tiny-select-dropdown');
  return !!d && d.style.display !== 'none' && d.getClientRects().length > 0;
}

// (the root is what the clerk sees and clicks: a multiple select lays its tags over its input)
const SHARED = {
  openState: dropdownShown,
  popup: '.tiny-select-dropdown',
  tags: '.tiny-select__tags .tiny-tag, .tiny-base-select__tags .tiny-tag',
  tagClose: '.tiny-tag__close',
  selected: 'input.tiny-input__inner',
} as const;

export const opentinySelect = defineAdapter(popupSelect({
  name: 'opentiny-select',
  aliases: ['tiny-select'],
  roots: '.tiny-select',
  exclude: (el) => !!el.closest('.tiny-select-dropdown') || el.classList.contains('tiny-tree-select'),
  ...SHARED,
  item: 'li.tiny-option:not(.is-disabled):not(.tiny-option_all)',
  itemText: (e) => e.getAttribute('aria-label') || textOf(e.querySelector('.tiny-option-label') ?? e, 200),
  multipleDom: (el) => el.classList.contains('tiny-select__multiple'),
  search: 'input.tiny-select__input',
}));

export const opentinyTreeSelect = defineAdapter(popupSelect({
  name: 'opentiny-tree-select',
  aliases: ['tiny-tree-select'],
  roots: '.tiny-tree-select',
  exclude: (el) => !!el.closest('.tiny-select-dropdown'),
  ...SHARED,
  item: '.tiny-tree-node__content',
  itemText: (e) => textOf(e.querySelector('.tiny-tree-node__label') ?? e, 200),
  expand: '.tiny-tree-node:not(.is-expanded):not(.is-leaf) > .tiny-tree-node__content',
  multipleDom: (el) => el.classList.contains('tiny-base-select__multiple') || el.classList.contains('tiny-select__multiple'),
}));

export const opentinyDate = defineAdapter(textPicker({
  name: 'opentiny-date',
  aliases: ['tiny-date-picker'],
  roots: '.tiny-date-editor',
  panel: '.tiny-picker-panel',
  exclude: (el) => el.classList.contains('tiny-range-editor') || !!el.parentElement?.closest('.tiny-date-editor'),
  timeDom: (el) => el.classList.contains('tiny-date-editor--datetime'),
  timeOnlyDom: (el) => el.classList.contains('tiny-date-editor--time'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.tiny-input__clear',
}));
