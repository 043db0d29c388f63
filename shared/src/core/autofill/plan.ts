/**
 * Planning: which control of a scanned page takes which dictionary key of a record, and the
 * value written in the control's terms. Pure: scan in, plan out (both plain JSON).
 *
 * Order of decisions for each control:
 *   1. unusable (hidden, disabled…) → skipped;
 *   2. a portal-mapping entry that locates it (name, label, selector) decides its key, or skips it;
 *   3. otherwise its labels are matched through the dictionary's labels and synonyms, among the
 *      keys the record has values for; two plausible keys, or none, → skipped and reported;
 *   4. the value is converted (dates, options, booleans, people, files) or the control is skipped.
 */
import type { ColumnFieldDefinition, DictionaryEntry, FormDefinition, PortalMapping } from '../pack-schema.ts';
import { normalizeLabel } from '../labels.ts';
import { isEmptyValue } from '../expression.ts';
import { maskSensitive } from '../identity.ts';
import { keyOfField, labelVariants, matchLabels, type AutofillContext } from './context.ts';
import { convertForControl, formatDate, optionCandidates, parseDate, valueFromControl, type Transform } from './convert.ts';
import type { FillPlan, FillStep, FillValue, ScanResult, ScannedControl, ScannedTable, SkippedControl, TableFillStep } from './types.ts';

type MappingField = NonNullable<PortalMapping['fields']>[number];

export interface PlanOptions {
  /** The portal mapping of this page, if one matches its URL. */
  mapping?: PortalMapping;
  /** The form the record was made with (resolves mapping `field` names and table columns). */
  form?: FormDefinition;
}

/** CSS selectors the scan must test, in the order plan/readBack index them. */
export function mappingSelectors(mapping: PortalMapping | undefined): string[] {
  const out: string[] = [];
  for (const f of mapping?.fields ?? []) if (f.locator?.selector && !out.includes(f.locator.selector)) out.push(f.locator.selector);
  for (const t of mapping?.tables ?? []) if (t.rowSelector && !out.includes(t.rowSelector)) out.push(t.rowSelector);
  return out;
}

interface Resolved { key: string; via: FillStep['via']; entry?: MappingField; label: string }

function resolveMapping(ctx: AutofillContext, mapping: PortalMapping | undefined, form: FormDefinition | undefined) {
  const selectors = mappingSelectors(mapping);
  const formDef = form ?? (mapping?.form ? ctx.forms.get(mapping.form) : undefined);
  const located: { entry: MappingField; key: string | undefined; test: (c: ScannedControl) => boolean }[] = [];
  const byKey = new Map<string, MappingField>();
  for (const entry of mapping?.fields ?? []) {
    const key = entry.key ?? (entry.field ? keyOfField(formDef, entry.field) : undefined);
    const loc = entry.locator;
    if (loc && (loc.name || loc.label || loc.selector)) {
      const label = loc.label ? normalizeLabel(loc.label) : undefined;
      const sel = loc.selector ? selectors.indexOf(loc.selector) : -1;
      located.push({
        entry, key,
        test: (c) => (loc.name !== undefined && c.name === loc.name)
          || (label !== undefined && c.labels.some((l) => l.source !== 'placeholder' && l.source !== 'name' && labelVariants(l.text).includes(label)))
          || (sel >= 0 && (c.selectors ?? []).includes(sel)),
      });
    } else if (key) byKey.set(key, entry);
  }
  return { located, byKey, form: formDef };
}

