/**
 * daterangepicker 3.1 (Dan Grossman's jQuery plugin on moment, the date picker of AdminLTE and most
 * Bootstrap 3/4 admin portals): `$(input).daterangepicker({...})` on a plain text box, which it opens
 * a calendar from — a `.daterangepicker` appended to body, one per box, shown while it is open:
 *   singleDatePicker             one date (kind date), or a date-time with `timePicker` (datetime)
 *   (default)                    a period: a start and an end day on two calendars side by side
 *                                (daterange), with times (datetimerange)
 * Each calendar turns by its `.prev` / `.next` arrows, or its month and year `<select>`s when
 * `showDropdowns`; a day is a `td.available` (neighbouring months' days are `.off.ends`, days
 * outside minDate/maxDate `.off.disabled`); times are `<select>`s under each calendar (hourselect,
 * minuteselect, secondselect, ampmselect); `.applyBtn` (确定 in a Chinese locale) confirms, unless
 * `autoApply` confirms the last day clicked. Nothing in the DOM ties a box to its calendar: the
 * plugin keeps its instance in the box's jQuery data, read through the page-world helper
 * (framework-state.ts jqueryOptionsOf → daterangepickerState).
 *
 * Written as a person does it: the box clicked, the calendar turned, the start day then the end day
 * clicked, the times chosen, 确定. Never typed, though an editable box parses typed text on keyup
 * (its `elementChanged`): the plugin parses leniently (moment, not strict) and puts a date outside
 * its bounds to the nearest bound without a word, and it fires neither its callback nor
 * `apply.daterangepicker`, which pages with `autoUpdateInput: false` listen to for writing the box
 * and their hidden fields. The calendar takes a date only through the same path as a clerk's
 * clicks, and the page hears its own events.
 *
 * Read back: the box's text (what the form posts), in the handle's format. The plugin writes its
 * own startDate/endDate into the box each time the calendar closes (`autoUpdateInput`): where it
 * does and they differ from the text, what the instance holds is what the box will show after the
 * next click elsewhere, so that is what is read (a date typed without keyup was shown, not held).
 * A date outside minDate/maxDate, a minute between the picker's steps, or seconds it cannot show
 * are failed before the calendar is opened, with the reason: nothing is rounded or invented.
 */
import type { FillValue } from '../../../core/autofill/types.ts';
import { formatDate, formatHasTime } from '../../../core/autofill/convert.ts';
import { pageWorld } from '../framework-state.ts';
import { clickLikeUser, fire, setNativeValue } from '../util.ts';
import { defineAdapter } from './registry.ts';
import { isInput, type ReadValue, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { waitUntil } from './wait.ts';

/** A date and time of day: year, month (1–12), day, hour (0–23), minute, second. */
type Parts = [number, number, number, number, number, number];

/** What the instance says of itself (daterangepickerState in framework-state.ts). */
interface Picker {
  single: boolean; time: boolean; time24: boolean; seconds: boolean; increment: number;
  autoApply: boolean; autoUpdateInput: boolean; dropdowns: boolean; linked: boolean; showing: boolean; maxSpan: boolean;
  minYear?: number; maxYear?: number;
  start?: Parts; end?: Parts; min?: Parts; max?: Parts;
  format: string; separator: string; monthNames: string[]; customRangeLabel: string;
  /** Its `.daterangepicker` among the document's, or -1. */
  container: number;
}

const KEY = 'daterangepicker';
const PANEL = '.daterangepicker';

const instantParts = (s: unknown): Parts | undefined => {
  const m = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s) : null;
  return m ? m.slice(1, 7).map(Number) as Parts : undefined;
};
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);

