/**
 * Record values → what a portal control takes, and back. Dates in any YYYY/M/D/HH/mm format,
 * options by value, text, synonym or code (and the portal mapping's own option texts),
 * checkbox groups, booleans as 是/否, people as joined names, files as data URLs.
 */
import type { DictionaryEntry, Option } from '../pack-schema.ts';
import { maskSensitive } from '../identity.ts';
import { normalizeLabel } from '../labels.ts';
import { pickNameVariant } from './names.ts';
import type { FillValue, ScannedControl, ScannedOption } from './types.ts';

export interface Transform {
  dateFormat?: string;
  options?: Record<string, string>;
  join?: string;
  /** The value is a region path (widest level first) from a `levels` derivation. */
  levels?: boolean;
}

// ---------------------------------------------------------------- dates

const TOKEN = /YYYY|yyyy|MM|M|DD|dd|D|d|HH|H|hh|mm|ss/g;

/** Normalises a date format (My97 `yyyy-MM-dd`, Element `YYYY-MM-DD`) to YYYY/MM/DD/HH/mm/ss tokens. */
export function normalizeDateFormat(format: string): string {
  return format.replace(TOKEN, (t) => ({ yyyy: 'YYYY', dd: 'DD', d: 'D', hh: 'HH', H: 'HH' } as Record<string, string>)[t] ?? t);
}

/** Whether `format` asks for a time of day (HH, mm, ss). */
export function formatHasTime(format: string): boolean {
  return /HH|mm|ss/.test(normalizeDateFormat(format));
}

/**
 * `2024-03-28` or `2024-03-28T09:00` written in `format` (YYYY, MM, M, DD, D, HH, mm, ss).
 * A date-time into a date-only format keeps the date. A format that asks for a time the value
 * does not hold gives undefined: a time is never invented (no `00:00`); seconds the value lacks
 * are the one part taken as :00, since portals that show seconds take whole minutes.
 */
export function formatDate(iso: string, format: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss] = m;
  if (hh === undefined && formatHasTime(format)) return undefined;
  const parts: Record<string, string> = {
    YYYY: y!, MM: mo!, M: String(Number(mo)), DD: d!, D: String(Number(d)), HH: hh ?? '', mm: mi ?? '', ss: ss ?? '00',
  };
  return normalizeDateFormat(format).replace(TOKEN, (t) => parts[t] ?? t);
}

/** Why a date value cannot be written in `format`, in plain words (undefined when it can). */
export function dateGap(iso: string, format: string): { zh: string; en: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return { zh: '记录中的值不是日期', en: 'the record’s value is not a date' };
  if (!/T\d{2}:\d{2}/.test(iso) && formatHasTime(format)) return { zh: '记录没有时间部分，门户要求填写时间', en: 'the record has no time, and the portal asks for one' };
  return undefined;
}

/**
 * Reads a date a portal shows back to `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm` when it has a time):
 * 2024-03-28, 2024/3/28, 2024.03.28, 2024年3月28日, 20240328, 2024-03 (→ first of the month
 * only when `allowMonth`).
 */
export function parseDate(text: string, allowMonth = false): string | undefined {
  const t = text.trim();
  const pad = (s: string) => s.padStart(2, '0');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?分?)?$/.exec(t);
  if (m) {
    const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    return m[4] ? `${date}T${pad(m[4])}:${m[5]}` : date;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (allowMonth) {
    m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
    if (m) return `${m[1]}-${pad(m[2]!)}`;
  }
  return undefined;
}

/** Guesses a format from a placeholder such as `YYYY-MM-DD`, `yyyy年mm月dd日` or `请选择月份`. */
export function formatFromHint(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  const h = hint.trim();
  const m = /[yY]{4}\s*[-/.年]\s*[mM]{1,2}(?:\s*[-/.月]\s*[dD]{1,2}日?)?(?:\s+[hH]{2}:[mM]{2}(?::[sS]{2})?)?月?/.exec(h);
  if (m) {
    // month tokens in placeholders are often lower-case `mm`; minutes only follow hours.
    const raw = m[0];
    const [datePart, timePart] = raw.split(/\s+/);
    const date = datePart!.replace(/[yY]{4}/, 'YYYY').replace(/[mM]{2}/, 'MM').replace(/(?<![mM])[mM](?![mM])/, 'M').replace(/[dD]{2}/, 'DD').replace(/(?<![dD])[dD](?![dD])/, 'D');
    return timePart ? `${date} ${timePart.replace(/[hH]{2}/, 'HH').replace(/:[mM]{2}/, ':mm').replace(/:[sS]{2}/, ':ss')}` : date;
  }
  if (/月份/.test(h)) return 'YYYY-MM';
  if (/年份/.test(h)) return 'YYYY';
  return undefined;
}

