/**
 * Rich-text editors: a contenteditable editing area (Quill, wangEditor on Slate, ProseMirror-based
 * editors, role=textbox ones) and the editors that edit an iframe's document (TinyMCE, CKEditor 4,
 * KindEditor, UEditor: the frame's body is contenteditable or in design mode).
 *
 * Written as a person types: the editing area focused, its content selected, then the browser's
 * own editing commands (`insertText` per line, `insertParagraph` between lines). These raise the
 * trusted beforeinput / input events and DOM changes each editor listens to, so the editor's model
 * (Slate's, Quill's delta, TinyMCE's undo level) takes the text, and with it the page's v-model or
 * the textarea the editor syncs. Setting the DOM text instead left model-driven editors holding
 * nothing (Slate threw on the next selection) while the box showed the text.
 * Read back from what the editing area shows; the page's model (the editor component's v-model) is
 * checked by apply.ts through the handle's root.
 */
import { blur, fire, key, textOf, win } from '../util.ts';
import type { WidgetAdapter, WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import { nextTask } from './wait.ts';

/** An editor's own parts beside its editing area: its toolbar, menus, status bar and element path, tooltips, resize handle, the placeholder it shows while empty. */
const CHROME_CLASS = /(^|[-_\s])(tool-?bar|toolbox|menu-?bar|status-?bar|bar|tooltip|word-?count|counter|path|resize|resizer|bottom|placeholder)([-_\s]|$)/i;
const CHROME_LEVELS = 5;
const CONTROLS = 'input:not([type=hidden]), select, textarea, [contenteditable="true"], [contenteditable=""]';
const TOOLBAR = '[role=toolbar], [role=menubar], [class*="toolbar"], [class*="toolbox"], [class*="menubar"]';
const SHOWN = { visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions;

function classOf(e: Element): string { return typeof e.className === 'string' ? e.className : e.getAttribute('class') ?? ''; }

/**
 * `e` is part of the editor around an editing area, not a label or another field: not drawn (the
 * textarea the editor replaced, a screen reader's voice label), a toolbar or tooltip, or something
 * that shows no text and holds no control a person can use.
 */
function chrome(e: Element): boolean {
  if (e.tagName === 'SCRIPT' || e.tagName === 'STYLE' || (e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'hidden')) return true;
  if ((e as HTMLElement).checkVisibility && !(e as HTMLElement).checkVisibility(SHOWN)) return true;
  const role = e.getAttribute('role');
  if (role === 'toolbar' || role === 'tooltip' || role === 'menubar' || CHROME_CLASS.test(classOf(e))) return true;
  const controls = e.matches(CONTROLS) ? [e] : Array.from(e.querySelectorAll(CONTROLS));
  if (controls.some((c) => (c as HTMLElement).checkVisibility?.(SHOWN) ?? true)) return false;
  // a header holding the toolbar, whose format menu shows text (TinyMCE's 段落, CKEditor's 格式)
  if (e.querySelector(TOOLBAR)) return true;
  // else what shows no text a person sees (innerText leaves out what is not drawn: hidden button labels)
  return !((e as HTMLElement).innerText ?? textOf(e)).trim();
}

/**
 * The editor an editing area belongs to: from it up, while what sits beside it is the editor's
 * own (its toolbar above, a tooltip, a word count) — not a label, not another field. Labels are
 * read from there, as a person sees the editor as one box under its label; its toolbar's own
 * selects and inputs are claimed, not listed as fields.
 */
export function editorRoot(editing: Element): HTMLElement {
  let root = editing as HTMLElement;
  for (let i = 0; i < CHROME_LEVELS; i++) {
    const p = root.parentElement;
    if (!p || /^(BODY|HTML|FORM|TD|TH|LABEL|LI|FIELDSET)$/.test(p.tagName)) break;
    if (!Array.from(p.children).every((c) => c === root || chrome(c))) break;
    root = p;
  }
  return root;
}

/**
 * The textarea an editor replaced, hidden beside its root (KindEditor and TinyMCE put their box
 * after it in the same cell): the form's, posted once the editor syncs it; not a field of its own.
 */
function replaced(root: Element): Element[] {
  const out: Element[] = [];
  for (const sib of [root.previousElementSibling, root.nextElementSibling]) {
    if (sib?.tagName === 'TEXTAREA' && !(sib as HTMLElement).checkVisibility?.(SHOWN)) out.push(sib);
  }
  return out;
}

/**
 * `el` (a button) is part of a rich-text editor's own chrome: the first container up from it that
 * holds an editing area is that editor's. Its toolbar's 增加缩进 is not a list's add button.
 */
export function inEditorChrome(el: Element): boolean {
  for (let p = el.parentElement, i = 0; p && i <= CHROME_LEVELS; p = p.parentElement, i++) {
    const editing = p.querySelector('[contenteditable="true"], [contenteditable=""], iframe');
    if (!editing) continue;
    const area = editing.tagName === 'IFRAME' ? (editingBody(editing) ? editing : undefined) : editing;
    return !!area && editorRoot(area).contains(el);
  }
  return false;
}

/** The element typed into: the editing area (the frame's body for an iframe editor). */
const editingOf = (h: WidgetHandle): HTMLElement => (h.labelTarget && h.labelTarget.tagName === 'IFRAME' ? (h.labelTarget as HTMLIFrameElement).contentDocument?.body ?? h.el : (h.labelTarget as HTMLElement | undefined) ?? h.el);

const readEditing = (h: WidgetHandle) => { const e = editingOf(h); return (e.innerText ?? e.textContent ?? '').trim(); };

/** Selects all the editing area holds, as Ctrl+A in it does. */
function selectAll(el: HTMLElement): void {
  const w = win(el);
  const doc = el.ownerDocument;
  if (doc.activeElement !== el) { if (doc.body === el) w.focus(); el.focus({ preventScroll: true }); }
  const sel = w.getSelection();
  if (!sel) return;
  const r = doc.createRange();
  r.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(r);
}

/**
 * One editing step as a keyboard makes it: first the beforeinput event (with the selection as its
 * target range) that model-driven editors take and cancel — Slate (wangEditor), CKEditor 5 and
 * Quill's replace apply it to their model; Chrome's execCommand raises no beforeinput — and, when
 * no editor took it, the browser's own command, whose DOM change and input event the editors that
 * watch their DOM (Quill, TinyMCE, CKEditor 4, KindEditor) read.
 */
function edit(el: HTMLElement, inputType: 'insertText' | 'insertParagraph' | 'deleteContent', data: string | null): void {
  const w = win(el);
  const sel = w.getSelection();
  const r = sel && sel.rangeCount ? sel.getRangeAt(0) : undefined;
  const targetRanges = r ? [new w.StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset })] : [];
  const ev = new w.InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, inputType, data, targetRanges });
  el.dispatchEvent(ev);
  if (ev.defaultPrevented) return;
  const doc = el.ownerDocument;
  if (inputType === 'insertText') doc.execCommand('insertText', false, data ?? '');
  else if (inputType === 'insertParagraph') doc.execCommand('insertParagraph');
  else doc.execCommand('delete');
}

