/**
 * Dates as Chinese offices write them, always in China Standard Time (UTC+8, no daylight
 * saving), whatever the time zone of the machine: a meeting on 2024-03-28 is on the 28th in
 * Beijing even when a test runs with TZ=UTC.
 */
const CST_OFFSET_MS = 8 * 3_600_000;

function cstParts(instant: Date): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const t = new Date(instant.getTime() + CST_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), ss: t.getUTCSeconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of the instant in China Standard Time. */
export function todayInChina(instant: Date = new Date()): string {
  const p = cstParts(instant);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

/** `YYYY-MM-DDTHH:mm` of the instant in China Standard Time (the datetime field format). */
export function nowInChina(instant: Date = new Date()): string {
  const p = cstParts(instant);
  return `${todayInChina(instant)}T${pad(p.hh)}:${pad(p.mm)}`;
}

/** An ISO instant with the +08:00 offset, e.g. for record timestamps. */
export function isoInChina(instant: Date = new Date()): string {
  const p = cstParts(instant);
  return `${todayInChina(instant)}T${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}+08:00`;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `2024-03-28` → `2024年3月28日`, as official documents write dates. */
export function formatChineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

// ---------------------------------------------------------------- dates a clerk types

/**
 * How a date (or date and time) box shows a stored value: `2024-05-14`, `2024-05-14 09:00`.
 * Chinese offices write dates year first; the browser's own date box follows the browser's
 * locale instead (05/14/2024 in an English Chrome), which is why the form draws its own.
 */
export function showDateValue(value: string | undefined, withTime: boolean): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  return withTime && m[2] ? `${m[1]} ${m[2]}` : m[1]!;
}

export type TypedDate = { ok: true; value: string | undefined } | { ok: false; message: string; messageEn: string };

const FULL_WIDTH_DIGITS = /[０-９：／－．]/g;

/**
 * What a clerk typed into a date box → the stored value (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm`
 * with `withTime`). Accepts 2024-05-14, 2024/5/14, 2024.5.14, 20240514, 2024年5月14日 (also with
 * full-width digits), and for a time 09:00, 9时30分, 9点, 上午/下午 9:30. Empty text is no value.
 * Not a real day, a time past 23:59, a time where only a date is asked (or none where one is
 * needed) is refused with a message, so the box never holds a value the clerk cannot see.
 */
export function readTypedDate(text: string, withTime: boolean): TypedDate {
  const hint = withTime ? '请按 2024-05-14 09:00 或 2024年5月14日 9:00 填写' : '请按 2024-05-14 或 2024年5月14日 填写';
  const hintEn = withTime ? 'write it as 2024-05-14 09:00' : 'write it as 2024-05-14';
  let t = text.trim().replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, ' ');
  if (t === '') return { ok: true, value: undefined };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(t);
  if (!m) return { ok: false, message: `无法识别的日期：${hint}`, messageEn: `not a date: ${hintEn}` };
  const date = `${m[1] ?? m[4]}-${(m[2] ?? m[5])!.padStart(2, '0')}-${(m[3] ?? m[6])!.padStart(2, '0')}`;
  if (!isCalendarDate(date)) return { ok: false, message: `没有这一天（${date}）：${hint}`, messageEn: `no such day (${date}): ${hintEn}` };
  t = t.slice(m[0].length).replace(/^[T ]+/, '');
  if (t === '') return withTime ? { ok: false, message: `缺少时间：${hint}`, messageEn: `the time is missing: ${hintEn}` } : { ok: true, value: date };
  if (!withTime) return { ok: false, message: `这里只填日期：${hint}`, messageEn: `a date only: ${hintEn}` };
  const tm = /^(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[:时点]\s*(?:(\d{1,2})\s*分?)?)?(?:\s*[:：]\s*\d{1,2}\s*秒?)?$/.exec(t);
  if (!tm) return { ok: false, message: `无法识别的时间：${hint}`, messageEn: `not a time: ${hintEn}` };
  let h = Number(tm[2]);
  const min = Number(tm[3] ?? 0);
  if ((tm[1] === '下午' || tm[1] === '晚上') && h < 12) h += 12;
  if (tm[1] === '中午' && h < 6) h += 12;
  if (h > 23 || min > 59) return { ok: false, message: `没有这个时间：${hint}`, messageEn: `no such time: ${hintEn}` };
  return { ok: true, value: `${date}T${pad(h)}:${pad(min)}` };
}
