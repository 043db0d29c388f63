/**
 * Scanning a page: every control a person could fill, in the top document, same-origin frames
 * and open shadow roots, each with its labels as a person reads them and its current value.
 * Cross-origin frames are never entered (they are listed as refused); password fields are
 * never listed.
 */
import type { ScanResult, ScannedControl, ScannedLabel, ScannedTable, LabelSource } from '../../core/autofill/types.ts';
import { formatFromHint } from '../../core/autofill/convert.ts';
import { isPromptOnly, visibleLabel } from '../../core/autofill/words.ts';
import { adapters, type WidgetAdapter, type WidgetHandle } from './adapters/index.ts';
import { cautionReason, holdScroll, isElement, textOf, unusableReason } from './util.ts';
import { holdPropsReads } from './framework-state.ts';
import { hiddenTabs, tabLabelOf } from './tabs.ts';
import { blockOf, CLICKABLE, finishGroups, groupForMapping, isAddButton, listNameFromButton, scanGroups, type GroupEntry } from './repeat.ts';

export interface ScanOptions {
  /** CSS selectors to test controls against (see `mappingSelectors`); matches go into `selectors`. */
  selectors?: readonly string[];
  /** Origins of cross-origin frames that the portal mapping names and that are allowed portals. */
  allowedFrameOrigins?: readonly string[];
  /**
   * The portal mapping's `tables` entries (a table's or a list's add button: CSS selector or its
   * text; the rows' selector), in order: the table or group each points at carries its index in `list`.
   */
  lists?: readonly { addButton: string; rowSelector?: string | undefined }[];
}

export interface ControlEntry {
  adapter: WidgetAdapter;
  handle: WidgetHandle;
}

export interface TableEntry {
  /** The table with the column headers. */
  table: HTMLTableElement;
  /** The table with the rows: `table` itself, or its body table when the library draws two (see `bodyTableOf`). */
  body: HTMLTableElement;
  addButton: HTMLElement | undefined;
  columns: string[];
  /** The wrapper the table library draws around the table (tableBox) and the table's place among its tables: where a table drawn anew is found again. */
  box?: Element;
  at?: number;
}

/** A scan plus the elements behind it; `result` is the plain-JSON part. */
export interface PageSession {
  result: ScanResult;
  controls: Map<string, ControlEntry>;
  tables: Map<string, TableEntry>;
  /** Repeating groups of blocks (repeat.ts). */
  groups: Map<string, GroupEntry>;
  doc: Document;
}

/** How far up from an add button the wrapper it shares with its table is looked for. */
const TABLE_UP = 7;

const NATIVE = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'range', 'color']);

/**
 * What a button says. `textOf` leaves out the text of buttons (a label's neighbour is never a
 * button's caption), so a `<button>` — how Element, Ant Design and Fusion render 添加 — is read
 * here from its own text, or its value, aria-label or title.
 */
export function buttonText(btn: Element): string {
  const own = btn.tagName === 'INPUT' ? (btn as HTMLInputElement).value : (btn.textContent ?? '');
  return clean(own || btn.getAttribute('aria-label') || btn.getAttribute('title') || '');
}

/**
 * The button a portal mapping names for a list: a CSS selector (#addRow, .btn-add-agenda), else
 * the button whose words are that text (＋ and spaces aside), else the one button whose words
 * hold it. An invalid selector is taken as text.
 */
