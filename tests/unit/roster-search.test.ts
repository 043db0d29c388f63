/**
 * The people roster: built from deputy profiles, history kept when a deputy leaves or a
 * by-election adds one, and search by name, pinyin and pinyin initials.
 */
import { describe, expect, it } from 'vitest';
import { emptyRoster, entryFromRecord, leaveRoster, pinyinKeys, rosterAt, rosterStateSchema, searchRoster, syncRoster, upsertRosterEntry, type LvzhiRecord, type RosterDefinition } from '@lvzhi/shared';

const DEF: RosterDefinition = { id: 'deputies', title: '人大代表名册', form: 'deputy-profile', nameField: 'name', fields: { term: 'term', group: 'group', level: 'level', status: 'status' } };
const profile = (id: string, name: string, extra: Record<string, unknown> = {}): LvzhiRecord => ({
  id, pack: 'lvzhi.common', form: 'deputy-profile', formVersion: 1, status: 'complete', createdAt: '2024-01-01T09:00:00+08:00', updatedAt: '2024-01-01T09:00:00+08:00',
  values: { name, term: '第十八届', group: '第一代表小组', level: '镇人大代表', status: '在任', ...extra },
});
const NAMES = ['张建国', '张建华', '李明', '王秀英', '曾小明', '单田芳', '欧阳修', '章佳'];

describe('pinyin keys', () => {
  it('full pinyin and initials; surnames read as surnames', () => {
    expect(pinyinKeys('张建国')).toMatchObject({ full: 'zhangjianguo', initials: 'zjg' });
    expect(pinyinKeys('曾小明').full).toBe('zengxiaoming');
    expect(pinyinKeys('单田芳').full).toBe('shantianfang');
  });
});

describe('search', () => {
  const roster = NAMES.reduce((s, n, i) => upsertRosterEntry(s, entryFromRecord(DEF, profile(`d${i}`, n))!), emptyRoster('deputies'));
  const names = (q: string) => searchRoster(roster.entries, q).map((e) => e.name);
  it('by name (汉字), exact first', () => {
    expect(names('张建')).toEqual(['张建国', '张建华']);
    expect(names('明')).toEqual(['李明', '曾小明']);
  });
  it('by full pinyin, with or without spaces', () => {
    expect(names('zhangjianguo')).toEqual(['张建国']);
    expect(names('zhang jian')).toEqual(['张建国', '张建华']);
    expect(names('ouyang')).toEqual(['欧阳修']);
  });
  it('by pinyin initials and mixes', () => {
    expect(names('zjg')).toEqual(['张建国']);
    expect(names('zj')).toEqual(['章佳', '张建国', '张建华']); // exact initials rank above an initials prefix
    expect(names('zhangjg')).toEqual(['张建国']);
    expect(names('wxy')).toEqual(['王秀英']);
  });
  it('polyphonic surnames: 曾 zeng, 单 shan', () => {
    expect(names('zxm')).toEqual(['曾小明']);
    expect(names('shantf')).toEqual(['单田芳']);
  });
  it('no match, and people who left are hidden unless asked for', () => {
    expect(names('qqq')).toEqual([]);
    const left = leaveRoster(roster, 'd2', { status: '辞去代表职务', now: new Date('2024-03-01T00:00:00Z') });
    expect(searchRoster(left.entries, 'lm').map((e) => e.name)).toEqual([]);
    expect(searchRoster(left.entries, 'lm', { includeInactive: true }).map((e) => e.name)).toEqual(['李明']);
  });
});

describe('history', () => {
  it('a deputy leaves, another is elected in a by-election, a group changes: all kept, and the roster as it was', () => {
    const t = (d: string) => new Date(`${d}T02:00:00Z`);
    let s = syncRoster(emptyRoster('deputies'), DEF, [profile('a', '张建国'), profile('b', '李明')], { now: t('2024-01-05') });
    s = syncRoster(s, DEF, [profile('a', '张建国', { status: '辞去代表职务' }), profile('b', '李明', { group: '第二代表小组' }), profile('c', '王秀英')], { now: t('2024-06-01') });
    expect(rosterStateSchema.parse(s)).toEqual(s);
    const a = s.entries.find((e) => e.id === 'a')!;
    expect(a.active).toBe(false);
    expect(a.history.map((h) => h.kind)).toEqual(['joined', 'left']);
    expect(a.history[1]!.changes).toEqual({ status: ['在任', '辞去代表职务'] });
    expect(s.entries.find((e) => e.id === 'b')!.history[1]).toMatchObject({ kind: 'changed', changes: { group: ['第一代表小组', '第二代表小组'] } });
    expect(s.entries.find((e) => e.id === 'c')!.history).toEqual([{ at: '2024-06-01T10:00:00+08:00', kind: 'joined' }]);
    const march = rosterAt(s, '2024-03-01T00:00:00+08:00');
    expect(march.map((e) => [e.name, e.active, e.group])).toEqual([['张建国', true, '第一代表小组'], ['李明', true, '第一代表小组']]);
    // unchanged sync adds nothing
    const again = syncRoster(s, DEF, [profile('a', '张建国', { status: '辞去代表职务' }), profile('b', '李明', { group: '第二代表小组' }), profile('c', '王秀英')], { now: t('2024-07-01') });
    expect(again).toBe(s);
  });
});
