/**
 * The dictionary as the matcher sees it: every dictionary key under each way portals write
 * its label (its label, labelEn and synonyms, normalised), the options of its option set,
 * and the forms that bind it. Built once per set of packs.
 */
import type { DictionaryEntry, FormDefinition, Option, PackDefinition, PortalMapping } from '../pack-schema.ts';
import { normalizeLabel } from '../labels.ts';
import type { ScannedLabel } from './types.ts';

export interface AutofillContext {
  entries: ReadonlyMap<string, DictionaryEntry>;
  /** normalised label → keys whose label (tier 0) or synonym (tier 1) it is. */
  labels: ReadonlyMap<string, { key: string; tier: 0 | 1 }[]>;
  forms: ReadonlyMap<string, FormDefinition>;
  portals: ReadonlyMap<string, PortalMapping>;
  optionsOf(key: string): readonly Option[] | undefined;
  /** The options of an option set of the packs, by its id (a table column's `optionSet`). */
  optionSet(id: string): readonly Option[] | undefined;
}

export function buildAutofillContext(packs: readonly PackDefinition[]): AutofillContext {
  const entries = new Map<string, DictionaryEntry>();
  const labels = new Map<string, { key: string; tier: 0 | 1 }[]>();
  const sets = new Map<string, Option[]>();
  const forms = new Map<string, FormDefinition>();
  const portals = new Map<string, PortalMapping>();
  const fieldOptions = new Map<string, Option[]>();
  for (const p of packs) {
    for (const s of p.optionSets ?? []) sets.set(s.id, s.options);
    for (const f of p.forms ?? []) forms.set(f.id, f);
    for (const m of p.portals ?? []) portals.set(m.id, m);
    for (const d of p.dictionary ?? []) entries.set(d.key, d);
  }
  const put = (n: string, key: string, tier: 0 | 1) => {
    if (!n) return;
    const list = labels.get(n) ?? [];
    const existing = list.find((e) => e.key === key);
    if (existing) { if (tier < existing.tier) existing.tier = tier; return; }
    list.push({ key, tier });
    labels.set(n, list);
  };
  // indexed as written and without 的/之, since portals write 代表的姓名 as often as 代表姓名
  const add = (text: string, key: string, tier: 0 | 1) => {
    const n = normalizeLabel(text);
    put(n, key, tier);
    put(withoutParticles(n), key, tier);
  };
  for (const d of entries.values()) {
    add(d.label, d.key, 0);
    if (d.labelEn) add(d.labelEn, d.key, 1);
    for (const s of d.synonyms ?? []) add(s, d.key, 1);
  }
  // Options of enum keys without an option set come from the forms that bind them. The label a
  // built-in form shows for a field (主要内容 for 反映内容, 检查日期 for 视察日期) is how paper
  // forms and portals of that record kind name it: a synonym of the key it binds.
  for (const f of forms.values()) {
    for (const section of f.sections) {
      for (const field of section.fields) {
        if (field.type === 'static' || !field.bind) continue;
        const fl = field as { label?: string; labelEn?: string };
        if (fl.label && entries.has(field.bind)) add(fl.label, field.bind, 1);
        const fo = field as { options?: Option[]; optionSet?: string };
        const opts = fo.options ?? (fo.optionSet ? sets.get(fo.optionSet) : undefined);
        if (opts && !fieldOptions.has(field.bind)) fieldOptions.set(field.bind, opts);
      }
    }
  }
  return {
    entries, labels, forms, portals,
    optionSet: (id) => sets.get(id),
    optionsOf(key) {
      const e = entries.get(key);
      if (e?.optionSet) return sets.get(e.optionSet);
      return fieldOptions.get(key);
    },
  };
}

const PROMPT_PREFIX = /^(请输入|请选择|请填写|请上传|输入|选择|填写)/u;
// (必填) (选填) (元) (人) (格式:年-月-日): notes after the name, never part of it
const TRAILING_NOTE = /[（(【\[][^（）()【】\[\]]*[)）】\]]$/u;
const PARTICLES = /(?<=\p{Script=Han})[的之](?=\p{Script=Han})/gu;
// 和/及/与/、 joining two words of two characters or more (意见和建议, 问题及原因): only between
// whole words, so 及时 or 参与 inside a word of their own are not cut
const CONJUNCTIONS = /(?<=\p{Script=Han}{2})[和及与、](?=\p{Script=Han}{2})/gu;

/**
 * 代表的姓名 → 代表姓名, 主要意见和建议 → 主要意见建议: the connecting 的/之, and the 和/及/与/、
 * joining two words, do not change the field (portals write 意见建议, 意见和建议 and 意见及建议).
 */
export function withoutParticles(normalised: string): string {
  return normalised.replace(PARTICLES, '').replace(CONJUNCTIONS, '');
}

/** 主要 before a word for what was said or found (see labelVariants). */
const MAIN_BEFORE_CONTENT = /主要(?=问题|诉求|内容|情况|事实|意见|建议|做法|成效|经验|措施)/u;

