/**
 * Facts in a block of pasted text (会议通知, 视察通知, 来信摘要, a paragraph from a Word
 * document): dates and date-times as Chinese offices write them (2024年5月14日上午9时,
 * 5月14日（星期二）下午2:30, 二〇二四年五月十四日), places (地点：…, 在…召开), names that are on
 * the roster, counts (共12人), phone and ID numbers, titles (关于…的通知) and `标签：值` lines.
 *
 * Pure and bounded: the text is cut at MAX_TEXT characters, lines at MAX_LINE, and every regular
 * expression is a flat sequence without nested repetition, so hostile text cannot make it slow.
 * Phone and ID numbers are returned to the caller only; nothing here logs.
 */

export const MAX_TEXT = 20_000;
const MAX_LINE = 400;
const MAX_FACTS = 400;

export type FactKind = 'date' | 'datetime' | 'place' | 'person' | 'count' | 'phone' | 'idNumber' | 'title' | 'labelled';

export interface TextFact {
  kind: FactKind;
  /** `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, a name, a number, the text of a labelled value. */
  value: string | number;
  /** The text it was read from. */
  source: string;
  /** Offset in the (cut) text. */
  index: number;
  /** For `labelled`: the label before the colon; for `date`/`datetime`: a label before it on the line (时间、日期…). */
  label?: string;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `12`, `十二`, `二十`, `廿`… up to 99; a year written digit by digit (`二〇二四`). */
export function parseChineseNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '半') return 30;
  if (/^[〇零Ｏ一二三四五六七八九]{4}$/.test(t)) return Number([...t].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

const NUM = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const YEAR = '(?:\\d{4}|[〇零Ｏ一二三四五六七八九]{4})';
const WEEKDAY = '(?:\\s*[（(]?\\s*(?:星期|周|礼拜)[一二三四五六日天]\\s*[)）]?)?';
const PERIOD = '(上午|下午|晚上|中午|早上|早晨|凌晨|傍晚)?';
const TIME = `(?:\\s*${PERIOD}\\s*(${NUM})\\s*(?:[:：]\\s*(\\d{2})|[时点]\\s*(?:(${NUM}|半)\\s*分?)?))?`;
const CN_DATE = new RegExp(`(?:(${YEAR})\\s*年\\s*)?(${NUM})\\s*月\\s*(${NUM})\\s*[日号]${WEEKDAY}${TIME}`, 'gu');
const ISO_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?/gu;

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function hourOf(period: string | undefined, h: number): number {
  if ((period === '下午' || period === '晚上' || period === '傍晚') && h < 12) return h + 12;
  if (period === '中午' && h < 6) return h + 12;
  return h;
}

/** The year in China at `now` (a notice without a year means this year). */
function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

const LABEL_BEFORE = /([\u4e00-\u9fa5]{1,8})\s*[：:]\s*$/u;

function datesIn(text: string, now: Date, out: TextFact[]): void {
  const push = (index: number, source: string, y: number, mo: number, d: number, h: number | undefined, mi: number | undefined) => {
    if (!validDate(y, mo, d)) return;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    const label = LABEL_BEFORE.exec(text.slice(Math.max(0, index - 12), index))?.[1];
    if (h !== undefined && h <= 23 && (mi ?? 0) <= 59) out.push({ kind: 'datetime', value: `${date}T${pad(h)}:${pad(mi ?? 0)}`, source, index, ...(label ? { label } : {}) });
    else out.push({ kind: 'date', value: date, source, index, ...(label ? { label } : {}) });
  };
  for (const m of text.matchAll(CN_DATE)) {
    const y = m[1] ? parseChineseNumber(m[1]) : chinaYear(now);
    const mo = parseChineseNumber(m[2]!), d = parseChineseNumber(m[3]!);
    if (y === undefined || mo === undefined || d === undefined) continue;
    const rawH = m[5] !== undefined ? parseChineseNumber(m[5]) : undefined;
    const h = rawH === undefined ? undefined : hourOf(m[4], rawH);
    const mi = m[6] !== undefined ? Number(m[6]) : m[7] !== undefined ? parseChineseNumber(m[7]) : undefined;
    push(m.index, m[0].trim(), y, mo, d, h, mi);
  }
  for (const m of text.matchAll(ISO_DATE)) {
    if (out.some((f) => f.index <= m.index && m.index < f.index + f.source.length)) continue;
    push(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]), m[4] !== undefined ? Number(m[4]) : undefined, m[5] !== undefined ? Number(m[5]) : undefined);
  }
}

