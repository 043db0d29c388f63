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
import type { ColumnFieldDefinition, Derivation, DictionaryEntry, FormDefinition, PortalMapping } from '../pack-schema.ts';
import { normalizeLabel } from '../labels.ts';
import { evaluate, isEmptyValue } from '../expression.ts';
import { maskSensitive } from '../identity.ts';
import { fieldWords, formValuesFromDictionary, keyOfField, labelVariants, matchLabels, qualifiedByPrevious, withoutParticles, type AutofillContext, type LabelMatch } from './context.ts';
import { convertForControl, formatDate, optionCandidates, parseDate, valueFromControl, type Transform } from './convert.ts';
import { keyByOptions, preferByOptions } from './options-match.ts';
import { dateWithTimeOfDay, deriveValue, derivationSources, withDerivedValues, type Derived } from './derive.ts';
import { LIST_TYPES, matchListLabels, planGroups, readGroups } from './repeat.ts';
import type { FieldWords, FillPlan, FillStep, FillValue, ScanResult, ScannedControl, ScannedTable, SkippedControl, TableFillStep } from './types.ts';
import { fieldList, refusedWords, unlabelled, unusableWords, visibleLabel } from './words.ts';

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

interface Resolved { key: string; via: FillStep['via']; entry?: MappingField; label: string; derive?: Derivation }

/** The portal's visible label of a control (never its name or id). */
function portalLabel(c: ScannedControl, text?: string): string {
  return visibleLabel(text ?? c.labels.find((l) => l.source !== 'name')?.text) || unlabelled(c.kind);
}

function skip(c: ScannedControl, label: string, reason: SkippedControl['reason'], zh: string, en: string, extra: Partial<SkippedControl> = {}): SkippedControl {
  const out: SkippedControl = { control: c.id, label: visibleLabel(label) || unlabelled(c.kind), reason, detail: zh, detailEn: en, ...extra };
  if (c.name) out.name = c.name;
  return out;
}

const labelsOf = (ctx: AutofillContext, keys: readonly string[]) => keys.map((k) => ctx.entries.get(k)?.label ?? k);
function ambiguousWords(ctx: AutofillContext, keys: readonly string[]): string {
  const labels = [...new Set(labelsOf(ctx, keys))];
  return labels.length === 1 ? `记录中有 ${keys.length} 项都叫“${labels[0]}”，无法确定填哪一项` : `无法确定应填哪一项：${fieldList(labels)}`;
}
const labelsEnOf = (ctx: AutofillContext, keys: readonly string[]) => keys.map((k) => ctx.entries.get(k)?.labelEn ?? ctx.entries.get(k)?.label ?? k);

