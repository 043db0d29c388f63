/**
 * vxe-pc-ui 4 (Vue 3; the VxeUI of vxe-table's OA and admin systems): vxe-select and
 * vxe-date-picker. vxe-select draws a read-only vxe-input showing the chosen labels (a multiple
 * one joins them with ", ", no tags) and its panel `.vxe-select--panel` (moved to body when
 * `transfer`, class `is--transfer`) holds `.vxe-select-option` items and, when filterable, the
 * search box; the panel is open while it carries `ani--enter`, and a multiple select's panel
 * stays open after each click. Typed text never reaches its model, so options are clicked.
 * vxe-date-picker parses the typed text with its label format (`labelFormat`, default
 * yyyy-MM-dd / yyyy-MM-dd HH:mm:ss) on Enter and emits its `valueFormat`: typed as textPicker
 * does. `read` gives what the widget displays; apply checks the component's modelValue besides.
 * vxe-input, vxe-number-input and vxe-textarea keep a native input that emits its model on
 * `input`: the native adapter takes them.
 */
import { normalizeDateFormat } from '../../../core/autofill/convert.ts';
import { blur, clickLikeUser, key, textOf, unusableReason } from '../util.ts';
import { componentOf } from '../framework-state.ts';
import { multipleByProps, openOwnPopup, pickFromPopup, textPicker, typeSearch, visibleIn } from './popup.ts';
import { defineAdapter } from './registry.ts';
import { itemsOf, same, type ReadValue, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { waitUntil } from './wait.ts';

const PANEL = '.vxe-select--panel';
const ITEM = '.vxe-select-option:not(.vxe-select-optgroup)';
/** The library's join of a multiple select's labels in its input. */
const JOIN = ', ';

const inputOf = (el: Element) => el.querySelector<HTMLInputElement>('input.vxe-input--inner') ?? el.querySelector('input');
const isOpen = (el: Element) => el.classList.contains('is--visible');
const itemText = (e: HTMLElement) => textOf(e.querySelector('.vxe-select-option--label') ?? e, 200);
/** The panel of this select that is open (`ani--enter`): the one opened from its input. */
const panelOpen = (p: HTMLElement | undefined) => !!p && p.isConnected && p.classList.contains('ani--enter') && !unusableReason(p);

/**
 * The chosen labels: the input's title holds them all (its text is cut to the first
 * multiCharOverflow labels and "..." once a multiple select holds more).
 */
const labelOf = (el: Element) => { const i = inputOf(el); return (i?.getAttribute('title') || i?.value || '').trim(); };

function shown(h: WidgetHandle): ReadValue {
  const text = labelOf(h.el);
  if (h.multiple) return text ? text.split(JOIN).map((t) => t.trim()).filter(Boolean) : [];
  return text || null;
}

/**
 * Opens the select's panel, or takes the one it opened itself. A select vxe-table focuses in an
 * edit cell opens its panel after a 10 ms timer and swallows the next click for 500 ms: the grid
 * waits for that opening (grid.ts openCell), and openOwnPopup (popup.ts) takes an open panel as
 * it is and clicks once more when a click was swallowed. What is vxe's own: the select says it
 * is open with `is--visible`, a panel is open only while it carries `ani--enter` (closed panels
 * stay in the page), and 700 ms a click outlasts the guard.
 */
const openOwn = (h: WidgetHandle, opener: Element) => openOwnPopup(h.el, opener, PANEL, { open: () => isOpen(h.el), shown: panelOpen, timeout: 700 });

async function close(h: WidgetHandle, panel: HTMLElement | undefined): Promise<void> {
  const input = inputOf(h.el);
  if (isOpen(h.el) || panelOpen(panel)) {
    // Escape is heard by the select's global keydown; a press outside closes it otherwise
    if (input) key(input, 'Escape');
    if (!(await waitUntil(() => !isOpen(h.el), { root: h.el, timeout: 200 }))) clickLikeUser(h.el.ownerDocument.body);
  }
  if (input) blur(input);
  await waitUntil(() => !isOpen(h.el) && !panelOpen(panel), { root: h.el, timeout: 800 });
}

export const vxeSelect: WidgetAdapter = defineAdapter({
  name: 'vxe-select',
  roots: '.vxe-select',
  dropdown: { popup: PANEL, item: ITEM },
  expanded: (h) => isOpen(h.el),
  detect(el) {
    if (el.closest(PANEL)) return undefined;
    const multiple = multipleByProps(el);
    const visible = el.querySelector('.vxe-input') ?? el;
    return { el: el as HTMLElement, visible, labelTarget: inputOf(el) ?? el, kind: multiple ? 'multiselect' : 'select', multiple, claims: Array.from(el.querySelectorAll('input')) };
  },
  read: shown,
  ready: (h) => !h.el.classList.contains('is--loading'),
  async write(h, v) {
    const items = itemsOf(v);
    if (!h.multiple && items.length !== 1) throw new Error('单选下拉框只接受一个选项');
    const opener = inputOf(h.el) ?? h.el;
    let panel: HTMLElement | undefined;
    try {
      if (h.multiple && (shown(h) as string[]).length) await clearMultiple(h);
      for (const it of items) {
        if (!panelOpen(panel)) panel = await openOwn(h, opener);
        if (!panel) throw new Error('下拉框没有打开');
        let item = await pickFromPopup(panel, ITEM, itemText, it.candidates, { scrollHolder: '.vxe-select-option--wrapper' });
        const box = panel.querySelector<HTMLInputElement>('.vxe-select-search--input input');
        if (!item && box) {
          // filterable: the panel's own search box narrows the list, as a person types into it
          for (const c of it.candidates) {
            typeSearch(box, c);
            item = await waitUntil(() => Array.from(panel!.querySelectorAll<HTMLElement>(ITEM)).find((i) => same(itemText(i), c)), { root: panel, timeout: 1200, idle: 300 });
            if (item) break;
          }
        }
        if (!item) throw new Error('找不到选项');
        if (h.multiple && item.classList.contains('is--selected')) continue;
        const before = labelOf(h.el);
        clickLikeUser(item);
        await waitUntil(() => labelOf(h.el) !== before, { root: h.el, timeout: 800 });
      }
    } finally {
      await close(h, panel);
    }
  },
  async clear(h) {
    if (h.multiple) { await clearMultiple(h); return; }
    if (shown(h) === null) return;
    // the clear icon shows on hover (clearable); without one a single select cannot be emptied
    const input = inputOf(h.el);
    for (const e of [h.el, h.el.querySelector('.vxe-input')]) if (e) e.dispatchEvent(new MouseEvent('mouseenter'));
    const icon = h.el.querySelector<HTMLElement>('.vxe-input--clear-icon');
    if (!icon || !componentOf(h.el, ['clearable'])?.props.clearable) throw new Error('该下拉框不能清空');
    clickLikeUser(icon);
    await waitUntil(() => !input?.value, { root: h.el, timeout: 600 });
    await close(h, undefined);
  },
});

/** A multiple select is emptied as a person does: each chosen option clicked off in its panel. */
async function clearMultiple(h: WidgetHandle): Promise<void> {
  const panel = await openOwn(h, inputOf(h.el) ?? h.el);
  if (!panel) throw new Error('下拉框没有打开');
  try {
    for (let i = 0; i < 200; i++) {
      const on = Array.from(panel.querySelectorAll<HTMLElement>(`${ITEM}.is--selected`))[0];
      if (!on) break;
      clickLikeUser(on);
      if (!(await waitUntil(() => !on.isConnected || !on.classList.contains('is--selected'), { root: panel, timeout: 600 }))) throw new Error('不能移除已选项');
    }
  } finally {
    await close(h, panel);
  }
  if ((shown(h) as string[]).length) throw new Error('不能移除已选项');
}

/** The format a vxe-date-picker shows and parses: its labelFormat, else the type's default. */
const base = textPicker({
  name: 'vxe-date',
  roots: '.vxe-date-picker',
  panel: '.vxe-date-picker--panel',
  popup: '.vxe-date-picker--panel',
  input: 'input.vxe-date-picker--inner',
  exclude: (el) => !!el.closest('.vxe-date-picker--panel'),
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  clearIcon: '.vxe-date-picker--clear-icon',
});

export const vxeDate: WidgetAdapter = defineAdapter({
  ...base,
  detect(el) {
    const h = base.detect(el);
    if (!h) return undefined;
    const p = componentOf(el, ['labelFormat', 'valueFormat', 'type'])?.props ?? {};
    const type = typeof p.type === 'string' ? p.type : 'date';
    if (!/^(date|datetime)$/.test(type)) return { ...h, kind: 'date', ...(type === 'month' ? { dateFormat: 'YYYY-MM' } : type === 'year' ? { dateFormat: 'YYYY' } : {}) };
    const kind = type === 'datetime' ? 'datetime' : 'date';
    const fmt = typeof p.labelFormat === 'string' && p.labelFormat ? normalizeDateFormat(p.labelFormat) : kind === 'datetime' ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD';
    return { ...h, kind, dateFormat: fmt };
  },
  async write(h, v) {
    await base.write(h, v);
    // the panel closes on Enter; one left open (a press elsewhere closes it) would cover the next field
    const doc = h.el.ownerDocument;
    const open = () => visibleIn(doc, '.vxe-date-picker--panel.ani--enter');
    if (open().length && !(await waitUntil(() => open().length === 0, { near: h.el, timeout: 200 }))) clickLikeUser(doc.body);
  },
});