/** The plugin's instance on `el`, or undefined when it has none (or one destroyed since). */
function pickerOf(el: Element): Picker | undefined {
  const o = pageWorld().jqueryOptions?.(el, KEY);
  if (!o || typeof o.singleDatePicker !== 'boolean') return undefined;
  const loc = (o.locale && typeof o.locale === 'object' ? o.locale : {}) as Record<string, unknown>;
  const p: Picker = {
    single: o.singleDatePicker === true, time: o.timePicker === true, time24: o.timePicker24Hour === true, seconds: o.timePickerSeconds === true,
    increment: Math.max(1, num(o.timePickerIncrement) ?? 1), autoApply: o.autoApply === true, autoUpdateInput: o.autoUpdateInput !== false,
    dropdowns: o.showDropdowns === true, linked: o.linkedCalendars !== false, showing: o.isShowing === true, maxSpan: o.maxSpan === true,
    format: str(loc.format, 'MM/DD/YYYY'), separator: str(loc.separator, ' - '),
    monthNames: Array.isArray(loc.monthNames) ? (loc.monthNames as unknown[]).map((m) => str(m, '')) : [],
    customRangeLabel: str(loc.customRangeLabel, ''),
    container: num(o.container) ?? -1,
  };
  const minYear = num(o.minYear), maxYear = num(o.maxYear);
  if (minYear !== undefined) p.minYear = minYear;
  if (maxYear !== undefined) p.maxYear = maxYear;
  for (const [k, f] of [['start', 'startDate'], ['end', 'endDate'], ['min', 'minDate'], ['max', 'maxDate']] as const) {
    const v = instantParts(o[f]);
    if (v) p[k] = v;
  }
  return p.start ? p : undefined;
}

// ---------------------------------------------------------------- formats (moment tokens)

/** moment's tokens as they are matched, longest first; `[...]` is literal text. */
const TOKENS = /\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DDDD|DDD|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|A|a/g;
const NUMERIC: Record<string, number> = { YYYY: 0, MM: 1, M: 1, DD: 2, D: 2, HH: 3, H: 3, hh: 3, h: 3, mm: 4, m: 4, ss: 5, s: 5 };

type Piece = { token: string } | { text: string };
function piecesOf(format: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of format.matchAll(TOKENS)) {
    if (m.index! > at) out.push({ text: format.slice(at, m.index) });
    out.push(m[0].startsWith('[') ? { text: m[0].slice(1, -1) } : { token: m[0] });
    at = m.index! + m[0].length;
  }
  if (at < format.length) out.push({ text: format.slice(at) });
  return out;
}
/** Only numbers and AM/PM: names of months or weekdays, two-digit years and ordinals are not parsed here. */
const parsable = (pieces: Piece[]) => pieces.every((p) => !('token' in p) || p.token in NUMERIC || p.token === 'A' || p.token === 'a');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');

/** `text` read by a moment format of numbers; undefined when it is not that format, or lacks a day. */
function parseWith(format: string, text: string): { parts: Parts; time: boolean } | undefined {
  const pieces = piecesOf(format);
  if (!parsable(pieces)) return undefined;
  const order: string[] = [];
  const re = pieces.map((p) => {
    if ('text' in p) return escape(p.text);
    order.push(p.token);
    return p.token === 'YYYY' ? '(\\d{4})' : p.token === 'A' || p.token === 'a' ? '([AaPp][Mm])' : '(\\d{1,2})';
  }).join('');
  const m = new RegExp(`^\\s*${re}\\s*$`).exec(text);
  if (!m) return undefined;
  const parts: Parts = [NaN, NaN, NaN, 0, 0, 0];
  let pm: boolean | undefined, twelve = false, time = false;
  order.forEach((t, i) => {
    const v = m[i + 1]!;
    if (t === 'A' || t === 'a') { pm = /^p/i.test(v); return; }
    parts[NUMERIC[t]!] = Number(v);
    if (NUMERIC[t]! >= 3) time = true;
    if (t === 'hh' || t === 'h') twelve = true;
  });
  if (twelve && pm !== undefined) parts[3] = (parts[3] % 12) + (pm ? 12 : 0);
  if (parts.slice(0, 3).some(Number.isNaN)) return undefined;
  return { parts, time };
}

