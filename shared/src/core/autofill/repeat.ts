/**
 * Planning for repeating groups (see `ScannedGroup`): a record table, or a people list, written
 * block by block into a list the page draws as repeated blocks of controls with its own add
 * button. Pure: the scanned group and the record in, a serialisable `RepeatFillStep` out.
 *
 * The group is matched to a record key by its labels (the form item around it, the title above
 * it, the add button's words: 添加课程 → 课程), as tables are; each block's controls are matched
 * to the table's columns by their labels (`matchBlockFields`), as table headers are.
 */
import type { ColumnFieldDefinition, FormDefinition } from '../pack-schema.ts';
import { normalizeLabel } from '../labels.ts';
import { isEmptyValue } from '../expression.ts';
import { fieldWords, labelVariants, matchLabels, type AutofillContext, type LabelMatch } from './context.ts';
import { formatDate, optionCandidates, parseDate } from './convert.ts';
import type { FillValue, RepeatFillStep, ScanResult, ScannedGroup, ScannedLabel, SkippedControl } from './types.ts';
import { fieldList, visibleLabel } from './words.ts';

/** At most this many rows are planned into one group (each may cost a click and a wait on the page). */
export const MAX_GROUP_ROWS = 60;

/** Labels a people list's name field goes by in a block. */
const NAME_FIELDS = ['姓名', '代表姓名', '人员', '名字', '人员姓名', '名称'];

export interface ColumnLike { label: string; labelEn?: string | undefined }

/**
 * Which column each block label takes: a label that is one of the column's label forms first;
 * then a label that says more than a column's label (课程名称, 授课人姓名) takes the column whose
 * label it contains — the longest — when no other label took or also claims that column.
 * Returns block label → index in `columns`.
 */
export function matchBlockFields(fields: readonly string[], columns: readonly ColumnLike[]): Map<string, number> {
  const out = new Map<string, number>();
  const norm = fields.map((f) => labelVariants(f));
  const colNorm = columns.map((c) => [normalizeLabel(c.label), ...(c.labelEn ? [normalizeLabel(c.labelEn)] : [])]);
  fields.forEach((f, i) => {
    const hit = colNorm.findIndex((cn, ci) => ![...out.values()].includes(ci) && cn.some((x) => norm[i]!.includes(x)));
    if (hit >= 0) out.set(f, hit);
  });
  const taken = new Set(out.values());
  const proposals = new Map<string, number>();
  fields.forEach((f, i) => {
    if (out.has(f)) return;
    const inside = columns.map((c, ci) => ({ c, ci })).filter(({ c, ci }) => !taken.has(ci) && c.label.length >= 2 && norm[i]!.some((v) => v.includes(normalizeLabel(c.label))));
    const longest = Math.max(0, ...inside.map(({ c }) => c.label.length));
    const best = inside.filter(({ c }) => c.label.length === longest);
    if (best.length === 1) proposals.set(f, best[0]!.ci);
  });
  for (const [f, ci] of proposals) if ([...proposals.values()].filter((x) => x === ci).length === 1) out.set(f, ci);
  return out;
}

function columnsOf(form: FormDefinition | undefined, key: string): ColumnFieldDefinition[] | undefined {
  for (const s of form?.sections ?? []) for (const f of s.fields) if (f.type === 'table' && f.bind === key) return f.columns;
  return undefined;
}

/** A cell's value in a control's terms, and how the plan shows it; undefined for an empty cell or a kind a block cannot take. */
function cellValue(col: ColumnFieldDefinition | undefined, v: unknown): { value: FillValue; display: string } | undefined {
  if (isEmptyValue(v)) return undefined;
  if (col?.type === 'date' && typeof v === 'string') { const t = formatDate(v, 'YYYY-MM-DD') ?? v; return { value: { type: 'text', text: t }, display: t }; }
  if ((col?.type === 'select' || col?.type === 'radio') && typeof v === 'string') return { value: { type: 'option', candidates: optionCandidates(v, 'options' in col ? col.options : undefined) }, display: v };
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') { const n = (v as { name: string }).name; return n ? { value: { type: 'text', text: n }, display: n } : undefined; }
  if (typeof v === 'boolean') return { value: { type: 'check', checked: v }, display: v ? '是' : '否' };
  if (typeof v === 'string' || typeof v === 'number') return { value: { type: 'text', text: String(v) }, display: String(v) };
  return undefined;
}

export interface GroupPlan {
  steps: RepeatFillStep[];
  skipped: SkippedControl[];
  /** Groups that hold a record table: their controls are written through the group, not one by one. */
  taken: Set<string>;
}

/**
 * Plans every repeating group of a scan. A group whose labels name no table or people list of
 * the dictionary is left out of `taken`: its controls are then planned one by one like any
 * others (two address blocks that look alike are not a list).
 */