function resolveControl(ctx: AutofillContext, c: ScannedControl, scope: ReadonlySet<string> | undefined, m: ReturnType<typeof resolveMapping>): Resolved | SkippedControl {
  const label = c.labels.find((l) => l.source !== 'name')?.text ?? c.name ?? '';
  const hit = m.located.find((l) => l.test(c));
  if (hit) {
    if (hit.entry.skip) return { control: c.id, label, reason: 'mapping-skip', detail: '门户配置要求不填' };
    if (hit.key) return { key: hit.key, via: 'mapping', entry: hit.entry, label };
  }
  if (c.labels.filter((l) => l.source !== 'name').length === 0) return { control: c.id, label, reason: 'no-label', detail: '找不到标签' };
  const match = matchLabels(ctx, c.labels, scope);
  if (match.kind === 'ambiguous') return { control: c.id, label: match.label, reason: 'ambiguous', detail: `可能是：${match.keys.join('、')}`, candidates: match.keys };
  if (match.kind === 'none') {
    if (match.keys && match.keys.length > 0) return { control: c.id, label: match.label, reason: 'no-value', detail: `记录中没有 ${match.keys.join('、')}`, candidates: match.keys };
    return { control: c.id, label: match.label, reason: 'no-match', detail: '标签不在数据字典中' };
  }
  const entry = m.byKey.get(match.key);
  if (entry?.skip) return { control: c.id, label: match.label, reason: 'mapping-skip', detail: '门户配置要求不填' };
  return entry ? { key: match.key, via: match.via, entry, label: match.label } : { key: match.key, via: match.via, label: match.label };
}

function transformOf(entry: MappingField | undefined): Transform | undefined {
  const t = entry?.transform;
  if (!t) return undefined;
  const out: Transform = {};
  if (t.dateFormat !== undefined) out.dateFormat = t.dateFormat;
  if (t.options !== undefined) out.options = t.options;
  if (t.join !== undefined) out.join = t.join;
  return out;
}

/** The record's values keyed by dictionary key (see `dictionaryView`) → a fill plan for a scanned page. */
export function planFill(ctx: AutofillContext, scan: ScanResult, values: Record<string, unknown>, options: PlanOptions = {}): FillPlan {
  const m = resolveMapping(ctx, options.mapping, options.form);
  const scope = new Set(Object.keys(values).filter((k) => !isEmptyValue(values[k])));
  const steps: FillStep[] = [];
  const skipped: SkippedControl[] = [];
  const placed = new Set<string>();
  for (const r of scan.refused) skipped.push({ control: '', label: r.what, reason: r.reason === 'cross-origin' ? 'cross-origin' : r.reason === 'password' ? 'password' : 'unsupported', detail: r.reason });
  for (const c of scan.controls) {
    if (c.cell) continue; // filled through its table
    const label0 = c.labels.find((l) => l.source !== 'name')?.text ?? c.name ?? '';
    if (!c.usable) { skipped.push({ control: c.id, label: label0, reason: 'unusable', detail: c.unusableReason ?? '不可见或不可用' }); continue; }
    const r = resolveControl(ctx, c, scope, m);
    if ('reason' in r) { skipped.push(r); continue; }
    const value = values[r.key];
    if (isEmptyValue(value)) { skipped.push({ control: c.id, label: r.label, reason: 'no-value', detail: `记录中没有 ${r.key}` }); continue; }
    const entry = ctx.entries.get(r.key);
    const conv = convertForControl(value, entry, ctx.optionsOf(r.key), c, transformOf(r.entry));
    if (!conv.ok) { skipped.push({ control: c.id, label: r.label, reason: conv.reason, detail: conv.detail }); continue; }
    // a mapping's widget name goes to the DOM side as is: its adapter registry resolves it (or reports it unknown)
    const hint = r.entry?.widget && r.entry.widget !== 'auto' ? r.entry.widget : undefined;
    const step: FillStep = { control: c.id, key: r.key, label: r.label, adapter: hint ?? c.adapter, value: conv.value, display: conv.display, via: r.via };
    if (entry?.sensitive) step.sensitive = true;
    steps.push(step);
    placed.add(r.key);
  }
  const tables: TableFillStep[] = [];
  for (const t of scan.tables) {
    const step = planTable(ctx, t, values, scope, m);
    if (!step) continue;
    if ('reason' in step) { skipped.push(step); continue; }
    tables.push(step);
    placed.add(step.key);
  }
  return { version: 1, url: scan.url, steps, tables, skipped, unplaced: [...scope].filter((k) => !placed.has(k)).sort() };
}

