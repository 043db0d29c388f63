/**
 * A people list kept by name (列席人员), whose people's units the record keeps in another table
 * (签到表: 姓名, 单位及职务, 身份), declared by the dictionary (`peopleDetails`): a portal table of
 * those people with a 单位及职务 column takes each person's unit from there, looked up by name;
 * a person not in it leaves that cell empty — never another person's unit.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAutofillContext, planFill, validatePack, validatePackSet, type AutofillContext, type ScanResult, type ScannedTable } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const ROOT = join(import.meta.dirname, '..', '..');

let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  ctx = buildAutofillContext(validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs);
});

const table = (label: string, columns: string[]): ScannedTable => ({ id: 't0', labels: [{ source: 'preceding-text', text: label }], columns, rows: 0, canAddRow: true, frame: '' });
const scan = (...tables: ScannedTable[]): ScanResult => ({ url: 'https://oa.example.gov.cn/meeting', controls: [], tables, refused: [] });
const RECORD = {
  'meeting.title': '镇党委扩大会议',
  'meeting.attending': [{ name: '陈志强' }, { name: '刘桂兰' }, { name: '周宏伟' }],
  'meeting.signin': [
    { person: { name: '刘桂兰' }, unit: '青山镇中心小学教师', role: '列席' },
    { person: { name: '陈志强' }, unit: '青山镇南湾村党总支书记', role: '列席' },
  ],
};

describe('a people table takes its people’s units from the record’s sign-in sheet', () => {
  it('looks each person up by name; a person not on the sheet gets no unit', () => {
    const p = planFill(ctx, scan(table('列席人员', ['序号', '姓名', '单位及职务', '操作'])), RECORD);
    expect(p.tables).toHaveLength(1);
    expect(p.tables[0]).toMatchObject({ key: 'meeting.attending' });
    expect(p.tables[0]!.rows).toEqual([
      { 姓名: { type: 'text', text: '陈志强' }, 单位及职务: { type: 'text', text: '青山镇南湾村党总支书记' } },
      { 姓名: { type: 'text', text: '刘桂兰' }, 单位及职务: { type: 'text', text: '青山镇中心小学教师' } },
      { 姓名: { type: 'text', text: '周宏伟' } },
    ]);
  });

  it('without a sheet, names only (as before)', () => {
    const { 'meeting.signin': _, ...names } = RECORD;
    const p = planFill(ctx, scan(table('列席人员', ['姓名', '单位及职务'])), names);
    expect(p.tables[0]!.rows).toEqual([{ 姓名: { type: 'text', text: '陈志强' } }, { 姓名: { type: 'text', text: '刘桂兰' } }, { 姓名: { type: 'text', text: '周宏伟' } }]);
  });

  it('is checked: a people key, and a table key', () => {
    const base = { id: 'test.details', version: '1.0.0', title: '测试' };
    const stored = [{ key: 'a.sheet', type: 'table', label: '签到表' }, { key: 'a.note', type: 'text', label: '备注' }];
    const codes = (entry: object) => validatePack({ ...base, dictionary: [...stored, entry] }).issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(codes({ key: 'a.people', type: 'people', label: '列席', peopleDetails: 'a.sheet' })).toEqual([]);
    expect(codes({ key: 'a.people', type: 'people', label: '列席', peopleDetails: 'a.none' })).toEqual(['unknown-reference@dictionary.2.peopleDetails']);
    expect(codes({ key: 'a.people', type: 'people', label: '列席', peopleDetails: 'a.note' })).toEqual(['derive-source@dictionary.2.peopleDetails']);
    expect(codes({ key: 'a.people', type: 'text', label: '列席', peopleDetails: 'a.sheet' })).toEqual(['not-applicable@dictionary.2.peopleDetails']);
  });
});
