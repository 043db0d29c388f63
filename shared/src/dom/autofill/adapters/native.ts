/**
 * Native controls: input, textarea, select, radio and checkbox groups. Read from the DOM
 * (the control's own value is the page's state; React and Vue bind to it through the events the
 * write fires). Registered last: every library adapter is tried first.
 */
import type { ControlKind } from '../../../core/autofill/types.ts';
import { blur, clickLikeUser, fire, setNativeValue, textOf, typeValue, unusableReason } from '../util.ts';
import { itemsOf, isInput, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import { nextFrame, waitUntil } from './wait.ts';
// ---------------------------------------------------------------- native inputs

const TEXT_TYPES = ['text', 'search', 'tel', 'email', 'url', 'number', 'date', 'datetime-local', 'month', 'time', ''];

function optionTextOfInput(input: HTMLInputElement): string {
  const wrap = input.closest('label');
  if (wrap) { const t = textOf(wrap); if (t) return t; }
  if (input.id) {
    const l = input.ownerDocument.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (l) { const t = textOf(l); if (t) return t; }
  }
  // a box drawn without a label around it names its text by aria (Semi's checkbox: a span whose
  // input is aria-labelledby its addon text); read as the text after it, it was its value "on"
  const named = ariaText(input);
  if (named) return named;
  // text right after the input: <input type=radio> 男
  let n = input.nextSibling;
  let out = '';
  while (n && out.length < 20) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.matches('input,select,textarea,br')) break;
      out += textOf(e);
    }
    n = n.nextSibling;
  }
  return out.trim() || input.value;
}

