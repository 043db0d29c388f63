/**
 * Form state from a definition: values, visibility, required-ness, read-only, computed values,
 * defaults, table rows, rating-matrix summaries and live validation located at the field (and the
 * row and column, for tables).
 *
 * Re-evaluation is incremental: every field knows the names its expressions read
 * (`referencedNames`), so a change of field X re-evaluates X, the computed fields that read X
 * (transitively, in dependency order), the sections whose condition reads them, and the fields
 * whose conditions or rules read any of those — nothing else. Each field's state is an immutable
 * object replaced only when it changes, so a view can subscribe to one field and re-render only
 * when that field's state object is new.
 *
 * No DOM, no React: this runs in a content script, a service worker or Node.
 */
import type { ColumnFieldDefinition, FieldDefinition, FormDefinition, TableFieldDefinition } from '../pack-schema.ts';
import { evaluate, isEmptyValue, isTruthy, referencedNames } from '../expression.ts';
import { issue, type PathSegment, type ValidationIssue } from '../issues.ts';
import { checkFieldValue, type RecordContext } from '../validate-record.ts';

export type FieldIssue = Omit<ValidationIssue, 'source'>;
type AnyField = FieldDefinition | ColumnFieldDefinition;
type RatingMatrixField = Extract<FieldDefinition, { type: 'ratingMatrix' }>;

/** The state of one cell of a table row. */
export interface CellState {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** The stored value, or the computed value for a computed column. */
  readonly value: unknown;
  /** Problems of the value (format, range, rules); `missing` says a required cell is empty. */
  readonly issues: readonly FieldIssue[];
  readonly missing: boolean;
}

export interface RowState {
  /** A key that stays with the row when rows move (for list rendering); not stored. */
  readonly key: string;
  readonly cells: Readonly<Record<string, CellState>>;
}

/** Score summary of a rating matrix: marks given, their sum, plain and weighted average. */
export interface MatrixSummary {
  readonly rated: number;
  readonly criteria: number;
  readonly total: number;
  /** Plain mean of the marks given; null when none. */
  readonly average: number | null;
  /** Weighted mean (criterion weights, default 1); null when none. */
  readonly weightedAverage: number | null;
  /** Highest mark of the scale × number of criteria (for "n / max" displays). */
  readonly maxTotal: number;
}

export interface FieldState {
  readonly id: string;
  readonly field: FieldDefinition;
  readonly section: string;
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Stored value, or the computed value for computed fields. */
  readonly value: unknown;
  /** Problems of the value itself (shown as soon as there is a value). */
  readonly issues: readonly FieldIssue[];
  /** Visible, required and empty (shown after a submit attempt or once the field was left). */
  readonly missing: boolean;
  readonly rows?: readonly RowState[];
  readonly summary?: MatrixSummary;
}

export interface FormEngineOptions {
  /** Values of the record (computed fields are never stored; they are ignored if present). */
  values?: Record<string, unknown>;
  /** Fill `default`/`defaultExpr` into empty fields (for a new record). Default false. */
  applyDefaults?: boolean;
  ctx: RecordContext;
}

type Listener = () => void;

/** Field types whose value the user edits (not computed/static). */
export function isStoredField(field: AnyField): boolean {
  return field.type !== 'computed' && field.type !== 'static';
}

function condition(expr: unknown, data: Record<string, unknown>, now: Date | undefined): boolean {
  try { return isTruthy(evaluate(expr, data, now ? { now } : {})); } catch { return false; }
}

function compute(expr: unknown, data: Record<string, unknown>, now: Date | undefined): unknown {
  try {
    const v = evaluate(expr, data, now ? { now } : {});
    return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  } catch { return null; }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameIssues(a: readonly FieldIssue[], b: readonly FieldIssue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x.code !== y.code || x.message !== y.message || x.path.join('\u0000') !== y.path.join('\u0000')) return false;
  }
  return true;
}

function namesOf(exprs: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const e of exprs) if (e !== undefined) for (const n of referencedNames(e)) out.add(n);
  return out;
}