// ---------------------------------------------------------------- options

/** Every text the record's option value may appear as on a portal, the mapping's own text first. */
export function optionCandidates(value: string, options: readonly Option[] | undefined, transform?: Transform): string[] {
  const out: string[] = [];
  const push = (s: string | undefined) => { if (s && !out.includes(s)) out.push(s); };
  push(transform?.options?.[value]);
  const opt = options?.find((o) => o.value === value) ?? options?.find((o) => o.label === value || o.synonyms?.includes(value));
  push(value);
  if (opt) {
    push(opt.value);
    push(opt.label);
    for (const s of opt.synonyms ?? []) push(s);
    push(opt.code);
  }
  return out;
}

/** The option of a known list that one of the candidates names (by text, then value, normalised, then a unique longer or shorter form of the name). */
export function pickOption(candidates: readonly string[], options: readonly ScannedOption[]): ScannedOption | undefined {
  const n = (s: string) => normalizeLabel(s);
  for (const c of candidates) {
    const hit = options.find((o) => o.text.trim() === c) ?? options.find((o) => n(o.text) === n(c));
    if (hit) return hit;
  }
  for (const c of candidates) {
    const hit = options.find((o) => o.value === c);
    if (hit) return hit;
  }
  // an option written as its class and what it means (B类：正在解决或列入计划解决, 1、主动公开):
  // either part names it, when only one option has that part
  const parts = options.map((o) => CLASSED_OPTION.exec(o.text.trim()) ?? CLASSED_PAREN.exec(o.text.trim()));
  for (const c of candidates) {
    const hits = options.filter((_, i) => parts[i] && (n(parts[i]![1]!) === n(c) || n(parts[i]![2]!) === n(c)));
    if (hits.length === 1) return hits[0];
  }
  // the one option naming it with its place in front, or without (市场监督管理所 / 青山镇市场监督管理所)
  const v = pickNameVariant(candidates, options.map((o) => o.text));
  return v === undefined ? undefined : options[v];
}

/** `B类：正在解决…`, `1、主动公开`, `A. 已解决`: a short class (up to 4 characters) and its meaning. */
const CLASSED_OPTION = /^([^\s：:、.．]{1,4})\s*[：:、.．]\s*(\S.{0,80})$/u;
/** `A类（已解决或采纳）`: the class, its meaning in brackets. */
const CLASSED_PAREN = /^([^\s（()）]{1,4})\s*[（(]\s*([^（()）]{1,80}?)\s*[)）]$/u;

/** A portal's option text → the record's option value (read-back), through synonyms and codes. */
export function optionValueFromText(text: string, options: readonly Option[] | undefined, transform?: Transform): string {
  const t = text.trim();
  const reverse = Object.entries(transform?.options ?? {}).find(([, portal]) => portal === t);
  if (reverse) return reverse[0];
  if (!options) return t;
  const n = normalizeLabel(t);
  const opt = options.find((o) => o.value === t)
    ?? options.find((o) => o.label === t || o.code === t || (o.synonyms ?? []).includes(t))
    ?? options.find((o) => normalizeLabel(o.value) === n || (o.label && normalizeLabel(o.label) === n) || (o.synonyms ?? []).some((s) => normalizeLabel(s) === n));
  return opt ? opt.value : t;
}

const YES = ['是', '有', 'Yes', 'yes', 'Y', '1', 'true'];
const NO = ['否', '无', 'No', 'no', 'N', '0', 'false'];

// ---------------------------------------------------------------- conversion

function personName(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return undefined;
}