/** A date written year first (2024-05-14, 2024/5/14 09:30, 2024年5月14日): what a page's own text usually is. */
function parseYearFirst(text: string): { parts: Parts; time: boolean } | undefined {
  const n = (text.match(/\d+/g) ?? []).map(Number);
  if (n.length < 3 || n.length > 6 || !/^\s*\d{4}/.test(text)) return undefined;
  const parts: Parts = [n[0]!, n[1]!, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0];
  return { parts, time: n.length > 3 };
}

const parseEnd = (p: Picker, text: string) => parseWith(p.format, text) ?? parseYearFirst(text);

/**
 * The handle's format: the locale's moment format in the engine's tokens (YYYY, MM, M, DD, D, HH,
 * mm, ss), hours always 24 (a 12-hour box is read back into it); a format of names (MMM, dddd) is
 * shown year first. A picker without time selects holds days only.
 */
function engineFormat(p: Picker): string {
  const pieces = piecesOf(p.format);
  const TO: Record<string, string> = { YYYY: 'YYYY', MM: 'MM', M: 'M', DD: 'DD', D: 'D', HH: 'HH', H: 'HH', hh: 'HH', h: 'HH', mm: 'mm', m: 'mm', ss: 'ss', s: 'ss', A: '', a: '' };
  let f = parsable(pieces) && pieces.some((x) => 'token' in x && x.token === 'YYYY')
    ? pieces.map((x) => ('text' in x ? x.text : TO[x.token]!)).join('').trim()
    : `YYYY-MM-DD${p.time ? (p.seconds ? ' HH:mm:ss' : ' HH:mm') : ''}`;
  // the day part alone when the picker has no time selects (its dates are whole days)
  if (!p.time && formatHasTime(f)) f = f.slice(0, f.search(/HH|mm|ss/)).replace(/[\sT:]+$/, '') || 'YYYY-MM-DD';
  return f;
}

const isoOf = (x: Parts) => `${x[0]}-${String(x[1]).padStart(2, '0')}-${String(x[2]).padStart(2, '0')}T${String(x[3]).padStart(2, '0')}:${String(x[4]).padStart(2, '0')}:${String(x[5]).padStart(2, '0')}`;
const show = (x: Parts, format: string) => formatDate(isoOf(x), format) ?? isoOf(x);

/** How many of the parts the handle's format shows (3: the day, 5: the minute, 6: the second). */
const precisionOf = (format: string) => (/ss/.test(format) ? 6 : /mm/.test(format) ? 5 : /HH/.test(format) ? 4 : 3);
const sameAt = (a: Parts, b: Parts, n: number) => a.slice(0, n).every((v, i) => v === b[i]);
const compare = (a: Parts, b: Parts, n: number) => { for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!; return 0; };

const isRange = (h: WidgetHandle) => h.kind === 'daterange' || h.kind === 'datetimerange';

/** What separates a period's two ends in a box: the plugin's separator, else what pages write (至, ~, -). */
const SEPARATORS = [' 至 ', '至', ' ~ ', '~', '～', ' - ', ' — ', ' – ', ' to '];

/** The box's text as its dates (one, or a period's two); undefined when it is not dates. */
function datesIn(text: string, p: Picker, range: boolean): Parts[] | undefined {
  if (!range) { const d = parseEnd(p, text); return d ? [d.parts] : undefined; }
  for (const sep of [p.separator, ...SEPARATORS]) {
    if (!sep || !text.includes(sep)) continue;
    const ends = text.split(sep);
    if (ends.length !== 2) continue;
    const a = parseEnd(p, ends[0]!), b = parseEnd(p, ends[1]!);
    if (a && b) return [a.parts, b.parts];
  }
  return undefined;
}

/** What the picker holds now: its startDate (and endDate for a period); undefined mid-choice. */
function heldBy(p: Picker, range: boolean): Parts[] | undefined {
  if (!p.start) return undefined;
  if (!range) return [p.start];
  return p.end ? [p.start, p.end] : undefined;
}

// ---------------------------------------------------------------- the calendar