function fieldExpressions(field: AnyField): unknown[] {
  const out: unknown[] = [];
  if ('visibleIf' in field) out.push(field.visibleIf);
  if ('requiredIf' in field) out.push(field.requiredIf);
  if ('readOnlyIf' in field) out.push(field.readOnlyIf);
  if ('rules' in field && field.rules) for (const r of field.rules) out.push(r.assert);
  if (field.type === 'computed') out.push(field.expr);
  return out.filter((e) => e !== undefined);
}

/** Mark summary of a rating-matrix value. */
export function matrixSummary(field: RatingMatrixField, value: unknown): MatrixSummary {
  const marks = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  let total = 0, rated = 0, wsum = 0, wtotal = 0;
  for (const c of field.criteria) {
    const m = marks[c.id];
    if (typeof m !== 'number' || !Number.isFinite(m)) continue;
    const w = c.weight ?? 1;
    total += m; rated++; wsum += w * m; wtotal += w;
  }
  const top = Math.max(...field.scale.map((s) => s.value));
  return {
    rated, criteria: field.criteria.length, total,
    average: rated ? total / rated : null,
    weightedAverage: wtotal ? wsum / wtotal : null,
    maxTotal: top * field.criteria.length,
  };
}

function matrixIssues(field: RatingMatrixField, value: unknown, path: PathSegment[]): FieldIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [issue(path, 'value-type', '评分表的值应为 {评议项: 分值}', 'a rating matrix value maps criteria to marks')];
  const out: FieldIssue[] = [];
  const marks = new Set(field.scale.map((s) => s.value));
  for (const [k, v] of Object.entries(value)) {
    if (!field.criteria.some((c) => c.id === k)) out.push(issue([...path, k], 'unknown-field', `没有评议项 "${k}"`, `no criterion "${k}"`));
    else if (typeof v !== 'number' || !marks.has(v)) out.push(issue([...path, k], 'unknown-option', `分值 ${JSON.stringify(v)} 不在评分等级中`, `mark ${JSON.stringify(v)} is not on the scale`));
  }
  return out;
}

function requiredIssue(path: PathSegment[], field: AnyField): FieldIssue {
  const choose = ['select', 'radio', 'multiselect', 'checkboxes', 'person', 'people', 'ratingMatrix', 'score'].includes(field.type);
  const sign = field.type === 'signature';
  const upload = field.type === 'attachment' || field.type === 'photo';
  const zh = sign ? '请签名' : upload ? '请上传文件' : choose ? '请选择' : '请填写';
  const en = sign ? 'Please sign' : upload ? 'Please add a file' : choose ? 'Please choose' : 'Please fill in';
  return issue(path, 'required', `${zh}「${field.label}」`, `${en} "${field.labelEn ?? field.label}"`);
}

let rowKeySeq = 0;
const newRowKey = () => `r${++rowKeySeq}`;

/** The default of a field or column, or undefined. `data` feeds a `defaultExpr`. */
export function defaultOf(field: AnyField, data: Record<string, unknown>, now: Date | undefined): unknown {
  if (!('default' in field) && !('defaultExpr' in field)) return undefined;
  const f = field as { default?: unknown; defaultExpr?: unknown };
  if (f.default !== undefined) return structuredClone(f.default);
  if (f.defaultExpr !== undefined) {
    const v = compute(f.defaultExpr, data, now);
    return isEmptyValue(v) ? undefined : v;
  }
  return undefined;
}

/** A new table row with the columns' defaults. */
export function newRow(table: TableFieldDefinition, data: Record<string, unknown>, now?: Date): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of table.columns) {
    if (!isStoredField(c)) continue;
    const d = defaultOf(c, { ...data, row }, now);
    if (d !== undefined) row[c.id] = d;
  }
  return row;
}

interface Node {
  field: FieldDefinition;
  section: string;
  /** Names this field's own state reads (conditions, rules, expr; for tables: all columns' expressions, `row` excluded). */
  deps: Set<string>;
}

/**
 * The live state of one form being filled. Mutations (`setValue`, `setCell`, rows) update the
 * values and re-evaluate what they touch, then notify listeners of the fields whose state
 * changed, then global listeners.
 */