/** The forms a label is tried in: as normalised, then without a prompt prefix or a trailing note. */
export function labelVariants(text: string): string[] {
  const out: string[] = [];
  const push = (s: string) => { if (s && !out.includes(s)) out.push(s); };
  const n = normalizeLabel(text);
  push(n);
  const noPrompt = n.replace(PROMPT_PREFIX, '');
  push(noPrompt);
  let stripped = noPrompt;
  while (TRAILING_NOTE.test(stripped)) stripped = stripped.replace(TRAILING_NOTE, '');
  push(stripped);
  // 姓名/名称 written with a trailing 。or ；
  const bare = stripped.replace(/[。；;.,，]+$/u, '');
  push(bare);
  push(withoutParticles(bare));
  // 存在 in front of the problems says they are there, not which field it is: 存在问题及原因 =
  // 问题及原因, 存在的不足 = 不足 (as 的 above, tried after the label's own forms)
  for (const v of [...out]) if (/^存在的?(问题|困难|不足)/u.test(v)) push(withoutParticles(v.replace(/^存在的?/u, '')));
  // 主要 before what was said or found says which part matters, not which field: 反映的主要问题及诉求
  // = 反映问题及诉求, 主要做法 = 做法 (only before such words: 主要负责人 is a person of its own)
  for (const v of [...out]) if (MAIN_BEFORE_CONTENT.test(v)) push(withoutParticles(v.replace(MAIN_BEFORE_CONTENT, '')));
  // words of this field that portals use for one another, tried last: 信访 is the umbrella of
  // 来信 and 来访 (信访日期 is a 来信日期 or a 来访日期), and an office is its 单位 or its 部门
  // (转送单位 = 转送部门, 承办部门 = 承办单位)
  // (a worklist: a variant's own variants are tried too — 检查名称 → 视察名称 → 视察主题)
  for (let i = 0; i < out.length && i < 24; i++) {
    const v = out[i]!;
    // 视察, 执法检查 and 专题调研 are all inspections: 检查类型 and 调研地点 are 视察类型, 视察地点
    const kind = /^(执法检查|检查|调研)(\p{Script=Han}{2,})$/u.exec(v);
    if (kind) push(`视察${kind[2]}`);
    if (v.includes('信访')) { push(v.replace('信访', '来访')); push(v.replace('信访', '来信')); }
    // 时段 is how forms shorten 时间段 (提出时段 = 提出时间段)
    if (/时段$/u.test(v)) push(v.replace(/时段$/u, '时间段'));
    else if (/时间段$/u.test(v)) push(v.replace(/时间段$/u, '时段'));
    if (/单位$/u.test(v)) push(v.replace(/单位$/u, '部门'));
    else if (/部门$/u.test(v)) push(v.replace(/部门$/u, '单位'));
    // an activity's name is its 主题 or 题目 as often as its 名称 (评议主题 = 评议名称,
    // 视察题目 = 视察主题); only after a word naming the activity, never a bare 主题
    if (/^\p{Script=Han}{2,}(主题|题目)$/u.test(v)) push(v.replace(/(主题|题目)$/u, '名称'));
    else if (/^\p{Script=Han}{2,}名称$/u.test(v)) push(v.replace(/名称$/u, '主题'));
  }
  return out;
}

export type LabelMatch =
  | { kind: 'match'; key: string; via: 'label' | 'synonym'; label: string }
  | { kind: 'ambiguous'; keys: string[]; label: string }
  | { kind: 'none'; label: string; keys?: string[] };

/**
 * Matches a control's labels to one dictionary key. Labels are tried most trustworthy first;
 * the first label that names any key decides. Among the keys it names, only those in `scope`
 * (the keys the record has values for, or the keys of the form) count; tier-0 keys (the
 * dictionary label itself) win over synonyms. Two keys left → ambiguous; none → none.
 */
export function matchLabels(ctx: AutofillContext, labels: readonly ScannedLabel[], scope?: ReadonlySet<string>): LabelMatch {
  const first = labels.find((l) => l.source !== 'name')?.text ?? '';
  // A label that names only keys the record lacks does not end the search: the next label (or
  // a shorter form of this one) may name a key it holds (联系电话 for a landline the record
  // lacks, with 请输入手机号码 as placeholder). It is reported only when nothing else matches.
  let lacking: { label: string; keys: string[] } | undefined;
  for (const l of labels) {
    if (l.source === 'name') continue;
    if (isWidgetPrompt(l)) continue;
    for (const variant of labelVariants(l.text)) {
      const hits = ctx.labels.get(variant);
      if (!hits || hits.length === 0) continue;
      const inScope = scope ? hits.filter((h) => scope.has(h.key)) : hits;
      if (inScope.length === 0) { lacking ??= { label: l.text, keys: [...hits].sort((a, b) => a.tier - b.tier).map((h) => h.key) }; continue; }
      const best = Math.min(...inScope.map((h) => h.tier));
      const top = inScope.filter((h) => h.tier === best);
      if (top.length === 1) return { kind: 'match', key: top[0]!.key, via: best === 0 ? 'label' : 'synonym', label: l.text };
      return { kind: 'ambiguous', keys: top.map((h) => h.key), label: l.text };
    }
  }
  if (lacking) {
    const held = heldOfSameKind(ctx, lacking.keys, scope);
    if (held) return { kind: 'match', key: held, via: 'synonym', label: lacking.label };
    return { kind: 'none', label: lacking.label, keys: lacking.keys };
  }
  return { kind: 'none', label: first };
}

