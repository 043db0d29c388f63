/**
 * Fusion Next (@alifd/next, React): Select (single, multiple, searchable), CascaderSelect (the
 * same `next-select` trigger; told apart by its React props, else by the popup it opens), and
 * DatePicker / MonthPicker, whose trigger input is read-only: the date is typed into the input
 * at the top of its panel, taken with Enter, and a date-time is confirmed with the panel's
 * 确定. `read` gives what the widget displays; apply checks the component's model (the current
 * React fiber's props, framework-state.ts) besides.
 */
import { blur, clickLikeUser, key, textOf, unusableReason } from '../util.ts';
import { componentOf } from '../framework-state.ts';
import { closeStrayPopup, menuCascader, openPopup, popupSelect, textPicker, typeSearch } from './popup.ts';
import { defineAdapter } from './registry.ts';
import type { WidgetAdapter } from './types.ts';
import { nextFrame, waitUntil } from './wait.ts';

/** A CascaderSelect by its props (a dataSource with children) when the page world is reachable. */
function isCascader(el: Element): boolean {
  if (el.classList.contains('next-cascader-select')) return true;
  const ds = componentOf(el, ['dataSource'])?.props.dataSource;
  return Array.isArray(ds) && ds.some((d) => d && typeof d === 'object' && Array.isArray((d as { children?: unknown }).children));
}

const inOverlay = (el: Element) => !!el.closest('.next-overlay-wrapper');

export const fusionCascader = defineAdapter(menuCascader({
  name: 'fusion-cascader',
  roots: '.next-select',
  exclude: (el) => inOverlay(el) || !isCascader(el),
  trigger: '.next-select-inner',
  menu: '.next-overlay-wrapper.opened .next-cascader-menu',
  node: '.next-cascader-menu-item',
  nodeText: (n) => n.getAttribute('title') ?? textOf(n, 200),
  isLeaf: (n) => !n.querySelector('.next-cascader-menu-icon-expand'),
  selected: '.next-select-values em, .next-select-values .next-select-trigger-search input',
  search: 'input:not([readonly])',
  searchItem: '.next-overlay-wrapper.opened .next-cascader-filtered-item, .next-overlay-wrapper.opened .next-select-menu-item',
  clearIcon: '.next-select-clear',
}));

export const fusionSelect = defineAdapter(popupSelect({
  name: 'fusion-select',
  roots: '.next-select',
  exclude: (el) => inOverlay(el) || isCascader(el),
  trigger: '.next-select-inner',
  popup: '.next-overlay-inner',
  item: '.next-select-menu-item',
  itemText: (e) => e.getAttribute('title') ?? textOf(e, 200),
  multipleDom: (el) => el.classList.contains('next-select-multiple') || el.classList.contains('next-select-tag'),
  tags: '.next-select-values .next-tag-body',
  tagClose: '.next-select-values .next-tag-close-btn',
  selected: '.next-select-values em',
  clearIcon: '.next-select-clear',
  search: 'input:not([readonly])',
}));

const dateBase = textPicker({
  name: 'fusion-date',
  roots: '.next-date-picker, .next-month-picker, .next-year-picker',
  exclude: (el) => inOverlay(el),
  input: '.next-input input',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.next-input-clear-icon, .next-icon-delete-filling',
});

const BODY = '.next-overlay-inner';

/**
 * DatePicker2 (Fusion 1.25+, dayjs): its input is editable; a typed date is taken with Enter
 * once its panel is open (before, the native adapter wrote the text, the picker dropped it, and
 * the DOM read back "filled").
 */
export const fusionDate2 = defineAdapter(textPicker({
  name: 'fusion-date2',
  roots: '.next-date-picker2',
  exclude: (el) => inOverlay(el),
  input: '.next-date-picker2-input input, input',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.next-input-clear-icon, .next-icon-delete-filling',
  popup: BODY,
}));

/**
 * Fusion 1.x shows a date-time as its date `format` plus `showTime.format` (default HH:mm:ss),
 * and its panel has one input for each part: the time input opens once a date is taken.
 */
function fusionFormat(el: Element): string | undefined {
  const p = componentOf(el, ['showTime', 'format'])?.props;
  if (!p || !p.showTime) return undefined;
  const date = typeof p.format === 'string' ? p.format : 'YYYY-MM-DD';
  const st = p.showTime as { format?: unknown } | boolean;
  const time = typeof st === 'object' && typeof st.format === 'string' ? st.format : 'HH:mm:ss';
  return /[Hh]/.test(date) ? date : `${date} ${time}`;
}

async function typeAndEnter(input: HTMLInputElement, text: string): Promise<void> {
  typeSearch(input, text);
  await nextFrame(input);
  key(input, 'Enter');
  await nextFrame(input);
}

export const fusionDate: WidgetAdapter = defineAdapter({
  ...dateBase,
  detect(el) {
    const h = dateBase.detect(el);
    const f = h ? fusionFormat(el) : undefined;
    return h && f ? { ...h, kind: 'datetime', dateFormat: f } : h;
  },
  async write(h, v) {
    if (v.type !== 'text') throw new Error('日期控件只接受文本');
    const trigger = h.el.querySelector<HTMLElement>('.next-input input') ?? h.el;
    const popup = await openPopup(h.el, trigger, BODY);
    const inputs = () => Array.from(popup?.querySelectorAll<HTMLInputElement>('[class*="picker-panel-input"] input') ?? []);
    const first = popup ? await waitUntil(() => inputs().find((i) => !i.disabled), { root: popup, timeout: 800 }) : undefined;
    if (!popup || !first) throw new Error('日期面板没有打开');
    try {
      const split = inputs().length > 1 && h.kind === 'datetime' ? /^(\S+)\s+(.+)$/.exec(v.text.trim()) : null;
      await typeAndEnter(first, split ? split[1]! : v.text);
      if (split) {
        const time = await waitUntil(() => { const t = inputs()[1]; return t && !t.disabled ? t : undefined; }, { root: popup, timeout: 800 });
        if (!time) throw new Error('时间输入框没有打开');
        await typeAndEnter(time, split[2]!);
      }
      // a date-time stays pending until the panel's 确定
      const ok = Array.from(popup.querySelectorAll<HTMLButtonElement>('[class*="panel-footer"] button')).find((b) => /^(确定|确认|OK|Ok)$/.test(textOf(b)) && !b.disabled && !unusableReason(b));
      if (ok) { clickLikeUser(ok); await nextFrame(first); }
    } finally {
      if (popup.isConnected && !unusableReason(popup)) { key(first, 'Escape'); blur(first); }
      await closeStrayPopup(h.el, BODY);
    }
  },
});
