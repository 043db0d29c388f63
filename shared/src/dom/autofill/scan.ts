/**
 * Scanning a page: every control a person could fill, in the top document, same-origin frames
 * and open shadow roots, each with its labels as a person reads them and its current value.
 * Cross-origin frames are never entered (they are listed as refused); password fields are
 * never listed.
 */
import type { ScanResult, ScannedControl, ScannedLabel, ScannedTable, LabelSource } from '../../core/autofill/types.ts';
import { formatFromHint } from '../../core/autofill/convert.ts';
import { visibleLabel } from '../../core/autofill/words.ts';
import { adapters, type WidgetAdapter, type WidgetHandle } from './adapters/index.ts';
import { cautionReason, holdScroll, isElement, textOf, unusableReason } from './util.ts';

export interface ScanOptions {
  /** CSS selectors to test controls against (see `mappingSelectors`); matches go into `selectors`. */
  selectors?: readonly string[];
  /** Origins of cross-origin frames that the portal mapping names and that are allowed portals. */
  allowedFrameOrigins?: readonly string[];
}

export interface ControlEntry {
  adapter: WidgetAdapter;
  handle: WidgetHandle;
}

export interface TableEntry {
  table: HTMLTableElement;
  addButton: HTMLElement | undefined;
  columns: string[];
}

/** A scan plus the elements behind it; `result` is the plain-JSON part. */
export interface PageSession {
  result: ScanResult;
  controls: Map<string, ControlEntry>;
  tables: Map<string, TableEntry>;
  doc: Document;
}

const NATIVE = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'range', 'color']);
const ADD_ROW = /^[+＋\s]*(添加|新增|增加|添行|加一行|追加)/;

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

function labelFromFormItem(t: Element): string | undefined {
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
    const l = fi.querySelector(label);
    if (l && !l.contains(t)) { const text = textOf(l); if (text) return text; }
  }
  return undefined;
}

