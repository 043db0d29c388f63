/**
 * A workbook as WPS saves pictures placed *in* cells (插入图片 → 嵌入单元格): the picture in
 * `xl/media/`, named in the workbook part `xl/cellimages.xml` (`<etc:cellImages>`, each
 * `<xdr:pic>` with `cNvPr name="ID_…"` and `a:blip r:embed`), its relationships in
 * `xl/_rels/cellimages.xml.rels`, the part in the workbook's relationships and content types,
 * and the cell itself holding `=DISPIMG("ID_…",1)` as a formula with its text result. Built from
 * an .xlsx written by exceljs (no picture in the sheet's drawing), for the import's tests.
 */
import JSZip from 'jszip';

export interface InCellPicture { row: number; col: number; type: 'image/png' | 'image/jpeg'; base64: string }

const colLetters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colLetters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** `xlsx` (first sheet, header in row 1) with `pictures` placed in their data cells as WPS does (row 0: the first row under the header). */
export async function withWpsInCellPictures(xlsx: Uint8Array, pictures: readonly InCellPicture[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  let sheet = await zip.file(sheetPath)!.async('string');
  const pics: string[] = [];
  const rels: string[] = [];
  pictures.forEach((p, i) => {
    const id = `ID_${(0x5e7a0000 + i).toString(16).toUpperCase()}A1B2C3D4E5F60718293A4B5C`;
    const ext = p.type === 'image/png' ? 'png' : 'jpeg';
    zip.file(`xl/media/wpsimage${i + 1}.${ext}`, p.base64, { base64: true });
    rels.push(`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/wpsimage${i + 1}.${ext}"/>`);
    pics.push(`<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${id}" descr="照片"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="571500" cy="762000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>`);
    // the cell: a formula with its cached text, in column order within its row
    const ref = `${colLetters(p.col)}${p.row + 2}`;
    const cell = `<c r="${ref}" t="str"><f>_xlfn.DISPIMG("${id}",1)</f><v>=DISPIMG("${id}",1)</v></c>`;
    const rowRe = new RegExp(`<row r="${p.row + 2}"([^>]*)>([\\s\\S]*?)</row>`);
    const m = rowRe.exec(sheet);
    if (!m) throw new Error(`no row ${p.row + 2} in the sheet`);
    const cells = [...m[2]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].filter((c) => c[1] !== colLetters(p.col)).map((c) => ({ col: colIndex(c[1]!), xml: c[0] }));
    cells.push({ col: p.col, xml: cell });
    cells.sort((a, b) => a.col - b.col);
    sheet = sheet.replace(m[0], `<row r="${p.row + 2}"${m[1]!.replace(/\sspans="[^"]*"/, '')}>${cells.map((c) => c.xml).join('')}</row>`);
  });
  zip.file(sheetPath, sheet);
  zip.file('xl/cellimages.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">${pics.join('')}</etc:cellImages>`);
  zip.file('xl/_rels/cellimages.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', wbRels.replace('</Relationships>', '<Relationship Id="rIdWpsCellImages" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>'));
  let types = await zip.file('[Content_Types].xml')!.async('string');
  for (const [ext, type] of [['png', 'image/png'], ['jpeg', 'image/jpeg']] as const) {
    if (!new RegExp(`Extension="${ext}"`, 'i').test(types)) types = types.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
  }
  types = types.replace('</Types>', '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>');
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
