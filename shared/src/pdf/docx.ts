/**
 * The same minutes as an editable Word document (.docx, with the `docx` library), because
 * offices polish minutes in WPS or Word before they are signed. Same blocks as the PDF; the
 * page set up per GB/T 9704 (A4, margins, 22 lines × 28 characters grid, 三号 body, 二号 title,
 * "— 1 —" page numbers right on odd and left on even pages). Fonts are named, not embedded:
 * offices have 仿宋_GB2312 and 方正小标宋简体; other machines fall back.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { imageSize } from './layout.ts';
import type { Block, ImageData, MinutesDocument } from './minutes-model.ts';

export interface DocxFonts {
  /** Body font (eastAsia); default 仿宋_GB2312. */
  body?: string;
  /** Title font; default 方正小标宋简体. */
  title?: string;
  /** Bold labels and headings; default 黑体. */
  heading?: string;
}

const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);
/** Half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt. */
const BODY = 32;
const TITLE = 44;
const SMALL = 28;
/** 225 mm / 22 lines, in twips. */
const LINE_PITCH = Math.round((225 * TWIP_PER_MM) / 22);
const INDENT_2 = mm((156 / 28) * 2);

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, bold, size, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });
}

function imageRun(img: ImageData, maxW: number, maxH: number): ImageRun {
  const s = imageSize(img);
  const scale = Math.min(maxW / s.w, maxH / s.h);
  return new ImageRun({ type: img.type, data: img.bytes, transformation: { width: Math.max(1, Math.round(s.w * scale)), height: Math.max(1, Math.round(s.h * scale)) } });
}

const exact = { line: LINE_PITCH, lineRule: 'exact' as const, before: 0, after: 0 };

/** The document as .docx bytes. */
export async function renderMinutesDocx(doc: MinutesDocument, fonts: DocxFonts = {}): Promise<Uint8Array> {
  const body = fonts.body ?? '仿宋_GB2312';
  const titleFont = fonts.title ?? '方正小标宋简体';
  const headingFont = fonts.heading ?? '黑体';
  const children: Array<Paragraph | Table> = [];
  const para = (o: IParagraphOptions) => children.push(new Paragraph({ spacing: exact, ...o }));

  for (const b of doc.blocks) emit(b);

  function emit(b: Block): void {
    switch (b.kind) {
      case 'title':
        para({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(LINE_PITCH * 1.25), lineRule: 'exact', before: 0, after: 0 }, children: [run(b.text, titleFont, TITLE)] });
        break;
      case 'subtitle':
        para({ alignment: AlignmentType.CENTER, children: [run(b.text, body, BODY, true)] });
        para({ children: [] });
        break;
      case 'issue':
        para({ alignment: AlignmentType.CENTER, children: [run(b.text, body, BODY)] });
        break;
      case 'rule':
        para({ border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: 'CC0000', space: 1 } }, spacing: { line: Math.round(LINE_PITCH / 2), lineRule: 'exact', before: 0, after: 0 }, children: [] });
        break;
      case 'heading':
        para({ indent: { firstLine: INDENT_2 }, children: [run(b.text, headingFont, BODY)] });
        break;
      case 'labelled':
      case 'distribution': {
        const indent = mm((156 / 28) * (b.kind === 'distribution' ? 1 : b.indent));
        // Hanging indent: wrapped lines start after "出席：".
        const labelWidth = mm((156 / 28) * ([...b.label].length + 1));
        para({
          indent: { left: indent + labelWidth, hanging: labelWidth },
          ...(b.kind === 'distribution'
            ? { border: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } } }
            : {}),
          children: [run(`${b.label}：`, headingFont, BODY), run(b.text, body, BODY)],
        });
        break;
      }
      case 'paragraph':
        para({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT_2 }, children: [run(b.text, body, BODY)] });
        break;
      case 'table': {
        const cell = (children: Paragraph[], center: boolean) =>
          new TableCell({ children, verticalAlign: VerticalAlign.CENTER, margins: { left: 80, right: 80, top: 40, bottom: 40 }, ...(center ? {} : {}) });
        const header = new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: b.columns.map((c) => cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.title, headingFont, SMALL)] })], true)),
        });
        const rows = b.rows.map(
          (r) =>
            new TableRow({
              cantSplit: false,
              children: r.map((c, i) =>
                cell(
                  [
                    new Paragraph({
                      alignment: b.columns[i]?.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                      children: c.image ? [imageRun(c.image, 90, 32)] : [run(c.text, body, SMALL)],
                    }),
                  ],
                  b.columns[i]?.align === 'center',
                ),
              ),
            }),
        );
        children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }));
        break;
      }
      case 'signatures':
        para({ children: [] });
        for (const s of b.signers) {
          children.push(
            new Paragraph({
              indent: { left: INDENT_2 },
              spacing: { line: LINE_PITCH * 2, lineRule: 'atLeast', before: 0, after: 0 },
              children: [run(`${s.role}：`, headingFont, BODY), run(s.name, body, BODY), ...(s.image ? [run('　', body, BODY), imageRun(s.image, 120, 44)] : [])],
            }),
          );
        }
        para({ children: [] });
        break;
      case 'date':
        para({ alignment: AlignmentType.RIGHT, indent: { right: mm((156 / 28) * 4) }, children: [run(b.text, body, BODY)] });
        break;
    }
  }

  const pageNumber = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align,
          indent: align === AlignmentType.RIGHT ? { right: mm((156 / 28) * 1) } : { left: mm((156 / 28) * 1) },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SMALL, font: { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体' } })],
        }),
      ],
    });

  const document = new Document({
    title: doc.title,
    creator: 'Lvzhi 履职',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: body, eastAsia: body, hAnsi: body }, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // GB/T 9704: top 37 mm, left 28 mm, text block 156 × 225 mm; the footer 7 mm under the block.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(35 - 7 - 5.6) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: 0 },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
