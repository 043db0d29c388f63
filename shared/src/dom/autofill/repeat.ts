/**
 * Repeating groups outside tables: a list the page draws as blocks of the same controls (课程 /
 * 授课人 / 学时), one per item, with its own add button — form-create's `group`, Ant Design
 * Form.List, a Vue v-for of Element Plus form items, Formily ArrayItems/ArrayCards.
 *
 * Scan: from each add button (添加/新增/增加…, or an icon-only + whose class says add/plus), the
 * blocks are the run of sibling elements of one kind holding the same control labels next to
 * the button or around it; none on the page yet → a group of no blocks, named by the form item
 * or the title it sits under. Fill: block i takes row i; a missing block is made by clicking the
 * page's own add button (visible and reachable only), and the block it adds is waited for on the
 * page's mutations, bounded. Every cell is written and read back through its adapter.
 */
import type { FillReport, FillReportEntry, RepeatFillStep, ScannedGroup, ScannedLabel } from '../../core/autofill/types.ts';
import { matchBlockFields } from '../../core/autofill/repeat.ts';
import { visibleLabel } from '../../core/autofill/words.ts';
import { waitUntil, type ReadValue, type WidgetAdapter, type WidgetHandle } from './adapters/index.ts';
import { accepted, toFillValue, untilUsable } from './apply.ts';
import { notAccepted } from './verify.ts';
import { buttonText, CONTROL_SELECTOR, inferLabels, isRecordTable, labelFromFormItem, scanPage, titleAbove, type PageSession } from './scan.ts';
import { hiddenTabs, showTabsOf } from './tabs.ts';
import { inEditorChrome } from './adapters/contenteditable.ts';
import { clickLikeUser, isElement, textOf, unusableReason, win } from './util.ts';

export interface GroupEntry {
  id: string;
  /** The element holding the blocks (and, mostly, the add button). */
  container: Element;
  /** Parent and kind of the blocks (`kindOf`); undefined while the page shows no block. */
  parent: Element | undefined;
  kind: string | undefined;
  /** The labels a block holds (`signature`), so that other fields of the same kind are not taken for blocks. */
  sig: string | undefined;
  addButton: HTMLElement | undefined;
  frame: string;
  /** The blocks as the scan found them (each control of the scan is placed by these, without recomputing). */
  scanned: Element[];
  /** False for a list found by its blocks alone: no button of the page is clicked for it. */
  canAdd: boolean;
  /** Its add button is the one a portal mapping names: used as it is, whatever its words. */
  mapped?: boolean;
}

const ADD_TEXT = /^[+＋\s]*(添加|新增|增加|添行|加一行|追加|新建|再加一)/;
const DEL_TEXT = /^(删除|移除|删行|删去|[-－×✕])/;
/** Class-name words of an icon-only add button (el-icon-plus, anticon-plus, _fc-group-add) or a delete one. */
const ADD_WORD = /(^|[-_])(add|plus)([-_]|$)/i;
const DEL_WORD = /(^|[-_])(minus|del|delete|remove|reduce|close)([-_]|$)/i;
/** What a person clicks as a button (tables' add-row buttons are looked for among the same). */
export const CLICKABLE = 'button, a, [role=button], input[type=button], .layui-btn';
const POPUP = '[role=listbox], [role=menu], [role=tree], [class*="picker-panel"], [class*="dropdown"], [class*="popper"], [class*="popover"]';
const MAX_BUTTONS = 200;
const MAX_UP = 7;

const isControl = (el: Element) => el.matches(CONTROL_SELECTOR);
export const hasControl = (el: Element) => isControl(el) || !!el.querySelector(CONTROL_SELECTOR);

function tokens(el: Element): string[] {
  const c = el.getAttribute('class') ?? '';
  return c.split(/\s+/).filter(Boolean).slice(0, 20);
}

/** What an icon-only button's class names say: add, delete, or nothing (`_fc-group-plus-minus` alone is form-create's +). */
function iconSays(el: Element): 'add' | 'del' | undefined {
  const own = [el, ...Array.from(el.children).slice(0, 3)].flatMap(tokens);
  const pureDel = own.some((t) => DEL_WORD.test(t) && !ADD_WORD.test(t));
  if (pureDel) return 'del';
  return own.some((t) => ADD_WORD.test(t)) ? 'add' : undefined;
}