const shown = (panel: HTMLElement) => panel.isConnected && (panel.ownerDocument.defaultView?.getComputedStyle(panel).display ?? 'none') !== 'none';

/** The instance's own calendar (by its place among the document's), else the one shown now. */
function calendarOf(input: HTMLElement, p: Picker): HTMLElement | undefined {
  const all = input.ownerDocument.getElementsByClassName('daterangepicker');
  const own = p.container >= 0 ? all[p.container] as HTMLElement | undefined : undefined;
  if (own?.querySelector('.drp-calendar')) return own;
  return Array.from(all).find((c): c is HTMLElement => shown(c as HTMLElement));
}

async function openCalendar(input: HTMLInputElement, p: Picker): Promise<HTMLElement> {
  let state = p;
  // a calendar already open (a clerk mid-choice) is closed first, so the plugin starts the choice
  // afresh from what it holds (a click outside puts back a half-chosen period)
  if (state.showing) {
    clickLikeUser(input.ownerDocument.body);
    const again = await waitUntil(() => { const s = pickerOf(input); return s && !s.showing ? s : undefined; }, { near: input, timeout: 600 });
    if (!again) throw new Error('日期面板没有关闭');
    state = again;
  }
  clickLikeUser(input);
  const panel = await waitUntil(() => { const c = calendarOf(input, state); return c && shown(c) && pickerOf(input)?.showing ? c : undefined; }, { near: input, timeout: 1500 });
  if (!panel) throw new Error('日期面板没有打开');
  // a period picker with predefined ranges (今天, 最近7天…) shows its calendars after 自定义 is
  // clicked (the plugin's customRangeLabel, the list's last item): a person clicks it first
  const custom = Array.from(panel.querySelectorAll<HTMLElement>('.ranges li')).find((li) => li.getAttribute('data-range-key') === state.customRangeLabel);
  if (!state.single && custom && !panel.classList.contains('show-calendar')) clickLikeUser(custom);
  return panel;
}

type Side = 'left' | 'right';

/** The month a calendar shows, as year × 12 + month (0–11): its selects, else its title (月名 2024). */
function monthShown(panel: HTMLElement, side: Side, p: Picker): number | undefined {
  const cal = panel.querySelector(`.drp-calendar.${side}`);
  if (!cal || (cal as HTMLElement).style.display === 'none') return undefined;
  const ms = cal.querySelector<HTMLSelectElement>('select.monthselect'), ys = cal.querySelector<HTMLSelectElement>('select.yearselect');
  if (ms && ys) return Number(ys.value) * 12 + Number(ms.value);
  const title = (cal.querySelector('th.month')?.textContent ?? '').trim();
  const y = /(\d{4})\s*$/.exec(title);
  if (!y) return undefined;
  const name = title.slice(0, y.index).trim();
  let m = p.monthNames.findIndex((n) => n.trim() === name);
  // a locale without its own names: 5月, 05
  if (m < 0 && /^\d{1,2}/.test(name)) m = Number(/^\d{1,2}/.exec(name)![0]) - 1;
  return m >= 0 && m < 12 ? Number(y[1]) * 12 + m : undefined;
}

/** Most turns a calendar may take (a month an arrow): a century, as far as the plugin's year list goes by default. */
const MAX_TURNS = 1200;

/** A select of the calendar set as a person sets it: the option chosen, then `change` (the plugin redraws the calendar at once). */
function choose(sel: HTMLSelectElement, value: string, what: string): void {
  const opt = Array.from(sel.options).find((o) => o.value === value);
  if (!opt) throw new Error(`${what}不在可选范围内`);
  if (opt.disabled) throw new Error(`${what}不在可选范围内`);
  if (sel.value === value) return;
  setNativeValue(sel, value);
  fire(sel, 'input');
  fire(sel, 'change');
}

/**
 * Turns the calendars until one shows the month of `d`; the side that shows it. The plugin redraws
 * a calendar within the arrow's click or the select's change, so each turn is checked at once.
 */
