/**
 * Verifies the signatures of a PDF: for each one the signer, time, whether digest and
 * signature check out, the byte range, whether it covers the whole file, and what was
 * changed after it — nothing, only later signatures, or other changes.
 *
 * "Only later signatures" is decided by comparing the objects of consecutive revisions
 * (each `startxref … %%EOF`): a later revision may only add a signature that covers it, plus
 * new objects, the signature widget in the page's /Annots and the AcroForm's /Fields,
 * /SigFlags and /DR, the catalog's /AcroForm (and /DSS), and the /V and /AP of an empty
 * signature field. Anything else is an "other change".
 */
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { bytesEqual, concatBytes, fromHex, latin1 } from './bytes.ts';
import { verifyCmsDetached } from './cms.ts';
import { isBookkeepingStream } from './incremental.ts';
import { parsePdfDate } from './pdf-date.ts';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateValidityAt, cryptoEngine, type CertificateValidity } from './signer.ts';

export type ChangesAfter = 'nothing' | 'later-signatures' | 'other-changes';

export interface SignatureReport {
  /** 1-based, in the order of the bytes they cover. */
  index: number;
  fieldName?: string;
  /** Signer's name (certificate CN). */
  signer?: string;
  /** Whole certificate subject. */
  subject?: string;
  /** Claimed signing time: the CMS signing-time attribute, else the dictionary's /M. */
  signingTime?: Date;
  reason?: string;
  location?: string;
  subFilter?: string;
  byteRange: [number, number, number, number];
  /** Bytes [0, coveredEnd) are the revision this signature signs. */
  coveredEnd: number;
  coversWholeFile: boolean;
  digestMatches: boolean;
  signatureVerified: boolean;
  /** The signer certificate's validity period at the signing time (undefined: no certificate). */
  certificateValidity?: CertificateValidity;
  /**
   * Trust in the signer: 'not-checked' without trust anchors; 'trusted' when the chain leads to
   * one of them (at the signing time); 'untrusted' otherwise.
   */
  trust: 'not-checked' | 'trusted' | 'untrusted';
  trustDetail?: string;
  /** digest and signature check out and the certificate was valid at the signing time (and trusted, when anchors are given). */
  valid: boolean;
  changesAfter: ChangesAfter;
  /** What the other changes are, in words. */
  changeDetails: string[];
  problems: string[];
}

export interface VerifyReport {
  fileSize: number;
  signatures: SignatureReport[];
  /** Every signature valid, the last covers the whole file, nothing but signatures after each. */
  ok: boolean;
  problems: string[];
}

interface Revision {
  /** Just after %%EOF (without its end-of-line). */
  eofEnd: number;
  /** After the end-of-line. */
  end: number;
  ctx?: PDFContext;
  error?: string;
}

const N = (s: string) => PDFName.of(s);

/** Ends of the revisions: just after each `startxref N %%EOF` (and its end-of-line). */
export function revisionEnds(pdf: Uint8Array): Array<{ eofEnd: number; end: number }> {
  const text = latin1(pdf);
  const re = /startxref\s+\d+\s*%%EOF(\r\n|\r|\n)?/g;
  const ends: Array<{ eofEnd: number; end: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) ends.push({ eofEnd: m.index + m[0].length - (m[1]?.length ?? 0), end: m.index + m[0].length });
  return ends;
}

function endsAt(rev: Revision, offset: number): boolean {
  return offset >= rev.eofEnd && offset <= rev.end;
}

async function loadContext(bytes: Uint8Array): Promise<PDFContext> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  return doc.context;
}

function text(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

interface FoundSig {
  ref: PDFRef;
  dict: PDFDict;
  byteRange: [number, number, number, number];
}

function findSignatureDicts(ctx: PDFContext): FoundSig[] {
  const out: FoundSig[] = [];
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const br = obj.lookupMaybe(N('ByteRange'), PDFArray);
    if (!br || !obj.has(N('Contents'))) continue;
    const nums = br.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : NaN));
    if (nums.length !== 4 || nums.some((n) => !Number.isInteger(n))) continue;
    out.push({ ref, dict: obj, byteRange: nums as [number, number, number, number] });
  }
  return out;
}