/** What the button shows as text (not its aria-label or title: those are checked apart). */
function shortText(el: Element): string {
  const own = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : (el.textContent ?? '');
  // Ant Design spaces out a two-character caption (删 除, 添 加)
  return own.replace(/\s+/g, ' ').trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '').slice(0, 30);
}

/** A clickable element that adds an item to a list: its words, else its icon, aria-label or title. */
export function isAddButton(el: Element): boolean {
  // (a rich-text editor's toolbar button — 增加缩进 — adds nothing to a list: checked last, only for what looks like adding)
  return saysAdd(el) && !inEditorChrome(el);
}

function saysAdd(el: Element): boolean {
  const text = shortText(el);
  if (text && text !== '+' && text !== '＋') return ADD_TEXT.test(text) && text.length <= 16;
  // an icon or aria-only + that is part of one control's widget (a number box's 增加数值 stepper) adds nothing to a list
  if (partOfWidget(el)) return false;
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  if (aria && ADD_TEXT.test(aria)) return true;
  return iconSays(el) === 'add' || text === '+' || text === '＋' || headerIconButton(el, text, aria);
}

/**
 * A button of a table's header row that shows an icon and nothing else (Avue's dynamic child
 * table, el-table forms with a ⊕ over the index column): the header holds no row to delete or
 * edit, so its one button adds a row. Sort and filter carets are not buttons.
 */
