/**
 * Minutes (会议纪要) and sign-in sheets (签到表) as PDF: record + form + document template →
 * blocks (minutes-model.ts) → pages (layout.ts) → PDF with the CJK fonts embedded as subsets.
 * No Node imports: the fonts come in as bytes.
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSpacing,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFFont,
  type PDFImage,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { DocumentTemplate, FormDefinition, LvzhiRecord } from '../core/index.ts';
import { checkEmbeddable, fixedFontkit, findMissingCharacters, FontError, fontMetrics, missingCharactersMessage, subsetTag, type FontSet } from './fonts.ts';
import { Layouter, PAGE_HEIGHT, PAGE_WIDTH, pageNumberItem, type FontRole, type Layout, type LaidLine } from './layout.ts';
import { buildMinutesDocument, documentTexts, type BuildOptions, type ImageData, type MinutesDocument } from './minutes-model.ts';

const CJK_FONTKIT = fixedFontkit({ cmapOnly: true });

export interface RenderOptions {
  fonts: FontSet;
  /** /CreationDate and /ModDate; default now. The same input and date give the same bytes. */
  date?: Date;
  /** /Author, e.g. the recorder. */
  author?: string;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  layout: Layout;
  document: MinutesDocument;
  /** Every text line with its page and box, page numbers included (reading order per page). */
  lines: LaidLine[];
}

/**
 * Refuses a document with characters the fonts cannot draw, naming each one (never a blank box).
 */
export function checkFonts(doc: MinutesDocument, fonts: FontSet): void {
  const regular = checkEmbeddable(fonts.regular);
  const bold = fonts.bold ? checkEmbeddable(fonts.bold, '粗体字体') : regular;
  const title = fonts.title ? checkEmbeddable(fonts.title, '标题字体') : bold;
  const heading = fonts.heading ? checkEmbeddable(fonts.heading, '小标题字体') : bold;
  const texts = documentTexts(doc);
  const pick = (bold: boolean, role?: 'title' | 'heading') => texts.filter((t) => t[2] === bold && t[3] === role).map(([w, s]) => [w, s] as const);
  const missing = [
    ...findMissingCharacters(regular, pick(false)),
    ...findMissingCharacters(bold, pick(true)),
    ...findMissingCharacters(title, pick(true, 'title')),
    ...findMissingCharacters(heading, pick(true, 'heading')),
  ];
  const unique = missing.filter((m, i) => missing.findIndex((o) => o.char === m.char) === i);
  if (unique.length) throw new FontError(missingCharactersMessage(unique, regular.postscriptName), unique);
}

async function embed(pdf: PDFDocument, bytes: Uint8Array, seed: string): Promise<PDFFont> {
  // Only TrueType outlines get here (checkFonts refuses CFF .otf fonts): always a subset.
  const m = checkEmbeddable(bytes);
  return pdf.embedFont(bytes, { subset: true, customName: `${subsetTag(seed + m.postscriptName)}+${m.postscriptName}` });
}

/** Lays out and draws a built document. */
export async function renderDocumentPdf(doc: MinutesDocument, options: RenderOptions): Promise<RenderedPdf> {
  const { fonts } = options;
  checkFonts(doc, fonts);
  const regularM = fontMetrics(fonts.regular);
  const boldM = fonts.bold ? fontMetrics(fonts.bold) : regularM;
  const layout = new Layouter({
    regular: regularM,
    bold: boldM,
    ...(fonts.title ? { title: fontMetrics(fonts.title) } : {}),
    ...(fonts.heading ? { heading: fontMetrics(fonts.heading) } : {}),
  }).layout(doc);

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(CJK_FONTKIT);
  const date = options.date ?? new Date();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage('zh-CN');
  pdf.setProducer('Lvzhi 履职 (pdf-lib)');
  pdf.setCreator('Lvzhi 履职');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  if (options.author) pdf.setAuthor(options.author);
  // One embedded font per distinct file (the title font is often the bold one).
  const embedded = new Map<Uint8Array, PDFFont>();
  const embedOnce = async (bytes: Uint8Array, seed: string) => {
    let f = embedded.get(bytes);
    if (!f) embedded.set(bytes, (f = await embed(pdf, bytes, `${doc.title}-${seed}`)));
    return f;
  };
  const regular = await embedOnce(fonts.regular, 'regular');
  const bold = fonts.bold ? await embedOnce(fonts.bold, 'bold') : regular;
  const used = new Set(layout.pages.flatMap((p) => p.items.map((i) => (i.t === 'text' ? i.role : undefined))));
  const roles: Record<FontRole, PDFFont> = {
    regular,
    bold,
    title: fonts.title && used.has('title') ? await embedOnce(fonts.title, 'title') : bold,
    heading: fonts.heading && used.has('heading') ? await embedOnce(fonts.heading, 'heading') : bold,
  };

  const images = new Map<Uint8Array, PDFImage>();
  const imageOf = async (img: ImageData): Promise<PDFImage> => {
    let out = images.get(img.bytes);
    if (!out) {
      out = img.type === 'png' ? await pdf.embedPng(img.bytes) : await pdf.embedJpg(img.bytes);
      images.set(img.bytes, out);
    }
    return out;
  };

  const lines: LaidLine[] = [];
  for (let p = 0; p < layout.pages.length; p++) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const number = pageNumberItem(p + 1, regularM);
    const items = [...layout.pages[p]!.items, number.item];
    lines.push(...layout.lines.filter((l) => l.page === p), { page: p, ...number.line });
    await drawItems(page, items, roles, imageOf);
  }
  reserveSignatureFields(pdf, layout);
  const bytes = await pdf.save();
  return { pdf: bytes, layout, document: doc, lines };
}

