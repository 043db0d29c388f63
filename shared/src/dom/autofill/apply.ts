/**
 * Applying a fill plan to a scanned page, undoing it, and reading a page back into record
 * values. Writing goes through each control's widget adapter; before each write the control
 * is checked again (a page can hide a field after the scan): hidden, disabled, zero-size,
 * off-screen or aria-hidden controls are never written.
 */
import type { AutofillContext } from '../../core/autofill/context.ts';
import { mappingSelectors, planFill, readBackValues, type PlanOptions, type ReadBackResult } from '../../core/autofill/plan.ts';
import type { FillPlan, FillReport, FillReportEntry, FillValue } from '../../core/autofill/types.ts';
import type { PortalMapping } from '../../core/pack-schema.ts';
import { adapterByName, getWaitLimit, nextTask, waitUntil, type ReadValue, type WidgetAdapter, type WidgetHandle } from './adapters/index.ts';
import { buttonText, CONTROL_SELECTOR, controlWithin, dataRows, liveBody, scanPage, type ControlEntry, type PageSession, type ScanOptions, type TableEntry } from './scan.ts';
import { cellHolds, closeCell, controlOf, editableCell, openCell, rowHolds, type FindCell } from './grid.ts';
import { liveTable, type LiveTable } from './live-table.ts';
import { blur, cautionReason, clickLikeUser, forgetReach, holdScroll, key, leaving, leavingIn, reachNow, textOf, unusableReason, win } from './util.ts';
import { hiddenTabs, openTab, selectedTabBeside, showTabsOf, unopenedTabs } from './tabs.ts';
import { unusableWords } from '../../core/autofill/words.ts';
import { forgetPropsReads, pageWorld, type ModelRead } from './framework-state.ts';
import { modelMatches, notAccepted, readMatches } from './verify.ts';
import { fillGroups, type GroupUndo } from './repeat.ts';

export interface ApplyResult {
  report: FillReport;
  /** Restores every control this fill changed to its previous value; returns what could not be restored. */
  undo(): Promise<{ restored: number; failed: { control: string; error: string }[] }>;
}

interface Written { adapter: WidgetAdapter; handle: WidgetHandle; before: ReadValue; control: string; model?: ModelRead }

/** A radio group with nothing chosen: the framework's own model value (read in the page world), so undo can put it back. */
function unchosenRadioModel(h: WidgetHandle, before: ReadValue): ModelRead | undefined {
  if (h.kind !== 'radio' || !h.group || before !== null) return undefined;
  try { return pageWorld().readRadioModel(h.group); } catch { return undefined; }
}

/** Un-chooses a radio group through its framework's model; true when no radio of it is checked afterwards. */
async function restoreUnchosenRadio(w: Written): Promise<boolean> {
  if (!w.model || !w.handle.group) return false;
  if (!pageWorld().restoreRadioModel(w.handle.group, w.model)) return false;
  return !!(await waitUntil(() => w.adapter.read(w.handle) === null, { near: w.handle.el, timeout: 800 }));
}

/**
 * The adapter a step names (a mapping's `widget`, resolved through the registry) with a handle
 * of its own, or the one that scanned the control; an unknown name is a located problem.
 */
function adapterFor(name: string, c: ControlEntry): { adapter: WidgetAdapter; handle: WidgetHandle } | string {
  if (name === c.adapter.name || name === 'auto') return c;
  const a = adapterByName(name);
  if (!a) return `未知控件 "${name}"（门户映射的 widget 不是已注册的适配器）`;
  if (a.name === 'native' && c.adapter.name !== 'native') return c; // "native" in a mapping means: as scanned
  const h = a.detect(c.handle.el);
  return { adapter: a, handle: h ?? c.handle };
}

/**
 * Waits, on the page's own mutations and up to the wait limit, for a control that is disabled
 * or whose options are not there yet; returns why it is still unusable, or undefined.
 * Hidden controls are not waited for: a person cannot see them either.
 */
export async function untilUsable(adapter: WidgetAdapter, h: WidgetHandle): Promise<string | undefined> {
  const why = () => {
    const r = unusableReason(h.visible) ?? (widgetDisabled(h) ? 'disabled' : undefined);
    if (r) return r;
    return adapter.ready && !adapter.ready(h) ? 'loading' : undefined;
  };
  const first = why();
  if (!first) return undefined;
  if (first !== 'disabled' && first !== 'loading' && first !== 'frame-disabled') return first;
  const ok = await waitUntil(() => !why(), { near: h.el, timeout: getWaitLimit() });
  if (ok) { refreshOptions(adapter, h); return undefined; }
  const r = why();
  return r === 'loading' ? `等待 ${getWaitLimit()} 毫秒后选项仍未加载` : `等待 ${getWaitLimit()} 毫秒后仍不可用（${r}）`;
}

/**
 * A widget root that says it is disabled: its own disabled property, aria-disabled, a library's
 * disabled class (is-disabled, ant-select-disabled, t-is-disabled, n-base-selection--disabled…)
 * or a disabled input inside it.
 */
const DISABLED_CLASS = /(^|\s)(is-disabled|[\w-]+?(-|--|__)disabled)(\s|$)/;
function widgetDisabled(h: WidgetHandle): boolean {
  const el = h.el;
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return true;
  if (h.group || h.kind === 'file') return false;
  const cls = (e: Element | null) => (e && typeof e.className === 'string' ? e.className : '');
  // the root or the box it draws (Naive's n-base-selection--disabled, TDesign's t-is-disabled)
  if (DISABLED_CLASS.test(cls(el)) || DISABLED_CLASS.test(cls(el.firstElementChild)) || DISABLED_CLASS.test(cls(el.firstElementChild?.firstElementChild ?? null))) return true;
  // its inputs all disabled (a widget drawing several — a transfer's search boxes and its lists'
  // check-all boxes, disabled while a list is empty — is not disabled by one of them)
  const inputs = el.querySelectorAll('input:not([type=hidden])');
  return inputs.length > 0 && Array.from(inputs).every((i) => (i as HTMLInputElement).disabled);
}

