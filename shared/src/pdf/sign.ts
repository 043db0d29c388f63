/**
 * Adds a PAdES B-B signature (/SubFilter /ETSI.CAdES.detached) with a visible stamp to a PDF.
 * An unsigned PDF is rewritten once by pdf-lib; a PDF that already has a signature gets an
 * incremental update appended, so that earlier signatures stay valid for their revisions.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFPage,
} from 'pdf-lib';
import { concatBytes, fromLatin1, latin1 } from './bytes.ts';
import { createCadesDetached } from './cms.ts';
import { PdfSignError } from './errors.ts';
import { appendRevision, changedObjects, readLastXref, snapshotObjects } from './incremental.ts';
import { pdfDateCst } from './pdf-date.ts';
import { signerName, type Signer } from './signer.ts';
import { buildOutlineStampAppearance, buildStampAppearance, embedAsciiFont, missingCharacters, openStampFont, stampLines } from './stamp.ts';

export interface StampOptions {
  /** 0-based page index; negative counts from the end. Default: the last page. */
  page?: number;
  /** [x, y, width, height] in PDF points from the page's lower-left corner. Default: lower right, above earlier stamps. */
  rect?: [number, number, number, number];
}

export interface SignPdfOptions {
  signer: Signer;
  /** /Reason (e.g. 会议纪要确认). */
  reason?: string;
  /** /Name and the name on the stamp; default the certificate's CN. */
  name?: string;
  location?: string;
  contactInfo?: string;
  /** Claimed signing time (/M); default now. */
  signingTime?: Date;
  /** TrueType (glyf) CJK font bytes for the stamp; without it the stamp is ASCII only. */
  font?: Uint8Array;
  /** Where the stamp goes, or false for an invisible signature. */
  stamp?: StampOptions | false;
  /** Name of the new signature field; default 签名1, 签名2, … */
  fieldName?: string;
  /** Bytes reserved for the CMS (default 16384; doubled automatically when too small). */
  contentsSize?: number;
  /** 'auto' (default): rewrite an unsigned PDF, append to a signed one; 'always': always append. */
  incremental?: 'auto' | 'always';
  /** Also write the CMS signing-time attribute (not PAdES baseline; see cms.ts). */
  cmsSigningTime?: boolean;
  /** Told where the stamp went: a reserved field (its name), the default place, or nowhere (invisible). */
  onPlaced?: (placed: { kind: 'reserved'; field: string } | { kind: 'default' | 'rect' | 'invisible' }) => void;
}

const BYTE_RANGE_MARK = '**********';
const STAMP_W = 200;
const STAMP_H = 64;

/** True when the bytes contain a signature dictionary (a /ByteRange). */
export function hasSignature(pdf: Uint8Array): boolean {
  return latin1(pdf).includes('/ByteRange');
}

function checkPdfHeader(pdf: Uint8Array): void {
  const head = latin1(pdf, 0, Math.min(pdf.length, 1024));
  if (!head.includes('%PDF-')) throw new PdfSignError('not-a-pdf', '不是 PDF 文件（没有 %PDF- 文件头）/ not a PDF file (no %PDF- header)');
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    throw new PdfSignError('not-a-pdf', `PDF 文件无法读取 / the PDF cannot be read: ${(e as Error).message}`, { cause: e });
  }
  if (doc.isEncrypted) throw new PdfSignError('encrypted-pdf', '不支持加密的 PDF / encrypted PDFs cannot be signed');
  if (doc.getPageCount() === 0) throw new PdfSignError('not-a-pdf', 'PDF 没有页面 / the PDF has no pages');
  return doc;
}

function fieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict) {
      const t = obj.get(PDFName.of('T'));
      if (t instanceof PDFString || t instanceof PDFHexString) names.add(t.decodeText());
    }
  }
  return names;
}

function isSigWidgetOn(doc: PDFDocument, annot: unknown): PDFArray | undefined {
  const dict = annot instanceof PDFRef ? doc.context.lookup(annot) : annot;
  if (!(dict instanceof PDFDict)) return undefined;
  const ft = dict.get(PDFName.of('FT')) ?? doc.context.lookupMaybe(dict.get(PDFName.of('Parent')), PDFDict)?.get(PDFName.of('FT'));
  if (ft !== PDFName.of('Sig')) return undefined;
  return dict.lookupMaybe(PDFName.of('Rect'), PDFArray);
}

function defaultRect(doc: PDFDocument, page: PDFPage): [number, number, number, number] {
  const box = page.getCropBox();
  let top = box.y + 36;
  const annots = page.node.Annots();
  if (annots) {
    for (let i = 0; i < annots.size(); i++) {
      const rect = isSigWidgetOn(doc, annots.get(i));
      if (rect && rect.size() === 4) {
        const ys = [rect.lookup(1, PDFNumber).asNumber(), rect.lookup(3, PDFNumber).asNumber()];
        const xs = [rect.lookup(0, PDFNumber).asNumber(), rect.lookup(2, PDFNumber).asNumber()];
        if (Math.max(...xs) - Math.min(...xs) > 0) top = Math.max(top, Math.max(...ys) + 8);
      }
    }
  }
  const w = Math.min(STAMP_W, box.width - 72);
  return [box.x + box.width - 36 - w, Math.min(top, box.y + box.height - STAMP_H - 36), w, STAMP_H];
}

