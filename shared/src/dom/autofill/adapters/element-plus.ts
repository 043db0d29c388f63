/**
 * Element Plus (Vue 3) and Element UI 2 (Vue 2.7), which share these classes: the selectors list
 * both generations where they differ (Element UI's `.el-input` trigger, `.el-icon-circle-close`
 * clear icon, `.el-icon-arrow-right` cascader postfix), so one adapter per widget serves both,
 * and packs may name them `element-ui-…` too. Selects, date pickers and cascaders are written
 * through their own popups; `read` gives what the widget displays, and apply checks the
 * component's model besides (v-model: Vue 3 props, or the Vue 2 instance on `__vue__`, read in
 * the page world by framework-state.ts). tests/fixtures/adapters/element-ui.html is the Vue 2 page.
 */
import { menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const elementSelect = defineAdapter(popupSelect({
  name: 'element-select',
  aliases: ['element-ui-select'],
  roots: '.el-select',
  exclude: (el) => !!el.closest('.el-select-dropdown'),
  trigger: '.el-select__wrapper, .select-trigger .el-input, .el-input',
  popup: '.el-select__popper, .el-select-dropdown, .el-popper',
  item: '.el-select-dropdown__item',
  // el-tree-select draws its nodes as options inside a tree: a collapsed branch is opened as a person opens it
  expand: '.el-tree-node__expand-icon:not(.expanded):not(.is-leaf)',
  // Element Plus 2.5+: a multiple select has a selection area with tags and its own class on the wrapper even when empty
  multipleDom: (el) => el.classList.contains('is-multiple') || !!el.querySelector('.el-select__tags, .el-select__selection.is-near, .el-tag'),
  tags: '.el-select__tags-text',
  tagClose: '.el-tag__close',
  selected: '.el-select__selected-item:not(.is-transparent):not(.el-select__input-wrapper):not(.el-select__placeholder), .el-select__placeholder:not(.is-transparent), input.el-input__inner',
  placeholder: '.el-select__placeholder.is-transparent',
  clearIcon: '.el-select__clear, .el-input__clear, .el-icon-circle-close',
  search: 'input.el-select__input, input.el-input__inner:not([readonly])',
}));

/** The calendar and time panels (a date-time range's has Start Date / Start Time … inputs of its own). */
const ELEMENT_PANEL = '.el-picker-panel, .el-time-panel';

export const elementDate = defineAdapter(textPicker({
  name: 'element-date',
  aliases: ['element-ui-date'],
  roots: '.el-date-editor',
  panel: ELEMENT_PANEL,
  exclude: (el) => el.classList.contains('el-range-editor') || !!el.parentElement?.closest('.el-date-editor'),
  timeDom: (el) => el.classList.contains('el-date-editor--datetime'),
  timeOnlyDom: (el) => el.classList.contains('el-date-editor--time'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.clear-icon, .el-input__clear, .el-range__close-icon, .el-icon-circle-close',
}));

/** el-date-picker type=daterange / datetimerange (`.el-range-editor`, two `.el-range-input`s); Element UI 2 alike. */
export const elementDateRange = defineAdapter(rangePicker({
  name: 'element-date-range',
  aliases: ['element-ui-date-range'],
  roots: '.el-range-editor',
  panel: ELEMENT_PANEL,
  inputs: 'input.el-range-input',
  timeDom: (el) => el.classList.contains('el-date-editor--datetimerange'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.el-range__close-icon:not(.el-range__close-icon--hidden)',
}));

export const elementCascader = defineAdapter(menuCascader({
  name: 'element-cascader',
  aliases: ['element-ui-cascader'],
  roots: '.el-cascader',
  exclude: (el) => !!el.closest('.el-cascader__dropdown'),
  trigger: '.el-input__wrapper, .el-input',
  menu: '.el-cascader__dropdown .el-cascader-menu, .el-cascader-panel .el-cascader-menu',
  node: '.el-cascader-node',
  nodeText: (n) => n.querySelector('.el-cascader-node__label')?.textContent?.trim() ?? '',
  isLeaf: (n) => !n.querySelector('.el-cascader-node__postfix, .el-icon-arrow-right'),
  selected: 'input',
  search: 'input.el-input__inner:not([readonly]), input.el-cascader__search-input',
  searchItem: '.el-cascader__suggestion-item',
  clearIcon: '.el-cascader__clear, .el-input__clear, .icon-circle-close, .el-icon-circle-close',
}));