function mappedButton(root: Document | ShadowRoot, spec: string): HTMLElement | undefined {
  if (/^[#.[]|^[a-z]+[#.[]/i.test(spec)) {
    try { const el = root.querySelector<HTMLElement>(spec); if (el) return el; } catch { /* not a selector: its text */ }
  }
  const words = (t: string) => t.replace(/[+＋\s]/g, '');
  const want = words(spec);
  if (!want) return undefined;
  const all = Array.from(root.querySelectorAll<HTMLElement>(CLICKABLE)).slice(0, 2000);
  const exact = all.filter((b) => words(buttonText(b)) === want);
  if (exact.length) return exact[0];
  const holding = all.filter((b) => words(buttonText(b)).includes(want));
  return holding.length === 1 ? holding[0] : undefined;
}

/**
 * The table an add-row button outside any table belongs to, among the tables of `scope` (an
 * ancestor of the button): the last one before the button — the button sits under its table,
 * after any other table of the form — else the first one after it. Date-picker grids are not
 * tables of records.
 */
/** Where tables are a widget's own drawing, never a table of records: pickers' panels, dropdowns, popovers. */
const WIDGET_POPUP = '[role=listbox], [role=menu], [role=tree], [class*="picker-panel"], [class*="date-table"], [class*="dropdown"], [class*="popper"], [class*="popover"]';

/**
 * A table that may hold records, seen from `near` (an add button, a block): not a grid role, not
 * inside a widget's popup, and not inside a dialog `near` is outside of (a date panel's dialog);
 * a form in a modal dialog (a 新增 modal with a sub-table of problems) has its own tables.
 */
export function isRecordTable(t: Element, near: Element): boolean {
  if (t.matches('[role=grid]') || t.closest(WIDGET_POPUP)) return false;
  const dialog = t.closest('[role=dialog]');
  return !dialog || dialog.contains(near);
}

function tableNextTo(btn: Element, scope: Element): HTMLTableElement | null {
  const tables = Array.from(scope.querySelectorAll('table')).filter((t) => isRecordTable(t, btn));
  const before = tables.filter((t) => t.compareDocumentPosition(btn) & Node.DOCUMENT_POSITION_FOLLOWING);
  // a header table drawn apart from its body (bodyTableOf): the header, not the body, names the table
  const last = before[before.length - 1];
  if (last) return (!headerRowOf(last) && before.length > 1 && headerRowOf(before[before.length - 2]!) && bodyTableOf(before[before.length - 2]!) === last) ? before[before.length - 2]! : last;
  return tables[0] ?? null;
}

/**
 * The rows of a repeating table that hold records: its body rows without the header row and
 * without the empty-table placeholder that table libraries render while there are no rows
 * (Ant Design's ant-table-placeholder 暂无数据, Fusion's next-table-empty 没有数据: one cell across
 * the columns, or a row marked empty/placeholder, holding no control).
 */
export function dataRows(table: HTMLTableElement): HTMLTableRowElement[] {
  // a body table drawn apart from its header has no header row of its own
  const headRow = headerRowOf(table);
  return Array.from(table.tBodies[0]?.rows ?? table.rows).filter((r) => r !== headRow && !isPlaceholderRow(r));
}

/**
 * A row of column headers: every cell a TH or a role=columnheader cell, or an empty one (a
 * command column's blank header), at least one of them a header. DevExtreme draws its header as
 * a table of its own with no thead: a tr.dx-header-row of role=columnheader TDs in a tbody.
 */
function isHeaderRow(r: HTMLTableRowElement | undefined): boolean {
  if (!r || !r.cells.length) return false;
  const head = (c: HTMLTableCellElement) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader';
  const cells = Array.from(r.cells);
  return cells.some(head) && cells.every((c) => head(c) || (!clean(c.textContent ?? '') && !hasControl(c)));
}

/** The row with a table's column headers: its thead's first row, else a first row of header cells. */
export function headerRowOf(table: HTMLTableElement): HTMLTableRowElement | undefined {
  return table.tHead?.rows[0] ?? (isHeaderRow(table.rows[0]) ? table.rows[0] : undefined);
}

/** A table of column headers alone (a thead, or a header row, and no other row): a header drawn apart from its body. */
function headerOnly(table: HTMLTableElement): boolean {
  if (table.tHead) return (table.tBodies[0]?.rows.length ?? 0) === 0;
  return !!headerRowOf(table) && table.rows.length === 1;
}

/**
 * The table holding the rows of the repeating table whose column headers are in `head`.
 * Libraries with a fixed header (Element Plus el-table, Ant Design and Arco with a scroll
 * height, TDesign, vxe-table) draw the header and the body as two <table>s in one wrapper: a
 * header-only table's body is the next table without a header in the nearest wrapper holding
 * both. Otherwise `head` itself.
 */
export function bodyTableOf(head: HTMLTableElement): HTMLTableElement {
  if (!headerOnly(head)) return head;
  for (let p = head.parentElement, up = 0; p && up < 4; p = p.parentElement, up++) {
    const tables = Array.from(p.querySelectorAll('table'));
    if (tables.length < 2) continue;
    const after = tables.slice(tables.indexOf(head) + 1).find((t) => !t.tHead && !headerOnly(t) && t.tBodies.length > 0 && isRecordTable(t, head));
    return after ?? head;
  }
  return head;
}

/**
 * The table with the rows of `te` now: its body table, or the one drawn in its place when the
 * library drew the body anew (DevExtreme's dxDataGrid renders its rows table again on addRow).
 */
export function liveBody(te: TableEntry): HTMLTableElement {
  if (te.body.isConnected) return te.body;
  // DevExtreme draws both tables anew when a row is saved: the header table is found again in its wrapper
  if (!te.table.isConnected && te.box?.isConnected && te.at !== undefined) {
    const again = te.box.querySelectorAll('table')[te.at];
    if (again) te.table = again;
  }
  if (te.table.isConnected) te.body = bodyTableOf(te.table);
  return te.body;
}

/**
 * The outermost wrapper a table library draws around `table`: the run of ancestors whose class
 * says table or grid (vxe-grid draws a dozen: header, main, viewport, layout wrappers, then
 * .vxe-table, then the grid's own); a title above the table sits before that box.
 */
export function tableBox(table: Element): Element {
  let box = table;
  for (let p = table.parentElement, up = 0; p && up < 15 && !/^(BODY|HTML|FORM)$/.test(p.tagName); p = p.parentElement, up++) {
    const cls = typeof p.className === 'string' ? p.className : '';
    if (/table|grid/i.test(cls)) box = p;
    else break;
  }
  return box;
}

/**
 * A title written above a repeating table (a block heading in a div, as low-code pages and
 * Element/Ant cards put it: <div class="block-title">被视察单位</div> then the table): the
 * nearest short text before the table or one of its wrappers, holding no control.
 */
export function titleAbove(table: Element): string | undefined {
  let el: Element | null = table;
  for (let up = 0; el && up < 5; el = el.parentElement, up++) {
    if (/^(BODY|HTML|FORM)$/.test(el.tagName)) return undefined;
    for (let prev = el.previousElementSibling, n = 0; prev && n < 2; prev = prev.previousElementSibling, n++) {
      if (hasControl(prev) || /^(SCRIPT|STYLE|TEMPLATE)$/.test(prev.tagName)) return undefined;
      const text = clean(textOf(prev));
      // a toolbar of buttons above the grid (DevExtreme's 添加附议代表) is no title: its captions are the buttons'
      if (text && buttonsOnly(prev, text)) continue;
      if (text && text.length <= 20) return text;
      if (text) return undefined;
    }
  }
  return undefined;
}

/** `el` says nothing but its buttons' captions (`text` is what it says). */
function buttonsOnly(el: Element, text: string): boolean {
  const buttons = Array.from(el.querySelectorAll(CLICKABLE));
  if (!buttons.length) return false;
  let rest = text.replace(/\s/g, '');
  for (const b of buttons) { const t = buttonText(b).replace(/\s/g, ''); if (t) rest = rest.replace(t, ''); }
  return rest === '';
}

function isPlaceholderRow(r: HTMLTableRowElement): boolean {
  if (hasControl(r)) return false;
  // (DevExtreme ends its rows with an empty tr.dx-freespace-row role=presentation filling the rest of the height)
  if (/(^|[\s_-])(placeholder|empty|freespace)([\s_-]|$)/i.test(typeof r.className === 'string' ? r.className : '')) return true;
  if (r.getAttribute('role') === 'presentation' && !clean(r.textContent ?? '')) return true;
  return r.cells.length === 1 && r.cells[0]!.colSpan > 1;
}

function searchRoots(doc: Document): (Document | ShadowRoot)[] {
  const out: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < out.length; i++) {
    const root = out[i]!;
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) out.push(el.shadowRoot);
  }
  return out;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function labelFromFormItem(t: Element): string | undefined {
  const layuiBlock = t.closest('.layui-input-block, .layui-input-inline');
  if (layuiBlock) {
    const prev = layuiBlock.previousElementSibling;
    if (prev?.classList.contains('layui-form-label')) return textOf(prev);
  }
  const pairs: [string, string][] = [
    ['.el-form-item', ':scope > .el-form-item__label, :scope > .el-form-item__label-wrap .el-form-item__label'],
    ['.ant-form-item', '.ant-form-item-label label, .ant-form-item-label'],
    ['.next-form-item', '.next-form-item-label'],
    ['.layui-form-item', ':scope > .layui-form-label, .layui-inline > .layui-form-label'],
    // form items of the libraries the adapters added (adapters/*.ts): their label beside the control
    ['.n-form-item', ':scope > .n-form-item-label'],
    ['.arco-form-item', ':scope > .arco-form-item-label-col label, :scope > .arco-form-item-label-col'],
    ['.t-form__item', '.t-form__label label, .t-form__label'],
    ['.ivu-form-item', ':scope > .ivu-form-item-label'],
    ['.van-field, .van-cell', ':scope > .van-field__label, :scope > .van-cell__title'],
    ['.form-item, .form-group, [class*="form-item"], [class*="FormItem"]', ':scope > label, :scope > [class*="label"], :scope > [class*="Label"]'],
  ];
  for (const [item, label] of pairs) {
    const fi = t.closest(item);
    if (!fi) continue;
    // a row of several label/control pairs (开始时间 [ ] 结束时间 [ ] in one form-group row): the
    // control's label is the last one before it, as a person reads the row, not the row's first
    const labels = Array.from(fi.querySelectorAll(label)).filter((l) => !l.contains(t)).slice(0, 12);
    const before = labels.filter((l) => l.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    const l = before[before.length - 1] ?? labels[0];
    if (l) { const text = textOf(l); if (text) return text; }
  }
  return undefined;
}

export const CONTROL_SELECTOR = 'input:not([type=hidden]), select, textarea, [contenteditable="true"], .el-select, .ant-select, .ant-picker, .el-date-editor, '
  + '[role=combobox], [role=radiogroup], [role=radio], [role=checkbox], [role=switch], [role=textbox], [role=listbox], [role=spinbutton], [role=slider]';
const isControl = (el: Element) => el.matches(CONTROL_SELECTOR);
const hasControl = (cell: Element) => isControl(cell) || !!cell.querySelector(CONTROL_SELECTOR);

/** Whether `el` holds a control that is not one of `own` (the control being labelled, or its group). */
function holdsOtherControl(el: Element, own: readonly Element[]): boolean {
  const list = isControl(el) ? [el, ...Array.from(el.querySelectorAll(CONTROL_SELECTOR))] : Array.from(el.querySelectorAll(CONTROL_SELECTOR));
  return list.some((c) => !own.some((o) => o === c || o.contains(c) || c.contains(o)));
}

/**
 * Where a group's label is looked for: the smallest element holding all its options, and when
 * that sits in a table of nothing but those options (ASP.NET RadioButtonList / CheckBoxList:
 * `<table id=rblXxx><tr><td><input type=radio><label>男</label>`), that table — so the label is
 * the outer row's, not an option's.
 */
function groupAnchor(group: readonly Element[]): Element {
  let anchor: Element | null = group[0]!;
  while (anchor && !group.every((g) => anchor!.contains(g))) anchor = anchor.parentElement;
  if (!anchor) return group[0]!;
  const table = anchor.closest('table');
  if (table && !holdsOtherControl(table, group)) {
    // a list table nested in the outer layout: climb to the outermost table holding only the group
    let t: HTMLTableElement = table;
    for (let up = t.parentElement?.closest('table'); up && !holdsOtherControl(up, group); up = up.parentElement?.closest('table')) t = up;
    return t;
  }
  return anchor;
}

const MAX_LABEL = 40;
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The text a person reads as this control's label: the nearest text to its left or above it in
 * its row, cell or container, whatever element holds it (div, span, td, p, dt…). Walks back over
 * the siblings of the control, then of each ancestor that holds no other control; text behind
 * another control belongs to that control, so the walk stops there.
 */
function nearestText(target: Element, own: readonly Element[]): string | undefined {
  let node: Node = target;
  for (let up = 0; up < 6; up++) {
    for (let p = node.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === 3) {
        const t = clean(p.nodeValue ?? '');
        if (t) return t.length <= MAX_LABEL ? t : undefined;
        continue;
      }
      if (!isElement(p) || SKIP_TEXT.has(p.tagName)) continue;
      if (hasControl(p)) return undefined;
      if (p.tagName === 'BR' || p.tagName === 'HR') continue;
      const t = clean(textOf(p, MAX_LABEL + 1));
      if (t) return t.length <= MAX_LABEL ? t : undefined;
    }
    const parent: Element | null = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    if (!parent || /^(BODY|HTML|FORM|TABLE|TBODY|THEAD|TR)$/.test(parent.tagName)) return undefined;
    // leaving a cell or a container of several fields: what lies before it is not this control's
    if (holdsOtherControl(parent, own) || /^(TD|TH)$/.test(parent.tagName)) return undefined;
    node = parent;
  }
  return undefined;
}