function headerIconButton(el: Element, text: string, aria: string): boolean {
  if (text || aria || !(el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')) return false;
  const cell = el.closest('th');
  if (!cell || !el.querySelector('svg, i, img, [class*="icon"]')) return false;
  return Array.from(cell.querySelectorAll('button, [role=button]')).length === 1 && iconSays(el) !== 'del';
}

/** Within two levels up, a box around exactly one control: the element is that widget's own button. */
function partOfWidget(el: Element): boolean {
  for (let p = el.parentElement, up = 0; p && up < 2; p = p.parentElement, up++) {
    const n = outermostControls(p).length;
    if (n === 1) return true;
    if (n > 1) return false;
  }
  return false;
}

/** A delete button of a block (删除, ×, an icon whose class says minus/delete). */
export function isDeleteButton(el: Element): boolean {
  const text = shortText(el);
  if (text) return DEL_TEXT.test(text) && text.length <= 8;
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  if (/删除|移除|minus|delete|remove/i.test(aria)) return true;
  return iconSays(el) === 'del';
}

/** The elements of `root` a person clicks to add an item to a list (not inside tables: those are tables' rows). */
function addButtons(root: Document | ShadowRoot): HTMLElement[] {
  const out: HTMLElement[] = [];
  const all = root.querySelectorAll<HTMLElement>(`${CLICKABLE}, [class*="add" i], [class*="plus" i]`);
  for (let i = 0; i < all.length && out.length < MAX_BUTTONS; i++) {
    let el = all[i]!;
    if (el.closest('table') || el.closest(POPUP)) continue;
    if (!el.matches(CLICKABLE)) {
      // an icon inside a button is that button's; a bare icon must look clickable and say add
      const btn = el.parentElement?.closest(CLICKABLE) as HTMLElement | null;
      if (btn && btn.contains(el) && depth(btn, el) <= 3) el = btn;
      else if (textOf(el) && !/^[+＋]$/.test(textOf(el))) continue;
      else if (iconSays(el) !== 'add' || win(el).getComputedStyle(el).cursor !== 'pointer') continue;
    }
    if (!out.includes(el) && isAddButton(el)) out.push(el);
  }
  return out;
}

function depth(anc: Element, el: Element): number {
  let n = 0;
  for (let p: Element | null = el; p && p !== anc; p = p.parentElement) n++;
  return n;
}

const STATE_CLASS = /^(is-|has-|ant-form-item-has|css-)|(active|error|focus|hover|success|warning|validating|required|disabled|checked|selected|first|last|odd|even)/i;
/** An element's kind as its siblings of the same list share it: tag and first stable class. */
function kindOf(el: Element): string {
  const cls = tokens(el).find((t) => !STATE_CLASS.test(t) && !/\d{2,}/.test(t)) ?? '';
  return `${el.tagName}.${cls}`;
}

/** A block's label without its number (课程1, 第2项 课程 → 课程). */
export function fieldOf(text: string): string {
  const t = text.replace(/^(第\s*[0-9一二三四五六七八九十]+\s*[项个条组]?|[0-9]+\s*[、.．:：)）])\s*/u, '').replace(/\s*[(（]?\s*[0-9]+\s*[)）]?\s*$/u, '').trim();
  return visibleLabel(t) || visibleLabel(text) || text;
}

function outermostControls(el: Element): Element[] {
  const list = Array.from(el.querySelectorAll(CONTROL_SELECTOR)).slice(0, 60);
  if (isControl(el)) list.unshift(el);
  return list.filter((c) => !list.some((o) => o !== c && o.contains(c)));
}

/** The control labels a block holds, in order: two blocks of one list hold the same. */
function signature(el: Element, cache: Map<Element, string>): string {
  let s = cache.get(el);
  if (s !== undefined) return s;
  const labels: string[] = [];
  for (const c of outermostControls(el)) {
    const l = cellField(inferLabels(c, false), el);
    if (labels[labels.length - 1] !== l) labels.push(l);
  }
  s = labels.join('|');
  cache.set(el, s);
  return s;
}

/** A table holding records (not a date picker's grid) inside `el`, outside its blocks. */
function holdsDataTable(el: Element): boolean {
  return Array.from(el.querySelectorAll('table')).some((t) => isRecordTable(t, el));
}

/** A group as found: `button` absent for blocks found by their likeness alone (a list of a fixed length). */
interface Found { container: Element; blocks: Element[]; button: HTMLElement | undefined }

/**
 * The blocks next to `start` among its siblings: the nearest sibling holding controls in
 * `dir`, and the siblings of its kind and labels beyond it (elements without controls between
 * them — dividers, titles — are passed over).
 */
function runFrom(start: Element, dir: 'prev' | 'next', cache: Map<Element, string>, withStart: boolean): Element[] {
  const step = (e: Element) => (dir === 'prev' ? e.previousElementSibling : e.nextElementSibling);
  let first: Element | null = withStart ? start : step(start);
  while (first && !hasControl(first)) first = step(first);
  if (!first) return [];
  const kind = kindOf(first), sig = signature(first, cache);
  const out = [first];
  for (let e = step(first), n = 0; e && n < 200; e = step(e), n++) {
    if (!hasControl(e)) continue;
    if (kindOf(e) !== kind || signature(e, cache) !== sig) break;
    out.push(e);
  }
  return dir === 'prev' ? out.reverse() : out;
}

/** A run that is one wrapper of same blocks (a list div around the items): its items. */
function unwrap(run: Element[], cache: Map<Element, string>): Element[] {
  let cur = run;
  for (let i = 0; i < 3 && cur.length === 1; i++) {
    const kids = Array.from(cur[0]!.children).filter(hasControl);
    if (kids.length < 2) break;
    const k = kindOf(kids[0]!), s = signature(kids[0]!, cache);
    if (!kids.every((c) => kindOf(c) === k && signature(c, cache) === s)) break;
    cur = kids;
  }
  return cur;
}

/** A lone block is taken as one when it shows it is one: a delete button inside, or several controls in a box of its own kind. */
function looksLikeBlock(run: Element[], cache: Map<Element, string>, strong: boolean): boolean {
  if (run.length >= 2) return true;
  const b = run[0];
  if (!b) return false;
  if (Array.from(b.querySelectorAll(`${CLICKABLE}, [class*="minus" i], [class*="del" i], [class*="remove" i], [aria-label]`)).some(isDeleteButton)) return true;
  if (strong) return false;
  const prev = b.previousElementSibling;
  return signature(b, cache).includes('|') && (!prev || kindOf(prev) !== kindOf(b));
}

/** Form items of the libraries the scan knows (scan.ts labelFromFormItem): a list with no block yet is one field of the form. */
const FORM_ITEM = '.el-form-item, .ant-form-item, .ivu-form-item, .t-form__item, .n-form-item, .arco-form-item, .layui-form-item, .next-form-item, .van-field, .form-group, [class*="form-item"], [class*="FormItem"]';

/** Another list's add button inside `el`: `el` is not a block of the list `btn` adds to. */
function holdsOtherAdd(el: Element, btn: Element): boolean {
  return Array.from(el.querySelectorAll(`${CLICKABLE}, [class*="add" i], [class*="plus" i]`)).some((b) => b !== btn && !b.contains(btn) && !btn.contains(b) && isAddButton(b));
}

/** The nearest sibling of `e` in `dir` that holds a control or a table. */
function neighbour(e: Element, dir: 'prev' | 'next'): Element | undefined {
  const holds = (x: Element) => hasControl(x) || x.matches('table') || !!x.querySelector('table');
  let x = dir === 'prev' ? e.previousElementSibling : e.nextElementSibling;
  while (x && !holds(x)) x = dir === 'prev' ? x.previousElementSibling : x.nextElementSibling;
  return x ?? undefined;
}

function groupAround(btn: HTMLElement, cache: Map<Element, string>): Found | undefined {
  let e: Element = btn;
  // a lone block beside the button without a delete button of its own: taken unless the button turns out to sit inside a block one level up
  let weak: Found | undefined;
  for (let up = 0; up < MAX_UP; up++) {
    const p = e.parentElement;
    if (!p || p.tagName === 'BODY' || p.tagName === 'HTML') break;
    if (e !== btn && hasControl(e)) {
      // the button inside a block (form-create draws + in the last block)
      const run = [...runFrom(e, 'prev', cache, false), e, ...runFrom(e, 'next', cache, false)].filter((x) => kindOf(x) === kindOf(e) && signature(x, cache) === signature(e, cache) && !holdsOtherAdd(x, btn));
      if (looksLikeBlock(run, cache, true)) return { container: p, blocks: run, button: btn };
      return weak;
    }
    if (weak) return weak;
    // a button beside a table of records (empty at first: 暂无数据) adds that table's rows: tables are scanned apart
    if (e !== btn && holdsDataTable(e)) return undefined;
    // the button alone in a labelled form item (form-create's group before its first block): that field is the list
    if (e !== btn && e.matches(FORM_ITEM) && labelFromFormItem(btn)) return { container: e, blocks: [], button: btn };
    const others = Array.from(p.children).some((ch) => ch !== e && hasControl(ch));
    if (others) {
      // the nearest neighbour holding controls, before the button first (lists sit above their add button), then after it:
      // a table of records there → the button adds its rows (tables are scanned apart)
      for (const dir of ['prev', 'next'] as const) {
        const n = neighbour(e, dir);
        if (!n) continue;
        if (n.matches('table') || holdsDataTable(n)) return undefined;
        const run = unwrap(runFrom(e, dir, cache, false), cache).filter((b) => !holdsOtherAdd(b, btn) && !holdsDataTable(b));
        const found = { container: run[0]?.parentElement ?? p, blocks: run, button: btn };
        if (looksLikeBlock(run, cache, true)) return found;
        if (!weak && looksLikeBlock(run, cache, false)) weak = found;
      }
      if (!weak) return { container: e, blocks: [], button: btn };
    }
    e = p;
  }
  // the last wrapper reached holds a table of records (a grid's toolbar sits six levels down in
  // DevExtreme's dxDataGrid: button, item, toolbar item, before, items, toolbar, header panel): its add button
  if (!weak && holdsDataTable(e)) return undefined;
  return weak ?? { container: btn.parentElement ?? btn, blocks: [], button: btn };
}

/** Words of an add button after its verb (添加课程 → 课程, ＋新增议题 → 议题): what the list or table it adds to holds. */
export function listNameFromButton(btn: Element): string {
  return buttonText(btn).replace(ADD_TEXT, '').replace(/[+＋]/g, '').trim();
}

function groupLabels(f: Found): ScannedLabel[] {
  const out: ScannedLabel[] = [];
  const add = (source: ScannedLabel['source'], text: string | undefined) => {
    const t = visibleLabel((text ?? '').replace(/\s+/g, ' ').trim());
    if (t && t.length <= 30 && !out.some((l) => l.text === t)) out.push({ source, text: t });
  };
  const inBlock = (el: Element) => f.blocks.some((b) => b.contains(el));
  // the form item the whole list sits in (form-create's group is one field of the form)
  const fi = labelFromFormItem(f.container);
  if (fi && !f.blocks.some((b) => b.contains(f.container))) add('form-item', fi);
  // a list with no block yet sits inside its form item; a label of a block's own item is not the list's
  const own = f.button ? labelFromFormItem(f.button) : undefined;
  const blockLabels = new Set(f.blocks.flatMap((b) => signature(b, new Map()).split('|')));
  if (own && !blockLabels.has(fieldOf(own))) add('form-item', own);
  const box = f.container.closest('fieldset, section, .el-card, .ant-card, .layui-card, .next-card, .arco-card, .t-card, .n-card, .ivu-card, [class*="array-cards"], [class*="ArrayCards"]');
  const heading = box?.querySelector('legend, h1, h2, h3, h4, h5, [class*="card-head-title"], [class*="card__header"], [class*="header-title"], [class*="title"]');
  if (heading && !inBlock(heading) && !heading.contains(f.container)) add('legend', textOf(heading));
  const first = f.blocks[0] ?? f.button;
  if (first) add('legend', titleAbove(first));
  add('legend', titleAbove(f.container));
  if (f.button) add('aria-label', listNameFromButton(f.button));
  return out;
}

/**
 * The repeating groups of one document or shadow root. Registers them in the session (ids
 * `g0`, `g1`…) and returns their add buttons, which are then not a table's.
 */
export function scanGroups(root: Document | ShadowRoot, frame: string, session: PageSession): Set<Element> {
  const claimed = new Set<Element>();
  const cache = new Map<Element, string>();
  const found: Found[] = [];
  for (const btn of addButtons(root)) {
    const f = groupAround(btn, cache);
    if (f) found.push(f);
  }
  found.push(...likeBlocks(root, cache, found));
  for (const f of found) {
    const known = knownGroup(session, f);
    if (known) { if (f.button) claimed.add(f.button); continue; }
    const labels = groupLabels(f);
    if (!labels.length) continue;
    registerGroup(session, f, labels, frame, cache);
    if (f.button) claimed.add(f.button);
  }
  return claimed;
}

function knownGroup(session: PageSession, f: Found): GroupEntry | undefined {
  return [...session.groups.values()].find((g) => g.container === f.container || (f.blocks[0] && g.parent === f.blocks[0].parentElement && g.kind === kindOf(f.blocks[0])));
}

function registerGroup(session: PageSession, f: Found, labels: ScannedLabel[], frame: string, cache: Map<Element, string>): ScannedGroup {
  const id = `g${session.groups.size}`;
  const first = f.blocks[0];
  session.groups.set(id, { id, container: f.container, parent: first?.parentElement ?? undefined, kind: first ? kindOf(first) : undefined, sig: first ? signature(first, cache) : undefined, addButton: f.button, frame, scanned: f.blocks, canAdd: !!f.button });
  const g: ScannedGroup = { id, labels, fields: [], blocks: f.blocks.length, canAdd: !!f.button, frame };
  const tabs = hiddenTabs(f.container);
  if (tabs?.length) g.tab = tabs[tabs.length - 1]!.label;
  (session.result.groups ??= []).push(g);
  return g;
}

/**
 * The group a portal mapping's list entry points at (its add button, and the blocks its
 * `rowSelector` names): the group the scan found around that button, else one made from the
 * button (and the rows) as the scan would have, labelled or not — the mapping names its field.
 */
export function groupForMapping(root: Document | ShadowRoot, btn: HTMLElement, rowSelector: string | undefined, frame: string, session: PageSession): ScannedGroup | undefined {
  const cache = new Map<Element, string>();
  let rows: Element[] = [];
  if (rowSelector) { try { rows = Array.from(root.querySelectorAll(rowSelector)).slice(0, MAX_GROUP_BLOCKS); } catch { rows = []; } }
  const f: Found | undefined = rows.length ? { container: rows[0]!.parentElement ?? rows[0]!, blocks: rows, button: btn } : groupAround(btn, cache);
  if (!f) return undefined;
  const known = [...session.groups.values()].find((g) => g.addButton === btn) ?? knownGroup(session, f);
  const entry = known ?? session.groups.get(registerGroup(session, f, groupLabels(f), frame, cache).id)!;
  // the mapping's button adds to this list, whatever its words say
  entry.addButton = btn; entry.canAdd = true; entry.mapped = true;
  const g = session.result.groups?.find((x) => x.id === entry.id);
  if (g) g.canAdd = true;
  return g;
}

/** At most this many blocks of a mapped list are taken from its row selector. */
const MAX_GROUP_BLOCKS = 200;

const MAX_LIKE_CONTROLS = 400;

/**
 * Lists of a fixed length, with no add button: two or more sibling blocks of one kind, each
 * holding the same two or more control labels (课程名称 / 授课人 / 学时 twice). Rows of tables and
 * the lists found from a button are left out. Bounded: the first MAX_LIKE_CONTROLS controls,
 * each parent looked at once.
 */
function likeBlocks(root: Document | ShadowRoot, cache: Map<Element, string>, already: readonly Found[]): Found[] {
  const out: Found[] = [];
  const looked = new Set<Element>();
  const taken = (el: Element) => [...already, ...out].some((f) => f.container.contains(el) || f.blocks.some((b) => b.contains(el) || el.contains(b)));
  const controls = Array.from(root.querySelectorAll(CONTROL_SELECTOR)).slice(0, MAX_LIKE_CONTROLS);
  for (const c of controls) {
    if (c.closest('table') || c.closest(POPUP) || taken(c)) continue;
    let e: Element = c;
    for (let up = 0; up < MAX_UP; up++) {
      const p = e.parentElement;
      if (!p || /^(BODY|HTML)$/.test(p.tagName)) break;
      e = p;
      if (looked.has(p)) continue;
      looked.add(p);
      const kids = Array.from(p.children).filter((k) => hasControl(k) && outermostControls(k).length >= 2);
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!, kind = kindOf(k), sig = signature(k, cache);
        if (!sig.includes('|') || sig.split('|').some((l) => !l)) continue;
        const run = [k];
        for (let j = i + 1; j < kids.length && kindOf(kids[j]!) === kind && signature(kids[j]!, cache) === sig; j++) run.push(kids[j]!);
        // contiguous among the children holding controls
        const all = Array.from(p.children).filter(hasControl);
        const contiguous = run.every((b, n) => n === 0 || all.indexOf(b) === all.indexOf(run[n - 1]!) + 1);
        if (run.length >= 2 && contiguous && !taken(k)) { out.push({ container: p, blocks: run, button: undefined }); i += run.length - 1; }
      }
    }
  }
  return out;
}

