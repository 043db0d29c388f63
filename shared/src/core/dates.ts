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
