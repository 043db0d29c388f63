/**
 * Autofill data shapes. Everything here is plain JSON: a scan of a page, the plan made from it
 * and the report of applying it can cross a message channel (content script → popup) and be
 * shown to the user before anything is written. The DOM side (`@lvzhi/shared/dom`) produces
 * scans and applies plans; this core side only reasons about them.
 */

/** Where a control's label text came from, most trustworthy first. */
export type LabelSource =
  | 'mapping'        // the portal mapping's locator named it
  | 'label-for'      // <label for=id>
  | 'label-wrap'     // <label>姓名 <input></label>
  | 'aria-labelledby'
  | 'aria-label'
  | 'form-item'      // Element / Ant Design / Layui / Fusion form-item label
  | 'table-cell'     // the table cell to the left or above
  | 'legend'         // <fieldset><legend> of a radio/checkbox group
  | 'preceding-text' // the text right before the control in its block
  | 'placeholder'
  | 'title'
  | 'name';          // the name/id attribute (used only by read-back diagnostics, never matched)

export interface ScannedLabel {
  source: LabelSource;
  text: string;
}

/** What kind of value the control takes. */
export type ControlKind =
  | 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'select' | 'multiselect'
  | 'radio' | 'checkbox' | 'checkboxes' | 'cascader' | 'file' | 'richtext'
  /** A range picker of two inputs (start, end): dates, or dates with times. Takes only a period (`daterange` keys). */
  | 'daterange' | 'datetimerange';

export interface ScannedOption {
  value: string;
  text: string;
}

export interface ScannedControl {
  /** Stable within one scan: `c0`, `c1`… The DOM side keeps the element behind it. */
  id: string;
  /** Name of the widget adapter that reads and writes it (`native-input`, `element-select`…). */
  adapter: string;
  kind: ControlKind;
  /** Label candidates, most trustworthy first. */
  labels: ScannedLabel[];
  name?: string;
  domId?: string;
  /** The input's type attribute for native inputs. */
  inputType?: string;
  /** Options the page shows (native select, radio and checkbox groups, Layui). Absent for lazily rendered dropdowns. */
  options?: ScannedOption[];
  multiple?: boolean;
  /** Date/time format the control takes, as YYYY/MM/DD/HH/mm tokens, when the page tells it. */
  dateFormat?: string;
  /** Frame path: '' for the top document, `0`, `0/1`… for nested same-origin frames. */
  frame: string;
  /** False when the user cannot see or use it (hidden, zero-size, off-screen, disabled, aria-hidden). */
  usable: boolean;
  /** Why it is not usable. */
  unusableReason?: string;
  /** Usable, but not trusted with personal data (ID numbers, phones): faint, small, tiny text… */
  caution?: string;
  readOnly?: boolean;
  /** A plain text box inside a date picker of a library no adapter knows (its class names say date/picker/calendar). */
  inPicker?: boolean;
  required?: boolean;
  /** The current value as the adapter reads it (text, option text(s), boolean, file names). */
  value?: string | string[] | boolean | null;
  /** Indexes of `ScanOptions.selectors` that match this control (or an ancestor of it). */
  selectors?: number[];
  /** Inside a repeating table: which table, row and column header. */
  cell?: { table: string; row: number; column: string };
  /** Inside a block of a repeating group (see `ScannedGroup`): which group, block and the control's label in the block. */
  block?: { group: string; index: number; field: string };
  /**
   * On a tab not shown (its panel hidden): the tab header's text. Such a control counts as
   * usable; the fill clicks the tab before writing it and checks it again then.
   */
  tab?: string;
}

/** A repeating table (attendees, co-signers) with an add-row button. */
export interface ScannedTable {
  id: string;
  labels: ScannedLabel[];
  columns: string[];
  rows: number;
  canAddRow: boolean;
  frame: string;
  /** On a tab not shown: the tab header's text (see `ScannedControl.tab`). */
  tab?: string;
  selectors?: number[];
  /** The index of the portal mapping's `tables` entry that points at this table (its add button). */
  list?: number;
}

/**
 * A repeating group outside tables: blocks of the same controls (课程 / 授课人 / 学时), one per
 * item of a list, with the page's own add button (form-create `group`, Ant Design Form.List,
 * a Vue v-for of form items, Formily ArrayItems).
 */
export interface ScannedGroup {
  id: string;
  labels: ScannedLabel[];
  /** The labels of the first block's controls, in order; empty when the page shows no block yet. */
  fields: string[];
  /** Blocks on the page now. */
  blocks: number;
  /** The page shows an add button for it (添加/新增/+). */
  canAdd: boolean;
  frame: string;
  /** On a tab not shown: the tab header's text. */
  tab?: string;
  /** The index of the portal mapping's `tables` entry that points at this list (its add button, its rows). */
  list?: number;
}

export interface ScanResult {
  url: string;
  controls: ScannedControl[];
  tables: ScannedTable[];
  /** Repeating groups of blocks (absent in scans made before they were recognised). */
  groups?: ScannedGroup[];
  /** Frames and controls the scan would not enter or list, with the reason (cross-origin, password). */
  refused: { what: string; reason: string }[];
}

