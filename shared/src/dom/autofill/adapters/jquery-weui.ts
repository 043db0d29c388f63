/**
 * jQuery WeUI 1.2 (mobile pages on jQuery 2): read-only boxes the library turns into popups of its
 * own, appended to body in a `.weui-picker-container` and slid up from the bottom (a
 * `.weui-picker-modal`, open while it has `.weui-picker-modal-visible`):
 *   $(el).picker({cols})         a wheel per column (`.picker-items-col`, items `.picker-item`); a tap
 *                                on an item turns its wheel to it, 完成 (`.close-picker`) closes
 *   $(el).cityPicker()           a picker of province / city / district, each column redrawn for
 *                                the one before (a path, written as the cascaders are)
 *   $(el).datetimePicker()       a picker of year, month, day, hour and minute; a date outside its
 *                                min/max turns the wheels back
 *   $(el).select({items, multi}) a list of radios or checkboxes (`.weui-select-modal`): one choice
 *                                closes it, several are confirmed with 确定 (`.close-select`); the
 *                                chosen codes are kept in the box's data-values
 *   $(el).calendar()             a month (`.weui-picker-calendar`) with year and month arrows; a tap
 *                                on a day chooses it and closes it
 * Nothing in the DOM says a box is one of these: the plugin keeps its instance in the box's
 * jQuery data, seen only from the page's world (framework-state.ts jqueryPluginsOf, and
 * jqueryOptionsOf for the items and columns it offers; the extension asks through its page-world
 * bridge). Each is written as a person does it — tap the box, tap the choice in its popup,
 * confirm — and read back from what the plugin writes: the box's text, and a select's data-values.
 */
