// Chinese line breaking (禁则) for the minutes: every line of a long real text (township congress
// year-end summaries) is checked, with the real font's widths at 16 pt on the 28-character grid.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, fontMetrics, NO_LINE_END, NO_LINE_START, tokenize, TEXT_WIDTH, CHAR_PITCH } from '@lvzhi/shared/pdf';
import { defaultFonts } from '../fixtures/minutes/helpers.ts';

const longText = readFileSync(path.join(import.meta.dirname, '../fixtures/minutes/long-text.txt'), 'utf8');
const WORD = /[\p{Script=Latin}\p{Nd}]/u;

/** Every rule a line must keep; returns the broken ones. */
function problems(paragraph: string, lines: string[], width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const chars = [...line];
    if (!line) out.push(`line ${i} is empty`);
    if (i > 0 && NO_LINE_START.has(chars[0]!)) out.push(`line ${i} starts with ${chars[0]}: ${line}`);
    if (NO_LINE_END.has(chars.at(-1)!)) out.push(`line ${i} ends with ${chars.at(-1)}: ${line}`);
    const body = line.replace(/[，。、；：？！”）》]{1,2}$/u, '');
    if (measure(body) > width + 1e-6) out.push(`line ${i} is too wide (${measure(line).toFixed(1)} > ${width.toFixed(1)}): ${line}`);
    const next = lines[i + 1];
    if (next !== undefined && WORD.test(chars.at(-1)!) && WORD.test([...next][0]!)) {
      // A Latin word or number split across lines is allowed only when it is longer than a line.
      const word = /[\p{Script=Latin}\p{Nd}.:%\-/]+$/u.exec(line)![0] + /^[\p{Script=Latin}\p{Nd}.:%\-/]+/u.exec(next)![0];
      if (measure(word) <= width) out.push(`word ${word} split between lines ${i} and ${i + 1}`);
    }
  });
  if (lines.join('').replace(/ /g, '') !== paragraph.replace(/ /g, '')) out.push('the lines do not give the paragraph back');
  return out;
}

describe('Chinese line breaking', () => {
  const m = fontMetrics(defaultFonts().regular);
  const spacing = CHAR_PITCH - 16;
  const measure = (s: string) => m.width(s, 16, spacing);

  it('keeps Latin words and numbers whole and splits Chinese per character', () => {
    expect(tokenize('今年投入82万元，完成S101线9:00前3.5%的工作')).toEqual(['今', '年', '投', '入', '82', '万', '元', '，', '完', '成', 'S101', '线', '9:00', '前', '3.5%', '的', '工', '作']);
    expect(tokenize('www.example.cn 和 2024-04-08')).toEqual(['www.example.cn', ' ', '和', ' ', '2024-04-08']);
  });

  it('moves a character down rather than start a line with closing punctuation', () => {
    const width = measure('一二三四五');
    expect(breakLines('一二三四五，六七', width, measure)).toEqual(['一二三四', '五，六七']);
    expect(breakLines('一二三四“五六”', width, measure)).toEqual(['一二三四', '“五六”']);
    expect(breakLines('一二三四《五》', width, measure)).toEqual(['一二三四', '《五》']);
    expect(breakLines('一二三四五……', width, measure)).toEqual(['一二三四', '五……']);
  });

  it('every line of a long real text keeps the rules (28 characters at 16 pt)', () => {
    const paragraphs = longText.split('\n').filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThan(20);
    let lineCount = 0;
    let full = 0;
    for (const p of paragraphs) {
      const indent = 2 * CHAR_PITCH;
      const lines = breakLines(p, TEXT_WIDTH, measure, { firstWidth: TEXT_WIDTH - indent });
      lineCount += lines.length;
      // First line narrower: check it against its own width.
      expect(problems(p, lines.slice(0, 1), TEXT_WIDTH - indent, measure).filter((x) => !x.includes('give the paragraph back'))).toEqual([]);
      expect(problems(p, lines, TEXT_WIDTH, measure)).toEqual([]);
      full += lines.slice(0, -1).filter((l, i) => measure(l) > (i === 0 ? TEXT_WIDTH - indent : TEXT_WIDTH) - 3.5 * CHAR_PITCH).length;
    }
    expect(lineCount).toBeGreaterThan(200);
    // Lines are filled: all but the last of a paragraph lose at most two characters (or one number) to the rules.
    expect(full).toBe(lineCount - paragraphs.length);
  });

  it('holds for random mixes of Chinese, punctuation, Latin words and numbers', () => {
    const piece = fc.oneof(
      fc.constantFrom(...'人大代表会议纪要主席团镇村建议'),
      fc.constantFrom(...'，。、；：？！”）》…“（《'),
      fc.constantFrom('2024', 'S101', '9:00', '3.5%', 'PDF', 'WPS', ' '),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 120 }), fc.integer({ min: 6, max: 28 }), (pieces, chars) => {
        const text = pieces.join('').trim();
        if (!text) return;
        const width = chars * CHAR_PITCH;
        const lines = breakLines(text, width, measure);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        // Only closing punctuation may hang past the end (标点悬挂), at most two marks.
        for (const l of lines) expect(measure(l.replace(/[，。、；：？！”）》…]{1,2}$/u, ''))).toBeLessThanOrEqual(width + 1e-6);
        // Where a good break exists (not a run of punctuation longer than a line), the rules hold.
        const runs = text.match(/[，。、；：？！”）》…“（《]+/g) ?? [];
        if (runs.every((r) => r.length < chars - 2)) {
          lines.forEach((l, i) => {
            if (i > 0) expect(NO_LINE_START.has([...l][0]!), `line ${i} "${l}" of ${JSON.stringify(lines)}`).toBe(false);
            if (i < lines.length - 1) expect(NO_LINE_END.has([...l].at(-1)!), `line ${i} "${l}"`).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
