/**
 * Chinese line breaking (禁则) for the minutes: a line may break between any two Chinese
 * characters, except that no line begins with closing punctuation (，。、；：？！”）》…) and none
 * ends with opening punctuation (“（《). Latin words and numbers (2024, 9:00, 3.5%, S101, a URL)
 * stay whole unless a single one is longer than the line.
 */

/**
 * Characters that must not begin a line: every closing mark, ASCII and full-width (％ ＂ ＇ ． ＞ too,
 * so that 50％ never splits from its number).
 */
export const NO_LINE_START = new Set([
  ...'，。、；：？！,.;:?!）)］]｝}》〉」』】〕〗〙〞”’…—～·%‰℃°′″々ー・ゝゞヽヾ％‰℉．＂＇＞｣､｡︰︱︶︸︺︼︾﹀﹂﹄﹚﹜﹞',
]);

/** Characters that must not end a line. */
export const NO_LINE_END = new Set([...'“‘（(［[｛{《〈「『【〔〖〘＄$￥¥#']);

const WORD = /[\p{Script=Latin}\p{Nd}]/u;
/** Joiners inside a word or number: 9:00, 3.5, 2024-04-08, a/b, S101_x, 50%, a@b. */
const JOIN = /[.:\-/_%@&+#'’,]/;

export function isWordChar(ch: string): boolean {
  return WORD.test(ch);
}

/**
 * Splits text into unbreakable pieces: one Chinese character (or other symbol) each, a whole
 * Latin word or number, or one run of spaces.
 */
export function tokenize(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isWordChar(ch)) {
      let j = i + 1;
      while (j < chars.length) {
        const c = chars[j]!;
        if (isWordChar(c)) j++;
        else if (JOIN.test(c) && j + 1 < chars.length && isWordChar(chars[j + 1]!)) j += 2;
        else break;
      }
      // A unit after a number belongs to it: 3.5%, 30℃.
      while (j < chars.length && /[%‰℃°％℉]/.test(chars[j]!)) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else if (ch === ' ') {
      let j = i + 1;
      while (j < chars.length && chars[j] === ' ') j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      out.push(ch);
      i++;
    }
  }
  return out;
}

const startsBad = (t: string) => NO_LINE_START.has([...t][0] ?? '');
const endsBad = (t: string) => NO_LINE_END.has([...t].at(-1) ?? '');

export interface BreakOptions {
  /** Width available for the first line (e.g. less after a label); default `width`. */
  firstWidth?: number;
  /** A list of names separated by 、: keep each name (with its reason in brackets) whole. */
  wholeNames?: boolean;
}

/**
 * Breaks one paragraph (no newlines) into lines no wider than `width`, as `measure` counts.
 * Spaces at a break are dropped; everything else is kept, so the lines joined give the text back
 * (less those spaces).
 */
export function breakLines(text: string, width: number, measure: (s: string) => number, options: BreakOptions = {}): string[] {
  // Paragraphs are split before; a line break left inside one-line text (a name, a title) reads as a space.
  if (text.includes('\n')) text = text.replace(/\s*\n\s*/g, ' ');
  const tokens = options.wholeNames ? text.split(/(?<=、)/).filter(Boolean) : tokenize(text);
  const widths = tokens.map(measure);
  const lines: string[] = [];
  let start = 0;
  while (start < tokens.length) {
    // Spaces never begin a line.
    while (start < tokens.length && tokens[start]!.startsWith(' ')) start++;
    if (start >= tokens.length) break;
    const avail = lines.length === 0 ? (options.firstWidth ?? width) : width;
    let w = 0;
    let end = start;
    while (end < tokens.length && w + widths[end]! <= avail + 1e-6) {
      w += widths[end]!;
      end++;
    }
    if (end >= tokens.length) {
      lines.push(tokens.slice(start).join('').trimEnd());
      break;
    }
    if (end === start) {
      // A single piece wider than the line: cut it by characters.
      const chars = [...tokens[start]!];
      let k = 0;
      let cw = 0;
      while (k < chars.length && cw + measure(chars[k]!) <= avail + 1e-6) cw += measure(chars[k++]!);
      k = Math.max(1, k);
      while (k > 1 && k < chars.length && NO_LINE_START.has(chars[k]!)) k--;
      lines.push(chars.slice(0, k).join(''));
      tokens[start] = chars.slice(k).join('');
      widths[start] = measure(tokens[start]!);
      continue;
    }
    // Back off while the next line would begin with closing punctuation or this one ends with opening.
    const lastReal = (k: number): string => {
      let j = k - 1;
      while (j > start && tokens[j]!.startsWith(' ')) j--;
      return tokens[j]!;
    };
    const nextReal = (k: number): string => {
      if (k >= tokens.length) return '';
      let j = k;
      while (j < tokens.length - 1 && tokens[j]!.startsWith(' ')) j++;
      return tokens[j]!;
    };
    const bad = (k: number) => startsBad(nextReal(k)) || endsBad(lastReal(k));
    let cut = end;
    while (cut > start + 1 && bad(cut)) cut--;
    if (bad(cut)) {
      // No good break in this line: let closing punctuation hang past the end (标点悬挂), else keep the greedy break.
      cut = end;
      let hang = 0;
      while (cut < tokens.length && hang < 2 && startsBad(tokens[cut]!)) {
        cut++;
        hang++;
      }
      if (cut < tokens.length && startsBad(nextReal(cut))) cut = end;
      if (bad(cut)) {
        // Still none: as a last resort split a Latin word (in this line, or the one after opening marks) into characters and try again.
        let j = -1;
        for (let k = end - 1; k >= start && j < 0; k--) if ([...tokens[k]!].length > 1 && !tokens[k]!.startsWith(' ')) j = k;
        if (j < 0 && end < tokens.length && [...tokens[end]!].length > 1 && endsBad(lastReal(end))) j = end;
        if (j >= 0) {
          const chars = [...tokens[j]!];
          tokens.splice(j, 1, ...chars);
          widths.splice(j, 1, ...chars.map(measure));
          continue;
        }
      }
    }
    lines.push(tokens.slice(start, cut).join('').trimEnd());
    start = cut;
  }
  return lines;
}