import type { FillValue, ScannedOption } from '../../../core/autofill/types.ts';
import { compactRegion, isRegionName, regionIndexOf, regionParts, regionPrefix } from '../../../core/autofill/region.ts';
import { pageWorld } from '../framework-state.ts';
import { clickLikeUser, setNativeValue, textOf } from '../util.ts';
import { cascaderPaths } from './popup.ts';
import { defineAdapter } from './registry.ts';
import { isInput, itemsOf, same, sameName, type OptionItem, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { nextFrame, waitUntil } from './wait.ts';

type Widget = 'select' | 'calendar' | 'datetime' | 'city' | 'picker';
type Options = Record<string, unknown>;

/** The jQuery data keys the plugins keep their instance under (a datetimePicker's box has a `picker` too: its own key first). */
const KEYS: readonly (readonly [string, Widget])[] = [['weuiSelect', 'select'], ['weui-select', 'select'], ['calendar', 'calendar'], ['datetime', 'datetime'], ['picker', 'picker']];

const OPEN = 'weui-picker-modal-visible';
const COLUMN = '.picker-items-col:not(.picker-items-col-divider)';
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const numbersOf = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
/** A date's year, month and day as one number (20250520), from text; undefined for anything else (a timestamp). */
const dayOf = (s: string) => { const d = numbersOf(s); return d.length >= 3 && d[0]! >= 1000 ? d[0]! * 10000 + d[1]! * 100 + d[2]! : undefined; };
/**
 * Whether the day of `text` lies within the page's bounds (dates, compared by day as the plugins
 * do): outside them the plugin refuses it, and opening it first would already turn an empty box
 * to today, so this is asked before the popup is opened.
 */
function withinBounds(text: string, min: unknown, max: unknown): boolean {
  const day = dayOf(text), lo = dayOf(str(min)), hi = dayOf(str(max));
  return day === undefined || ((lo === undefined || day >= lo) && (hi === undefined || day <= hi));
}

/** Which plugin owns the box, and the options it was made with (undefined: none, or an instance destroyed since). */
function widgetOf(el: Element): { widget: Widget; opts: Options } | undefined {
  const keys = pageWorld().jqueryPlugins?.(el);
  if (!keys?.length) return undefined;
  for (const [key, widget] of KEYS) {
    if (!keys.includes(key)) continue;
    const opts = pageWorld().jqueryOptions?.(el, key);
    if (!opts) continue;
    // cityPicker makes a picker of its own class (its columns follow each other)
    return { widget: widget === 'picker' && /\bcity-picker\b/.test(str(opts.cssClass)) ? 'city' : widget, opts };
  }
  return undefined;
}

/** A select's items as the plugin keeps them ({title, value}; plain strings are both). */
function selectItems(opts: Options): { title: string; value: string }[] {
  const items = Array.isArray(opts.items) ? opts.items : [];
  return items.map((i) => (i && typeof i === 'object' ? { title: str((i as Options).title), value: str((i as Options).value) } : { title: str(i), value: str(i) })).filter((i) => i.title || i.value);
}

/** A picker's columns that hold values (dividers aside): the values, and the texts shown for them. */
function pickerColumns(opts: Options): { values: string[]; texts: string[] }[] {
  const cols = Array.isArray(opts.cols) ? opts.cols as Options[] : [];
  return cols.filter((c) => c && typeof c === 'object' && !c.divider && Array.isArray(c.values)).map((c) => {
    const values = (c.values as unknown[]).map(str);
    const shown = Array.isArray(c.displayValues) ? (c.displayValues as unknown[]).map(str) : values;
    return { values, texts: values.map((v, i) => shown[i] ?? v) };
  });
}

/** The calendar's dateFormat (yyyy, yy, mm, m, dd, d) in the engine's tokens; undefined for month or day names. */
function calendarFormat(opts: Options): string | undefined {
  const f = str(opts.dateFormat) || 'yyyy/mm/dd';
  if (/[MD]/.test(f)) return undefined;
  return f.replace(/yyyy|yy|mm|m|dd|d/g, (t) => ({ yyyy: 'YYYY', yy: 'YY', mm: 'MM', m: 'M', dd: 'DD', d: 'D' } as Record<string, string>)[t]!);
}

/**
 * The datetimePicker's text: its default format joins the columns with the page's separators;
 * its time columns are the page's own (`times`), counted on the picker it makes: none (a date
 * only), the hour, or the hour and the minute.
 */
function datetimeFormat(opts: Options, columns: number): string {
  const sep = (k: string, d: string) => (typeof opts[k] === 'string' ? opts[k] as string : d);
  const date = `YYYY${sep('yearSplit', '-')}MM${sep('monthSplit', '-')}DD${sep('dateSplit', '')}`;
  return columns > 0 && columns <= 3 ? date : `${date}${sep('datetimeSplit', ' ')}${columns === 4 ? 'HH' : 'HH:mm'}`;
}

// ---------------------------------------------------------------- the popup

type Animated = Element & { getAnimations?: () => Animation[] };
/** The popup's slide (a CSS transition on its transform and opacity) still runs. */
const sliding = (popup: Element) => ((popup as Animated).getAnimations?.() ?? []).some((a) => a.playState === 'running');

/** The plugin's open popup: one at a time ($.openPicker closes any other first). */
const openModal = (doc: Document) => Array.from(doc.querySelectorAll<HTMLElement>(`.weui-picker-modal.${OPEN}`)).pop();

async function openFrom(input: HTMLElement, kind: string, opts: { turning?: boolean } = {}): Promise<HTMLElement> {
  const doc = input.ownerDocument;
  const already = openModal(doc);
  // the plugin opens on the box's click; a popup of this box left open is taken as it is
  if (!already || !already.matches(kind)) clickLikeUser(input);
  const popup = await waitUntil(() => { const p = openModal(doc); return p?.matches(kind) ? p : undefined; }, { near: input, timeout: 1500 });
  if (!popup) throw new Error('选择面板没有打开');
  // a person taps once the sheet is up. The plugin removes a closed popup when its slide-out
  // transition ends: closed in the same frame it opened in, no transition runs and the popup
  // (and its container) would stay in the page for good, over the fields below it
  await nextFrame(popup);
  // (a calendar turns its month meanwhile: that slide outlasts this one)
  if (!opts.turning) await waitUntil(() => !sliding(popup), { root: popup, timeout: 600 });
  return popup;
}

/**
 * Closes the popup as a person does — its own 完成/确定, else a tap outside it (the calendar has
 * no button; the plugins close on a click elsewhere in the page) — and waits for it to slide
 * out: it covers the bottom of the screen, where the next fields are, until it is removed.
 */
async function closeModal(popup: HTMLElement, button?: string): Promise<void> {
  const doc = popup.ownerDocument;
  const gone = () => !popup.isConnected || !popup.classList.contains(OPEN);
  if (!gone()) {
    const b = button ? popup.querySelector<HTMLElement>(button) : null;
    clickLikeUser(b ?? doc.body);
  }
  if (!(await waitUntil(gone, { near: popup, timeout: 600 }))) throw new Error('选择面板没有关闭');
  await waitUntil(() => !popup.isConnected, { near: popup, timeout: 600 });
}

const itemsIn = (col: Element | undefined) => Array.from(col?.querySelectorAll<HTMLElement>('.picker-item') ?? []);
const columnsIn = (popup: HTMLElement) => Array.from(popup.querySelectorAll<HTMLElement>(COLUMN));
const selectedIn = (col: Element | undefined) => itemsIn(col).find((i) => i.classList.contains('picker-selected'));

/** Turns column `c` to `item` with a tap (the plugin redraws the columns after it at once, as cityPicker does). */
async function tapItem(popup: HTMLElement, c: number, item: HTMLElement): Promise<void> {
  if (selectedIn(columnsIn(popup)[c]) === item) return;
  clickLikeUser(item);
  const value = item.getAttribute('data-picker-value');
  if (!(await waitUntil(() => selectedIn(columnsIn(popup)[c])?.getAttribute('data-picker-value') === value, { root: popup, timeout: 600 }))) throw new Error('选择面板没有响应');
}

// ---------------------------------------------------------------- pickers

/** The texts a value may be shown as (a choice's candidates, or the text itself). */
function candidatesOf(v: FillValue): string[] {
  return itemsOf(v).flatMap((i) => i.candidates).concat(v.type === 'path' ? v.candidates : []);
}
const matchesItem = (it: OptionItem, text: string, value: string) => (it.value !== undefined && it.value === value) || it.candidates.some((c) => sameName(text, c));

/** One column: the item asked for, as the page's options list it (checked before the popup is opened). */
async function pickOne(input: HTMLElement, opts: Options, v: FillValue): Promise<void> {
  const item: OptionItem = v.type === 'option' ? v : { candidates: candidatesOf(v) };
  const col = pickerColumns(opts)[0];
  // an option the picker lacks: failed before the popup is opened (opening an empty picker turns it to its first item)
  if (col && !col.values.some((value, i) => matchesItem(item, col.texts[i]!, value))) throw new Error(`选项中没有“${item.candidates[0] ?? item.value ?? ''}”`);
  const popup = await openFrom(input, '.picker-columns');
  try {
    const hit = itemsIn(columnsIn(popup)[0]).find((i) => matchesItem(item, textOf(i, 200), i.getAttribute('data-picker-value') ?? ''));
    if (!hit) throw new Error('找不到选项');
    await tapItem(popup, 0, hit);
  } finally {
    await closeModal(popup, '.close-picker');
  }
}

/** Date-time wheels: one column per number of the value, in order (year, month, day, hour, minute). */
async function pickDateTime(input: HTMLElement, opts: Options, v: FillValue): Promise<void> {
  const text = v.type === 'text' ? v.text : candidatesOf(v)[0] ?? '';
  const parts = numbersOf(text);
  // the page's min/max: outside them the plugin turns the wheels back
  if (!withinBounds(text, opts.min, opts.max)) throw new Error(`日期不在可选范围内（${str(opts.min) || '…'} 至 ${str(opts.max) || '…'}）`);
  const years = Array.isArray(opts.years) ? (opts.years as unknown[]).map(Number) : [];
  if (parts[0] !== undefined && years.length && !years.includes(parts[0])) throw new Error(`年份 ${parts[0]} 不在可选范围内`);
  const popup = await openFrom(input, '.picker-columns');
  try {
    const cols = columnsIn(popup);
    if (parts.length < cols.length) throw new Error('值的部分少于选择面板的列');
    const at = (c: number) => itemsIn(columnsIn(popup)[c]).find((i) => { const n = numbersOf(textOf(i, 40)); return n.length === 1 && n[0] === parts[c]; });
    const held = () => cols.every((_, c) => { const s = selectedIn(columnsIn(popup)[c]); return !!s && at(c) === s; });
    // twice at most: a day the month before lacked (31) or a bound passed on the way turns a wheel back
    for (let pass = 0; pass < 2 && !held(); pass++) {
      for (let c = 0; c < cols.length; c++) {
        const hit = at(c);
        if (!hit) throw new Error(`选择面板中没有“${parts[c]}”`);
        await tapItem(popup, c, hit).catch(() => undefined);
      }
    }
    if (!held()) throw new Error('日期不在可选范围内');
  } finally {
    await closeModal(popup, '.close-picker');
  }
}

/**
 * Columns that follow each other (cityPicker): the parts of a path column by column, or a region
 * written in one run of text (江苏省泰州市泰兴市) from the options the columns show, each next
 * column naming the text right after the last; a record starting below the first column (泰兴市)
 * is looked for branch by branch, bounded. Not done when a region name of the text is left
 * over (a picker one level short of the record is not filled with a guess).
 */
async function pickPath(input: HTMLElement, opts: Options, v: FillValue): Promise<void> {
  const paths = cascaderPaths(v);
  const cols = pickerColumns(opts);
  // a region with more names than the columns can hold (a township and a village into province /
  // city / district), or — starting below the first column — more than the columns after it: not
  // this picker's, failed before the popup is opened (opening an empty picker turns it to its first items)
  if (cols.length > 1 && paths.length && paths.every((p) => {
    const t = compactRegion(p.join(''));
    const names = regionParts(t).filter(isRegionName).length;
    const top = cols[0]!.texts.some((x) => regionIndexOf(t, x));
    return names > (top ? cols.length : cols.length - 1);
  })) throw new Error('地区的层级多于选择面板的列');
  const popup = await openFrom(input, '.picker-columns');
  // the wheels as they were: put back when the path is not found, so a failed write leaves the choice as it was
  const before = columnsIn(popup).map((c) => selectedIn(c)?.getAttribute('data-picker-value') ?? null);
  try {
    const count = columnsIn(popup).length;
    const items = (c: number) => itemsIn(columnsIn(popup)[c]);
    // each part in its column, in order
    for (const path of paths) {
      if (path.length !== count) continue;
      let ok = true;
      for (let c = 0; c < count && ok; c++) {
        const hit = items(c).find((i) => same(textOf(i, 200), path[c]!));
        if (hit) await tapItem(popup, c, hit); else ok = false;
      }
      if (ok) return;
    }
    for (const path of paths) if (await walkRegion(popup, count, compactRegion(path.join('')))) return;
    for (let c = 0; c < before.length; c++) {
      const was = items(c).find((i) => i.getAttribute('data-picker-value') === before[c]);
      if (was) await tapItem(popup, c, was).catch(() => undefined);
    }
    throw new Error('找不到选项');
  } finally {
    await closeModal(popup, '.close-picker');
  }
}

/** How many taps a search for a region starting below the first column may take (34 provinces × their cities). */
const BRANCH_BUDGET = 600;

async function walkRegion(popup: HTMLElement, count: number, t: string): Promise<boolean> {
  if (!t) return false;
  const items = (c: number) => itemsIn(columnsIn(popup)[c]);
  const done = (pos: number) => pos >= t.length || !regionParts(t.slice(pos)).some(isRegionName);
  /** From column `c` on, the text at `pos` named column after column; an empty last column (a city without districts) ends it. */
  const rest = async (c: number, pos: number): Promise<boolean> => {
    for (; c < count; c++) {
      const list = items(c);
      if (list.length === 1 && !textOf(list[0], 200)) continue;
      let best: { i: HTMLElement; n: number } | undefined;
      for (const i of list) { const n = regionPrefix(t.slice(pos), textOf(i, 200)); if (n > 0 && (!best || n > best.n)) best = { i, n }; }
      if (!best) return false;
      await tapItem(popup, c, best.i);
      pos += best.n;
    }
    return done(pos);
  };
  // the first column's option named earliest in the text (the record may name more than the picker)
  let top: { i: HTMLElement; at: number; length: number } | undefined;
  for (const i of items(0)) { const h = regionIndexOf(t, textOf(i, 200)); if (h && (!top || h.at < top.at || (h.at === top.at && h.length > top.length))) top = { i, ...h }; }
  if (top) { await tapItem(popup, 0, top.i); return rest(1, top.at + top.length); }
  // the record starts lower: look for its first name in the next columns, branch by branch
  let budget = BRANCH_BUDGET;
  const search = async (c: number): Promise<boolean> => {
    if (c >= count) return false;
    const hit = items(c).find((i) => regionPrefix(t, textOf(i, 200)) > 0);
    if (hit && c > 0) { await tapItem(popup, c, hit); return rest(c + 1, regionPrefix(t, textOf(hit, 200))); }
    if (c >= count - 1) return false;
    const n = items(c).length;
    for (let k = 0; k < n && budget-- > 0; k++) {
      const i = items(c)[k];
      if (!i) break;
      await tapItem(popup, c, i);
      if (await search(c + 1)) return true;
    }
    return false;
  };
  return search(0);
}

// ---------------------------------------------------------------- select

async function pickSelect(input: HTMLElement, opts: Options, v: FillValue, clear = false): Promise<void> {
  const offered = selectItems(opts);
  const multi = !!opts.multi;
  const asked = clear ? [] : itemsOf(v);
  if (!clear && !asked.length) throw new Error('下拉选择只接受选项');
  if (!multi && asked.length > 1) throw new Error('只能选一项');
  // each asked item among the select's own (checked before the popup is opened: a missing one changes nothing)
  const want = asked.map((it) => ({ it, hit: offered.find((o) => matchesItem(it, o.title, o.value)) }));
  const missing = want.find((w) => !w.hit)?.it;
  if (missing) throw new Error(`选项中没有“${missing.candidates[0] ?? missing.value ?? ''}”`);
  const values = new Set(want.map((w) => w.hit!.value));
  const popup = await openFrom(input, '.weui-select-modal');
  let closed = false;
  try {
    const boxes = () => Array.from(popup.querySelectorAll<HTMLInputElement>('input.weui-check'));
    if (boxes().length === 0) throw new Error('选择面板没有选项');
    const before = boxes().filter((b) => b.checked).map((b) => b.value);
    const tap = async (b: HTMLInputElement) => {
      const want = !b.checked;
      // the row, as a person taps it (the label forwards the tap to its radio or checkbox)
      clickLikeUser(b.closest('label') ?? b);
      if (b.isConnected && b.checked !== want && popup.classList.contains(OPEN)) clickLikeUser(b);
      await waitUntil(() => !b.isConnected || b.checked === want || !popup.classList.contains(OPEN), { root: popup, timeout: 400 });
    };
    for (const b of boxes()) {
      if (!popup.classList.contains(OPEN)) break;
      const on = values.has(b.value);
      if (b.checked !== on && (multi || on)) await tap(b);
    }
    // one choice closes the popup itself (autoClose); several are confirmed with 确定, which a min/max of the page may refuse
    if (popup.classList.contains(OPEN)) {
      clickLikeUser(popup.querySelector<HTMLElement>('.close-select') ?? input.ownerDocument.body);
      if (!(await waitUntil(() => !popup.classList.contains(OPEN), { near: popup, timeout: 600 }))) {
        // put the choice back as it was, so the page keeps what it had, and say why
        for (const b of boxes()) if (b.checked !== before.includes(b.value)) await tap(b);
        throw new Error('选择面板不接受这些选项（所选项数不符合页面的要求）');
      }
    }
    closed = true;
    await waitUntil(() => !popup.isConnected, { near: popup, timeout: 600 });
  } finally {
    if (!closed) await closeModal(popup, '.close-select');
  }
}

/** What the select holds: the titles of the codes in data-values (the box's own text when the page set no codes). */
function readSelect(input: HTMLInputElement, opts: Options | undefined): string | string[] | null {
  const multi = !!opts?.multi;
  const split = str(opts?.split) || ',';
  const codes = input.getAttribute('data-values');
  const offered = opts ? selectItems(opts) : [];
  const parts = codes !== null ? (multi ? codes.split(split) : [codes]).filter((c) => c !== '').map((c) => offered.find((o) => o.value === c)?.title ?? c) : (multi ? input.value.split(split) : [input.value]).filter(Boolean);
  return multi ? parts : parts[0] ?? null;
}

// ---------------------------------------------------------------- calendar

const monthOf = (m: Element | null) => (m ? Number(m.getAttribute('data-year')) * 12 + Number(m.getAttribute('data-month')) : NaN);
/** Most arrow taps a date may take (years, then months): beyond, the date is not the calendar's. */
const CALENDAR_STEPS = 60;

async function pickDate(input: HTMLElement, opts: Options, v: FillValue): Promise<void> {
  const text = v.type === 'text' ? v.text : candidatesOf(v)[0] ?? '';
  const [y, m, d] = numbersOf(text);
  if (y === undefined || m === undefined || d === undefined || y < 1000) throw new Error('日期格式无法识别');
  if (!withinBounds(text, opts.minDate, opts.maxDate)) throw new Error(`日期不在可选范围内（${str(opts.minDate) || '…'} 至 ${str(opts.maxDate) || '…'}）`);
  const target = y * 12 + (m - 1);
  const popup = await openFrom(input, '.weui-picker-calendar', { turning: true });
  let chosen = false;
  try {
    const current = () => popup.querySelector('.picker-calendar-month-current');
    // a month change ends (transitionend) with the months either side of the new one drawn again
    const settled = () => !!popup.querySelector('.picker-calendar-month-prev') && !!popup.querySelector('.picker-calendar-month-next');
    await waitUntil(settled, { root: popup, timeout: 600 });
    // the fewest taps: a year arrow while the month is nearer a year away (each tap waits for the
    // slide), but never onto a month past the calendar's bounds, which it refuses
    const bound = (k: string) => { const b = dayOf(str(opts[k])); return b === undefined ? undefined : Math.floor(b / 10000) * 12 + (Math.floor(b / 100) % 100) - 1; };
    const lo = bound('minDate'), hi = bound('maxDate');
    const allowed = (month: number) => (lo === undefined || month > lo) && (hi === undefined || month < hi);
    let years = true;
    const turn = async (arrow: string, at: number) => {
      const button = popup.querySelector<HTMLElement>(arrow);
      if (!button) return false;
      clickLikeUser(button);
      return !!(await waitUntil(() => monthOf(current()) !== at && settled(), { root: popup, timeout: 1000 }));
    };
    // straight to the month in one slide through the calendar's own setYearMonth (see
    // turnJqueryCalendar); the arrows below when the bridge cannot reach it
    const from = monthOf(current());
    if (from !== target && pageWorld().turnCalendar?.(input, y, m - 1)) {
      await waitUntil(() => monthOf(current()) === target && settled(), { root: popup, timeout: 1000 });
    }
    // (the sheet's own slide up, not waited for by openFrom: over by now when the month turned)
    await waitUntil(() => !sliding(popup), { root: popup, timeout: 600 });
    for (let step = 0; monthOf(current()) !== target; step++) {
      const at = monthOf(current());
      if (Number.isNaN(at) || step >= CALENDAR_STEPS) throw new Error('日历无法翻到该月份');
      const diff = target - at;
      // (more than six months away: a year lands nearer, and never back and forth about the target)
      const byYear = years && Math.abs(diff) > 6 && allowed(at + (diff > 0 ? 12 : -12));
      if (byYear && await turn(diff > 0 ? '.picker-calendar-next-year' : '.picker-calendar-prev-year', at)) continue;
      // a year past the calendar's min or max date is refused: month by month from then on
      if (byYear) years = false;
      if (!(await turn(diff > 0 ? '.picker-calendar-next-month' : '.picker-calendar-prev-month', at))) throw new Error('日期不在可选范围内');
    }
    const day = current()?.querySelector<HTMLElement>(`.picker-calendar-day[data-date="${y}-${m - 1}-${d}"]:not(.picker-calendar-day-prev):not(.picker-calendar-day-next)`);
    if (!day) throw new Error('日历中没有这一天');
    if (day.classList.contains('picker-calendar-day-disabled')) throw new Error('日期不在可选范围内');
    clickLikeUser(day);
    chosen = await waitUntil(() => day.classList.contains('picker-calendar-day-selected') || !popup.classList.contains(OPEN), { root: popup, timeout: 600 }) ?? false;
    if (!chosen) throw new Error('日历没有响应');
  } finally {
    // a chosen day closes it (closeOnSelect); else a tap outside does
    await closeModal(popup);
  }
}

// ---------------------------------------------------------------- the adapter

export const jqueryWeui: WidgetAdapter = defineAdapter({
  name: 'jquery-weui',
  aliases: ['weui'],
  dropdown: { popup: '.weui-picker-modal', item: '.picker-item, .weui-check_label, .picker-calendar-day' },
  panel: '.weui-picker-modal',
  detect(el) {
    // the plugins make their boxes read-only (inputReadOnly); a typed box is left to the native adapter
    if (!isInput(el, 'text', '') || !el.readOnly) return undefined;
    const w = widgetOf(el);
    if (!w) return undefined;
    const h: WidgetHandle = { el, visible: el, kind: 'select', readOnly: true };
    if (w.widget === 'select') {
      h.multiple = !!w.opts.multi;
      h.kind = h.multiple ? 'multiselect' : 'select';
      h.options = selectItems(w.opts).map((i): ScannedOption => ({ value: i.value, text: i.title }));
    } else if (w.widget === 'calendar') {
      h.kind = 'date';
      const f = calendarFormat(w.opts);
      if (f) h.dateFormat = f;
    } else if (w.widget === 'datetime') {
      const columns = pickerColumns(pageWorld().jqueryOptions?.(el, 'picker') ?? {}).length;
      h.kind = columns > 0 && columns <= 3 ? 'date' : 'datetime';
      h.dateFormat = datetimeFormat(w.opts, columns);
    } else {
      const cols = pickerColumns(w.opts);
      if (w.widget === 'city' || cols.length > 1) h.kind = 'cascader';
      else if (cols[0]) h.options = cols[0].values.map((value, i) => ({ value, text: cols[0]!.texts[i]! }));
    }
    return h;
  },
  read(h) {
    const input = h.el as HTMLInputElement;
    if (h.kind === 'select' || h.kind === 'multiselect') {
      const w = widgetOf(input);
      if (w?.widget === 'select') return readSelect(input, w.opts);
    }
    return input.value || null;
  },
  async write(h, v) {
    const w = widgetOf(h.el);
    if (!w) throw new Error('选择控件已不在页面上');
    const input = h.el as HTMLInputElement;
    const before = input.value;
    try {
      if (w.widget === 'select') return await pickSelect(input, w.opts, v);
      if (w.widget === 'calendar') return await pickDate(input, w.opts, v);
      if (w.widget === 'datetime') return await pickDateTime(input, w.opts, v);
      if (w.widget === 'city' || pickerColumns(w.opts).length > 1) return await pickPath(input, w.opts, v);
      return await pickOne(input, w.opts, v);
    } catch (e) {
      // opening an empty calendar or picker turns it to today or its first items: after a failed
      // write the box shows what it showed before, so the clerk does not take it for filled
      if (input.value !== before) setNativeValue(input, before);
      throw e;
    }
  },
  async clear(h) {
    // only a list of several can be emptied in its popup (a radio, a wheel or a day is always one)
    const w = widgetOf(h.el);
    if (w?.widget !== 'select' || !w.opts.multi) throw new Error('该控件不能清空');
    await pickSelect(h.el, w.opts, { type: 'options', items: [] }, true);
  },
} satisfies WidgetAdapter);
