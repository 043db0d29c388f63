/**
 * Ant Design (React) and Ant Design Vue 4, which render the same classes (`ant-select`,
 * `ant-picker`, `ant-cascader`). Selects and cascaders are written through their popups, date
 * pickers by typing into their one input and pressing Enter; `read` gives what the widget
 * displays, apply checks the component's model (React fiber props, Vue props) besides.
 * `showTime` pickers take a date-time in the format they show (from their props when reachable).
 */
import { isAntd3Select } from './antd3.ts';
import { menuCascader, popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

export const antdSelect = defineAdapter(popupSelect({
  name: 'antd-select',
  aliases: ['antdv-select'],
  roots: '.ant-select',
  // (the antd 3.x DOM, `.ant-select-selection` inside: antd3.ts)
  exclude: (el) => el.classList.contains('ant-cascader') || el.classList.contains('ant-tree-select') || !!el.closest('.ant-select-dropdown') || el.classList.contains('ant-select-auto-complete') || isAntd3Select(el),
  trigger: '.ant-select-selector, .ant-select-content',
  popup: '.ant-select-dropdown',
  item: '.ant-select-item-option',
  itemText: (e) => e.getAttribute('title') ?? e.querySelector('.ant-select-item-option-content')?.textContent ?? e.textContent ?? '',
  multipleDom: (el) => el.classList.contains('ant-select-multiple'),
  tags: '.ant-select-selection-item-content',
  tagClose: '.ant-select-selection-item-remove',
  selected: '.ant-select-selection-item, .ant-select-content-has-value',
  clearIcon: '.ant-select-clear',
  search: 'input.ant-select-selection-search-input:not([readonly]), input:not([readonly])',
  // the virtual list's box: rc-virtual-list's holder (antd 4/5), the dropdown's own (antd 6)
  scrollHolder: '.rc-virtual-list-holder, .ant-select-dropdown-list-holder',
}));

/**
 * A tree-select (a-tree-select; JeecgBoot's JTreeSelect over the department tree): a select whose
 * popup is a tree of nodes. A node is chosen by its title like a select's option (the name rule of
 * names.ts too: 司法所 → 青山镇司法所 when only that node ends so); a search box narrows the tree,
 * and without one the collapsed branches are opened as a person opens them.
 */
export const antdTreeSelect = defineAdapter(popupSelect({
  name: 'antd-tree-select',
  aliases: ['antdv-tree-select'],
  roots: '.ant-select.ant-tree-select',
  exclude: (el) => !!el.closest('.ant-select-dropdown') || isAntd3Select(el),
  trigger: '.ant-select-selector, .ant-select-content',
  popup: '.ant-select-dropdown',
  item: '.ant-select-tree-node-content-wrapper',
  itemText: (e) => e.getAttribute('title') ?? e.querySelector('.ant-select-tree-title')?.textContent ?? e.textContent ?? '',
  expand: '.ant-select-tree-switcher_close',
  multipleDom: (el) => el.classList.contains('ant-select-multiple'),
  tags: '.ant-select-selection-item-content',
  tagClose: '.ant-select-selection-item-remove',
  selected: '.ant-select-selection-item, .ant-select-content-has-value',
  clearIcon: '.ant-select-clear',
  search: 'input.ant-select-selection-search-input:not([readonly]), input:not([readonly])',
  scrollHolder: '.ant-select-tree-list-holder',
}));

export const antdDate = defineAdapter(textPicker({
  name: 'antd-date',
  aliases: ['antdv-date'],
  roots: '.ant-picker',
  panel: '.ant-picker-dropdown, .ant-picker-panel-container',
  exclude: (el) => el.classList.contains('ant-picker-range') || !!el.closest('.ant-picker-dropdown'),
  // TimePicker draws a clock where DatePicker draws a calendar
  timeOnlyDom: (el) => !!el.querySelector('.ant-picker-suffix [aria-label="clock-circle"], .ant-picker-suffix .anticon-clock-circle'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.ant-picker-clear',
}));

/** DatePicker.RangePicker / a-range-picker (`.ant-picker-range`, two inputs); `showTime` ranges confirm with 确定. */
export const antdDateRange = defineAdapter(rangePicker({
  name: 'antd-date-range',
  aliases: ['antdv-date-range'],
  roots: '.ant-picker-range',
  panel: '.ant-picker-dropdown, .ant-picker-panel-container',
  exclude: (el) => !!el.closest('.ant-picker-dropdown'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.ant-picker-clear',
  popup: '.ant-picker-dropdown',
  enterEach: true,
}));

export const antdCascader = defineAdapter(menuCascader({
  name: 'antd-cascader',
  aliases: ['antdv-cascader'],
  roots: '.ant-cascader, .ant-select.ant-cascader-picker',
  exclude: (el) => !!el.closest('.ant-select-dropdown, .ant-cascader-dropdown'),
  trigger: '.ant-select-selector, .ant-select-content',
  menu: '.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu, .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu',
  node: '.ant-cascader-menu-item',
  nodeText: (n) => n.getAttribute('title') ?? n.querySelector('.ant-cascader-menu-item-content')?.textContent?.trim() ?? '',
  isLeaf: (n) => !n.classList.contains('ant-cascader-menu-item-expand'),
  selected: '.ant-select-selection-item, .ant-select-content-has-value',
  search: 'input:not([readonly])',
  searchItem: '.ant-cascader-menu-item',
  clearIcon: '.ant-select-clear',
}));