export function planGroups(ctx: AutofillContext, scan: ScanResult, values: Record<string, unknown>, scope: ReadonlySet<string>, form: FormDefinition | undefined, lists: readonly (string | undefined)[] = []): GroupPlan {
  const out: GroupPlan = { steps: [], skipped: [], taken: new Set() };
  for (const g of scan.groups ?? []) {
    const r = planGroup(ctx, g, values, scope, form, g.list === undefined ? undefined : lists[g.list]);
    if (!r) continue;
    out.taken.add(g.id);
    if ('reason' in r) out.skipped.push(r);
    else out.steps.push(r);
  }
  return out;
}

export const LIST_TYPES = new Set(['table', 'people']);

function planGroup(ctx: AutofillContext, g: ScannedGroup, values: Record<string, unknown>, scope: ReadonlySet<string>, form: FormDefinition | undefined, mapped?: string): RepeatFillStep | SkippedControl | undefined {
  const label = visibleLabel(g.labels[0]?.text) || (mapped ? ctx.entries.get(mapped)?.label : undefined) || '无标题的列表';
  const no = (reason: SkippedControl['reason'], zh: string, en: string, extra: Partial<SkippedControl> = {}): SkippedControl => ({ control: g.id, label, reason, detail: zh, detailEn: en, ...extra });
  if (!g.labels.length && !mapped) return undefined;
  // only list-valued keys can be a group: a label naming a text key leaves the blocks to the controls' own labels
  const listScope = new Set([...scope].filter((k) => LIST_TYPES.has(ctx.entries.get(k)?.type ?? '')));
  // a portal mapping that points at this list names its field
  const match: LabelMatch = mapped ? { kind: 'match', key: mapped, via: 'label', label } : matchListLabels(ctx, g.labels, listScope);
  if (match.kind === 'ambiguous') return no('ambiguous', `无法确定应填哪一项：${fieldList(match.keys.map((k) => ctx.entries.get(k)?.label ?? k))}`, `could be any of: ${match.keys.join(', ')}`, { candidates: match.keys });
  if (match.kind === 'none') {
    const lists = (match.keys ?? []).filter((k) => LIST_TYPES.has(ctx.entries.get(k)?.type ?? ''));
    if (!lists.length) return undefined;
    const fw = fieldWords(ctx, lists[0]!);
    return no('no-value', `记录中没有“${fw?.label ?? label}”`, `the record has no “${fw?.labelEn ?? fw?.label ?? label}”`, { candidates: lists, ...(fw ? { field: fw } : {}) });
  }
  const key = match.key;
  const entry = ctx.entries.get(key)!;
  const field = fieldWords(ctx, key);
  const value = values[key];
  if (!Array.isArray(value) || value.length === 0) return no('no-value', `记录中没有“${field?.label ?? label}”`, `the record has no “${field?.labelEn ?? label}”`);
  const rows: RepeatFillStep['rows'] = [];
  const unseen = g.fields.length === 0;
  const list = value.slice(0, MAX_GROUP_ROWS);
  if (entry.type === 'people') {
    // the block's name field; unseen blocks: named 姓名 and matched once the first block shows
    const name = unseen ? '姓名' : g.fields.find((f) => labelVariants(f).some((v) => NAME_FIELDS.includes(v))) ?? (g.fields.length === 1 ? g.fields[0] : undefined);
    if (!name) return no('no-match', '列表中没有姓名一栏', 'the list has no name field');
    for (const p of list) {
      const n = typeof p === 'string' ? p : (p as { name?: unknown })?.name;
      if (typeof n === 'string' && n) rows.push({ values: { [name]: { type: 'text', text: n } }, display: { [name]: n } });
    }
  } else {
    const columns = columnsOf(form, key) ?? columnsOf([...ctx.forms.values()].find((f) => columnsOf(f, key)), key) ?? [];
    const usable = columns.filter((c) => c.type !== 'computed' && c.type !== 'signature' && c.type !== 'attachment');
    // seen blocks: by the block's labels; unseen: by the columns' own labels, matched on the page later
    const fieldFor = new Map<string, typeof usable[number]>();
    if (unseen) for (const c of usable) fieldFor.set(c.label, c);
    else { const m = matchBlockFields(g.fields, usable); for (const f of g.fields) { const i = m.get(f); if (i !== undefined) fieldFor.set(f, usable[i]!); } }
    if (fieldFor.size === 0) return no('no-match', '列表中各栏与记录中的列对不上', 'the list’s fields do not match the record’s columns');
    for (const row of list) {
      const vals: Record<string, FillValue> = {};
      const display: Record<string, string> = {};
      for (const [f, col] of fieldFor) {
        const cv = cellValue(col, (row as Record<string, unknown> | null)?.[col.id]);
        if (cv) { vals[f] = cv.value; display[f] = cv.display; }
      }
      rows.push({ values: vals, display });
    }
  }
  if (rows.length === 0) return no('no-value', `记录中没有“${field?.label ?? label}”`, `the record has no “${field?.labelEn ?? label}”`);
  // rows beyond the blocks of a list without an add button stay in the plan: the fill reports each of their cells as failed
  if (!g.canAdd && g.blocks === 0) return no('unsupported', '列表没有可填的项，也没有添加按钮', 'the list has no item and no add button');
  const step: RepeatFillStep = { group: g.id, key, label: visibleLabel(match.label) || label, rows, add: Math.max(0, rows.length - g.blocks) };
  if (field) step.field = field;
  if (unseen) step.unseen = true;
  if (g.tab !== undefined) step.tab = g.tab;
  return step;
}

