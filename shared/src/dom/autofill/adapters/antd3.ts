/**
 * The antd 3.x DOM: Ant Design Vue 1.x on Vue 2 (JeecgBoot 2.x, ant-design-vue-pro) and antd
 * React 3. Its classes differ from antd 4+ (antd.ts): a select's root `.ant-select` holds
 * `.ant-select-selection` (`--single` / `--multiple`, tags `.ant-select-selection__choice`), its
 * dropdown lists `li.ant-select-dropdown-menu-item`; a tree-select draws the same root (as a
 * span with role=combobox) over `.ant-select-tree` nodes; a DatePicker is
 * `span.ant-calendar-picker` around a READ-ONLY `input.ant-calendar-picker-input` that opens a
 * `.ant-calendar` panel holding the box a person types the date into (`.ant-calendar-input`;
 * Enter takes it, 确定 `.ant-calendar-ok-btn` confirms a showTime one); a RangePicker's root holds
 * two read-only `.ant-calendar-range-picker-input`s and its panel a start and an end box. The
 * model is read back from the outermost Vue 2 component of the root (framework-state.ts), which
 * v-model or a form's v-decorator binds.
 */
import { componentOf } from '../framework-state.ts';
import { textOf } from '../util.ts';
import { popupSelect, rangePicker, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

/** An antd 3 select root: the selection box of 3.x right inside it (antd 4+ draws `.ant-select-selector`). */
export const isAntd3Select = (el: Element) => el.classList.contains('ant-select') && !!el.querySelector(':scope > .ant-select-selection');

/**
 * A tree-select: the component says so (treeData, treeCheckable, loadData…), or its DOM does
 * (rc-tree-select draws its root as a span with role=combobox, where a select's root is a div
 * whose selection box has the role).
 */
const TREE_PROPS = ['treeData', 'treeCheckable', 'treeDefaultExpandAll', 'treeNodeFilterProp', 'loadData'];
function isTreeSelect(el: Element): boolean {
  const p = componentOf(el, TREE_PROPS)?.props;
  if (p && TREE_PROPS.some((k) => p[k] !== undefined && p[k] !== null)) return true;
  return el.tagName === 'SPAN' && el.getAttribute('role') === 'combobox';
}

const SELECT = {
  trigger: '.ant-select-selection',
  popup: '.ant-select-dropdown',
  multipleDom: (el: Element) => !!el.querySelector(':scope > .ant-select-selection--multiple'),
  tags: '.ant-select-selection__choice__content',
  tagClose: '.ant-select-selection__choice__remove',
  selected: '.ant-select-selection-selected-value',
  placeholder: '.ant-select-selection__placeholder',
  clearIcon: '.ant-select-selection__clear',
} as const;

export const antd3Select = defineAdapter(popupSelect({
  name: 'antd3-select',
  aliases: ['antdv1-select'],
  roots: '.ant-select',
  exclude: (el) => !isAntd3Select(el) || !!el.closest('.ant-select-dropdown') || el.classList.contains('ant-select-auto-complete') || isTreeSelect(el),
  ...SELECT,
  item: 'li.ant-select-dropdown-menu-item:not(.ant-select-dropdown-menu-item-disabled)',
  itemText: (e) => e.getAttribute('title') || textOf(e, 200),
  // showSearch: the inline search box in the selection (single and multiple)
  search: 'input.ant-select-search__field',
}));

/**
 * a-tree-select / TreeSelect of antd 3 (JeecgBoot's department and dictionary trees): a node is
 * chosen by its title; the branches, collapsed at first, are opened one by one (bounded, see
 * popup.ts) when the node is not shown. Its search box, when it has one, is in the dropdown.
 */
export const antd3TreeSelect = defineAdapter(popupSelect({
  name: 'antd3-tree-select',
  aliases: ['antdv1-tree-select'],
  roots: '.ant-select',
  exclude: (el) => !isAntd3Select(el) || !!el.closest('.ant-select-dropdown') || !isTreeSelect(el),
  ...SELECT,
  item: '.ant-select-tree-node-content-wrapper:not(.ant-select-tree-node-content-wrapper-disabled)',
  itemText: (e) => e.getAttribute('title') || textOf(e.querySelector('.ant-select-tree-title') ?? e, 200),
  expand: '.ant-select-tree-switcher_close',
  search: '.ant-select-selection input.ant-select-search__field',
}));

const PICKER = {
  panel: '.ant-calendar-picker-container',
  popup: '.ant-calendar-picker-container',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.ant-calendar-picker-clear',
  panelInput: { input: 'input.ant-calendar-input', ok: '.ant-calendar-ok-btn', invalid: '.ant-calendar-input-invalid' },
} as const;

/** a-date-picker / DatePicker (date, showTime, any format): typed into its calendar's own box. */
export const antd3Date = defineAdapter(textPicker({
  name: 'antd3-date',
  aliases: ['antdv1-date'],
  roots: '.ant-calendar-picker',
  exclude: (el) => !el.querySelector('input.ant-calendar-picker-input') || !!el.closest('.ant-calendar-picker-container'),
  input: 'input.ant-calendar-picker-input',
  ...PICKER,
}));

/** a-range-picker / RangePicker (date or showTime): the start and end typed into its panel's two boxes. */
export const antd3DateRange = defineAdapter(rangePicker({
  name: 'antd3-date-range',
  aliases: ['antdv1-date-range'],
  roots: '.ant-calendar-picker',
  exclude: (el) => !!el.closest('.ant-calendar-picker-container'),
  inputs: 'input.ant-calendar-range-picker-input',
  ...PICKER,
}));
