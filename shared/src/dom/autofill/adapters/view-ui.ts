/**
 * View UI Plus (Vue 3) and iView / View Design (Vue 2), which render the same `ivu-` classes.
 * Selects (single, multiple, filterable), date and date-time pickers (and their ranges, in one
 * input) and cascaders are written
 * through their own dropdowns (inline or transferred to body); the switch is a class switch
 * (ivu-switch-checked). Radios and checkboxes keep a native input inside their label: the native
 * adapter takes them. `read` gives what the widget displays; apply checks the component's model
 * (Vue props) besides.
 */
import { textOf } from '../util.ts';
import { classSwitch, menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const viewUiSelect = defineAdapter(popupSelect({
  name: 'view-ui-select',
  aliases: ['iview-select'],
  roots: '.ivu-select',
  // a date picker's or cascader's panel reuses ivu-select-dropdown, never ivu-select itself
  exclude: (el) => !!el.closest('.ivu-select-dropdown'),
  trigger: '.ivu-select-selection',
  popup: '.ivu-select-dropdown',
  item: '.ivu-select-item',
  itemText: (e) => textOf(e, 200),
  multipleDom: (el) => el.classList.contains('ivu-select-multiple'),
  tags: '.ivu-tag .ivu-tag-text',
  tagClose: '.ivu-tag .ivu-icon-ios-close',
  selected: '.ivu-select-selected-value, input.ivu-select-input',
  placeholder: '.ivu-select-placeholder',
  clearIcon: '.ivu-select-arrow.ivu-icon-ios-close-circle, .ivu-select-arrow.ivu-icon-ios-close',
  search: 'input.ivu-select-input:not([readonly])',
}));

export const viewUiDate = defineAdapter(textPicker({
  name: 'view-ui-date',
  aliases: ['iview-date'],
  roots: '.ivu-date-picker',
  panel: '.ivu-picker-panel-body-wrapper',
  exclude: (el) => !!el.closest('.ivu-select-dropdown'),
  input: '.ivu-date-picker-rel input.ivu-input',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.ivu-icon-ios-close-circle',
  popup: '.ivu-select-dropdown',
  // Enter picks the panel's keyboard-focused cell (today), not the typed date that `change` took
  enter: false,
}));

/**
 * DatePicker type=daterange / datetimerange: one input showing `start - end` (the `separator`
 * prop), parsed by the widget on change; datetimerange panels confirm with 确定.
 */
export const viewUiDateRange = defineAdapter(rangePicker({
  name: 'view-ui-date-range',
  aliases: ['iview-date-range'],
  roots: '.ivu-date-picker',
  panel: '.ivu-picker-panel-body-wrapper',
  exclude: (el) => !!el.closest('.ivu-select-dropdown'),
  inputs: '.ivu-date-picker-rel input.ivu-input',
  single: { separator: ' - ' },
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.ivu-icon-ios-close-circle',
  popup: '.ivu-select-dropdown',
  // Enter picks the panel's keyboard-focused cell, not the typed period that `change` took
  enter: false,
}));

/** A cascader item's text is its label, without the arrow icon. */
const nodeText = (n: HTMLElement) => textOf(n, 200);

export const viewUiCascader = defineAdapter(menuCascader({
  name: 'view-ui-cascader',
  aliases: ['iview-cascader'],
  roots: '.ivu-cascader',
  exclude: (el) => !!el.closest('.ivu-select-dropdown'),
  trigger: '.ivu-cascader-rel',
  menu: '.ivu-select-dropdown .ivu-cascader-menu',
  node: '.ivu-cascader-menu-item',
  nodeText,
  isLeaf: (n) => !n.querySelector('.ivu-icon-ios-arrow-forward'),
  selected: '.ivu-cascader-rel input.ivu-input',
  search: '.ivu-cascader-rel input.ivu-input:not([readonly])',
  searchItem: '.ivu-cascader-dropdown .ivu-select-item',
  clearIcon: '.ivu-cascader-arrow.ivu-icon-ios-close-circle',
}));

export const viewUiSwitch = defineAdapter(classSwitch({ name: 'view-ui-switch', aliases: ['iview-switch'], roots: '.ivu-switch', on: 'ivu-switch-checked' }));
