/**
 * jQuery EasyUI 1.x: `easyui-combobox` and `easyui-datebox` / `datetimebox` hide the original
 * element (class `combo-f`) and draw a `span.textbox.combo` after it: a text input, an arrow and
 * hidden `textbox-value` inputs carrying the value. Their dropdown panel (`.combo-p`) is appended
 * to body. A combobox is written by opening the panel with its arrow and clicking the item (each
 * wanted item for a multiple one); a date by typing it and pressing Enter, which EasyUI parses
 * with its own formatter (yyyy-MM-dd with the zh_CN locale). Tested with the unofficial npm copy
 * `jquery-easyui` (1.5.21): the official package is not on npm.
 */
import { blur, clickLikeUser, key, setNativeValue, textOf, unusableReason } from '../util.ts';
import { closeStrayPopup, openPopup, pickFromPopup, textPicker, visibleIn } from './popup.ts';
import { defineAdapter } from './registry.ts';
import { itemsOf, same, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { nextFrame, waitUntil } from './wait.ts';

const PANEL = '.combo-p';
const original = (el: Element) => { const o = el.previousElementSibling; return o?.classList.contains('combo-f') ? o : null; };
const textInput = (h: { el: Element }) => h.el.querySelector<HTMLInputElement>('input.textbox-text');
const options = (o: Element) => o.getAttribute('data-options') ?? '';

export const easyuiCombobox: WidgetAdapter = defineAdapter({
  name: 'easyui-combobox',
  roots: 'span.textbox.combo',
  detect(el) {
    const o = original(el);
    if (!o || !o.classList.contains('combobox-f')) return undefined;
    const multiple = (o as HTMLSelectElement).multiple === true || /multiple\s*:\s*true/.test(options(o));
    const input = textInput({ el });
    return { el: el as HTMLElement, visible: el, labelTarget: input ?? el, kind: multiple ? 'multiselect' : 'select', multiple, claims: [o, ...Array.from(el.querySelectorAll('input'))] };
  },
  read(h) {
    const t = textInput(h)?.value.trim() ?? '';
    if (h.multiple) return t ? t.split(/\s*[,，]\s*/).filter(Boolean) : [];
    return t || null;
  },
  async write(h, v) {
    const items = itemsOf(v);
    if (!h.multiple && items.length !== 1) throw new Error('单选下拉框只接受一个选项');
    const arrow = h.el.querySelector<HTMLElement>('.combo-arrow') ?? h.el;
    const doc = h.el.ownerDocument;
    const panel = await openPopup(h.el, arrow, PANEL);
    if (!panel) throw new Error('下拉框没有打开');
    const open = () => panel.isConnected && !unusableReason(panel);
    const itemText = (e: HTMLElement) => textOf(e, 200);
    try {
      if (h.multiple) {
        // un-choose what is not wanted, choose what is (a click toggles an item)
        const want = (e: HTMLElement) => items.some((it) => it.candidates.some((c) => same(itemText(e), c)));
        for (const e of Array.from(panel.querySelectorAll<HTMLElement>('.combobox-item-selected'))) if (!want(e)) { clickLikeUser(e); await waitUntil(() => !e.classList.contains('combobox-item-selected'), { root: panel, timeout: 600 }); }
      }
      for (const it of items) {
        const item = await pickFromPopup(panel, '.combobox-item', itemText, it.candidates, { scrollHolder: '.combo-panel' });
        if (!item) throw new Error('找不到选项');
        if (h.multiple && item.classList.contains('combobox-item-selected')) continue;
        clickLikeUser(item);
        await waitUntil(() => item.classList.contains('combobox-item-selected') || !open(), { root: doc.body, timeout: 600 });
      }
    } finally {
      // a multiple combobox stays open: a click outside closes it, as a person's does
      if (open()) { clickLikeUser(doc.body); await waitUntil(() => !open(), { root: doc.body, timeout: 600 }); }
      const input = textInput(h); if (input) blur(input);
    }
  },
  async clear(h) {
    const panel = await openPopup(h.el, h.el.querySelector('.combo-arrow') ?? h.el, PANEL);
    for (const e of Array.from(panel?.querySelectorAll<HTMLElement>('.combobox-item-selected') ?? [])) if (h.multiple) clickLikeUser(e);
    if (panel && !unusableReason(panel)) clickLikeUser(h.el.ownerDocument.body);
  },
} satisfies WidgetAdapter);

const dateBase = textPicker({
  name: 'easyui-date',
  roots: 'span.textbox.combo.datebox',
  input: 'input.textbox-text',
  dateFormat: 'YYYY-MM-DD',
  dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
  popup: PANEL,
});

export const easyuiDate: WidgetAdapter = defineAdapter({
  ...dateBase,
  detect(el) {
    const o = original(el);
    if (!o || !(o.classList.contains('datebox-f') || o.classList.contains('datetimebox-f'))) return undefined;
    // the text input and the hidden value input: textPicker's one-input check does not apply
    const input = textInput({ el });
    if (!input) return undefined;
    const h: WidgetHandle = { el: el as HTMLElement, visible: el, labelTarget: input, kind: 'date', claims: Array.from(el.querySelectorAll('input')) };
    const withTime = o.classList.contains('datetimebox-f');
    const noSeconds = /showSeconds\s*:\s*false/.test(options(o));
    return { ...h, kind: withTime ? 'datetime' : 'date', dateFormat: withTime ? (noSeconds ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss') : 'YYYY-MM-DD', claims: [o, ...(h.claims ?? [])] } satisfies WidgetHandle;
  },
  /**
   * EasyUI parses typed text only in its keydown handler (after its `delay`), and Enter takes the
   * calendar's current day: so type as a key press would, wait until the calendar shows the
   * typed day (its cell's abbr is y,m,d), then press Enter.
   */
  async write(h, v) {
    if (v.type !== 'text') throw new Error('日期控件只接受文本');
    const input = textInput(h);
    if (!input) throw new Error('找不到日期输入框');
    const doc = h.el.ownerDocument;
    const W = doc.defaultView as Window & typeof globalThis;
    const before = new Set(visibleIn(doc, PANEL));
    clickLikeUser(input);
    input.focus({ preventScroll: true });
    setNativeValue(input, v.text);
    const last = v.text.slice(-1) || '0';
    input.dispatchEvent(new W.KeyboardEvent('keydown', { key: last, code: /\d/.test(last) ? `Digit${last}` : '', keyCode: last.charCodeAt(0), which: last.charCodeAt(0), bubbles: true, cancelable: true }));
    input.dispatchEvent(new W.InputEvent('input', { bubbles: true, inputType: 'insertText', data: last }));
    const [y, m, d] = (v.text.match(/\d+/g) ?? []).map(Number);
    const shown = () => visibleIn(doc, PANEL).find((p) => !before.has(p) && !!p.querySelector(`td.calendar-selected[abbr="${y},${m},${d}"]`));
    await waitUntil(shown, { near: h.el, timeout: 1500 });
    key(input, 'Enter');
    await nextFrame(input);
    await closeStrayPopup(h.el, PANEL);
    blur(input);
  },
});