function labelFromTable(t: Element): string | undefined {
  const cell = t.closest('td, th') as HTMLTableCellElement | null;
  if (!cell) return undefined;
  for (let p = cell.previousElementSibling; p; p = p.previousElementSibling) {
    if (hasControl(p)) break;
    const text = textOf(p);
    if (text) return text;
  }
  const row = cell.parentElement as HTMLTableRowElement | null;
  const above = row?.previousElementSibling as HTMLTableRowElement | null;
  if (row && above) {
    const idx = Array.from(row.children).indexOf(cell);
    const c = above.children[idx];
    if (c && !hasControl(c)) { const text = textOf(c); if (text) return text; }
  }
  return undefined;
}

function precedingText(t: Element): string | undefined {
  let node: Node | null = t;
  for (let up = 0; up < 2 && node; up++) {
    let text = '';
    for (let p = node.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === 3) text = (p.nodeValue ?? '') + text;
      else if (isElement(p)) {
        if (p.matches('input, select, textarea, br, div, p, tr, td, li') || hasControl(p)) break;
        text = textOf(p) + text;
      }
      if (clean(text).length > 24) break;
    }
    const c = clean(text);
    if (c) return c.slice(-24);
    if (node.parentElement && node.parentElement.firstElementChild === node && !/^(TD|TH|FORM|BODY|LI)$/.test(node.parentElement.tagName)) node = node.parentElement;
    else break;
  }
  return undefined;
}

