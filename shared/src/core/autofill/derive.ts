/**
 * Derived values: what a portal asks for in a shape the record does not store (单位及职务 from
 * two keys, 联名人数 as the count of a people list, 合计学时 as the total of a table column, a table's rows as numbered lines, a region
 * as cascader levels, the date of a date-time). Declared in the dictionary (`derive`) or a
 * portal mapping field; evaluated here, pure and bounded (derivations read stored keys only).
 *
 * The rule that matters most: never invent a missing part. A join whose part is missing, a
 * count of nothing, a date-time asked of a date: skipped with a reason, not padded.
 */
import type { DictionaryEntry, Derivation, DictionaryType } from '../pack-schema.ts';
import { isEmptyValue } from '../expression.ts';
import type { AutofillContext } from './context.ts';

export type Derived =
  | { ok: true; value: unknown; type: DictionaryType; levels?: boolean }
  | { ok: false; reason: string; reasonEn: string };

const MAX_ROWS = 500;
const MAX_TEXT = 20_000;

/** The keys a derivation reads. */
export function derivationSources(d: Derivation): string[] {
  if ('count' in d) return typeof d.count === 'string' ? [d.count] : d.count;
  if ('join' in d) return d.join;
  if ('people' in d) return [d.people];
  if ('lines' in d) return [d.lines];
  if ('levels' in d) return d.levels;
  if ('sum' in d) return [d.sum];
  if ('range' in d) return d.range.day ? [d.range.from, d.range.to, d.range.day] : [d.range.from, d.range.to];
  return [d.datePart];
}

/** The dictionary type a derivation produces (the validator checks the entry declares it). */
export function derivationType(d: Derivation): DictionaryType[] {
  if ('count' in d || 'sum' in d) return ['number'];
  if ('datePart' in d) return ['date'];
  if ('range' in d) return ['daterange'];
  if ('lines' in d) return ['textarea', 'text'];
  return ['text', 'textarea'];
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name.trim() || undefined;
  return undefined;
}

/** One stored value as text for joining (names of people, 是/否, numbers; dates as stored). */
function partText(v: unknown, entry: DictionaryEntry | undefined, sep = '、'): string | undefined {
  if (isEmptyValue(v)) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) {
    if (entry?.type === 'table') return undefined;
    const parts = v.slice(0, MAX_ROWS).map((x) => nameOf(x) ?? (typeof x === 'number' ? String(x) : undefined));
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.join(sep) || undefined;
  }
  return nameOf(v);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 21 → 二十一 (1–99; larger numbers stay Arabic, as offices write them). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10), ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

function numbered(i: number, style: NonNullable<Extract<Derivation, { lines: string }>['numbering']>): string {
  const n = i + 1;
  switch (style) {
    case '一、': return `${chineseNumber(n)}、`;
    case '（一）': return `（${chineseNumber(n)}）`;
    case '1、': return `${n}、`;
    case '(1)': return `(${n})`;
    case 'none': return '';
    default: return `${n}.`;
  }
}

const labelOf = (ctx: AutofillContext, key: string) => ctx.entries.get(key)?.label ?? '该项';
const labelEnOf = (ctx: AutofillContext, key: string) => ctx.entries.get(key)?.labelEn ?? ctx.entries.get(key)?.label ?? 'that field';
const missing = (ctx: AutofillContext, key: string): Derived => ({ ok: false, reason: `记录中没有“${labelOf(ctx, key)}”`, reasonEn: `the record has no “${labelEnOf(ctx, key)}”` });

const isEmptyEntry = (x: unknown) => isEmptyValue(x) || (!!x && typeof x === 'object' && !Array.isArray(x) && Object.values(x).every(isEmptyValue));

/** How many entries a stored value has: a list its non-empty entries, a person (object or name) one; undefined when absent. */
function entriesOf(v: unknown): number | undefined {
  if (Array.isArray(v)) return v.filter((x) => !isEmptyEntry(x)).length;
  return v === undefined || isEmptyEntry(v) ? undefined : 1;
}