export class FormEngine {
  readonly form: FormDefinition;
  private readonly ctx: RecordContext;
  private values: Record<string, unknown>;
  /** values + computed values + computed table cells: what expressions read. */
  private readonly scope: Record<string, unknown> = {};
  private readonly nodes = new Map<string, Node>();
  private readonly order: string[] = [];
  private readonly dependents = new Map<string, Set<string>>();
  private readonly computedOrder: string[] = [];
  private readonly sectionVisible = new Map<string, boolean>();
  private readonly sectionDeps = new Map<string, Set<string>>();
  private readonly states = new Map<string, FieldState>();
  private readonly rowKeys = new Map<string, string[]>();
  private readonly fieldListeners = new Map<string, Set<Listener>>();
  private readonly listeners = new Set<Listener>();
  private revision = 0;
  /** How many field states the last change re-evaluated (for tests of incrementality). */
  lastEvaluated: string[] = [];

  constructor(form: FormDefinition, options: FormEngineOptions) {
    this.form = form;
    this.ctx = options.ctx;
    this.values = { ...(options.values ?? {}) };
    for (const section of form.sections) {
      this.sectionDeps.set(section.id, namesOf([section.visibleIf]));
      for (const field of section.fields) {
        const exprs = fieldExpressions(field);
        if (field.type === 'table') for (const c of field.columns) exprs.push(...fieldExpressions(c));
        const deps = namesOf(exprs);
        deps.delete('row'); deps.delete('$today'); deps.delete('$now');
        this.nodes.set(field.id, { field, section: section.id, deps });
        this.order.push(field.id);
        if (field.type === 'computed' || field.type === 'static') delete this.values[field.id];
      }
    }
    for (const [id, node] of this.nodes) {
      for (const d of node.deps) {
        if (d === id) continue;
        let set = this.dependents.get(d);
        if (!set) this.dependents.set(d, (set = new Set()));
        set.add(id);
      }
    }
    this.computedOrder = this.topoComputed();
    if (options.applyDefaults) this.fillDefaults();
    for (const [k, v] of Object.entries(this.values)) this.scope[k] = v;
    for (const id of this.order) {
      const f = this.nodes.get(id)!.field;
      if (f.type === 'table') this.rowKeys.set(id, (Array.isArray(this.values[id]) ? (this.values[id] as unknown[]) : []).map(newRowKey));
    }
    for (const id of this.computedOrder) this.scope[id] = this.computeField(id);
    for (const s of form.sections) this.sectionVisible.set(s.id, s.visibleIf === undefined || condition(s.visibleIf, this.scope, this.ctx.now));
    for (const id of this.order) this.states.set(id, this.evaluateField(id));
  }

  private topoComputed(): string[] {
    const computed = this.order.filter((id) => this.nodes.get(id)!.field.type === 'computed');
    const out: string[] = [];
    const mark = new Map<string, 1 | 2>();
    const visit = (id: string) => {
      if (mark.get(id) === 2 || mark.get(id) === 1) return; // a cycle is left as is (the validator reports it)
      mark.set(id, 1);
      for (const d of this.nodes.get(id)!.deps) if (this.nodes.get(d)?.field.type === 'computed') visit(d);
      mark.set(id, 2);
      out.push(id);
    };
    computed.forEach(visit);
    return out;
  }

  private fillDefaults(): void {
    const now = this.ctx.now;
    for (const id of this.order) {
      const f = this.nodes.get(id)!.field;
      if (!isStoredField(f) || !isEmptyValue(this.values[id])) continue;
      if (f.type === 'table') {
        const min = f.minRows ?? 0;
        if (min > 0) this.values[id] = Array.from({ length: min }, () => newRow(f, this.values, now));
        continue;
      }
      const d = defaultOf(f, this.values, now);
      if (d !== undefined) this.values[id] = d;
    }
  }

  // ------------------------------------------------------------ reading

  /** The stored values (computed fields excluded), as a record keeps them. */
  getValues(): Record<string, unknown> {
    return this.values;
  }

