/**
 * Page layout of the minutes per GB/T 9704-2012 (党政机关公文格式): A4, top margin 37 mm, left
 * (binding) margin 28 mm, text block 156 × 225 mm, body 3号 (16 pt) on a grid of 22 lines × 28
 * characters, title 2号 (22 pt) centred, page numbers 4号 "— 1 —" 7 mm under the text block,
 * odd pages right and even pages left, one character in. Tables split across pages with their
 * header row repeated. Output: pages of positioned text runs, images and lines, plus every text
 * line with its box (for tests and for the .docx-free checks).
 */
import type { FontMetrics } from './fonts.ts';
import { breakLines } from './linebreak.ts';
import type { Block, ImageData, MinutesDocument, Signer, TableCell, TableColumn } from './minutes-model.ts';

const MM = 72 / 25.4;
export const PAGE_WIDTH = 210 * MM;
export const PAGE_HEIGHT = 297 * MM;
export const MARGIN_TOP = 37 * MM;
export const MARGIN_LEFT = 28 * MM;
export const TEXT_WIDTH = 156 * MM;
export const TEXT_HEIGHT = 225 * MM;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const BODY_SIZE = 16;
export const TITLE_SIZE = 22;
export const PAGE_NUMBER_SIZE = 14;
export const TABLE_SIZE = 14;
/** One grid line: 225 mm / 22. */
export const LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE;
/** One grid character: 156 mm / 28. */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;
/** Character spacing that puts 16 pt full-width characters on the 28-character grid. */
export const BODY_SPACING = CHAR_PITCH - BODY_SIZE;
/** Baseline of a text line within its box, as a share of the font size (ideographic em box). */
const ASCENT = 0.88;
/**
 * Where the visible digital-signature stamps go: reserved space right of each signer's line,
 * inside the text block (never in the margin where the page number is), one signer row of two
 * grid lines high.
 */
export const STAMP_WIDTH = 180;
/** One signer's row: one and a half grid lines, the stamp (3 lines of small text) fits inside. */
const SIGNER_ROW = 1.5 * (225 * MM / 22);
export const STAMP_HEIGHT = SIGNER_ROW - 4;
const STAMP_X = 28 * MM + 156 * MM - STAMP_WIDTH;
const TABLE_LINE = 20;
const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;
/** GB/T 9704: the 发文机关标志 / 纪要标志 and the separator rule are red. */
export const RED: [number, number, number] = [0.8, 0, 0];
const DRAFT_GREY: [number, number, number] = [0.55, 0.55, 0.55];

/** Which font a run of text uses: body (仿宋), bold labels, the title (小标宋) or headings (黑体). */
export type FontRole = 'regular' | 'bold' | 'title' | 'heading';

export type Item =
  | { t: 'text'; x: number; y: number; text: string; bold: boolean; size: number; spacing: number; role?: FontRole; color?: [number, number, number] }
  | { t: 'image'; x: number; y: number; w: number; h: number; image: ImageData }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color?: [number, number, number] };

