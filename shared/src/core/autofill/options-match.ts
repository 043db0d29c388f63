/**
 * Matching by a control's options when its label does not decide. A label such as 类别 or 类型
 * names no field by itself (every record kind has a kind): the dictionary gives it to whichever
 * key lists it as a synonym (测评人类别), which may not be the record's at all, while the radio
 * buttons beside it (建议 / 批评 / 意见) say plainly which of the record's keys the question is
 * about. So for a generic label, or a label that names several keys the record holds, the key
 * is the one held key whose option set contains every option the control shows — when exactly
 * one does. Pure: scan data and the dictionary in, a key (or nothing) out.
 */
import type { Option } from '../pack-schema.ts';
import { normalizeLabel } from '../labels.ts';
import { labelVariants, type AutofillContext } from './context.ts';
import type { ScannedControl, ScannedOption } from './types.ts';
import { isPromptOnly } from './words.ts';

/** Labels that say only "the kind of it": 类别, 类型, 种类, 分类, 性质… (also 所属类别, 类别名称). */
const GENERIC = /^(所属|选择|所在)?(类别|类型|种类|分类|性质|属性|类目|门类)(名称)?$/u;
/** One option says little (a lone radio 建议 is in several lists); a question shows at least two. */
const MIN_OPTIONS = 2;
/** Bounded work on page input: portals' own lists are short; a 3000-item list decides nothing here. */
const MAX_OPTIONS = 200;

/** Whether a control's label is one of the words that name no field by themselves. */
export function isGenericLabel(text: string): boolean {
  return labelVariants(text).some((v) => GENERIC.test(v));
}

/** Every way a set's option may be written on a page, normalised. */
function optionWords(options: readonly Option[]): Set<string> {
  const out = new Set<string>();
  for (const o of options) for (const w of [o.value, o.label, o.code, ...(o.synonyms ?? [])]) if (w) out.add(normalizeLabel(w));
  return out;
}

/** The options a control shows that are real choices (not 请选择 or an empty first entry). */
function shownOptions(c: ScannedControl): ScannedOption[] {
  return (c.options ?? []).slice(0, MAX_OPTIONS).filter((o) => o.text.trim() !== '' && !isPromptOnly(o.text));
}

/** The one key among `candidates` whose option set contains every option the control shows, if exactly one does. */
export function keyByOptions(ctx: AutofillContext, c: ScannedControl, candidates: Iterable<string>): string | undefined {
  const shown = shownOptions(c);
  if (shown.length < MIN_OPTIONS || (c.options?.length ?? 0) > MAX_OPTIONS) return undefined;
  const fits: string[] = [];
  for (const key of candidates) {
    const e = ctx.entries.get(key);
    if (!e || (e.type !== 'enum' && e.type !== 'multienum')) continue;
    const opts = ctx.optionsOf(key);
    if (!opts || opts.length === 0) continue;
    const words = optionWords(opts);
    if (shown.every((o) => words.has(normalizeLabel(o.text)))) fits.push(key);
    if (fits.length > 1) return undefined;
  }
  return fits[0];
}

/**
 * The held key a choice control is about when its label does not decide: the label is generic
 * (类别) — whatever key it matched — or it named several held keys. Undefined when the options
 * do not single one out either (the label's own answer stands).
 */
export function preferByOptions(ctx: AutofillContext, c: ScannedControl, scope: ReadonlySet<string>, ambiguousKeys?: readonly string[]): string | undefined {
  if (!c.options || c.options.length === 0) return undefined;
  if (ambiguousKeys && ambiguousKeys.length > 1) {
    const k = keyByOptions(ctx, c, ambiguousKeys.filter((x) => scope.has(x)));
    if (k) return k;
  }
  const label = c.labels.find((l) => l.source !== 'name' && l.source !== 'placeholder' && l.source !== 'title')?.text;
  if (label === undefined || !isGenericLabel(label)) return undefined;
  return keyByOptions(ctx, c, scope);
}
