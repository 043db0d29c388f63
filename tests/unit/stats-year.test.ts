/**
 * A year of records driven through the workflow engine (tests/fixtures/year/generate.ts) gives
 * back the figures and the sentences of the first work summary in
 * /work/shared/reference/000_4299b0231643c099.txt — 3 trainings, sessions in March and August,
 * 12 suggestions with 满意率 100%, 4 activities with 42 人次, 2 letters and 7 visits (人次),
 * 2 “人民满意单位” and 15 rectification items — although the year also holds records of the
 * years before and after, overdue records, send-backs, reassignments and a deleted record.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeStats, customPeriod, eventDateOf, foldStats, statsAsOf, statsFact, todayInChina, type FactGroup, formatRate, monthPeriod, parsePeriod, quarterPeriod, statsDefinitions, summarySentences,
  validateRecord, workSummary, yearPeriod, type LvzhiRecord, type StatsDefinitions,
} from '@lvzhi/shared';
import { builtIn, cst, ROOT, type BuiltIn } from '../fixtures/year/helpers.ts';
import { generateYear } from '../fixtures/year/generate.ts';

let B: BuiltIn;
let records: LvzhiRecord[];
let defs: StatsDefinitions;
const reference = readFileSync('/work/shared/reference/000_4299b0231643c099.txt', 'utf8');

beforeAll(async () => {
  B = await builtIn();
  records = (await generateYear(B)).records;
  defs = statsDefinitions(B.packs);
});

describe('the year fixture', () => {
  it('holds valid records, made by the workflow engine, with the awkward cases the figures must survive', () => {
    for (const r of records) expect(validateRecord(r, B.packs).issues, r.id).toEqual([]);
    const withWorkflow = records.filter((r) => r.workflow);
    expect(withWorkflow.length).toBeGreaterThan(40);
    const years = new Set(records.map((r) => r.createdAt.slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025']);
    const sendBacks = withWorkflow.flatMap((r) => r.workflow!.history.filter((h) => h.comment)).length;
    expect(sendBacks).toBeGreaterThanOrEqual(8);
    expect(records.filter((r) => r.deletedAt)).toHaveLength(1);
  });

  it('is the fixture on disk (npx tsx tests/fixtures/year/generate.ts rewrites it)', () => {
    for (const r of records) {
      const onDisk = JSON.parse(readFileSync(`${ROOT}/tests/fixtures/year/records/${r.id}.json`, 'utf8'));
      expect(onDisk).toEqual(r);
    }
  });
});

describe('year statistics 2024', () => {
  it('reproduces the figures of the work summary', () => {
    const s = computeStats(records, defs, yearPeriod(2024));
    expect(s.asOf).toBe('2025-01-01T00:00:00+08:00');
    expect(s.records).toEqual({ inPeriod: 49, outsidePeriod: 7, deleted: 1, unknownForm: 0, noDate: 0 });
    expect(s.trainings).toEqual({ sessions: 3, participants: 42 });
    expect(s.meetings.byType).toEqual({ 'congress-session': 2, 'presidium-monthly': 12, training: 3, 'suggestion-assignment': 1, 'party-committee-enlarged': 1 });
    expect(s.meetings.congressSessionMonths).toEqual([3, 8]);
    expect(s.meetings.overdueMinutes).toBe(1);
    expect(s.suggestions).toEqual({
      received: 13, assigned: 12, replied: 11, replyRate: 11 / 12, rated: 11, satisfied: 9, basicallySatisfied: 2, dissatisfied: 0,
      satisfactionRate: 1, fullySatisfiedRate: 9 / 11, closed: 11, overdue: 1, sentBack: 4, motions: 0,
    });
    expect(s.letters).toEqual({ letters: 2, visits: 4, visitors: 7, closed: 5, overdue: 1 });
    expect(s.activities).toEqual({ total: 4, participants: 42, byKind: { 走访选民: 1, 参观学习: 1, 专题调研: 1, 视察: 1 } });
    expect(s.inspections).toMatchObject({ total: 1, deputyParticipants: 11, closed: 1, overdue: 0 });
    expect(s.appraisals).toMatchObject({ surveys: 6, satisfiedUnits: 2, rectificationItems: 15, satisfactionRate: 5 / 6 });
    expect(s.appraisals.units.map((u) => [u.unit, u.rank, u.satisfactionRate, u.averageScore])).toEqual([
      ['财政所', 1, 1, 91], ['卫生院', 2, 1, 86.5], ['自然资源所', 3, 0.5, 68],
    ]);
  });

  it('writes the sentences of the summary, in its own words', () => {
    const s = computeStats(records, defs, yearPeriod(2024));
    const sentences = summarySentences(s);
    expect(sentences.map((x) => x.text)).toEqual([
      '今年共组织了3次人大代表培训会议，参加培训的代表达42人次。',
      '今年于3月份和8月份分别召开了全镇人民代表大会。',
      '今年共召开主席团月例会12次。',
      '今年共承办了12条人大代表的意见和建议，满意率达100%。',
      '已答复11件，办复率91.7%，尚有1件超过办理期限，正在督办。',
      '今年，共组织人大代表统一活动4次，参加活动的代表达42人次。',
      '组织代表开展视察和执法检查1次，参加代表11人次。',
      '积极做好群众的来信来访接待工作，共受理群众来信2件，来访7人次。',
      '组织各级代表开展工作评议，评议出“人民满意单位”2个，督促各单位进行意见整改15条。',
      '今年还召开了建议交办会1次、党委扩大会议1次。',
    ]);
    // the clauses are those of the reference summary, word for word
    for (const quote of [
      '共组织了3次人大代表培训会议',
      '于3月份和8月份分别召开了全镇人民代表大会',
      '今年共承办了12条人大代表的意见和建议，满意率达100%',
      '今年，共组织人大代表统一活动4次，参加活动的代表达42人次',
      '积极做好群众的来信来访接待工作，共受理群众来信2件，来访7人次',
      '评议出“人民满意单位”2个，督促各单位进行意见整改15条',
    ]) {
      expect(reference, quote).toContain(quote);
      expect(workSummary(s), quote).toContain(quote);
    }
  });

  it('counts a record in the period of its event date in China time, whatever the record was created', () => {
    // a meeting at 07:30 on 1 January Beijing time is 2023-12-31 in UTC: it still belongs to 2024
    expect(eventDateOf('2024-01-01T07:30')).toBe('2024-01-01');
    expect(eventDateOf('2023-12-31T23:30:00Z')).toBe('2024-01-01');
    expect(eventDateOf('2024-12-31T16:30:00+00:00')).toBe('2025-01-01');
    const m = records.find((r) => r.form === 'presidium-monthly' && r.values.startTime === '2024-01-05T09:00')!;
    const early = { ...m, id: 'early', values: { ...m.values, startTime: '2024-01-01T07:30' }, createdAt: '2023-12-20T09:00:00+08:00' };
    expect(computeStats([early], defs, yearPeriod(2024)).meetings.total).toBe(1);
    expect(computeStats([early], defs, yearPeriod(2023)).meetings.total).toBe(0);
  });

  it('gives quarters and months their own figures', () => {
    const q1 = computeStats(records, defs, quarterPeriod(2024, 1));
    expect(q1.period.label).toBe('2024年第一季度');
    expect(q1.suggestions).toMatchObject({ received: 7, assigned: 7, replied: 7, rated: 7, satisfied: 5, basicallySatisfied: 2, satisfactionRate: 1, fullySatisfiedRate: 5 / 7 });
    expect(q1.meetings.byType).toEqual({ 'congress-session': 1, 'presidium-monthly': 3, training: 1, 'suggestion-assignment': 1 });
    const q3 = computeStats(records, defs, parsePeriod('2024Q3'));
    // judged at the end of the quarter, when nothing was late yet
    expect(q3.asOf).toBe('2024-10-01T00:00:00+08:00');
    expect(q3.suggestions).toMatchObject({ received: 5, assigned: 5, replied: 4, overdue: 0 });
    expect(q3.letters).toMatchObject({ letters: 1, visitors: 3, overdue: 0 });
    const july = computeStats(records, defs, monthPeriod(2024, 7));
    expect(july.activities).toEqual({ total: 1, participants: 12, byKind: { 参观学习: 1 } });
    expect(summarySentences(july).map((x) => x.text)).toContain('本月，共组织人大代表统一活动1次，参加活动的代表达12人次。');
    const custom = computeStats(records, defs, customPeriod('2024-09-01', '2024-12-31'));
    expect(custom.letters).toMatchObject({ letters: 1, visits: 2, visitors: 3 });
    expect(parsePeriod('2024-03')).toEqual(monthPeriod(2024, 3));
    expect(() => parsePeriod('2024-13')).toThrow();
  });

  it('judges overdue at the chosen moment', () => {
    // at the end of September the September suggestion was still within its three months
    const sept = computeStats(records, defs, yearPeriod(2024), { asOf: cst('2024-10-01 00:00') });
    expect(sept.suggestions.overdue).toBe(0);
    const dec = computeStats(records, defs, yearPeriod(2024), { asOf: cst('2024-12-19 09:00') });
    expect(dec.suggestions.overdue).toBe(1);
  });

  it('gives the same figures folded from grouped facts (as the office server groups them in SQL)', () => {
    for (const [period, asOf] of [[yearPeriod(2024), cst('2024-12-19 09:00')], [yearPeriod(2024), cst('2024-10-01 00:00')], [quarterPeriod(2024, 3), undefined], [yearPeriod(2023), undefined]] as const) {
      const options = asOf ? { asOf } : {};
      const today = todayInChina(statsAsOf(period, options));
      const groups = new Map<string, FactGroup>();
      const counts = { outsidePeriod: 0, deleted: 0, unknownForm: 0, noDate: 0 };
      for (const r of records) {
        const f = statsFact(r, defs);
        if (f.status !== 'dated') { counts[f.status]++; continue; }
        if (f.day! < period.from || f.day! > period.to) { counts.outsidePeriod++; continue; }
        const overdue = f.dueDate !== undefined && f.dueDate < today;
        const key = JSON.stringify([f.fact, overdue]);
        const g = groups.get(key);
        if (g) g.count++; else groups.set(key, { fact: f.fact!, count: 1, overdue });
      }
      expect(groups.size).toBeLessThan(records.length); // equal facts do group
      expect(foldStats([...groups.values()].reverse(), counts, period, options)).toEqual(computeStats(records, defs, period, options));
    }
    // a fact holds no record identity: the same suggestion under another id has the same fact
    const s = records.find((r) => r.form === 'suggestion')!;
    expect(statsFact({ ...s, id: 'other' }, defs)).toEqual(statsFact(s, defs));
  });

  it('formats rates as the summaries do', () => {
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(11 / 12)).toBe('91.7%');
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(null)).toBe('—');
  });
});