function fieldNameFor(ctx: PDFContext, sigRef: PDFRef): string | undefined {
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(N('V')) === sigRef) {
      const parts: string[] = [];
      let d: PDFDict | undefined = obj;
      for (let i = 0; d && i < 20; i++) {
        const t = text(d.get(N('T')));
        if (t !== undefined) parts.unshift(t);
        d = d.lookupMaybe(N('Parent'), PDFDict);
      }
      return parts.join('.') || undefined;
    }
  }
  return undefined;
}

function describeObj(obj: PDFObject | undefined): string {
  if (obj === undefined) return '';
  return obj instanceof PDFStream ? `stream:${obj.dict.toString()}` : obj.toString();
}

function sameObject(a: PDFObject, b: PDFObject): boolean {
  if (describeObj(a) !== describeObj(b)) return false;
  if (a instanceof PDFRawStream && b instanceof PDFRawStream) return bytesEqual(a.contents, b.contents);
  return true;
}

function isSigField(ctx: PDFContext, item: PDFObject | undefined): boolean {
  const d = item instanceof PDFRef ? ctx.lookup(item) : item;
  if (!(d instanceof PDFDict)) return false;
  if (d.get(N('FT')) === N('Sig')) return true;
  const parent = d.lookupMaybe(N('Parent'), PDFDict);
  return parent?.get(N('FT')) === N('Sig');
}

function arrayItems(ctx: PDFContext, v: PDFObject | undefined): string[] | undefined {
  const arr = v instanceof PDFRef ? ctx.lookup(v) : v;
  if (arr === undefined) return [];
  if (!(arr instanceof PDFArray)) return undefined;
  return arr.asArray().map((o) => o.toString());
}

/** Prev items kept and every new item a signature field/widget. */
function onlySigAdded(prevCtx: PDFContext, prev: PDFObject | undefined, cur: PDFObject | undefined, curCtx: PDFContext): boolean {
  const a = arrayItems(prevCtx, prev);
  const b = arrayItems(curCtx, cur);
  if (!a || !b) return false;
  if (!a.every((x) => b.includes(x))) return false;
  const arr = cur instanceof PDFRef ? curCtx.lookup(cur) : cur;
  if (!(arr instanceof PDFArray)) return a.length === 0 && b.length === 0;
  return arr.asArray().every((item) => a.includes(item.toString()) || isSigField(curCtx, item));
}

function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set<string>();
  for (const [k] of a.entries()) keys.add(k.asString());
  for (const [k] of b.entries()) keys.add(k.asString());
  return [...keys].filter((k) => describeObj(a.get(N(k.slice(1)))) !== describeObj(b.get(N(k.slice(1)))));
}

function acroFormOk(prevCtx: PDFContext, prev: PDFDict | undefined, curCtx: PDFContext, cur: PDFDict | undefined): string | undefined {
  if (!cur) return prev ? '表单（AcroForm）被删除 / AcroForm removed' : undefined;
  const p = prev ?? PDFDict.withContext(prevCtx);
  const bad = changedKeys(p, cur).filter((k) => !['/Fields', '/SigFlags', '/DR', '/DA'].includes(k));
  if (bad.length) return `表单（AcroForm）改动了 ${bad.join(' ')} / AcroForm changed ${bad.join(' ')}`;
  if (!onlySigAdded(prevCtx, p.get(N('Fields')), cur.get(N('Fields')), curCtx)) return '表单域有非签名的改动 / form fields changed other than by adding signatures';
  return undefined;
}

