/**
 * Rosters saved by WPS with the deputies' photos placed *in* their cells (=DISPIMG("ID_…",1), the
 * picture in xl/cellimages.xml): the import takes each photo into that deputy's record, as it
 * does a picture floating over the cell.
 */
import { describe, expect, it } from 'vitest';
import { importTable, formatImportError, validateRecord, type LvzhiRecord } from '@lvzhi/shared';
import { readXlsx, validateFiles, writeXlsx } from '@lvzhi/shared/node';
import { dispimgId } from '../../shared/src/core/spreadsheet/workbook.ts';
import { parseCellImages } from '../../shared/src/core/spreadsheet/wps-images.ts';
import { REPO_ROOT } from '../harness/browser.ts';
import { withWpsInCellPictures } from '../harness/wps-xlsx.ts';
import { exampleRecord, otherDeputies, rosterSheet } from '../e2e/extension-helpers.ts';

// real PNGs (2×2 and 1×1): signature, IHDR, IDAT, IEND
const PNG_A = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8Dwn4GBgYGJAQoAAB8EAf+VtSR2AAAAAElFTkSuQmCC';
const PNG_B = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4c+YMAATMAmU5mmUsAAAAAElFTkSuQmCC';

async function wpsRoster(pictures: Array<{ row: number; base64: string }>) {
  const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
  const deputy = exampleRecord('forms/examples/deputy-profile.json');
  const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'deputy-profile')!;
  const records: LvzhiRecord[] = [deputy, ...otherDeputies(deputy, ['李秀英', '陈志强'])].map((r) => ({ ...r, values: { ...r.values, photo: undefined } }));
  // the office's sheet with its 照片 column, the pictures not floating over it but in its cells
  const { images: _none, ...table } = rosterSheet(form, records, { photos: true });
  const col = table.header.indexOf('照片');
  expect(col).toBeGreaterThan(0);
  const file = await withWpsInCellPictures(await writeXlsx([table]), pictures.map((p) => ({ ...p, col, type: 'image/png' as const })));
  return { packs, form, col, file };
}

describe('WPS in-cell pictures', () => {
  it('reads the DISPIMG id of a cell\'s formula or its cached text, and nothing else', () => {
    expect(dispimgId('_xlfn.DISPIMG("ID_8F2C41A0B5E94B7F9C1D2E3F4A5B6C7D",1)')).toBe('ID_8F2C41A0B5E94B7F9C1D2E3F4A5B6C7D');
    expect(dispimgId('=DISPIMG("ID_ABC",1)')).toBe('ID_ABC');
    expect(dispimgId('DISPIMG 说明')).toBeUndefined();
    expect(dispimgId('王建国')).toBeUndefined();
  });

  it('maps each picture id to its media file through the part\'s relationships', () => {
    const xml = '<etc:cellImages><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_A"/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId7"/></xdr:blipFill></xdr:pic></etc:cellImage>'
      + '<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="ID_B"/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId9"/></xdr:blipFill></xdr:pic></etc:cellImage></etc:cellImages>';
    const rels = '<Relationships><Relationship Id="rId7" Type="…/image" Target="media/image1.png"/><Relationship Id="rId9" Type="…/image" Target="../xl/media/image2.jpeg"/></Relationships>';
    expect([...parseCellImages(xml, rels)]).toEqual([['ID_A', 'xl/media/image1.png'], ['ID_B', 'xl/media/image2.jpeg']]);
  });

  it('imports each deputy\'s photo placed in the 照片 cell of its row by WPS', async () => {
    const { packs, form, col, file } = await wpsRoster([{ row: 0, base64: PNG_A }, { row: 2, base64: PNG_B }]);
    const [sheet] = await readXlsx(file);
    // the cells hold their pictures, not the formula's text
    expect(sheet!.rows.map((r) => r[col])).toEqual([null, null, null]);
    expect(sheet!.images?.map((im) => [im.row, im.col, im.type, im.data])).toEqual([[0, col, 'image/png', `data:image/png;base64,${PNG_A}`], [2, col, 'image/png', `data:image/png;base64,${PNG_B}`]]);
    const res = importTable(form, sheet!, { pack: packs.find((p) => p.id === 'lvzhi.common')!, packs, idPrefix: 'deputy' });
    if (!res.ok) throw new Error(res.errors.map(formatImportError).join('\n'));
    const photo = (i: number) => res.records[i]!.values['photo'];
    expect(photo(0)).toEqual([{ name: '王建国.png', type: 'image/png', size: Buffer.from(PNG_A, 'base64').length, data: `data:image/png;base64,${PNG_A}` }]);
    expect(photo(1)).toBeUndefined();
    expect(photo(2)).toEqual([{ name: '陈志强.png', type: 'image/png', size: Buffer.from(PNG_B, 'base64').length, data: `data:image/png;base64,${PNG_B}` }]);
    for (const r of res.records) expect(validateRecord(r, packs).issues).toEqual([]);
  });
});
