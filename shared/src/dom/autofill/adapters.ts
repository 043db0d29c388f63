/**
 * Widget adapters: the plugin interface through which autofill reads and writes a control.
 *
 *   detect(el)  → a handle when `el` (a widget root matched by `roots`, or a native control) is
 *                 this adapter's widget; the handle names the element whose visibility counts
 *   read(h)     → the value the page holds (text, option text(s), checked, file names)
 *   write(h, v) → puts a FillValue in the way a person would (native setter + events, or opening
 *                 the dropdown and clicking the option), so the framework's own state takes it
 *   clear(h)    → empties it (used by undo when the control was empty before)
 *
 * Register more with `registerAdapter`; an adapter registered later is tried first.
 */
import type { ControlKind, FillValue, ScannedOption } from '../../core/autofill/types.ts';
import { normalizeDateFormat } from '../../core/autofill/convert.ts';
import { normalizeLabel } from '../../core/labels.ts';
import { blur, clickLikeUser, fire, hover, key, setNativeValue, sleep, textOf, typeValue, unusableReason, waitFor, win } from './util.ts';

export type ReadValue = string | string[] | boolean | null;

export interface WidgetHandle {
  /** The element written through: a native control, or the widget's root. */
  el: HTMLElement;
  /** Radio and checkbox groups: all inputs of the group. */
  group?: HTMLInputElement[];
  /** The element whose visibility decides whether the user can see the control. */
  visible: Element;
  /** The element labels are inferred from (default: el). */
  labelTarget?: Element;
  kind: ControlKind;
  options?: ScannedOption[];
  multiple?: boolean;
  dateFormat?: string;
  readOnly?: boolean;
  /** Elements that belong to this widget, so the scanner does not list them again. */
  claims?: Element[];
  /** Names of the files the last write attached (so undo can remove them from an upload list). */
  written?: string[];
  /** The upload widget around a file input, found before the page replaces the input. */
  container?: Element;
}

export interface WidgetAdapter {
  name: string;
  /** CSS selector of widget roots; adapters without it are offered native controls. */
  roots?: string;
  detect(el: Element): WidgetHandle | undefined;
  read(h: WidgetHandle): ReadValue;
  write(h: WidgetHandle, v: FillValue): Promise<void>;
  clear?(h: WidgetHandle): Promise<void>;
}

const same = (a: string, b: string) => a.trim() === b.trim() || normalizeLabel(a) === normalizeLabel(b);
const matchesAny = (text: string, candidates: readonly string[]) => candidates.some((c) => same(text, c));

function isInput(el: Element, ...types: string[]): el is HTMLInputElement {
  return el.tagName === 'INPUT' && (types.length === 0 || types.includes(((el as HTMLInputElement).type || 'text').toLowerCase()));
}

// ---------------------------------------------------------------- native inputs

const TEXT_TYPES = ['text', 'search', 'tel', 'email', 'url', 'number', 'date', 'datetime-local', 'month', 'time', ''];

function optionTextOfInput(input: HTMLInputElement): string {
  const wrap = input.closest('label');
  if (wrap) { const t = textOf(wrap); if (t) return t; }
  if (input.id) {
    const l = input.ownerDocument.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (l) { const t = textOf(l); if (t) return t; }
  }
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

/** Radios or checkboxes that form one question: same name in the same form, or the same group element. */
export function groupOf(input: HTMLInputElement): HTMLInputElement[] {
  const container = input.closest('[role="radiogroup"],[role="group"],.el-radio-group,.el-checkbox-group,.ant-radio-group,.ant-checkbox-group,.next-radio-group,.next-checkbox-group');
  const root: ParentNode = input.form ?? container ?? (input.getRootNode() as ParentNode);
  const type = input.type;
  if (input.name) return Array.from(root.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`)).filter((i) => i.name === input.name);
  if (container) return Array.from(container.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`));
  return [input];
}

