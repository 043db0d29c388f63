/**
 * The pack validator: shapes (zod) and then everything zod cannot see — duplicate ids,
 * references between parts and across packs, expressions, workflow graphs. It never throws:
 * whatever the input, the answer is a list of located issues.
 */
import semver from 'semver';
import {
  packSchema,
  type ColumnFieldDefinition, type DictionaryEntry, type DictionaryType, type FieldDefinition,
  type FormDefinition, type OptionSet, type PackDefinition, type RosterDefinition,
} from './pack-schema.ts';
import { checkExpression, type ExpressionScope } from './expression.ts';
import { compilePattern } from './pattern.ts';
import { fromZodIssues, issue, type PathSegment, type ValidationIssue } from './issues.ts';
import { normalizeLabel } from './labels.ts';
import { derivationSources, derivationType } from './autofill/derive.ts';
import type { Derivation } from './pack-schema.ts';

type Located = Omit<ValidationIssue, 'source'>;

export interface PackInput {
  /** Where the pack came from (file, URL); prefixed to its issues. */
  source: string;
  json: unknown;
}

export interface PackSetValidation {
  ok: boolean;
  /** The packs that passed every check (their dependencies too), dependencies first. */
  packs: PackDefinition[];
  /** Every pack whose shape is valid, errors or not, dependencies first (records can still be checked against them). */
  parsedPacks: PackDefinition[];
  issues: ValidationIssue[];
}

/** Which dictionary types a field of each type may bind to. */
export const BINDABLE: Partial<Record<FieldDefinition['type'], readonly DictionaryType[]>> = {
  text: ['text', 'textarea'], textarea: ['textarea', 'text'], number: ['number'], score: ['number'],
  date: ['date'], datetime: ['datetime'], select: ['enum'], radio: ['enum'],
  multiselect: ['multienum'], checkboxes: ['multienum'], checkbox: ['boolean'], phone: ['phone'],
  idcard: ['idcard'], person: ['person', 'text'], people: ['people'], attachment: ['attachment'],
  photo: ['photo'], table: ['table'], ratingMatrix: ['ratings'], computed: DICTIONARY_ALL(),
};
function DICTIONARY_ALL(): DictionaryType[] {
  return ['text', 'textarea', 'number', 'date', 'datetime', 'enum', 'multienum', 'boolean', 'phone', 'idcard', 'person', 'people', 'table'];
}

const CHOICE_TYPES = new Set(['select', 'radio', 'multiselect', 'checkboxes']);

/** What a pack can see: its own parts plus those of the packs it requires (transitively). */
interface PackScope {
  widgets?: ReadonlySet<string>;
  dictionary: Map<string, { entry: DictionaryEntry; pack: string }>;
  optionSets: Map<string, { set: OptionSet; pack: string }>;
  rosters: Map<string, { roster: RosterDefinition; pack: string }>;
  forms: Map<string, { form: FormDefinition; pack: string }>;
}

/** Validates one pack alone (no dependencies available: references into other packs are reported). */
export function validatePack(json: unknown, source = ''): PackSetValidation {
  return validatePackSet([{ source, json }]);
}

/** Validates packs together, resolving each pack's `requires` among them. */
export interface ValidateOptions {
  /**
   * The widget names a portal mapping may use (`widget`). Core keeps no list: the DOM side's
   * adapter registry is the one source (`widgetNames()` of @lvzhi/shared/dom/autofill), injected
   * by the CLI and the extension; without it any bounded slug passes here and the DOM side
   * reports an unknown name when it plans or applies.
   */
  widgetNames?: readonly string[];
}

export function validatePackSet(inputs: readonly PackInput[], options: ValidateOptions = {}): PackSetValidation {
  const issues: ValidationIssue[] = [];
  const parsed: { source: string; pack: PackDefinition }[] = [];
  const add = (source: string, list: Located[]) => { for (const i of list) issues.push({ source, ...i }); };

  for (const input of inputs) {
    try {
      if (typeof input.json !== 'object' || input.json === null || Array.isArray(input.json)) {
        add(input.source, [issue([], 'not-object', '包定义应为 JSON 对象 {…}', 'a pack must be a JSON object {…}')]);
        continue;
      }
      // Parse lean first; only a failing pack is parsed again with its inputs kept for the messages.
      const result = packSchema.safeParse(input.json);
      if (!result.success) add(input.source, fromZodIssues(packSchema.safeParse(input.json, { reportInput: true }).error?.issues ?? result.error.issues));
      else parsed.push({ source: input.source, pack: result.data });
    } catch (e) {
      add(input.source, [issue([], 'internal', `无法检查：${(e as Error).message}`, `could not be checked: ${(e as Error).message}`)]);
    }
  }

  const byId = new Map<string, { source: string; pack: PackDefinition }>();
  for (const p of parsed) {
    const other = byId.get(p.pack.id);
    if (other) add(p.source, [issue(['id'], 'duplicate-pack', `包 "${p.pack.id}" 重复（另见 ${other.source}）`, `pack "${p.pack.id}" is given twice (also ${other.source})`)]);
    else byId.set(p.pack.id, p);
  }
  // Packs whose shape failed still count as "present" for their dependants, so that one broken
  // pack reports its own errors instead of a cascade of "missing dependency" in every other.
  const brokenIds = new Set<string>();
  for (const input of inputs) {
    const id = (input.json as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !byId.has(id)) brokenIds.add(id);
  }

  // Dependencies first. A dependency whose shape is valid lends its parts to its dependants even
  // when it has errors of its own, so one mistake is reported once, where it is.
  const order: string[] = [];
  const clean = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.has(id)) return;
    const entry = byId.get(id)!;
    state.set(id, 'visiting');
    let resolved = true;
    for (const [dep, range] of Object.entries(entry.pack.requires ?? {})) {
      const path: PathSegment[] = ['requires', dep];
      if (!semver.validRange(range)) {
        add(entry.source, [issue(path, 'bad-range', `版本范围 "${range}" 无效（例如 ^1.0.0）`, `invalid version range "${range}" (e.g. ^1.0.0)`)]);
        resolved = false; continue;
      }
      if (dep === id) { add(entry.source, [issue(path, 'self-require', '包不能依赖自身', 'a pack cannot require itself')]); resolved = false; continue; }
      const target = byId.get(dep);
      if (!target) {
        if (brokenIds.has(dep)) add(entry.source, [issue(path, 'broken-dependency', `依赖的包 "${dep}" 自身有格式错误，先修正它`, `required pack "${dep}" has errors of its own; fix it first`)]);
        else add(entry.source, [issue(path, 'missing-dependency', `缺少依赖的包 "${dep}"（需要 ${range}）`, `required pack "${dep}" (${range}) is not installed`)]);
        resolved = false; continue;
      }
      if (!semver.satisfies(target.pack.version, range, { includePrerelease: true })) {
        add(entry.source, [issue(path, 'incompatible-dependency', `依赖的包 "${dep}" 版本为 ${target.pack.version}，不满足 ${range}`, `required pack "${dep}" is ${target.pack.version}, which does not satisfy ${range}`)]);
        resolved = false; continue;
      }
      if (state.get(dep) === 'visiting') {
        add(entry.source, [issue(path, 'dependency-cycle', `包之间循环依赖：${id} ↔ ${dep}`, `packs require each other in a cycle: ${id} ↔ ${dep}`)]);
        resolved = false; continue;
      }
      visit(dep);
      if (!clean.has(dep)) resolved = false;
    }
    const before = issues.length;
    if (resolved || Object.keys(entry.pack.requires ?? {}).every((d) => byId.has(d))) {
      try {
        add(entry.source, checkPack(entry.pack, { ...scopeOf(entry.pack, byId), ...(options.widgetNames ? { widgets: new Set(options.widgetNames) } : {}) }));
      } catch (e) {
        add(entry.source, [issue([], 'internal', `无法检查：${(e as Error).message}`, `could not be checked: ${(e as Error).message}`)]);
      }
    }
    state.set(id, 'done');
    order.push(id);
    if (resolved && issues.length === before) clean.add(id);
  };
  for (const id of byId.keys()) visit(id);

  return {
    ok: issues.length === 0,
    packs: order.filter((id) => clean.has(id)).map((id) => byId.get(id)!.pack),
    parsedPacks: order.map((id) => byId.get(id)!.pack),
    issues,
  };
}