/**
 * The labels of a control, most trustworthy first. `group`: the elements of a radio/checkbox
 * group (their own labels are option texts, not the group's).
 */
export function inferLabels(target: Element, isGroup: boolean, group?: readonly Element[], widget?: Element): ScannedLabel[] {
  const out: ScannedLabel[] = [];
  // `*姓名：` is read as 姓名: the star and the colon are layout, not the label; a prompt
  // alone (请选择, select) names no field
  const add = (source: LabelSource, text: string | null | undefined) => {
    const t = visibleLabel(clean(text ?? ''));
    if (t && t.length <= 60 && !isPromptOnly(t) && !out.some((l) => l.text === t)) out.push({ source, text: t });
  };
  // A library widget (a select, a date picker) wraps its input in several elements: its label
  // in the layout is read from the widget's root, as a person sees the widget as one box —
  // from the inner input the walk ran out of levels before it reached the form item's label.
  const box = !isGroup && widget && widget !== target && widget.contains(target) ? widget : undefined;
  const own: Element[] = group && group.length > 0 ? [...group] : [box ?? target];
  const anchor = isGroup && group && group.length > 1 ? groupAnchor(group) : box ?? target;
  const doc = target.ownerDocument;
  const root = target.getRootNode() as Document | ShadowRoot;
  if (!isGroup) {
    const id = target.getAttribute('id');
    if (id) for (const l of Array.from(root.querySelectorAll(`label[for="${CSS.escape(id)}"]`))) add('label-for', textOf(l));
    const wrap = target.closest('label');
    if (wrap) add('label-wrap', textOf(wrap));
  }
  const labelledby = target.getAttribute('aria-labelledby');
  if (labelledby) add('aria-labelledby', labelledby.split(/\s+/).map((i) => textOf(root.getElementById?.(i) ?? doc.getElementById(i))).join(' '));
  add('aria-label', target.getAttribute('aria-label'));
  add('form-item', labelFromFormItem(anchor));
  add('table-cell', labelFromTable(anchor));
  const fs = anchor.closest('fieldset');
  if (fs) add('legend', textOf(fs.querySelector('legend')));
  add('preceding-text', nearestText(isGroup && anchor === target ? (target.closest('label') ?? target) : anchor, own));
  // the old line-walk still reads `姓名：<input>` inside inline text that nearestText stops at
  if (!out.some((l) => l.source === 'preceding-text')) add('preceding-text', precedingText(isGroup ? (target.closest('label') ?? target) : anchor));
  add('placeholder', target.getAttribute('placeholder'));
  add('title', target.getAttribute('title'));
  return out;
}