/**
 * Value types that name one thing of the person a record is about: a record holds one ID card
 * number, whichever form's key it sits under (公民身份号码 of a deputy, 信访人身份证号码 of a
 * visitor). A label naming only lacking keys of such a type (证件号码, a synonym of the deputy's)
 * takes the one key of that type the record holds.
 */
const ONE_PER_RECORD = new Set(['idcard']);
function heldOfSameKind(ctx: AutofillContext, lacking: readonly string[], scope: ReadonlySet<string> | undefined): string | undefined {
  if (!scope) return undefined;
  const types = new Set(lacking.map((k) => ctx.entries.get(k)?.type));
  if (types.size !== 1) return undefined;
  const type = [...types][0];
  if (!type || !ONE_PER_RECORD.has(type)) return undefined;
  const held = [...scope].filter((k) => ctx.entries.get(k)?.type === type);
  return held.length === 1 ? held[0] : undefined;
}

/**
 * A placeholder that only says what kind of widget the control is — the library's default
 * prompt (请选择日期, 选择时间, 请选择, Select date) — names no field: its 日期 would match any key
 * with 日期 as a synonym (印发日期 into 开始时间). Only placeholders and titles: a label 日期 is
 * the page's own word.
 */
const WIDGET_PROMPT = /^(请|)(选择|输入|填写|)(日期|时间|日期时间|日期和时间|年月|月份|年份|年|月|日|周|季度|时段|选项|内容|数字|数值|关键字|文件)?$/u;
const WIDGET_PROMPT_EN = /^(select|choose|pick|enter|please select|please enter)?\s*(a |an )?(date|time|datetime|date and time|month|year|week|quarter|option|value)?$/iu;
function isWidgetPrompt(l: ScannedLabel): boolean {
  if (l.source !== 'placeholder' && l.source !== 'title') return false;
  const t = l.text.replace(/[\s.…。:：]+/gu, ' ').trim();
  return WIDGET_PROMPT.test(t.replace(/\s+/g, '')) || WIDGET_PROMPT_EN.test(t);
}

/** The dictionary key a form field binds (`field` may be `table.column`, which binds nothing). */
/** The record field behind a dictionary key, as people read it. */
const namesOfKeyCache = new WeakMap<AutofillContext, Map<string, string[]>>();

/** Every normalised label (its own, synonyms, form labels) the dictionary indexes a key under. */
function namesOfKey(ctx: AutofillContext, key: string): readonly string[] {
  let byKey = namesOfKeyCache.get(ctx);
  if (!byKey) {
    byKey = new Map();
    for (const [text, hits] of ctx.labels) for (const h of hits) (byKey.get(h.key) ?? byKey.set(h.key, []).get(h.key)!).push(text);
    namesOfKeyCache.set(ctx, byKey);
  }
  return byKey.get(key) ?? [];
}

/**
 * A general label read with the field before it (承办人, then 联系电话): when the field before
 * names a person or an office and 承办人联系电话 (its name + this label) is the label of another
 * held key of the same kind, this field is that key — the phone beside 承办人 is the handler's,
 * not the deputy's the bare 联系电话 names. Undefined when no such key, or two, are held.
 */
export function qualifiedByPrevious(ctx: AutofillContext, label: string, key: string, previous: string | undefined, scope: ReadonlySet<string>): string | undefined {
  if (!previous || previous === key) return undefined;
  const kind = ctx.entries.get(key)?.type;
  const found = new Set<string>();
  for (const v of labelVariants(label)) {
    for (const q of namesOfKey(ctx, previous)) {
      for (const h of ctx.labels.get(q + v) ?? []) {
        // a derived key joins fields (工作单位 + 职务 = 单位及职务): never one field's qualified name
        const e = ctx.entries.get(h.key);
        if (h.key !== key && scope.has(h.key) && !!e && e.type === kind && !e.derive) found.add(h.key);
      }
    }
    if (found.size) break;
  }
  return found.size === 1 ? [...found][0] : undefined;
}

export function fieldWords(ctx: AutofillContext, key: string): { label: string; labelEn?: string } | undefined {
  const e = ctx.entries.get(key);
  if (!e) return undefined;
  return e.labelEn ? { label: e.label, labelEn: e.labelEn } : { label: e.label };
}

export function keyOfField(form: FormDefinition | undefined, field: string): string | undefined {
  if (!form) return undefined;
  for (const section of form.sections) {
    for (const f of section.fields) {
      if (f.type !== 'static' && f.id === field) return f.bind;
    }
  }
  return undefined;
}

/** Record values keyed by dictionary key → values keyed by the form's field ids (inverse of dictionaryView). */
export function formValuesFromDictionary(form: FormDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const section of form.sections) {
    for (const f of section.fields) {
      if (f.type === 'static' || !f.bind) continue;
      if (values[f.bind] !== undefined) out[f.id] = values[f.bind];
    }
  }
  return out;
}