function scopeOf(pack: PackDefinition, byId: Map<string, { pack: PackDefinition }>): PackScope {
  const scope: PackScope = { dictionary: new Map(), optionSets: new Map(), rosters: new Map(), forms: new Map() };
  const seen = new Set<string>();
  const collect = (p: PackDefinition) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    for (const dep of Object.keys(p.requires ?? {})) {
      const d = byId.get(dep);
      if (d) collect(d.pack);
    }
    if (p === pack) return; // the pack's own parts are added (and checked for duplicates) by checkPack
    for (const entry of p.dictionary ?? []) scope.dictionary.set(entry.key, { entry, pack: p.id });
    for (const set of p.optionSets ?? []) scope.optionSets.set(set.id, { set, pack: p.id });
    for (const roster of p.rosters ?? []) scope.rosters.set(roster.id, { roster, pack: p.id });
    for (const form of p.forms ?? []) scope.forms.set(form.id, { form, pack: p.id });
  };
  collect(pack);
  return scope;
}

/** Reports items of `list` whose id was already seen, at the later one. */
function duplicates<T>(list: readonly T[] | undefined, idOf: (t: T) => string | number, base: PathSegment[], what: string, whatEn: string, idKey: string | null = 'id'): Located[] {
  const out: Located[] = [];
  const seen = new Map<string | number, number>();
  (list ?? []).forEach((item, i) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first !== undefined) {
      out.push(issue(idKey === null ? [...base, i] : [...base, i, idKey], 'duplicate-id', `${what} "${id}" 重复（与第 ${first + 1} 项相同）`, `duplicate ${whatEn} "${id}" (same as item ${first + 1})`));
    } else seen.set(id, i);
  });
  return out;
}