/** Why a changed object is not a signature-only change (undefined when it is allowed). */
function judgeChange(ref: PDFRef, prevCtx: PDFContext, prev: PDFObject, curCtx: PDFContext, cur: PDFObject): string | undefined {
  const root = curCtx.trailerInfo.Root;
  const label = `对象 ${ref.objectNumber} ${ref.generationNumber} / object ${ref.tag}`;
  if (prev instanceof PDFDict && cur instanceof PDFDict && !(prev instanceof PDFStream) && !(cur instanceof PDFStream)) {
    const keys = changedKeys(prev, cur);
    if (root instanceof PDFRef && ref === root) {
      const bad = keys.filter((k) => !['/AcroForm', '/DSS', '/Perms'].includes(k));
      if (bad.length) return `文档目录改动了 ${bad.join(' ')} / catalog changed ${bad.join(' ')}`;
      if (keys.includes('/AcroForm')) {
        const pa = prev.lookupMaybe(N('AcroForm'), PDFDict);
        const ca = cur.lookupMaybe(N('AcroForm'), PDFDict);
        // an indirect AcroForm that is new in this revision: judge it whole
        return acroFormOk(prevCtx, cur.get(N('AcroForm')) instanceof PDFRef && prev.get(N('AcroForm')) instanceof PDFRef ? pa : prev.get(N('AcroForm')) instanceof PDFRef ? pa : pa, curCtx, ca);
      }
      return undefined;
    }
    const rootDict = curCtx.lookupMaybe(root, PDFDict);
    if (rootDict?.get(N('AcroForm')) === ref) return acroFormOk(prevCtx, prev, curCtx, cur);
    if (cur.get(N('Type')) === N('Page')) {
      const bad = keys.filter((k) => k !== '/Annots');
      if (bad.length) return `页面改动了 ${bad.join(' ')} / page changed ${bad.join(' ')}`;
      if (!onlySigAdded(prevCtx, prev.get(N('Annots')), cur.get(N('Annots')), curCtx)) return '页面添加了非签名的批注 / annotations other than signatures added to a page';
      return undefined;
    }
    if (isSigField(curCtx, cur) && !prev.has(N('V'))) {
      const bad = keys.filter((k) => !['/V', '/AP', '/AS', '/F'].includes(k));
      if (bad.length) return `签名域改动了 ${bad.join(' ')} / signature field changed ${bad.join(' ')}`;
      return undefined;
    }
    return `${label} 被改动 / changed`;
  }
  if (prev instanceof PDFArray && cur instanceof PDFArray) {
    if (onlySigAdded(prevCtx, prev, cur, curCtx)) return undefined;
    return `${label}（数组）被改动 / array changed`;
  }
  return `${label} 被改动 / changed`;
}

/** Problems of revision `cur` over `prev` other than adding a signature (empty when it only signs). */
function diffRevision(prevCtx: PDFContext, curCtx: PDFContext): string[] {
  const problems: string[] = [];
  for (const [ref, cur] of curCtx.enumerateIndirectObjects()) {
    if (isBookkeepingStream(cur)) continue;
    const prev = prevCtx.lookup(ref);
    if (prev === undefined) continue; // new object: only matters if something changed points to it
    if (sameObject(prev, cur)) continue;
    const why = judgeChange(ref, prevCtx, prev, curCtx, cur);
    if (why) problems.push(why);
  }
  if (describeObj(prevCtx.trailerInfo.Root) !== describeObj(curCtx.trailerInfo.Root)) problems.push('文档根对象被替换 / the document root was replaced');
  return problems;
}

/** Verifies every signature of `pdf`. Never throws for a damaged file: problems are reported. */
export interface VerifyOptions {
  /** Trust anchors (CA or signer certificates, DER): the chain of each signer is checked against them. */
  trust?: Uint8Array[];
}