function dateFormatFromValue(value: string): string | undefined {
  if (!/^\d{4}\D/.test(value)) return undefined;
  let i = 0;
  const tokens = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss'];
  const out = value.replace(/\d+/g, (d) => {
    const t = tokens[i++] ?? d;
    return t === 'MM' && d.length === 1 ? 'M' : t === 'DD' && d.length === 1 ? 'D' : t;
  });
  return out;
}

/** Items of ARIA option lists and menus: a control drawn inside one is part of that choice. */
const ARIA_ITEMS = '[role=option], [role=treeitem], [role=menuitemcheckbox], [role=menuitemradio]';

/**
 * Whether `el` belongs to the choices a widget draws (see `WidgetAdapter.dropdown`): inside an
 * option item, or inside a dropdown popup that holds items. A multi-select's ticks and a popup's
 * search box are the widget's, not the page's: scanned as page controls they were matched to
 * record fields by their option text. A popup that holds no items, or holds widgets of its own
 * (a dialog, a popover or a tooltip sharing the popup class), is left alone. And everything inside
 * a widget's own panel (`WidgetAdapter.panel`: a date picker's calendar with its year/month selects,
 * a date-time range's start and end date and time inputs) is the widget's: listed, those hidden
 * inner inputs filled the report with unlabelled or "unusable" entries once the panel had opened.
 */