  /** What expressions see: values plus computed values. */
  getData(): Readonly<Record<string, unknown>> {
    return this.scope;
  }

  getField(id: string): FieldState {
    const s = this.states.get(id);
    if (!s) throw new Error(`form ${this.form.id} has no field ${id}`);
    return s;
  }

  fieldIds(): readonly string[] { return this.order; }

  isSectionVisible(id: string): boolean { return this.sectionVisible.get(id) ?? true; }

  /** Increases on every change (for `useSyncExternalStore` of whole-form views). */
  getRevision(): number { return this.revision; }

  /** Sum of the visible score fields and of the visible rating matrices' marks. */
  scoreTotal(): number {
    let total = 0;
    for (const s of this.states.values()) {
      if (!s.visible) continue;
      if (s.field.type === 'score' && typeof s.value === 'number') total += s.value;
      if (s.summary) total += s.summary.total;
    }
    return total;
  }

  // ------------------------------------------------------------ subscriptions

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  subscribeField(id: string, listener: Listener): () => void {
    let set = this.fieldListeners.get(id);
    if (!set) this.fieldListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => { set.delete(listener); };
  }

  // ------------------------------------------------------------ changing

  setValue(id: string, value: unknown): void {
    const node = this.nodes.get(id);
    if (!node || !isStoredField(node.field)) throw new Error(`field ${id} cannot be set`);
    if (node.field.type === 'table') {
      const rows = Array.isArray(value) ? value : [];
      this.rowKeys.set(id, rows.map(newRowKey));
    }
    this.assign(id, value);
    this.changed([id]);
  }

  /** Several values at once (prefill, start-from-last). */
  setValues(values: Record<string, unknown>): void {
    const ids: string[] = [];
    for (const [id, v] of Object.entries(values)) {
      const node = this.nodes.get(id);
      if (!node || !isStoredField(node.field)) continue;
      if (node.field.type === 'table') this.rowKeys.set(id, (Array.isArray(v) ? v : []).map(newRowKey));
      this.assign(id, v);
      ids.push(id);
    }
    this.changed(ids);
  }

  setCell(tableId: string, row: number, column: string, value: unknown): void {
    const rows = this.tableRows(tableId);
    if (row < 0 || row >= rows.length) throw new RangeError(`table ${tableId} has no row ${row}`);
    const next = rows.slice();
    const cells = { ...next[row]! };
    if (isEmptyValue(value)) delete cells[column]; else cells[column] = value;
    next[row] = cells;
    this.assign(tableId, next);
    this.changed([tableId], { table: tableId, row });
  }

  /** Adds a row (with column defaults) at `at` (default: the end); returns its index. */
  addRow(tableId: string, at?: number): number {
    const table = this.tableField(tableId);
    const rows = this.tableRows(tableId);
    if (table.maxRows !== undefined && rows.length >= table.maxRows) return -1;
    const index = at === undefined ? rows.length : Math.max(0, Math.min(at, rows.length));
    const next = rows.slice();
    next.splice(index, 0, newRow(table, this.scope, this.ctx.now));
    const keys = (this.rowKeys.get(tableId) ?? []).slice();
    keys.splice(index, 0, newRowKey());
    this.rowKeys.set(tableId, keys);
    this.assign(tableId, next);
    this.changed([tableId]);
    return index;
  }

  removeRow(tableId: string, index: number): void {
    const rows = this.tableRows(tableId);
    if (index < 0 || index >= rows.length) return;
    const next = rows.slice(); next.splice(index, 1);
    const keys = (this.rowKeys.get(tableId) ?? []).slice(); keys.splice(index, 1);
    this.rowKeys.set(tableId, keys);
    this.assign(tableId, next);
    this.changed([tableId]);
  }

  moveRow(tableId: string, from: number, to: number): void {
    const rows = this.tableRows(tableId);
    if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return;
    const next = rows.slice();
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    const keys = (this.rowKeys.get(tableId) ?? []).slice();
    const [k] = keys.splice(from, 1);
    keys.splice(to, 0, k!);
    this.rowKeys.set(tableId, keys);
    this.assign(tableId, next);
    this.changed([tableId]);
  }

