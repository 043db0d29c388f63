/**
 * amis (Baidu's JSON renderer, React; the low-code platforms built on it): widgets are classed
 * with the theme's prefix — `cxd-` for the default theme, `antd-` for its Ant-like theme (not Ant
 * Design's own lowercase `ant-`). A Select is a `div.{p}Select` (role=combobox; `--multi` for
 * several) that opens a `{p}Select-popover` PopOver inside it, with `{p}Select-option` rows and a
 * 搜索 box when searchable; chosen values show as `{p}Select-value` (labels in `-valueLabel` for
 * several). A TreeSelect is a `{p}ResultBox {p}TreeSelect` whose text box is its search, opening a
 * `{p}TreeSelect-popover` of `{p}Tree-item`s. The model is the form's (its store), which the
 * widget updates on the click; the read-back is what the widget shows.
 */
import { textOf } from '../util.ts';
import { popupSelect, rangePicker } from './popup.ts';
import { defineAdapter } from './registry.ts';

const THEMES = ['cxd', 'antd'] as const;
const any = (suffix: string) => THEMES.map((t) => `.${t}-${suffix}`).join(', ');
const hasClass = (el: Element, suffix: string) => THEMES.some((t) => el.classList.contains(`${t}-${suffix}`));

export const amisSelect = defineAdapter(popupSelect({
  name: 'amis-select',
  roots: any('Select'),
  exclude: (el) => !el.matches('[role=combobox]') || !!el.closest(any('PopOver')),
  popup: any('Select-popover'),
  // (a row of a multiple select is ticked by its check box, not by a click on the row)
  item: THEMES.map((t) => `.${t}-Select-option:not(.is-disabled) .${t}-Checkbox, .${t}-Select-option:not(.is-disabled):not(:has(.${t}-Checkbox))`).join(', '),
  itemText: (e) => e.querySelector('[title]')?.getAttribute('title') || textOf(e, 200),
  multipleDom: (el) => hasClass(el, 'Select--multi'),
  tags: any('Select-valueLabel'),
  tagClose: any('Select-valueIcon'),
  selected: any('Select-value'),
  placeholder: any('Select-placeholder'),
  clearIcon: any('Select-clear'),
  popupSearch: THEMES.map((t) => `.${t}-Select-input input`).join(', '),
  openState: (el) => el.classList.contains('is-opened'),
}));

const treeSelect = popupSelect({
  name: 'amis-tree-select',
  roots: THEMES.map((t) => `.${t}-ResultBox.${t}-TreeSelect`).join(', '),
  popup: any('TreeSelect-popover'),
  item: any('Tree-itemLabel-item'),
  itemText: (e) => e.querySelector('[title]')?.getAttribute('title') || textOf(e, 200),
  multipleDom: (el) => hasClass(el, 'TreeSelect--multi') || hasClass(el, 'TreeSelect--multiple'),
  tags: any('ResultBox-valueLabel'),
  tagClose: any('ResultBox-valueIcon'),
  selected: `${any('ResultBox-singleValue')}, ${any('ResultBox-value')}`,
  clearIcon: any('ResultBox-clear'),
  search: THEMES.map((t) => `input.${t}-ResultBox-value-input`).join(', '),
});

/** A chosen node is shown with its path (青山镇 / 青山镇农经站): the node is its last part. */
const leaf = (t: string) => t.split(/\s+\/\s+/).pop()!.trim();
export const amisTreeSelect = defineAdapter({
  ...treeSelect,
  // its root is the result box (its value: the search text); the control around it holds the form's value
  modelAt: (h) => h.el.closest(any('TreeSelectControl')) ?? h.el,
  read(h) { const r = treeSelect.read(h); return typeof r === 'string' ? leaf(r) : Array.isArray(r) ? r.map(leaf) : r; },
});

/**
 * input-date-range / input-datetime-range: a `{p}DateRangePicker` of two inputs that take typed
 * text (parsed with the display format on each change), its popover — drawn inside the picker —
 * holding the calendars and 确认; the form gets the period only on 确认 (a close without it puts
 * the old value back). The kind comes from the control's type prop (input-datetime-range).
 */
export const amisDateRange = defineAdapter(rangePicker({
  name: 'amis-date-range',
  roots: any('DateRangePicker'),
  exclude: (el) => !!el.parentElement?.closest(any('PopOver')),
  inputs: THEMES.map((t) => `input.${t}-DateRangePicker-input`).join(', '),
  panel: any('DateRangePicker-popover'),
  popup: any('DateRangePicker-popover'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm',
  clearIcon: any('DateRangePicker-clear'),
  confirmAlways: true,
  // (its boxes say 开始时间 / 结束时间 over a date range too: the control's own class says which)
  kindDom: (el) => (el.closest(any('DateRangeControl'))?.classList.contains('is-datetime') ? 'datetime' : 'date'),
}));
