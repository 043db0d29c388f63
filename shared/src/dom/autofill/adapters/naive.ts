/**
 * Naive UI: n-select and n-cascader on a `n-base-selection` (options in a virtual list),
 * n-date-picker on an n-input. Written through their popups or typed input; `read` gives what
 * the widget displays, apply checks the component's model (Vue props) besides. n-radio keeps a
 * native input; n-switch is role=switch (the ARIA adapter).
 */
import { menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const naiveSelect = defineAdapter(popupSelect({
  name: 'naive-select',
  roots: '.n-select',
  trigger: '.n-base-selection',
  popup: '.n-base-select-menu',
  item: '.n-base-select-option',
  itemText: (e) => e.querySelector('.n-base-select-option__content')?.textContent?.trim() ?? e.textContent ?? '',
  multipleDom: (el) => !!el.querySelector('.n-base-selection--multiple'),
  tags: '.n-base-selection-tag-wrapper .n-tag__content',
  tagClose: '.n-tag__close',
  // a filterable select shows its choice beside an empty search input
  selected: '.n-base-selection-input__content, .n-base-selection-input, .n-base-selection-label',
  placeholder: '.n-base-selection-placeholder',
  clearIcon: '.n-base-clear__clear',
  search: 'input.n-base-selection-input, input.n-base-selection-input-tag__input',
  scrollHolder: '.v-vl',
}));

export const naiveDate = defineAdapter(textPicker({
  name: 'naive-date',
  roots: '.n-date-picker',
  panel: '.n-date-panel, .n-time-picker-panel',
  input: 'input.n-input__input-el',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.n-base-clear__clear',
}));

/** n-date-picker type=daterange / datetimerange (two `.n-input__input-el`s). */
export const naiveDateRange = defineAdapter(rangePicker({
  name: 'naive-date-range',
  roots: '.n-date-picker',
  panel: '.n-date-panel, .n-time-picker-panel',
  inputs: 'input.n-input__input-el',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.n-base-clear__clear',
}));

export const naiveCascader = defineAdapter(menuCascader({
  name: 'naive-cascader',
  roots: '.n-cascader',
  trigger: '.n-base-selection',
  menu: '.n-cascader-menu .n-cascader-submenu',
  node: '.n-cascader-option',
  nodeText: (n) => n.querySelector('.n-cascader-option__label')?.textContent?.trim() ?? '',
  isLeaf: (n) => !n.querySelector('.n-cascader-option-icon--arrow'),
  selected: '.n-base-selection-input__content, .n-base-selection-input',
  clearIcon: '.n-base-clear__clear',
}));