/** The text an input's aria-labelledby elements hold, else its aria-label. */
function ariaText(input: HTMLInputElement): string {
  const root = input.getRootNode() as Document | ShadowRoot;
  const ids = (input.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const t = ids.map((id) => root.getElementById?.(id)).filter((e): e is HTMLElement => !!e && e !== input).map((e) => textOf(e)).join(' ').trim();
  return t || (input.getAttribute('aria-label') ?? '').trim();
}

/** Radios or checkboxes that form one question: same name in the same form, or the same group element. */
export function groupOf(input: HTMLInputElement): HTMLInputElement[] {
  const container = input.closest('[role="radiogroup"],[role="group"],.el-radio-group,.el-checkbox-group,.ant-radio-group,.ant-checkbox-group,.next-radio-group,.next-checkbox-group,.t-radio-group,.t-checkbox-group,.n-radio-group,.n-checkbox-group,.arco-radio-group,.arco-radio-group-button,.arco-checkbox-group,.ivu-radio-group,.ivu-checkbox-group,.van-radio-group,.van-checkbox-group,.semi-radioGroup,.semi-checkboxGroup');
  const root: ParentNode = input.form ?? container ?? (input.getRootNode() as ParentNode);
  const type = input.type;
  if (input.name) {
    let named = Array.from(root.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`)).filter((i) => i.name === input.name);
    // a library that gives every group the same name (Semi: "default") draws each in its own
    // group element: the boxes of that element are the question, not every box of the form
    const inside = container ? named.filter((i) => container.contains(i)) : named;
    if (inside.length > 1 && inside.length < named.length) named = inside;
    return named.length === 1 && type === 'checkbox' ? indexedList(input, root) ?? named : named;
  }
  if (container) return Array.from(container.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`));
  return layoutGroup(input) ?? [input];
}

/** How far up an unnamed box's list is looked for (its label, the list's rows, the list). */
const LAYOUT_GROUP_LEVELS = 5;

/**
 * Unnamed radios or boxes of a library that keeps the choice in its model, not in a name (amis's
 * radios and checkboxes draw bare inputs in labels): the boxes of one question sit together in an
 * element holding no other field. The nearest element around the box holding another unnamed box of
 * its type is the list when it holds nothing else; never climbed past a table row (a table's
 * selection column is not one question).
 */
function layoutGroup(input: HTMLInputElement): HTMLInputElement[] | undefined {
  const type = input.type;
  let group: HTMLInputElement[] | undefined;
  let loose = 0;
  for (let p = input.parentElement, i = 0; p && i < LAYOUT_GROUP_LEVELS && !/^(TR|TBODY|THEAD|TABLE|FORM|BODY)$/.test(p.tagName); p = p.parentElement, i++) {
    const fields = Array.from(p.querySelectorAll<HTMLInputElement>('input, select, textarea')).filter((e) => e.type !== 'hidden');
    const same = fields.filter((e) => e.tagName === 'INPUT' && e.type === type && !e.name);
    if (fields.length > same.length) return group;
    if (same.length < 2) continue;
    // a list laid out in rows (a grid of columns): climbed while the wider element adds only boxes
    // with their own labels — text beside them is the question's label: that element is the field's
    const text = looseText(p, same);
    if (group && text > loose) return group;
    group = same;
    loose = text;
  }
  return group;
}

/** Length of the text in `el` outside the labels of `boxes` (spaces ignored). */
function looseText(el: Element, boxes: readonly HTMLInputElement[]): number {
  const len = (e: Element) => (e.textContent ?? '').replace(/\s+/g, '').length;
  const labels = new Set(boxes.map((b) => b.closest('label')).filter((l): l is HTMLLabelElement => !!l && el.contains(l)));
  let n = len(el);
  for (const l of labels) n -= len(l);
  return n;
}

/** A box name that ends in its item's index: ASP.NET CheckBoxList (`ctl00$Main$cblX$0`) or indexed form binding (`units[0]`). */
const INDEXED_NAME = /^(.+?)(\$\d+|\[\d+\])$/;

/**
 * The boxes of a list whose items each post under their own indexed name (ASP.NET CheckBoxList,
 * Spring/Struts `x[0]`, `x[1]`): one question, like boxes sharing a name. Only when the boxes sit
 * together, in an element that holds no other field, so separate questions are never merged.
 */
function indexedList(input: HTMLInputElement, root: ParentNode): HTMLInputElement[] | undefined {
  const m = INDEXED_NAME.exec(input.name);
  if (!m) return undefined;
  const [, stem, index] = m;
  const same = (i: HTMLInputElement) => { const k = INDEXED_NAME.exec(i.name); return !!k && k[1] === stem && k[2]![0] === index![0]; };
  const list = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).filter(same);
  if (list.length < 2) return undefined;
  let box: Element | null = input.parentElement;
  while (box && !list.every((i) => box!.contains(i))) box = box.parentElement;
  if (!box) return undefined;
  const others = Array.from(box.querySelectorAll('input, select, textarea')).filter((e) => !list.includes(e as HTMLInputElement) && (e as HTMLInputElement).type !== 'hidden');
  return others.length === 0 ? list : undefined;
}

function groupVisible(group: HTMLInputElement[]): Element {
  // a styled radio hides the input itself; the label around it is what the user sees and clicks
  const first = group[0]!;
  if (!unusableReason(first)) return first;
  return first.closest('label') ?? first.parentElement ?? first;
}

/**
 * A styled radio or checkbox hides its input: click the label a person clicks (some libraries,
 * TDesign among them, listen there), which the browser forwards to the input; else the input.
 */
function toggle(i: HTMLInputElement): void {
  const label = unusableReason(i) ? i.closest('label') : null;
  if (label) clickLikeUser(label); else i.click();
}

/** How long one tick of a box in a list is given to show in its model before the next is clicked (ms). */
const TICK_TAKES_MS = 300;