function dropdownTest(list: readonly WidgetAdapter[]): (el: Element) => boolean {
  const panels = [...new Set(list.map((a) => a.panel).filter((p): p is string => !!p))].join(', ');
  const parts = list.map((a) => a.dropdown).filter((d): d is { popup: string; item: string } => !!d);
  const items = [ARIA_ITEMS, ...parts.map((d) => d.item)].join(', ');
  const popups = parts.map((d) => d.popup).join(', ');
  // a popup holding a select or cascader of its own is a container of fields (a popover or dialog
  // sharing the popup class, its select's dropdown kept inline), not a dropdown
  const widgets = list.filter((a) => a.dropdown && a.roots).map((a) => a.roots!).join(', ');
  const isDropdown = (p: Element) => !!p.querySelector(items) && !(widgets && p.querySelector(widgets));
  return (el) => {
    const up = el.parentElement;
    if (!up) return false;
    if (up.closest(items)) return true;
    if (panels && el.closest(panels)) return true;
    if (!popups) return false;
    for (let p = up.closest(popups); p; p = p.parentElement?.closest(popups) ?? null) if (isDropdown(p)) return true;
    return false;
  };
}

/** Scans `doc` (default: the current document); the page's scroll is put back once at the end (see holdScroll). */
type Found = { el: Element; adapter: WidgetAdapter; handle: WidgetHandle };

/**
 * The controls in `root` (and `root` itself when it is an element), as the adapters take them:
 * library widgets by their root class first, then native controls; in document order. A
 * password box is never a control (`onPassword` hears of it).
 */
function detectControls(root: ParentNode, list: readonly WidgetAdapter[], claimed: WeakSet<Element>, inDropdown: (el: Element) => boolean, onPassword?: (el: Element) => void): Found[] {
  const found: Found[] = [];
  const within = (sel: string) => [...((root as Node).nodeType === 1 && (root as Element).matches(sel) ? [root as Element] : []), ...Array.from(root.querySelectorAll(sel))];
  for (const a of list) {
    if (!a.roots) continue;
    for (const el of within(a.roots)) {
      if (claimed.has(el) || found.some((f) => f.el.contains(el)) || inDropdown(el)) continue;
      const h = a.detect(el);
      if (!h) continue;
      found.push({ el, adapter: a, handle: h });
      claimed.add(el);
      for (const c of h.claims ?? []) claimed.add(c);
    }
  }
  const natives = list.filter((a) => !a.roots);
  for (const el of within(NATIVE)) {
    if (claimed.has(el)) continue;
    if (found.some((f) => f.el.contains(el)) || inDropdown(el)) continue;
    if (el.tagName === 'INPUT') {
      const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
      if (type === 'password') { claimed.add(el); onPassword?.(el); continue; }
      if (SKIP_TYPES.has(type)) continue;
    }
    for (const a of natives) {
      const h = a.detect(el);
      if (!h) continue;
      found.push({ el, adapter: a, handle: h });
      claimed.add(el);
      for (const c of h.claims ?? []) claimed.add(c);
      break;
    }
  }
  // a widget found later may claim what came before it in the page (a rich-text editor's toolbar
  // selects sit above its editing area): those are its parts, not fields
  const owner = new Map<Element, Found>();
  for (const f of found) for (const c of f.handle.claims ?? []) if (c !== f.el) owner.set(c, f);
  const own = owner.size ? found.filter((f) => (owner.get(f.el) ?? f) === f) : found;
  own.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  return own;
}

/**
 * The first control inside `el` (a table cell's editor), detected in that subtree only: what
 * a whole-page scan would give for it, without scanning the page once per cell.
 */
export function controlWithin(el: Element): ControlEntry | undefined {
  const list = adapters();
  const f = detectControls(el, list, new WeakSet(), dropdownTest(list))[0];
  return f ? { adapter: f.adapter, handle: f.handle } : undefined;
}

export function scanPage(doc: Document = document, options: ScanOptions = {}): PageSession {
  const release = holdScroll();
  // widgets' props read through the page-world bridge are read once per scan (framework-state.ts)
  const releaseProps = holdPropsReads();
  try { return scanDocument(doc, options); } finally { releaseProps(); release(); }
}

