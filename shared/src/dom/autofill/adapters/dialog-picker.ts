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
 * People are chosen in such a window too (`tickInDialog`, for a select its page holds shut beside a
 * 选择 button — JeecgBoot's user pickers): a table of people with checkboxes, each searched for by
 * name, its one row ticked, 确定.
 */
import { blur, clickLikeUser, key, textOf, unusableReason, win } from '../util.ts';
import { nameVariant } from '../../../core/autofill/names.ts';
import { isInput, same, type OptionItem, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { expandTree, findItem, findNameVariant, typeSearch } from './popup.ts';
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

// ---------------------------------------------------------------- people ticked in a dialog's table

/** What a button that opens a choosing window says. */
const CHOOSE_TEXT = /^(选\s*择|选\s*取|选\s*人|选择人员|选择用户|选择代表)$/;
const SEARCH_HINT = /姓名|名称|人员|用户|代表|关键/;
const SEARCH_BUTTON = /^(查\s*询|搜\s*索|检\s*索)$/;
const ROW_BOX = 'input[type=checkbox], input[type=radio]';

/** What a button says (its text — textOf leaves buttons out — or an input button's value). */
const buttonWords = (b: HTMLElement) => ((b as HTMLInputElement).value && b.tagName === 'INPUT' ? (b as HTMLInputElement).value : b.textContent ?? '').trim();

/** The one button beside a box, in its row, that opens its choosing window (选择, 选择人员…). */
export function chooserBeside(el: HTMLElement): HTMLElement | undefined {
  for (let p = el.parentElement, i = 0; p && i < 3; p = p.parentElement, i++) {
    const found = Array.from(p.querySelectorAll<HTMLElement>('button, a, [role=button], input[type=button]'))
      .filter((b) => !el.contains(b) && shown(b) && CHOOSE_TEXT.test(buttonWords(b)));
    if (found.length) return found.length === 1 ? found[0] : undefined;
  }
  return undefined;
}

/** The rows of the dialog's tables that can be ticked, and the one of them naming a candidate in a cell. */
function rowsNaming(dialog: HTMLElement, candidates: readonly string[]): HTMLTableRowElement[] {
  const rows = Array.from(dialog.querySelectorAll<HTMLTableRowElement>('tbody tr')).filter((r) => shown(r) && r.querySelector(ROW_BOX));
  for (const exact of [true, false]) {
    const hits = rows.filter((r) => Array.from(r.cells).some((c) => { const t = textOf(c, 60); return candidates.some((n) => (exact ? same(t, n) : nameVariant(n, t))); }));
    if (hits.length) return hits;
  }
  return [];
}

/** Searches the dialog's list for `name` as a person does: the name typed in its 姓名 box, Enter, 查询. */
async function searchFor(dialog: HTMLElement, name: string, found: () => boolean): Promise<boolean> {
  const boxes = Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type])')).filter((i) => shown(i) && !i.closest('table') && !i.readOnly);
  const says = (i: HTMLInputElement, re: RegExp) => re.test(`${i.placeholder} ${i.getAttribute('aria-label') ?? ''} ${textOf(i.parentElement, 30)}`);
  // the name's own box before a user's account or number one (用户账号 / 用户姓名)
  const box = boxes.find((i) => says(i, /姓名|名字/)) ?? boxes.find((i) => says(i, SEARCH_HINT) && !says(i, /账号|编号|工号|手机|电话/)) ?? (boxes.length === 1 ? boxes[0] : undefined);
  if (!box) return false;
  typeSearch(box, name);
  key(box, 'Enter');
  const button = Array.from(dialog.querySelectorAll<HTMLElement>('button, a, input[type=button]')).find((b) => shown(b) && SEARCH_BUTTON.test(buttonWords(b)));
  if (button) clickLikeUser(button);
  // the list redrawn with what the search found (settled), or nothing found within the bound
  await waitUntil(() => found(), { root: dialog, timeout: 1500, idle: 150 });
  return true;
}

/**
 * Opens the window `opener` opens, makes the choice in it, presses its 确定 and sees it close (the
 * page closes its window once it took the choice; one still open refused it: 请选择具体的单位); a
 * window left open by a choice that could not be made is closed as a person would.
 */
async function chooseInDialog(box: HTMLElement, opener: HTMLElement, choose: (dialog: HTMLElement) => Promise<void>): Promise<void> {
  const docs = documentsOf(box);
  const before = new Set(dialogsIn(docs));
  clickLikeUser(opener);
  const dialog = await waitUntil(() => dialogsIn(docs).find((d) => !before.has(d)), { near: box, timeout: 2000 });
  if (!dialog) throw new Error('选择窗口没有打开');
  try {
    await choose(dialog);
    const ok = confirmOf(dialog);
    if (!ok) throw new Error('选择窗口中没有“确定”按钮');
    clickLikeUser(ok);
    if (!(await waitUntil(() => !dialog.isConnected || !shown(dialog), { near: dialog, timeout: 1500 }))) throw new Error('门户未接受该选择');
  } finally {
    await dismiss(dialog);
  }
}

/**
 * Chooses people in the dialog `opener` opens (a user picker: a table of people with checkboxes,
 * a 姓名 search, 确定): each searched for by name (else found in the rows shown), its row ticked;
 * then 确定. Two rows of one name (two 李明 in different units) are not guessed between.
 */
export async function tickInDialog(box: HTMLElement, opener: HTMLElement, items: readonly OptionItem[]): Promise<void> {
  await chooseInDialog(box, opener, async (dialog) => {
    // its rows drawn (a modal zooms in, its rows transparent meanwhile; a list may load after it opens)
    await waitUntil(() => Array.from(dialog.querySelectorAll('tbody tr')).some((r) => shown(r) && r.querySelector(ROW_BOX)), { root: dialog, timeout: 1500 });
    for (const it of items) {
      const name = it.candidates[0] ?? '';
      // searched for by name when the window can search: its whole list answers then, so a second
      // person of that name on another page is seen (and not guessed between), not only the rows shown
      await searchFor(dialog, name, () => rowsNaming(dialog, it.candidates).length > 0);
      const rows = rowsNaming(dialog, it.candidates);
      if (rows.length > 1) throw new Error(`选择窗口中有 ${rows.length} 位“${name}”，请手动选择`);
      const tick = rows[0]?.querySelector<HTMLInputElement>(ROW_BOX);
      if (!tick) throw new Error(`选择窗口中找不到“${name}”`);
      if (!tick.checked) clickLikeUser(tick);
      if (!(await waitUntil(() => !tick.isConnected || tick.checked, { root: dialog, timeout: 1000 }))) throw new Error(`选择窗口中“${name}”勾选不上`);
    }
  });
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
    try {
      await chooseInDialog(box, opener, async (dialog) => {
        const node = await findNode(await contentOf(dialog), candidates);
        if (!node) throw new Error('找不到选项');
        clickLikeUser(node);
        await nextTask(node);
      });
    } finally {
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
