/**
 * Incremental updates (ISO 32000-1 §7.5.6): the original bytes stay as they are and a small
 * revision is appended — the new and changed objects, a cross-reference section (a table, or
 * a cross-reference stream when the file already uses them) and a trailer with /Prev. pdf-lib
 * cannot save incrementally (pdf-lib#816), so we use it only to build and serialize objects.
 */
import { PDFArray, PDFContext, PDFHexString, PDFName, PDFObject, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { concatBytes, fromLatin1, latin1, randomBytes, toHex } from './bytes.ts';
import { PdfSignError } from './errors.ts';

/** Where the last cross-reference section is and what it says. */
export interface LastXref {
  /** Byte offset of the last xref section (the `startxref` value). */
  offset: number;
  kind: 'table' | 'stream';
  /** /Size of the last trailer. */
  size: number;
}

/** Reads the last `startxref` of a file and the /Size of the section it points at. */
export function readLastXref(pdf: Uint8Array): LastXref {
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = latin1(pdf, tailStart);
  const re = /startxref\s+(\d+)\s+%%EOF/g;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((m = re.exec(tail))) last = m;
  if (!last) throw new PdfSignError('not-a-pdf', '文件末尾没有 startxref/%%EOF，无法追加修订 / no startxref at the end of the file');
  const offset = Number(last[1]);
  if (!(offset > 0 && offset < pdf.length)) {
    throw new PdfSignError('not-a-pdf', `交叉引用表位置 ${offset} 不在文件内 / startxref ${offset} points outside the file`);
  }
  const head = latin1(pdf, offset, Math.min(pdf.length, offset + 8192));
  const trimmed = head.replace(/^\s+/, '');
  if (trimmed.startsWith('xref')) {
    const t = head.indexOf('trailer');
    let at = t;
    if (t < 0) {
      // long tables: look further
      const whole = latin1(pdf, offset, pdf.length);
      at = whole.indexOf('trailer');
      const size = /\/Size\s+(\d+)/.exec(whole.slice(at));
      if (at < 0 || !size) throw new PdfSignError('not-a-pdf', '交叉引用表没有 trailer / xref table without trailer');
      return { offset, kind: 'table', size: Number(size[1]) };
    }
    const size = /\/Size\s+(\d+)/.exec(head.slice(at));
    if (!size) throw new PdfSignError('not-a-pdf', 'trailer 没有 /Size / trailer without /Size');
    return { offset, kind: 'table', size: Number(size[1]) };
  }
  if (/^\d+\s+\d+\s+obj/.test(trimmed)) {
    const dictEnd = head.indexOf('stream');
    const size = /\/Size\s+(\d+)/.exec(head.slice(0, dictEnd < 0 ? head.length : dictEnd));
    if (!/\/Type\s*\/XRef/.test(head.slice(0, dictEnd < 0 ? head.length : dictEnd)) || !size) {
      throw new PdfSignError('not-a-pdf', '交叉引用流无效 / invalid cross-reference stream');
    }
    return { offset, kind: 'stream', size: Number(size[1]) };
  }
  throw new PdfSignError('not-a-pdf', `startxref ${offset} 处没有交叉引用表 / no cross-reference section at startxref`);
}

type Snapshot = Map<string, { obj: PDFObject; text: string }>;

function describe(obj: PDFObject): string {
  return obj instanceof PDFStream ? `stream:${obj.dict.toString()}` : obj.toString();
}

/** Remembers every object of a context before it is changed. */
export function snapshotObjects(context: PDFContext): Snapshot {
  const snap: Snapshot = new Map();
  for (const [ref, obj] of context.enumerateIndirectObjects()) snap.set(ref.tag, { obj, text: describe(obj) });
  return snap;
}

/** The objects that are new or differ from the snapshot, by object number. */
export function changedObjects(context: PDFContext, before: Snapshot): Array<[PDFRef, PDFObject]> {
  const out: Array<[PDFRef, PDFObject]> = [];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    const prev = before.get(ref.tag);
    if (!prev || prev.obj !== obj || prev.text !== describe(obj)) out.push([ref, obj]);
  }
  return out.sort((a, b) => a[0].objectNumber - b[0].objectNumber);
}

