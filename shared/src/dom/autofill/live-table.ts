/**
 * A repeating table being filled, whose rows the page may draw anew meanwhile: DevExtreme's
 * dxDataGrid draws a row again after each edit (and its tables on addRow), vxe-table inserts
 * rows. A row or cell held from before may then be off the page, so rows and cells are named by
 * their place — the record row, the column — and looked up there again whenever they are used,
 * also when the fill is undone.
 */
import { dataRows, liveBody, type TableEntry } from './scan.ts';
import { liveCell, type FindCell } from './grid.ts';

export interface LiveTable {
  /** The table holding the rows now (liveBody). */
  body(): HTMLTableElement;
  /** The record rows now; the row holding the table's add button holds no record. */
  rows(): HTMLTableRowElement[];
  row(i: number): HTMLTableRowElement | undefined;
  cell(i: number, column: number): HTMLTableCellElement | undefined;
  /** `row` while it is on the page, else the one drawn at its place. */
  rowNow(row: HTMLTableRowElement, i: number): HTMLTableRowElement | undefined;
  /** `cell` while it is on the page, else the one drawn at its place (else `cell`). */
  cellNow(cell: HTMLElement, i: number, column: number): HTMLElement;
  /** How grid.ts finds the cell again when the grid draws it anew while its editor opens or closes. */
  findCell(i: number, column: number): FindCell;
  /**
   * Names record row `i` of this table whatever element draws it: an edit in a row the fill
   * added is undone with the row, though the grid drew the row anew after the edit.
   */
  rowKey(i: number): string;
}

/** `te`, the table the plan calls `id`, looked up afresh at each use. */
export function liveTable(te: TableEntry, id: string): LiveTable {
  const rows = () => dataRows(liveBody(te)).filter((r) => !r.contains(te.addButton ?? null));
  const row = (i: number) => rows()[i];
  const cell = (i: number, column: number) => row(i)?.cells[column];
  const findCell = (i: number, column: number): FindCell => () => cell(i, column);
  return {
    body: () => liveBody(te),
    rows,
    row,
    cell,
    rowNow: (r, i) => (r.isConnected ? r : row(i)),
    cellNow: (c, i, column) => liveCell(c, findCell(i, column)),
    findCell,
    rowKey: (i) => `${id}:${i}`,
  };
}