function columnsOfKey(form: FormDefinition | undefined, key: string): ColumnFieldDefinition[] | undefined {
  for (const s of form?.sections ?? []) for (const f of s.fields) if (f.type === 'table' && f.bind === key) return f.columns;
  return undefined;
}

const NAME_HEADERS = ['姓名', '代表姓名', '人员', '名字', '人员姓名'];

function planTable(ctx: AutofillContext, t: ScannedTable, values: Record<string, unknown>, scope: Set<string>, m: ReturnType<typeof resolveMapping>): TableFillStep | SkippedControl | undefined {
  const label = t.labels[0]?.text ?? '';
  let key: string | undefined;
  const match = matchLabels(ctx, t.labels, scope);
  if (match.kind === 'match') key = match.key;
  else if (match.kind === 'ambiguous') return { control: t.id, label, reason: 'ambiguous', detail: match.keys.join('、'), candidates: match.keys };
  else return t.labels.length ? { control: t.id, label, reason: match.keys?.length ? 'no-value' : 'no-match' } : undefined;
  const entry: DictionaryEntry | undefined = ctx.entries.get(key);
  const value = values[key];
  if (!Array.isArray(value) || value.length === 0) return { control: t.id, label, reason: 'no-value' };
  if (!t.canAddRow && value.length > t.rows) return { control: t.id, label, reason: 'unsupported', detail: '表格行数不够且没有添加按钮' };
  const norm = t.columns.map((c) => labelVariants(c));
  const rows: Record<string, FillValue>[] = [];
  if (entry?.type === 'people') {
    const col = t.columns.find((_, i) => norm[i]!.some((v) => NAME_HEADERS.includes(v))) ?? (t.columns.length === 1 ? t.columns[0] : undefined);
    if (!col) return { control: t.id, label, reason: 'no-match', detail: '表格中没有姓名列' };
    for (const p of value) {
      const name = typeof p === 'string' ? p : (p as { name?: string }).name;
      if (name) rows.push({ [col]: { type: 'text', text: name } });
    }
  } else {
    const columns = columnsOfKey(m.form, key) ?? columnsOfKey([...ctx.forms.values()].find((f) => columnsOfKey(f, key)), key) ?? [];
    const colFor = new Map<string, ColumnFieldDefinition>();
    t.columns.forEach((header, i) => {
      const c = columns.find((cd) => norm[i]!.includes(normalizeLabel(cd.label)));
      if (c) colFor.set(header, c);
    });
    if (colFor.size === 0) return { control: t.id, label, reason: 'no-match', detail: '表格列与表单列对不上' };
    for (const row of value as Record<string, unknown>[]) {
      const out: Record<string, FillValue> = {};
      for (const [header, col] of colFor) {
        const v = row?.[col.id];
        if (isEmptyValue(v)) continue;
        if (col.type === 'date' && typeof v === 'string') out[header] = { type: 'text', text: formatDate(v, 'YYYY-MM-DD') ?? v };
        else if ((col.type === 'select' || col.type === 'radio') && typeof v === 'string') out[header] = { type: 'option', candidates: optionCandidates(v, 'options' in col ? col.options : undefined) };
        else if (col.type === 'person' && v && typeof v === 'object') out[header] = { type: 'text', text: String((v as { name?: string }).name ?? '') };
        else if (typeof v === 'boolean') out[header] = { type: 'check', checked: v };
        else if (typeof v === 'string' || typeof v === 'number') out[header] = { type: 'text', text: String(v) };
      }
      rows.push(out);
    }
  }
  return { table: t.id, key, label, rows };
}

export interface ReadBackResult {
  /** Values keyed by dictionary key, in the record's value shapes. */
  values: Record<string, unknown>;
  /** Which control each key was read from. */
  sources: Record<string, string>;
  /** Values the portal holds only in part (a month without a day): `YYYY-MM`, not put in `values`. */
  partial: Record<string, string>;
  skipped: SkippedControl[];
}