function resolveMapping(ctx: AutofillContext, mapping: PortalMapping | undefined, form: FormDefinition | undefined) {
  const selectors = mappingSelectors(mapping);
  const formDef = form ?? (mapping?.form ? ctx.forms.get(mapping.form) : undefined);
  const located: { entry: MappingField; key: string | undefined; test: (c: ScannedControl) => boolean }[] = [];
  const byKey = new Map<string, MappingField>();
  for (const entry of mapping?.fields ?? []) {
    const key = entry.key ?? (entry.field ? keyOfField(formDef, entry.field) : entry.derive ? derivationSources(entry.derive).join('+') : undefined);
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
  // the mapping's lists (`tables`): the key of each entry's form field, by the entry's index
  const lists = (mapping?.tables ?? []).map((t) => keyOfField(formDef, t.field));
  return { located, byKey, form: formDef, lists };
}

/** The key a portal mapping's list entry gives a scanned table or group (its `list` index), if any. */
function mappedList(m: { lists: readonly (string | undefined)[] }, list: number | undefined): string | undefined {
  return list === undefined ? undefined : m.lists[list];
}

function resolveControl(ctx: AutofillContext, c: ScannedControl, scope: ReadonlySet<string> | undefined, m: ReturnType<typeof resolveMapping>, derived?: ReadonlyMap<string, Derived>): Resolved | SkippedControl {
  const label = portalLabel(c);
  const hit = m.located.find((l) => l.test(c));
  if (hit) {
    if (hit.entry.skip) return skip(c, label, 'mapping-skip', '门户配置要求此项不填', 'the portal mapping says not to fill this');
    if (hit.entry.derive) return { key: hit.key!, via: 'mapping', entry: hit.entry, label, derive: hit.entry.derive };
    if (hit.key) return { key: hit.key, via: 'mapping', entry: hit.entry, label };
  }
  if (c.labels.filter((l) => l.source !== 'name').length === 0) return skip(c, label, 'no-label', '找不到这个控件的标签，不知道该填什么', 'no label was found for this control');
  // a range picker takes a period and nothing else; any other control never takes a period, so
  // 视察时间 names the period for the one and the date for the other
  const all = scope ?? new Set(ctx.entries.keys());
  const ofKind = new Set([...all].filter((k) => isPeriodKey(ctx, k) === isRangeControl(c)));
  if (isRangeControl(c)) {
    const r = resolvePeriod(ctx, c, all, ofKind, m, derived);
    if (r) return r;
  }
  const match = matchLabels(ctx, c.labels, ofKind);
  // 类别 or a label naming several held keys: the options beside it may say which key it is
  const byOptions = scope ? preferByOptions(ctx, c, ofKind, match.kind === 'ambiguous' ? match.keys : undefined) : undefined;
  if (byOptions) {
    const entry = m.byKey.get(byOptions);
    if (entry?.skip) return skip(c, match.label, 'mapping-skip', '门户配置要求此项不填', 'the portal mapping says not to fill this');
    const label = visibleLabel(match.label);
    return entry ? { key: byOptions, via: 'options', entry, label } : { key: byOptions, via: 'options', label };
  }
  if (match.kind === 'ambiguous') {
    return skip(c, match.label, 'ambiguous', ambiguousWords(ctx, match.keys), `could be any of: ${labelsEnOf(ctx, match.keys).join(', ')}`, { candidates: match.keys });
  }
  if (match.kind === 'none') {
    if (match.keys && match.keys.length > 0) {
      // a derivation that could not be computed says why (记录中没有“职务”)
      const why = match.keys.map((k) => derived?.get(k)).find((d): d is Extract<Derived, { ok: false }> => !!d && !d.ok);
      const extra: Partial<SkippedControl> = { candidates: match.keys };
      const fw = fieldWords(ctx, match.keys[0]!);
      if (fw) extra.field = fw;
      if (why) return skip(c, match.label, 'no-value', why.reason, why.reasonEn, extra);
      // the key the label names first (its own label before a synonym's owner)
      return skip(c, match.label, 'no-value', `记录中没有“${fw?.label ?? visibleLabel(match.label)}”`, `the record has no “${fw?.labelEn ?? fw?.label ?? visibleLabel(match.label)}”`, extra);
    }
    return skip(c, match.label, 'no-match', '数据字典中没有这个标签', 'the data dictionary has no field with this label');
  }
  const entry = m.byKey.get(match.key);
  if (entry?.skip) return skip(c, match.label, 'mapping-skip', '门户配置要求此项不填', 'the portal mapping says not to fill this');
  const label2 = visibleLabel(match.label);
  return entry ? { key: match.key, via: match.via, entry, label: label2 } : { key: match.key, via: match.via, label: label2 };
}

/** A record value in a short sentence (dates as held, lists joined). */
function display(value: unknown, entry: DictionaryEntry | undefined): string {
  const t = entry?.sensitive ? undefined : Array.isArray(value) ? value.map((x) => (typeof x === 'string' ? x : (x as { name?: string })?.name ?? '')).join('、') : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  return (t ?? '…').slice(0, 40);
}

const RANGE_KINDS = new Set(['daterange', 'datetimerange']);
const isRangeControl = (c: ScannedControl) => RANGE_KINDS.has(c.kind);
const isPeriodKey = (ctx: AutofillContext, key: string) => ctx.entries.get(key)?.type === 'daterange';

/**
 * The period key of the same period as a single date or time key (视察日期 → 视察起止时间): a
 * period whose `range` reads the key (as an end or its day), or reads the stored key the date is
 * derived from (会议日期 from 会议时间) or the key holding its time of day. Undefined when none or
 * two do.
 */
export function periodOfKey(ctx: AutofillContext, key: string): string | undefined {
  const e = ctx.entries.get(key);
  const related = new Set([key]);
  if (e?.derive && 'datePart' in e.derive) related.add(e.derive.datePart);
  if (e?.timeOfDay) related.add(e.timeOfDay);
  const hits: string[] = [];
  for (const p of ctx.entries.values()) {
    if (!p.derive || !('range' in p.derive)) continue;
    if (derivationSources(p.derive).some((k) => related.has(k))) hits.push(p.key);
  }
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * A range picker's key: a period its label names, else the period of the single date its label
 * names (提出时间 on a range picker, 视察日期 → 视察起止时间). A period that could not be made (no
 * end in the record) says why; a date with no period declared is not split into two. Undefined
 * when its labels name nothing (the caller reports that as for any control).
 */
function resolvePeriod(ctx: AutofillContext, c: ScannedControl, all: ReadonlySet<string>, periods: ReadonlySet<string>, m: ReturnType<typeof resolveMapping>, derived?: ReadonlyMap<string, Derived>): Resolved | SkippedControl | undefined {
  const byPeriod = matchLabels(ctx, c.labels, periods);
  const resolved = (key: string, via: Resolved['via'], label: string): Resolved | SkippedControl => {
    const entry = m.byKey.get(key);
    if (entry?.skip) return skip(c, label, 'mapping-skip', '门户配置要求此项不填', 'the portal mapping says not to fill this');
    return entry ? { key, via, entry, label: visibleLabel(label) } : { key, via, label: visibleLabel(label) };
  };
  if (byPeriod.kind === 'match') return resolved(byPeriod.key, byPeriod.via, byPeriod.label);
  if (byPeriod.kind === 'ambiguous') return undefined; // reported below like any label naming two keys
  const single = matchLabels(ctx, c.labels, new Set([...all].filter((k) => !isPeriodKey(ctx, k))));
  const wanted = single.kind === 'match' ? [single.key] : single.kind === 'none' ? (single.keys ?? []) : single.keys;
  for (const k of wanted) {
    const p = periodOfKey(ctx, k);
    if (!p) continue;
    if (all.has(p)) return resolved(p, 'period', single.label);
    const why = derived?.get(p);
    const field = fieldWords(ctx, p);
    if (why && !why.ok) return skip(c, single.label, 'no-value', why.reason, why.reasonEn, { candidates: [p], ...(field ? { field } : {}) });
  }
  if (single.kind === 'match') {
    const fw = fieldWords(ctx, single.key);
    return skip(c, single.label, 'unsupported', `门户要求起止两个日期，记录中的“${fw?.label ?? single.key}”是单个日期，数据字典中没有它的起止时间`, `the portal asks for a start and an end; the record’s “${fw?.labelEn ?? fw?.label ?? single.key}” is one date and the dictionary declares no period for it`, { candidates: [single.key], ...(fw ? { field: fw } : {}) });
  }
  if (byPeriod.keys?.length) {
    const why = byPeriod.keys.map((k) => derived?.get(k)).find((d): d is Extract<Derived, { ok: false }> => !!d && !d.ok);
    if (why) return skip(c, byPeriod.label, 'no-value', why.reason, why.reasonEn, { candidates: byPeriod.keys });
  }
  return undefined;
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

const TEXT_KINDS = new Set(['text', 'textarea', 'richtext']);

/** A dictionary derivation that writes table `key` as text (its `lines` form), if one is declared. */
function linesFormOf(ctx: AutofillContext, key: string): DictionaryEntry | undefined {
  for (const e of ctx.entries.values()) if (e.derive && 'lines' in e.derive && e.derive.lines === key) return e;
  return undefined;
}

/** Unusable for reasons a page lifts by itself or on the user's click (a step, a tab, loading options): not traps. */
const SHOWS_LATER = new Set(['hidden', 'disabled', 'inert', 'aria-hidden']); // aria-hidden: an inactive tab pane

/**
 * A control that cannot be used now. When it is only hidden or disabled (the next step of a
 * wizard, a tab that cannot be opened; an openable tab is opened instead, tabs.ts) and the record has a value for it, the report says which record field
 * waits for it, so the clerk knows fields remain after 下一步; nothing is clicked for them.
 */
function unusableSkip(ctx: AutofillContext, c: ScannedControl, scope: ReadonlySet<string>, m: ReturnType<typeof resolveMapping>, derived: Parameters<typeof resolveControl>[4]): SkippedControl {
  const w = unusableWords(c.unusableReason);
  if (!SHOWS_LATER.has(c.unusableReason ?? '')) return skip(c, portalLabel(c), 'unusable', w.zh, w.en);
  const r = resolveControl(ctx, { ...c, usable: true }, scope, m, derived);
  if ('reason' in r || !scope.has(r.key)) return skip(c, portalLabel(c), 'unusable', w.zh, w.en);
  const field = fieldWords(ctx, r.key) ?? { label: r.label };
  return skip(c, r.label, 'unusable', `${w.zh}；记录中有“${field.label}”，该栏目显示后可继续填写`, `${w.en}; the record has “${field.labelEn ?? field.label}”, to be filled when it shows (continue filling)`, { field, candidates: [r.key], later: true });
}

/**
 * The values the record's form computes into a dictionary key (the 会议类型 of a presidium
 * monthly meeting is always 主席团月例会): computed fields are never stored, yet they are the
 * record's values as its form shows them. Evaluated from the record's own values in form order
 * (a later one may read an earlier one); one that cannot be computed gives nothing, a stored
 * value wins. Not counted as unplaced: only stored keys are.
 */
function withComputedValues(stored: Record<string, unknown>, form: FormDefinition | undefined): Record<string, unknown> {
  if (!form) return stored;
  let out = stored;
  let data: Record<string, unknown> | undefined;
  for (const section of form.sections) {
    for (const f of section.fields) {
      if (f.type !== 'computed' || !f.bind || !isEmptyValue(stored[f.bind])) continue;
      data ??= formValuesFromDictionary(form, stored);
      let v: unknown;
      try { v = evaluate(f.expr, data); } catch { continue; }
      if ((typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') || isEmptyValue(v) || (typeof v === 'number' && !Number.isFinite(v))) continue;
      if (out === stored) out = { ...stored };
      out[f.bind] = v;
      data[f.id] = v;
    }
  }
  return out;
}

/** The record's values keyed by dictionary key (see `dictionaryView`) → a fill plan for a scanned page. */
export function planFill(ctx: AutofillContext, scan: ScanResult, stored: Record<string, unknown>, options: PlanOptions = {}): FillPlan {
  const m = resolveMapping(ctx, options.mapping, options.form);
  // derived keys (单位及职务, 参加人数…) join the record's keys; a failed derivation keeps its reason
  const { values, derived } = withDerivedValues(ctx, withComputedValues(stored, m.form));
  const scope = new Set(Object.keys(values).filter((k) => !isEmptyValue(values[k])));
  const steps: FillStep[] = [];
  const skipped: SkippedControl[] = [];
  const placed = new Set<string>();
  for (const r of scan.refused) {
    const w = refusedWords(r.reason);
    skipped.push({ control: '', label: visibleLabel(r.what), reason: r.reason === 'cross-origin' ? 'cross-origin' : r.reason === 'password' ? 'password' : 'unsupported', detail: w.zh, detailEn: w.en });
  }
  // repeating groups of blocks holding a record list: their controls are written through the group
  const groups = planGroups(ctx, scan, values, scope, m.form, m.lists);
  skipped.push(...groups.skipped);
  for (const g of groups.steps) placed.add(g.key);
  // the key the field before named (承办人 before 联系电话): it qualifies a general label
  let previous: string | undefined;
  for (const c of scan.controls) {
    if (c.cell) continue; // filled through its table
    if (c.block && groups.taken.has(c.block.group)) continue;
    if (!c.usable) { skipped.push(unusableSkip(ctx, c, scope, m, derived)); previous = undefined; continue; }
    const r = resolveControl(ctx, c, scope, m, derived);
    const before = previous;
    previous = 'reason' in r ? r.candidates?.[0] : r.key;
    if (!('reason' in r) && (r.via === 'label' || r.via === 'synonym') && !r.entry) {
      const q = qualifiedByPrevious(ctx, r.label, r.key, before, scope);
      if (q) { r.key = q; r.via = 'synonym'; previous = q; }
    }
    if ('reason' in r) {
      // a label no held key takes may name a criterion of a rating matrix the record holds (依法行政)
      const mark = r.reason === 'no-match' || r.reason === 'no-value' ? planCriterion(ctx, c, values, scope, m) : undefined;
      if (mark && 'reason' in mark) skipped.push(mark);
      else if (mark) { steps.push(mark); placed.add(mark.key); }
      else skipped.push(r);
      continue;
    }
    let key = r.key;
    let entry = ctx.entries.get(key);
    let value: unknown;
    let transform = transformOf(r.entry);
    let field: FieldWords | undefined = fieldWords(ctx, key);
    if (r.derive) {
      const d = deriveValue(ctx, r.derive, stored);
      field = { label: r.label };
      if (!d.ok) { skipped.push(skip(c, r.label, 'no-value', d.reason, d.reasonEn, { field })); continue; }
      value = d.value;
      entry = { key: 'mapping.derived', type: d.type, label: r.label };
      if (d.levels) transform = { ...transform, levels: true };
    } else {
      // a table matched by a text box: its declared text form (numbered lines), if any
      if (entry?.type === 'table' && TEXT_KINDS.has(c.kind)) {
        const lines = linesFormOf(ctx, key);
        if (lines && !isEmptyValue(values[lines.key])) { key = lines.key; entry = lines; }
      }
      value = values[key];
      if (entry?.derive && 'levels' in entry.derive) transform = { ...transform, levels: true };
    }
    if (isEmptyValue(value)) {
      const extra: Partial<SkippedControl> = {};
      if (field) extra.field = field;
      skipped.push(skip(c, r.label, 'no-value', `记录中没有“${field?.label ?? r.label}”`, `the record has no “${field?.labelEn ?? field?.label ?? r.label}”`, extra));
      continue;
    }
    // personal data only into controls that pass the stricter check as well
    if (entry?.sensitive && c.caution) {
      const w = unusableWords(c.caution);
      skipped.push(skip(c, r.label, 'unusable', `${w.zh}，不填写身份证号、电话等个人信息`, `${w.en}; ID and phone numbers are not written there`, field ? { field } : {}));
      continue;
    }
    let conv = convertForControl(value, entry, ctx.optionsOf(key), c, transform);
    // a date-time box and a date the record keeps apart from its time (视察日期 + 开始时间): the
    // date with the time of day of the key its entry declares, or the reason there is none
    let timeKey: string | undefined;
    if (!conv.ok && conv.reason === 'missing-part' && entry && !r.derive) {
      const joined = dateWithTimeOfDay(ctx, entry, value, values);
      if (joined?.ok) {
        const { format: _dateFormat, ...asDateTime } = entry;
        conv = convertForControl(joined.value, { ...asDateTime, type: 'datetime' }, undefined, c, transform);
        if (conv.ok) timeKey = entry.timeOfDay;
      } else if (joined) conv = { ok: false, reason: 'missing-part', detail: joined.reason, detailEn: joined.reasonEn };
    }
    // a date-time range picker and a period whose end the record holds without a time: name the key that lacks it
    if (!conv.ok && conv.reason === 'missing-part' && entry?.derive && 'range' in entry.derive && Array.isArray(value)) {
      const lacking = (value[0] as string).includes('T') ? entry.derive.range.to : entry.derive.range.from;
      const fw = fieldWords(ctx, lacking);
      conv = { ok: false, reason: 'missing-part', detail: `门户要求填写时间，记录中没有“${fw?.label ?? lacking}”的时间`, detailEn: `the portal asks for times; the record has no time for “${fw?.labelEn ?? fw?.label ?? lacking}”` };
    }
    // a label naming a key whose value the control cannot take (提出时间, a date, over the radios
    // 大会期间 / 闭会期间): the held choice key whose options are the control's, if exactly one
    let via = r.via;
    if (!conv.ok && (conv.reason === 'no-option' || conv.reason === 'unsupported') && !r.derive && r.via !== 'mapping' && entry?.type !== 'enum' && entry?.type !== 'multienum') {
      const alt = keyByOptions(ctx, c, [...scope].filter((k) => k !== key && !isPeriodKey(ctx, k)));
      const altEntry = alt ? ctx.entries.get(alt) : undefined;
      const altConv = alt ? convertForControl(values[alt], altEntry, ctx.optionsOf(alt), c, transformOf(m.byKey.get(alt))) : undefined;
      if (alt && altConv?.ok && !m.byKey.get(alt)?.skip) {
        key = alt; entry = altEntry; conv = altConv; via = 'options'; field = fieldWords(ctx, alt);
      } else if (c.options?.length) {
        const shown = c.options.map((o) => o.text.trim()).filter(Boolean).slice(0, 6);
        const held = field?.label ?? r.label;
        conv = { ok: false, reason: conv.reason, detail: `记录中的“${held}”（${conv.ok ? '' : display(value, entry)}）不是门户的选项（${shown.join('、')}），记录中也没有与这些选项相符的项`, detailEn: `the record’s “${field?.labelEn ?? held}” is none of the portal’s options (${shown.join(', ')}), and no field of the record has these options` };
      }
    }
    if (!conv.ok) {
      const extra: Partial<SkippedControl> = {};
      if (field) extra.field = field;
      skipped.push(skip(c, r.label, conv.reason, conv.detail, conv.detailEn ?? conv.detail, extra));
      continue;
    }
    // a mapping's widget name goes to the DOM side as is: its adapter registry resolves it (or reports it unknown)
    const hint = r.entry?.widget && r.entry.widget !== 'auto' ? r.entry.widget : undefined;
    const step: FillStep = { control: c.id, key, label: r.label, adapter: hint ?? c.adapter, value: conv.value, display: conv.display, via };
    if (field) step.field = field;
    if (entry?.sensitive) step.sensitive = true;
    if (c.tab !== undefined) step.tab = c.tab;
    steps.push(step);
    placed.add(key);
    if (timeKey) placed.add(timeKey);
    // a derived key places the stored keys it was made from
    const d = r.derive ?? ctx.entries.get(key)?.derive;
    if (d) for (const k of derivationSources(d)) placed.add(k);
  }
  const tables: TableFillStep[] = [];
  for (const t of scan.tables) {
    const step = planTable(ctx, t, values, scope, m);
    if (!step) continue;
    if ('reason' in step) { skipped.push(step); continue; }
    tables.push(step);
    placed.add(step.key);
  }
  const storedKeys = Object.keys(stored).filter((k) => !isEmptyValue(stored[k]));
  const plan: FillPlan = { version: 1, url: scan.url, steps, tables, skipped, unplaced: storedKeys.filter((k) => !placed.has(k)).sort() };
  if (groups.steps.length) plan.groups = groups.steps;
  return plan;
}

type RatingMatrix = Extract<FormDefinition['sections'][number]['fields'][number], { type: 'ratingMatrix' }>;

function matrixOfKey(form: FormDefinition | undefined, key: string): RatingMatrix | undefined {
  for (const s of form?.sections ?? []) for (const f of s.fields) if (f.type === 'ratingMatrix' && f.bind === key) return f;
  return undefined;
}

/**
 * A rating matrix (ratings per criterion, dictionary type `ratings`) is written criterion by
 * criterion: portals put one control per criterion — a radio group of the grades, a select, a
 * number box — labelled with the criterion (依法行政), in a form item or a table row. A control
 * whose label names one criterion of a matrix the record holds gets that criterion's mark, as
 * the scale's value or its text (5 / 优秀). Criteria and scale come from the form field binding
 * the key (the record's form first). Undefined when the label names no criterion.
 */
interface CriterionHit { key: string; matrix: RatingMatrix; criterion: RatingMatrix['criteria'][number]; label: string }

/** The one criterion of a rating matrix among `keys` that the control's label names, if exactly one. */
function criterionOf(ctx: AutofillContext, c: ScannedControl, keys: Iterable<string>, m: ReturnType<typeof resolveMapping>): CriterionHit | undefined {
  const hits: CriterionHit[] = [];
  for (const key of keys) {
    if (ctx.entries.get(key)?.type !== 'ratings') continue;
    const matrix = matrixOfKey(m.form, key) ?? [...ctx.forms.values()].map((f) => matrixOfKey(f, key)).find(Boolean);
    if (!matrix) continue;
    // the most trustworthy label decides, as for dictionary labels
    for (const l of c.labels) {
      if (l.source === 'name') continue;
      const vs = labelVariants(l.text);
      const criterion = matrix.criteria.find((cr) => vs.includes(normalizeLabel(cr.label)) || (cr.labelEn !== undefined && vs.includes(normalizeLabel(cr.labelEn))));
      if (criterion) { hits.push({ key, matrix, criterion, label: l.text }); break; }
    }
  }
  return hits.length === 1 ? hits[0] : undefined;
}

function planCriterion(ctx: AutofillContext, c: ScannedControl, values: Record<string, unknown>, scope: Set<string>, m: ReturnType<typeof resolveMapping>): FillStep | SkippedControl | undefined {
  const hit = criterionOf(ctx, c, scope, m);
  if (!hit) return undefined;
  const { key, matrix, criterion, label } = hit;
  const field = { label: criterion.label, ...(criterion.labelEn ? { labelEn: criterion.labelEn } : {}) };
  const mark = (values[key] as Record<string, unknown> | undefined)?.[criterion.id];
  if (typeof mark !== 'number') return skip(c, label, 'no-value', `记录中没有“${criterion.label}”的评定`, `the record has no mark for “${criterion.labelEn ?? criterion.label}”`, { field });
  const options = matrix.scale.map((g) => ({ value: String(g.value), label: g.label }));
  const entry: DictionaryEntry = { key, type: c.kind === 'number' || TEXT_KINDS.has(c.kind) ? 'number' : 'enum', label: criterion.label };
  // the grade's text first (较差, then 2): what the person reads in a dropdown that lists its options late
  const conv = convertForControl(entry.type === 'number' ? mark : (matrix.scale.find((g) => g.value === mark)?.label ?? String(mark)), entry, options, c);
  if (!conv.ok) return skip(c, label, conv.reason, conv.detail, conv.detailEn ?? conv.detail, { field });
  const step: FillStep = { control: c.id, key, label: visibleLabel(label), field, adapter: c.adapter, value: conv.value, display: conv.display, via: 'label' };
  if (c.tab !== undefined) step.tab = c.tab;
  return step;
}

function columnsOfKey(form: FormDefinition | undefined, key: string): ColumnFieldDefinition[] | undefined {
  for (const s of form?.sections ?? []) for (const f of s.fields) if (f.type === 'table' && f.bind === key) return f.columns;
  return undefined;
}

const NAME_HEADERS = ['姓名', '代表姓名', '人员', '名字', '人员姓名'];

/** A person as a list keeps one (a name, or an object with a name). */
function personName(p: unknown): string | undefined {
  const name = typeof p === 'string' ? p : p && typeof p === 'object' ? (p as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/** A table column's value as the portal's cell takes it (undefined when empty or of no shape a cell takes). */
function cellValue(ctx: AutofillContext, col: ColumnFieldDefinition, v: unknown): FillValue | undefined {
  if (isEmptyValue(v)) return undefined;
  if (col.type === 'date' && typeof v === 'string') return { type: 'text', text: formatDate(v, 'YYYY-MM-DD') ?? v };
  if ((col.type === 'select' || col.type === 'radio') && typeof v === 'string') return { type: 'option', candidates: optionCandidates(v, 'options' in col && col.options ? col.options : 'optionSet' in col && col.optionSet ? ctx.optionSet(col.optionSet) : undefined) };
  if (col.type === 'person' && v && typeof v === 'object') return { type: 'text', text: String((v as { name?: string }).name ?? '') };
  if (typeof v === 'boolean') return { type: 'check', checked: v };
  if (typeof v === 'string' || typeof v === 'number') return { type: 'text', text: String(v) };
  return undefined;
}

/**
 * The record's column each of a portal table's headers names: by the column's label; a header
 * that says more than a label (议题名称, 汇报人姓名) takes the column whose label it contains (the
 * longest), when no other header took or contains it; a header naming the row's content (议程内容,
 * 内容) the first text column, when only one header says so.
 */
function matchColumns(headers: readonly string[], columns: readonly ColumnFieldDefinition[]): Map<string, ColumnFieldDefinition> {
  const norm = headers.map((c) => labelVariants(c));
  const colFor = new Map<string, ColumnFieldDefinition>();
  // (意见建议 is the column 意见和建议: the joining 和 is no change of column, as for labels)
  const colNames = (cd: ColumnFieldDefinition) => [normalizeLabel(cd.label), withoutParticles(normalizeLabel(cd.label)), ...(cd.labelEn !== undefined ? [normalizeLabel(cd.labelEn)] : [])];
  headers.forEach((header, i) => {
    const c = columns.find((cd) => colNames(cd).some((n) => norm[i]!.includes(n)));
    if (c) colFor.set(header, c);
  });
  const taken = new Set(colFor.values());
  const proposals = new Map<string, ColumnFieldDefinition>();
  headers.forEach((header, i) => {
    if (colFor.has(header)) return;
    const inside = columns.filter((cd) => !taken.has(cd) && cd.label.length >= 2 && norm[i]!.some((v) => v.includes(normalizeLabel(cd.label))));
    const longest = Math.max(0, ...inside.map((cd) => cd.label.length));
    const best = inside.filter((cd) => cd.label.length === longest);
    if (best.length === 1) proposals.set(header, best[0]!);
  });
  for (const [header, cd] of proposals) if ([...proposals.values()].filter((x) => x === cd).length === 1) colFor.set(header, cd);
  const contentHeaders = headers.filter((header, i) => !colFor.has(header) && norm[i]!.some((v) => v.endsWith('内容')));
  const firstText = columns.find((cd) => cd.type === 'text' || cd.type === 'textarea');
  if (contentHeaders.length === 1 && firstText && ![...colFor.values()].includes(firstText)) colFor.set(contentHeaders[0]!, firstText);
  return colFor;
}

function planTable(ctx: AutofillContext, t: ScannedTable, values: Record<string, unknown>, scope: Set<string>, m: ReturnType<typeof resolveMapping>): TableFillStep | SkippedControl | undefined {
  const label = visibleLabel(t.labels[0]?.text) || '无标题的表格';
  const no = (reason: SkippedControl['reason'], zh: string, en: string, extra: Partial<SkippedControl> = {}): SkippedControl => ({ control: t.id, label, reason, detail: zh, detailEn: en, ...extra });
  const listed = mappedList(m, t.list);
  // a table holds a list: only list-valued keys can take it (its title may be a short form of theirs)
  const listScope = new Set([...scope].filter((k) => LIST_TYPES.has(ctx.entries.get(k)?.type ?? '')));
  const match: LabelMatch = listed ? { kind: 'match', key: listed, via: 'label', label } : matchListLabels(ctx, t.labels, listScope);
  let key: string;
  if (match.kind === 'match') key = match.key;
  else if (match.kind === 'ambiguous') return no('ambiguous', ambiguousWords(ctx, match.keys), `could be any of: ${labelsEnOf(ctx, match.keys).join(', ')}`, { candidates: match.keys });
  else if (!t.labels.length) return undefined;
  else if (match.keys?.length) return no('no-value', `记录中没有“${fieldList(labelsOf(ctx, match.keys))}”`, `the record has no ${labelsEnOf(ctx, match.keys).join(' / ')}`, { candidates: match.keys });
  else return no('no-match', '数据字典中没有这个表格的标题', 'the data dictionary has no field with this table’s title');
  const entry: DictionaryEntry | undefined = ctx.entries.get(key);
  const field = fieldWords(ctx, key);
  const value = values[key];
  if (!Array.isArray(value) || value.length === 0) return no('no-value', `记录中没有“${field?.label ?? label}”`, `the record has no “${field?.labelEn ?? label}”`);
  if (!t.canAddRow && value.length > t.rows) return no('unsupported', '表格行数不够，且没有添加行的按钮', 'the table has too few rows and no add-row button');
  const norm = t.columns.map((c) => labelVariants(c));
  const rows: Record<string, FillValue>[] = [];
  const columnsOf = (k: string) => columnsOfKey(m.form, k) ?? columnsOfKey([...ctx.forms.values()].find((f) => columnsOfKey(f, k)), k) ?? [];
  if (entry?.type === 'people') {
    const col = t.columns.find((_, i) => norm[i]!.some((v) => NAME_HEADERS.includes(v))) ?? (t.columns.length === 1 ? t.columns[0] : undefined);
    if (!col) return no('no-match', '表格中没有姓名列', 'the table has no name column');
    // more about these people (单位及职务) where the dictionary says the record keeps it: the
    // details table's row naming each person (列席人员 by name, their units in the 签到表)
    const detailsKey = entry.peopleDetails;
    const detailRows = detailsKey && Array.isArray(values[detailsKey]) ? (values[detailsKey] as unknown[]).filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
    const detailCols = detailsKey && detailRows.length ? columnsOf(detailsKey) : [];
    const personCol = detailCols.find((c) => c.type === 'person');
    const others = personCol ? matchColumns(t.columns.filter((h) => h !== col), detailCols.filter((c) => c !== personCol)) : new Map<string, ColumnFieldDefinition>();
    for (const p of value) {
      const name = personName(p);
      if (!name) continue;
      const row: Record<string, FillValue> = { [col]: { type: 'text', text: name } };
      const d = personCol ? detailRows.find((r) => personName(r[personCol.id]) === name) : undefined;
      if (d) for (const [header, cd] of others) { const cell = cellValue(ctx, cd, d[cd.id]); if (cell) row[header] = cell; }
      rows.push(row);
    }
  } else {
    const colFor = matchColumns(t.columns, columnsOf(key));
    if (colFor.size === 0) return no('no-match', '表格的列与记录中的列对不上', 'the table’s columns do not match the record’s');
    for (const row of value as Record<string, unknown>[]) {
      const out: Record<string, FillValue> = {};
      for (const [header, col] of colFor) { const cell = cellValue(ctx, col, row?.[col.id]); if (cell) out[header] = cell; }
      rows.push(out);
    }
  }
  const step: TableFillStep = { table: t.id, key, label, rows };
  if (field) step.field = field;
  if (t.tab !== undefined) step.tab = t.tab;
  return step;
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
  // repeating groups of blocks naming a list of the record: read as its rows, not control by control
  const groupsRead = readGroups(ctx, scan, scope, m.form, values, sources, m.lists);
  for (const c of scan.controls) {
    if (c.cell || c.kind === 'file') continue;
    if (c.block && groupsRead.has(c.block.group)) continue;
    const r = resolveControl(ctx, c, scope, m);
    if ('reason' in r) {
      // a criterion of a rating matrix (依法行政): its mark, by the scale's text or value
      const hit = r.reason === 'no-match' || r.reason === 'no-value' ? criterionOf(ctx, c, scope ?? ctx.entries.keys(), m) : undefined;
      const read = typeof c.value === 'string' ? c.value.trim() : undefined;
      const grade = hit && read ? hit.matrix.scale.find((g) => normalizeLabel(g.label) === normalizeLabel(read) || String(g.value) === read) : undefined;
      if (hit && grade) {
        const marks = (values[hit.key] ??= {}) as Record<string, number>;
        if (!(hit.criterion.id in marks)) marks[hit.criterion.id] = grade.value;
        sources[hit.key] ??= c.id;
      } else skipped.push(r);
      continue;
    }
    const entry = ctx.entries.get(r.key);
    // a derived key is read back only when the form stores it (联名人数); 单位及职务 is not
    // split back into its parts, and a mapping's derivation has no key of its own
    if (!entry || r.derive || (entry.derive && !scope?.has(r.key))) continue;
    let read = c.value;
    // a cascader shows the whole path (镇政府部门 / 村镇建设办公室); the record keeps the leaf
    if (c.kind === 'cascader' && typeof read === 'string' && entry.type !== 'multienum') read = read.split(/\s*[/／>＞]\s*/).pop() ?? read;
    if ((entry.type === 'date' || entry.type === 'datetime') && typeof read === 'string') {
      const d = parseDate(read, true);
      if (d && d.length === 7) { if (!(r.key in partial)) partial[r.key] = d; continue; }
    }
    const v = valueFromControl(read, entry, ctx.optionsOf(r.key), transformOf(r.entry), c);
    if (v === undefined || isEmptyValue(v)) continue;
    if (r.key in values) continue; // first control wins
    values[r.key] = v;
    sources[r.key] = c.id;
  }
  // repeating tables: people as names, tables as rows keyed by the form's column ids
  for (const t of scan.tables) {
    const listed = mappedList(m, t.list);
    const match: LabelMatch = listed ? { kind: 'match', key: listed, via: 'label', label: '' } : matchLabels(ctx, t.labels, scope);
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