/** The blocks of a group now on the page, in order. */
export function blocksOf(g: GroupEntry): Element[] {
  if (!g.parent || !g.kind) return [];
  const cache = new Map<Element, string>();
  return Array.from(g.parent.children).filter((ch) => kindOf(ch) === g.kind && hasControl(ch) && (g.sig === undefined || signature(ch, cache) === g.sig));
}

/**
 * A cell's own label: the first of its labels that is not the list's. A list drawn inside one
 * form item (antd's Form.List under 同行人员, cells with placeholders only) gives every cell that
 * item's label first, and every cell would be 同行人员.
 */
function cellField(labels: readonly ScannedLabel[], inside: Element): string {
  const list = labelFromFormItem(inside);
  const own = list ? labels.filter((l) => !(l.source === 'form-item' && visibleLabel(l.text) === visibleLabel(list))) : labels;
  return fieldOf((own[0] ?? labels[0])?.text ?? '');
}

/** Which block of which group a scanned control sits in, with its label there. */
export function blockOf(session: PageSession, el: Element, labels: readonly ScannedLabel[]): ScannedLabelBlock | undefined {
  for (const g of session.groups.values()) {
    if (!g.parent?.contains(el)) continue;
    const index = g.scanned.findIndex((b) => b.contains(el));
    if (index >= 0) return { group: g.id, index, field: cellField(labels, g.scanned[index]!) };
  }
  return undefined;
}
type ScannedLabelBlock = { group: string; index: number; field: string };

