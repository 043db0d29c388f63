/**
 * Editable grids: tables whose body cells show text and become an editor only when a person
 * clicks (or double-clicks) them — vxe-table's edit-config with edit-render editors or #edit
 * slots, Element Plus tables that swap a cell's text for an el-input on cell-click, Ant Design's
 * "editable cells" (a div that turns into an Input). A cell is opened as a person opens it (the
 * pointer's press and click on what lies at the cell's centre, a double click when the grid says
 * so or a click did nothing), its editor — inside the cell, or laid over it — is written through
 * its own adapter, then the editor is left as a person leaves it (the box loses the focus, a
 * press outside the table), and the value is read back from the grid's own row data where the
 * grid's state is reachable (framework-state.ts readGridCell), else from the text the cell shows
 * once closed. Every wait is bounded and waits on the page's own changes.
 */
import type { FillValue } from '../../core/autofill/types.ts';
import { waitUntil, type WidgetAdapter, type WidgetHandle } from './adapters/index.ts';
import { pageWorld, type GridCellRead, type PlainModel } from './framework-state.ts';
import { CONTROL_SELECTOR, controlWithin, scanPage } from './scan.ts';
import { blur, clickLikeUser, dblclickLikeUser, dialogOf, textOf, unusableReason } from './util.ts';
import { readMatches } from './verify.ts';

export interface CellControl { adapter: WidgetAdapter; handle: WidgetHandle }

/** How long a click is given to open an editor before a double click is tried (ms). */
const CLICK_OPEN_MS = 350;
/** How long a double click, or the grid's trigger it names, is given to open the editor (ms). */
const OPEN_MS = 1000;
/** How long a closed editor is given to go, and the grid to hold its value (ms). */
const CLOSE_MS = 800;
/** A dropdown editor is handed over once the page has been still this long after it showed (ms)… */
const SETTLE_MS = 60;
/** …or at most after this long (ms). */
const SETTLE_CAP_MS = 300;

/** The grid's own record of `cell`, when the page's state is reachable from here. */
export function gridCell(cell: Element): GridCellRead | undefined {
  return pageWorld().readGridCell?.(cell);
}

/** An editor is showing for `cell`: a control inside it, or a text box with the focus laid over it. */
function editorShown(cell: Element): boolean {
  if (cell.querySelector(CONTROL_SELECTOR)) return true;
  return !!overlaid(cell);
}

/** The focused text box outside `cell` whose box covers the cell's centre (a grid's floating editor). */
function overlaid(cell: Element): HTMLElement | undefined {
  const a = cell.ownerDocument.activeElement as HTMLElement | null;
  if (!a || cell.contains(a) || !a.matches('input, textarea, [contenteditable="true"]')) return undefined;
  const c = cell.getBoundingClientRect(), r = a.getBoundingClientRect();
  const x = c.left + c.width / 2, y = c.top + c.height / 2;
  return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom ? a : undefined;
}

/** The control of the editor now showing for `cell`, as the scan's adapters take it. */
export function controlOf(cell: Element): CellControl | undefined {
  const over = overlaid(cell);
  // the cell's own editor, found in the cell alone; a page scan only for one laid over it
  if (!over) return controlWithin(cell);
  const s = scanPage(cell.ownerDocument, {});
  let hit: CellControl | undefined;
  for (const e of s.controls.values()) {
    if (cell.contains(e.handle.el)) return e;
    if (!hit && over && (e.handle.el === over || e.handle.el.contains(over))) hit = e;
  }
  return hit;
}

/**
 * The editor of a cell, handed over once it has settled. A grid focuses the editor it opens, and
 * a select may open its dropdown on that focus a moment later (vxe-select's 10 ms timer; a page
 * whose cell-click handler focuses the select and opens it for the clerk): a click made before
 * that would open the dropdown only for the widget to toggle it shut again, and the grid then
 * ends the edit. So a dropdown editor holding the focus is handed over once it says its dropdown
 * is open (its adapter's `expanded`), or once the page has been still a moment (no opening
 * coming); bounded. Its write then takes the open dropdown as it is (popup.ts openOwnPopup).
 * Text boxes, and a select nobody focused (nothing will open it but the click), at once.
 */
async function handedOver(ctl: CellControl | undefined): Promise<CellControl | string> {
  if (!ctl) return '单元格的编辑框无法识别';
  const { adapter, handle } = ctl;
  const focused = handle.el.contains(handle.el.ownerDocument.activeElement);
  if (!adapter.dropdown || !focused || adapter.expanded?.(handle)) return ctl;
  // (an animation elsewhere on the page is no change of this editor's: only the page's mutations count)
  await waitUntil(() => !handle.el.isConnected || adapter.expanded?.(handle), { near: handle.el, timeout: SETTLE_CAP_MS, idle: SETTLE_MS, moving: () => false });
  return ctl;
}

/** What a person's pointer lands on at the cell's centre (the cell itself when something else is there). */
function pressTarget(cell: HTMLElement): Element {
  const r = cell.getBoundingClientRect();
  const at = cell.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return at && cell.contains(at) ? at : cell;
}

/**
 * Where a cell is found again (its row and column looked up afresh) when the grid drew it anew:
 * DevExtreme's dxDataGrid replaces a clicked cell's element with one holding its editor, and
 * draws the row again when the editor closes.
 */
export type FindCell = () => HTMLElement | undefined;

/** `cell` while it is on the page, else the one drawn in its place. */
export function liveCell(cell: HTMLElement, find?: FindCell): HTMLElement {
  return cell.isConnected ? cell : (find?.() ?? cell);
}

