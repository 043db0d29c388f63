import { describe, expect, it } from 'vitest';
import { checkPacks, packRows } from './pack-list.ts';

const common = { id: 'lvzhi.common', version: '1.0.0', title: '通用', titleEn: 'Common', forms: [] };

describe('checkPacks', () => {
  it('lists valid packs with no problems', () => {
    const list = checkPacks([common]);
    expect(list.problems).toEqual([]);
    expect(list.ok).toBe(true);
    expect(list.rows).toEqual([{ id: 'lvzhi.common', version: '1.0.0', title: '通用', titleEn: 'Common', formCount: 0 }]);
  });

  it('reports problems as Chinese text and still lists the pack', () => {
    const list = checkPacks([{ ...common, version: 'one', colour: 'red' }]);
    expect(list.ok).toBe(false);
    expect(list.problems.length).toBeGreaterThanOrEqual(2);
    expect(list.problems.join('\n')).toContain('lvzhi.common');
    expect(list.problems.join('\n')).toMatch(/未知的属性 "colour"/);
    expect(list.rows[0]?.title).toBe('通用');
  });

  it('reports a missing required pack', () => {
    const list = checkPacks([{ id: 'lvzhi.meetings', version: '1.0.0', title: '会议', requires: { 'lvzhi.common': '^1.0.0' } }]);
    expect(list.ok).toBe(false);
    expect(list.problems.join('\n')).toContain('lvzhi.common');
  });

  it('refuses a file that is not an array, or empty', () => {
    expect(checkPacks({ packs: [] }).ok).toBe(false);
    expect(checkPacks([]).ok).toBe(false);
  });
});

describe('packRows', () => {
  it('reads broken packs without throwing', () => {
    expect(packRows([null, { forms: [{}, {}] }])).toEqual([
      { id: '（第 1 个，无标识）', version: '—', title: '（无名称）', titleEn: undefined, formCount: 0 },
      { id: '（第 2 个，无标识）', version: '—', title: '（无名称）', titleEn: undefined, formCount: 2 },
    ]);
  });
});
