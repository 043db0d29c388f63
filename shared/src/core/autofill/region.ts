/**
 * Regions written into cascaders (省 / 市 / 县 / 乡镇 / 村). Records hold a region as offices
 * write it — one run of text without separators (江苏省泰州市泰兴市青山镇), sometimes starting
 * lower or higher than the portal's cascader, sometimes without the 省/市 suffixes the options
 * carry (江苏泰兴) — while a cascader offers one level at a time. These pure functions say how
 * much of the text an option names, so the DOM side can walk the cascader level by level from
 * the options it actually shows, and the read-back can tell whether the chosen path is the
 * record's region. Nothing here adds a level the text does not name.
 */
import { normalizeLabel } from '../labels.ts';

/** Administrative suffixes, longest first (自治区 before 区). */
const SUFFIXES = ['特别行政区', '街道办事处', '自治区', '自治州', '自治县', '自治旗', '办事处', '街道', '社区', '地区', '省', '市', '盟', '州', '区', '县', '旗', '镇', '乡', '村'];
const SEPARATORS = /[\s\u3000/／>＞,，、|｜\\-]+/gu;

/** The region text with spaces and level separators removed, in the normalised form labels compare in. */
export function compactRegion(text: string): string {
  return normalizeLabel(text.replace(SEPARATORS, ''));
}

/** The name without its administrative suffix (泰兴市 → 泰兴), when at least two characters are left. */
export function regionStem(label: string): string {
  const l = compactRegion(label);
  for (const s of SUFFIXES) if (l.endsWith(s) && l.length - s.length >= 2) return l.slice(0, -s.length);
  return l;
}

function suffixAt(text: string, at: number): number {
  for (const s of SUFFIXES) if (text.startsWith(s, at)) return s.length;
  return 0;
}

/**
 * How many characters at the start of `text` (compacted) the option `label` names: the whole
 * label (泰兴市…), or its stem when the text leaves the suffix out (泰兴青山镇), or the stem and
 * the text's own suffix when the option leaves it out (option 泰兴, text 泰兴市…). 0: it does not.
 */
export function regionPrefix(text: string, label: string): number {
  const t = compactRegion(text), l = compactRegion(label);
  if (!l) return 0;
  if (t.startsWith(l)) return l.length + (regionStem(l) === l ? suffixAt(t, l.length) : 0);
  // the stem alone only when the text goes on with no suffix of its own: 柳河村 is not 柳河镇
  const stem = regionStem(l);
  if (stem !== l && t.startsWith(stem) && suffixAt(t, stem.length) === 0) return stem.length;
  return 0;
}

/** The first place in `text` (compacted) where the option `label` names a region, or -1. */
export function regionIndexOf(text: string, label: string): { at: number; length: number } | undefined {
  const t = compactRegion(text), stem = regionStem(label);
  if (!stem) return undefined;
  for (let i = t.indexOf(stem); i >= 0; i = t.indexOf(stem, i + 1)) {
    const n = regionPrefix(t.slice(i), label);
    if (n > 0) return { at: i, length: n };
  }
  return undefined;
}

/** Whether two option texts name the same region (泰兴市 and 泰兴, 江苏 and 江苏省). */
export function sameRegion(a: string, b: string): boolean {
  const x = compactRegion(a), y = compactRegion(b);
  // one of them without its suffix: 柳河镇 and 柳河村 are two places
  return x === y || (regionStem(x) === regionStem(y) && (regionStem(x) === x || regionStem(y) === y));
}

/** Whether the text ends with an administrative suffix (a region name, not a house number). */
export function isRegionName(text: string): boolean {
  const t = compactRegion(text);
  return SUFFIXES.some((s) => t.endsWith(s) && t.length > s.length);
}

/**
 * A run of region text cut at its administrative suffixes: 泰兴市青山镇东岗村 → 泰兴市, 青山镇,
 * 东岗村; what follows the last suffix (五组21号) is kept as a last part. Used only as hints for
 * a cascader's search box (the most specific level first); the walk itself follows the options.
 */
export function regionParts(text: string): string[] {
  const t = compactRegion(text);
  const out: string[] = [];
  let start = 0;
  for (let i = start + 1; i < t.length; i++) {
    // a part is at least two characters (市中区 is one name, not 市 + 中区): i starts past `start`
    let n = suffixAt(t, i);
    if (!n) continue;
    // a one-character stem is no name: 杭州 goes on as 杭州市, 集镇 as 集镇社区 (济南市 stops: 市中区 follows)
    if (i - start === 1) for (let m = suffixAt(t, i + n); m > 0; m = suffixAt(t, i + n)) n += m;
    out.push(t.slice(start, i + n));
    start = i + n;
    i = start;
  }
  if (start < t.length) out.push(t.slice(start));
  return out;
}

/**
 * Whether a cascader holding `held` (its levels, widest first — or only the last level, as
 * some cascaders show) holds the region `want` names. The held levels must follow each other in
 * the text without a gap and reach its last region name: the cascader may start higher (泰兴市
 * held, 青山镇东岗村 wanted) or lower (江苏省泰州市… wanted, from 泰兴市 held), but a path that
 * stops above the text's last region (青山镇 held for …青山镇东岗村) does not hold it. What
 * follows the last region name in the text (五组21号) cannot be in a cascader and is ignored.
 */
export function regionPathHolds(want: string, held: readonly string[]): boolean {
  const t = compactRegion(want);
  const levels = held.map(compactRegion).filter(Boolean);
  if (!t || levels.length === 0) return false;
  for (let first = 0; first < levels.length; first++) {
    const hit = regionIndexOf(t, levels[first]!);
    // higher levels left out of the text only when the text starts right at this one
    if (!hit || (first > 0 && hit.at > 0)) continue;
    let pos = hit.at + hit.length;
    let ok = true;
    for (let k = first + 1; k < levels.length && ok; k++) {
      const n = regionPrefix(t.slice(pos), levels[k]!);
      if (n === 0) ok = false; else pos += n;
    }
    if (!ok) continue;
    const rest = t.slice(pos);
    return rest === '' || !regionParts(rest).some(isRegionName);
  }
  return false;
}
