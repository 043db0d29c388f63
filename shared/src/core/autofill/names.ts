/**
 * One name under a longer or shorter form: a record written with the short name of a unit
 * (市场监督管理所) and a portal listing it with its place in front (青山镇市场监督管理所), or the
 * other way round. Portals of one town or county list their own units, so the place is left out
 * on one side and spelled out on the other. Pure text rules, no DOM.
 */
import { normalizeLabel } from '../labels.ts';

/** The shorter name must say this much on its own (派出所, 财政所), so 科 or 所 never match. */
const MIN_NAME = 3;
const HAN = /\p{Script=Han}/u;
/** The part in front is a place or a unit: Han characters only (no list separator, no code). */
const PLACE = /^\p{Script=Han}+$/u;
/**
 * A prefix ending in one of these changes what the name means instead of placing it:
 * 非中共党员 is not 中共党员, 副主任 not 主任, 原单位 not 单位.
 */
const QUALIFIER = /[非不无未副原前代准]$/u;

/**
 * Whether `a` and `b` name the same thing, one being the other with a place or unit in front.
 * Equal names are not variants (exact matching comes first, elsewhere).
 */
export function nameVariant(a: string, b: string): boolean {
  const x = normalizeLabel(a), y = normalizeLabel(b);
  if (x === y) return false;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < MIN_NAME || !HAN.test(short) || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return PLACE.test(prefix) && !QUALIFIER.test(prefix);
}

/**
 * The index of the one text that is a name variant of a candidate (candidates in order, the
 * first that names exactly one text wins); undefined when none does or when it is not unique
 * (青山镇财政所 and 柳河镇财政所 both end in 财政所: no guess).
 */
export function pickNameVariant(candidates: readonly string[], texts: readonly string[]): number | undefined {
  for (const c of candidates) {
    const hits = texts.map((t, i) => (nameVariant(c, t) ? i : -1)).filter((i) => i >= 0);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}