function checkPack(pack: PackDefinition, scope: PackScope): Located[] {
  const out: Located[] = [];

  // Dictionary: own keys must not repeat, nor redefine a key of a required pack.
  out.push(...duplicates(pack.dictionary, (e) => e.key, ['dictionary'], '字典键', 'dictionary key', 'key'));
  pack.dictionary?.forEach((entry, i) => {
    const inherited = scope.dictionary.get(entry.key);
    if (inherited) out.push(issue(['dictionary', i, 'key'], 'duplicate-id', `字典键 "${entry.key}" 已在包 ${inherited.pack} 中定义`, `dictionary key "${entry.key}" is already defined by pack ${inherited.pack}`));
    else if (!scope.dictionary.has(entry.key)) scope.dictionary.set(entry.key, { entry, pack: pack.id });
  });
  out.push(...duplicates(pack.optionSets, (s) => s.id, ['optionSets'], '选项集', 'option set'));
  pack.optionSets?.forEach((set, i) => {
    const inherited = scope.optionSets.get(set.id);
    if (inherited) out.push(issue(['optionSets', i, 'id'], 'duplicate-id', `选项集 "${set.id}" 已在包 ${inherited.pack} 中定义`, `option set "${set.id}" is already defined by pack ${inherited.pack}`));
    else scope.optionSets.set(set.id, { set, pack: pack.id });
    out.push(...duplicates(set.options, (o) => o.value, ['optionSets', i, 'options'], '选项值', 'option value', 'value'));
    out.push(...synonymClashes(set.options.map((o) => [o.value, [o.value, o.label ?? o.value, ...(o.synonyms ?? [])]]), ['optionSets', i, 'options'], '选项', 'option'));
  });
  pack.dictionary?.forEach((entry, i) => {
    const path: PathSegment[] = ['dictionary', i];
    const needsOptions = entry.type === 'enum' || entry.type === 'multienum';
    if (entry.optionSet && !needsOptions) out.push(issue([...path, 'optionSet'], 'not-applicable', `只有 enum / multienum 类型可以有 optionSet`, 'only enum and multienum keys take an optionSet'));
    if (entry.optionSet && needsOptions && !scope.optionSets.has(entry.optionSet)) out.push(unknownRef([...path, 'optionSet'], '选项集', 'option set', entry.optionSet, scope.optionSets.keys()));
    if (entry.timeOfDay !== undefined) {
      // the time of day of a date: a date key, and a companion that holds a time (a datetime or HH:mm text)
      const companion = scope.dictionary.get(entry.timeOfDay);
      if (entry.type !== 'date') out.push(issue([...path, 'timeOfDay'], 'not-applicable', '只有 date 类型的键可以有 timeOfDay', 'only date keys take a timeOfDay'));
      else if (!companion) out.push(unknownRef([...path, 'timeOfDay'], '字典键', 'dictionary key', entry.timeOfDay, scope.dictionary.keys()));
      else if (companion.entry.type !== 'datetime' && companion.entry.type !== 'text') out.push(issue([...path, 'timeOfDay'], 'derive-source', `timeOfDay 应为 datetime 或 text（时:分）类型的键，"${entry.timeOfDay}" 是 ${companion.entry.type}`, `timeOfDay must be a datetime or text (HH:mm) key; "${entry.timeOfDay}" is ${companion.entry.type}`));
    }
    if (entry.peopleDetails !== undefined) {
      // where more about a list's people is kept: a people key, and a table key (its rows name the people)
      const details = scope.dictionary.get(entry.peopleDetails);
      if (entry.type !== 'people') out.push(issue([...path, 'peopleDetails'], 'not-applicable', '只有 people 类型的键可以有 peopleDetails', 'only people keys take peopleDetails'));
      else if (!details) out.push(unknownRef([...path, 'peopleDetails'], '字典键', 'dictionary key', entry.peopleDetails, scope.dictionary.keys()));
      else if (details.entry.type !== 'table') out.push(issue([...path, 'peopleDetails'], 'derive-source', `peopleDetails 应为 table 类型的键（每行有一个人员列），"${entry.peopleDetails}" 是 ${details.entry.type}`, `peopleDetails must be a table key (a person column in each row); "${entry.peopleDetails}" is ${details.entry.type}`));
    }
    if (entry.derive) {
      out.push(...checkDerivation(entry.derive, [...path, 'derive'], scope, entry.key, pack.forms));
      const types = derivationType(entry.derive);
      if (!types.includes(entry.type)) out.push(issue([...path, 'type'], 'derive-type', `此推导得出 ${types.join(' 或 ')} 类型的值，字典键类型应一致`, `this derivation gives a ${types.join(' or ')} value; the key's type must match`));
    }
  });
  // Within one namespace (deputy.*, meeting.*) a record usually carries all the keys at once, so
  // a label two of them claim would make autofill guess; across namespaces the record decides
  // (a letter's 姓名 and a deputy's 姓名 never meet in one fill). One exception: the label of one
  // key may be the synonym of another (联系电话: deputy.phone's label, deputy.mobile's synonym),
  // since the label wins when the record holds both and the synonym serves when it lacks the first.
  {
    const owners = new Map<string, { key: string; tier: 0 | 1 }>();
    // a period (daterange) never meets a single-value control and the reverse (plan.ts decides by
    // the control's kind), so 视察时间 may name both the date and the period
    const ns = (e: DictionaryEntry) => e.key.slice(0, e.key.indexOf('.')) + (e.type === 'daterange' ? '#range' : '');
    const labelsOf = (entry: DictionaryEntry) => [entry.label, ...(entry.synonyms ?? [])].map((l, j) => ({ l, tier: (j === 0 ? 0 : 1) as 0 | 1 }));
    for (const { entry } of scope.dictionary.values()) {
      if (pack.dictionary?.includes(entry)) continue;
      for (const { l, tier } of labelsOf(entry)) { const n = `${ns(entry)}:${normalizeLabel(l)}`; const o = owners.get(n); if (!o || tier < o.tier) owners.set(n, { key: entry.key, tier }); }
    }
    pack.dictionary?.forEach((entry, i) => {
      labelsOf(entry).forEach(({ l: label, tier }, j) => {
        const path: PathSegment[] = j === 0 ? ['dictionary', i, 'label'] : ['dictionary', i, 'synonyms', j - 1];
        const n = `${ns(entry)}:${normalizeLabel(label)}`;
        const owner = owners.get(n);
        if (owner !== undefined && owner.key !== entry.key && owner.tier === tier) out.push(issue(path, 'ambiguous-synonym', `名称 "${label}" 同时属于字典键 ${owner.key}，自动填写将无法区分`, `label "${label}" also belongs to dictionary key ${owner.key}; autofill could not tell them apart`));
        else if (!owner || tier < owner.tier) owners.set(n, { key: entry.key, tier });
      });
    });
  }

  out.push(...duplicates(pack.forms, (f) => f.id, ['forms'], '表单', 'form'));
  pack.forms?.forEach((form, i) => {
    const inherited = scope.forms.get(form.id);
    if (inherited) out.push(issue(['forms', i, 'id'], 'duplicate-id', `表单 "${form.id}" 已在包 ${inherited.pack} 中定义`, `form "${form.id}" is already defined by pack ${inherited.pack}`));
    else scope.forms.set(form.id, { form, pack: pack.id });
  });
  out.push(...duplicates(pack.rosters, (r) => r.id, ['rosters'], '名册', 'roster'));
  pack.rosters?.forEach((r) => { if (!scope.rosters.has(r.id)) scope.rosters.set(r.id, { roster: r, pack: pack.id }); });

  const workflowIds = new Set((pack.workflows ?? []).map((w) => w.id));
  pack.forms?.forEach((form, i) => out.push(...checkForm(form, ['forms', i], scope, workflowIds)));
  pack.rosters?.forEach((roster, i) => out.push(...checkRoster(roster, ['rosters', i], scope)));
  out.push(...duplicates(pack.workflows, (w) => w.id, ['workflows'], '流程', 'workflow'));
  pack.workflows?.forEach((wf, i) => out.push(...checkWorkflow(wf, ['workflows', i], scope, pack)));
  out.push(...duplicates(pack.portals, (p) => p.id, ['portals'], '门户映射', 'portal mapping'));
  pack.portals?.forEach((portal, i) => out.push(...checkPortal(portal, ['portals', i], scope)));
  out.push(...duplicates(pack.templates, (t) => t.id, ['templates'], '文书模板', 'document template'));
  pack.templates?.forEach((tpl, i) => out.push(...checkTemplate(tpl, ['templates', i], scope)));
  return out;
}

