/**
 * Limits every reader of pack and record JSON applies before parsing, so that a hostile file
 * gets a located error instead of a crash: nesting deeper than any real definition (a 10,000-
 * level expression overflowed the stack of the recursive checks and aborted a whole folder run).
 * The scan is one iterative pass over the text, strings skipped.
 */
import { issue, type ValidationIssue } from './issues.ts';

/** Deeper than any real pack (pack → forms → section → field → table column → a condition of 60 levels). */
export const MAX_JSON_DEPTH = 100;

/** The offset where nesting first goes deeper than `max`, or undefined. */
export function excessiveNesting(text: string, max: number = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) { if (++depth > max) return i; }
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** The located issue for too deep a document (line and column from the offset). */
export function nestingIssue(source: string, text: string, offset: number, max: number = MAX_JSON_DEPTH): ValidationIssue {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return {
    source, line, column: offset - last,
    ...issue([], 'too-deep', `嵌套过深：超过 ${max} 层（定义包不需要这么深的结构）`, `nested too deeply: over ${max} levels (no definition needs that)`),
  };
}