interface ReservedField {
  dict: PDFDict;
  name: string;
  /** The /TU: "主持人：王建国". */
  label: string;
  filled: boolean;
  rect: [number, number, number, number];
}

/**
 * The signature fields the minutes reserved beside their signers (merged field/widgets with a
 * /TU naming role and signer), filled or not, in page order.
 */
function reservedFields(doc: PDFDocument): ReservedField[] {
  const out: ReservedField[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const dict = doc.context.lookupMaybe(annots.get(i), PDFDict);
      if (!dict || dict.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
      const tu = dict.get(PDFName.of('TU'));
      const t = dict.get(PDFName.of('T'));
      const rect = dict.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : 0));
      if (!(tu instanceof PDFHexString || tu instanceof PDFString) || !rect || rect.length !== 4) continue;
      out.push({
        dict,
        name: t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '',
        label: tu.decodeText(),
        filled: dict.has(PDFName.of('V')),
        rect: [rect[0]!, rect[1]!, rect[2]! - rect[0]!, rect[3]! - rect[1]!],
      });
    }
  }
  return out;
}

interface Prepared {
  bytes: Uint8Array;
  /** Where to look for the placeholders (the appended part for incremental updates). */
  searchFrom: number;
}

async function prepare(pdf: Uint8Array, opts: SignPdfOptions, contentsSize: number, incremental: boolean): Promise<Prepared> {
  const doc = await loadPdf(pdf);
  const ctx = doc.context;
  const last = incremental ? readLastXref(pdf) : undefined;
  const before = incremental ? snapshotObjects(ctx) : undefined;
  if (last) ctx.largestObjectNumber = Math.max(ctx.largestObjectNumber, last.size - 1);

  const time = opts.signingTime ?? new Date();
  const name = opts.name ?? signerName(opts.signer.certificate);
  const existing = fieldNames(doc);
  let fieldName = opts.fieldName;
  if (fieldName === undefined) {
    let n = 1;
    while (existing.has(`签名${n}`)) n++;
    fieldName = `签名${n}`;
  } else if (existing.has(fieldName)) {
    throw new PdfSignError('bad-argument', `签名域“${fieldName}”已存在 / signature field "${fieldName}" already exists`);
  }

  const sigEntries: Record<string, unknown> = {
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, PDFName.of(BYTE_RANGE_MARK), PDFName.of(BYTE_RANGE_MARK), PDFName.of(BYTE_RANGE_MARK)],
    Contents: PDFHexString.of('0'.repeat(contentsSize * 2)),
    M: PDFString.of(pdfDateCst(time)),
    Name: PDFHexString.fromText(name),
  };
  if (opts.reason) sigEntries.Reason = PDFHexString.fromText(opts.reason);
  if (opts.location) sigEntries.Location = PDFHexString.fromText(opts.location);
  if (opts.contactInfo) sigEntries.ContactInfo = PDFHexString.fromText(opts.contactInfo);
  const sigRef = ctx.register(ctx.obj(sigEntries as never));

  const pages = doc.getPages();
  let stamp = opts.stamp === false ? undefined : (opts.stamp ?? {});
  // A document with reserved stamp places (the minutes): the signer's own place, else the next
  // free one; when all are taken the signature is invisible rather than drawn over the text.
  let target: ReservedField | undefined;
  if (stamp && !stamp.rect && stamp.page === undefined) {
    const reserved = reservedFields(doc);
    const free = reserved.filter((f) => !f.filled);
    target = free.find((f) => f.label.split('：')[1] === name) ?? free[0];
    if (!target && reserved.length) stamp = undefined;
  }
  opts.onPlaced?.(target ? { kind: 'reserved', field: target.name } : !stamp ? { kind: 'invisible' } : stamp.rect ? { kind: 'rect' } : { kind: 'default' });
  const pageIndex = stamp?.page ?? -1;
  const page = pages[pageIndex < 0 ? pages.length + pageIndex : pageIndex];
  if (!page) throw new PdfSignError('bad-argument', `没有第 ${pageIndex + 1} 页 / no page ${pageIndex}`);

  if (target) {
    // Fill the empty field: only /V and /AP change (what a verifier allows after a signature).
    const [x, y, w, h] = target.rect;
    void x;
    void y;
    const appearance = await stampAppearance(doc, opts, { name, time, ...(opts.reason ? { reason: opts.reason } : {}) }, w, h);
    target.dict.set(PDFName.of('V'), sigRef);
    target.dict.set(PDFName.of('AP'), ctx.obj({ N: appearance }));
    doc.catalog.getOrCreateAcroForm().dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
    return finish(doc, pdf, incremental, before, last);
  }

  const widget: Record<string, unknown> = {
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: sigRef,
    F: 132, // Print + Locked
    P: page.ref,
  };
  if (stamp) {
    const [x, y, w, h] = stamp.rect ?? defaultRect(doc, page);
    if (!(w > 0 && h > 0)) throw new PdfSignError('bad-argument', '印章大小必须为正 / the stamp needs a positive size');
    const appearance = await stampAppearance(doc, opts, { name, time, ...(opts.reason ? { reason: opts.reason } : {}) }, w, h);
    widget.Rect = [x, y, x + w, y + h];
    widget.AP = { N: appearance };
  } else {
    widget.Rect = [0, 0, 0, 0];
  }
  const widgetRef = ctx.register(ctx.obj(widget as never));
  // Not page.node.addAnnot: pdf-lib would "normalize" the page (wrap /Contents, copy resources).
  const annots = page.node.get(PDFName.of('Annots'));
  const annotsArray = annots instanceof PDFRef ? ctx.lookupMaybe(annots, PDFArray) : annots instanceof PDFArray ? annots : undefined;
  if (annotsArray) annotsArray.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widgetRef);
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  return finish(doc, pdf, incremental, before, last);
}

