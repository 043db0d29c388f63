import { describe, expect, it } from 'vitest';
import { buildAutofillContext, type ScannedControl } from '@lvzhi/shared';
import { emptyLocalPack, guessDateFormat, localMappingId, mergeLocal, proposeEntry, withLocalEntry, MAX_LOCAL_FIELDS } from './local-mapping.ts';

const ctx = buildAutofillContext([{ id: 'x.base', version: '1.0.0', title: 'b', dictionary: [
  { key: 'person.unit', label: '工作单位', type: 'text' },
  { key: 'person.born', label: '出生日期', type: 'date' },
] } as never]);
const control = (over: Partial<ScannedControl>): ScannedControl => ({ id: 'c1', adapter: 'native-input', kind: 'text', labels: [{ source: 'label-for', text: '所在机构全称：' }], frame: '', usable: true, ...over });

describe('teach by correction', () => {
  it('proposes a label locator and the key whose value was typed', () => {
    const c = control({ value: '青山村委会', name: 'ctl00$x' });
    const p = proposeEntry(ctx, c, { 'person.unit': '青山村委会' }, undefined, [c]);
    expect(p).toMatchObject({ locator: { label: '所在机构全称' }, key: 'person.unit' });
  });
  it('uses the name when the label is shared, and finds a date format', () => {
    const a = control({ id: 'c1', name: 'rq1', value: '1972年05月14日', labels: [{ source: 'label-for', text: '日期' }] });
    const b = control({ id: 'c2', name: 'rq2', labels: [{ source: 'label-for', text: '日期' }] });
    const p = proposeEntry(ctx, a, { 'person.born': '1972-05-14' }, undefined, [a, b]);
    expect(p).toMatchObject({ locator: { name: 'rq1' }, key: 'person.born', transform: { dateFormat: 'YYYY年MM月DD日' } });
    expect(guessDateFormat('1972/5/14', '1972-05-14')).toBe('YYYY/M/D');
  });
  it('keeps entries per site, replaces the same locator, is bounded, and comes first when merged', () => {
    const site = 'http://127.0.0.1:5173/*';
    let pack = withLocalEntry(emptyLocalPack(), site, { locator: { label: 'A' }, key: 'person.unit' }, () => ({ id: 'x.base', version: '1.0.0' }));
    pack = withLocalEntry(pack, site, { locator: { label: 'A' }, key: 'person.born' }, () => ({ id: 'x.base', version: '1.0.0' }));
    expect(pack.portals![0]!.fields).toEqual([{ key: 'person.born', locator: { label: 'A' } }]);
    expect(pack.portals![0]!.id).toBe(localMappingId(site));
    expect(pack.requires).toEqual({ 'x.base': '^1.0.0' });
    let big = pack;
    expect(() => { for (let i = 0; i <= MAX_LOCAL_FIELDS; i++) big = withLocalEntry(big, site, { locator: { label: `L${i}` }, key: 'person.unit' }, () => undefined); }).toThrow(/最多/);
    const merged = mergeLocal({ id: 'm', title: 'm', match: [site], fields: [{ key: 'person.unit' }] }, pack.portals![0]);
    expect(merged!.fields![0]).toEqual({ key: 'person.born', locator: { label: 'A' } });
  });
});
