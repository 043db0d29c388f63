/**
 * Statistics periods: a year, a quarter, a month or any span of days, inclusive, as China
 * Standard Time calendar dates. A record belongs to the period of its event date.
 */
export interface StatsPeriod {
  kind: 'year' | 'quarter' | 'month' | 'custom';
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
  /** 2024年, 2024年第一季度, 2024年3月, 2024年3月1日至2024年6月30日. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const QUARTERS = ['一', '二', '三', '四'];

export function yearPeriod(year: number): StatsPeriod {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): StatsPeriod {
  const m1 = (quarter - 1) * 3 + 1, m3 = m1 + 2;
  return { kind: 'quarter', from: `${year}-${pad(m1)}-01`, to: `${year}-${pad(m3)}-${pad(lastDay(year, m3))}`, label: `${year}年第${QUARTERS[quarter - 1]}季度` };
}

export function monthPeriod(year: number, month: number): StatsPeriod {
  return { kind: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`, label: `${year}年${month}月` };
}

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function customPeriod(from: string, to: string): StatsPeriod {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new RangeError('dates are YYYY-MM-DD');
  if (from > to) throw new RangeError(`the period starts (${from}) after it ends (${to})`);
  return { kind: 'custom', from, to, label: `${cn(from)}至${cn(to)}` };
}

/** `2024`, `2024Q1` / `2024-Q1`, `2024-03`: the period it names. */
export function parsePeriod(text: string): StatsPeriod {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})-?[Qq]([1-4])$/.exec(t);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
  throw new RangeError(`not a period: ${text} (2024, 2024Q1 or 2024-03)`);
}

/** The day after the period, 00:00 China time: the default "as of" moment for a period in the past. */
export function periodEnd(period: StatsPeriod): Date {
  return new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000);
}