function groupVisible(group: HTMLInputElement[]): Element {
  // a styled radio hides the input itself; the label around it is what the user sees and clicks
  const first = group[0]!;
  if (!unusableReason(first)) return first;
  return first.closest('label') ?? first.parentElement ?? first;
}

export const nativeInput: WidgetAdapter = {
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
      for (const i of h.group) {
        const want = targets.includes(i);
        if (i.checked !== want && (want || h.kind === 'checkboxes')) i.click();
      }
      return;
    }
    if (v.type === 'check') {
      const i = el as HTMLInputElement;
      if (i.checked !== v.checked) i.click();
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

// ---------------------------------------------------------------- My97 and other read-only date pickers

/** My97DatePicker: a read-only input opened by `onclick="WdatePicker({dateFmt:'yyyy年MM月dd日'})"` or class Wdate. */
export const my97: WidgetAdapter = {
  name: 'my97',
  detect(el) {
    if (!isInput(el, 'text', '')) return undefined;
    const code = `${el.getAttribute('onclick') ?? ''} ${el.getAttribute('onfocus') ?? ''}`;
    if (!/WdatePicker|laydate|DatePicker/i.test(code) && !el.classList.contains('Wdate') && !el.hasAttribute('data-datepicker')) return undefined;
    const fmt = /dateFmt\s*:\s*['"]([^'"]+)['"]/.exec(code)?.[1] ?? el.getAttribute('data-date-format') ?? undefined;
    const h: WidgetHandle = { el, visible: el, kind: fmt && /H/.test(fmt) ? 'datetime' : 'date', readOnly: el.readOnly };
    h.dateFormat = normalizeDateFormat(fmt ?? 'yyyy-MM-dd');
    return h;
  },
  read: (h) => (h.el as HTMLInputElement).value,
  async write(h, v) {
    if (v.type !== 'text') throw new Error('日期控件只接受文本');
    const i = h.el as HTMLInputElement;
    const ro = i.readOnly;
    i.readOnly = false;
    try { typeValue(i, v.text); } finally { i.readOnly = ro; }
  },
  async clear(h) { await this.write(h, { type: 'text', text: '' }); },
};

// ---------------------------------------------------------------- file inputs

function dataUrlToFile(w: Window & typeof globalThis, f: { name: string; type: string; data: string }): File {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(f.data);
  if (!m) throw new Error('附件不是 data: 地址');
  const bytes = m[2] ? Uint8Array.from(w.atob(m[3]!), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(m[3]!));
  return new w.File([bytes], f.name, { type: f.type || m[1] || 'application/octet-stream' });
}

export const fileInput: WidgetAdapter = {
  name: 'file',
  detect(el) {
    if (!isInput(el, 'file')) return undefined;
    // upload buttons hide the input; the visible button around it is what the user sees
    let visible: Element = el;
    if (unusableReason(el)) {
      const byFor = el.id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      visible = byFor ?? el.closest('.el-upload,.ant-upload,.layui-upload,.next-upload,[class*="upload"]') ?? el.parentElement ?? el;
    }
    return { el, visible, kind: 'file', multiple: el.multiple };
  },
  read: (h) => Array.from((h.el as HTMLInputElement).files ?? []).map((f) => f.name),
  async write(h, v) {
    if (v.type !== 'files') throw new Error('文件控件只接受文件');
    const i = h.el as HTMLInputElement;
    const w = win(i);
    const dt = new w.DataTransfer();
    for (const f of v.files) dt.items.add(dataUrlToFile(w, f));
    i.files = dt.files;
    h.written = v.files.map((f) => f.name);
    const container = i.closest('.ant-upload-wrapper, .el-upload-list, .layui-upload') ?? i.closest('.el-upload')?.parentElement ?? i.parentElement;
    if (container) h.container = container;
    fire(i, 'input'); fire(i, 'change');
  },
  async clear(h) {
    const i = h.el as HTMLInputElement;
    // upload widgets keep their own list of files: remove the items this fill added with their delete buttons
    const widget = h.container ?? i.parentElement;
    for (const name of h.written ?? []) {
      const item = Array.from(widget?.querySelectorAll<HTMLElement>('li, .ant-upload-list-item, .el-upload-list__item') ?? []).find((li) => (li.textContent ?? '').includes(name));
      const del = item?.querySelector<HTMLElement>('[class*="remove"], [class*="delete"], [title*="删除"], [aria-label*="删除"], [aria-label="delete"], button');
      if (del) { clickLikeUser(del); await sleep(30); }
      else if (item) throw new Error(`找不到“${name}”的删除按钮`);
    }
    i.files = new (win(i).DataTransfer)().files;
    fire(i, 'change');
  },
};

// ---------------------------------------------------------------- contenteditable

export const contentEditable: WidgetAdapter = {
  name: 'contenteditable',
  detect(el) {
    if (!(el as HTMLElement).isContentEditable || (el.parentElement as HTMLElement | null)?.isContentEditable) return undefined;
    return { el: el as HTMLElement, visible: el, kind: 'richtext' };
  },
  read: (h) => (h.el.innerText ?? h.el.textContent ?? '').trim(),
  async write(h, v) {
    if (v.type !== 'text') throw new Error('富文本只接受文本');
    const el = h.el;
    el.focus({ preventScroll: true });
    el.dispatchEvent(new (win(el).InputEvent)('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: v.text }));
    el.textContent = '';
    const lines = v.text.split('\n');
    lines.forEach((line, i) => { if (i > 0) el.appendChild(el.ownerDocument.createElement('br')); el.appendChild(el.ownerDocument.createTextNode(line)); });
    el.dispatchEvent(new (win(el).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: v.text }));
    fire(el, 'change'); blur(el);
  },
  async clear(h) { await this.write(h, { type: 'text', text: '' }); },
};

// ---------------------------------------------------------------- Layui (hidden native controls re-rendered as divs)

const layuiSibling = (el: Element, cls: string) => {
  const n = el.nextElementSibling;
  return n && n.classList.contains(cls) ? n : undefined;
};

export const layuiSelect: WidgetAdapter = {
  name: 'layui-select',
  detect(el) {
    if (el.tagName !== 'SELECT') return undefined;
    const div = layuiSibling(el, 'layui-form-select');
    if (!div) return undefined;
    const base = nativeInput.detect(el)!;
    return { ...base, visible: div.querySelector('.layui-select-title') ?? div, claims: [el, ...Array.from(div.querySelectorAll('input'))] };
  },
  read: (h) => nativeInput.read(h),
  async write(h, v) {
    const s = h.el as HTMLSelectElement;
    const div = layuiSibling(s, 'layui-form-select')!;
    const items: { value?: string; candidates: string[] }[] = v.type === 'option' ? [v] : v.type === 'text' ? [{ candidates: [v.text] }] : [];
    if (items.length !== 1) throw new Error('Layui 下拉框只接受一个选项');
    const it = items[0]!;
    const opt = Array.from(s.options).find((o) => it.value !== undefined && o.value === it.value) ?? Array.from(s.options).find((o) => matchesAny(o.text, it.candidates));
    if (!opt) throw new Error('找不到选项');
    const title = div.querySelector('.layui-select-title') ?? div;
    clickLikeUser(title.querySelector('input') ?? title);
    const dd = await waitFor(() => Array.from(div.querySelectorAll<HTMLElement>('dd[lay-value]')).find((d) => d.getAttribute('lay-value') === opt.value), 800);
    if (dd) clickLikeUser(dd);
    if (s.value !== opt.value) { setNativeValue(s, opt.value); fire(s, 'change'); }
    if (div.classList.contains('layui-form-selected')) clickLikeUser(s.ownerDocument.body);
  },
  async clear(h) { await nativeInput.clear!(h); },
};

function layuiToggle(cls: string, name: string, kind: 'radio' | 'checkbox'): WidgetAdapter {
  return {
    name,
    detect(el) {
      if (!isInput(el, kind)) return undefined;
      if (!layuiSibling(el, cls)) return undefined;
      const base = nativeInput.detect(el)!;
      const group = base.group ?? [el];
      const divs = group.map((i) => layuiSibling(i, cls)).filter((d): d is Element => !!d);
      const options = group.map((i) => ({ value: i.value, text: i.getAttribute('title') ?? layuiSibling(i, cls)?.textContent?.trim() ?? i.value }));
      return { ...base, options: base.kind === 'checkbox' ? undefined as never : options, visible: divs[0] ?? el, claims: [...group, ...divs] } as WidgetHandle;
    },
    read(h) {
      if (h.kind === 'checkbox') return (h.el as HTMLInputElement).checked;
      const text = (i: HTMLInputElement) => i.getAttribute('title') ?? i.value;
      const group = h.group ?? [h.el as HTMLInputElement];
      return h.kind === 'radio' ? (group.find((i) => i.checked) ? text(group.find((i) => i.checked)!) : null) : group.filter((i) => i.checked).map(text);
    },
    async write(h, v) {
      const group = h.group ?? [h.el as HTMLInputElement];
      const toggle = (i: HTMLInputElement) => { const d = layuiSibling(i, cls); if (d) clickLikeUser(d); else i.click(); };
      if (v.type === 'check') { const i = group[0]!; if (i.checked !== v.checked) toggle(i); return; }
      const items = v.type === 'option' ? [v] : v.type === 'options' ? v.items : [];
      const title = (i: HTMLInputElement) => i.getAttribute('title') ?? i.value;
      for (const i of group) {
        const want = items.some((it) => (it.value !== undefined && it.value === i.value) || matchesAny(title(i), it.candidates));
        if (want !== i.checked && (want || kind === 'checkbox')) toggle(i);
      }
      if (!items.every((it) => group.some((i) => i.checked && ((it.value !== undefined && it.value === i.value) || matchesAny(title(i), it.candidates))))) throw new Error('找不到选项');
    },
    async clear(h) {
      const group = h.group ?? [h.el as HTMLInputElement];
      for (const i of group) if (i.checked) { if (kind === 'checkbox') { const d = layuiSibling(i, cls); if (d) clickLikeUser(d); else i.click(); } else { i.checked = false; } }
      const form = (h.el as HTMLInputElement).form;
      void form;
    },
  };
}
export const layuiRadio = layuiToggle('layui-form-radio', 'layui-radio', 'radio');
export const layuiCheckbox = layuiToggle('layui-form-checkbox', 'layui-checkbox', 'checkbox');

// ---------------------------------------------------------------- dropdown helpers (Element Plus, Ant Design)

function visibleIn(doc: Document | HTMLElement, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter((e) => !unusableReason(e) || unusableReason(e) === 'off-screen');
}

/**
 * Opens a widget's dropdown and returns its popup element: the one its combobox names in
 * aria-controls, or else a popup that was not visible before the click (another widget's popup
 * may still be fading out).
 */
async function openPopup(root: HTMLElement, opener: Element, popupSel: string): Promise<HTMLElement | undefined> {
  const doc = root.ownerDocument;
  const combo = root.querySelector('[role=combobox]') ?? root.querySelector('input');
  const viaAria = () => {
    const id = combo?.getAttribute('aria-controls') || combo?.getAttribute('aria-owns');
    const l = id ? doc.getElementById(id) : null;
    const p = (l?.closest(popupSel) ?? null) as HTMLElement | null;
    return p && !unusableReason(p) ? p : undefined;
  };
  const before = new Set(visibleIn(doc, popupSel));
  if (combo?.getAttribute('aria-expanded') !== 'true') clickLikeUser(opener);
  return waitFor(() => viaAria() ?? visibleIn(doc, popupSel).find((p) => !before.has(p)), 1500);
}

async function pickFromPopup(doc: Document | HTMLElement, itemSelector: string, textOfItem: (e: HTMLElement) => string, candidates: readonly string[], scrollHolder?: string): Promise<HTMLElement | undefined> {
  const find = () => {
    const items = Array.from(doc.querySelectorAll<HTMLElement>(itemSelector)).filter((e) => !unusableReason(e) || unusableReason(e) === 'off-screen' || unusableReason(e) === 'clipped');
    for (const c of candidates) {
      const hit = items.find((i) => same(textOfItem(i), c));
      if (hit) return hit;
    }
    return undefined;
  };
  const direct = await waitFor(find, 800);
  if (direct || !scrollHolder) return direct;
  // virtual lists render only what is in view: scroll through them
  const holder = doc.querySelector<HTMLElement>(scrollHolder);
  if (!holder) return undefined;
  holder.scrollTop = 0;
  for (let i = 0; i < 200; i++) {
    fire(holder, 'scroll', { bubbles: false });
    await sleep(20);
    const hit = find();
    if (hit) return hit;
    const before = holder.scrollTop;
    holder.scrollTop += Math.max(32, holder.clientHeight - 32);
    fire(holder, 'scroll', { bubbles: false });
    if (holder.scrollTop === before) { await sleep(30); return find(); }
  }
  return undefined;
}

// ---------------------------------------------------------------- Element UI / Element Plus

const elSelectItem = '.el-select-dropdown__item, .el-select-dropdown .el-select-dropdown__item';

export const elementSelect: WidgetAdapter = {
  name: 'element-select',
  roots: '.el-select',
  detect(el) {
    if (!el.classList.contains('el-select')) return undefined;
    const trigger = el.querySelector('.el-select__wrapper, .select-trigger, .el-input') ?? el;
    const multiple = !!el.querySelector('.el-select__tags, .el-select__selection.is-near') || el.classList.contains('is-multiple') || !!el.querySelector('.el-tag');
    return { el: el as HTMLElement, visible: trigger, kind: multiple ? 'multiselect' : 'select', multiple, claims: Array.from(el.querySelectorAll('input')) };
  },
  read(h) {
    const tags = Array.from(h.el.querySelectorAll('.el-tag .el-select__tags-text, .el-tag .el-tag__content')).map((t) => t.textContent?.trim() ?? '').filter(Boolean);
    if (tags.length || h.multiple) return tags;
    const sel = h.el.querySelector('.el-select__placeholder:not(.is-transparent)') ?? h.el.querySelector('.el-select__selected-item:not(.is-transparent):not(.el-select__input-wrapper):not(.el-select__placeholder)');
    if (sel) return sel.textContent?.trim() || null;
    const input = h.el.querySelector('input') as HTMLInputElement | null;
    return input?.value || null;
  },
  async write(h, v) {
    const items = v.type === 'option' ? [v] : v.type === 'options' ? v.items : v.type === 'text' ? [{ candidates: [v.text] }] : [];
    const trigger = h.el.querySelector('.el-select__wrapper, .select-trigger, .el-input__wrapper, input') ?? h.el;
    const doc = h.el.ownerDocument;
    if (h.multiple) { await this.clear!(h); }
    for (const it of items) {
      const popup = await openPopup(h.el, trigger, '.el-select__popper, .el-popper');
      if (!popup) throw new Error('下拉框没有打开');
      const item = await pickFromPopup(popup, elSelectItem, (e) => e.textContent ?? '', it.candidates);
      if (!item) { key(h.el.querySelector('input') ?? trigger, 'Escape'); throw new Error('找不到选项'); }
      clickLikeUser(item);
      await sleep(30);
    }
    if (h.multiple) { clickLikeUser(doc.body); key(h.el.querySelector('input') ?? trigger, 'Escape'); }
    await waitFor(() => h.el.querySelector('[role=combobox]')?.getAttribute('aria-expanded') !== 'true', 600);
  },
  async clear(h) {
    const tagsClose = Array.from(h.el.querySelectorAll<HTMLElement>('.el-tag__close'));
    for (const c of tagsClose.reverse()) { clickLikeUser(c); await sleep(20); }
    if (tagsClose.length) return;
    const wrapper = h.el.querySelector('.el-select__wrapper, .el-input__wrapper') ?? h.el;
    hover(h.el); hover(wrapper);
    const icon = await waitFor(() => h.el.querySelector<HTMLElement>('.el-select__clear, .el-input__clear, .el-icon-circle-close'), 500);
    if (!icon) throw new Error('该下拉框不能清空');
    clickLikeUser(icon);
  },
};

/** Types the date into the picker's input as a person would, then presses Enter and leaves. */
async function typeIntoPicker(input: HTMLInputElement, text: string): Promise<void> {
  clickLikeUser(input);
  input.focus({ preventScroll: true });
  setNativeValue(input, text);
  input.dispatchEvent(new (win(input).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: text }));
  await sleep(20);
  fire(input, 'change');
  key(input, 'Enter');
  await sleep(20);
  blur(input);
  key(input, 'Escape');
}

/** Element Plus and Ant Design date pickers both take typed text in their one input. */
const pickerInput = (h: { el: HTMLElement }) => h.el.querySelector('input') as HTMLInputElement;
const pickerText: Pick<WidgetAdapter, 'read' | 'write'> = {
  read: (h) => pickerInput(h).value,
  async write(h, v) {
    if (v.type !== 'text') throw new Error('日期控件只接受文本');
    await typeIntoPicker(pickerInput(h), v.text);
  },
};

export const elementDate: WidgetAdapter = {
  name: 'element-date',
  roots: '.el-date-editor',
  detect(el) {
    const input = el.querySelector('input') as HTMLInputElement | null;
    if (!input || el.querySelectorAll('input').length > 1) return undefined; // ranges are not dictionary values
    return { el: el as HTMLElement, visible: el, labelTarget: input, kind: 'date', claims: [input] };
  },
  ...pickerText,
  async clear(h) {
    hover(h.el); const inner = h.el.querySelector('.el-input__wrapper'); if (inner) hover(inner);
    const icon = await waitFor(() => h.el.querySelector<HTMLElement>('.clear-icon, .el-input__clear, .el-range__close-icon'), 400);
    if (icon) clickLikeUser(icon); else await typeIntoPicker(pickerInput(h), '');
  },
};

async function walkCascader(doc: Document, menuSel: string, nodeSel: string, labelOf: (n: HTMLElement) => string, isLeaf: (n: HTMLElement) => boolean, candidates: readonly string[]): Promise<boolean> {
  const paths = candidates.map((c) => c.split(/\s*[/／>＞]\s*/).filter(Boolean));
  const menus = () => visibleIn(doc, menuSel);
  await waitFor(() => menus().length > 0, 1200);
  // explicit paths first
  for (const path of paths.filter((p) => p.length > 1)) {
    let ok = true;
    for (let level = 0; level < path.length; level++) {
      const node = await waitFor(() => Array.from(menus()[level]?.querySelectorAll<HTMLElement>(nodeSel) ?? []).find((n) => same(labelOf(n), path[level]!)), 600);
      if (!node) { ok = false; break; }
      clickLikeUser(node); await sleep(40);
    }
    if (ok) return true;
  }
  const leaves = paths.map((p) => p[p.length - 1]!);
  const search = async (level: number, depth: number): Promise<boolean> => {
    const nodes = Array.from(menus()[level]?.querySelectorAll<HTMLElement>(nodeSel) ?? []);
    const hit = nodes.find((n) => leaves.some((l) => same(labelOf(n), l)) && isLeaf(n));
    if (hit) { clickLikeUser(hit); return true; }
    if (depth >= 4) return false;
    for (let i = 0; i < nodes.length; i++) {
      const n = Array.from(menus()[level]?.querySelectorAll<HTMLElement>(nodeSel) ?? [])[i];
      if (!n || isLeaf(n)) continue;
      clickLikeUser(n); await sleep(40);
      await waitFor(() => menus().length > level + 1, 400);
      if (await search(level + 1, depth + 1)) return true;
    }
    return false;
  };
  return search(0, 0);
}

export const elementCascader: WidgetAdapter = {
  name: 'element-cascader',
  roots: '.el-cascader',
  detect(el) {
    return { el: el as HTMLElement, visible: el, labelTarget: el.querySelector('input') ?? el, kind: 'cascader', claims: Array.from(el.querySelectorAll('input')) };
  },
  read: (h) => (h.el.querySelector('input') as HTMLInputElement | null)?.value || null,
  async clear(h) {
    hover(h.el); const inner = h.el.querySelector('.el-input, .el-input__wrapper'); if (inner) hover(inner);
    const icon = await waitFor(() => h.el.querySelector<HTMLElement>('.el-cascader__clear, .el-input__clear, .icon-circle-close, .el-icon-circle-close'), 500);
    if (!icon) throw new Error('该级联选择不能清空');
    clickLikeUser(icon);
  },
  async write(h, v) {
    const cands = v.type === 'path' || v.type === 'option' ? v.candidates : v.type === 'text' ? [v.text] : [];
    const doc = h.el.ownerDocument;
    clickLikeUser(h.el.querySelector('.el-input__wrapper, .el-input') ?? h.el);
    const ok = await walkCascader(doc, '.el-cascader-menu', '.el-cascader-node', (n) => n.querySelector('.el-cascader-node__label')?.textContent ?? '', (n) => !n.querySelector('.el-cascader-node__postfix, .el-icon-arrow-right'), cands);
    await sleep(40);
    if (visibleIn(doc, '.el-cascader__dropdown').length) { key(h.el.querySelector('input') ?? h.el, 'Escape'); clickLikeUser(doc.body); }
    if (!ok) throw new Error('找不到选项');
  },
};

// ---------------------------------------------------------------- Ant Design

const antSelectRoot = (el: Element) => el.classList.contains('ant-select') && !el.classList.contains('ant-cascader') && !el.closest('.ant-select-dropdown');

export const antdSelect: WidgetAdapter = {
  name: 'antd-select',
  roots: '.ant-select',
  detect(el) {
    if (!antSelectRoot(el)) return undefined;
    const multiple = el.classList.contains('ant-select-multiple');
    return { el: el as HTMLElement, visible: el, labelTarget: el.querySelector('input') ?? el, kind: multiple ? 'multiselect' : 'select', multiple, claims: Array.from(el.querySelectorAll('input')) };
  },
  read(h) {
    if (h.multiple) return Array.from(h.el.querySelectorAll('.ant-select-selection-item-content, .ant-select-selection-item')).filter((e) => !e.querySelector('.ant-select-selection-item-content')).map((e) => e.textContent?.trim() ?? '').filter(Boolean);
    const item = h.el.querySelector('.ant-select-selection-item, .ant-select-content-has-value');
    return (item?.getAttribute('title') || item?.textContent?.trim()) || null;
  },
  async write(h, v) {
    const items = v.type === 'option' ? [v] : v.type === 'options' ? v.items : v.type === 'text' ? [{ candidates: [v.text] }] : [];
    const doc = h.el.ownerDocument;
    const opener = h.el.querySelector('.ant-select-selector, .ant-select-content') ?? h.el;
    const dropdownOpen = () => h.el.querySelector('[role=combobox]')?.getAttribute('aria-expanded') === 'true';
    if (h.multiple) await this.clear!(h).catch(() => undefined);
    for (const it of items) {
      const popup = await openPopup(h.el, opener, '.ant-select-dropdown');
      if (!popup) throw new Error('下拉框没有打开');
      const item = await pickFromPopup(popup, '.ant-select-item-option', (e) => e.getAttribute('title') ?? e.textContent ?? '', it.candidates, '.rc-virtual-list-holder');
      if (!item) { key(h.el.querySelector('input') ?? opener, 'Escape'); throw new Error('找不到选项'); }
      clickLikeUser(item.querySelector('.ant-select-item-option-content') ?? item);
      await sleep(30);
    }
    const input = h.el.querySelector('input');
    if (dropdownOpen() && input) { key(input, 'Escape'); blur(input as HTMLElement); }
  },
  async clear(h) {
    const removes = Array.from(h.el.querySelectorAll<HTMLElement>('.ant-select-selection-item-remove'));
    for (const r of removes.reverse()) { clickLikeUser(r); await sleep(20); }
    if (removes.length) return;
    hover(h.el);
    const clear = await waitFor(() => h.el.querySelector<HTMLElement>('.ant-select-clear'), 400);
    if (!clear) throw new Error('该下拉框不能清空');
    clickLikeUser(clear);
  },
};

export const antdDate: WidgetAdapter = {
  name: 'antd-date',
  roots: '.ant-picker',
  detect(el) {
    if (el.classList.contains('ant-picker-range')) return undefined;
    const input = el.querySelector('input') as HTMLInputElement | null;
    if (!input) return undefined;
    return { el: el as HTMLElement, visible: el, labelTarget: input, kind: 'date', claims: [input] };
  },
  ...pickerText,
  async clear(h) {
    hover(h.el);
    const clear = await waitFor(() => h.el.querySelector<HTMLElement>('.ant-picker-clear'), 400);
    if (clear) clickLikeUser(clear); else await typeIntoPicker(pickerInput(h), '');
  },
};

export const antdCascader: WidgetAdapter = {
  name: 'antd-cascader',
  roots: '.ant-cascader',
  detect(el) {
    if (el.closest('.ant-select-dropdown')) return undefined;
    return { el: el as HTMLElement, visible: el, labelTarget: el.querySelector('input') ?? el, kind: 'cascader', claims: Array.from(el.querySelectorAll('input')) };
  },
  read(h) {
    const item = h.el.querySelector('.ant-select-selection-item, .ant-select-content-has-value');
    return (item?.getAttribute('title') || item?.textContent?.trim()) || null;
  },
  async clear(h) {
    hover(h.el);
    const clear = await waitFor(() => h.el.querySelector<HTMLElement>('.ant-select-clear'), 400);
    if (!clear) throw new Error('该级联选择不能清空');
    clickLikeUser(clear);
  },
  async write(h, v) {
    const cands = v.type === 'path' || v.type === 'option' ? v.candidates : v.type === 'text' ? [v.text] : [];
    const doc = h.el.ownerDocument;
    clickLikeUser(h.el.querySelector('.ant-select-selector, .ant-select-content') ?? h.el);
    const ok = await walkCascader(doc, '.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu', '.ant-cascader-menu-item', (n) => n.getAttribute('title') ?? n.querySelector('.ant-cascader-menu-item-content')?.textContent ?? '', (n) => !n.classList.contains('ant-cascader-menu-item-expand'), cands);
    await sleep(40);
    if (!ok) { key(h.el.querySelector('input') ?? h.el, 'Escape'); throw new Error('找不到选项'); }
  },
};

// ---------------------------------------------------------------- registry

const registry: WidgetAdapter[] = [
  elementSelect, elementDate, elementCascader, antdCascader, antdSelect, antdDate,
  my97, fileInput, layuiSelect, layuiRadio, layuiCheckbox, contentEditable, nativeInput,
];

/** Adds an adapter; it is tried before the built-in ones. */
export function registerAdapter(adapter: WidgetAdapter): void {
  const i = registry.findIndex((a) => a.name === adapter.name);
  if (i >= 0) registry.splice(i, 1);
  registry.unshift(adapter);
}

export function adapters(): readonly WidgetAdapter[] {
  return registry;
}

export function adapterByName(name: string): WidgetAdapter | undefined {
  return registry.find((a) => a.name === name);
}