/**
 * The stamp slots as empty signature fields (主持人签名, 记录人签名) with the signer's name: the
 * signing code fills the one of the signer (or the next free one), so every stamp lands in the
 * space reserved beside its signer — never over text, a table or the page number.
 */
function reserveSignatureFields(pdf: PDFDocument, layout: Layout): void {
  const ctx = pdf.context;
  const fields = [];
  for (const slot of [layout.stamps.chair, layout.stamps.recorder]) {
    if (!slot) continue;
    const page = pdf.getPage(slot.page);
    const [x, y, w, h] = slot.rect;
    const role = slot.role ?? '签名';
    const ref = ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFHexString.fromText(`${role}签名`),
        TU: PDFHexString.fromText(`${role}：${slot.name ?? ''}`),
        F: 4,
        P: page.ref,
        Rect: [r2(x), r2(y), r2(x + w), r2(y + h)],
      }),
    );
    page.node.set(PDFName.of('Annots'), ctx.obj([...(page.node.Annots()?.asArray() ?? []), ref]));
    fields.push(ref);
  }
  if (fields.length) pdf.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: fields }));
}

async function drawItems(
  page: PDFPage,
  items: Layout['pages'][number]['items'],
  roles: Record<FontRole, PDFFont>,
  imageOf: (img: ImageData) => Promise<PDFImage>,
): Promise<void> {
  const ops: PDFOperator[] = [];
  const fontKeys = new Map<PDFFont, PDFName>();
  const fontKey = (f: PDFFont) => {
    let k = fontKeys.get(f);
    if (!k) {
      k = page.node.newFontDictionary(f === roles.regular ? 'FR' : f === roles.bold ? 'FB' : f === roles.title ? 'FT' : 'FH', f.ref);
      fontKeys.set(f, k);
    }
    return k;
  };
  const imageKeys = new Map<PDFImage, PDFName>();
  // Lines first (table rules under the text), then text in one text object, then images.
  const strokes = items.filter((i) => i.t === 'line');
  if (strokes.length) {
    ops.push(pushGraphicsState());
    let color = '';
    let width = -1;
    for (const l of strokes) {
      const c = l.color ?? [0, 0, 0];
      if (c.join() !== color) {
        ops.push(setStrokingRgbColor(c[0], c[1], c[2]));
        color = c.join();
      }
      if (l.width !== width) {
        ops.push(setLineWidth(l.width));
        width = l.width;
      }
      ops.push(moveTo(r2(l.x1), r2(l.y1)), lineTo(r2(l.x2), r2(l.y2)), stroke());
    }
    ops.push(popGraphicsState());
  }
  const texts = items.filter((i) => i.t === 'text');
  if (texts.length) {
    ops.push(beginText(), setFillingRgbColor(0, 0, 0));
    let cur: PDFFont | undefined;
    let size = -1;
    let spacing = Number.NaN;
    let color = '0,0,0';
    for (const t of texts) {
      const f = roles[t.role ?? (t.bold ? 'bold' : 'regular')];
      const c = t.color ?? [0, 0, 0];
      if (c.join() !== color) {
        ops.push(setFillingRgbColor(c[0], c[1], c[2]));
        color = c.join();
      }
      if (f !== cur || t.size !== size) {
        ops.push(setFontAndSize(fontKey(f), t.size));
        cur = f;
        size = t.size;
      }
      const sp = r3(t.spacing);
      if (sp !== spacing) {
        ops.push(setCharacterSpacing(sp));
        spacing = sp;
      }
      ops.push(setTextMatrix(1, 0, 0, 1, r2(t.x), r2(t.y)), showText(f.encodeText(t.text)));
    }
    ops.push(endText());
  }
  for (const it of items) {
    if (it.t !== 'image') continue;
    const img = await imageOf(it.image);
    let key = imageKeys.get(img);
    if (!key) {
      key = page.node.newXObject('Im', img.ref);
      imageKeys.set(img, key);
    }
    ops.push(pushGraphicsState(), concatTransformationMatrix(r2(it.w), 0, 0, r2(it.h), r2(it.x), r2(it.y)), drawObject(key), popGraphicsState());
  }
  page.pushOperators(...ops);
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** Record, form, the minutes or sign-in template and the build options (see `minutesBuildOptions`). */
export type MinutesInput = BuildOptions;

/** The minutes (or sign-in sheet, per the template's kind) of a meeting record as PDF. */
export async function renderMinutesPdf(input: MinutesInput, options: RenderOptions): Promise<RenderedPdf> {
  const doc = buildMinutesDocument(input);
  return renderDocumentPdf(doc, { ...options, ...(options.date ? {} : { date: new Date(input.record.updatedAt) }) });
}

/** The document templates of a form in a pack: its minutes and its sign-in sheet. */
export function templatesFor(templates: readonly DocumentTemplate[] | undefined, formId: string): { minutes?: DocumentTemplate; signin?: DocumentTemplate } {
  const own = (templates ?? []).filter((t) => t.form === formId);
  const minutes = own.find((t) => t.kind === 'minutes');
  const signin = own.find((t) => t.kind === 'signin');
  return { ...(minutes ? { minutes } : {}), ...(signin ? { signin } : {}) };
}
