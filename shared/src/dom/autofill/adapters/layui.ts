/**
 * Layui: hidden native select/radio/checkbox re-rendered as divs next to them. Written through
 * the divs (Layui's own handlers), read from the native control Layui keeps in step.
 */
import { clickLikeUser, fire, setNativeValue } from '../util.ts';
import { nativeInput } from './native.ts';
import { waitUntil } from './wait.ts';
import { itemsOf, isInput, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
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
    const dd = await waitUntil(() => Array.from(div.querySelectorAll<HTMLElement>('dd[lay-value]')).find((d) => d.getAttribute('lay-value') === opt.value), { root: div, timeout: 800 });
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

defineAdapter(layuiSelect, PRIORITY.layui);
defineAdapter(layuiRadio, PRIORITY.layui);
defineAdapter(layuiCheckbox, PRIORITY.layui);