function turnTo(panel: HTMLElement, p: Picker, d: Parts, end: boolean): Side {
  const target = d[0] * 12 + d[1] - 1;
  const sides: Side[] = p.single ? ['left'] : ['left', 'right'];
  for (let turn = 0; ; turn++) {
    const months = sides.map((s) => monthShown(panel, s, p));
    const at = sides.findIndex((_, i) => months[i] === target);
    if (at >= 0) return sides[at]!;
    if (months[0] === undefined) throw new Error('无法识别日历显示的月份');
    if (turn >= MAX_TURNS) throw new Error('日历无法翻到该月份');
    // the end of a period on the right-hand calendar (linked: it turns both), else the left
    const side: Side = end && !p.single && months[1] !== undefined ? 'right' : 'left';
    const before = months[sides.indexOf(side)];
    if (p.dropdowns && panel.querySelector(`.drp-calendar.${side} select.yearselect`)) {
      const year = () => panel.querySelector<HTMLSelectElement>(`.drp-calendar.${side} select.yearselect`);
      const month = () => panel.querySelector<HTMLSelectElement>(`.drp-calendar.${side} select.monthselect`);
      choose(year()!, String(d[0]), '年份');
      const ms = month();
      if (!ms) throw new Error('日历没有月份选择框');
      choose(ms, String(d[1] - 1), '月份');
      if (monthShown(panel, side, p) !== target && monthShown(panel, 'left', p) !== target) throw new Error('日期不在可选范围内');
      continue;
    }
    const shownNow = months[sides.indexOf(side)]!;
    // (linked calendars: the previous-month arrow is the left one's, the next-month arrow the right one's)
    const back = target < shownNow;
    const arrowSide: Side = p.single || !p.linked ? side : back ? 'left' : 'right';
    const arrow = panel.querySelector<HTMLElement>(`.drp-calendar.${arrowSide} th.${back ? 'prev' : 'next'}.available`);
    if (!arrow) throw new Error('日期不在可选范围内');
    clickLikeUser(arrow);
    if (monthShown(panel, side, p) === before) throw new Error('日历没有响应');
  }
}

/** Clicks day `d` in the calendar showing its month (turned there first); checks the plugin took it. */
async function clickDay(input: HTMLInputElement, panel: HTMLElement, p: Picker, d: Parts, end: boolean, format: string): Promise<void> {
  const side = turnTo(panel, p, d, end);
  const cells = Array.from(panel.querySelectorAll<HTMLTableCellElement>(`.drp-calendar.${side} td[data-title]`));
  // the month's own day: the neighbouring months' days it shows are `off ends`
  const cell = cells.find((c) => !c.classList.contains('ends') && (c.textContent ?? '').trim() === String(d[2]));
  if (!cell) throw new Error('日历中没有这一天');
  if (!cell.classList.contains('available')) {
    // (its bounds were checked before it opened: a span too long, or a day the page refuses)
    throw new Error(end && p.maxSpan ? '起止时间超过了页面允许的最长跨度' : `页面不允许选择这一天（${show(d, format.replace(/[\sT]*HH.*$/, '') || 'YYYY-MM-DD')}）`);
  }
  clickLikeUser(cell);
  // the plugin takes the day on mousedown and redraws at once: its instance says what it took
  const took = await waitUntil(() => {
    const s = pickerOf(input);
    const day = end ? s?.end : s?.start;
    return day && sameAt(day, d, 3) ? s : undefined;
  }, { near: panel, timeout: 600 });
  if (!took) throw new Error('日历没有选中这一天');
}

/** The time selects under one calendar set to `d`'s time (AM/PM first: the hours it offers follow it). */
async function setTime(panel: HTMLElement, side: Side, p: Picker, d: Parts): Promise<void> {
  const sel = (cls: string) => panel.querySelector<HTMLSelectElement>(`.drp-calendar.${side} .calendar-time select.${cls}`);
  const steps: [string, string][] = [];
  if (!p.time24) steps.push(['ampmselect', d[3] >= 12 ? 'PM' : 'AM']);
  steps.push(['hourselect', String(p.time24 ? d[3] : d[3] % 12 || 12)], ['minuteselect', String(d[4])]);
  if (p.seconds) steps.push(['secondselect', String(d[5])]);
  for (const [cls, value] of steps) {
    // each change redraws the selects: found again every time
    const s = sel(cls);
    if (!s) throw new Error('日期面板中没有时间选择框');
    choose(s, value, '时间');
  }
}