export interface LaidLine {
  page: number;
  text: string;
  /** Box in PDF coordinates (origin lower left). */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaidPage {
  items: Item[];
}

export interface StampSlot {
  page: number;
  rect: [number, number, number, number];
  /** The signer's role and name printed beside it (主持人, 王建国). */
  role?: string;
  name?: string;
}

export interface Layout {
  pages: LaidPage[];
  /** Every text line (a label and its text on one line count as one), in reading order. */
  lines: LaidLine[];
  /** Where the visible stamps of the chair's and the recorder's digital signatures go. */
  stamps: { chair?: StampSlot; recorder?: StampSlot };
}

export interface LayoutFonts {
  regular: FontMetrics;
  bold: FontMetrics;
  /** The title (纪要标志), default bold. */
  title?: FontMetrics;
  /** Headings (一级标题, 黑体), default bold. */
  heading?: FontMetrics;
}

/** A piece of a page: a line, a table row; placed whole. Items are relative to the unit's top (dy downwards). */
interface Unit {
  h: number;
  items: RelItem[];
  lines: RelLine[];
  /** Do not end a page after this unit (headings, a table header, the last lines before signatures). */
  keepWithNext?: boolean;
  /** The table header to repeat when this unit starts a new page. */
  repeat?: Unit;
  /** Snap the cursor to the grid after this unit. */
  snap?: boolean;
  stamps?: { slot: 'chair' | 'recorder'; dy: number; name: string; role: string }[];
}

type RelItem =
  | { t: 'text'; x: number; dy: number; text: string; bold: boolean; size: number; spacing: number; role?: FontRole; color?: [number, number, number] }
  | { t: 'image'; x: number; dy: number; w: number; h: number; image: ImageData }
  | { t: 'line'; x1: number; dy1: number; x2: number; dy2: number; width: number; color?: [number, number, number] };

interface RelLine {
  text: string;
  x: number;
  dy: number;
  w: number;
  h: number;
}

export class Layouter {
  private readonly r: FontMetrics;
  private readonly b: FontMetrics;
  private readonly t: FontMetrics;
  private readonly h: FontMetrics;
  private readonly measureBody: (s: string) => number;

  constructor(fonts: LayoutFonts) {
    this.r = fonts.regular;
    this.b = fonts.bold;
    this.t = fonts.title ?? fonts.bold;
    this.h = fonts.heading ?? fonts.bold;
    this.measureBody = (s) => this.r.width(s, BODY_SIZE, BODY_SPACING);
  }

  private text(x: number, dy: number, text: string, bold: boolean, size: number, spacing: number): RelItem {
    return { t: 'text', x, dy, text, bold, size, spacing };
  }

  /** One grid line of body text: baseline inside the line box. */
  private bodyBaseline(): number {
    return (LINE_PITCH - BODY_SIZE) / 2 + BODY_SIZE * ASCENT;
  }

  private centred(text: string, size: number, bold: boolean, lineH: number, role?: FontRole, color?: [number, number, number]): Unit[] {
    const font = role === 'title' ? this.t : bold ? this.b : this.r;
    const lines = breakLines(text, TEXT_WIDTH, (s) => font.width(s, size));
    return lines.map((line) => {
      const w = font.width(line, size);
      const x = MARGIN_LEFT + (TEXT_WIDTH - w) / 2;
      const dy = (lineH - size) / 2 + size * ASCENT;
      const item = this.text(x, dy, line, bold, size, 0);
      if (item.t === 'text') {
        if (role) item.role = role;
        if (color) item.color = color;
      }
      return { h: lineH, items: [item], lines: [{ text: line, x, dy: (lineH - size) / 2, w, h: size }], keepWithNext: true };
    });
  }

  /** A paragraph: first line indented two characters, later lines flush left, justified but the last. */
  private paragraph(text: string, indentChars = 2): Unit[] {
    const indent = indentChars * CHAR_PITCH;
    const lines = breakLines(text, TEXT_WIDTH, this.measureBody, { firstWidth: TEXT_WIDTH - indent });
    const dy = this.bodyBaseline();
    return lines.map((line, i) => {
      const x = MARGIN_LEFT + (i === 0 ? indent : 0);
      const avail = TEXT_WIDTH - (i === 0 ? indent : 0);
      const spacing = i < lines.length - 1 ? this.justify(line, avail) : BODY_SPACING;
      const w = this.r.width(line, BODY_SIZE, spacing) - spacing;
      // Widow and orphan control: the first line never ends a page alone, the last never starts one alone.
      const keep = lines.length > 1 && (i === 0 || i === lines.length - 2);
      return { h: LINE_PITCH, items: [this.text(x, dy, line, false, BODY_SIZE, spacing)], lines: [{ text: line, x, dy: (LINE_PITCH - BODY_SIZE) / 2, w, h: BODY_SIZE }], ...(keep ? { keepWithNext: true } : {}) };
    });
  }

  /** Character spacing that makes a line fill `avail` (small gaps only, so text extraction sees no spaces). */
  private justify(line: string, avail: number): number {
    const n = [...line].length;
    if (n < 2) return BODY_SPACING;
    const natural = this.r.width(line, BODY_SIZE, 0);
    const spacing = (avail - natural) / (n - 1);
    return spacing > BODY_SPACING && spacing < 1.2 ? spacing : BODY_SPACING;
  }