const CONTROL_SELECTOR = 'input:not([type=hidden]), select, textarea, [contenteditable="true"], .el-select, .ant-select, .ant-picker, .el-date-editor, '
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
export function inferLabels(target: Element, isGroup: boolean, group?: readonly Element[]): ScannedLabel[] {
  const out: ScannedLabel[] = [];
  // `*姓名：` is read as 姓名: the star and the colon are layout, not the label
  const add = (source: LabelSource, text: string | null | undefined) => {
    const t = visibleLabel(clean(text ?? ''));
    if (t && t.length <= 60 && !out.some((l) => l.text === t)) out.push({ source, text: t });
  };
  const own: Element[] = group && group.length > 0 ? [...group] : [target];
  const anchor = isGroup && group && group.length > 1 ? groupAnchor(group) : target;
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
  if (!out.some((l) => l.source === 'preceding-text')) add('preceding-text', precedingText(isGroup ? (target.closest('label') ?? target) : target));
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

/** Scans `doc` (default: the current document); the page's scroll is put back once at the end (see holdScroll). */
export function scanPage(doc: Document = document, options: ScanOptions = {}): PageSession {
  const release = holdScroll();
  try { return scanDocument(doc, options); } finally { release(); }
}

function scanDocument(doc: Document, options: ScanOptions): PageSession {
  const session: PageSession = { result: { url: doc.location?.href ?? '', controls: [], tables: [], refused: [] }, controls: new Map(), tables: new Map(), doc };
  const claimed = new WeakSet<Element>();
  let n = 0;
  const list = adapters();
  const rootAdapters = list.filter((a) => a.roots);
  const nativeAdapters = list.filter((a) => !a.roots);
  const tableInfo: { el: HTMLTableElement; id: string; columns: string[] }[] = [];

  const visitDoc = (d: Document, frame: string) => {
    const roots = searchRoots(d);
    // repeating tables first, so their cells know their column
    for (const root of roots) {
      for (const btn of Array.from(root.querySelectorAll<HTMLElement>('button, a, input[type=button], .layui-btn, [role=button]'))) {
        const text = clean(btn.tagName === 'INPUT' ? (btn as HTMLInputElement).value : textOf(btn));
        if (!ADD_ROW.test(text) || text.length > 16) continue;
        let table: HTMLTableElement | null = btn.closest('table');
        for (let p: Element | null = btn.parentElement, up = 0; !table && p && up < 4; p = p.parentElement, up++) table = p.querySelector('table');
        if (!table || tableInfo.some((t) => t.el === table)) continue;
        const headRow = table.tHead?.rows[0] ?? table.rows[0];
        if (!headRow) continue;
        const columns = Array.from(headRow.cells).map((c) => clean(textOf(c)));
        const id = `t${tableInfo.length}`;
        tableInfo.push({ el: table, id, columns });
        const labels: ScannedLabel[] = [];
        const cap = table.caption ? textOf(table.caption) : '';
        if (cap) labels.push({ source: 'legend', text: cap });
        const fromButton = text.replace(ADD_ROW, '').replace(/[+＋]/g, '').trim();
        const fi = labelFromFormItem(table);
        if (fi) labels.push({ source: 'form-item', text: fi });
        const container = table.closest('fieldset, section, .el-card, .ant-card, .layui-card, div') ?? table.parentElement;
        const heading = container?.querySelector('legend, h1, h2, h3, h4, h5, .title, [class*="title"]');
        if (heading && !heading.contains(table)) { const h = textOf(heading); if (h) labels.push({ source: 'legend', text: h }); }
        if (fromButton) labels.push({ source: 'aria-label', text: fromButton });
        const rows = Array.from(table.tBodies[0]?.rows ?? table.rows).filter((r) => r !== headRow);
        const t: ScannedTable = { id, labels, columns, rows: rows.length, canAddRow: true, frame };
        const sel = matchSelectors(table, options.selectors);
        if (sel.length) t.selectors = sel;
        session.result.tables.push(t);
        session.tables.set(id, { table, addButton: btn, columns });
      }
    }
    for (const root of roots) {
      const found: { el: Element; adapter: WidgetAdapter; handle: WidgetHandle }[] = [];
      for (const a of rootAdapters) {
        for (const el of Array.from(root.querySelectorAll(a.roots!))) {
          if (claimed.has(el) || found.some((f) => f.el.contains(el))) continue;
          const h = a.detect(el);
          if (!h) continue;
          found.push({ el, adapter: a, handle: h });
          claimed.add(el);
          for (const c of h.claims ?? []) claimed.add(c);
        }
      }
      for (const el of Array.from(root.querySelectorAll(NATIVE))) {
        if (claimed.has(el)) continue;
        if (found.some((f) => f.el.contains(el))) continue;
        if (el.tagName === 'INPUT') {
          const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
          if (type === 'password') { claimed.add(el); session.result.refused.push({ what: inferLabels(el, false)[0]?.text ?? (el as HTMLInputElement).name ?? 'password', reason: 'password' }); continue; }
          if (SKIP_TYPES.has(type)) continue;
        }
        for (const a of nativeAdapters) {
          const h = a.detect(el);
          if (!h) continue;
          found.push({ el, adapter: a, handle: h });
          claimed.add(el);
          for (const c of h.claims ?? []) claimed.add(c);
          break;
        }
      }
      found.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
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
    const labels = inferLabels(isGroup ? (handle.group?.[0] ?? target) : target, isGroup, handle.group);
    if (isGroup && handle.group && handle.group.length > 0) {
      // the group's own label lives outside the options: drop texts that are option texts
      const optionTexts = new Set((handle.options ?? []).map((o) => o.text));
      for (let i = labels.length - 1; i >= 0; i--) if (optionTexts.has(labels[i]!.text)) labels.splice(i, 1);
    }
    const name = (handle.el as HTMLInputElement).name || handle.el.getAttribute('name') || undefined;
    const id = `c${n++}`;
    const why = unusableReason(handle.visible, { reach: true });
    const caution = why ? undefined : cautionReason(handle.visible);
    let value: ScannedControl['value'];
    try { value = adapter.read(handle); } catch { value = null; }
    const c: ScannedControl = { id, adapter: adapter.name, kind: handle.kind, labels, frame, usable: !why };
    if (why) c.unusableReason = why;
    if (caution) c.caution = caution;
    if (name) c.name = name;
    if (target.id) c.domId = target.id;
    if (handle.el.tagName === 'INPUT') c.inputType = ((handle.el as HTMLInputElement).type || 'text').toLowerCase();
    if (handle.options) c.options = handle.options;
    if (handle.multiple) c.multiple = true;
    if (handle.readOnly) c.readOnly = true;
    if (target.hasAttribute('required') || target.getAttribute('aria-required') === 'true') c.required = true;
    if (handle.kind === 'date' || handle.kind === 'datetime') {
      const f = handle.dateFormat ?? formatFromHint(target.getAttribute('placeholder') ?? undefined) ?? (typeof value === 'string' && value ? dateFormatFromValue(value) : undefined);
      if (f) c.dateFormat = f;
    }
    if (value !== undefined) c.value = value;
    const sel = matchSelectors(handle.el, options.selectors);
    if (sel.length) c.selectors = sel;
    const info = tableInfo.find((t) => t.el.contains(handle.el));
    if (info) {
      const cell = handle.el.closest('td, th');
      const row = cell?.parentElement as HTMLTableRowElement | null;
      if (cell && row) {
        const body = Array.from(info.el.tBodies[0]?.rows ?? info.el.rows).filter((r) => r !== (info.el.tHead?.rows[0] ?? info.el.rows[0]));
        c.cell = { table: info.id, row: body.indexOf(row), column: info.columns[Array.from(row.cells).indexOf(cell as HTMLTableCellElement)] ?? '' };
      }
    }
    session.result.controls.push(c);
    session.controls.set(id, { adapter, handle });
  };

  visitDoc(doc, '');
  return session;
}

function matchSelectors(el: Element, selectors: readonly string[] | undefined): number[] {
  const out: number[] = [];
  (selectors ?? []).forEach((s, i) => {
    try { if (el.matches(s) || el.closest(s)) out.push(i); } catch { /* a bad selector in a mapping matches nothing */ }
  });
  return out;
}