/**
 * Why a text box the native adapter scanned must not be typed into, or undefined: it is the
 * input of a dropdown or calendar widget no adapter knows (the box or a wrapper a few levels up
 * says it opens a popup: role=combobox, aria-haspopup). Typing into it
 * changes the DOM text only, the widget's own value stays empty: the report would say "filled"
 * for a field the portal does not hold. (A read-only box without such signs is written and then
 * checked against its framework's model, see `accepted`: mobile field components take typed
 * text, and on a page without a framework the box's value is what the form posts.)
 */
const TEXT_KINDS = new Set(['text', 'textarea', 'date', 'datetime', 'number']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** `wrapper` holds a control besides `el` (walks only until it meets one: a form's layout holds hundreds). */
function holdsAnotherControl(wrapper: Element, el: Element): boolean {
  const walker = wrapper.ownerDocument.createTreeWalker(wrapper, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n !== el && CONTROL_TAGS.has((n as Element).tagName)) return true;
  return false;
}
const POPUP_WRAPPER_LEVELS = 4;
/** jQuery.data keys naming a plugin that chooses for its box, and those among them that parse a typed box (unknownWidgetReason). */
const PICKER_PLUGIN = /picker|select|calendar|datetime|combo|tree|city|area|region|chosen|dropdown|cascader/i;
const TYPED_PLUGIN = /^(datepicker|datetimepicker|daterangepicker|timepicker)$/i;
export function unknownWidgetReason(adapter: WidgetAdapter, h: WidgetHandle): { zh: string; en: string } | undefined {
  if (adapter.name !== 'native' || !TEXT_KINDS.has(h.kind)) return undefined;
  const el = h.el;
  if (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') return undefined;
  const opens = (e: Element) => e.getAttribute('role') === 'combobox' || (e.hasAttribute('aria-haspopup') && e.getAttribute('aria-haspopup') !== 'false');
  let popup = opens(el);
  if (!popup) {
    // the nearest wrapper that says it opens a popup (attributes only, no walk), then whether it
    // holds other fields too: then it is the form's layout, not this control's widget (a wrapper
    // below it holding another field means it holds that field as well)
    let wrapper: Element | undefined;
    for (let p = el.parentElement, i = 0; !wrapper && p && i < POPUP_WRAPPER_LEVELS; p = p.parentElement, i++) if (opens(p)) wrapper = p;
    popup = !!wrapper && !holdsAnotherControl(wrapper, el);
  }
  // a read-only box a jQuery plugin owns (it keeps its instance in the box's jQuery data): a picker
  // that keeps its choice elsewhere — a code in a hidden input or a data attribute (jQuery WeUI's
  // picker, select, calendar) — so text typed into the box is shown but never chosen. Date pickers
  // that read a typed box on keyup (jQuery UI, bootstrap-datetimepicker, daterangepicker) take it.
  // Such a picker may copy its options into the box's data (daterangepicker extends the element's
  // data with them: singleDatePicker, timePicker…): beside its own key, those name no other plugin.
  if (!popup && h.readOnly) {
    const keys = pageWorld().jqueryPlugins?.(el) ?? [];
    popup = !keys.some((k) => TYPED_PLUGIN.test(k)) && keys.some((k) => PICKER_PLUGIN.test(k));
  }
  if (popup) return { zh: '该框属于尚未适配的下拉或日期控件，未填写，请手动选择', en: 'this box belongs to a dropdown or date widget autofill does not support yet; not filled, choose it by hand' };
  return undefined;
}

/** A plain text box typed by the native adapter: writing it leaves the reach of other controls as it was (see reachNow). */
function keepsReach(adapter: WidgetAdapter, h: WidgetHandle): boolean {
  return adapter.name === 'native' && TEXT_KINDS.has(h.kind) && (h.el.tagName === 'INPUT' || h.el.tagName === 'TEXTAREA');
}

/** Options that arrived while waiting belong in the handle (native selects list them at detect). */
function refreshOptions(adapter: WidgetAdapter, h: WidgetHandle): void {
  const again = adapter.detect(h.el);
  if (again?.options) h.options = again.options;
}

/**
 * Reads the control back after a write, through its adapter and, where reachable, the
 * framework's model; waits on mutations (frameworks render on the next tick) up to a bound.
 * True when the portal holds the intended value, else what it holds.
 */
export async function accepted(adapter: WidgetAdapter, h: WidgetHandle, v: FillValue): Promise<true | ReadValue> {
  const ok = () => holds(adapter, h, v);
  if (await waitUntil(ok, { near: h.el, timeout: 600 })) return true;
  const read = adapter.read(h);
  if (readMatches(read, v, h)) return `${Array.isArray(read) ? read.join('、') : String(read)}（框架状态未更新）`;
  return read;
}

/** The control holds `v` now: through its adapter and, where reachable, the framework's model. */
function holds(adapter: WidgetAdapter, h: WidgetHandle, v: FillValue): boolean {
  if (v.type === 'files') return true; // upload widgets take the file away from their input: their list is the page's, not checked here
  // a native box's framework model is read too when it is read-only: a picker of a library the
  // engine does not know may keep its own value and ignore the typed text
  const native = adapter.name === 'native' || adapter.name === 'my97';
  const model = h.kind === 'file' || (native && !(h.readOnly && adapter.name === 'native')) ? undefined
    : native ? ownerModel(h.el) : pageWorld().readModel?.(adapter.modelAt?.(h) ?? h.el);
  return readMatches(adapter.read(h), v, h) && modelMatches(model, v, h);
}

/** How far up a read-only box's owning widget is looked for (its wrapper, the widget's root). */
const OWNER_LEVELS = 3;

/**
 * The model of the widget a read-only box belongs to: the box's own component, else the nearest
 * wrapper's (a select or picker of a library no adapter knows draws a read-only input inside its
 * root). Its text typed into the box is not a choice the widget made: only its model says.
 * A wrapper holding another control is the form's layout, not the box's widget.
 */
function ownerModel(el: Element): ReturnType<NonNullable<ReturnType<typeof pageWorld>['readModel']>> {
  const read = pageWorld().readModel;
  if (!read) return undefined;
  let p: Element | null = el;
  for (let i = 0; p && i <= OWNER_LEVELS; p = p.parentElement, i++) {
    if (p !== el && holdsAnotherControl(p, el)) return undefined;
    const m = read(p);
    if (m !== undefined) return m;
  }
  return undefined;
}

export function toFillValue(prev: ReadValue, h: WidgetHandle): FillValue | undefined {
  if (prev === null || prev === '' || (Array.isArray(prev) && prev.length === 0)) return undefined;
  if (typeof prev === 'boolean') return { type: 'check', checked: prev };
  if (h.kind === 'file') return undefined;
  // a range picker that held a period gets it back; one holding half a period is cleared
  if (h.kind === 'daterange' || h.kind === 'datetimerange') return Array.isArray(prev) && prev.length === 2 && prev[0] && prev[1] ? { type: 'range', from: prev[0], to: prev[1] } : undefined;
  if (Array.isArray(prev)) return { type: 'options', items: prev.map((p) => ({ candidates: [p] })) };
  if (h.kind === 'select' || h.kind === 'radio') return { type: 'option', candidates: [prev] };
  if (h.kind === 'cascader') return { type: 'path', candidates: [prev] };
  return { type: 'text', text: prev };
}

function sameRead(a: ReadValue, b: ReadValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Header words of a table's own columns that hold no data to fill (序号, 操作, a checkbox column). */
const NON_DATA_COLUMN = /^(序号|编号|#|No\.?|操作|删除|选择|全选)$/i;

/** A column whose cells (in the rows now on the page) hold a control: one the clerk would fill. */
function cellsTakeInput(te: TableEntry, column: string): boolean {
  const idx = te.columns.indexOf(column);
  return dataRows(liveBody(te)).slice(0, 5).some((r) => { const cell = r.cells[idx]; return !!cell && !!cell.querySelector('input:not([type=hidden]):not([type=checkbox]), textarea, select, [role=combobox], [contenteditable="true"]'); });
}

/** A column the grid says takes an editor (grid.ts): one the clerk would fill, though its cells show text. */
function columnEditable(te: TableEntry, column: string): boolean {
  const idx = te.columns.indexOf(column);
  return dataRows(liveBody(te)).slice(0, 3).some((r) => { const cell = r.cells[idx]; return !!cell && editableCell(cell); });
}

/** What openCell says when a cell opened no editor (grid.ts). */
const NO_EDITOR = /没有出现编辑框|只能由页面按钮进入编辑/;

/**
 * A cell of an editable grid written through its editor: undone by opening it again. `row` is
 * the row that held it then; a grid that drew the row anew has it at record row `at` of `live`.
 */
interface EditedCell { table: HTMLTableElement; row: HTMLTableRowElement; index: number; before: ReadValue; kind: WidgetHandle['kind']; control: string; live: LiveTable; at: number }

/**
 * A row this fill added, removed on undo. `key` names the record row it was added for (an edit
 * in it goes with it); `at` is where it appeared, where a grid that drew it anew has it.
 */
interface AddedRow { row: HTMLTableRowElement; key: string; live: LiveTable; at: number }

/**
 * Writes one cell of an editable grid (grid.ts): its editor opened as a person opens it (or the
 * one the grid shows already), checked visible and reachable, written through its adapter, read
 * back there, left, and the value then read back from the grid's own row data (else the cell's
 * text). Undefined when held, else why not (the caller names the row and the column).
 */
async function fillGridCell(cell: HTMLTableCellElement, table: Element, value: FillValue, shown: ControlEntry | undefined, onWritten: (e: { before: ReadValue; kind: WidgetHandle['kind'] }) => void, find: FindCell | undefined, onLeftOpen: (close: () => Promise<unknown>) => void): Promise<string | undefined> {
  let ctl = shown;
  if (!ctl) {
    const opened = await openCell(cell, find);
    if (typeof opened === 'string') return opened;
    ctl = opened;
  }
  const { adapter, handle } = ctl;
  const why = (await untilUsable(adapter, handle)) ?? unusableReason(handle.visible, { reach: true });
  if (why) { await closeCell(cell, table, find); return `编辑框不可用（${unusableWords(why).zh}）`; }
  const before = adapter.read(handle);
  try {
    await adapter.write(handle, value);
  } catch (e) {
    await closeCell(cell, table, find);
    return e instanceof Error ? e.message : String(e);
  }
  onWritten({ before, kind: handle.kind });
  // a grid may end the edit itself once the value is chosen (a select's dropdown closing): the
  // editor is gone, and the grid's row (or the cell's text) is all there is to read back
  const stays = handle.el.isConnected;
  const held = stays ? await accepted(adapter, handle, value) : true;
  // the editor's own model, before it goes: what the grid's row must hold once it is closed
  // (a text box's model is its widget's: ElInput, VxeInput draw the native input inside their root)
  const model = !stays ? undefined : adapter.name === 'native' ? ownerModel(handle.el) : pageWorld().readModel?.(handle.el);
  // a grid whose row data already holds the value needs no wait for its editor to go: the next
  // cell's click closes it, as it does a person's; the table's last one is closed at its end
  if (!(await closeCell(cell, table, find, held === true ? () => rowHolds(cell, value, handle.kind, model, find) : undefined))) onLeftOpen(() => closeCell(cell, table, find));
  if (held !== true) return notAccepted(held, false);
  const kept = await cellHolds(cell, value, handle.kind, model, find);
  return kept === true ? undefined : `关闭编辑后表格未保留该值（现为 ${kept || '空'}）`;
}

/** Puts an edited cell back as it was (its editor opened again); a row the fill added goes with the row. */
async function undoGridCell(e: EditedCell): Promise<void> {
  const row = e.live.rowNow(e.row, e.at);
  const cell = row?.isConnected ? row.cells[e.index] : undefined;
  if (!cell) throw new Error('单元格已不在页面上');
  const opened = cell.querySelector(CONTROL_SELECTOR) ? controlOf(cell) ?? (await openCell(cell)) : await openCell(cell);
  if (typeof opened === 'string') throw new Error(opened);
  try {
    const v = toFillValue(e.before, opened.handle);
    if (v) await opened.adapter.write(opened.handle, v);
    else if (opened.adapter.clear) await opened.adapter.clear(opened.handle);
    else throw new Error('该控件不能清空');
  } finally {
    await closeCell(cell, e.table);
  }
}

/** What a dropdown, picker or popup panel calls itself (class words): what a person closes by clicking elsewhere. */
const PANEL_WORDS = /(^|[-_\s])(panel|picker|dropdown|popup|popper|calendar|date-?picker|select-?panel)([-_\s]|$)/i;
const PANEL_DEPTH = 6;

/**
 * What covers `el` is a panel (a dropdown or picker popup, by its class words) outside any
 * dialog and not around `el`: closed as a person closes it — Escape in the box that has the
 * focus, then a click on the page outside it. A dialog, a mask or a page header is never
 * dismissed. True when something was done (the caller checks again).
 */
async function dismissStrayPanel(el: Element, last: Element | undefined): Promise<boolean> {
  const doc = el.ownerDocument;
  const r = el.getBoundingClientRect();
  const top = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!top || top === el || el.contains(top) || top.contains(el)) return false;
  let panel: Element | undefined;
  for (let p: Element | null = top, i = 0; p && i < PANEL_DEPTH && !panel; p = p.parentElement, i++) {
    const cls = typeof p.className === 'string' ? p.className : p.getAttribute('class') ?? '';
    if (PANEL_WORDS.test(cls) && !p.contains(el)) panel = p;
  }
  if (!panel) return false;
  // a dialog over the field is not a stray panel (one inside the same dialog as the field is)
  const dialog = panel.closest('[role=dialog], [aria-modal=true], dialog, [class*="modal"], [class*="dialog"]');
  if (dialog && !dialog.contains(el)) return false;
  const active = doc.activeElement as HTMLElement | null;
  if (active && active !== doc.body) { key(active, 'Escape'); await nextTask(el); }
  if (panel.isConnected && !unusableReason(panel)) {
    // a person leaves the box by pressing outside it while it still has the focus: some widgets
    // close (and take the typed text) only on a press outside while active, not on a blur
    const box = last instanceof win(el).HTMLElement && last.isConnected ? last : undefined;
    if (box && doc.activeElement !== box) box.focus({ preventScroll: true });
    clickLikeUser(doc.body);
    if (box) blur(box);
    await nextTask(el);
  }
  if (doc.activeElement && doc.activeElement !== doc.body) blur(doc.activeElement as HTMLElement);
  if (panel.isConnected && !unusableReason(panel) && !leaving(panel)) await waitUntil(() => !panel!.isConnected || !!unusableReason(panel!) || leaving(panel!), { near: el, timeout: 400 });
  return true;
}

/** How long a covered control may wait for what covers it to go (a closing popup's animation, ms). */
const COVER_WAIT_MS = 1200;

/** A new table row is settled once nothing in its table changed for this long (ms), waited at most ROW_SETTLE_MAX_MS. */
const ROW_SETTLED_MS = 60;
const ROW_SETTLE_MAX_MS = 400;
/** How long a disabled add-row button is waited for (a button disabled for a moment after each click) (ms). */
const ADD_BUTTON_WAIT_MS = 1500;

/** How long a rescan waits for popups still fading out (ms). */
const SETTLE_MS = 800;

/**
 * Adapters return once a popup they closed is leaving, not gone (a leaving popup covers nothing
 * the next step needs), and the fill returns once every value is written and read back, without
 * waiting for the last popup's fade: that is decoration the clerk need not wait for (it cost
 * every page 150–300 ms at its end). Work that scans the page again (the late controls, other
 * tabs, 继续填写) first lets the fades end, so a popup on its way out is never scanned.
 */
export async function settleLeaving(doc: Document): Promise<void> {
  if (leavingIn(doc)) await waitUntil(() => !leavingIn(doc), { near: doc, timeout: SETTLE_MS });
}

interface FilledStep { entry: FillReportEntry; adapter: WidgetAdapter; handle: WidgetHandle; value: FillValue; sensitive: boolean }

/**
 * A later step can undo an earlier one: a date-time picker that takes its empty box for "now"
 * writes that back when the next click elsewhere closes it; a province chosen after its city
 * resets the city. Each value was read back right after its write; once the whole plan has run,
 * every value the report calls filled is read again (no waiting: the page has had every step's
 * time to settle), and one the page no longer holds moves to failed with what it holds now.
 */
function recheckFilled(filled: readonly FilledStep[], report: FillReport): void {
  for (const f of filled) {
    if (!f.handle.el.isConnected || holds(f.adapter, f.handle, f.value)) continue;
    const i = report.filled.indexOf(f.entry);
    if (i < 0) continue;
    report.filled.splice(i, 1);
    const read = f.adapter.read(f.handle);
    const now = Array.isArray(read) ? read.join('、') : typeof read === 'boolean' ? (read ? '已勾选' : '未勾选') : read ?? '';
    report.failed.push({ ...f.entry, error: f.sensitive || !now ? '填写后被页面的后续操作清除或改回，请手工核对' : `填写后被页面的后续操作改为“${now}”，请手工核对` });
  }
}

/** Writes the plan's steps (in order) and its tables; never throws for one control. */
export async function applyPlan(session: PageSession, plan: FillPlan): Promise<ApplyResult> {
  const report: FillReport = { filled: [], skipped: [...plan.skipped], failed: [] };
  const written: Written[] = [];
  const editedCells: EditedCell[] = [];
  const addedRows: AddedRow[] = [];
  let undoGroups: GroupUndo | undefined;
  const filledSteps: FilledStep[] = [];
  const releaseScroll = holdScroll();
  try {
    for (const step of plan.steps) {
      const entry: FillReportEntry = { control: step.control, key: step.key, label: step.label, display: step.display };
      if (step.field) entry.field = step.field;
      const c = session.controls.get(step.control);
      if (!c) { report.failed.push({ ...entry, error: '控件不在本次扫描中' }); continue; }
      const chosen = adapterFor(step.adapter, c);
      if (typeof chosen === 'string') { report.failed.push({ ...entry, error: chosen }); continue; }
      const { adapter, handle } = chosen;
      if (step.tab !== undefined) entry.tab = step.tab;
      // on a tab not shown: click its header as a person would (a navigation, not a submit)
      if (hiddenTabs(handle.visible)?.length) await showTabsOf(handle.visible);
      // then what a person can see and reach, checked again right before writing; a control that is
      // disabled or still loading its options is waited for first
      // a text box: the scan's verdict when the page has not changed since (see reachNow); a widget
      // that is clicked is checked afresh, which also scrolls it into view as a person would
      const reach = keepsReach(adapter, handle) ? reachNow(handle.visible) : unusableReason(handle.visible, { reach: true });
      const ready = !reach && !widgetDisabled(handle) && (!adapter.ready || adapter.ready(handle));
      let why = ready ? undefined : (await untilUsable(adapter, handle)) ?? unusableReason(handle.visible, { reach: true });
      // a popup of the field before (a dropdown, a calendar) may still be closing over this one:
      // give it the time its animation takes, then decide
      if (why === 'covered') {
        // a panel the fill's own typing opened (a picker of a library no adapter knows, left open
        // when its box was left) covers it: close it as a person does, then give it its animation
        if (await dismissStrayPanel(handle.visible, written[written.length - 1]?.handle.labelTarget ?? written[written.length - 1]?.handle.el)) why = unusableReason(handle.visible, { reach: true });
      }
      if (why === 'covered') {
        const clear = await waitUntil(() => unusableReason(handle.visible, { reach: true }) === undefined, { near: handle.el, timeout: COVER_WAIT_MS });
        if (clear) why = undefined;
      }
      if (why) { const w = unusableWords(why); report.skipped.push({ control: step.control, label: step.label, reason: 'unusable', detail: w.zh, detailEn: w.en }); continue; }
      // personal data: the stricter check the scan could not make while the tab was hidden
      const caution = step.sensitive && step.tab !== undefined ? cautionReason(handle.visible) : undefined;
      if (caution) { const w = unusableWords(caution); report.skipped.push({ control: step.control, label: step.label, reason: 'unusable', detail: `${w.zh}，不填写身份证号、电话等个人信息`, detailEn: `${w.en}; ID and phone numbers are not written there` }); continue; }
      const unknown = unknownWidgetReason(adapter, handle);
      if (unknown) { report.skipped.push({ control: step.control, label: step.label, reason: 'unsupported', detail: unknown.zh, detailEn: unknown.en, ...(step.field ? { field: step.field } : {}) }); continue; }
      try {
        const before = adapter.read(handle);
        const model = unchosenRadioModel(handle, before);
        // props read through the page-world bridge are not kept past a write (only a scan keeps them)
        forgetPropsReads();
        await adapter.write(handle, step.value);
        // a choice (a checkbox behind a :checked toggle, a select, a library widget) can show or
        // hide other fields without a mutation: the next controls are checked afresh
        if (!keepsReach(adapter, handle)) forgetReach();
        written.push({ adapter, handle, before, control: step.control, ...(model ? { model } : {}) });
        const held = await accepted(adapter, handle, step.value);
        if (held !== true) {
          report.failed.push({ ...entry, error: notAccepted(held, !!step.sensitive) });
          // a read-only box whose widget did not take the text: put its text back, so the page
          // does not show a value its widget does not hold (the clerk would take it for filled)
          if (adapter.name === 'native' && handle.readOnly && typeof before === 'string') { try { await adapter.write(handle, { type: 'text', text: before }); } catch { /* left as the page has it */ } }
          continue;
        }
        report.filled.push(entry);
        filledSteps.push({ entry, adapter, handle, value: step.value, sensitive: !!step.sensitive });
      } catch (e) {
        report.failed.push({ ...entry, error: e instanceof Error ? e.message : String(e) });
      }
    }
    for (const t of plan.tables) {
      const te = session.tables.get(t.table);
      const entry: FillReportEntry = { control: t.table, key: t.key, label: t.label, display: `${t.rows.length} 行` };
      if (!te) { report.failed.push({ ...entry, error: '表格不在本次扫描中' }); continue; }
      if (t.tab !== undefined) entry.tab = t.tab;
      try {
        if (hiddenTabs(te.table)?.length && !(await showTabsOf(te.table))) throw new Error('表格所在的标签页无法切换');
        const live = liveTable(te, t.table);
        const cellErrors: Record<string, string[]> = {};
        const noEditor = new Set<string>();
        // the last editor a cell's fill left open (its value held): closed before the table is done
        let leftOpen: (() => Promise<unknown>) | undefined;
        try {
        for (let i = 0; i < t.rows.length; i++) {
          if (live.rows().length <= i) {
            // a button that refuses a second click for a moment after the first (OpenTiny's TinyButton
            // is disabled for its reset-time, 1 s) is waited for, as a person waits for it
            const add = te.addButton;
            if (!add || (unusableReason(add) && !(await waitUntil(() => !unusableReason(add), { near: add, timeout: ADD_BUTTON_WAIT_MS })))) throw new Error('没有可用的添加行按钮');
            const count = live.rows().length;
            clickLikeUser(add);
            // watched from the document: a library may put the first row into a body table it renders then
            const row = await waitUntil(() => live.row(count), { near: te.table, timeout: 1500 });
            if (!row) throw new Error('点击添加后没有出现新行');
            // the page may go on after its row appears: a grid that opens the new row's first cell
            // itself (vxe-table's insertAt, then setEditCell) does so a moment later, and a cell we
            // opened meanwhile loses its editor to it (a choice column then failed in every row,
            // each after a 1.5 s wait). A grid whose cells become editors is let settle — nothing
            // changing in its table for a moment — bounded; other tables' rows hold their controls.
            if (Array.from(row.cells).some(editableCell)) await waitUntil(() => false, { root: row.closest('table')?.parentElement ?? row, idle: ROW_SETTLED_MS, timeout: ROW_SETTLE_MAX_MS });
            addedRows.push({ row, key: live.rowKey(i), live, at: count });
          }
          for (const [header, value] of Object.entries(t.rows[i]!)) {
            const idx = te.columns.indexOf(header);
            // the row looked up afresh: a grid may draw its rows again after an edit
            const cell = live.cell(i, idx);
            if (!cell) continue;
            const hit = controlWithin(cell);
            // an editable grid's cell: its editor shows once clicked (grid.ts), or shows already
            // because the grid opened it (a row inserted with its first cell active, a row in edit)
            if (!hit || editableCell(cell)) {
              // a column whose cell opened no editor in an earlier row opens none in this one: not clicked again
              if (!hit && noEditor.has(header)) { (cellErrors[header] ??= []).push(`第 ${i + 1} 行同上`); continue; }
              const why = await fillGridCell(cell, live.body(), value, hit, (h) => editedCells.push({ ...h, table: te.table, row: live.cellNow(cell, i, idx).parentElement as HTMLTableRowElement, index: idx, control: `${t.table}:${i}:${header}`, live, at: i }), live.findCell(i, idx), (close) => { leftOpen = close; });
              if (why) (cellErrors[header] ??= []).push(`第 ${i + 1} 行${why}`);
              if (why && NO_EDITOR.test(why)) noEditor.add(header);
              continue;
            }
            if (await untilUsable(hit.adapter, hit.handle)) throw new Error(`第 ${i + 1} 行“${header}”不可见`);
            const before = hit.adapter.read(hit.handle);
            // a cell that cannot be written (an option the page lacks) is named and the rest of the
            // table still filled, as a person goes on and comes back to it; never reported filled
            try { await hit.adapter.write(hit.handle, value); } catch (e) { (cellErrors[header] ??= []).push(`第 ${i + 1} 行${e instanceof Error ? e.message : String(e)}`); continue; }
            written.push({ adapter: hit.adapter, handle: hit.handle, before, control: `${t.table}:${i}:${header}` });
            const held = await accepted(hit.adapter, hit.handle, value);
            if (held !== true) (cellErrors[header] ??= []).push(`第 ${i + 1} 行${notAccepted(held, false)}`);
          }
        }
        } finally { if (leftOpen) await leftOpen(); }
        // a column whose cells could not be edited: named, never reported filled
        const bad = Object.entries(cellErrors);
        if (bad.length) throw new Error(bad.map(([h, list]) => `“${h}”一栏未能填写（${list.slice(0, 2).join('；')}${list.length > 2 ? ` 等 ${list.length} 处` : ''}）`).join('；'));
        // a column of the page the record has nothing for stays empty in every row written: the
        // table is not complete, and the clerk must fill that column by hand
        const empty = te.columns.filter((c) => c && !NON_DATA_COLUMN.test(c) && !t.rows.some((r) => c in r) && (cellsTakeInput(te, c) || columnEditable(te, c)));
        if (empty.length) { report.failed.push({ ...entry, error: `已填 ${t.rows.length} 行；“${empty.join('”“')}”一栏记录中没有，需手工填写` }); continue; }
        report.filled.push(entry);
      } catch (e) {
        report.failed.push({ ...entry, error: e instanceof Error ? e.message : String(e) });
      }
    }
    // repeating groups of blocks, cell by cell (repeat.ts)
    if (plan.groups?.length) undoGroups = await fillGroups(session, plan.groups, report);
    recheckFilled(filledSteps, report);
  } finally { releaseScroll(); }
  return {
    report,
    async undo() {
      const failed: { control: string; error: string }[] = [];
      let restored = 0;
      forgetPropsReads();
      if (undoGroups) { const g = await undoGroups(); restored += g.restored; failed.push(...g.failed); }
      for (const c of [...editedCells].reverse()) {
        try {
          if (addedRows.some((r) => r.row === c.row || r.key === c.live.rowKey(c.at))) { restored++; continue; }
          await undoGridCell(c);
          restored++;
        } catch (e) {
          failed.push({ control: c.control, error: e instanceof Error ? e.message : String(e) });
        }
      }
      for (const w of [...written].reverse()) {
        try {
          if (addedRows.some((r) => r.row.contains(w.handle.el))) { restored++; continue; }
          const now = w.adapter.read(w.handle);
          // upload widgets empty their input after taking the file: always clear those
          if (w.handle.kind !== 'file' && sameRead(now, w.before)) { restored++; continue; }
          const v = toFillValue(w.before, w.handle);
          if (v) await w.adapter.write(w.handle, v);
          else if (await restoreUnchosenRadio(w)) { /* the framework's model took the old value back */ }
          else if (w.adapter.clear) await w.adapter.clear(w.handle);
          else throw new Error('该控件不能清空');
          restored++;
        } catch (e) {
          failed.push({ control: w.control, error: e instanceof Error ? e.message : String(e) });
        }
      }
      // rows this fill added: remove them with their own delete button when they have one
      for (const r of addedRows.reverse()) {
        const row = r.live.rowNow(r.row, r.at) ?? r.row;
        const del = Array.from(row.querySelectorAll<HTMLElement>('button, a, [role=button], .layui-btn')).find((b) => /删除|移除|删行|^[-×✕]$/.test(buttonText(b)));
        if (del) { clickLikeUser(del); await waitUntil(() => !row.isConnected, { near: row.ownerDocument, timeout: 600 }); }
        else if (row.isConnected) failed.push({ control: 'row', error: '新增的行没有删除按钮' });
      }
      return { restored, failed };
    },
  };
}

/** The allowed cross-origin frames of a mapping: those it names whose origin matches one of its own URL patterns. */
export function allowedFrameOrigins(mapping: PortalMapping | undefined): string[] {
  const out: string[] = [];
  for (const f of mapping?.frames ?? []) {
    const allowed = mapping!.match.some((p) => {
      const m = /^(\*|https?):\/\/([^/]+)/.exec(p);
      if (!m) return false;
      let origin: URL;
      try { origin = new URL(f.origin); } catch { return false; }
      const scheme = m[1] === '*' ? ['http:', 'https:'] : [`${m[1]}:`];
      const host = m[2]!;
      const hostOk = host === origin.host || (host.startsWith('*.') && origin.host.endsWith(host.slice(1)));
      return scheme.includes(origin.protocol) && hostOk;
    });
    if (allowed) out.push(new URL(f.origin).origin);
  }
  return out;
}

export interface AutofillOptions extends PlanOptions {
  doc?: Document;
}

/** Scan options that a mapping implies (its selectors and allowed frames). */
export function scanOptionsFor(mapping: PortalMapping | undefined): ScanOptions {
  const out: ScanOptions = { selectors: mappingSelectors(mapping), allowedFrameOrigins: allowedFrameOrigins(mapping) };
  if (mapping?.tables?.length) out.lists = mapping.tables.map((t) => ({ addButton: t.addButton, rowSelector: t.rowSelector }));
  return out;
}

/**
 * Controls that were disabled when the page was scanned and that the record has a value for
 * (a select enabled once another field is chosen, or once its options load): after the first
 * pass, wait for them on the page's mutations (bounded by the wait limit), scan again and
 * write them. Their "unusable" entries in the report are replaced by the outcome.
 */
export async function fillLate(ctx: AutofillContext, values: Record<string, unknown>, options: AutofillOptions, first: { session: PageSession; plan: FillPlan } & ApplyResult): Promise<ApplyResult> {
  // by the English words: the Chinese detail (控件已禁用) never held the word "disabled"
  const disabled = first.plan.skipped.filter((s) => s.reason === 'unusable' && /disabled/.test(s.detailEn ?? '') && s.control);
  if (disabled.length === 0) return first;
  // which of them the record would fill if they were usable
  const ids = new Set(disabled.map((s) => s.control));
  // planned without their option lists: a select disabled while it loads lists none of its options yet (加载中…)
  const asUsable = { ...first.session.result, controls: first.session.result.controls.map((c) => { if (!ids.has(c.id)) return c; const { options: _loading, ...rest } = c; return { ...rest, usable: true }; }) };
  // only those on show: a disabled control in a step or tab not shown yet waits for the user, not for a timeout
  const shown = (el: Element) => { const ce = el as Element & { checkVisibility?: (o: object) => boolean }; return !ce.checkVisibility || ce.checkVisibility({ checkVisibilityCSS: true }); };
  const wanted = planFill(ctx, asUsable, values, options).steps.filter((st) => ids.has(st.control) && shown(first.session.controls.get(st.control)!.handle.visible)).map((st) => first.session.controls.get(st.control)!.handle.el);
  if (wanted.length === 0) return first;
  const doc = options.doc ?? document;
  const usable = (el: Element) => !unusableReason(el) && !(el as HTMLInputElement).disabled;
  await waitUntil(() => wanted.every((el) => !el.isConnected || usable(el)), { near: doc, timeout: getWaitLimit() });
  await settleLeaving(doc);
  const session = scanPage(doc, scanOptionsFor(options.mapping));
  const plan = planFill(ctx, session.result, values, options);
  const steps = plan.steps.filter((st) => wanted.includes(session.controls.get(st.control)!.handle.el));
  const late = await applyPlan(session, { ...plan, steps, tables: [], groups: [], skipped: [] });
  const report = first.report;
  const done = new Set(steps.map((st) => session.controls.get(st.control)!.handle.el));
  const stillSkipped = new Set(disabled.filter((s) => done.has(first.session.controls.get(s.control)!.handle.el)).map((s) => s.control));
  report.skipped = report.skipped.filter((s) => !stillSkipped.has(s.control)).concat(late.report.skipped);
  report.filled.push(...late.report.filled);
  report.failed.push(...late.report.failed);
  return {
    report,
    async undo() {
      const a = await late.undo();
      const b = await first.undo();
      return { restored: a.restored + b.restored, failed: [...a.failed, ...b.failed] };
    },
  };
}

/** At most this many tabs are opened to look for the record's fields (a page is not crawled). */
const MAX_TABS_OPENED = 8;

/**
 * Fields on tabs the page renders only once opened (Ant Design's default, Element Plus `lazy`)
 * are not in the first scan. When the record still has values no control took, each tab not
 * shown yet whose panel holds no scanned control is opened — a navigation a person makes, never
 * a submit — the page scanned again, and the controls (and tables) that were not there before
 * are planned and filled for the keys not filled yet. Bounded by MAX_TABS_OPENED.
 */
export async function fillOtherTabs(ctx: AutofillContext, values: Record<string, unknown>, options: AutofillOptions, first: { session: PageSession; plan: FillPlan } & ApplyResult): Promise<ApplyResult> {
  if (first.plan.unplaced.length === 0) return first;
  const doc = options.doc ?? document;
  const seen = new Set<Element>();
  for (const c of first.session.controls.values()) seen.add(c.handle.el);
  for (const t of first.session.tables.values()) seen.add(t.table);
  for (const g of first.session.groups.values()) seen.add(g.container);
  const known = (el: Element) => seen.has(el);
  const done = new Set(first.report.filled.map((f) => f.key));
  const report = first.report;
  const undos: ApplyResult[] = [];
  const tried = new Set<Element>();
  for (let n = 0; n < MAX_TABS_OPENED; n++) {
    const tab = unopenedTabs(doc, known).find((t) => !tried.has(t));
    if (!tab) break;
    tried.add(tab);
    const back = selectedTabBeside(tab);
    if (!(await openTab(tab))) continue;
    await settleLeaving(doc);
    const session = scanPage(doc, scanOptionsFor(options.mapping));
    const plan = planFill(ctx, session.result, values, options);
    const fresh = (el: Element) => !seen.has(el);
    const steps = plan.steps.filter((st) => !done.has(st.key) && fresh(session.controls.get(st.control)!.handle.el));
    const tables = plan.tables.filter((t) => !done.has(t.key) && fresh(session.tables.get(t.table)!.table));
    const groups = (plan.groups ?? []).filter((g) => !done.has(g.key) && fresh(session.groups.get(g.group)!.container));
    for (const c of session.controls.values()) seen.add(c.handle.el);
    for (const t of session.tables.values()) seen.add(t.table);
    for (const g of session.groups.values()) seen.add(g.container);
    // nothing of the record there: back to the tab the page showed, as the person left it
    if (steps.length === 0 && tables.length === 0 && groups.length === 0) { if (back) await openTab(back); continue; }
    const label = textOf(tab);
    const applied = await applyPlan(session, { ...plan, steps: steps.map((st) => ({ ...st, tab: label })), tables: tables.map((t) => ({ ...t, tab: label })), groups: groups.map((g) => ({ ...g, tab: label })), skipped: [] });
    undos.push(applied);
    for (const f of applied.report.filled) { done.add(f.key); report.filled.push(f); }
    report.failed.push(...applied.report.failed);
    report.skipped.push(...applied.report.skipped);
  }
  if (undos.length === 0) return first;
  return {
    report,
    async undo() {
      let restored = 0;
      const failed: { control: string; error: string }[] = [];
      for (const u of [...undos.reverse(), first]) { const r = await u.undo(); restored += r.restored; failed.push(...r.failed); }
      return { restored, failed };
    },
  };
}

/** Scan, plan and apply in one call (controls disabled at first are waited for; see fillLate). */
export async function autofill(ctx: AutofillContext, values: Record<string, unknown>, options: AutofillOptions = {}): Promise<{ session: PageSession; plan: FillPlan } & ApplyResult> {
  const session = scanPage(options.doc ?? document, scanOptionsFor(options.mapping));
  const plan = planFill(ctx, session.result, values, options);
  const applied = await applyPlan(session, plan);
  const late = await fillLate(ctx, values, options, { session, plan, ...applied });
  const all = await fillOtherTabs(ctx, values, options, { session, plan, ...late });
  return { session, plan, ...all };
}

/** Reads the page into record values keyed by dictionary key (capture). */
export function readBack(ctx: AutofillContext, options: AutofillOptions = {}): ReadBackResult {
  const session = scanPage(options.doc ?? document, scanOptionsFor(options.mapping));
  return readBackValues(ctx, session.result, options);
}