  private tableField(id: string): TableFieldDefinition {
    const f = this.nodes.get(id)?.field;
    if (!f || f.type !== 'table') throw new Error(`${id} is not a table`);
    return f;
  }

  private tableRows(id: string): Record<string, unknown>[] {
    this.tableField(id);
    const v = this.values[id];
    return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  }

  private assign(id: string, value: unknown): void {
    const next = { ...this.values };
    if (isEmptyValue(value)) delete next[id]; else next[id] = value;
    this.values = next;
    if (isEmptyValue(value)) delete this.scope[id]; else this.scope[id] = value;
  }

  /**
   * Re-evaluates what the changed names touch. `cell` narrows a table's row re-evaluation to
   * one row when only that row changed.
   */
  private changed(ids: string[], cell?: { table: string; row: number }): void {
    const names = new Set(ids);
    // 1. computed fields reading a changed name, transitively, in dependency order
    for (const cid of this.computedOrder) {
      const deps = this.nodes.get(cid)!.deps;
      let hit = false;
      for (const d of deps) if (names.has(d)) { hit = true; break; }
      if (!hit) continue;
      const v = this.computeField(cid);
      if (!sameValue(v, this.scope[cid])) { this.scope[cid] = v; names.add(cid); }
      else names.add(cid); // its state may still need a refresh (e.g. same value, other issues)
    }
    // 2. sections whose condition reads a changed name
    const dirty = new Set<string>();
    for (const s of this.form.sections) {
      const deps = this.sectionDeps.get(s.id)!;
      let hit = false;
      for (const d of deps) if (names.has(d)) { hit = true; break; }
      if (!hit) continue;
      const vis = s.visibleIf === undefined || condition(s.visibleIf, this.scope, this.ctx.now);
      if (vis !== this.sectionVisible.get(s.id)) {
        this.sectionVisible.set(s.id, vis);
        for (const f of s.fields) dirty.add(f.id);
      }
    }
    // 3. the changed fields and every field reading a changed name
    for (const n of names) {
      if (this.nodes.has(n)) dirty.add(n);
      const ds = this.dependents.get(n);
      if (ds) for (const d of ds) dirty.add(d);
    }
    const evaluated: string[] = [];
    const changedStates: string[] = [];
    for (const id of this.order) {
      if (!dirty.has(id)) continue;
      evaluated.push(id);
      const prev = this.states.get(id)!;
      // Only the edited row needs re-evaluation when nothing outside the table changed.
      const onlyRow = cell && cell.table === id && [...names].every((n) => !this.nodes.get(id)!.deps.has(n)) ? cell.row : undefined;
      const next = this.evaluateField(id, prev, onlyRow);
      if (next !== prev) { this.states.set(id, next); changedStates.push(id); }
    }
    this.lastEvaluated = evaluated;
    this.revision++;
    for (const id of changedStates) this.fieldListeners.get(id)?.forEach((l) => l());
    this.listeners.forEach((l) => l());
  }

  private computeField(id: string): unknown {
    const f = this.nodes.get(id)!.field;
    if (f.type !== 'computed') return undefined;
    const v = compute(f.expr, this.scope, this.ctx.now);
    if (typeof v === 'number' && f.precision !== undefined) {
      const p = 10 ** f.precision;
      return Math.round(v * p) / p;
    }
    return v;
  }