function serialize(obj: PDFObject): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** Groups sorted object numbers into xref subsections [first, count]. */
function subsections(nums: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

export interface AppendedRevision {
  bytes: Uint8Array;
  /** Offset of each written object in `bytes`, by ref tag ("12 0 R"). */
  offsets: Map<string, number>;
}

/**
 * Appends a revision holding `objects` to `original`. The trailer keeps /Root, /Info and the
 * first /ID of the document (the second /ID changes), and points back with /Prev.
 */
export function appendRevision(original: Uint8Array, objects: Array<[PDFRef, PDFObject]>, context: PDFContext, last: LastXref): AppendedRevision {
  const parts: Uint8Array[] = [original];
  let pos = original.length;
  const push = (b: Uint8Array) => {
    parts.push(b);
    pos += b.length;
  };
  const lastByte = original[original.length - 1];
  if (lastByte !== 0x0a && lastByte !== 0x0d) push(fromLatin1('\n'));

  const offsets = new Map<string, number>();
  const entries: Array<{ num: number; gen: number; offset: number }> = [];
  for (const [ref, obj] of objects) {
    offsets.set(ref.tag, pos);
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset: pos });
    push(fromLatin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(serialize(obj));
    push(fromLatin1('\nendobj\n'));
  }

  const info = context.trailerInfo;
  const oldId = info.ID instanceof PDFArray ? info.ID.get(0) : undefined;
  const firstId = oldId instanceof PDFHexString || oldId instanceof PDFString ? oldId.toString() : `<${toHex(randomBytes(16))}>`;
  const idText = `[${firstId} <${toHex(randomBytes(16))}>]`;
  const trailerKeys = (size: number) =>
    [
      `/Size ${size}`,
      info.Root ? `/Root ${info.Root.toString()}` : '',
      info.Info ? `/Info ${info.Info.toString()}` : '',
      `/ID ${idText}`,
      `/Prev ${last.offset}`,
    ]
      .filter(Boolean)
      .join(' ');

  const maxNum = Math.max(last.size - 1, ...entries.map((e) => e.num));
  const xrefOffset = pos;
  if (last.kind === 'table') {
    const lines: string[] = ['xref'];
    entries.sort((a, b) => a.num - b.num);
    const byNum = new Map(entries.map((e) => [e.num, e]));
    for (const [first, count] of subsections(entries.map((e) => e.num))) {
      lines.push(`${first} ${count}`);
      for (let n = first; n < first + count; n++) {
        const e = byNum.get(n)!;
        lines.push(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r`);
      }
    }
    push(fromLatin1(lines.join('\n') + '\n'));
    push(fromLatin1(`trailer\n<< ${trailerKeys(maxNum + 1)} >>\nstartxref\n${xrefOffset}\n%%EOF\n`));
  } else {
    const xrefNum = maxNum + 1;
    entries.push({ num: xrefNum, gen: 0, offset: xrefOffset });
    entries.sort((a, b) => a.num - b.num);
    const data = new Uint8Array(entries.length * 7);
    entries.forEach((e, i) => {
      const o = i * 7;
      data[o] = 1;
      data[o + 1] = (e.offset >>> 24) & 0xff;
      data[o + 2] = (e.offset >>> 16) & 0xff;
      data[o + 3] = (e.offset >>> 8) & 0xff;
      data[o + 4] = e.offset & 0xff;
      data[o + 5] = (e.gen >>> 8) & 0xff;
      data[o + 6] = e.gen & 0xff;
    });
    const index = subsections(entries.map((e) => e.num))
      .map(([a, b]) => `${a} ${b}`)
      .join(' ');
    push(
      fromLatin1(
        `${xrefNum} 0 obj\n<< /Type /XRef ${trailerKeys(xrefNum + 1)} /W [1 4 2] /Index [${index}] /Length ${data.length} >>\nstream\n`,
      ),
    );
    push(data);
    push(fromLatin1(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
  }
  return { bytes: concatBytes(parts), offsets };
}

/** True when a context object is a stream whose dictionary has /Type /XRef or /ObjStm (bookkeeping, not content). */
export function isBookkeepingStream(obj: PDFObject): boolean {
  if (!(obj instanceof PDFRawStream)) return false;
  const t = obj.dict.get(PDFName.of('Type'));
  return t === PDFName.of('XRef') || t === PDFName.of('ObjStm');
}