  /** 出席：names… with the label in bold and wrapped lines aligned after the full-width colon. */
  private labelled(label: string, text: string, indentChars: number, names = false): Unit[] {
    const head = `${label}：`;
    const x0 = MARGIN_LEFT + indentChars * CHAR_PITCH;
    const labelW = this.b.width(head, BODY_SIZE, BODY_SPACING);
    const xText = x0 + labelW;
    const avail = MARGIN_LEFT + TEXT_WIDTH - xText;
    const lines = breakLines(text, avail, this.measureBody, { wholeNames: names });
    const dy = this.bodyBaseline();
    const top = (LINE_PITCH - BODY_SIZE) / 2;
    return lines.map((line, i) => {
      const spacing = i < lines.length - 1 ? this.justify(line, avail) : BODY_SPACING;
      const w = this.r.width(line, BODY_SIZE, spacing) - spacing;
      const items: RelItem[] = [];
      if (i === 0) items.push(this.text(x0, dy, head, true, BODY_SIZE, BODY_SPACING));
      items.push(this.text(xText, dy, line, false, BODY_SIZE, spacing));
      const lx = i === 0 ? x0 : xText;
      const keep = lines.length > 1 && (i === 0 || i === lines.length - 2);
      return { h: LINE_PITCH, items, lines: [{ text: i === 0 ? head + line : line, x: lx, dy: top, w: xText + w - lx, h: BODY_SIZE }], ...(keep ? { keepWithNext: true } : {}) };
    });
  }

  private heading(text: string): Unit[] {
    const x = MARGIN_LEFT + 2 * CHAR_PITCH;
    const lines = breakLines(text, TEXT_WIDTH - 2 * CHAR_PITCH, (s) => this.h.width(s, BODY_SIZE, BODY_SPACING));
    return lines.map((line) => ({
      h: LINE_PITCH,
      items: [{ ...this.text(x, this.bodyBaseline(), line, true, BODY_SIZE, BODY_SPACING), role: 'heading' } as RelItem],
      lines: [{ text: line, x, dy: (LINE_PITCH - BODY_SIZE) / 2, w: this.h.width(line, BODY_SIZE, BODY_SPACING), h: BODY_SIZE }],
      keepWithNext: true,
    }));
  }

  private columnWidths(columns: TableColumn[], rows: TableCell[][]): number[] {
    const min: number[] = [];
    const natural: number[] = [];
    columns.forEach((c, i) => {
      const head = this.b.width(c.title, TABLE_SIZE) + 2 * CELL_PAD_X;
      let nat = head;
      let longestWord = 0;
      for (const r of rows) {
        const cell = r[i];
        if (!cell) continue;
        const w = cell.image ? 60 : this.r.width(cell.text, TABLE_SIZE);
        nat = Math.max(nat, w + 2 * CELL_PAD_X);
        if (!cell.image) for (const word of cell.text.match(/[A-Za-z0-9.:\-/]+/g) ?? []) longestWord = Math.max(longestWord, this.r.width(word, TABLE_SIZE));
      }
      // A header of up to 4 characters stays on one line; longer ones may wrap.
      const headMin = Math.min(head, this.b.width('表决结果', TABLE_SIZE) + 2 * CELL_PAD_X);
      min.push(Math.max(headMin, longestWord + 2 * CELL_PAD_X, 2 * TABLE_SIZE + 2 * CELL_PAD_X));
      natural.push(Math.min(c.long ? nat * 1.5 : nat, TEXT_WIDTH));
    });
    const sumNat = natural.reduce((a, b) => a + b, 0);
    if (sumNat <= TEXT_WIDTH) return natural.map((n) => n + ((TEXT_WIDTH - sumNat) * n) / sumNat);
    const sumMin = min.reduce((a, b) => a + b, 0);
    if (sumMin >= TEXT_WIDTH) return min.map((m) => (m * TEXT_WIDTH) / sumMin);
    const extra = natural.map((n, i) => Math.max(0, n - min[i]!));
    const sumExtra = extra.reduce((a, b) => a + b, 0) || 1;
    return min.map((m, i) => m + ((TEXT_WIDTH - sumMin) * extra[i]!) / sumExtra);
  }

