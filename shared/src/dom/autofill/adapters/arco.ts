/**
 * Arco Design Vue: a-select and a-cascader on an `arco-select-view`, a-date-picker on an
 * `arco-picker`. Written through their popups or typed input; `read` gives what the widget
 * displays, apply checks the component's model (Vue props) besides. Radios keep a native input;
 * a-switch is role=switch (the ARIA adapter).
 */
import { textOf } from '../util.ts';
import { menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const arcoSelect = defineAdapter(popupSelect({
  name: 'arco-select',
  roots: '.arco-select',
  exclude: (el) => el.classList.contains('arco-cascader') || !!el.closest('.arco-trigger-popup, .arco-select-dropdown'),
  popup: '.arco-select-dropdown',
  item: '.arco-select-option',
  itemText: (e) => textOf(e.querySelector('.arco-select-option-content') ?? e, 200),
  multipleDom: (el) => el.classList.contains('arco-select-view-multiple') || el.classList.contains('arco-input-tag'),
  // tags of an input-tag view (older) or of the select view (2.5x): their text, without the close button's
  tags: '.arco-input-tag-tag, .arco-select-view-tag',
  tagClose: '.arco-tag-close-btn',
  selected: '.arco-select-view-value:not(.arco-select-view-value-hidden)',
  clearIcon: '.arco-select-view-clear-btn',
  search: 'input.arco-select-view-input:not([readonly]), input.arco-input-tag-input:not([readonly])',
}));

export const arcoDate = defineAdapter(textPicker({
  name: 'arco-date',
  roots: '.arco-picker',
  panel: '.arco-picker-container',
  exclude: (el) => el.classList.contains('arco-picker-range') || !!el.closest('.arco-trigger-popup'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.arco-picker-clear-icon',
  popup: '.arco-picker-container',
}));

/** a-range-picker (`.arco-picker-range`, two inputs); showTime ranges confirm with 确定. */
export const arcoDateRange = defineAdapter(rangePicker({
  name: 'arco-date-range',
  roots: '.arco-picker-range',
  panel: '.arco-picker-container',
  exclude: (el) => !!el.closest('.arco-trigger-popup'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.arco-picker-clear-icon',
  popup: '.arco-picker-container',
}));

export const arcoCascader = defineAdapter(menuCascader({
  name: 'arco-cascader',
  // 2.5x renders a cascader as a bare select view (no arco-cascader class): a select view that is not a select or tree-select
  roots: '.arco-cascader, .arco-select-view:not(.arco-select):not(.arco-tree-select)',
  exclude: (el) => !!el.closest('.arco-trigger-popup') || (!el.classList.contains('arco-cascader') && !!el.parentElement?.closest('.arco-cascader, .arco-select, .arco-tree-select')),
  menu: '.arco-cascader-panel-column',
  node: '.arco-cascader-option',
  nodeText: (n) => n.getAttribute('title') ?? textOf(n.querySelector('.arco-cascader-option-label'), 200),
  isLeaf: (n) => n.getAttribute('aria-haspopup') !== 'true',
  selected: '.arco-select-view-value:not(.arco-select-view-value-hidden)',
  clearIcon: '.arco-select-view-clear-btn',
}));