/** Evaluates one derivation over the record's stored values. */
export function deriveValue(ctx: AutofillContext, d: Derivation, values: Readonly<Record<string, unknown>>): Derived {
  if ('count' in d) {
    // several keys are added up (领衔代表 + 附议代表); each must be in the record — an absent
    // lead would make the total one short — but a list may be empty beside another that is not
    let total = 0;
    for (const key of derivationSources(d)) {
      const n = entriesOf(values[key]);
      if (n === undefined) return missing(ctx, key);
      total += n;
    }
    if (total === 0) return missing(ctx, derivationSources(d)[0]!);
    return { ok: true, value: total, type: 'number' };
  }
  if ('join' in d) {
    const parts: string[] = [];
    for (const k of d.join) {
      const t = partText(values[k], ctx.entries.get(k));
      // 单位及职务 with the 职务 missing is not 单位及职务: never write half of it
      if (t === undefined) return missing(ctx, k);
      parts.push(t);
    }
    return { ok: true, value: parts.join(d.separator ?? '').slice(0, MAX_TEXT), type: 'text' };
  }
  if ('people' in d) {
    const t = partText(values[d.people], ctx.entries.get(d.people), d.separator ?? '、');
    if (t === undefined) return missing(ctx, d.people);
    return { ok: true, value: t.slice(0, MAX_TEXT), type: 'text' };
  }
  if ('lines' in d) {
    const rows = values[d.lines];
    if (!Array.isArray(rows) || rows.length === 0) return missing(ctx, d.lines);
    const out: string[] = [];
    for (const row of rows.slice(0, MAX_ROWS)) {
      if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
      const cells = d.columns.map((c) => partText((row as Record<string, unknown>)[c], undefined)).filter((t): t is string => t !== undefined);
      if (cells.length === 0) continue;
      out.push(`${numbered(out.length, d.numbering ?? '1.')}${cells.join(d.separator ?? '，')}`);
    }
    if (out.length === 0) return missing(ctx, d.lines);
    return { ok: true, value: out.join('\n').slice(0, MAX_TEXT), type: 'textarea' };
  }
  if ('levels' in d) {
    // widest first; levels the record lacks are left out (a search finds the narrowest one),
    // but a path is never padded with a guessed level
    const path = d.levels.map((k) => partText(values[k], ctx.entries.get(k))).filter((t): t is string => t !== undefined);
    if (path.length === 0) return missing(ctx, d.levels[d.levels.length - 1]!);
    return { ok: true, value: path, type: 'text', levels: true };
  }
  if ('sum' in d) return sumColumn(ctx, d, values[d.sum]);
  if ('range' in d) return periodOf(ctx, d.range, values);
  const v = values[d.datePart];
  if (typeof v !== 'string') return missing(ctx, d.datePart);
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (!m) return { ok: false, reason: `“${labelOf(ctx, d.datePart)}”不是日期`, reasonEn: `“${labelEnOf(ctx, d.datePart)}” is not a date` };
  return { ok: true, value: m[1], type: 'date' };
}

/** A number a row holds in a cell (a clerk's 3 or "2.5"); undefined for anything else. */
function cellNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * The total of one column over a table's rows (合计学时 from the courses). Rows left wholly
 * empty are not rows; a row that is filled but lacks the number, or holds something else, makes
 * the total unknown: skipped with the reason, never a total of the rows that happen to have it.
 */
function sumColumn(ctx: AutofillContext, d: Extract<Derivation, { sum: string }>, rows: unknown): Derived {
  if (!Array.isArray(rows) || rows.length === 0) return missing(ctx, d.sum);
  let total = 0;
  let counted = 0;
  for (const row of rows.slice(0, MAX_ROWS)) {
    if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
    const cells = row as Record<string, unknown>;
    if (Object.values(cells).every(isEmptyValue)) continue;
    const n = cellNumber(cells[d.column]);
    if (n === undefined) {
      return { ok: false, reason: `“${labelOf(ctx, d.sum)}”第 ${counted + 1} 行没有可相加的数字，合计无法得出`, reasonEn: `row ${counted + 1} of “${labelEnOf(ctx, d.sum)}” has no number to add, so the total is unknown` };
    }
    total += n;
    counted++;
  }
  if (counted === 0) return missing(ctx, d.sum);
  // 0.1 + 0.2 is 0.30000000000000004 in binary: a total is written as people add it up
  return { ok: true, value: Math.round(total * 1e6) / 1e6, type: 'number' };
}

const DATE = /^\s*(\d{4}-\d{2}-\d{2})\s*$/;
const DATE_TIME = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/;
const TIME = /^\s*(\d{1,2})[:：](\d{2})\s*$/;

/**
 * A period of two stored keys (`range`: 视察开始时间 → 结束时间) as `[from, to]`, each
 * `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, for a range picker of two inputs. An end held as a time of
 * day (HH:mm) is put on the `day` key's date (the date + time-of-day composition of
 * `dateWithTimeOfDay`); an end the record does not hold is the `day` itself when one is declared
 * (a one-day inspection: 视察日期), as a date without a time — a date-time range picker then
 * skips it (convert.ts), never given 00:00. An end before the start is no period.
 */