  private evaluateField(id: string, prev?: FieldState, onlyRow?: number): FieldState {
    const { field, section } = this.nodes.get(id)!;
    const now = this.ctx.now;
    const data = this.scope;
    const visible = this.sectionVisible.get(section) !== false && (!('visibleIf' in field) || field.visibleIf === undefined || condition(field.visibleIf, data, now));
    const required = field.type !== 'static' && field.type !== 'computed' && (field.required === true || (field.requiredIf !== undefined && condition(field.requiredIf, data, now)));
    const readOnly = field.type === 'computed' || field.type === 'static' || field.readOnly === true || (field.readOnlyIf !== undefined && condition(field.readOnlyIf, data, now));
    const value = field.type === 'computed' ? this.scope[id] : this.values[id];
    const path: PathSegment[] = [id];
    let issues: FieldIssue[] = [];
    let rows: RowState[] | undefined;
    let summary: MatrixSummary | undefined;
    const empty = isEmptyValue(value);
    if (field.type === 'table') {
      rows = this.evaluateRows(field, prev?.rows, onlyRow);
      const n = Array.isArray(value) ? value.length : 0;
      if (field.maxRows !== undefined && n > field.maxRows) issues.push(issue(path, 'too-many', `最多 ${field.maxRows} 行`, `at most ${field.maxRows} rows`));
      if (field.minRows !== undefined && n > 0 && n < field.minRows) issues.push(issue(path, 'too-few', `至少 ${field.minRows} 行`, `at least ${field.minRows} rows`));
    } else if (field.type === 'ratingMatrix') {
      summary = matrixSummary(field, value);
      if (!empty) issues = matrixIssues(field, value, path);
      if (visible && required && summary.rated < field.criteria.length && !empty) {
        for (const c of field.criteria) if (!(c.id in (value as object))) issues.push(issue([id, c.id], 'required', `评议项「${c.label}」未评分`, `criterion "${c.labelEn ?? c.label}" is not rated`));
      }
    } else if (!empty && visible && field.type !== 'computed' && field.type !== 'static') {
      issues = checkFieldValue(field, value, path, this.ctx, data);
    }
    const missing = visible && required && (empty || (field.type === 'table' && field.minRows !== undefined && (value as unknown[]).length < field.minRows));
    if (prev && prev.visible === visible && prev.required === required && prev.readOnly === readOnly && prev.missing === missing
      && Object.is(prev.value, value) && sameIssues(prev.issues, issues) && prev.rows === rows
      && (prev.summary === summary || (prev.summary && summary && prev.summary.total === summary.total && prev.summary.rated === summary.rated))) {
      return prev;
    }
    const state: FieldState = { id, field, section, visible, required, readOnly, value, issues, missing, ...(rows ? { rows } : {}), ...(summary ? { summary } : {}) };
    return state;
  }

  private evaluateRows(table: TableFieldDefinition, prev: readonly RowState[] | undefined, onlyRow?: number): RowState[] | undefined {
    const rows = this.tableRows(table.id);
    const keys = this.rowKeys.get(table.id) ?? [];
    while (keys.length < rows.length) keys.push(newRowKey());
    const hasComputed = table.columns.some((c) => c.type === 'computed');
    const out: RowState[] = [];
    let changed = !prev || prev.length !== rows.length;
    const scopeRows: Record<string, unknown>[] = hasComputed ? [] : rows;
    for (let i = 0; i < rows.length; i++) {
      const p = prev?.[i];
      if (onlyRow !== undefined && i !== onlyRow && p && p.key === keys[i]) {
        out.push(p);
        if (hasComputed) scopeRows.push(this.rowWithComputed(rows[i]!, p));
        continue;
      }
      const r = this.evaluateRow(table, rows[i]!, i, keys[i]!, p);
      if (r !== p) changed = true;
      out.push(r);
      if (hasComputed) scopeRows.push(this.rowWithComputed(rows[i]!, r));
    }
    if (hasComputed) {
      if (rows.length) this.scope[table.id] = scopeRows; else delete this.scope[table.id];
    }
    return changed ? out : (prev as RowState[]);
  }

  private rowWithComputed(row: Record<string, unknown>, state: RowState): Record<string, unknown> {
    const out = { ...row };
    for (const [k, c] of Object.entries(state.cells)) if (!(k in row) && c.value !== undefined && c.value !== null) out[k] = c.value;
    return out;
  }