const STOP = /[，,。；;\n]/u;
const PLACE_LABEL = /(?:会议|活动|视察|检查|调研|集合|报到)?地\s*[点址]\s*[：:]\s*([^\n]{2,80})/gu;
const PLACE_IN = /在\s*([^\n，,。；;在]{2,30}?)\s*(?:召开|举行|举办|进行|集中|集合)/gu;

function cutAt(s: string): string {
  const i = s.search(STOP);
  return (i < 0 ? s : s.slice(0, i)).trim().replace(/[：:、\s]+$/u, '');
}

const COUNT = /(?:共|计|合计|应到|实到|参加|出席)\s*(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:人|名|位)/gu;
const MOBILE = /(?<![\d])1[3-9]\d{9}(?![\d])/gu;
const LANDLINE = /(?<![\d-])0\d{2,3}-\d{7,8}(?![\d])/gu;
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/gu;
const TITLE = /关于[^\n，。；]{2,60}?的(?:通知|建议|意见|报告|议案|函|请示|决定|批复|通报)/gu;
const LABELLED = /^[ \t　]*[（(]?[一二三四五六七八九十\d]{0,2}[)）、.．]?[ \t　]*([\u4e00-\u9fa5A-Za-z（）()]{2,12})[ \t　]*[：:][ \t　]*(\S[^\n]{0,300})$/gmu;

/**
 * Every fact in `text`, in the order they appear. `names`: the roster's names, found wherever
 * they occur (longest first, so 王小明 is not also read as 王小).
 */
export function extractFacts(input: string, options: { names?: readonly string[]; now?: Date } = {}): TextFact[] {
  const text = input.slice(0, MAX_TEXT).split('\n').map((l) => l.slice(0, MAX_LINE)).join('\n').replace(/\r/g, '');
  const now = options.now ?? new Date();
  const out: TextFact[] = [];
  datesIn(text, now, out);
  for (const m of text.matchAll(PLACE_LABEL)) {
    const v = cutAt(m[1]!);
    if (v.length >= 2) out.push({ kind: 'place', value: v, source: m[0].trim(), index: m.index });
  }
  for (const m of text.matchAll(PLACE_IN)) {
    const v = m[1]!.trim();
    if (!/\d+[时点]|月|日/.test(v)) out.push({ kind: 'place', value: v, source: m[0], index: m.index });
  }
  for (const m of text.matchAll(COUNT)) {
    const n = parseChineseNumber(m[1]!);
    if (n !== undefined) out.push({ kind: 'count', value: n, source: m[0], index: m.index });
  }
  for (const re of [MOBILE, LANDLINE]) for (const m of text.matchAll(re)) out.push({ kind: 'phone', value: m[0], source: m[0], index: m.index });
  for (const m of text.matchAll(ID_NUMBER)) out.push({ kind: 'idNumber', value: m[0].toUpperCase(), source: m[0], index: m.index });
  for (const m of text.matchAll(TITLE)) out.push({ kind: 'title', value: m[0], source: m[0], index: m.index });
  for (const m of text.matchAll(LABELLED)) {
    out.push({ kind: 'labelled', label: m[1]!.trim(), value: m[2]!.trim(), source: m[0].trim(), index: m.index + m[0].indexOf(m[1]!) });
  }
  const names = [...new Set(options.names ?? [])].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length).slice(0, 5000);
  const taken: Array<[number, number]> = [];
  for (const name of names) {
    let from = 0;
    for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, from)) {
      from = i + name.length;
      if (taken.some(([a, b]) => i < b && a < i + name.length)) continue;
      taken.push([i, i + name.length]);
      out.push({ kind: 'person', value: name, source: name, index: i });
      if (out.length > MAX_FACTS) break;
    }
  }
  return out.sort((a, b) => a.index - b.index).slice(0, MAX_FACTS);
}