function synonymClashes(items: [string, string[]][], base: PathSegment[], what: string, whatEn: string): Located[] {
  const out: Located[] = [];
  const owner = new Map<string, string>();
  items.forEach(([id, labels], i) => {
    for (const l of labels) {
      const n = normalizeLabel(l);
      const o = owner.get(n);
      if (o !== undefined && o !== id) {
        out.push(issue([...base, i], 'ambiguous-synonym', `${what}名称 "${l}" 同时属于 "${o}"`, `${whatEn} label "${l}" also belongs to "${o}"`));
      } else owner.set(n, id);
    }
  });
  return out;
}

function unknownRef(path: PathSegment[], what: string, whatEn: string, name: string, known: Iterable<string>): Located {
  const list = [...known];
  const hint = suggest(name, list);
  const known10 = list.slice(0, 10).join(', ') + (list.length > 10 ? ', …' : '');
  return issue(path, 'unknown-reference',
    `未知的${what} "${name}"${hint ? `，是否为 "${hint}"？` : ''}${list.length ? `（可用：${known10}）` : ''}`,
    `unknown ${whatEn} "${name}"${hint ? `; did you mean "${hint}"?` : ''}${list.length ? ` (known: ${known10})` : ''}`);
}

function suggest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) { best = k; bestD = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The fields of a form as expressions see them. */
export function formScope(form: FormDefinition): ExpressionScope {
  const fields = new Set<string>();
  const tables = new Map<string, Set<string>>();
  for (const section of form.sections) {
    for (const field of section.fields) {
      fields.add(field.id);
      if (field.type === 'table') tables.set(field.id, new Set(field.columns.map((c) => c.id)));
    }
  }
  return { fields, tables };
}

/** Every field of a form with its path, table columns included (after their table). */
export function* walkFields(form: FormDefinition, base: PathSegment[] = []): Generator<{ field: FieldDefinition | ColumnFieldDefinition; path: PathSegment[]; table?: Extract<FieldDefinition, { type: 'table' }> }> {
  for (const [si, section] of form.sections.entries()) {
    for (const [fi, field] of section.fields.entries()) {
      const path = [...base, 'sections', si, 'fields', fi];
      yield { field, path };
      if (field.type === 'table') {
        for (const [ci, column] of field.columns.entries()) yield { field: column, path: [...path, 'columns', ci], table: field };
      }
    }
  }
}

function findField(form: FormDefinition, id: string): FieldDefinition | undefined {
  for (const s of form.sections) for (const f of s.fields) if (f.id === id) return f;
  return undefined;
}

function checkForm(form: FormDefinition, base: PathSegment[], scope: PackScope, workflowIds: Set<string>): Located[] {
  const out: Located[] = [];
  const fs = formScope(form);
  out.push(...duplicates(form.sections, (s) => s.id, [...base, 'sections'], '分节', 'section'));
  // Field ids are unique across the whole form: values are keyed by them.
  const seen = new Map<string, string>();
  form.sections.forEach((s, si) => s.fields.forEach((f, fi) => {
    const where = `${s.title}`;
    if (seen.has(f.id)) out.push(issue([...base, 'sections', si, 'fields', fi, 'id'], 'duplicate-id', `字段 "${f.id}" 重复（已在分节"${seen.get(f.id)}"中）`, `duplicate field id "${f.id}" (already in section "${seen.get(f.id)}")`));
    else seen.set(f.id, where);
  }));
  for (const { field, path } of walkFields(form, base)) {
    for (const old of ('previousIds' in field ? field.previousIds ?? [] : [])) {
      if (fs.fields.has(old)) out.push(issue([...path, 'previousIds'], 'duplicate-id', `旧字段名 "${old}" 仍是本表单的字段`, `former id "${old}" is still a field of this form`));
    }
  }
  form.sections.forEach((section, si) => {
    if (section.visibleIf !== undefined) out.push(...checkExpression(section.visibleIf, fs, [...base, 'sections', si, 'visibleIf']));
  });
  for (const { field, path, table } of walkFields(form, base)) {
    const exprScope: ExpressionScope = table ? { ...fs, row: new Set(table.columns.map((c) => c.id)) } : fs;
    out.push(...checkField(field, path, exprScope, scope, form, table));
  }
  if (form.workflow && !workflowIds.has(form.workflow)) out.push(unknownRef([...base, 'workflow'], '流程', 'workflow', form.workflow, workflowIds));
  if (form.eventDateField) {
    const f = findField(form, form.eventDateField);
    if (!f) out.push(unknownRef([...base, 'eventDateField'], '字段', 'field', form.eventDateField, fs.fields));
    else if (f.type !== 'date' && f.type !== 'datetime') out.push(issue([...base, 'eventDateField'], 'wrong-type', `eventDateField 应为日期或日期时间字段，"${f.id}" 是 ${f.type}`, `eventDateField must be a date or datetime field; "${f.id}" is ${f.type}`));
  }
  if (form.titleField && !fs.fields.has(form.titleField)) out.push(unknownRef([...base, 'titleField'], '字段', 'field', form.titleField, fs.fields));
  if (form.meetingType && form.category !== 'meeting' && form.category !== 'training') out.push(issue([...base, 'meetingType'], 'not-applicable', 'meetingType 只用于会议类表单（category 为 meeting 或 training）', 'meetingType applies only to meeting forms (category meeting or training)'));
  return out;
}

function checkField(field: FieldDefinition | ColumnFieldDefinition, path: PathSegment[], exprScope: ExpressionScope, scope: PackScope, form: FormDefinition, table?: Extract<FieldDefinition, { type: 'table' }>): Located[] {
  const out: Located[] = [];
  const expr = (key: string, value: unknown) => { if (value !== undefined) out.push(...checkExpression(value, exprScope, [...path, key])); };
  expr('visibleIf', field.visibleIf);
  if (field.type === 'static') return out;
  expr('requiredIf', field.requiredIf);
  expr('readOnlyIf', field.readOnlyIf);
  if ('defaultExpr' in field) expr('defaultExpr', field.defaultExpr);
  field.rules?.forEach((rule, i) => out.push(...checkExpression(rule.assert, exprScope, [...path, 'rules', i, 'assert'])));
  if (field.type === 'computed') expr('expr', field.expr);
  if ('default' in field && field.default !== undefined && 'defaultExpr' in field && field.defaultExpr !== undefined) {
    out.push(issue([...path, 'defaultExpr'], 'conflict', 'default 与 defaultExpr 只能有一个', 'give either default or defaultExpr, not both'));
  }

  if (field.bind) {
    const bound = scope.dictionary.get(field.bind);
    if (!bound) out.push(unknownRef([...path, 'bind'], '字典键', 'dictionary key', field.bind, scope.dictionary.keys()));
    else {
      const allowed = BINDABLE[field.type] ?? [];
      if (!allowed.includes(bound.entry.type)) {
        out.push(issue([...path, 'bind'], 'bind-type', `${field.type} 字段不能绑定 ${bound.entry.type} 类型的字典键 "${field.bind}"`, `a ${field.type} field cannot bind the ${bound.entry.type} dictionary key "${field.bind}"`));
      }
    }
  }

  if (CHOICE_TYPES.has(field.type)) {
    const f = field as Extract<FieldDefinition, { type: 'select' | 'radio' | 'multiselect' | 'checkboxes' }>;
    let values: string[] | undefined;
    if (f.options && f.optionSet) out.push(issue([...path, 'optionSet'], 'conflict', 'options 与 optionSet 只能有一个', 'give either options or optionSet, not both'));
    else if (!f.options && !f.optionSet) {
      const bound = f.bind ? scope.dictionary.get(f.bind)?.entry.optionSet : undefined;
      if (bound && scope.optionSets.has(bound)) values = scope.optionSets.get(bound)!.set.options.map((o) => o.value);
      else out.push(issue([...path, 'options'], 'missing', `${f.type} 字段需要 options 或 optionSet`, `a ${f.type} field needs options or an optionSet`));
    }
    if (f.options) {
      out.push(...duplicates(f.options, (o) => o.value, [...path, 'options'], '选项值', 'option value', 'value'));
      values = f.options.map((o) => o.value);
    } else if (f.optionSet) {
      const set = scope.optionSets.get(f.optionSet);
      if (!set) out.push(unknownRef([...path, 'optionSet'], '选项集', 'option set', f.optionSet, scope.optionSets.keys()));
      else values = set.set.options.map((o) => o.value);
    }
    if (values && f.default !== undefined) {
      const defaults = Array.isArray(f.default) ? f.default : [f.default];
      defaults.forEach((d, i) => {
        if (!values!.includes(d) && !('allowOther' in f && f.allowOther)) out.push(issue(Array.isArray(f.default) ? [...path, 'default', i] : [...path, 'default'], 'unknown-option', `默认值 "${d}" 不在选项中`, `default "${d}" is not one of the options`));
      });
    }
    if ((f.type === 'multiselect' || f.type === 'checkboxes') && f.minSelected !== undefined && f.maxSelected !== undefined && f.minSelected > f.maxSelected) {
      out.push(issue([...path, 'minSelected'], 'range', 'minSelected 大于 maxSelected', 'minSelected is greater than maxSelected'));
    }
  }

  switch (field.type) {
    case 'text':
      if (field.pattern !== undefined) {
        const re = compilePattern(field.pattern);
        if (!re.ok) out.push(issue([...path, 'pattern'], 'bad-pattern', re.message, re.messageEn));
      }
      if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) out.push(issue([...path, 'minLength'], 'range', 'minLength 大于 maxLength', 'minLength is greater than maxLength'));
      break;
    case 'textarea':
      if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) out.push(issue([...path, 'minLength'], 'range', 'minLength 大于 maxLength', 'minLength is greater than maxLength'));
      break;
    case 'number':
    case 'score': {
      const min = field.min, max = field.max;
      if (min !== undefined && max !== undefined && min >= max) out.push(issue([...path, 'min'], 'range', `最小值 ${min} 应小于最大值 ${max}`, `min ${min} must be less than max ${max}`));
      if (field.default !== undefined && ((min !== undefined && field.default < min) || (max !== undefined && field.default > max))) out.push(issue([...path, 'default'], 'range', '默认值超出范围', 'default is out of range'));
      break;
    }
    case 'date':
      if (field.min && field.max && field.min > field.max) out.push(issue([...path, 'min'], 'range', '最早日期晚于最晚日期', 'min is after max'));
      break;
    case 'person':
    case 'people': {
      const roster = field.roster ?? 'deputies';
      if (!scope.rosters.has(roster) && !(field.roster === undefined && field.allowFreeText)) {
        out.push(field.roster ? unknownRef([...path, 'roster'], '名册', 'roster', roster, scope.rosters.keys())
          : issue([...path], 'unknown-reference', '未指定名册（roster），且本包及其依赖中没有名为 "deputies" 的名册', 'no roster is named and there is no "deputies" roster in this pack or its dependencies'));
      }
      if (field.type === 'person' && field.rosterFill) {
        const rosterForm = scope.forms.get(scope.rosters.get(roster)?.roster.form ?? '')?.form;
        const sourceFields = rosterForm ? formScope(rosterForm).fields : undefined;
        for (const [target, source] of Object.entries(field.rosterFill)) {
          const t = table ? undefined : findField(form, target);
          if (table) out.push(issue([...path, 'rosterFill'], 'wrong-type', 'rosterFill 只能用于表单顶层的人员字段，不能用于表格列', 'rosterFill is for a person field of the form, not a table column'));
          else if (!t) out.push(unknownRef([...path, 'rosterFill', target], '字段', 'field', target, exprScope.fields));
          else if (!['text', 'textarea', 'number', 'date', 'datetime', 'select', 'radio', 'phone', 'idcard'].includes(t.type)) out.push(issue([...path, 'rosterFill', target], 'wrong-type', `rosterFill 的目标 "${target}" 应为可填写的单值字段，"${target}" 是 ${t.type}`, `the rosterFill target "${target}" must be a single-value field; it is ${t.type}`));
          if (sourceFields && !sourceFields.has(source)) out.push(unknownRef([...path, 'rosterFill', target], '字段', 'field', source, sourceFields));
          if (table) break;
        }
      }
      if (field.type === 'people' && field.min !== undefined && field.max !== undefined && field.min > field.max) out.push(issue([...path, 'min'], 'range', 'min 大于 max', 'min is greater than max'));
      break;
    }
    case 'signature':
      if (field.signerField) {
        const sibling = table ? table.columns.find((c) => c.id === field.signerField) : findField(form, field.signerField);
        if (!sibling) out.push(unknownRef([...path, 'signerField'], '字段', 'field', field.signerField, table ? table.columns.map((c) => c.id) : exprScope.fields));
        else if (sibling.type !== 'person' && sibling.type !== 'text') out.push(issue([...path, 'signerField'], 'wrong-type', `signerField 应为人员或文本字段，"${sibling.id}" 是 ${sibling.type}`, `signerField must be a person or text field; "${sibling.id}" is ${sibling.type}`));
      }
      break;
    case 'ratingMatrix':
      out.push(...duplicates(field.criteria, (c) => c.id, [...path, 'criteria'], '评议项', 'criterion'));
      out.push(...duplicates(field.scale, (s) => s.value, [...path, 'scale'], '分值', 'scale value', 'value'));
      break;
    case 'table':
      out.push(...duplicates(field.columns, (c) => c.id, [...path, 'columns'], '列', 'column'));
      if (field.minRows !== undefined && field.maxRows !== undefined && field.minRows > field.maxRows) out.push(issue([...path, 'minRows'], 'range', 'minRows 大于 maxRows', 'minRows is greater than maxRows'));
      break;
    default:
      break;
  }
  return out;
}