  private evaluateRow(table: TableFieldDefinition, row: Record<string, unknown>, index: number, key: string, prev: RowState | undefined): RowState {
    const now = this.ctx.now;
    const rowData: Record<string, unknown> = { ...row };
    const data: Record<string, unknown> = { ...this.scope, row: rowData };
    const cells: Record<string, CellState> = {};
    let same = prev !== undefined && prev.key === key;
    for (const c of table.columns) {
      const visible = c.visibleIf === undefined || condition(c.visibleIf, data, now);
      const required = c.type !== 'computed' && (c.required === true || (c.requiredIf !== undefined && condition(c.requiredIf, data, now)));
      const readOnly = c.type === 'computed' || c.readOnly === true || (c.readOnlyIf !== undefined && condition(c.readOnlyIf, data, now));
      let value: unknown;
      if (c.type === 'computed') {
        value = compute(c.expr, data, now);
        if (typeof value === 'number' && c.precision !== undefined) value = Math.round(value * 10 ** c.precision) / 10 ** c.precision;
        rowData[c.id] = value;
      } else value = row[c.id];
      const empty = isEmptyValue(value);
      const path: PathSegment[] = [table.id, index, c.id];
      const issues = !empty && visible && c.type !== 'computed' ? checkFieldValue(c, value, path, this.ctx, data) : [];
      const missing = visible && required && empty;
      const p = prev?.cells[c.id];
      if (p && p.visible === visible && p.required === required && p.readOnly === readOnly && p.missing === missing && sameValue(p.value, value) && sameIssues(p.issues, issues)) {
        cells[c.id] = p;
      } else {
        cells[c.id] = { visible, required, readOnly, value, issues, missing };
        same = false;
      }
    }
    if (same && prev) {
      // Row indexes in issue paths shift when rows move: keep the old object only when they did not.
      const anyIssue = Object.values(prev.cells).find((c) => c.issues.length);
      if (!anyIssue || anyIssue.issues[0]!.path[1] === index) return prev;
    }
    return { key, cells };
  }

  // ------------------------------------------------------------ validation

  /**
   * Every problem of the form, located at the field (`[fieldId]`, `[fieldId, criterion]`) or the
   * cell (`[tableId, row, columnId]`). With `complete`, required fields count too.
   */
  validate(options: { complete: boolean } = { complete: true }): FieldIssue[] {
    const out: FieldIssue[] = [];
    for (const id of this.order) {
      const s = this.states.get(id)!;
      if (!s.visible) continue;
      if (options.complete && s.missing) {
        out.push(s.field.type === 'table' && !isEmptyValue(s.value) && s.field.minRows !== undefined
          ? issue([id], 'too-few', `「${s.field.label}」至少 ${s.field.minRows} 行`, `"${s.field.labelEn ?? s.field.label}": at least ${s.field.minRows} rows`)
          : requiredIssue([id], s.field));
      }
      for (const i of s.issues) if (options.complete || i.code !== 'required') out.push(i);
      if (s.rows && s.field.type === 'table') {
        const table = s.field;
        s.rows.forEach((r, ri) => {
          for (const c of table.columns) {
            const cell = r.cells[c.id]!;
            if (!cell.visible) continue;
            if (options.complete && cell.missing) out.push(requiredIssue([id, ri, c.id], c));
            out.push(...cell.issues);
          }
        });
      }
    }
    return out;
  }
}

/** "第 2 行「姓名」：请填写「姓名」" — an issue's message with its row, for summaries. */
export function describeIssue(form: FormDefinition, i: FieldIssue, lang: 'zh' | 'en' = 'zh'): string {
  const [fid, row, col] = i.path;
  const field = form.sections.flatMap((s) => s.fields).find((f) => f.id === fid);
  const label = field ? (lang === 'en' ? field.labelEn ?? field.label : field.label) ?? String(fid) : String(fid);
  const msg = lang === 'en' ? i.messageEn : i.message;
  if (field?.type === 'table' && typeof row === 'number') {
    const column = field.columns.find((c) => c.id === col);
    const cl = column ? (lang === 'en' ? column.labelEn ?? column.label : column.label) : String(col ?? '');
    return lang === 'en' ? `${label}, row ${row + 1}, ${cl}: ${msg}` : `${label} 第 ${row + 1} 行「${cl}」：${msg}`;
  }
  return `${label}：${msg}`;
}

