/**
 * Semi Design (@douyinfe/semi-ui 2.x, ByteDance's React library): every popup is drawn in a
 * `.semi-portal` at the end of body, as a `.semi-popover-wrapper` whose id the trigger names in
 * `data-popupid` (a Select's combobox names its option list in aria-controls instead).
 *
 * - Select (`.semi-select`, role=combobox; `semi-select-multiple`, `semi-select-filterable`,
 *   `semi-select-open` while open) lists `.semi-select-option`s; chosen values are tags in the
 *   box (several) or its `semi-select-selection-text`.
 * - TreeSelect (`.semi-tree-select`) draws a `.semi-tree-option` per node (li, role=treeitem),
 *   a folded branch being `semi-tree-option-collapsed` with its expand icon.
 * - DatePicker (`.semi-datepicker`) and TimePicker (`.semi-timepicker`) have an editable input:
 *   the text typed is parsed with the picker's `format` on each input event, and a text it parses
 *   is its value at once (foundation handleInputChange); one it cannot parse only stays typed, and
 *   the picker shows its value again when its panel closes. Enter is never pressed: on a text it
 *   cannot parse Semi takes today (handleInputComplete), which would invent a date the record
 *   lacks. The panel closes on a press outside (and a TimePicker's input formats on blur).
 *
 * `read` gives what the widget displays; apply checks the component's model (React fiber props,
 * framework-state.ts) besides. Checkboxes and radios keep a native input, named by aria-labelledby
 * (native.ts).
 */
import { blur, clickLikeUser, textOf, unusableReason } from '../util.ts';
import { closeStrayPopup, popupSelect, textPicker, typeIntoPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';
import type { WidgetAdapter, WidgetHandle } from './types.ts';
import { waitUntil } from './wait.ts';

const inPortal = (el: Element) => !!el.closest('.semi-portal');
const POPUP = '.semi-popover-wrapper';

export const semiSelect = defineAdapter(popupSelect({
  name: 'semi-select',
  roots: '.semi-select',
  exclude: (el) => inPortal(el) || el.getAttribute('role') !== 'combobox',
  popup: POPUP,
  item: '.semi-select-option:not(.semi-select-option-disabled)',
  itemText: (e) => textOf(e.querySelector('.semi-select-option-text') ?? e, 200),
  multipleDom: (el) => el.classList.contains('semi-select-multiple'),
  tags: '.semi-select-content-wrapper .semi-tag-content',
  tagClose: '.semi-select-content-wrapper .semi-tag-close',
  selected: '.semi-select-selection-text',
  placeholder: '.semi-select-selection-placeholder',
  clearIcon: '.semi-select-clear',
  // a filterable select's box (a multiple one's is there before it opens; a single one's only once open)
  search: '.semi-select-input input:not([readonly])',
  openState: (el) => el.classList.contains('semi-select-open'),
}));

export const semiTreeSelect = defineAdapter(popupSelect({
  name: 'semi-tree-select',
  roots: '.semi-tree-select',
  exclude: (el) => inPortal(el),
  popup: POPUP,
  item: '.semi-tree-option:not(.semi-tree-option-disabled)',
  itemText: (e) => textOf(e.querySelector('.semi-tree-option-label-text') ?? e.querySelector('.semi-tree-option-label') ?? e, 200),
  expand: '.semi-tree-option-collapsed > .semi-tree-option-expand-icon',
  multipleDom: (el) => el.classList.contains('semi-tree-select-multiple'),
  tags: '.semi-tree-select-selection .semi-tag-content',
  tagClose: '.semi-tree-select-selection .semi-tag-close',
  selected: '.semi-tree-select-selection-content',
  placeholder: '.semi-tree-select-selection-placeholder',
  clearIcon: '.semi-tree-select-clearbtn',
  // a searchable one (filterTreeNode) searches in its trigger (searchPosition trigger) or atop its dropdown (the default)
  search: '.semi-tree-select-inputTrigger input:not([readonly]), .semi-tree-select-selection input:not([readonly])',
  popupSearch: '.semi-tree-search-wrapper input:not([readonly])',
  openState: (el) => el.getAttribute('aria-expanded') === 'true',
}));

/** The panel a picker opened (its popover, named by the trigger's data-popupid), while it is drawn. */
function openPanel(h: WidgetHandle): HTMLElement | undefined {
  const id = h.el.querySelector('[data-popupid]')?.getAttribute('data-popupid');
  const p = id ? h.el.ownerDocument.getElementById(id) : null;
  return p && !unusableReason(p) ? p : undefined;
}

/**
 * A Semi picker written by typing into its input, without Enter (see above), then closed by a
 * press outside as a person does; the value is the component's once the panel has gone.
 */
function semiPicker(base: WidgetAdapter, popup: string): WidgetAdapter {
  const inputOf = (h: WidgetHandle) => h.el.querySelector<HTMLInputElement>('input:not([type=hidden])');
  const close = async (h: WidgetHandle) => {
    const input = inputOf(h);
    if (input) blur(input);
    // a press outside at once, as a person leaves the field: blur alone closes neither panel
    // (waiting 150 ms to see it close cost every date and time that much)
    if (openPanel(h)) {
      clickLikeUser(h.el.ownerDocument.body);
      await waitUntil(() => !openPanel(h), { near: h.el, timeout: 600 });
    }
    await closeStrayPopup(h.el, popup);
  };
  return {
    ...base,
    async write(h, v) {
      if (v.type !== 'text') throw new Error('日期控件只接受文本');
      const input = inputOf(h);
      if (!input) throw new Error('找不到日期输入框');
      try { await typeIntoPicker(input, v.text, false, popup, false); } finally { await close(h); }
    },
    async clear(h) {
      await base.clear?.(h);
      await close(h);
    },
  };
}

export const semiDate = defineAdapter(semiPicker(textPicker({
  name: 'semi-date',
  roots: '.semi-datepicker',
  panel: '.semi-datepicker-month-grid, .semi-datepicker-panel-yam',
  // (the panel in its popover is a `.semi-datepicker` too)
  exclude: (el) => inPortal(el) || !el.querySelector('.semi-datepicker-input'),
  input: '.semi-datepicker-input input',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.semi-input-clearbtn',
}), `${POPUP}:has(.semi-datepicker)`));

export const semiTime = defineAdapter(semiPicker(textPicker({
  name: 'semi-time',
  roots: '.semi-timepicker',
  panel: '.semi-timepicker-panel',
  exclude: (el) => inPortal(el),
  timeOnlyDom: () => true,
  dateFormat: 'HH:mm:ss',
  dateTimeFormat: 'HH:mm:ss',
  clearIcon: '.semi-input-clearbtn',
  // (its panel is not in a popover wrapper: the portal holds it directly — looked for in a
  // wrapper, the panel was waited for 600 ms on every time typed)
}), '.semi-portal-inner:has(> .semi-timepicker-panel)'));