function periodOf(ctx: AutofillContext, r: Extract<Derivation, { range: unknown }>['range'], values: Readonly<Record<string, unknown>>): Derived {
  const dayValue = r.day ? values[r.day] : undefined;
  const day = typeof dayValue === 'string' ? (DATE.exec(dayValue)?.[1] ?? DATE_TIME.exec(dayValue)?.[1]) : undefined;
  const end = (key: string): string | Derived => {
    const v = values[key];
    if (isEmptyValue(v)) return day ?? missing(ctx, key);
    if (typeof v !== 'string') return { ok: false, reason: `“${labelOf(ctx, key)}”不是日期或时间`, reasonEn: `“${labelEnOf(ctx, key)}” is not a date or time` };
    const full = DATE_TIME.exec(v);
    if (full) return `${full[1]}T${full[2]}:${full[3]}`;
    const date = DATE.exec(v)?.[1];
    if (date) return date;
    const hm = TIME.exec(v);
    if (hm && Number(hm[1]) <= 23 && Number(hm[2]) <= 59) return day ? `${day}T${hm[1]!.padStart(2, '0')}:${hm[2]}` : missing(ctx, r.day ?? key);
    return { ok: false, reason: `“${labelOf(ctx, key)}”不是日期或时间`, reasonEn: `“${labelEnOf(ctx, key)}” is not a date or time` };
  };
  const from = end(r.from);
  if (typeof from !== 'string') return from;
  const to = end(r.to);
  if (typeof to !== 'string') return to;
  // dates compare as text (ISO); a date-only end against a date-time compares by its day
  if (to.slice(0, Math.min(to.length, from.length)) < from.slice(0, Math.min(to.length, from.length))) {
    return { ok: false, reason: `“${labelOf(ctx, r.to)}”早于“${labelOf(ctx, r.from)}”`, reasonEn: `“${labelEnOf(ctx, r.to)}” is before “${labelEnOf(ctx, r.from)}”` };
  }
  return { ok: true, value: [from, to], type: 'daterange' };
}

/**
 * A date with its time of day from the companion key its dictionary entry declares
 * (`timeOfDay`: 视察日期 → 开始时间), for a portal box that asks for a date and a time. Undefined
 * when the entry declares none or the value is not a bare date; a failure with the reason when
 * the companion is missing, holds no time or a time of another day: the time is never invented.
 */
export function dateWithTimeOfDay(ctx: AutofillContext, entry: DictionaryEntry | undefined, value: unknown, values: Readonly<Record<string, unknown>>): Derived | undefined {
  if (!entry?.timeOfDay || typeof value !== 'string') return undefined;
  const date = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(value)?.[1];
  if (!date) return undefined;
  const t = values[entry.timeOfDay];
  if (typeof t !== 'string' || t.trim() === '') return missing(ctx, entry.timeOfDay);
  const notTime: Derived = { ok: false, reason: `“${labelOf(ctx, entry.timeOfDay)}”中没有时间`, reasonEn: `“${labelEnOf(ctx, entry.timeOfDay)}” holds no time of day` };
  const full = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(t);
  if (full) {
    // a start on another day is not this date's time: joining them would make up a moment
    if (full[1] !== date) return { ok: false, reason: `“${labelOf(ctx, entry.timeOfDay)}”与“${entry.label}”不是同一天`, reasonEn: `“${labelEnOf(ctx, entry.timeOfDay)}” is not on the day of “${entry.labelEn ?? entry.label}”` };
    return { ok: true, value: `${date}T${full[2]}:${full[3]}`, type: 'datetime' };
  }
  const hm = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(t);
  if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) return notTime;
  return { ok: true, value: `${date}T${hm[1]!.padStart(2, '0')}:${hm[2]}`, type: 'datetime' };
}

/**
 * The record's values plus every dictionary derivation that can be computed from them (a key
 * the record stores itself is never overwritten). Derivations that cannot be computed are
 * returned with their reason, so a control that asks for them says why it stays empty.
 */
export function withDerivedValues(ctx: AutofillContext, values: Readonly<Record<string, unknown>>): {
  values: Record<string, unknown>;
  derived: Map<string, Derived>;
} {
  const out: Record<string, unknown> = { ...values };
  const derived = new Map<string, Derived>();
  for (const entry of ctx.entries.values()) {
    if (!entry.derive || !isEmptyValue(values[entry.key])) continue;
    // only derivations whose sources the record touches at all: the rest are not this record's
    if (!derivationSources(entry.derive).some((k) => !isEmptyValue(values[k]))) continue;
    const r = deriveValue(ctx, entry.derive, values);
    derived.set(entry.key, r);
    if (r.ok) out[entry.key] = r.value;
  }
  return { values: out, derived };
}