/**
 * Leaves an opened calendar holding what it held: a half-chosen period is put back by the plugin
 * itself on a click outside; a completed choice is first made half again (a day clicked starts a
 * new period), since a click outside keeps a completed one. A single date cannot be half chosen:
 * 取消 puts the plugin's dates back (a page may empty its box on 取消; the text is put back after).
 */
async function abandon(input: HTMLInputElement, panel: HTMLElement, p: Picker, before: string): Promise<void> {
  if (!shown(panel)) return;
  const now = pickerOf(input);
  if (!p.single && now?.end) {
    const any = panel.querySelector<HTMLElement>('td.available');
    if (any) clickLikeUser(any);
  }
  const half = !p.single && !pickerOf(input)?.end;
  clickLikeUser(half ? input.ownerDocument.body : panel.querySelector<HTMLElement>('.cancelBtn') ?? input.ownerDocument.body);
  await waitUntil(() => !shown(panel), { near: input, timeout: 600 });
  if (input.value !== before) setNativeValue(input, before);
}

/** The values asked for, as parts, checked against what the picker can hold (before it is opened). */
function wanted(h: WidgetHandle, p: Picker, v: FillValue): Parts[] {
  const format = h.dateFormat ?? engineFormat(p);
  const texts = isRange(h) ? (v.type === 'range' ? [v.from, v.to] : undefined) : v.type === 'text' ? [v.text] : undefined;
  if (!texts) throw new Error(isRange(h) ? '日期范围控件需要起止两个日期' : '日期控件只接受日期');
  const n = precisionOf(format);
  const out = texts.map((t) => {
    const d = parseWith(format, t) ?? parseYearFirst(t);
    if (!d) throw new Error(`无法识别日期“${t}”`);
    if (n > 3 && !d.time) throw new Error('记录没有时间部分，门户要求填写时间');
    return d.parts;
  });
  const limits = (x: Parts | undefined) => (x ? show(x, format) : '…');
  for (const d of out) {
    // bounds as the plugin keeps them: by day for a calendar of days, by the minute with times
    if ((p.min && compare(d, p.min, n) < 0) || (p.max && compare(d, p.max, n) > 0)) throw new Error(`日期不在可选范围内（${limits(p.min)} 至 ${limits(p.max)}）`);
    if (p.dropdowns) {
      const lo = p.min?.[0] ?? p.minYear, hi = p.max?.[0] ?? p.maxYear;
      if ((lo !== undefined && d[0] < lo) || (hi !== undefined && d[0] > hi)) throw new Error(`年份 ${d[0]} 不在可选范围内（${lo ?? '…'} 至 ${hi ?? '…'}）`);
    }
    if (n > 3 && p.time) {
      const hhmm = `${String(d[3]).padStart(2, '0')}:${String(d[4]).padStart(2, '0')}`;
      if (d[4] % p.increment !== 0) throw new Error(`该控件的分钟只能按 ${p.increment} 分钟的间隔选择，选不到 ${hhmm}`);
      if (!p.seconds && d[5] !== 0) throw new Error('该控件不能选择秒，记录中的时间带有秒');
    }
  }
  if (out.length === 2 && compare(out[1]!, out[0]!, n) < 0) throw new Error('结束时间早于开始时间');
  return out;
}

