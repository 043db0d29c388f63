/**
 * Facts from pasted notices: realistic 会议通知, 视察通知 and 来信摘要 as offices write them.
 */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, extractFacts, MAX_TEXT } from '@lvzhi/shared';

const NOW = new Date('2024-05-10T02:00:00Z'); // 2024-05-10 10:00 in China

const MEETING_NOTICE = `关于召开镇人大主席团五月份例会的通知

各位主席团成员、各代表小组长：
经研究，定于2024年5月14日（星期二）上午9时在镇政府三楼会议室召开镇人大主席团五月份例会，现将有关事项通知如下：
一、会议议题
1.听取镇政府关于农村公路建设情况的汇报；
2.研究代表建议交办事项。
二、参加人员：张建国、李秀英、王小明，镇长列席。共12人。
三、有关要求：请于5月13日下午5点前将书面材料报送镇人大办，联系人：赵敏，电话：0512-65231234，13912345678。

镇人大办公室
2024年5月10日`;

describe('dates and times', () => {
  it('reads a date-time with a weekday and 上午', () => {
    const f = extractFacts(MEETING_NOTICE, { now: NOW });
    const dts = f.filter((x) => x.kind === 'datetime').map((x) => x.value);
    expect(dts[0]).toBe('2024-05-14T09:00');
    // 5月13日下午5点 has no year: this year; 下午 moves it to 17:00
    expect(dts).toContain('2024-05-13T17:00');
    expect(f.filter((x) => x.kind === 'date').map((x) => x.value)).toEqual(['2024-05-10']);
  });

  it('reads 下午2:30, 二〇二四年五月十四日, 上午九时三十分, 下午三点半 and ISO dates', () => {
    const v = (s: string) => extractFacts(s, { now: NOW }).filter((x) => x.kind === 'date' || x.kind === 'datetime').map((x) => x.value);
    expect(v('时间：5月14日（星期二）下午2:30')).toEqual(['2024-05-14T14:30']);
    expect(v('二〇二四年五月十四日上午九时三十分')).toEqual(['2024-05-14T09:30']);
    expect(v('定于6月3日下午三点半集合')).toEqual(['2024-06-03T15:30']);
    expect(v('于2024-05-20 14:00报到；截止 2024/6/1')).toEqual(['2024-05-20T14:00', '2024-06-01']);
    expect(v('12月31日')).toEqual(['2024-12-31']);
  });

  it('refuses dates that do not exist', () => {
    expect(extractFacts('2023年2月29日', { now: NOW }).filter((x) => x.kind === 'date')).toEqual([]);
    expect(extractFacts('13月2日', { now: NOW }).filter((x) => x.kind === 'date')).toEqual([]);
  });

  it('keeps the label before a date (时间：…)', () => {
    const f = extractFacts('报送时间：5月13日\n会议时间：5月14日上午9时', { now: NOW });
    expect(f.filter((x) => x.kind === 'date' || x.kind === 'datetime').map((x) => [x.label, x.value])).toEqual([['报送时间', '2024-05-13'], ['会议时间', '2024-05-14T09:00']]);
  });

  it('reads Chinese numbers', () => {
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('三十一')).toBe(31);
    expect(parseChineseNumber('九')).toBe(9);
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('十十')).toBeUndefined();
  });
});

describe('places, names, counts, numbers, titles', () => {
  it('finds the place of 在…召开 and 地点：', () => {
    const places = (s: string) => extractFacts(s, { now: NOW }).filter((x) => x.kind === 'place').map((x) => x.value);
    expect(places(MEETING_NOTICE)).toEqual(['镇政府三楼会议室']);
    expect(places('视察地点：城东片区油路建设工地，集合时间：上午8时')).toEqual(['城东片区油路建设工地']);
  });

  it('finds roster names where they occur, the longest name first', () => {
    const f = extractFacts(MEETING_NOTICE, { names: ['张建国', '李秀英', '王小明', '王小', '钱多多'], now: NOW });
    expect(f.filter((x) => x.kind === 'person').map((x) => x.value)).toEqual(['张建国', '李秀英', '王小明']);
  });

  it('reads counts, phones and the title', () => {
    const f = extractFacts(MEETING_NOTICE, { now: NOW });
    expect(f.filter((x) => x.kind === 'count').map((x) => x.value)).toEqual([12]);
    expect(f.filter((x) => x.kind === 'phone').map((x) => x.value).sort()).toEqual(['0512-65231234', '13912345678']);
    expect(f.filter((x) => x.kind === 'title').map((x) => x.value)).toEqual(['关于召开镇人大主席团五月份例会的通知']);
  });

  it('reads labelled lines and ID numbers in a letter summary', () => {
    const letter = '来信摘要\n来信人：王某某\n身份证号码：32058319800101123X\n联系电话：13800001111\n反映问题：村道路灯长期不亮\n主要内容：该村主干道路灯损坏已三个月，夜间出行不便。';
    const f = extractFacts(letter, { now: NOW });
    expect(f.find((x) => x.kind === 'idNumber')?.value).toBe('32058319800101123X');
    expect(f.filter((x) => x.kind === 'labelled').map((x) => x.label)).toEqual(['来信人', '身份证号码', '联系电话', '反映问题', '主要内容']);
    // an 18-digit ID is not also read as a phone
    expect(f.filter((x) => x.kind === 'phone').map((x) => x.value)).toEqual(['13800001111']);
  });

  it('stays bounded on hostile text', () => {
    const hostile = `${'2024年'.repeat(20_000)}${'地点：'.repeat(10_000)}${'1'.repeat(50_000)}`;
    const t0 = performance.now();
    const f = extractFacts(hostile, { names: Array.from({ length: 3000 }, (_, i) => `名${i}`), now: NOW });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(f.length).toBeLessThanOrEqual(400);
    expect(MAX_TEXT).toBe(20_000);
  });
});
