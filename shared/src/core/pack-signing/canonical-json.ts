/**
 * Canonical JSON (RFC 8785, "JSON Canonicalization Scheme"): the one byte sequence a JSON value
 * has, whatever whitespace or key order a file or a store gave it. Object keys are sorted by
 * UTF-16 code units, numbers and strings are written the way ECMAScript's JSON.stringify writes
 * them (which is what RFC 8785 specifies), no whitespace. Signatures are computed over this text,
 * so a pack that was pretty-printed, re-serialised by chrome.storage or read by another tool
 * still verifies, while any change of a value does not.
 */

export class CanonicalJsonError extends Error {}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The RFC 8785 text of a JSON value. Throws CanonicalJsonError for what JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, 0);
  return out.join('');
}

function write(value: unknown, out: string[], depth: number): void {
  if (depth > 200) throw new CanonicalJsonError('nested too deeply (more than 200 levels)');
  if (value === null) { out.push('null'); return; }
  switch (typeof value) {
    case 'boolean': out.push(value ? 'true' : 'false'); return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`not a JSON number: ${String(value)}`);
      out.push(JSON.stringify(value)); return; // -0 → "0", shortest round-trip form, as RFC 8785
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError('a string holds a lone surrogate');
      out.push(JSON.stringify(value)); return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item, i) => { if (i > 0) out.push(','); write(item === undefined ? null : item, out, depth + 1); });
        out.push(']');
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError('only plain objects, arrays, strings, numbers, booleans and null');
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push('{');
      entries.forEach(([k, v], i) => {
        if (i > 0) out.push(',');
        write(k, out, depth + 1);
        out.push(':');
        write(v, out, depth + 1);
      });
      out.push('}');
      return;
    }
    default:
      throw new CanonicalJsonError(`not JSON: ${typeof value}`);
  }
}