/**
 * Types `text` over what the editing area holds: each line typed, a new paragraph between lines
 * (as Enter), a task apart so the editor renders its model before the next step (Slate and Quill
 * apply a change after the event; the next step goes where they put the caret).
 */
async function typeInto(el: HTMLElement, text: string): Promise<void> {
  selectAll(el);
  await nextTask(el);
  const lines = text.split(/\r?\n/);
  if (lines.every((l) => !l)) { edit(el, 'deleteContent', null); await nextTask(el); }
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) { edit(el, 'insertParagraph', null); await nextTask(el); }
    if (lines[i]) { edit(el, 'insertText', lines[i]!); await nextTask(el); }
  }
  // the last key a person releases: editors' wrappers that keep the page's model on keyup (as
  // TinyMCE's are often set up) or start their change check there (KindEditor, UEditor) hear it
  key(el, 'End');
  fire(el, 'change');
  // the editor's own blur (an editor in a frame syncs its textarea then: KindEditor's afterBlur)
  const doc = el.ownerDocument;
  blur(el);
  if (doc.defaultView?.frameElement) doc.defaultView.dispatchEvent(new (win(el).FocusEvent)('blur'));
}

const richText = {
  read: readEditing,
  async write(h: WidgetHandle, v: Parameters<WidgetAdapter['write']>[1]) {
    if (v.type !== 'text') throw new Error('富文本只接受文本');
    await typeInto(editingOf(h), v.text);
  },
  async clear(h: WidgetHandle) { await typeInto(editingOf(h), ''); },
};

export const contentEditable: WidgetAdapter = {
  name: 'contenteditable',
  detect(el) {
    if (!(el as HTMLElement).isContentEditable || (el.parentElement as HTMLElement | null)?.isContentEditable) return undefined;
    // the body of an editor's frame is reached through the frame (richTextFrame)
    if (el.tagName === 'BODY') return undefined;
    const root = editorRoot(el);
    const claims = [...(root === el ? [] : Array.from(root.querySelectorAll(CONTROLS)).filter((c) => c !== el)), ...replaced(root)];
    return { el: root, visible: el, labelTarget: el, kind: 'richtext', ...(claims.length ? { claims } : {}) };
  },
  ...richText,
};

/** The body of a same-origin frame that is an editor's editing area (contenteditable, or the document in design mode). */
function editingBody(frame: Element): HTMLElement | undefined {
  let doc: Document | null = null;
  try { doc = (frame as HTMLIFrameElement).contentDocument; } catch { doc = null; }
  const body = doc?.body;
  if (!doc || !body) return undefined;
  return body.isContentEditable || doc.designMode === 'on' ? body : undefined;
}

/**
 * An editor that edits an iframe's document (TinyMCE's default, CKEditor 4, KindEditor, UEditor):
 * the frame is the box a person sees in the page's layout and its label is there; the frame's
 * body is typed into. The textarea the editor replaced stays hidden in the form.
 */
export const richTextFrame: WidgetAdapter = {
  name: 'richtext-frame',
  roots: 'iframe',
  detect(el) {
    const body = editingBody(el);
    if (!body) return undefined;
    const root = editorRoot(el);
    const claims = [body, ...Array.from(root.querySelectorAll(CONTROLS)).filter((c) => c !== el), ...replaced(root)];
    return { el: root, visible: el, labelTarget: el, kind: 'richtext', claims };
  },
  ...richText,
};

defineAdapter(contentEditable, PRIORITY.contenteditable);
defineAdapter(richTextFrame, PRIORITY.contenteditable);