async function pick(input: HTMLInputElement, h: WidgetHandle, p: Picker, want: Parts[]): Promise<void> {
  const before = input.value;
  const panel = await openCalendar(input, p);
  const format = h.dateFormat ?? engineFormat(p);
  const n = precisionOf(format);
  try {
    await clickDay(input, panel, p, want[0]!, false, format);
    if (want.length === 2) await clickDay(input, panel, p, want[1]!, true, format);
    // the times once the days are in (a day clicked takes the time its selects show), the start's
    // under the left calendar, the end's under the right; not while autoApply has closed it
    if (n > 3 && p.time && shown(panel)) {
      await setTime(panel, 'left', p, want[0]!);
      if (want.length === 2) await setTime(panel, 'right', p, want[1]!);
    }
    const held = pickerOf(input);
    const got = held && heldBy(held, want.length === 2);
    if (!got || !got.every((g, i) => sameAt(g, want[i]!, n))) throw new Error('日期面板没有选中该日期');
    if (shown(panel)) {
      const apply = panel.querySelector<HTMLButtonElement>('.applyBtn');
      if (!apply || apply.disabled) throw new Error('日期面板的确定按钮不可用');
      clickLikeUser(apply);
    }
    if (!(await waitUntil(() => !shown(panel), { near: input, timeout: 600 }))) throw new Error('日期面板没有关闭');
  } catch (e) {
    await abandon(input, panel, p, before).catch(() => undefined);
    throw e;
  }
}

export const daterangepicker: WidgetAdapter = defineAdapter({
  name: 'daterangepicker',
  aliases: ['bootstrap-daterangepicker'],
  dropdown: { popup: PANEL, item: 'td.available' },
  panel: PANEL,
  expanded: (h) => !!pickerOf(h.el)?.showing,
  detect(el) {
    if (!isInput(el, 'text')) return undefined;
    const p = pickerOf(el);
    if (!p) return undefined;
    const dateFormat = engineFormat(p);
    const time = formatHasTime(dateFormat);
    const kind = p.single ? (time ? 'datetime' : 'date') : time ? 'datetimerange' : 'daterange';
    return { el, visible: el, kind, dateFormat, readOnly: el.readOnly };
  },
  read(h): ReadValue {
    const input = h.el as HTMLInputElement;
    const text = input.value.trim();
    if (!text) return null;
    const p = pickerOf(input);
    if (!p) return text;
    const range = isRange(h);
    const format = h.dateFormat ?? engineFormat(p);
    let dates = datesIn(text, p, range);
    // the box is rewritten from the instance when the calendar next closes: that is what it holds
    const held = p.autoUpdateInput ? heldBy(p, range) : undefined;
    if (held && (!dates || !dates.every((d, i) => sameAt(d, held[i]!, precisionOf(format))))) dates = held;
    if (!dates) return text;
    const out = dates.map((d) => show(d, format));
    return range ? out : out[0]!;
  },
  async write(h, v) {
    const input = h.el as HTMLInputElement;
    const p = pickerOf(input);
    if (!p) throw new Error('日期控件已不在页面上');
    if (v.type === 'text' && v.text === '') return clearBox(h);
    await pick(input, h, p, wanted(h, p, v));
  },
  clear: clearBox,
} satisfies WidgetAdapter);

/** Empties the box where the page lets a person do so (undo of a box that was empty). */
async function clearBox(h: WidgetHandle): Promise<void> {
  const input = h.el as HTMLInputElement;
  const p = pickerOf(input);
  if (!p) throw new Error('日期控件已不在页面上');
  if (!input.value.trim()) return;
  // the plugin has no empty state: pages that allow one empty the box on 取消 (cancel.daterangepicker)
  const panel = await openCalendar(input, p);
  clickLikeUser(panel.querySelector<HTMLElement>('.cancelBtn') ?? input.ownerDocument.body);
  await waitUntil(() => !shown(panel), { near: input, timeout: 600 });
  if (!input.value.trim()) return;
  // a box the clerk types into and the plugin does not rewrite: emptied as a person deletes the
  // text (the plugin ignores an empty box on keyup)
  if (!input.readOnly && !p.autoUpdateInput) {
    setNativeValue(input, '');
    fire(input, 'input');
    fire(input, 'change');
    return;
  }
  throw new Error('该日期控件不能清空');
}
