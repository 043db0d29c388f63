/**
 * TDesign Vue Next (and TDesign React, same classes): t-select, t-date-picker, t-cascader, all
 * drawn on a `t-select-input`. Written through their popups or typed input; `read` gives what
 * the widget displays, apply checks the component's model (Vue props) besides. Radios and
 * checkboxes keep a native input inside their label: the native adapter takes them.
 */
import { classSwitch, menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const tdesignSelect = defineAdapter(popupSelect({
  name: 'tdesign-select',
  roots: '.t-select__wrap',
  exclude: (el) => !el.querySelector('.t-select'),
  trigger: '.t-input',
  popup: '.t-select__dropdown, .t-popup',
  item: '.t-select-option',
  multipleDom: (el) => !!el.querySelector('.t-select-input--multiple'),
  tags: '.t-tag > span[title]',
  tagClose: '.t-tag__icon-close, .t-tag > svg, .t-tag > .t-icon-close',
  selected: 'input.t-input__inner',
  clearIcon: '.t-input__suffix-clear',
  search: 'input.t-input__inner:not([readonly])',
}));

export const tdesignDate = defineAdapter(textPicker({
  name: 'tdesign-date',
  roots: '.t-date-picker',
  panel: '.t-date-picker__panel, .t-date-range-picker__panel, .t-time-picker__panel',
  exclude: (el) => !!el.closest('.t-popup'),
  input: 'input.t-input__inner',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.t-input__suffix-clear',
  popup: '.t-popup',
}));

/** t-date-range-picker (`.t-date-range-picker`, a range input of two inputs); with enableTimePicker it confirms with 确定. */
export const tdesignDateRange = defineAdapter(rangePicker({
  name: 'tdesign-date-range',
  roots: '.t-date-range-picker',
  panel: '.t-date-picker__panel, .t-date-range-picker__panel, .t-time-picker__panel',
  exclude: (el) => !!el.closest('.t-popup'),
  inputs: 'input.t-input__inner',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.t-range-input__suffix-clear, .t-input__suffix-clear',
  popup: '.t-popup',
  enterEach: true,
  // its date-time panel, closing, writes the time columns it shows into the start
  retypeStartOnClose: true,
}));

export const tdesignCascader = defineAdapter(menuCascader({
  name: 'tdesign-cascader',
  roots: '.t-cascader',
  exclude: (el) => !!el.closest('.t-popup'),
  trigger: '.t-input',
  menu: '.t-cascader__menu',
  node: '.t-cascader__item',
  nodeText: (n) => n.querySelector('.t-cascader__item-label')?.textContent?.trim() ?? '',
  isLeaf: (n) => !n.classList.contains('t-cascader__item--with-icon'),
  selected: 'input.t-input__inner',
  clearIcon: '.t-input__suffix-clear',
}));

/** t-switch: a div with no role; checked is its class. */
export const tdesignSwitch = defineAdapter(classSwitch({ name: 'tdesign-switch', roots: '.t-switch', on: 't-is-checked' }));
