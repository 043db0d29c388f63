/**
 * The visible signature stamp: a form XObject with a red seal-like frame, the signer's name,
 * the time (China Standard Time) and the reason. Chinese text needs a CJK TrueType font
 * (given as bytes, embedded as a subset); without one only ASCII is drawn.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFFont,
  PDFRef,
  StandardFonts,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
  moveText,
  type PDFOperator,
} from 'pdf-lib';
import { PdfSignError } from './errors.ts';
import { chineseCst, isoCst } from './pdf-date.ts';

export interface StampText {
  name: string;
  time: Date;
  reason?: string;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Embeds the stamp font: the given TrueType bytes (subset), or Helvetica (ASCII only). */
export async function embedStampFont(doc: PDFDocument, font: Uint8Array | undefined): Promise<{ font: PDFFont; cjk: boolean }> {
  if (!font) return { font: await doc.embedFont(StandardFonts.Helvetica), cjk: false };
  doc.registerFontkit(fontkit);
  try {
    return { font: await doc.embedFont(font, { subset: true }), cjk: true };
  } catch (e) {
    throw new PdfSignError('bad-argument', `印章字体无法读取 / the stamp font cannot be read: ${(e as Error).message}`, { cause: e });
  }
}

/** The stamp's lines of text for this font. */
export function stampLines(text: StampText, cjk: boolean): string[] {
  if (cjk) {
    const lines = [`签名：${text.name}`, `时间：${chineseCst(text.time)}`];
    if (text.reason) lines.push(`事由：${text.reason}`);
    return lines;
  }
  const lines = [PRINTABLE_ASCII.test(text.name) && text.name.trim() ? `Signed by: ${text.name}` : 'Digitally signed', `Date: ${isoCst(text.time)}`];
  if (text.reason && PRINTABLE_ASCII.test(text.reason)) lines.push(`Reason: ${text.reason}`);
  return lines;
}

/** Characters of `lines` that the font cannot draw (reported by name instead of drawing blanks). */
export function missingCharacters(font: PDFFont, lines: string[]): string[] {
  const have = new Set(font.getCharacterSet());
  const missing = new Set<string>();
  for (const line of lines) for (const ch of line) if (!/\s/.test(ch) && !have.has(ch.codePointAt(0)!)) missing.add(ch);
  return [...missing];
}

/** Builds the appearance stream (a form XObject of width × height) and returns its ref. */
export function buildStampAppearance(doc: PDFDocument, font: PDFFont, lines: string[], width: number, height: number): PDFRef {
  const red = [0.78, 0.08, 0.08] as const;
  const pad = Math.min(6, width / 20);
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setStrokingRgbColor(...red),
    setLineWidth(1.5),
    rectangle(0.75, 0.75, width - 1.5, height - 1.5),
    stroke(),
    setLineWidth(0.5),
    rectangle(3, 3, width - 6, height - 6),
    stroke(),
    setFillingRgbColor(...red),
  ];
  const n = Math.max(1, lines.length);
  const lineBox = (height - 2 * pad) / n;
  let size = Math.min(14, lineBox * 0.8);
  for (const line of lines) {
    const w = font.widthOfTextAtSize(line, 1);
    if (w > 0) size = Math.min(size, (width - 2 * pad - 4) / w);
  }
  size = Math.max(3, size);
  ops.push(beginText(), setFontAndSize('F1', size));
  let y = height - pad - (lineBox - size) / 2 - size * 0.85;
  let first = true;
  for (const line of lines) {
    if (first) ops.push(moveText(pad + 2, y));
    else ops.push(moveText(0, -lineBox));
    first = false;
    ops.push(showText(font.encodeText(line)));
    y -= lineBox;
  }
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Matrix: [1, 0, 0, 1, 0, 0],
    Resources: { Font: { F1: font.ref } },
  });
  return doc.context.register(stream);
}