function checkRoster(roster: RosterDefinition, base: PathSegment[], scope: PackScope): Located[] {
  const form = scope.forms.get(roster.form)?.form;
  if (!form) return [unknownRef([...base, 'form'], '表单', 'form', roster.form, scope.forms.keys())];
  const fields = formScope(form).fields;
  const out: Located[] = [];
  if (!fields.has(roster.nameField)) out.push(unknownRef([...base, 'nameField'], '字段', 'field', roster.nameField, fields));
  for (const [k, v] of Object.entries(roster.fields ?? {})) {
    if (v !== undefined && !fields.has(v)) out.push(unknownRef([...base, 'fields', k], '字段', 'field', v, fields));
  }
  return out;
}

function checkWorkflow(wf: NonNullable<PackDefinition['workflows']>[number], base: PathSegment[], scope: PackScope, pack: PackDefinition): Located[] {
  const out: Located[] = [];
  const forms: FormDefinition[] = [];
  out.push(...duplicates(wf.forms, (f) => f, [...base, 'forms'], '表单', 'form', null));
  wf.forms.forEach((id, i) => {
    const form = (pack.forms ?? []).find((f) => f.id === id);
    if (!form) out.push(unknownRef([...base, 'forms', i], '表单', 'form', id, (pack.forms ?? []).map((f) => f.id)));
    else if (form.workflow !== wf.id) out.push(issue([...base, 'forms', i], 'not-linked', `表单 "${form.id}" 的 workflow 不是 "${wf.id}"（应在表单中写 "workflow": "${wf.id}"）`, `form "${form.id}" does not name this workflow (add "workflow": "${wf.id}" to the form)`));
    else forms.push(form);
  });
  // Guards and required fields must make sense for every form the workflow serves.
  const scopes = forms.map(formScope);
  const fs: ExpressionScope | undefined = scopes.length === 0 ? undefined : {
    fields: new Set([...scopes[0]!.fields].filter((f) => scopes.every((sc) => sc.fields.has(f)))),
    tables: scopes[0]!.tables,
  };

  out.push(...duplicates(wf.states, (s) => s.id, [...base, 'states'], '状态', 'state'));
  out.push(...duplicates(wf.transitions, (t) => t.id, [...base, 'transitions'], '流转', 'transition'));
  out.push(...duplicates(wf.roles, (r) => r.id, [...base, 'roles'], '角色', 'role'));
  const states = new Set(wf.states.map((s) => s.id));
  const roles = new Set((wf.roles ?? []).map((r) => r.id));
  if (!states.has(wf.initial)) out.push(unknownRef([...base, 'initial'], '状态', 'state', wf.initial, states));

  const next = new Map<string, Set<string>>();
  wf.transitions.forEach((t, ti) => {
    const tp = [...base, 'transitions', ti];
    t.from.forEach((f, fi) => {
      if (!states.has(f)) out.push(unknownRef([...tp, 'from', fi], '状态', 'state', f, states));
      else {
        if (!next.has(f)) next.set(f, new Set());
        next.get(f)!.add(t.to);
      }
    });
    if (!states.has(t.to)) out.push(unknownRef([...tp, 'to'], '状态', 'state', t.to, states));
    t.roles?.forEach((r, ri) => { if (!roles.has(r)) out.push(unknownRef([...tp, 'roles', ri], '角色', 'role', r, roles)); });
    if (fs) {
      t.requires?.forEach((f, fi) => { if (!fs.fields.has(f)) out.push(unknownRef([...tp, 'requires', fi], '字段', 'field', f, fs.fields)); });
      if (t.guard !== undefined) out.push(...checkExpression(t.guard, fs, [...tp, 'guard']));
    }
    t.requiresForms?.forEach((f, fi) => {
      if (!scope.forms.has(f)) out.push(unknownRef([...tp, 'requiresForms', fi], '表单', 'form', f, scope.forms.keys()));
    });
  });

  const finals = wf.states.filter((s) => s.final).map((s) => s.id);
  if (finals.length === 0) out.push(issue([...base, 'states'], 'no-final-state', '流程没有结束状态（至少一个状态需 "final": true）', 'the workflow has no final state (mark at least one state "final": true)'));
  // Reachable from the initial state.
  const reachable = new Set<string>();
  if (states.has(wf.initial)) {
    const queue = [wf.initial];
    while (queue.length) {
      const s = queue.shift()!;
      if (reachable.has(s)) continue;
      reachable.add(s);
      for (const n of next.get(s) ?? []) if (states.has(n)) queue.push(n);
    }
  }
  // States from which a final state can be reached.
  const prev = new Map<string, Set<string>>();
  for (const [from, tos] of next) for (const to of tos) {
    if (!prev.has(to)) prev.set(to, new Set());
    prev.get(to)!.add(from);
  }
  const canFinish = new Set<string>();
  const queue = [...finals];
  while (queue.length) {
    const s = queue.shift()!;
    if (canFinish.has(s)) continue;
    canFinish.add(s);
    for (const p of prev.get(s) ?? []) queue.push(p);
  }
  wf.states.forEach((s, si) => {
    const sp = [...base, 'states', si];
    if (states.has(wf.initial) && !reachable.has(s.id)) out.push(issue([...sp, 'id'], 'unreachable-state', `状态 "${s.id}"（${s.label}）从初始状态无法到达`, `state "${s.id}" (${s.labelEn ?? s.label}) cannot be reached from the initial state`));
    else if (!s.final && !(next.get(s.id)?.size)) out.push(issue([...sp, 'id'], 'dead-end-state', `状态 "${s.id}"（${s.label}）不是结束状态，却没有任何流转可以离开`, `state "${s.id}" (${s.labelEn ?? s.label}) is not final but no transition leaves it`));
    else if (finals.length > 0 && !s.final && !canFinish.has(s.id)) out.push(issue([...sp, 'id'], 'dead-end-state', `从状态 "${s.id}"（${s.label}）无法到达任何结束状态`, `no final state can be reached from state "${s.id}" (${s.labelEn ?? s.label})`));
    if (s.due) {
      if (s.due.days === undefined && s.due.workdays === undefined && s.due.months === undefined) out.push(issue([...sp, 'due'], 'missing', '期限需要 days、workdays 或 months 之一', 'a due period needs days, workdays or months'));
      if (s.due.from !== undefined && !states.has(s.due.from)) out.push(unknownRef([...sp, 'due', 'from'], '状态', 'state', s.due.from, states));
    }
  });
  wf.migrations?.forEach((m, mi) => {
    const mp = [...base, 'migrations', mi];
    if (m.fromVersion >= wf.version) out.push(issue([...mp, 'fromVersion'], 'range', `fromVersion ${m.fromVersion} 应小于当前版本 ${wf.version}`, `fromVersion ${m.fromVersion} must be less than the current version ${wf.version}`));
    for (const [old, to] of Object.entries(m.states)) {
      if (!states.has(to)) out.push(unknownRef([...mp, 'states', old], '状态', 'state', to, states));
    }
  });
  return out;
}