  /** A table row as one unit (or several when one row is taller than a page). */
  private tableRow(cells: TableCell[], columns: TableColumn[], widths: number[], bold: boolean, headerRow: boolean): Unit[] {
    const font = bold ? this.b : this.r;
    const cellLines = cells.map((c, i) => (c.image ? [] : c.text ? breakLines(c.text, widths[i]! - 2 * CELL_PAD_X, (s) => font.width(s, TABLE_SIZE)) : []));
    const hasImage = cells.some((c) => c.image);
    const nLines = Math.max(1, ...cellLines.map((l) => l.length));
    const maxLinesPerUnit = Math.floor((TEXT_HEIGHT - TABLE_LINE * 3) / TABLE_LINE);
    const units: Unit[] = [];
    for (let from = 0; from < nLines; from += maxLinesPerUnit) {
      const count = Math.min(maxLinesPerUnit, nLines - from);
      const h = Math.max(count * TABLE_LINE + 2 * CELL_PAD_Y, hasImage ? 34 : 0);
      const items: RelItem[] = [];
      const lines: RelLine[] = [];
      let x = MARGIN_LEFT;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        if (cell.image && from === 0) {
          const img = fitImage(cell.image, w - 2 * CELL_PAD_X, h - 2 * CELL_PAD_Y);
          items.push({ t: 'image', x: x + (w - img.w) / 2, dy: (h + img.h) / 2, w: img.w, h: img.h, image: cell.image });
        }
        const own = cellLines[i]!.slice(from, from + count);
        const blockH = own.length * TABLE_LINE;
        const top = headerRow || own.length < count ? (h - blockH) / 2 : CELL_PAD_Y;
        own.forEach((line, k) => {
          const lw = font.width(line, TABLE_SIZE);
          const lx = columns[i]!.align === 'center' ? x + (w - lw) / 2 : x + CELL_PAD_X;
          const dyTop = top + k * TABLE_LINE + (TABLE_LINE - TABLE_SIZE) / 2;
          items.push(this.text(lx, dyTop + TABLE_SIZE * ASCENT, line, bold, TABLE_SIZE, 0));
          lines.push({ text: line, x: lx, dy: dyTop, w: lw, h: TABLE_SIZE });
        });
        x += w;
      });
      // Cell borders: top, bottom, and the verticals.
      items.push({ t: 'line', x1: MARGIN_LEFT, dy1: 0, x2: MARGIN_LEFT + TEXT_WIDTH, dy2: 0, width: 0.75 });
      items.push({ t: 'line', x1: MARGIN_LEFT, dy1: h, x2: MARGIN_LEFT + TEXT_WIDTH, dy2: h, width: 0.75 });
      let vx = MARGIN_LEFT;
      items.push({ t: 'line', x1: vx, dy1: 0, x2: vx, dy2: h, width: 0.75 });
      for (const w of widths) {
        vx += w;
        items.push({ t: 'line', x1: vx, dy1: 0, x2: vx, dy2: h, width: 0.75 });
      }
      units.push({ h, items, lines });
    }
    return units;
  }

  private table(block: Extract<Block, { kind: 'table' }>): Unit[] {
    const widths = this.columnWidths(block.columns, block.rows);
    const header = this.tableRow(block.columns.map((c) => ({ text: c.title })), block.columns, widths, true, true)[0]!;
    header.keepWithNext = true;
    const out: Unit[] = [header];
    for (const row of block.rows) for (const u of this.tableRow(row, block.columns, widths, false, false)) out.push({ ...u, repeat: header });
    out[out.length - 1]!.snap = true;
    return out;
  }

  /**
   * The chair's and recorder's signature lines (label in bold, name, the hand-drawn image), one
   * row of two grid lines each; right of each row, inside the text block, the reserved space for
   * that signer's digital-signature stamp (so a stamp stands beside its own signer, never over
   * text, a table or the page number).
   */
  private signatures(signers: Signer[]): Unit {
    const rowH = SIGNER_ROW;
    const h = signers.length * rowH;
    const items: RelItem[] = [];
    const lines: RelLine[] = [];
    const x0 = MARGIN_LEFT + 2 * CHAR_PITCH;
    const stamps: NonNullable<Unit['stamps']> = [];
    signers.forEach((s, i) => {
      const top = i * rowH + (rowH - LINE_PITCH) / 2;
      stamps.push({ slot: s.slot, dy: i * rowH + rowH - (rowH - STAMP_HEIGHT) / 2, name: s.name, role: s.role });
      const dy = top + (LINE_PITCH - BODY_SIZE) / 2 + BODY_SIZE * ASCENT;
      const head = `${s.role}：`;
      const headW = this.b.width(head, BODY_SIZE, BODY_SPACING);
      items.push(this.text(x0, dy, head, true, BODY_SIZE, BODY_SPACING));
      items.push(this.text(x0 + headW, dy, s.name, false, BODY_SIZE, BODY_SPACING));
      const nameW = this.r.width(s.name, BODY_SIZE, BODY_SPACING);
      lines.push({ text: head + s.name, x: x0, dy: top + (LINE_PITCH - BODY_SIZE) / 2, w: headW + nameW, h: BODY_SIZE });
      if (s.image) {
        const room = STAMP_X - 8 - (x0 + headW + nameW + CHAR_PITCH);
        const img = fitImage(s.image, Math.min(120, room), rowH - 10);
        items.push({ t: 'image', x: x0 + headW + nameW + CHAR_PITCH, dy: top + (LINE_PITCH + img.h) / 2, w: img.w, h: img.h, image: s.image });
      }
    });
    return { h, items, lines, keepWithNext: true, snap: true, stamps };
  }

  private distribution(label: string, text: string): Unit[] {
    const units = this.labelled(label, text, 1);
    if (units.length) {
      units[0]!.items.push({ t: 'line', x1: MARGIN_LEFT, dy1: 1, x2: MARGIN_LEFT + TEXT_WIDTH, dy2: 1, width: 0.5 });
      const last = units[units.length - 1]!;
      last.items.push({ t: 'line', x1: MARGIN_LEFT, dy1: LINE_PITCH - 1, x2: MARGIN_LEFT + TEXT_WIDTH, dy2: LINE_PITCH - 1, width: 0.5 });
      for (const u of units) u.keepWithNext = true;
    }
    return units;
  }

  /** The units of one block. */
  units(block: Block): Unit[] {
    switch (block.kind) {
      case 'title':
        return this.centred(block.text, TITLE_SIZE, true, LINE_PITCH * 1.25, 'title', RED);
      case 'subtitle':
        return this.centred(block.text, BODY_SIZE, true, LINE_PITCH);
      case 'issue':
        return this.centred(block.text, BODY_SIZE, false, LINE_PITCH);
      case 'rule':
        return [{ h: LINE_PITCH / 2, items: [{ t: 'line', x1: MARGIN_LEFT, dy1: LINE_PITCH / 4, x2: MARGIN_LEFT + TEXT_WIDTH, dy2: LINE_PITCH / 4, width: 1, color: RED }], lines: [], keepWithNext: true }];
      case 'heading':
        return this.heading(block.text);
      case 'labelled':
        return this.labelled(block.label, block.text, block.indent, block.names ?? false);
      case 'paragraph':
        return this.paragraph(block.text);
      case 'table':
        return this.table(block);
      case 'signatures':
        return [this.signatures(block.signers)];
      case 'distribution':
        return this.distribution(block.label, block.text);
      case 'date': {
        const w = this.r.width(block.text, BODY_SIZE, BODY_SPACING) - BODY_SPACING;
        const x = MARGIN_LEFT + TEXT_WIDTH - 4 * CHAR_PITCH - w;
        return [{ h: LINE_PITCH, items: [this.text(x, this.bodyBaseline(), block.text, false, BODY_SIZE, BODY_SPACING)], lines: [{ text: block.text, x, dy: (LINE_PITCH - BODY_SIZE) / 2, w, h: BODY_SIZE }], keepWithNext: true }];
      }
    }
  }

  /** 主持人：王建国　　记录人：徐静 on one line when both are short (a short meeting then fits one page). */
  private pair(a: Extract<Block, { kind: 'labelled' }>, b: Extract<Block, { kind: 'labelled' }>): Unit | undefined {
    const [ua] = this.labelled(a.label, a.text, a.indent);
    const half = TEXT_WIDTH / 2;
    const x0 = MARGIN_LEFT + a.indent * CHAR_PITCH;
    const wa = this.b.width(`${a.label}：`, BODY_SIZE, BODY_SPACING) + this.r.width(a.text, BODY_SIZE, BODY_SPACING);
    const wb = this.b.width(`${b.label}：`, BODY_SIZE, BODY_SPACING) + this.r.width(b.text, BODY_SIZE, BODY_SPACING);
    if (!ua || x0 + wa > MARGIN_LEFT + half - CHAR_PITCH || wb > half) return undefined;
    const xb = MARGIN_LEFT + half;
    const dy = this.bodyBaseline();
    const headB = `${b.label}：`;
    const headW = this.b.width(headB, BODY_SIZE, BODY_SPACING);
    ua.items.push(this.text(xb, dy, headB, true, BODY_SIZE, BODY_SPACING), this.text(xb + headW, dy, b.text, false, BODY_SIZE, BODY_SPACING));
    ua.lines.push({ text: headB + b.text, x: xb, dy: (LINE_PITCH - BODY_SIZE) / 2, w: wb - BODY_SPACING, h: BODY_SIZE });
    return ua;
  }

  layout(doc: MinutesDocument): Layout {
    const units: Unit[] = [];
    let afterTitle = false;
    for (let bi = 0; bi < doc.blocks.length; bi++) {
      const block = doc.blocks[bi]!;
      const next = doc.blocks[bi + 1];
      let us = this.units(block);
      if (block.kind === 'labelled' && block.label === '主持人' && next?.kind === 'labelled' && next.label === '记录人') {
        const both = this.pair(block, next);
        if (both) {
          us = [both];
          bi++;
        }
      }
      if (block.kind !== 'title' && afterTitle && block.kind !== 'subtitle' && block.kind !== 'issue' && block.kind !== 'rule') {
        // A quarter line between the title group and the body (the title group then ends on the grid).
        units.push({ h: LINE_PITCH / 4, items: [], lines: [], snap: true });
      }
      afterTitle = block.kind === 'title' || block.kind === 'subtitle' || block.kind === 'issue' || block.kind === 'rule' ? true : false;
      if (block.kind === 'signatures' && units.length) {
        // Keep the last line before the signatures with them.
        units[units.length - 1]!.keepWithNext = true;
      }
      units.push(...us);
    }
    // The trailing group (signatures, distribution, date) stays together: only the last unit may end a page.
    const last = units[units.length - 1];
    if (last) last.keepWithNext = false;
    const out = paginate(units);
    if (doc.draft) for (const page of out.pages) page.items.push(this.draftMark());
    return out;
  }

  /** 草稿: top right of every page, above the text block, so a draft can never pass for issued minutes. */
  private draftMark(): Item {
    const text = '草稿';
    const size = 22;
    const w = this.t.width(text, size);
    return { t: 'text', x: MARGIN_LEFT + TEXT_WIDTH - w, y: PAGE_HEIGHT - MARGIN_TOP + 12 * MM - size, text, bold: true, size, spacing: 0, role: 'title', color: DRAFT_GREY };
  }
}

