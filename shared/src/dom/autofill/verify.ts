/**
 * Honest reports: after a write, what the portal holds is read back through the control's
 * adapter (what the widget displays) and, where reachable, from the framework's model
 * (framework-state.ts); "filled" only when both agree with the intended value after
 * normalisation. Pure comparison here; apply.ts waits for the page to settle and calls it.
 */
import type { FillValue } from '../../core/autofill/types.ts';
import { regionPathHolds } from '../../core/autofill/region.ts';
import type { PlainModel } from './framework-state.ts';
import { same, sameName, type ReadValue, type WidgetHandle } from './adapters/types.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;

/** A counting word or unit a number box may show after the number (人, 份, 万元, %…). */
const UNIT_AFTER = /\s*(人|名|位|个|份|件|次|天|日|元|万元|户|家|条|项|岁|小时|分钟|%)$/;

/**
 * The same decimal shown with the box's own precision (91.4 as 91.40, 3 as 3.0): a number box
 * drawn as a plain text input (OpenTiny's TinyNumeric, many grids' editors) pads the fraction.
 * Only zeros after the point count: 01 is not 1 (a code).
 */
function samePadded(read0: string, want: string): boolean {
  // a number box showing its unit after the number (amis input-number's `suffix`: 5人)
  const read = DECIMAL.test(want) ? read0.replace(UNIT_AFTER, '') : read0;
  if (!DECIMAL.test(read) || !DECIMAL.test(want) || read === want) return read === want;
  const bare = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  return bare(read) === bare(want);
}
const numbers = (s: string) => (s.match(/\d+/g) ?? []).map(Number);

/**
 * Dates and date-times compare by their numbers in order (2024-03-05 = 2024年3月5日); whole
 * minutes with or without their :00 seconds (a time picker showing 09:00 took 09:00:00).
 */
const ZERO_SECONDS = /(\d:\d{2}):00$/;
function sameDate(a: string, b: string): boolean {
  const x = numbers(a.trim().replace(ZERO_SECONDS, '$1')), y = numbers(b.trim().replace(ZERO_SECONDS, '$1'));
  return x.length > 0 && x.length === y.length && x.every((n, i) => n === y[i]);
}


const pathParts = (s: string) => s.split(/\s*[/／>＞,，]\s*|\s+/).filter(Boolean);

export function readMatches(read: ReadValue, v: FillValue, h: Pick<WidgetHandle, 'kind'>): boolean {
  switch (v.type) {
    case 'text':
      if (typeof read !== 'string') return read === null && v.text === '';
      if (h.kind === 'date' || h.kind === 'datetime') return sameDate(read, v.text) || norm(read) === norm(v.text);
      if (h.kind === 'richtext') return norm(read) === norm(v.text);
      // a number box shows its own precision (学时 1 as 1.0): the same number is the same value
      if (h.kind === 'number' && DECIMAL.test(read.trim()) && DECIMAL.test(v.text.trim())) return Number(read) === Number(v.text);
      if (h.kind === 'select' || h.kind === 'radio') return same(read, v.text);
      return read === v.text || read.trim() === v.text.trim() || samePadded(read.trim(), v.text.trim());
    case 'option': {
      const r = Array.isArray(read) && read.length === 1 ? read[0]! : read;
      return typeof r === 'string' && (v.candidates.some((c) => sameName(r, c)) || (v.value !== undefined && r === v.value));
    }
    case 'options': {
      if (!Array.isArray(read) || read.length !== v.items.length) return false;
      return v.items.every((it) => read.some((r) => it.candidates.some((c) => sameName(r, c)) || (it.value !== undefined && r === it.value)));
    }
    case 'check':
      return read === v.checked;
    case 'path': {
      if (typeof read !== 'string' || !read) return false;
      const held = pathParts(read);
      return v.candidates.some((c) => {
        const want = pathParts(c);
        // the cascader may show the whole path or its last level only; the record may start lower
        const leaf = want[want.length - 1]!;
        // or a region in one run of text (泰兴市青山镇东岗村) that the levels held spell out
        return same(held[held.length - 1]!, leaf) || regionPathHolds(c, held);
      });
    }
    case 'files':
      return Array.isArray(read) && v.files.every((f) => read.includes(f.name));
    case 'range':
      // both ends, each as a date (2024-09-10 = 2024/9/10); a picker showing one end holds no period
      return Array.isArray(read) && read.length === 2 && sameDate(read[0]!, v.from) && sameDate(read[1]!, v.to);
  }
}

const emptyModel = (m: PlainModel) => m === null || m === '' || (Array.isArray(m) && m.length === 0);

/** The framework's model agrees with the intended value as far as a model can tell (codes are not texts). */
export function modelMatches(model: PlainModel | undefined, v: FillValue, h: Pick<WidgetHandle, 'kind'>): boolean {
  if (model === undefined) return true; // not reachable: the displayed value decides
  if (v.type === 'check') return typeof model !== 'boolean' || model === v.checked;
  const wantEmpty = (v.type === 'text' && v.text === '') || (v.type === 'options' && v.items.length === 0);
  if (wantEmpty) return emptyModel(model);
  if (emptyModel(model)) return false;
  if (v.type === 'options' && Array.isArray(model)) return model.length === v.items.length;
  if (v.type === 'range') {
    // the widget's model holds both ends ([start, end] as text in its value format, dayjs or
    // timestamps): each must carry the asked end's numbers; one end, or none, is not a period
    // (amis posts a period joined: "2024-09-10,2024-09-11", its joinValues with a comma delimiter)
    const ends = typeof model === 'string' ? model.split(/\s*[,~]\s*/) : model;
    if (!Array.isArray(ends) || ends.length !== 2) return false;
    return [v.from, v.to].every((want, i) => {
      const m = ends[i];
      const held = typeof m === 'number' ? isoOf(m) : typeof m === 'string' ? m : undefined;
      if (held === undefined || held === '') return false;
      const w = numbers(want), hn = numbers(held);
      return hn.length >= 3 && hn.length >= w.length && w.every((n, j) => n === hn[j]);
    });
  }
  if (v.type === 'text' && (h.kind === 'date' || h.kind === 'datetime')) {
    const m = typeof model === 'number' ? isoOf(model) : typeof model === 'string' ? model : undefined;
    if (m === undefined) return true;
    const want = numbers(v.text), held = numbers(m);
    // a picker's value format may differ from its display format: compare the parts the display has
    if (held.length < 3) return true; // a timestamp or a code: nothing to compare part by part
    // a time of day held as a whole date (Semi's TimePicker keeps a Date of today): its time is compared
    const timeOnly = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/.test(v.text) && held.length >= 5 ? held.slice(3) : held;
    if (timeOnly.length < want.length) return false;
    return want.every((n, i) => n === timeOnly[i]);
  }
  return true;
}

function isoOf(ms: number): string {
  const d = new Date(ms > 1e11 ? ms : ms * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The reason shown when the portal did not take the value, with what it holds instead. */
export function notAccepted(read: ReadValue, sensitive: boolean): string {
  const held = read === null || read === '' || (Array.isArray(read) && read.length === 0) ? '空' : sensitive ? '（已隐藏）' : Array.isArray(read) ? read.join('、') : String(read);
  return `门户未接受该值（the portal did not accept the value）：页面现为 ${held}`;
}
