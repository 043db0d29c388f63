/**
 * The visible signature stamp: a form XObject with a red seal-like frame, the signer's name,
 * the time (China Standard Time) and the reason. Chinese text needs a CJK TrueType font
 * (given as bytes; its glyph outlines are drawn as paths); without one only ASCII is drawn in Helvetica.
 */
import fontkit, { type Font as FontkitFont } from '@pdf-lib/fontkit';
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

/** The ASCII stamp font (standard Helvetica, nothing embedded). */
export async function embedAsciiFont(doc: PDFDocument): Promise<PDFFont> {
  return doc.embedFont(StandardFonts.Helvetica);
}

/** Opens the CJK TrueType font given as bytes. */
export function openStampFont(font: Uint8Array): FontkitFont {
  try {
    return fontkit.create(font);
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
export function missingCharacters(font: FontkitFont, lines: string[]): string[] {
  const missing = new Set<string>();
  for (const line of lines) for (const ch of line) if (!/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  return [...missing];
}

const RED = '0.78 0.08 0.08';
const n = (v: number) => (Math.round(v * 100) / 100).toString();

function frame(width: number, height: number): string {
  return `${RED} RG 1.5 w 0.75 0.75 ${n(width - 1.5)} ${n(height - 1.5)} re S 0.5 w 3 3 ${n(width - 6)} ${n(height - 6)} re S\n`;
}

interface PathCommand {
  command: string;
  args: number[];
}

/**
 * The stamp drawn with the glyph outlines of a CJK TrueType font as filled vector paths:
 * nothing is embedded, so a signature adds a few kilobytes and no font subset. (pdf-lib's
 * font subsetting rendered some glyphs of Noto Serif SC 0.4.3 blank or wrong here, even with
 * drawText: text extracted fine but pdftoppm showed holes.)
 */
export function buildOutlineStampAppearance(doc: PDFDocument, font: FontkitFont, lines: string[], width: number, height: number): PDFRef {
  const pad = Math.min(6, width / 20);
  const count = Math.max(1, lines.length);
  const lineBox = (height - 2 * pad) / count;
  const runs = lines.map((line) => font.layout(line));
  let size = Math.min(14, lineBox * 0.8);
  for (const run of runs) {
    const w = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) / font.unitsPerEm;
    if (w > 0) size = Math.min(size, (width - 2 * pad - 4) / w);
  }
  size = Math.max(3, size);
  const scale = size / font.unitsPerEm;
  let out = `q\n${frame(width, height)}${RED} rg\n`;
  let baseline = height - pad - (lineBox - size) / 2 - size * 0.85;
  for (const run of runs) {
    let x = pad + 2;
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      const ox = x + pos.xOffset * scale;
      const oy = baseline + pos.yOffset * scale;
      const X = (v: number) => n(ox + v * scale);
      const Y = (v: number) => n(oy + v * scale);
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      let any = false;
      for (const c of (glyph.path as unknown as { commands: PathCommand[] }).commands) {
        const a = c.args;
        if (c.command === 'moveTo') {
          out += `${X(a[0]!)} ${Y(a[1]!)} m\n`;
          [cx, cy, sx, sy] = [a[0]!, a[1]!, a[0]!, a[1]!];
        } else if (c.command === 'lineTo') {
          out += `${X(a[0]!)} ${Y(a[1]!)} l\n`;
          [cx, cy] = [a[0]!, a[1]!];
        } else if (c.command === 'quadraticCurveTo') {
          const [qx, qy, px, py] = a as [number, number, number, number];
          const c1x = cx + (2 / 3) * (qx - cx);
          const c1y = cy + (2 / 3) * (qy - cy);
          const c2x = px + (2 / 3) * (qx - px);
          const c2y = py + (2 / 3) * (qy - py);
          out += `${X(c1x)} ${Y(c1y)} ${X(c2x)} ${Y(c2y)} ${X(px)} ${Y(py)} c\n`;
          [cx, cy] = [px, py];
        } else if (c.command === 'bezierCurveTo') {
          out += `${X(a[0]!)} ${Y(a[1]!)} ${X(a[2]!)} ${Y(a[3]!)} ${X(a[4]!)} ${Y(a[5]!)} c\n`;
          [cx, cy] = [a[4]!, a[5]!];
        } else if (c.command === 'closePath') {
          out += 'h\n';
          [cx, cy] = [sx, sy];
        }
        any = true;
      }
      if (any) out += 'f\n';
      x += pos.xAdvance * scale;
    });
    baseline -= lineBox;
  }
  out += 'Q\n';
  const stream = doc.context.flateStream(out, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Matrix: [1, 0, 0, 1, 0, 0],
    Resources: {},
  });
  return doc.context.register(stream);
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