async function chainTrust(cert: pkijs.Certificate, others: pkijs.Certificate[], anchors: pkijs.Certificate[], at: Date): Promise<{ trusted: boolean; detail: string }> {
  const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema(true).toBER(false)).join(',');
  if (anchors.some((a) => der(a) === der(cert))) return { trusted: true, detail: '签名证书即信任锚 / the signer certificate is a trust anchor' };
  try {
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [cert, ...others.filter((c) => der(c) !== der(cert))], checkDate: at });
    const r = await engine.verify({}, cryptoEngine());
    return r.result
      ? { trusted: true, detail: '证书链通过信任锚验证 / the chain leads to a trust anchor' }
      : { trusted: false, detail: `证书链未通过信任锚验证 / the chain does not lead to a trust anchor: ${r.resultMessage}` };
  } catch (e) {
    const m = (e as { resultMessage?: string }).resultMessage ?? (e as Error).message;
    return { trusted: false, detail: `证书链未通过信任锚验证 / the chain does not lead to a trust anchor: ${m}` };
  }
}

export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const anchors = (options.trust ?? []).map((d) => {
    const asn = asn1js.fromBER(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength) as ArrayBuffer);
    return new pkijs.Certificate({ schema: asn.result });
  });
  const report: VerifyReport = { fileSize: pdf.length, signatures: [], ok: false, problems: [] };
  if (!latin1(pdf, 0, Math.min(pdf.length, 1024)).includes('%PDF-')) {
    report.problems.push('不是 PDF 文件 / not a PDF file');
    return report;
  }
  const ends = revisionEnds(pdf);
  if (ends.length === 0 || ends[ends.length - 1]!.end < pdf.length) ends.push({ eofEnd: pdf.length, end: pdf.length });
  const revisions: Revision[] = [];
  for (const { eofEnd, end } of ends) {
    try {
      revisions.push({ eofEnd, end, ctx: await loadContext(pdf.subarray(0, end)) });
    } catch (e) {
      revisions.push({ eofEnd, end, error: (e as Error).message });
    }
  }

  // Signatures, each with the first revision it appears in.
  const seen = new Map<string, { sig: FoundSig; ctx: PDFContext }>();
  for (const rev of revisions) {
    if (!rev.ctx) continue;
    for (const sig of findSignatureDicts(rev.ctx)) {
      const key = sig.byteRange.join(',');
      if (!seen.has(key)) seen.set(key, { sig, ctx: rev.ctx });
    }
  }
  const found = [...seen.values()].sort((a, b) => a.sig.byteRange[2] + a.sig.byteRange[3] - (b.sig.byteRange[2] + b.sig.byteRange[3]));
  const lastCtx = [...revisions].reverse().find((r) => r.ctx)?.ctx;

  let index = 0;
  for (const { sig, ctx } of found) {
    index++;
    const [a, b, c, d] = sig.byteRange;
    const coveredEnd = c + d;
    const r: SignatureReport = {
      index,
      byteRange: sig.byteRange,
      coveredEnd,
      coversWholeFile: a === 0 && coveredEnd === pdf.length,
      digestMatches: false,
      signatureVerified: false,
      trust: 'not-checked',
      valid: false,
      changesAfter: 'nothing',
      changeDetails: [],
      problems: [],
    };
    const fieldName = fieldNameFor(lastCtx ?? ctx, sig.ref) ?? fieldNameFor(ctx, sig.ref);
    if (fieldName !== undefined) r.fieldName = fieldName;
    const sf = sig.dict.get(N('SubFilter'));
    if (sf instanceof PDFName) r.subFilter = sf.decodeText();
    const reason = text(sig.dict.get(N('Reason')));
    if (reason !== undefined) r.reason = reason;
    const location = text(sig.dict.get(N('Location')));
    if (location !== undefined) r.location = location;
    const m = text(sig.dict.get(N('M')));
    const mDate = m ? parsePdfDate(m) : undefined;
    if (mDate) r.signingTime = mDate;

    const sane = a === 0 && b > 0 && c > b && d >= 0 && coveredEnd <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
    if (!sane) {
      r.problems.push(`签名范围无效 / invalid /ByteRange [${sig.byteRange.join(' ')}]`);
    } else {
      const cms = fromHex(latin1(pdf, b + 1, c - 1));
      const signed = concatBytes([pdf.subarray(0, b), pdf.subarray(c, coveredEnd)]);
      const check = await verifyCmsDetached(trimDer(cms), signed);
      if (check.signer !== undefined) r.signer = check.signer;
      if (check.subject !== undefined) r.subject = check.subject;
      if (check.cmsSigningTime) r.signingTime = check.cmsSigningTime;
      r.digestMatches = check.digestMatches;
      r.signatureVerified = check.signatureVerified;
      r.valid = check.parsed && check.digestMatches && check.signatureVerified && check.signingCertificateMatches !== false;
      r.problems.push(...check.problems);
      if (check.certificate) {
        // Validity at the claimed signing time (else now): an expired certificate never counts as valid.
        const at = r.signingTime ?? new Date();
        r.certificateValidity = certificateValidityAt(check.certificate, at);
        if (r.certificateValidity.state !== 'valid') {
          r.valid = false;
          r.problems.push(r.certificateValidity.state === 'expired' ? '签名时证书已过期 / the certificate had expired at signing time' : '签名时证书尚未生效 / the certificate was not yet valid at signing time');
        }
        if (anchors.length) {
          const t = await chainTrust(check.certificate, check.certificates ?? [], anchors, at);
          r.trust = t.trusted ? 'trusted' : 'untrusted';
          r.trustDetail = t.detail;
          if (!t.trusted) {
            r.valid = false;
            r.problems.push(t.detail);
          }
        }
      }
    }
    if (r.subFilter === 'ETSI.RFC3161') r.problems.push('文档时间戳未检查 / document timestamps are not checked');

    // What happened after this signature.
    if (coveredEnd < pdf.length) {
      const startIdx = revisions.findIndex((rev) => endsAt(rev, coveredEnd));
      if (startIdx < 0) {
        r.changesAfter = 'other-changes';
        r.changeDetails.push('签名未止于一个修订的末尾 / the signature does not end at a revision boundary');
      } else {
        const details: string[] = [];
        for (let j = startIdx + 1; j < revisions.length; j++) {
          const prev = revisions[j - 1]!;
          const cur = revisions[j]!;
          const signsIt = found.some((f) => endsAt(cur, f.sig.byteRange[2] + f.sig.byteRange[3]));
          if (!cur.ctx || !prev.ctx) {
            details.push(`第 ${j + 1} 个修订无法读取 / revision ${j + 1} cannot be read${cur.error ? `: ${cur.error}` : ''}`);
            continue;
          }
          if (!signsIt) {
            const extra = latin1(pdf, prev.end, cur.end);
            details.push(
              /^\s*$/.test(extra)
                ? `签名后追加了空白字节 / whitespace appended after the signature (bytes ${prev.end}–${cur.end})`
                : `追加了不含签名的修订 / a revision without a signature was appended (bytes ${prev.end}–${cur.end})`,
            );
          }
          details.push(...diffRevision(prev.ctx, cur.ctx));
        }
        r.changesAfter = details.length ? 'other-changes' : 'later-signatures';
        r.changeDetails = details;
      }
    }
    report.signatures.push(r);
  }
  if (report.signatures.length === 0) report.problems.push('没有签名 / no signatures');
  const lastSig = report.signatures[report.signatures.length - 1];
  report.ok =
    report.signatures.length > 0 &&
    report.signatures.every((s) => s.valid && s.changesAfter !== 'other-changes') &&
    !!lastSig?.coversWholeFile;
  return report;
}

/** The /Contents hex is zero-padded: cut the DER to its declared length. */
function trimDer(der: Uint8Array): Uint8Array {
  if (der.length < 2 || der[0] !== 0x30) return der;
  const l = der[1]!;
  if (l < 0x80) return der.subarray(0, 2 + l);
  const n = l & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return der; // indefinite length: leave it to the BER parser
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i]!;
  return der.subarray(0, Math.min(der.length, 2 + n + len));
}
