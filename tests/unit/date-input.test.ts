// Dates a clerk types into the panel's date boxes (DateInput): shown year first and read in the
// forms Chinese offices write, whatever the browser's language (issue 14).
import { describe, expect, it } from 'vitest';
import { readTypedDate, showDateValue } from '@lvzhi/shared';

const ok = (text: string, withTime = false) => {
  const r = readTypedDate(text, withTime);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const refused = (text: string, withTime = false) => {
  const r = readTypedDate(text, withTime);
  return r.ok ? undefined : r.message;
};

describe('readTypedDate', () => {
  it('reads the ways a date is written', () => {
    for (const t of ['2024-05-14', '2024/5/14', '2024.5.14', '2024年5月14日', '2024 年 5 月 14 日', '２０２４年５月１４日', '20240514', ' 2024-5-14 ']) expect(ok(t)).toBe('2024-05-14');
    expect(ok('')).toBeUndefined();
    expect(ok('   ')).toBeUndefined();
  });

  it('reads a date and a time', () => {
    expect(ok('2024-05-14 09:00', true)).toBe('2024-05-14T09:00');
    expect(ok('2024-05-14T09:00', true)).toBe('2024-05-14T09:00');
    expect(ok('2024年5月14日 9:30', true)).toBe('2024-05-14T09:30');
    expect(ok('2024年5月14日9时30分', true)).toBe('2024-05-14T09:30');
    expect(ok('2024年5月14日 下午3点', true)).toBe('2024-05-14T15:00');
    expect(ok('2024年5月14日 上午9：05', true)).toBe('2024-05-14T09:05');
    expect(ok('2024-05-14 09:00:00', true)).toBe('2024-05-14T09:00');
  });

  it('refuses what is not a date, not a real day, or the wrong kind, with the form to use', () => {
    expect(refused('05/14/2024')).toMatch(/无法识别的日期.*2024-05-14/);
    expect(refused('2024-02-30')).toMatch(/没有这一天/);
    expect(refused('2024-13-01')).toMatch(/没有这一天/);
    expect(refused('2024-05-14 09:00')).toMatch(/只填日期/);
    expect(refused('2024-05-14', true)).toMatch(/缺少时间/);
    expect(refused('2024-05-14 25:00', true)).toMatch(/没有这个时间/);
    expect(refused('2024-05-14 9:75', true)).toMatch(/没有这个时间/);
    expect(refused('明天')).toBeDefined();
  });
});

describe('showDateValue', () => {
  it('shows stored values year first', () => {
    expect(showDateValue('2024-05-14', false)).toBe('2024-05-14');
    expect(showDateValue('2024-05-14T09:00', true)).toBe('2024-05-14 09:00');
    expect(showDateValue(undefined, true)).toBe('');
    // What it shows, it reads back to the same value.
    expect(ok(showDateValue('2024-05-14T09:00', true), true)).toBe('2024-05-14T09:00');
  });
});