/** The value a step writes, already in the control's terms. */
export type FillValue =
  | { type: 'text'; text: string }
  /** One option: `value` of a known option, or candidate texts to look for when the list is rendered lazily. */
  | { type: 'option'; value?: string; candidates: string[] }
  | { type: 'options'; items: { value?: string; candidates: string[] }[] }
  | { type: 'check'; checked: boolean }
  /**
   * A cascader path. `candidates`: texts to search for, the narrowest first; `levels` (when the
   * record holds the region level by level): the path from the widest level, for clicking.
   */
  | { type: 'path'; candidates: string[]; levels?: string[] }
  | { type: 'files'; files: { name: string; type: string; data: string }[] }
  /** A period for a range picker: both ends already in the control's format. */
  | { type: 'range'; from: string; to: string };

/** A record field as people read it (the dictionary's label), for plans and reports. */
export interface FieldWords {
  label: string;
  labelEn?: string;
}

export interface FillStep {
  control: string;
  /** Dictionary key (for code; never shown). A mapping derivation has its sources joined by `+`. */
  key: string;
  /** The portal's visible label of the control. */
  label: string;
  /** The record field it takes, as people read it. */
  field?: FieldWords;
  adapter: string;
  value: FillValue;
  /** What the user sees in a confirmation list (ID and phone numbers masked). */
  display: string;
  sensitive?: boolean;
  /**
   * How the key was found: its label, a synonym, the portal mapping, (for a generic label such as
   * 类别, or a label whose key's value the control cannot take) the control's options, or (a range
   * picker labelled with a single date's name) the period of that date.
   */
  via: 'label' | 'synonym' | 'mapping' | 'options' | 'period';
  /** On a tab not shown: the tab header's text; the fill clicks that tab first. */
  tab?: string;
}

export interface TableFillStep {
  table: string;
  key: string;
  label: string;
  field?: FieldWords;
  /** Rows to fill, each column header → value (already text). */
  rows: Record<string, FillValue>[];
  /** On a tab not shown: the tab header's text; the fill clicks that tab first. */
  tab?: string;
}

/**
 * A record table (or people list) written into a repeating group, block by block: row i goes
 * into the page's block i; rows beyond the blocks shown get a block from the page's own add
 * button first (`add` clicks, each waited for, bounded).
 */
export interface RepeatFillStep {
  group: string;
  key: string;
  /** The group's label on the page. */
  label: string;
  field?: FieldWords;
  /**
   * Per row, its values by the block's control label (課程, 授课人…). When the page showed no
   * block at scan time (`unseen`), by the record column's label instead: the DOM side matches
   * them to the first block's labels with `matchBlockFields` once the add button made it.
   */
  rows: { values: Record<string, FillValue>; display: Record<string, string> }[];
  /** Blocks to add with the page's add button before writing (rows beyond the blocks shown). */
  add: number;
  unseen?: boolean;
  tab?: string;
}

export type SkipReason =
  | 'no-label' | 'no-match' | 'ambiguous' | 'no-value' | 'no-option' | 'unusable' | 'mapping-skip'
  | 'unsupported' | 'password' | 'cross-origin' | 'duplicate'
  /** the portal asks for a part of the value the record does not hold (a time): never invented */
  | 'missing-part';

export interface SkippedControl {
  /** Scan id of the control (for code; never shown). */
  control: string;
  /** The portal's visible label, or a plain description of an unlabelled control. */
  label: string;
  reason: SkipReason;
  /** Why, as a plain sentence (Chinese): no keys, ids or names. */
  detail?: string;
  detailEn?: string;
  /** The record field concerned, when one is known. */
  field?: FieldWords;
  /** Dictionary keys it could be (for code). */
  candidates?: string[];
  /** The control's name attribute (for code and mappings; never shown). */
  name?: string;
  /**
   * Hidden or disabled now (a wizard's next step, a closed tab, a select waiting for its
   * options) while the record has a value for it: 继续填写 (the extension) or `Lvzhi.fillMore`
   * fills it once it shows. Nothing is written into it before.
   */
  later?: boolean;
}

export interface FillPlan {
  version: 1;
  url: string;
  steps: FillStep[];
  tables: TableFillStep[];
  /** Record tables written into repeating groups of blocks (absent when the page has none). */
  groups?: RepeatFillStep[];
  skipped: SkippedControl[];
  /** Dictionary keys of the record that no control takes. */
  unplaced: string[];
}

export interface FillReportEntry {
  control: string;
  key: string;
  label: string;
  field?: FieldWords;
  display: string;
  /** Written on this tab of the page (its header text), which the fill switched to. */
  tab?: string;
  /** One cell of a repeating group: the block (0-based) and the control's label in it. */
  cell?: { index: number; field: string };
}

export interface FillReport {
  filled: FillReportEntry[];
  skipped: SkippedControl[];
  failed: (FillReportEntry & { error: string })[];
}