function fitImage(image: ImageData, maxW: number, maxH: number): { w: number; h: number } {
  const size = imageSize(image);
  const scale = Math.min(maxW / size.w, maxH / size.h);
  return { w: size.w * scale, h: size.h * scale };
}

/** Pixel size of a PNG or JPEG from its header. */
export function imageSize(image: ImageData): { w: number; h: number } {
  const b = image.bytes;
  if (image.type === 'png' && b.length > 24) {
    const w = ((b[16]! << 24) | (b[17]! << 16) | (b[18]! << 8) | b[19]!) >>> 0;
    const h = ((b[20]! << 24) | (b[21]! << 16) | (b[22]! << 8) | b[23]!) >>> 0;
    if (w && h) return { w, h };
  }
  if (image.type === 'jpg') {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1]!;
      const len = (b[i + 2]! << 8) | b[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { h: (b[i + 5]! << 8) | b[i + 6]!, w: (b[i + 7]! << 8) | b[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return { w: 3, h: 1 };
}

/** Places units on pages: a unit that does not fit starts a new page (after its repeated table header). */
function paginate(units: Unit[]): Layout {
  const pages: LaidPage[] = [{ items: [] }];
  const lines: LaidLine[] = [];
  const stamps: Layout['stamps'] = {};
  let y = 0; // from the top of the text block, downwards
  const topY = PAGE_HEIGHT - MARGIN_TOP;

  const place = (u: Unit) => {
    const page = pages.length - 1;
    const items = pages[page]!.items;
    const top = topY - y;
    for (const it of u.items) {
      if (it.t === 'text') items.push({ t: 'text', x: it.x, y: top - it.dy, text: it.text, bold: it.bold, size: it.size, spacing: it.spacing, ...(it.role ? { role: it.role } : {}), ...(it.color ? { color: it.color } : {}) });
      else if (it.t === 'image') items.push({ t: 'image', x: it.x, y: top - it.dy, w: it.w, h: it.h, image: it.image });
      else items.push({ t: 'line', x1: it.x1, y1: top - it.dy1, x2: it.x2, y2: top - it.dy2, width: it.width, ...(it.color ? { color: it.color } : {}) });
    }
    for (const l of u.lines) lines.push({ page, text: l.text, x: l.x, y: top - l.dy - l.h, w: l.w, h: l.h });
    for (const s of u.stamps ?? []) stamps[s.slot] = { page, rect: [STAMP_X, top - s.dy, STAMP_WIDTH, STAMP_HEIGHT], role: s.role, name: s.name };
    y += u.h;
    if (u.snap) y = Math.ceil(y / LINE_PITCH - 1e-6) * LINE_PITCH;
  };
  const newPage = () => {
    pages.push({ items: [] });
    y = 0;
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // The height this unit needs on the page: itself, plus the units it must not be parted from.
    let need = u.h;
    for (let j = i; j < units.length - 1 && units[j]!.keepWithNext; j++) {
      const next = units[j + 1]!;
      need += next.h;
      if (!next.keepWithNext || need > TEXT_HEIGHT) break;
    }
    if (need > TEXT_HEIGHT) need = u.h + (units[i + 1]?.h ?? 0); // a group taller than a page: keep only the next unit
    if (y > 0 && y + Math.min(need, TEXT_HEIGHT) > TEXT_HEIGHT + 1e-6) {
      newPage();
      if (u.repeat) place(u.repeat);
    }
    place(u);
  }
  return { pages, lines, stamps };
}

/** "— 1 —": odd pages right, even pages left, one character in, 7 mm under the text block. */
export function pageNumberItem(n: number, metrics: FontMetrics): { item: Item; line: Omit<LaidLine, 'page'> } {
  const text = `— ${n} —`;
  const w = metrics.width(text, PAGE_NUMBER_SIZE);
  const textBottom = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT;
  const top = textBottom - 7 * MM;
  const y = top - PAGE_NUMBER_SIZE * ASCENT;
  const x = n % 2 === 1 ? MARGIN_LEFT + TEXT_WIDTH - PAGE_NUMBER_SIZE - w : MARGIN_LEFT + PAGE_NUMBER_SIZE;
  return { item: { t: 'text', x, y, text, bold: false, size: PAGE_NUMBER_SIZE, spacing: 0 }, line: { text, x, y: top - PAGE_NUMBER_SIZE, w, h: PAGE_NUMBER_SIZE } };
}
