/**
 * A choice made in a pop-up window: a read-only box (承办单位, 转交部门, 所属部门) whose click opens
 * a dialog — a layer.open window (RuoYi's $.modal.open, often an iframe page), a Bootstrap modal,
 * an Element / antd dialog — holding a tree of units or people; the clerk opens the branches,
 * clicks the unit and presses 确定, and the page's own handler writes the name into the box and
 * the id into a hidden input beside it. Written the same way: the dialog opened by the box, the
 * node found (branches opened one at a time, bounded), clicked, the dialog confirmed, and the
 * choice held only when the box shows it and the hidden id beside it is set. Typing the name into
 * the read-only box instead (what a plain box gets) left the id empty: a "filled" the page would
 * refuse on submit. A box that can be typed into counts too when its inline handler is named for
 * choosing (selectDw, chooseUser, pickDept) and an id input sits beside it, as JSP pages write it.
 */
import { blur, clickLikeUser, key, textOf, unusableReason, win } from '../util.ts';
import { isInput, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { expandTree, findItem, findNameVariant } from './popup.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import { nextTask, waitUntil } from './wait.ts';

/** Dialog windows of the libraries such pages use (layer's page and iframe windows, Bootstrap, Element, antd, <dialog>). */
const DIALOG = '.layui-layer-page, .layui-layer-iframe, .modal, .el-dialog, .ant-modal, [role=dialog], dialog[open]';
/** layer's message, tip and loading windows open on their own (请选择…): never the picker. */
const NOT_PICKER = '.layui-layer-msg, .layui-layer-tips, .layui-layer-loading, .layui-layer-dialog';
/** A tree node's text: zTree, Layui tree, Element tree, antd tree, jsTree, ARIA trees. */
const NODE = '.node_name, .layui-tree-txt, .el-tree-node__label, .ant-tree-title, .jstree-anchor, [role=treeitem] > :first-child';
/** A closed branch's toggle, of the same trees. */
const CLOSED = 'span.switch[class*="_close"], .layui-tree-icon > .layui-icon-addition, .el-tree-node__expand-icon:not(.expanded):not(.is-leaf), .ant-tree-switcher_close, .jstree-closed > .jstree-ocl, [role=treeitem][aria-expanded="false"]';
/** The dialog's confirming button (layer's first button, a modal footer's primary one, or one saying so). */
const CONFIRM = '.layui-layer-btn0, .modal-footer .btn-primary, .el-dialog__footer .el-button--primary, .ant-modal-footer .ant-btn-primary';
const CONFIRM_TEXT = /^(确\s*定|确\s*认|选\s*择|提\s*交|保\s*存|ok)$/i;
const CLOSE = '.layui-layer-close, .layui-layer-btn1, [data-dismiss="modal"], [data-bs-dismiss="modal"], .el-dialog__headerbtn, .ant-modal-close';
/** An inline handler that opens a chooser: select…/choose…/pick…, or the pinyin 选择 (xz, xuanze). */
const CHOOSER = /^\s*(?:[\w$.]+\.)?(?:select|choose|pick|xz|xuanze)\w*\s*\(/i;
/** Date boxes are pickers of their own (my97.ts and the libraries' date adapters). */
const DATE_HINT = /date|time|日期|时间|年月|yyyy/i;

const shown = (e: Element) => !unusableReason(e);

/** What opens the dialog: the box itself or the button beside it in its input group, by an inline handler. */
function openerOf(el: HTMLInputElement): HTMLElement | undefined {
  if (/\S/.test(el.getAttribute('onclick') ?? '')) return el;
  const group = el.parentElement;
  if (!group) return undefined;
  return Array.from(group.children).find((c): c is HTMLElement => c !== el && /\S/.test(c.getAttribute('onclick') ?? ''));
}

/** The hidden input its choice writes the id to: beside the box, in its group or the group's parent. */
function hiddenOf(el: HTMLInputElement): HTMLInputElement | undefined {
  for (let p = el.parentElement, i = 0; p && i < 2; p = p.parentElement, i++) {
    const h = Array.from(p.querySelectorAll<HTMLInputElement>('input[type=hidden]'));
    if (h.length === 1) return h[0];
    if (h.length > 1) return undefined; // several: not known which
  }
  return undefined;
}

/** The documents a dialog may open in: the box's own, and the same-origin windows around it (RuoYi's top.layer). */
function documentsOf(el: Element): Document[] {
  const out = [el.ownerDocument];
  for (let w: Window = win(el); w.parent && w.parent !== w; ) {
    try { w = w.parent; out.push(w.document); } catch { break; }
  }
  return out;
}

function dialogsIn(docs: readonly Document[]): HTMLElement[] {
  return docs.flatMap((d) => Array.from(d.querySelectorAll<HTMLElement>(DIALOG))).filter((d) => !d.matches(NOT_PICKER) && !d.closest(NOT_PICKER) && shown(d));
}

/** Where the dialog's content is: its iframe's page (once loaded, same origin only) or the dialog itself. */
async function contentOf(dialog: HTMLElement): Promise<ParentNode> {
  const frame = dialog.querySelector('iframe');
  if (!frame) return dialog;
  const ready = await waitUntil(() => {
    try {
      const d = frame.contentDocument;
      return d && d.readyState === 'complete' && d.querySelector(NODE) ? d : undefined;
    } catch { return undefined; }
  }, { root: dialog, timeout: 3000 });
  if (ready) return ready;
  let reachable = false;
  try { reachable = !!frame.contentDocument; } catch { /* another origin */ }
  throw new Error(reachable ? '选择窗口中没有可选的树' : '选择窗口来自其他网站，无法读取');
}

/** The node naming a candidate: exactly (branches opened until it shows), else the one node naming it longer or shorter. */
async function findNode(scope: ParentNode, candidates: readonly string[]): Promise<HTMLElement | undefined> {
  const text = (n: HTMLElement) => textOf(n, 200);
  return (await expandTree(scope, CLOSED, () => findItem(scope, NODE, text, candidates))) ?? findNameVariant(scope, NODE, text, candidates);
}

function confirmOf(dialog: HTMLElement): HTMLElement | undefined {
  return Array.from(dialog.querySelectorAll<HTMLElement>(CONFIRM)).find(shown)
    ?? Array.from(dialog.querySelectorAll<HTMLElement>('button, a, input[type=button]')).find((b) => shown(b) && CONFIRM_TEXT.test(textOf(b, 20) || (b as HTMLInputElement).value || ''));
}

/** Closes a dialog left open by a choice that could not be made, as a person does (关闭, ×, Esc). */
async function dismiss(dialog: HTMLElement): Promise<void> {
  if (!dialog.isConnected || !shown(dialog)) return;
  const close = Array.from(dialog.querySelectorAll<HTMLElement>(CLOSE)).find(shown)
    ?? Array.from(dialog.querySelectorAll<HTMLElement>('button, a')).find((b) => shown(b) && /^(关\s*闭|取\s*消)$/.test(textOf(b, 20)));
  if (close) clickLikeUser(close);
  else key(dialog, 'Escape');
  await waitUntil(() => !dialog.isConnected || !shown(dialog), { near: dialog, timeout: 1000 });
}

export const dialogPicker: WidgetAdapter = {
  name: 'dialog-picker',
  detect(el) {
    if (!isInput(el, 'text', '')) return undefined;
    const opener = openerOf(el);
    if (!opener) return undefined;
    // a box that is not read-only counts when its handler says it chooses and an id input sits
    // beside it (a JSP page's 接收单位: onclick="selectDw(orgcode,'jsdwdm','jsdwmc')", a 选择 button)
    if (!el.readOnly && !(CHOOSER.test(opener.getAttribute('onclick') ?? '') && hiddenOf(el))) return undefined;
    const hint = `${el.getAttribute('placeholder') ?? ''} ${el.className} ${el.name} ${el.id} ${opener.getAttribute('onclick') ?? ''}`;
    if (DATE_HINT.test(hint)) return undefined;
    return { el, visible: el, kind: 'select', readOnly: el.readOnly };
  },
  read: (h) => (h.el as HTMLInputElement).value || null,
  async write(h: WidgetHandle, v) {
    const candidates = v.type === 'option' ? v.candidates : v.type === 'text' ? [v.text] : undefined;
    if (!candidates?.length) throw new Error('选择窗口只接受一个选项');
    const box = h.el as HTMLInputElement;
    const opener = openerOf(box) ?? box;
    const docs = documentsOf(box);
    const before = new Set(dialogsIn(docs));
    clickLikeUser(opener);
    const dialog = await waitUntil(() => dialogsIn(docs).find((d) => !before.has(d)), { near: box, timeout: 2000 });
    if (!dialog) throw new Error('选择窗口没有打开');
    try {
      const node = await findNode(await contentOf(dialog), candidates);
      if (!node) throw new Error('找不到选项');
      clickLikeUser(node);
      await nextTask(node);
      const ok = confirmOf(dialog);
      if (!ok) throw new Error('选择窗口中没有“确定”按钮');
      clickLikeUser(ok);
      // the page closes its window once it took the choice; a window still open refused it (请选择具体的单位)
      if (!(await waitUntil(() => !dialog.isConnected || !shown(dialog), { near: dialog, timeout: 1500 }))) throw new Error('门户未接受该选择');
    } finally {
      await dismiss(dialog);
      blur(box);
    }
    const id = hiddenOf(box);
    if (id && !id.value) throw new Error('门户未接受该选择（编号为空）');
  },
  async clear() {
    throw new Error('选择窗口的值无法通过页面清空，请手工清除');
  },
};

defineAdapter(dialogPicker, PRIORITY.dialog);