/** The first block's labels of every group, once the scan has labelled its controls. */
export function finishGroups(session: PageSession): void {
  for (const g of session.result.groups ?? []) {
    const fields: string[] = [];
    for (const c of session.result.controls) if (c.block?.group === g.id && c.block.index === 0 && c.block.field && !fields.includes(c.block.field)) fields.push(c.block.field);
    g.fields = fields;
  }
}

/** The add button of a group now (form-create draws a new + in each new last block). */
function currentAdd(g: GroupEntry): HTMLElement | undefined {
  // (a framework may patch the same element into another button: form-create's + of the last block becomes its −)
  if (g.addButton?.isConnected && (g.mapped || isAddButton(g.addButton)) && !unusableReason(g.addButton, { reach: true })) return g.addButton;
  if (g.mapped) return undefined; // the mapping's button is gone or out of reach: no other button is guessed
  const scope = g.parent ?? g.container;
  const near = [scope, scope.parentElement, scope.parentElement?.parentElement].filter((x): x is Element => !!x);
  for (const s of near) {
    const list = Array.from(s.querySelectorAll<HTMLElement>(`${CLICKABLE}, [class*="add" i], [class*="plus" i]`)).filter((b) => !b.closest('table') && isAddButton(b) && !unusableReason(b, { reach: true }));
    if (list.length) return (g.addButton = list[list.length - 1]);
  }
  return undefined;
}