const MATCH_PATTERN = /^(\*|https?|file):\/\/(\*|(\*\.)?[^/*:]+)(:(\d+|\*))?\/.*$/;
const ORIGIN = /^https?:\/\/(\*\.)?[^/*:]+(:\d+)?$/;

/** Resolves `table.column` or `field` in a form. */
function formFieldPath(form: FormDefinition, ref: string): FieldDefinition | ColumnFieldDefinition | undefined {
  const [head, col] = ref.split('.');
  const f = findField(form, head ?? '');
  if (!f) return undefined;
  if (col === undefined) return f;
  return f.type === 'table' ? f.columns.find((c) => c.id === col) : undefined;
}

function checkPortal(portal: NonNullable<PackDefinition['portals']>[number], base: PathSegment[], scope: PackScope): Located[] {
  const out: Located[] = [];
  const form = portal.form ? scope.forms.get(portal.form)?.form : undefined;
  if (portal.form && !form) out.push(unknownRef([...base, 'form'], '表单', 'form', portal.form, scope.forms.keys()));
  portal.match.forEach((m, i) => {
    if (m !== '<all_urls>' && !MATCH_PATTERN.test(m)) out.push(issue([...base, 'match', i], 'bad-pattern', `网址匹配模式无效 "${m}"（例如 https://oa.example.gov.cn/rd/*）`, `invalid URL match pattern "${m}" (e.g. https://oa.example.gov.cn/rd/*)`));
    // An origin or a path under one (issue 13 part 4): a wildcard scheme, host or port
    // (https://*.gov.cn/*) would let one pack claim every portal of a whole domain.
    if (m === '<all_urls>' || /^\*:|^[a-z]+:\/\/[^/]*\*/.test(m)) out.push(issue([...base, 'match', i], 'too-broad', `匹配模式过宽 "${m}"：门户映射必须指明具体的门户网址（网址的协议、主机和端口中不能有 *）`, `pattern too broad "${m}": a portal mapping must name its portal (no * in scheme, host or port)`));
  });
  portal.frames?.forEach((f, i) => {
    if (!ORIGIN.test(f.origin)) out.push(issue([...base, 'frames', i, 'origin'], 'bad-origin', `来源无效 "${f.origin}"（例如 https://form.example.gov.cn）`, `invalid origin "${f.origin}" (e.g. https://form.example.gov.cn)`));
  });
  portal.fields?.forEach((f, i) => {
    const fp = [...base, 'fields', i];
    const sources = [f.key, f.field, f.derive].filter((x) => x !== undefined).length;
    if (sources !== 1 && !(sources === 0 && f.skip)) out.push(issue(fp, 'key-or-field', '每项需要 key（字典键）、field（表单字段）或 derive（推导）之一', 'each entry needs exactly one of key (dictionary key), field (form field) or derive (derivation)'));
    if (f.derive) {
      out.push(...checkDerivation(f.derive, [...fp, 'derive'], scope));
      if (!f.locator) out.push(issue([...fp, 'locator'], 'needs-locator', '推导项需要 locator 指明填入哪个门户控件', 'a derived entry needs a locator naming the portal control'));
    }
    if (f.key !== undefined && !scope.dictionary.has(f.key)) out.push(unknownRef([...fp, 'key'], '字典键', 'dictionary key', f.key, scope.dictionary.keys()));
    if (f.field !== undefined) {
      if (!portal.form) out.push(issue([...fp, 'field'], 'needs-form', '使用 field 时映射需要指定 form', 'a mapping that names fields needs a form'));
      else if (form && !formFieldPath(form, f.field)) out.push(unknownRef([...fp, 'field'], '字段', 'field', f.field, formScope(form).fields));
    }
    if (f.widget !== undefined && scope.widgets && !scope.widgets.has(f.widget)) out.push(issue([...fp, 'widget'], 'unknown-widget', `未知控件 "${f.widget}"（可用：${[...scope.widgets].join('、')}）`, `unknown widget "${f.widget}" (known: ${[...scope.widgets].join(', ')})`));
    if (f.locator && !f.locator.label && !f.locator.selector && !f.locator.name) out.push(issue([...fp, 'locator'], 'empty-locator', '定位器需要 label、selector 或 name', 'a locator needs label, selector or name'));
  });
  portal.tables?.forEach((t, i) => {
    if (!portal.form) out.push(issue([...base, 'tables', i, 'field'], 'needs-form', '表格映射需要指定 form', 'table mappings need a form'));
    else if (form) {
      const f = findField(form, t.field);
      if (!f) out.push(unknownRef([...base, 'tables', i, 'field'], '字段', 'field', t.field, formScope(form).fields));
      else if (f.type !== 'table' && f.type !== 'people') out.push(issue([...base, 'tables', i, 'field'], 'wrong-type', `"${t.field}" 不是表格或人员列表字段`, `"${t.field}" is not a table or people field`));
    }
  });
  return out;
}

/** Source types each derivation reads. */
const DERIVE_SOURCES: Record<string, readonly DictionaryType[]> = {
  count: ['people', 'table', 'multienum', 'person'],
  people: ['people', 'person'],
  lines: ['table'],
  datePart: ['date', 'datetime'],
  join: ['text', 'textarea', 'number', 'date', 'datetime', 'enum', 'multienum', 'boolean', 'phone', 'idcard', 'person', 'people'],
  levels: ['text', 'enum'],
  sum: ['table'],
  range: ['date', 'datetime', 'text'],
};

/** A derivation reads stored keys of the right types (never another derivation: one bounded step). */
function checkDerivation(d: Derivation, path: PathSegment[], scope: PackScope, self?: string, ownForms: readonly FormDefinition[] = []): Located[] {
  const out: Located[] = [];
  const op = Object.keys(d).find((k) => k in DERIVE_SOURCES)!;
  const at = (i: number): PathSegment[] => (Array.isArray((d as Record<string, unknown>)[op]) ? [...path, op, i] : [...path, op]);
  derivationSources(d).forEach((key, i) => {
    const src = scope.dictionary.get(key);
    if (!src) { out.push(unknownRef(at(i), '字典键', 'dictionary key', key, scope.dictionary.keys())); return; }
    if (key === self || src.entry.derive) { out.push(issue(at(i), 'derive-chain', `"${key}" 本身是推导键：推导只能读取记录中存储的键`, `"${key}" is itself derived: derivations read stored keys only`)); return; }
    const ok = DERIVE_SOURCES[op]!;
    if (!ok.includes(src.entry.type)) out.push(issue(at(i), 'derive-source', `${op} 不能读取 ${src.entry.type} 类型的字典键 "${key}"（可用：${ok.join('、')}）`, `${op} cannot read the ${src.entry.type} dictionary key "${key}" (takes ${ok.join(', ')})`));
  });
  if ('sum' in d) {
    // the column must be a number column of every form table that stores the key
    const forms = new Set([...[...scope.forms.values()].map((f) => f.form), ...ownForms]);
    for (const form of forms) {
      for (const s of form.sections) for (const f of s.fields) {
        if (f.type !== 'table' || f.bind !== d.sum) continue;
        const col = f.columns.find((c) => c.id === d.column);
        if (!col) out.push(unknownRef([...path, 'column'], '表格列', 'table column', d.column, f.columns.map((c) => c.id)));
        else if (col.type !== 'number' && col.type !== 'score') out.push(issue([...path, 'column'], 'derive-source', `sum 只能相加数字列，表单 ${form.id} 的列 "${d.column}" 是 ${col.type}`, `sum adds number columns only; column "${d.column}" of form ${form.id} is ${col.type}`));
      }
    }
  }
  if ('lines' in d) {
    // the columns must exist in every form table that stores the key (when such a form is in scope)
    const forms = new Set([...[...scope.forms.values()].map((f) => f.form), ...ownForms]);
    for (const form of forms) {
      for (const s of form.sections) for (const f of s.fields) {
        if (f.type !== 'table' || f.bind !== d.lines) continue;
        d.columns.forEach((c, i) => {
          if (!f.columns.some((col) => col.id === c)) out.push(unknownRef([...path, 'columns', i], '表格列', 'table column', c, f.columns.map((col) => col.id)));
        });
      }
    }
  }
  return out;
}

/** Which field types each template slot accepts. */
const TEMPLATE_SLOTS: Record<string, Record<string, readonly string[]>> = {
  title: { field: ['text', 'textarea', 'computed'] },
  attendance: { present: ['people', 'table'], absent: ['people', 'table'], attending: ['people', 'table'] },
  basics: { time: ['datetime', 'date', 'text'], place: ['text', 'textarea'], chair: ['person', 'text'], recorder: ['person', 'text'] },
  agenda: { field: ['table', 'textarea', 'text'] },
  discussion: { field: ['textarea', 'table', 'text'] },
  decisions: { field: ['table', 'textarea'] },
  votes: { field: ['table'] },
  signin: { field: ['table', 'people'] },
  text: { field: ['text', 'textarea', 'table'] },
  signatures: { chair: ['signature'], recorder: ['signature'] },
  distribution: { field: ['text', 'textarea', 'multiselect', 'checkboxes'] },
  date: { field: ['date', 'datetime'] },
};

function checkTemplate(tpl: NonNullable<PackDefinition['templates']>[number], base: PathSegment[], scope: PackScope): Located[] {
  const out: Located[] = [];
  const form = scope.forms.get(tpl.form)?.form;
  if (!form) return [unknownRef([...base, 'form'], '表单', 'form', tpl.form, scope.forms.keys())];
  const fields = formScope(form).fields;
  tpl.parts.forEach((part, pi) => {
    const slots = TEMPLATE_SLOTS[part.part] ?? {};
    for (const [slot, types] of Object.entries(slots)) {
      const ref = (part as Record<string, unknown>)[slot];
      if (typeof ref !== 'string') continue;
      const f = findField(form, ref);
      const p = [...base, 'parts', pi, slot];
      if (!f) out.push(unknownRef(p, '字段', 'field', ref, fields));
      else if (!types.includes(f.type)) out.push(issue(p, 'wrong-type', `"${ref}" 是 ${f.type} 字段，此处需要 ${types.join(' / ')}`, `"${ref}" is a ${f.type} field; this slot takes ${types.join(' / ')}`));
    }
  });
  return out;
}