export const nativeInput: WidgetAdapter = {
  aliases: ['element-radio', 'element-checkbox', 'antd-radio', 'antd-checkbox', 'layui-date'],
  name: 'native',
  detect(el) {
    if (el.tagName === 'TEXTAREA') return { el: el as HTMLElement, visible: el, kind: 'textarea', readOnly: (el as HTMLTextAreaElement).readOnly };
    if (el.tagName === 'SELECT') {
      const s = el as HTMLSelectElement;
      const options = Array.from(s.options).filter((o) => o.value !== '' || o.text.trim() !== '').filter((o) => !/^[-—\s]*(请选择|--|选择)/.test(o.text.trim()) || o.value !== '').map((o) => ({ value: o.value, text: o.text.trim() }));
      return { el: s, visible: s, kind: s.multiple ? 'multiselect' : 'select', options, multiple: s.multiple };
    }
    if (isInput(el, 'radio')) {
      const group = groupOf(el);
      return { el: group[0]!, group, visible: groupVisible(group), kind: 'radio', options: group.map((i) => ({ value: i.value, text: optionTextOfInput(i) })), claims: group };
    }
    if (isInput(el, 'checkbox')) {
      const group = groupOf(el);
      if (group.length > 1) return { el: group[0]!, group, visible: groupVisible(group), kind: 'checkboxes', options: group.map((i) => ({ value: i.value, text: optionTextOfInput(i) })), multiple: true, claims: group };
      return { el: el, visible: groupVisible([el]), kind: 'checkbox' };
    }
    if (isInput(el, ...TEXT_TYPES)) {
      const t = (el.type || 'text').toLowerCase();
      const kind: ControlKind = t === 'number' ? 'number' : t === 'date' || t === 'month' ? 'date' : t === 'datetime-local' ? 'datetime' : 'text';
      return { el, visible: el, kind, readOnly: el.readOnly };
    }
    return undefined;
  },
  read(h) {
    const el = h.el;
    if (h.group && h.kind === 'radio') {
      const c = h.group.find((i) => i.checked);
      return c ? optionTextOfInput(c) : null;
    }
    if (h.group) return h.group.filter((i) => i.checked).map(optionTextOfInput);
    if (h.kind === 'checkbox') return (el as HTMLInputElement).checked;
    if (el.tagName === 'SELECT') {
      const s = el as HTMLSelectElement;
      const sel = Array.from(s.selectedOptions).filter((o) => o.value !== '');
      return s.multiple ? sel.map((o) => o.text.trim()) : sel[0]?.text.trim() ?? null;
    }
    return (el as HTMLInputElement).value;
  },
  async write(h, v) {
    const el = h.el;
    if (h.group && (v.type === 'option' || v.type === 'options')) {
      const items = v.type === 'option' ? [v] : v.items;
      const wanted = (i: HTMLInputElement) => items.some((it) => (it.value !== undefined && it.value === i.value && i.value !== 'on') || matchesAny(optionTextOfInput(i), it.candidates));
      const targets = h.group.filter(wanted);
      if (targets.length < items.length) throw new Error('找不到选项');
      // one box at a time, as a person ticks them: a framework may keep each box's copy of the
      // group's value and refresh it only when it re-renders (View UI's CheckboxGroup), so boxes
      // ticked in one burst each start from the old value and only the last one is kept
      for (const i of h.group) {
        const want = targets.includes(i);
        // and each seen to take before the next: a model updated after the click (amis's store) re-renders the
        // boxes from the old value meanwhile, and the next click would start from it
        if (i.checked !== want && (want || h.kind === 'checkboxes')) { toggle(i); await nextFrame(i); if (i.checked !== want) await waitUntil(() => i.checked === want, { near: i, timeout: TICK_TAKES_MS }); }
      }
      return;
    }
    if (v.type === 'check') {
      const i = el as HTMLInputElement;
      if (i.checked !== v.checked) toggle(i);
      return;
    }
    if (el.tagName === 'SELECT') {
      const s = el as HTMLSelectElement;
      const items = v.type === 'option' ? [v] : v.type === 'options' ? v.items : v.type === 'text' ? [{ candidates: [v.text] }] : [];
      const opts = Array.from(s.options);
      const found = items.map((it) => opts.find((o) => it.value !== undefined && o.value === it.value) ?? opts.find((o) => matchesAny(o.text, it.candidates)) ?? opts.find((o) => it.candidates.includes(o.value)));
      if (found.some((o) => !o)) throw new Error('找不到选项');
      s.focus({ preventScroll: true });
      if (s.multiple) for (const o of opts) o.selected = found.includes(o);
      else setNativeValue(s, found[0]!.value);
      fire(s, 'input'); fire(s, 'change'); blur(s);
      return;
    }
    if (v.type !== 'text') throw new Error(`不能把 ${v.type} 写入文本框`);
    if (h.readOnly) {
      // a read-only box is a picker's (a jQuery date-time picker): focusing it opens the picker,
      // which takes the empty box as "now" and writes that back when it closes at the next click
      // elsewhere. Written without focus, then a keyup: such pickers parse the box on keyup, so
      // their own date becomes the written one.
      typeValue(el as HTMLInputElement, v.text, { focus: false });
      fire(el, 'keyup');
      return;
    }
    typeValue(el as HTMLInputElement, v.text);
  },
  async clear(h) {
    if (h.group && h.kind === 'radio') {
      // a radio group cannot be unselected through the page: uncheck it natively (enough for a
      // plain form) and say so, since a framework (React, Vue) keeps its own copy of the choice
      const was = h.group.some((i) => i.checked);
      for (const i of h.group) i.checked = false;
      fire(h.group[0]!, 'change');
      if (was) throw new Error('单选项无法通过页面恢复为“未选择”：已取消勾选，框架状态可能仍保留原选项，请手工核对');
      return;
    }
    if (h.group) { for (const i of h.group) if (i.checked) i.click(); return; }
    if (h.kind === 'checkbox') { const i = h.el as HTMLInputElement; if (i.checked) i.click(); return; }
    if (h.el.tagName === 'SELECT') { const s = h.el as HTMLSelectElement; const empty = Array.from(s.options).find((o) => o.value === ''); if (empty) setNativeValue(s, ''); else s.selectedIndex = -1; fire(s, 'input'); fire(s, 'change'); return; }
    typeValue(h.el as HTMLInputElement, '');
  },
};