async function stampAppearance(doc: PDFDocument, opts: SignPdfOptions, textParts: { name: string; time: Date; reason?: string }, w: number, h: number): Promise<PDFRef> {
  if (opts.font) {
    const font = openStampFont(opts.font);
    const lines = stampLines(textParts, true);
    const missing = missingCharacters(font, lines);
    if (missing.length) {
      throw new PdfSignError('bad-argument', `字体缺少这些字：${missing.join('、')} / the font lacks these characters: ${missing.join(' ')}`);
    }
    return buildOutlineStampAppearance(doc, font, lines, w, h);
  }
  return buildStampAppearance(doc, await embedAsciiFont(doc), stampLines(textParts, false), w, h);
}

async function finish(
  doc: PDFDocument,
  pdf: Uint8Array,
  incremental: boolean,
  before: ReturnType<typeof snapshotObjects> | undefined,
  last: ReturnType<typeof readLastXref> | undefined,
): Promise<Prepared> {
  const ctx = doc.context;
  if (!incremental) {
    const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
    // pdf-lib ends with "%%EOF" and no end-of-line; the signed revision ends with one.
    return { bytes: concatBytes([saved, fromLatin1('\n')]), searchFrom: 0 };
  }
  await doc.flush();
  const changed = changedObjects(ctx, before!);
  const { bytes } = appendRevision(pdf, changed, ctx, last!);
  return { bytes, searchFrom: pdf.length };
}

/** Signs `pdf` and returns the signed bytes (the input is not changed). */
export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  checkPdfHeader(pdf);
  const incremental = opts.incremental === 'always' || hasSignature(pdf);
  let contentsSize = opts.contentsSize ?? 16384;
  for (let attempt = 0; attempt < 4; attempt++) {
    const { bytes, searchFrom } = await prepare(pdf, opts, contentsSize, incremental);
    const text = latin1(bytes, searchFrom);
    const markAt = text.indexOf('/' + BYTE_RANGE_MARK);
    const brStart = text.lastIndexOf('[', markAt);
    const brEnd = text.indexOf(']', markAt) + 1;
    const placeholder = '<' + '0'.repeat(contentsSize * 2) + '>';
    const contentsAt = text.indexOf(placeholder);
    if (markAt < 0 || brStart < 0 || brEnd <= 0 || contentsAt < 0) throw new Error('signature placeholder not found in the written PDF');
    const gapStart = searchFrom + contentsAt;
    const gapEnd = gapStart + placeholder.length;
    const byteRange = [0, gapStart, gapEnd, bytes.length - gapEnd];
    const brText = `[${byteRange.join(' ')}]`;
    const brWidth = brEnd - brStart;
    if (brText.length > brWidth) throw new Error('ByteRange does not fit its placeholder');
    bytes.set(fromLatin1(brText.padEnd(brWidth, ' ')), searchFrom + brStart);

    const signed = concatBytes([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)]);
    const cms = await createCadesDetached(signed, opts.signer, {
      signingTime: opts.signingTime ?? new Date(),
      ...(opts.cmsSigningTime ? { cmsSigningTime: true } : {}),
    });
    if (cms.length > contentsSize) {
      if (opts.contentsSize !== undefined) {
        throw new PdfSignError('signature-too-large', `签名 ${cms.length} 字节，超出预留的 ${contentsSize} 字节 / the signature (${cms.length} bytes) exceeds the reserved ${contentsSize} bytes`);
      }
      contentsSize *= 2;
      continue;
    }
    let hex = '';
    for (const b of cms) hex += b.toString(16).padStart(2, '0');
    bytes.set(fromLatin1(hex.toUpperCase()), gapStart + 1);
    return bytes;
  }
  throw new PdfSignError('signature-too-large', '签名过大 / the signature is too large');
}
