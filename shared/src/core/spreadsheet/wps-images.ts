/**
 * WPS's pictures placed *in* a cell (插入图片 → 嵌入单元格). WPS saves them not in the sheet's
 * drawing but in a workbook part `xl/cellimages.xml`: each picture (`<xdr:pic>`) is named by an id
 * (`cNvPr name="ID_…"`) and points through `xl/_rels/cellimages.xml.rels` to its file under
 * `xl/media/`; the cell itself holds the formula `=DISPIMG("ID_…",1)`. Offices' rosters saved
 * by WPS carry their deputies' photos this way, so the import reads them (the cell's picture
 * becomes the photo field's file, as a floating picture over the cell does).
 *
 * Not exported from the core index: it reads the ZIP with JSZip, which only the spreadsheet
 * readers (`@lvzhi/shared/dom/xlsx`, `@lvzhi/shared/node`) need. Pure: no DOM or Node API.
 * Bounded: the XML parts are read up to MAX_XML characters, at most MAX_PICTURES pictures, each
 * at most MAX_IMAGE_BYTES; every regular expression is flat.
 */
import JSZip from 'jszip';

export interface CellPicture { type: 'image/png' | 'image/jpeg' | 'image/gif'; size: number; data: string }

const MAX_XML = 10 * 1024 * 1024;
const MAX_PICTURES = 5000;
/** As for floating pictures: a roster photo is a few hundred KB. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*"([^"]{0,300})"`, 'u').exec(tag)?.[1];

/** Picture id → media path (inside the ZIP) from the two XML parts. */
export function parseCellImages(xml: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.slice(0, MAX_XML).matchAll(/<(?:\w+:)?Relationship\b[^>]{0,2000}>/gu)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const out = new Map<string, string>();
  for (const m of xml.slice(0, MAX_XML).matchAll(/<(?:\w+:)?pic\b[\s\S]{0,20000}?<\/(?:\w+:)?pic>/gu)) {
    if (out.size >= MAX_PICTURES) break;
    const nv = /<(?:\w+:)?cNvPr\b[^>]{0,2000}>/u.exec(m[0])?.[0];
    const blip = /<(?:\w+:)?blip\b[^>]{0,2000}>/u.exec(m[0])?.[0];
    const name = nv ? attr(nv, 'name') : undefined;
    const embed = blip ? /\s\w+:embed\s*=\s*"([^"]{1,100})"/u.exec(blip)?.[1] : undefined;
    const target = embed ? targets.get(embed) : undefined;
    if (!name || !target) continue;
    out.set(name, resolvePart(target));
  }
  return out;
}

/** A relationship target of a part in xl/ as a path inside the ZIP (media/image1.png → xl/media/image1.png). */
function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function typeOf(path: string): CellPicture['type'] | undefined {
  const ext = /\.([a-z]{3,4})$/iu.exec(path)?.[1]?.toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'gif' ? 'image/gif' : undefined;
}

/**
 * The in-cell pictures of a workbook by DISPIMG id; empty when it has none (an Excel file, a WPS
 * file without in-cell pictures). Pictures of another type than PNG, JPEG, GIF or larger than
 * MAX_IMAGE_BYTES are left out (their cells then stay empty).
 */
export async function wpsCellImages(bytes: Uint8Array | ArrayBuffer): Promise<Map<string, CellPicture>> {
  const zip = await JSZip.loadAsync(bytes);
  const find = (path: string) => zip.file(new RegExp(`^${path.replace(/[.]/g, '\\.')}$`, 'i'))[0];
  // the size the ZIP's directory gives, checked before anything is inflated (a ZIP bomb)
  const inflated = (f: JSZip.JSZipObject): number => (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? Number.POSITIVE_INFINITY;
  const xmlFile = find('xl/cellimages.xml');
  const relsFile = find('xl/_rels/cellimages.xml.rels');
  const out = new Map<string, CellPicture>();
  if (!xmlFile || !relsFile || inflated(xmlFile) > MAX_XML || inflated(relsFile) > MAX_XML) return out;
  const ids = parseCellImages(await xmlFile.async('string'), await relsFile.async('string'));
  for (const [id, path] of ids) {
    const type = typeOf(path);
    const file = type ? zip.file(path) ?? find(path) : undefined;
    if (!type || !file || inflated(file) > MAX_IMAGE_BYTES) continue;
    const b64 = await file.async('base64');
    const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    if (size > MAX_IMAGE_BYTES) continue;
    out.set(id, { type, size, data: `data:${type};base64,${b64}` });
  }
  return out;
}