/** A native select whose options have not arrived yet (only a placeholder): not ready to take a choice. */
nativeInput.ready = (h) => h.el.tagName !== 'SELECT' || (h.options?.length ?? 0) > 0 || (h.el as HTMLSelectElement).options.length > 1;
defineAdapter(nativeInput, PRIORITY.native);

/**
 * A jQuery plugin that hides a native <select> behind a box of its own (select2, bootstrap-select,
 * chosen): the native select is the page's state, so it is written and read natively — its
 * `change` reaches the page's handlers and, for most plugins, makes the plugin redraw; `redraw`
 * is the event a plugin listens to instead. The plugin's box is what the clerk sees, and it and
 * the inputs inside it are the select's, never fields of their own.
 */
export function selectBehindPlugin(cfg: {
  name: string;
  /** The native selects the plugin hides, exactly: a root a widget adapter matches changes how the scan reads the page around it. */
  roots: string;
  dropdown: { popup: string; item: string };
  /** The plugin's box for this select (undefined: not this plugin's after all). */
  box(select: HTMLSelectElement): Element | null | undefined;
  /** What the clerk sees and clicks, inside the box (default: the box). */
  visible?: string;
  /** The elements inside the box the scan must not take for fields. */
  inside: string;
  /** An event to fire on the select after a write, for a plugin that does not redraw on `change`. */
  redraw?: string;
}): WidgetAdapter {
  const after = (h: WidgetHandle) => { if (cfg.redraw) fire(h.el, cfg.redraw, { cancelable: false }); };
  return defineAdapter({
    name: cfg.name,
    roots: cfg.roots,
    dropdown: cfg.dropdown,
    detect(el) {
      if (el.tagName !== 'SELECT') return undefined;
      const box = cfg.box(el as HTMLSelectElement);
      if (!box) return undefined;
      const base = nativeInput.detect(el)!;
      return { ...base, visible: (cfg.visible ? box.querySelector(cfg.visible) : null) ?? box, claims: [el, box, ...Array.from(box.querySelectorAll(cfg.inside))] };
    },
    read: (h) => nativeInput.read(h),
    async write(h, v) { await nativeInput.write(h, v); after(h); },
    async clear(h) { await nativeInput.clear!(h); after(h); },
    ready: (h) => nativeInput.ready!(h),
  }, PRIORITY.layui);
}