const ADD_WAIT_MS = 1500;

/**
 * Clicks the group's add button as a person would and waits (on mutations, bounded) for the
 * block it makes: the next of the blocks' kind, or — when the page showed none — the outermost
 * element added since the click that holds a control. Undefined when none came.
 */
async function addBlock(g: GroupEntry): Promise<Element | undefined> {
  if (!g.canAdd) return undefined;
  const btn = currentAdd(g);
  if (!btn) return undefined;
  const before = blocksOf(g);
  const doc = btn.ownerDocument;
  const added: Element[] = [];
  const mo = new (win(btn).MutationObserver)((recs) => { for (const r of recs) for (const n of Array.from(r.addedNodes)) if (isElement(n) && added.length < 500) added.push(n); });
  mo.observe(doc.body, { childList: true, subtree: true });
  clickLikeUser(btn);
  const block = await waitUntil(() => {
    if (g.parent) {
      const now = blocksOf(g);
      const fresh = now.find((b) => !before.includes(b));
      if (fresh) return fresh;
    }
    // the first block of a list that showed none: the element the click added (not a popup)
    // (a re-render inside a block there before is not a new block)
    const fresh = added.filter((n) => n.isConnected && !n.closest(POPUP) && hasControl(n) && !added.some((o) => o !== n && o.contains(n)) && !before.some((b) => b.contains(n) || n.contains(b)));
    if (!fresh.length) return undefined;
    // nearest the button: the deepest common ancestor with it
    const dist = (n: Element) => { let d = 0; for (let p: Element | null = n; p && !p.contains(btn); p = p.parentElement) d++; return d; };
    return fresh.sort((a, b) => dist(a) - dist(b))[0];
  }, { near: doc, timeout: ADD_WAIT_MS });
  mo.disconnect();
  if (!block) return undefined;
  // a block keeps rendering its controls for a moment (a nested form mounts): wait until it holds as many as the blocks before it
  const want = before[0] ? outermostControls(before[0]).length : 0;
  await waitUntil(() => outermostControls(block).length >= Math.max(1, want), { root: block.parentElement ?? doc, timeout: 600, idle: 100 });
  if (!g.parent || !g.kind || kindOf(block) !== g.kind) {
    g.parent = block.parentElement ?? undefined;
    g.kind = kindOf(block);
    g.sig = signature(block, new Map());
  }
  return block;
}