/** The record value as plain text (people joined, dates as in `format`, booleans 是/否). */
export function valueAsText(value: unknown, entry: DictionaryEntry | undefined, transform: Transform | undefined, format: string | undefined): string | undefined {
  const type = entry?.type;
  if (value === null || value === undefined) return undefined;
  if (type === 'date' || type === 'datetime') {
    if (typeof value !== 'string') return undefined;
    const f = transform?.dateFormat ?? format ?? entry?.format ?? (type === 'datetime' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
    // a date-only value asked with a time: write the date as held, never a made-up 00:00
    return formatDate(value, f) ?? formatDate(value, 'YYYY-MM-DD') ?? value;
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => personName(v) ?? (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined));
    if (parts.some((p) => p === undefined)) return undefined; // tables, attachments
    return parts.join(transform?.join ?? '、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return personName(value);
}

export type Conversion = { ok: true; value: FillValue; display: string } | { ok: false; reason: 'no-option' | 'unsupported' | 'no-value' | 'missing-part'; detail: string; detailEn?: string };

function dateFormatFor(control: ScannedControl, entry: DictionaryEntry | undefined, transform?: Transform): string {
  if (transform?.dateFormat) return transform.dateFormat;
  if (control.dateFormat) return control.dateFormat;
  if (control.inputType === 'date') return 'YYYY-MM-DD';
  if (control.inputType === 'datetime-local') return 'YYYY-MM-DDTHH:mm';
  if (control.inputType === 'month') return 'YYYY-MM';
  const hinted = control.labels.filter((l) => l.source === 'placeholder' || l.source === 'title').map((l) => formatFromHint(l.text)).find(Boolean);
  if (hinted) return hinted;
  // a read-only box, or a box a date picker draws, takes its date from the picker, which writes (and parses) the machine form;
  // the dictionary's format (2025年3月18日) is how a person writes it in free text
  if ((control.readOnly || control.inPicker) && (entry?.type === 'date' || entry?.type === 'datetime')) return entry.type === 'datetime' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD';
  return entry?.format ?? (entry?.type === 'datetime' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
}

const YES_WORD = /^(是|yes|true|有)$/i;
const NO_WORD = /^(否|no|false|无)$/i;
/**
 * true/false for a value of a yes/no option set: the key's options are exactly two, one a yes
 * word and one a no word (by value or text), and the value is one of them. Undefined otherwise.
 */
function yesNo(value: string, options: readonly Option[] | undefined): boolean | undefined {
  if (!options || options.length !== 2) return undefined;
  const word = (o: Option) => (YES_WORD.test(o.value) || YES_WORD.test(o.labelEn ?? '') ? true : NO_WORD.test(o.value) || NO_WORD.test(o.labelEn ?? '') ? false : undefined);
  const [a, b] = options.map(word);
  if (a === undefined || b === undefined || a === b) return undefined;
  const hit = options.find((o) => o.value === value || o.label === value);
  return hit ? word(hit) : undefined;
}

/** What a 是否X label asks: X (是否公开 → 公开). */
const askedOf = (label: string) => /^是否(\p{Script=Han}{1,12})$/u.exec(normalizeLabel(label))?.[1];

/**
 * A box that asks 是否X (是否公开 ☐) answered by the record's X (公开: ticked) or its negation
 * (不公开, 非公开, 未公开: cleared); any other value (依申请公开) answers nothing.
 */
function answers(control: ScannedControl, value: string): boolean | undefined {
  const v = normalizeLabel(value);
  for (const l of control.labels) {
    const x = askedOf(l.text);
    if (!x) continue;
    if (v === x) return true;
    if (v === `不${x}` || v === `非${x}` || v === `未${x}`) return false;
  }
  return undefined;
}

/** A 是否X box read back: ticked is the option X, cleared the option 不X / 非X / 未X, when the set has it. */
function answered(control: Pick<ScannedControl, 'labels'>, checked: boolean, options: readonly Option[] | undefined): string | undefined {
  for (const l of control.labels) {
    const x = askedOf(l.text);
    if (!x) continue;
    const want = checked ? [x] : [`不${x}`, `非${x}`, `未${x}`];
    const hit = options?.find((o) => want.includes(normalizeLabel(o.value)));
    if (hit) return hit.value;
  }
  return undefined;
}

/** A choice's label naming what its options are: the word and the kind (接待方式, 问题类别, 活动类型). */
const KIND_LABEL = /^(\p{Script=Han}{2,4}?)(方式|形式|类型|类别|种类|分类)$/u;

/**
 * The value as an option may write it with the word the label calls the options by after it:
 * 代表接待日 under 接待方式 is offered as 代表接待日接待, 环境保护 under 问题类别 as 环境保护类,
 * 视察 under 活动类型 as 视察活动. Tried after every form the dictionary knows, by exact text.
 */
export function kindWordForms(value: string, control: Pick<ScannedControl, 'labels'>): string[] {
  const out: string[] = [];
  if (!/\p{Script=Han}$/u.test(value)) return out;
  for (const l of control.labels) {
    if (l.source === 'placeholder' || l.source === 'name') continue;
    const m = KIND_LABEL.exec(normalizeLabel(l.text));
    if (!m) continue;
    const [, word, kind] = m;
    if (!value.endsWith(word!) && !out.includes(value + word)) out.push(value + word);
    if (kind!.includes('类') && !value.endsWith('类') && !out.includes(`${value}类`)) out.push(`${value}类`);
  }
  return out;
}

/** The texts a choice of `control` may offer the value as: the dictionary's forms, then the label's kind word forms. */
function choiceCandidates(value: string, options: readonly Option[] | undefined, transform: Transform | undefined, control: Pick<ScannedControl, 'labels'>): string[] {
  const cands = optionCandidates(value, options, transform);
  for (const f of kindWordForms(value, control)) if (!cands.includes(f)) cands.push(f);
  return cands;
}

/**
 * The 是 or 否 option of a choice that asks 是否X (是否公开 ○是 ○否), answering the record's X
 * (公开: 是) or its negation (不公开: 否) as a 是否X box is (see answers); only when the choice
 * offers exactly one yes word and one no word.
 */
function answerOption(control: ScannedControl, value: string): ScannedOption | undefined {
  const yes = answers(control, value);
  if (yes === undefined) return undefined;
  const yesOpts = control.options!.filter((o) => YES_WORD.test(o.text.trim()));
  const noOpts = control.options!.filter((o) => NO_WORD.test(o.text.trim()));
  if (yesOpts.length !== 1 || noOpts.length !== 1) return undefined;
  return yes ? yesOpts[0] : noOpts[0];
}

/** What separates the items of a list written as one text (青山镇财政所、青山镇派出所). */
const LIST_SEPARATORS = /\s*[、，,;；]\s*/;

/**
 * The items a text value names for a control of several choices: the text itself when it is one
 * of the control's options, else its parts when it lists several (a text field whose form asks
 * for 多个单位用“、”分隔). Nothing is dropped or added: every part must still be an option.
 */
function listedItems(text: string, options: readonly Option[] | undefined, control: ScannedControl, transform?: Transform): string[] {
  const parts = text.split(LIST_SEPARATORS).filter(Boolean);
  if (parts.length < 2) return [text];
  if (control.options && control.options.length > 0 && pickOption(optionCandidates(text, options, transform), control.options)) return [text];
  return parts;
}

/** Converts one record value for one control. */
export function convertForControl(value: unknown, entry: DictionaryEntry | undefined, options: readonly Option[] | undefined, control: ScannedControl, transform?: Transform): Conversion {
  const sensitive = entry?.sensitive === true;
  const show = (s: string) => (sensitive ? maskSensitive(s) : s);
  const type = entry?.type ?? 'text';
  if (type === 'photo' || type === 'attachment') {
    if (control.kind !== 'file') return { ok: false, reason: 'unsupported', detail: '附件只能填入文件上传控件' };
    const files = (Array.isArray(value) ? value : []).filter((f): f is { name: string; type: string; data: string } =>
      !!f && typeof f === 'object' && typeof (f as { data?: unknown }).data === 'string' && typeof (f as { name?: unknown }).name === 'string');
    if (files.length === 0) return { ok: false, reason: 'no-value', detail: '记录中的附件没有文件内容' };
    const chosen = control.multiple ? files : files.slice(0, 1);
    return { ok: true, value: { type: 'files', files: chosen.map((f) => ({ name: f.name, type: f.type || 'application/octet-stream', data: f.data })) }, display: chosen.map((f) => f.name).join('、') };
  }
  if (control.kind === 'file') return { ok: false, reason: 'unsupported', detail: '文件上传控件只接受照片或附件' };
  if (type === 'table') return { ok: false, reason: 'unsupported', detail: '表格数据需填入门户的明细表' };
  if (type === 'ratings') return { ok: false, reason: 'unsupported', detail: '分项测评需逐项填入门户的各评议项', detailEn: 'ratings go into the portal’s control of each criterion' };

  // a period goes into a range picker of two inputs, and a range picker takes nothing else
  const isRange = control.kind === 'daterange' || control.kind === 'datetimerange';
  if (type === 'daterange' || isRange) {
    if (!isRange) return { ok: false, reason: 'unsupported', detail: '起止时间只能填入日期范围控件', detailEn: 'a period goes into a date range picker only' };
    const ends = Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'string') ? value as [string, string] : undefined;
    if (type !== 'daterange' || !ends) return { ok: false, reason: 'unsupported', detail: '日期范围控件需要起止两个日期', detailEn: 'a date range picker takes a start and an end' };
    const f = transform?.dateFormat ?? control.dateFormat ?? (control.kind === 'datetimerange' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
    for (const e of ends) {
      const gap = dateGap(e, f);
      if (gap) return { ok: false, reason: gap.zh.startsWith('记录没有时间') ? 'missing-part' : 'unsupported', detail: gap.zh, detailEn: gap.en };
    }
    const [from, to] = ends.map((e) => formatDate(e, f)) as [string | undefined, string | undefined];
    if (from === undefined || to === undefined) return { ok: false, reason: 'unsupported', detail: '记录中的值不是日期', detailEn: 'the record’s value is not a date' };
    return { ok: true, value: { type: 'range', from, to }, display: `${from} 至 ${to}` };
  }

  switch (control.kind) {
    case 'checkbox': {
      if (type === 'boolean' || typeof value === 'boolean') {
        const checked = value === true;
        return { ok: true, value: { type: 'check', checked }, display: checked ? '是' : '否' };
      }
      // A yes/no choice (an option set of 是 and 否) ticks or clears a box that asks the question
      // (是否重复访 ☐): the answer itself, not a guess.
      const yn = typeof value === 'string' ? yesNo(value, options) ?? answers(control, value) : undefined;
      if (yn !== undefined) return { ok: true, value: { type: 'check', checked: yn }, display: yn ? '是' : '否' };
      // A single checkbox labelled with an option (e.g. 中共党员): not a safe guess.
      return { ok: false, reason: 'unsupported', detail: '单个勾选框只接受是/否' };
    }
    case 'select': case 'radio': case 'cascader': {
      if (transform?.levels && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        const levels = value as string[];
        if (control.kind === 'cascader') {
          // the narrowest level first: a search-only cascader finds 某某镇 but not 某省某市某县某某镇
          return { ok: true, value: { type: 'path', candidates: [...levels].reverse(), levels }, display: levels.join(' / ') };
        }
        value = levels[levels.length - 1];
      }
      let cands: string[];
      if (typeof value === 'boolean') cands = value ? [...YES] : [...NO];
      else {
        const text = typeof value === 'string' ? value : valueAsText(value, entry, transform, undefined);
        if (text === undefined) return { ok: false, reason: 'unsupported', detail: '值不是单个选项' };
        cands = control.kind === 'cascader' ? optionCandidates(text, options, transform) : choiceCandidates(text, options, transform, control);
      }
      if (control.kind === 'cascader') return { ok: true, value: { type: 'path', candidates: cands }, display: cands[0]! };
      if (control.options && control.options.length > 0) {
        const opt = pickOption(cands, control.options) ?? (typeof value === 'string' ? answerOption(control, value) : undefined);
        if (!opt) return { ok: false, reason: 'no-option', detail: `门户选项中没有“${cands[0]}”` };
        return { ok: true, value: { type: 'option', value: opt.value, candidates: [opt.text, ...cands] }, display: opt.text };
      }
      return { ok: true, value: { type: 'option', candidates: cands }, display: cands[0]! };
    }
    case 'multiselect': case 'checkboxes': {
      // one person (a roster entry) into a select of several people is a list of one
      const one = personName(value);
      const list = Array.isArray(value) ? value.map((v) => personName(v) ?? String(v)) : typeof value === 'string' ? listedItems(value, options, control, transform) : typeof value === 'boolean' ? [] : one !== undefined ? [one] : null;
      if (!list) return { ok: false, reason: 'unsupported', detail: '值不是选项列表' };
      const items: { value?: string; candidates: string[] }[] = [];
      for (const v of list) {
        const cands = choiceCandidates(v, options, transform, control);
        if (control.options && control.options.length > 0) {
          const opt = pickOption(cands, control.options);
          if (!opt) return { ok: false, reason: 'no-option', detail: `门户选项中没有“${v}”` };
          items.push({ value: opt.value, candidates: [opt.text, ...cands] });
        } else items.push({ candidates: cands });
      }
      return { ok: true, value: { type: 'options', items }, display: list.join('、') };
    }
    case 'date': case 'datetime': {
      if (typeof value !== 'string') return { ok: false, reason: 'unsupported', detail: '值不是日期' };
      const f = dateFormatFor(control, entry, transform);
      const gap = dateGap(value, f);
      if (gap) return { ok: false, reason: gap.zh.startsWith('记录没有时间') ? 'missing-part' : 'unsupported', detail: gap.zh, detailEn: gap.en };
      const text = formatDate(value, f);
      if (text === undefined) return { ok: false, reason: 'unsupported', detail: '记录中的值不是日期', detailEn: 'the record’s value is not a date' };
      return { ok: true, value: { type: 'text', text }, display: text };
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
      if (n === undefined) return { ok: false, reason: 'unsupported', detail: '值不是数字' };
      return { ok: true, value: { type: 'text', text: String(n) }, display: String(n) };
    }
    default: {
      const format = (type === 'date' || type === 'datetime') ? dateFormatFor(control, entry, transform) : undefined;
      // the portal (or its mapping) asks for a time the record does not hold: skip, never 00:00
      const asked = format !== undefined && format !== (entry?.format ?? (type === 'datetime' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'));
      if (asked && typeof value === 'string') {
        const gap = dateGap(value, format);
        if (gap) return { ok: false, reason: 'missing-part', detail: gap.zh, detailEn: gap.en };
      }
      let text: string | undefined;
      if ((type === 'enum') && typeof value === 'string') text = transform?.options?.[value] ?? value;
      else if (type === 'multienum' && Array.isArray(value)) text = value.map((v) => transform?.options?.[String(v)] ?? String(v)).join(transform?.join ?? '、');
      else if (transform?.levels && Array.isArray(value)) text = value.map(String).join(transform.join ?? '');
      else text = valueAsText(value, entry, transform, format);
      if (text === undefined) return { ok: false, reason: 'unsupported', detail: '值无法写成文本' };
      return { ok: true, value: { type: 'text', text }, display: show(text) };
    }
  }
}

/** A control's read value → the record's value shape for `entry` (read-back). */
export function valueFromControl(read: string | string[] | boolean | null | undefined, entry: DictionaryEntry, options: readonly Option[] | undefined, transform?: Transform, control?: Pick<ScannedControl, 'labels'>): unknown {
  if (read === null || read === undefined) return undefined;
  if (read === '' || (Array.isArray(read) && read.length === 0)) return undefined;
  const type = entry.type;
  const texts = Array.isArray(read) ? read : typeof read === 'boolean' ? [] : [read];
  switch (type) {
    case 'boolean':
      if (typeof read === 'boolean') return read;
      if (YES.includes(texts[0]!)) return true;
      if (NO.includes(texts[0]!)) return false;
      return undefined;
    case 'date': { const d = parseDate(texts[0] ?? '', false); return d && d.length > 10 ? d.slice(0, 10) : d; }
    case 'datetime': return parseDate(texts[0] ?? '');
    case 'number': { const n = Number(String(texts[0]).replace(/[,，\s]/g, '')); return Number.isFinite(n) ? n : undefined; }
    case 'enum': {
      if (typeof read === 'boolean') return control ? answered(control, read, options) : undefined;
      // 是 / 否 chosen under 是否X: the option X or 不X it answers (see answerOption)
      const t = texts[0]!.trim();
      const yn = YES_WORD.test(t) ? true : NO_WORD.test(t) ? false : undefined;
      const viaQuestion = yn !== undefined && control && !options?.some((o) => o.value === t || o.label === t) ? answered(control, yn, options) : undefined;
      return viaQuestion ?? optionValueFromText(t, options, transform);
    }
    case 'multienum': {
      const parts = texts.length === 1 ? texts[0]!.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean) : texts;
      return parts.map((p) => optionValueFromText(p, options, transform));
    }
    case 'person': return { name: texts[0]!.trim() };
    case 'people': {
      const parts = texts.length === 1 ? texts[0]!.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean) : texts;
      return parts.map((name) => ({ name }));
    }
    case 'photo': case 'attachment': case 'table': case 'ratings': case 'daterange': return undefined;
    default: return typeof read === 'boolean' ? undefined : texts.join('、');
  }
}
