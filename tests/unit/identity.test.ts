import { describe, expect, it } from 'vitest';
import { formatChineseDate, idCheckChar, idNumberFacts, idNumberProblem, isCalendarDate, isoInChina, isPhoneNumber, maskSensitive, normalizeLabel } from '@lvzhi/shared';

describe('ID numbers (GB 11643)', () => {
  it('computes the check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('11010519491231002x')).toBeUndefined();
  });
  it('says what is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('99010519491231002X')).toBe('region');
    expect(idNumberProblem('110105194902300027')).toBe('birthdate');
  });
  it('reads birth date and sex', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: '女' });
  });
});

describe('phones and masking', () => {
  it('accepts mobiles and landlines as offices write them', () => {
    for (const ok of ['13912345678', '139 1234 5678', '+86 13912345678', '0512-57123456', '057157123456', '57123456', '0512-57123456-8001']) expect(isPhoneNumber(ok), ok).toBe(true);
    for (const bad of ['12912345678', '1391234567', 'abc', '']) expect(isPhoneNumber(bad), bad).toBe(false);
    expect(isPhoneNumber('0512-57123456', 'mobile')).toBe(false);
  });
  it('masks ID numbers and phones as exports show them', () => {
    expect(maskSensitive('320583199001014714')).toBe('320583********4714');
    expect(maskSensitive('13912345678')).toBe('139****5678');
    expect(maskSensitive('0512-57123456')).toBe('0512-****3456');
  });
});

describe('dates and labels', () => {
  it('writes dates as Chinese offices do, in China Standard Time', () => {
    expect(formatChineseDate('2024-03-08')).toBe('2024年3月8日');
    expect(isoInChina(new Date('2024-03-27T17:30:05Z'))).toBe('2024-03-28T01:30:05+08:00');
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
  it('normalises portal labels', () => {
    for (const l of ['姓　　名：', '* 姓名', '姓名(必填)', '姓 名:', '＊姓名：', '姓名必填']) expect(normalizeLabel(l), l).toBe('姓名');
  });
});