interface Cell { adapter: WidgetAdapter; handle: WidgetHandle; field: string }

/** The controls of a block with their labels there, as a scan of the page reads them. */
function cellsOf(block: Element): Cell[] {
  const s = scanPage(block.ownerDocument, {});
  const out: Cell[] = [];
  for (const c of s.result.controls) {
    const e = s.controls.get(c.id)!;
    if (!block.contains(e.handle.el)) continue;
    out.push({ adapter: e.adapter, handle: e.handle, field: c.block?.field ?? cellField(c.labels, block) });
  }
  return out;
}

interface Written { adapter: WidgetAdapter; handle: WidgetHandle; before: ReadValue; control: string }

export type GroupUndo = () => Promise<{ restored: number; failed: { control: string; error: string }[] }>;

/**
 * Writes the plan's groups, row by row, one report entry per cell; returns the undo for what it
 * wrote and the blocks it added (removed with their own delete button).
 */
export async function fillGroups(session: PageSession, steps: readonly RepeatFillStep[], report: FillReport): Promise<GroupUndo> {
  const written: Written[] = [];
  const addedBlocks: Element[] = [];
  for (const step of steps) {
    const g = session.groups.get(step.group);
    const entryFor = (i: number, field: string, display: string): FillReportEntry => {
      const e: FillReportEntry = { control: `${step.group}:${i}:${field}`, key: step.key, label: step.label, display: `第 ${i + 1} 项 ${field}：${display}`, cell: { index: i, field } };
      if (step.field) e.field = step.field;
      if (step.tab !== undefined) e.tab = step.tab;
      return e;
    };
    const failRows = (from: number, error: string) => {
      for (let j = from; j < step.rows.length; j++) for (const [k, d] of Object.entries(step.rows[j]!.display)) report.failed.push({ ...entryFor(j, k, d), error });
    };
    if (!g) { failRows(0, '列表不在本次扫描中'); continue; }
    if (hiddenTabs(g.container)?.length && !(await showTabsOf(g.container))) { failRows(0, '列表所在的标签页无法切换'); continue; }
    let fieldFor: Map<string, string> | undefined; // row key → block label (unseen groups)
    for (let i = 0; i < step.rows.length; i++) {
      let blocks = blocksOf(g);
      if (blocks.length <= i) {
        const made = await addBlock(g);
        if (!made) { failRows(i, g.canAdd && currentAdd(g) ? '点击添加后没有出现新的一项' : '页面只有这几项，没有可用的添加按钮'); break; }
        addedBlocks.push(made);
        blocks = blocksOf(g);
      }
      const block = blocks[i];
      if (!block) { failRows(i, '新增的一项没有出现在列表中'); break; }
      const cells = cellsOf(block);
      const row = step.rows[i]!;
      if (step.unseen && !fieldFor) {
        const fields = [...new Set(cells.map((c) => c.field))];
        const keys = Object.keys(row.values);
        const m = matchBlockFields(fields, keys.map((k) => ({ label: k })));
        fieldFor = new Map([...m].map(([f, ki]) => [keys[ki]!, f]));
        if (fieldFor.size === 0 && fields.length === 1 && keys.length === 1) fieldFor.set(keys[0]!, fields[0]!);
      }
      for (const [k, value] of Object.entries(row.values)) {
        const field = step.unseen ? fieldFor?.get(k) : k;
        const entry = entryFor(i, field ?? k, row.display[k] ?? '');
        const cell = field !== undefined ? cells.find((c) => c.field === field) : undefined;
        if (!cell) { report.failed.push({ ...entry, error: `第 ${i + 1} 项中没有“${k}”一栏` }); continue; }
        const why = await untilUsable(cell.adapter, cell.handle);
        if (why) { report.failed.push({ ...entry, error: `第 ${i + 1} 项“${field}”不可用` }); continue; }
        try {
          const before = cell.adapter.read(cell.handle);
          await cell.adapter.write(cell.handle, value);
          written.push({ adapter: cell.adapter, handle: cell.handle, before, control: entry.control });
          const held = await accepted(cell.adapter, cell.handle, value);
          if (held !== true) report.failed.push({ ...entry, error: notAccepted(held, false) });
          else report.filled.push(entry);
        } catch (e) {
          report.failed.push({ ...entry, error: e instanceof Error ? e.message : String(e) });
        }
      }
    }
  }
  return async () => {
    let restored = 0;
    const failed: { control: string; error: string }[] = [];
    for (const w of [...written].reverse()) {
      if (addedBlocks.some((b) => b.contains(w.handle.el))) { restored++; continue; }
      try {
        const v = toFillValue(w.before, w.handle);
        if (v) await w.adapter.write(w.handle, v);
        else if (w.adapter.clear) await w.adapter.clear(w.handle);
        else throw new Error('该控件不能清空');
        restored++;
      } catch (e) {
        failed.push({ control: w.control, error: e instanceof Error ? e.message : String(e) });
      }
    }
    // blocks this fill added: removed with their own delete button, the last first
    for (const b of addedBlocks.reverse()) {
      if (!b.isConnected) continue;
      const del = Array.from(b.querySelectorAll<HTMLElement>(`${CLICKABLE}, [class*="minus" i], [class*="del" i], [class*="remove" i], [aria-label]`)).filter((x) => isDeleteButton(x) && !unusableReason(x)).pop();
      if (del) { clickLikeUser(del); await waitUntil(() => !b.isConnected, { near: b.ownerDocument, timeout: 800 }); }
      if (b.isConnected) failed.push({ control: 'block', error: '新增的一项没有可用的删除按钮' });
    }
    return { restored, failed };
  };
}
