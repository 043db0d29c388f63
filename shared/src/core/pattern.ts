/**
 * Text patterns from packs (`pattern` of a text field) run on RE2 (re2js): matching time is
 * linear in the input whatever the pattern, so a hostile pack cannot freeze the form on every
 * keystroke (`^(a+)+$` took 5.5 s on 27 characters with JavaScript's backtracking RegExp).
 * Patterns are written in JavaScript syntax (`\u4e00`, `\d`) and translated; what RE2 cannot run
 * (look-around, back-references) is refused when the pack loads, with the reason.
 */
import { RE2JS } from 're2js';

/** A pattern longer than this is refused: no real field format needs it. */
export const MAX_PATTERN_LENGTH = 1_000;
/** Values longer than this are not matched (the field's own maxLength applies first). */
export const MAX_PATTERN_INPUT = 100_000;

export type CompiledPattern = { ok: true; test(value: string): boolean } | { ok: false; message: string; messageEn: string };

const cache = new Map<string, CompiledPattern>();

export function compilePattern(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const compiled = compile(pattern);
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function compile(pattern: string): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `正则表达式过长（${pattern.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）`, messageEn: `regular expression too long (${pattern.length} characters, limit ${MAX_PATTERN_LENGTH})` };
  }
  try {
    new RegExp(pattern, 'u'); // the syntax the pack author wrote must be valid JavaScript too
  } catch (e) {
    return { ok: false, message: `正则表达式无效：${(e as Error).message}`, messageEn: `invalid regular expression: ${(e as Error).message}` };
  }
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { ok: true, test: (value: string) => value.length <= MAX_PATTERN_INPUT && re.test(value) };
  } catch (e) {
    const why = (e as Error).message.replace(/^error parsing regexp:\s*/, '');
    return {
      ok: false,
      message: `正则表达式使用了不支持的写法（不支持前后查找和反向引用）：${why}`,
      messageEn: `the regular expression uses unsupported syntax (no look-around or back-references): ${why}`,
    };
  }
}
