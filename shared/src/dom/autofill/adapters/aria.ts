/**
 * ARIA role widgets, whatever library draws them (Vant, Naive UI, hand-made low-code pages):
 * role=radiogroup/radio, role=checkbox (alone or in a group), role=switch, role=combobox with
 * a listbox, role=spinbutton, role=textbox on a contenteditable. Written by clicking (or typing
 * into) them as a person does; read from what they expose (aria-checked, aria-selected, the
 * combobox's text or value), since that is what assistive technology, and the person, sees.
 * Elements that are native inputs are left to the native adapter.
 */
import { blur, clickLikeUser, key, textOf, typeValue } from '../util.ts';
import { contentEditable } from './contenteditable.ts';
import { openPopup, pickFromPopup } from './popup.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import { itemsOf, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { waitUntil } from './wait.ts';

const NATIVE = 'INPUT,SELECT,TEXTAREA,BUTTON';
const isNative = (el: Element) => el.tagName !== 'BUTTON' && NATIVE.includes(el.tagName);
const checked = (el: Element) => el.getAttribute('aria-checked') === 'true';
const itemText = (el: Element) => el.getAttribute('aria-label') || textOf(el, 80);

/** role=radiogroup (or a group of role=checkbox) with its role=radio/checkbox items. */
export const ariaGroup: WidgetAdapter = defineAdapter({
  name: 'aria-group',
  roots: '[role=radiogroup], [role=group]',
  detect(el) {
    const radios = Array.from(el.querySelectorAll<HTMLElement>('[role=radio]')).filter((r) => !isNative(r));
    const boxes = Array.from(el.querySelectorAll<HTMLElement>('[role=checkbox]')).filter((r) => !isNative(r));
    const items = radios.length ? radios : boxes;
    if (items.length < 2 || el.querySelector('input[type=radio], input[type=checkbox]')) return undefined; // native groups: the native adapter
    const kind = radios.length ? 'radio' : 'checkboxes';
    return { el: el as HTMLElement, items, visible: items[0]!, kind, options: items.map((i) => ({ value: i.getAttribute('data-value') ?? itemText(i), text: itemText(i) })), ...(kind === 'checkboxes' ? { multiple: true } : {}), claims: items };
  },
  read(h) {
    const on = (h.items ?? []).filter(checked).map(itemText);
    return h.kind === 'radio' ? on[0] ?? null : on;
  },
  async write(h, v) {
    const items = itemsOf(v);
    const all = h.items ?? [];
    const want = (i: HTMLElement) => items.some((it) => (it.value !== undefined && it.value === i.getAttribute('data-value')) || matchesAny(itemText(i), it.candidates));
    if (all.filter(want).length < items.length) throw new Error('找不到选项');
    for (const i of all) {
      const w = want(i);
      if (checked(i) !== w && (w || h.kind === 'checkboxes')) {
        clickLikeUser(i);
        await waitUntil(() => checked(i) === w, { root: h.el, timeout: 600 });
      }
    }
  },
  async clear(h) { for (const i of h.items ?? []) if (checked(i) && h.kind === 'checkboxes') clickLikeUser(i); },
}, PRIORITY.aria);

/** A single role=checkbox or role=switch (a yes/no question). */
export const ariaToggle: WidgetAdapter = defineAdapter({
  name: 'aria-toggle',
  roots: '[role=switch], [role=checkbox]',
  detect(el) {
    if (isNative(el) || el.closest('[role=radiogroup], [role=group]')?.querySelectorAll('[role=checkbox]').length! > 1) return undefined;
    return { el: el as HTMLElement, visible: el, kind: 'checkbox' };
  },
  read: (h) => checked(h.el),
  async write(h, v) {
    if (v.type !== 'check') throw new Error('开关只接受是/否');
    if (checked(h.el) === v.checked) return;
    clickLikeUser(h.el);
    await waitUntil(() => checked(h.el) === v.checked, { root: h.el, timeout: 600 });
  },
  async clear(h) { if (checked(h.el)) clickLikeUser(h.el); },
}, PRIORITY.aria);

/** role=combobox that opens a role=listbox: open, find the option by its text, click it. */
const listboxOf = (h: WidgetHandle) => h.el.getAttribute('aria-controls') || h.el.getAttribute('aria-owns');
export const ariaCombobox: WidgetAdapter = defineAdapter({
  name: 'aria-combobox',
  roots: '[role=combobox]',
  detect(el) {
    if (isNative(el) && el.tagName !== 'INPUT') return undefined;
    if (el.tagName === 'INPUT' && !el.getAttribute('aria-controls') && !el.getAttribute('aria-owns')) return undefined;
    const multiple = el.getAttribute('aria-multiselectable') === 'true';
    return { el: el as HTMLElement, visible: el, kind: multiple ? 'multiselect' : 'select', ...(multiple ? { multiple } : {}) };
  },
  read(h) {
    const t = h.el.tagName === 'INPUT' ? (h.el as HTMLInputElement).value : (h.el.getAttribute('aria-valuetext') ?? textOf(h.el, 200));
    if (h.multiple) return t ? t.split(/[、,，]\s*/).filter(Boolean) : [];
    return t && t !== h.el.getAttribute('aria-placeholder') ? t : null;
  },
  async write(h, v) {
    const items = itemsOf(v);
    for (const it of items) {
      const popup = await openPopup(h.el, h.el, '[role=listbox]');
      if (!popup) throw new Error('下拉框没有打开');
      const opt = await pickFromPopup(popup, '[role=option]', itemText, it.candidates);
      if (!opt) { key(h.el, 'Escape'); throw new Error('找不到选项'); }
      clickLikeUser(opt);
      await waitUntil(() => h.el.getAttribute('aria-expanded') !== 'true' || opt.getAttribute('aria-selected') === 'true', { near: h.el, timeout: 600 });
    }
    if (h.el.getAttribute('aria-expanded') === 'true') key(h.el, 'Escape');
    void listboxOf;
  },
}, PRIORITY.aria);

/** role=spinbutton that is not a native input: focus and type, or step with arrow keys is not needed. */
export const ariaSpin: WidgetAdapter = defineAdapter({
  name: 'aria-spinbutton',
  roots: '[role=spinbutton]',
  detect(el) {
    if (el.tagName === 'INPUT') return undefined; // a native number input
    const input = el.querySelector('input');
    return { el: el as HTMLElement, visible: el, kind: 'number', ...(input ? { claims: [input] } : {}) };
  },
  read: (h) => h.el.getAttribute('aria-valuenow') ?? (h.el.querySelector('input')?.value || textOf(h.el)) ?? null,
  async write(h, v) {
    if (v.type !== 'text') throw new Error('数字框只接受数字');
    const input = h.el.querySelector('input');
    if (input) { typeValue(input, v.text); return; }
    h.el.focus();
    h.el.textContent = v.text;
    h.el.dispatchEvent(new (h.el.ownerDocument.defaultView!).InputEvent('input', { bubbles: true, data: v.text }));
    blur(h.el);
  },
}, PRIORITY.aria);

/** role=textbox drawn with contenteditable: as contenteditable. */
export const ariaTextbox: WidgetAdapter = defineAdapter({
  ...contentEditable,
  name: 'aria-textbox',
  roots: '[role=textbox][contenteditable]:not([contenteditable=false])',
  detect(el) {
    const h = contentEditable.detect(el);
    return h && el.getAttribute('aria-multiline') !== 'true' ? { ...h, kind: 'text' } : h;
  },
}, PRIORITY.aria);
