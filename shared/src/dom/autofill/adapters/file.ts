/** File inputs, also the hidden ones inside upload widgets. Read: the input's file names. */
import { clickLikeUser, fire, unusableReason, win } from '../util.ts';
import { waitUntil } from './wait.ts';
import { itemsOf, isInput, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
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
      if (del) { clickLikeUser(del); await waitUntil(() => !item!.isConnected || !(item!.textContent ?? '').includes(name), { near: i, timeout: 600 }); }
      else if (item) throw new Error(`找不到“${name}”的删除按钮`);
    }
    i.files = new (win(i).DataTransfer)().files;
    fire(i, 'change');
  },
};

defineAdapter(fileInput, PRIORITY.file);