/**
 * Opens the editor of `cell` as a person does and returns its control, or why it could not: the
 * cell out of sight or reach, or no editor after the click (and the double click). A cell the grid
 * draws anew on the click is found again by `find`.
 */
export async function openCell(cell0: HTMLElement, find?: FindCell): Promise<CellControl | string> {
  // a grid that opened the cell's editor itself meanwhile (a row inserted with its first cell in edit) drew it anew
  const cell = liveCell(cell0, find);
  if (cell !== cell0 && editorShown(cell)) return handedOver(controlOf(cell));
  const why = unusableReason(cell, { reach: true });
  if (why) return `单元格不可见或不可点击（${why}）`;
  const trigger = gridCell(cell)?.trigger;
  const doc = cell.ownerDocument;
  const now = () => liveCell(cell, find);
  if (trigger !== 'dblclick') {
    clickLikeUser(pressTarget(cell));
    if (await waitUntil(() => editorShown(now()), { near: doc, timeout: trigger === 'click' ? OPEN_MS : CLICK_OPEN_MS })) return handedOver(controlOf(now()));
    if (trigger === 'click') return '点击单元格后没有出现编辑框';
  }
  if (!now().isConnected) return '单元格已不在页面上';
  dblclickLikeUser(pressTarget(now()));
  if (await waitUntil(() => editorShown(now()), { near: doc, timeout: OPEN_MS })) return handedOver(controlOf(now()));
  return trigger === 'manual' ? '该表格只能由页面按钮进入编辑' : '点击或双击单元格后没有出现编辑框';
}

/**
 * Leaves the editor of `cell` as a person does: the box loses the focus, then a press outside
 * the table (in the dialog the table sits in, else on the page). Waits, bounded, for the editor
 * to go, or for `held` (the grid's own row data holds the value: nothing is left to wait for);
 * an editor a grid keeps open is left so (the value check decides). True when it went. OpenTiny's TinyGrid, in a
 * dialog, ends an edit on no press inside the dialog (it takes the dialog for the editor's
 * popup): only the next cell's click closes it, as it does for a person going on to the next cell.
 */
export async function closeCell(cell: HTMLElement, table: Element, find?: FindCell, held?: () => boolean): Promise<boolean> {
  const doc = cell.ownerDocument;
  const shut = () => { const c = liveCell(cell, find); return !c.isConnected || !editorShown(c); };
  const gone = held ? () => shut() || held() : shut;
  if (shut()) return true;
  // (a grid that closes on the blur alone — a React cell saving on blur — has closed before the press lands: it is harmless)
  for (let i = 0; i < 2 && !gone(); i++) {
    const active = doc.activeElement as HTMLElement | null;
    const c = liveCell(cell, find);
    if (active && active !== doc.body && (c.contains(active) || overlaid(c) === active)) blur(active);
    clickLikeUser(dialogOf(table) ?? doc.body);
    if (await waitUntil(gone, { near: doc, timeout: CLOSE_MS / 2 })) return shut();
  }
  return shut();
}

/**
 * After the editor of `cell` closed: the grid holds `v`. With the grid's row data reachable, its
 * value for the cell's column must be the editor's model (`model`, read before closing) or, when
 * that could not be read, match `v` as text; else the text the cell shows must match `v`.
 * Waits on the page's changes, bounded. True when held, else what the grid or cell holds.
 */
export async function cellHolds(cell0: HTMLElement, v: FillValue, kind: WidgetHandle['kind'], model: PlainModel | undefined, find?: FindCell): Promise<true | string> {
  const now = () => cellHoldsNow(cell0, v, kind, model, find);
  let last: true | string = now();
  if (last === true) return true;
  await waitUntil(() => (last = now()) === true, { near: cell0.ownerDocument, timeout: CLOSE_MS });
  return last;
}

/**
 * Whether the grid's own row data holds `v` for `cell0` now, its editor open or closed: false when
 * the grid's state is not reachable (only a closed cell's text can say it then).
 */
export function rowHolds(cell0: HTMLElement, v: FillValue, kind: WidgetHandle['kind'], model: PlainModel | undefined, find?: FindCell): boolean {
  return cellHoldsNow(cell0, v, kind, model, find, true) === true;
}

/** cellHolds, once; with `rowOnly`, the grid's row data alone (an open editor's cell text says nothing). */
function cellHoldsNow(cell0: HTMLElement, v: FillValue, kind: WidgetHandle['kind'], model: PlainModel | undefined, find?: FindCell, rowOnly = false): true | string {
  const cell = liveCell(cell0, find);
  if (!cell.isConnected) return '单元格已不在页面上';
  const g = gridCell(cell);
  if (g && g.value !== undefined) {
    const held = g.value;
    const text = held === null ? '' : Array.isArray(held) ? held.join('、') : String(held);
    if (model !== undefined && model !== null && model !== '') return JSON.stringify(held) === JSON.stringify(model) || text === String(model) ? true : text;
    // no editor model to compare with (the editor went with the choice): the row holds a value,
    // and it is the one asked for, as held or as the cell shows it (a code shown by its label)
    if (text === '') return text;
    if (readMatches(text, v, { kind })) return true;
    // a code the grid itself names (a lookup column's id and its name)
    if (g.text !== undefined && readMatches(g.text, v, { kind })) return true;
    // a choice the row keeps as its code: the cell shows it by its label
    return v.type === 'option' && readMatches(textOf(cell, 400), v, { kind }) ? true : text;
  }
  if (rowOnly) return '';
  const shown = textOf(cell, 400);
  return readMatches(shown, v, { kind }) ? true : shown;
}

/** Whether the grid says the column of `cell` takes an editor (vxe's edit-render or #edit slot). */
export function editableCell(cell: Element): boolean {
  return gridCell(cell)?.editable === true;
}