/**
 * A scanned page → record values keyed by dictionary key (capture). Uses the same matching,
 * limited to the form's keys when a form is given; the value shapes follow the dictionary.
 */
export function readBackValues(ctx: AutofillContext, scan: ScanResult, options: PlanOptions = {}): ReadBackResult {
  const m = resolveMapping(ctx, options.mapping, options.form);
  let scope: Set<string> | undefined;
  if (m.form) {
    scope = new Set();
    for (const s of m.form.sections) for (const f of s.fields) if (f.type !== 'static' && f.bind) scope.add(f.bind);
  }
  const values: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const partial: Record<string, string> = {};
  const skipped: SkippedControl[] = [];
  for (const c of scan.controls) {
    if (c.cell || c.kind === 'file') continue;
    const r = resolveControl(ctx, c, scope, m);
    if ('reason' in r) { skipped.push(r); continue; }
    const entry = ctx.entries.get(r.key);
    if (!entry) continue;
    let read = c.value;
    // a cascader shows the whole path (镇政府部门 / 村镇建设办公室); the record keeps the leaf
    if (c.kind === 'cascader' && typeof read === 'string' && entry.type !== 'multienum') read = read.split(/\s*[/／>＞]\s*/).pop() ?? read;
    if ((entry.type === 'date' || entry.type === 'datetime') && typeof read === 'string') {
      const d = parseDate(read, true);
      if (d && d.length === 7) { if (!(r.key in partial)) partial[r.key] = d; continue; }
    }
    const v = valueFromControl(read, entry, ctx.optionsOf(r.key), transformOf(r.entry));
    if (v === undefined || isEmptyValue(v)) continue;
    if (r.key in values) continue; // first control wins
    values[r.key] = v;
    sources[r.key] = c.id;
  }
  // repeating tables: people as names, tables as rows keyed by the form's column ids
  for (const t of scan.tables) {
    const match = matchLabels(ctx, t.labels, scope);
    if (match.kind !== 'match' || match.key in values) continue;
    const entry = ctx.entries.get(match.key);
    const cells = scan.controls.filter((c) => c.cell?.table === t.id);
    const rows = [...new Set(cells.map((c) => c.cell!.row))].sort((a, b) => a - b);
    const text = (c: ScannedControl | undefined) => (typeof c?.value === 'string' ? c.value.trim() : '');
    if (entry?.type === 'people') {
      const col = t.columns.find((h) => labelVariants(h).some((v) => NAME_HEADERS.includes(v)));
      if (!col) continue;
      const names = rows.map((r) => text(cells.find((c) => c.cell!.row === r && c.cell!.column === col))).filter(Boolean);
      if (names.length) { values[match.key] = names.map((name) => ({ name })); sources[match.key] = t.id; }
    } else if (entry?.type === 'table') {
      const columns = columnsOfKey(m.form, match.key) ?? [];
      const out: Record<string, unknown>[] = [];
      for (const r of rows) {
        const row: Record<string, unknown> = {};
        for (const header of t.columns) {
          const col = columns.find((cd) => labelVariants(header).includes(normalizeLabel(cd.label)));
          const v = text(cells.find((c) => c.cell!.row === r && c.cell!.column === header));
          if (!col || !v) continue;
          row[col.id] = col.type === 'number' ? Number(v) : col.type === 'date' ? (parseDate(v) ?? v) : col.type === 'person' ? { name: v } : v;
        }
        if (Object.keys(row).length) out.push(row);
      }
      if (out.length) { values[match.key] = out; sources[match.key] = t.id; }
    }
  }
  return { values, sources, partial, skipped };
}

/** A plan as the user reads it before confirming (sensitive values stay masked). */
export function describePlan(plan: FillPlan): string[] {
  return plan.steps.map((s) => `${s.label} ← ${s.sensitive ? maskSensitive(s.display) : s.display}`);
}