function scanDocument(doc: Document, options: ScanOptions): PageSession {
  const session: PageSession = { result: { url: doc.location?.href ?? '', controls: [], tables: [], refused: [] }, controls: new Map(), tables: new Map(), groups: new Map(), doc };
  const claimed = new WeakSet<Element>();
  let n = 0;
  const list = adapters();
  const inDropdown = dropdownTest(list);
  const tableInfo: { el: HTMLTableElement; body: HTMLTableElement; id: string; columns: string[] }[] = [];

  // a table of records beside (or around) an add button: registered once, with its labels
  const addTable = (btn: HTMLElement, frame: string): ScannedTable | undefined => {
    let table: HTMLTableElement | null = btn.closest('table');
    // a grid's toolbar sits in wrappers of its own beside the table's (vxe-grid: button, its item
    // and buttons wrappers, the toolbar, its wrapper, then the layout holding the table): the
    // nearest wrapper holding a table, up to TABLE_UP levels, never the whole body
    for (let p: Element | null = btn.parentElement, up = 0; !table && p && up < TABLE_UP && !/^(BODY|HTML)$/.test(p.tagName); p = p.parentElement, up++) table = tableNextTo(btn, p);
    if (!table || tableInfo.some((t) => t.el === table)) return undefined;
    const headRow = headerRowOf(table) ?? table.rows[0];
    if (!headRow) return undefined;
    const columns = Array.from(headRow.cells).map((c) => clean(textOf(c)));
    const id = `t${tableInfo.length}`;
    const body = bodyTableOf(table);
    tableInfo.push({ el: table, body, id, columns });
    const labels: ScannedLabel[] = [];
    const cap = table.caption ? textOf(table.caption) : '';
    if (cap) labels.push({ source: 'legend', text: cap });
    const fromButton = listNameFromButton(btn);
    const fi = labelFromFormItem(table);
    if (fi) labels.push({ source: 'form-item', text: fi });
    const container = table.closest('fieldset, section, .el-card, .ant-card, .layui-card, div') ?? table.parentElement;
    // (a column's title inside a header cell — vxe's vxe-cell--title — is not the table's)
    const heading = Array.from(container?.querySelectorAll('legend, h1, h2, h3, h4, h5, .title, [class*="title"]') ?? []).find((e) => !e.closest('table'));
    if (heading && !heading.contains(table)) { const h = textOf(heading); if (h) labels.push({ source: 'legend', text: h }); }
    const above = titleAbove(table.closest('[class*="table"]:not(table)') ?? table) ?? titleAbove(tableBox(table));
    if (above && !labels.some((l) => l.text === above)) labels.push({ source: 'legend', text: above });
    const tabLabel = tabLabelOf(table);
    if (tabLabel && !labels.some((l) => l.text === tabLabel)) labels.push({ source: 'legend', text: tabLabel });
    if (fromButton) labels.push({ source: 'aria-label', text: fromButton });
    const rows = dataRows(body);
    const t: ScannedTable = { id, labels, columns, rows: rows.length, canAddRow: true, frame };
    const tabs = hiddenTabs(table);
    if (tabs?.length) t.tab = tabs[tabs.length - 1]!.label;
    const sel = matchSelectors(table, options.selectors);
    if (sel.length) t.selectors = sel;
    session.result.tables.push(t);
    const box = tableBox(table);
    session.tables.set(id, { table, body, addButton: btn, columns, box, at: Array.from(box.querySelectorAll('table')).indexOf(table) });
    return t;
  };

  const visitDoc = (d: Document, frame: string) => {
    const roots = searchRoots(d);
    // repeating tables first, so their cells know their column
    for (const root of roots) {
      // repeating groups of blocks first: their add buttons are not a table's (repeat.ts)
      const groupButtons = scanGroups(root, frame, session);
      for (const btn of Array.from(root.querySelectorAll<HTMLElement>(CLICKABLE))) {
        // one rule for what adds to a list, a table's rows or a group's blocks (repeat.ts); not a number box's 增加数值 stepper
        if (groupButtons.has(btn) || !isAddButton(btn)) continue;
        addTable(btn, frame);
      }
      // the lists the portal mapping points at: the table or group of each add button it names
      (options.lists ?? []).forEach((l, i) => {
        const btn = mappedButton(root, l.addButton);
        if (!btn) return;
        const known = [...session.tables].find(([, te]) => te.addButton === btn)?.[0];
        const table = known ? session.result.tables.find((t) => t.id === known) : addTable(btn, frame);
        if (table) { table.list = i; return; }
        const g = groupForMapping(root, btn, l.rowSelector, frame, session);
        if (g) g.list = i;
      });
    }
    for (const root of roots) {
      const found = detectControls(root, list, claimed, inDropdown, (el) => session.result.refused.push({ what: inferLabels(el, false)[0]?.text ?? (el as HTMLInputElement).name ?? 'password', reason: 'password' }));
      for (const f of found) addControl(f.adapter, f.handle, frame);
    }
    const frames = Array.from(d.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'));
    frames.forEach((fr, i) => {
      let inner: Document | null = null;
      try { inner = fr.contentDocument; } catch { inner = null; }
      if (!inner) {
        let origin = '';
        try { origin = new URL(fr.src, d.baseURI).origin; } catch { origin = fr.src; }
        const allowed = options.allowedFrameOrigins?.includes(origin);
        session.result.refused.push({ what: origin || '(frame)', reason: allowed ? 'cross-origin-delegated' : 'cross-origin' });
        return;
      }
      visitDoc(inner, frame ? `${frame}/${i}` : String(i));
    });
  };

  const addControl = (adapter: WidgetAdapter, handle: WidgetHandle, frame: string) => {
    const target = handle.labelTarget ?? handle.group?.[0] ?? handle.el;
    const isGroup = !!handle.group || handle.kind === 'radio' || handle.kind === 'checkboxes';
    const labels = inferLabels(isGroup ? (handle.group?.[0] ?? target) : target, isGroup, handle.group, handle.el);
    if (isGroup && handle.group && handle.group.length > 0) {
      // the group's own label lives outside the options: drop texts that are option texts
      const optionTexts = new Set((handle.options ?? []).map((o) => o.text));
      for (let i = labels.length - 1; i >= 0; i--) if (optionTexts.has(labels[i]!.text)) labels.splice(i, 1);
    }
    const name = (handle.el as HTMLInputElement).name || handle.el.getAttribute('name') || undefined;
    const id = `c${n++}`;
    let why = unusableReason(handle.visible, { reach: true });
    // hidden only because its tab is not the one shown: usable once that tab is clicked (tabs.ts)
    const tabs = why ? hiddenTabs(handle.visible) : undefined;
    const tab = tabs?.length ? tabs[tabs.length - 1]!.label : undefined;
    if (tab !== undefined) why = undefined;
    else if (why && tabs === undefined) why = 'closed-tab';
    const caution = why || tab !== undefined ? undefined : cautionReason(handle.visible);
    let value: ScannedControl['value'];
    try { value = adapter.read(handle); } catch { value = null; }
    const c: ScannedControl = { id, adapter: adapter.name, kind: handle.kind, labels, frame, usable: !why };
    if (why) c.unusableReason = why;
    if (tab !== undefined) c.tab = tab;
    if (caution) c.caution = caution;
    if (name) c.name = name;
    if (target.id) c.domId = target.id;
    if (handle.el.tagName === 'INPUT') c.inputType = ((handle.el as HTMLInputElement).type || 'text').toLowerCase();
    if (handle.options) c.options = handle.options;
    if (handle.multiple) c.multiple = true;
    if (handle.readOnly) c.readOnly = true;
    if (adapter.name === 'native' && (handle.kind === 'text') && inDatePicker(handle.el)) c.inPicker = true;
    if (target.hasAttribute('required') || target.getAttribute('aria-required') === 'true') c.required = true;
    if (handle.kind === 'date' || handle.kind === 'datetime') {
      const f = handle.dateFormat ?? formatFromHint(target.getAttribute('placeholder') ?? undefined) ?? (typeof value === 'string' && value ? dateFormatFromValue(value) : undefined);
      if (f) c.dateFormat = f;
    } else if ((handle.kind === 'daterange' || handle.kind === 'datetimerange') && handle.dateFormat) c.dateFormat = handle.dateFormat;
    if (value !== undefined) c.value = value;
    const sel = matchSelectors(handle.el, options.selectors);
    if (sel.length) c.selectors = sel;
    const info = tableInfo.find((t) => t.body.contains(handle.el));
    if (info) {
      const cell = handle.el.closest('td, th');
      const row = cell?.parentElement as HTMLTableRowElement | null;
      if (cell && row) {
        const body = dataRows(info.body);
        c.cell = { table: info.id, row: body.indexOf(row), column: info.columns[Array.from(row.cells).indexOf(cell as HTMLTableCellElement)] ?? '' };
      }
    } else if (session.groups.size) {
      const b = blockOf(session, handle.el, labels);
      if (b) c.block = b;
    }
    session.result.controls.push(c);
    session.controls.set(id, { adapter, handle });
  };

  visitDoc(doc, '');
  finishGroups(session);
  return session;
}

/** A text box a date picker draws (its own or a wrapper's class, up to three levels, says date/picker/calendar). */
const PICKER_CLASS = /(^|[-_\s])(date|datetime|picker|datepicker|calendar|laydate|wdate)([-_\s]|$)/i;
function inDatePicker(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < 4; p = p.parentElement, i++) {
    const cls = typeof p.className === 'string' ? p.className : '';
    if (PICKER_CLASS.test(cls)) return true;
  }
  return false;
}

function matchSelectors(el: Element, selectors: readonly string[] | undefined): number[] {
  const out: number[] = [];
  (selectors ?? []).forEach((s, i) => {
    try { if (el.matches(s) || el.closest(s)) out.push(i); } catch { /* a bad selector in a mapping matches nothing */ }
  });
  return out;
}
