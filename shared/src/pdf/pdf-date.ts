/** Dates for signatures: always shown in China Standard Time (UTC+8), whatever the machine's TZ. */

const CST_OFFSET_MS = 8 * 3600 * 1000;

function parts(date: Date) {
  const d = new Date(date.getTime() + CST_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(d.getUTCFullYear()),
    mo: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    moN: d.getUTCMonth() + 1,
    dN: d.getUTCDate(),
  };
}

/** PDF date string for /M: D:YYYYMMDDHHmmSS+08'00' */
export function pdfDateCst(date: Date): string {
  const p = parts(date);
  return `D:${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}+08'00'`;
}

/** "2024-03-28 10:05:00 +08:00" — ASCII, for stamps without a CJK font and for CLI output. */
export function isoCst(date: Date): string {
  const p = parts(date);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s} +08:00`;
}

/** "2024年3月28日 10:05" — for stamps with a CJK font. */
export function chineseCst(date: Date): string {
  const p = parts(date);
  return `${p.y}年${p.moN}月${p.dN}日 ${p.h}:${p.mi}`;
}

/** Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), or undefined. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?/.exec(s.trim());
  if (!m) return undefined;
  const num = (v: string | undefined, dflt: number) => (v === undefined ? dflt : Number(v));
  let ms = Date.UTC(num(m[1], 0), num(m[2], 1) - 1, num(m[3], 1), num(m[4], 0), num(m[5], 0), num(m[6], 0));
  const tz = m[7];
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.replace(/[^0-9]/g, '');
    const off = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    ms -= sign * off * 60000;
  }
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