/**
 * A list's title is often a short form of the record's name for it (同行人员 for 同行来访人员,
 * 参会人员 for 参加会议人员): when the labels name no list key, a label of three or more
 * characters that reads in order inside the label or a synonym of exactly one list key the
 * record holds names that key. Only lists, only held keys: a record holds one or two of them.
 */
export function matchListLabels(ctx: AutofillContext, labels: readonly ScannedLabel[], listScope: ReadonlySet<string>): LabelMatch {
  const match = matchLabels(ctx, labels, listScope);
  if (match.kind !== 'none' || (match.keys ?? []).some((k) => LIST_TYPES.has(ctx.entries.get(k)?.type ?? ''))) return match;
  for (const l of labels) {
    const short = normalizeLabel(l.text);
    if (short.length < 3) continue;
    const keys = [...listScope].filter((k) => { const e = ctx.entries.get(k); return !!e && [e.label, ...(e.synonyms ?? [])].some((n) => readsInside(short, normalizeLabel(n))); });
    if (keys.length === 1) return { kind: 'match', key: keys[0]!, via: 'synonym', label: l.text };
  }
  return match;
}

/**
 * `short` reads inside `long`: its characters in order and its last one last — a word left out
 * in the middle (同行人员 in 同行来访人员) or a qualifier in front (测评结果 in 各单位测评结果).
 */
function readsInside(short: string, long: string): boolean {
  if (short.length >= long.length || short[short.length - 1] !== long[long.length - 1]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * Read-back (capture) of repeating groups: each group whose labels name a table or people list
 * the form holds becomes that key's rows, block by block, keyed by the form's column ids (people
 * as names). Returns the group ids taken, whose controls are then not read one by one.
 */
export function readGroups(ctx: AutofillContext, scan: ScanResult, scope: ReadonlySet<string> | undefined, form: FormDefinition | undefined, values: Record<string, unknown>, sources: Record<string, string>, mappedLists: readonly (string | undefined)[] = []): Set<string> {
  const taken = new Set<string>();
  for (const g of scan.groups ?? []) {
    const lists = new Set([...(scope ?? ctx.entries.keys())].filter((k) => LIST_TYPES.has(ctx.entries.get(k)?.type ?? '')));
    const mapped = g.list === undefined ? undefined : mappedLists[g.list];
    const match: LabelMatch = mapped ? { kind: 'match', key: mapped, via: 'label', label: '' } : scope ? matchListLabels(ctx, g.labels, lists) : matchLabels(ctx, g.labels, lists);
    if (match.kind !== 'match') continue;
    taken.add(g.id);
    if (match.key in values) continue;
    const entry = ctx.entries.get(match.key)!;
    const cells = scan.controls.filter((c) => c.block?.group === g.id);
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
    const blocks = [...new Set(cells.map((c) => c.block!.index))].sort((a, b) => a - b);
    const out: unknown[] = [];
    if (entry.type === 'people') {
      const name = g.fields.find((f) => labelVariants(f).some((v) => NAME_FIELDS.includes(v))) ?? (g.fields.length === 1 ? g.fields[0] : undefined);
      for (const b of blocks) { const n = text(cells.find((c) => c.block!.index === b && c.block!.field === name)?.value); if (n) out.push({ name: n }); }
    } else {
      const columns = columnsOf(form, match.key) ?? columnsOf([...ctx.forms.values()].find((f) => columnsOf(f, match.key)), match.key) ?? [];
      const m = matchBlockFields(g.fields, columns);
      for (const b of blocks) {
        const row: Record<string, unknown> = {};
        for (const c of cells.filter((x) => x.block!.index === b)) {
          const ci = m.get(c.block!.field);
          const col = ci === undefined ? undefined : columns[ci];
          const v = text(c.value);
          if (!col || !v || col.id in row) continue;
          row[col.id] = col.type === 'number' && Number.isFinite(Number(v)) ? Number(v) : col.type === 'person' ? { name: v } : col.type === 'date' ? (parseDate(v) ?? v) : v;
        }
        if (Object.keys(row).length) out.push(row);
      }
    }
    if (out.length) { values[match.key] = out; sources[match.key] = g.id; }
  }
  return taken;
}
