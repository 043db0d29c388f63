/**
 * Chinese resident ID numbers (GB 11643-1999) and phone numbers: checked when typed and when
 * imported, masked whenever shown outside the record (exports, logs).
 */
import { isCalendarDate } from './dates.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Province-level codes (first two digits) of GB/T 2260. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The check character of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'region' | 'birthdate' | 'checksum';

/** Why an ID number is not valid, or undefined when it is. Accepts a lower-case x. */
export function idNumberProblem(value: string): IdNumberProblem | undefined {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  if (!PROVINCES.has(Number(v.slice(0, 2)))) return 'region';
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isCalendarDate(birth) || Number(v.slice(6, 10)) < 1900) return 'birthdate';
  if (idCheckChar(v) !== v[17]) return 'checksum';
  return undefined;
}

export const ID_PROBLEM_MESSAGES: Record<IdNumberProblem, { zh: string; en: string }> = {
  format: { zh: '身份证号应为18位：17位数字加1位校验码（数字或X）', en: 'an ID number has 18 characters: 17 digits and a check digit (digit or X)' },
  region: { zh: '身份证号前两位不是有效的省级行政区划代码', en: 'the first two digits are not a valid province code' },
  birthdate: { zh: '身份证号中的出生日期无效', en: 'the date of birth inside the ID number is not a real date' },
  checksum: { zh: '身份证号校验码不正确，请核对是否输错', en: 'the check digit does not match (a typo?)' },
};

/** Birth date (`YYYY-MM-DD`) and sex read from a valid ID number. */
export function idNumberFacts(value: string): { birthDate: string; gender: '男' | '女' } | undefined {
  if (idNumberProblem(value)) return undefined;
  const v = value.trim();
  return { birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`, gender: Number(v[16]) % 2 === 1 ? '男' : '女' };
}

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(?0\d{2,3}\)?[- ]?)?[2-9]\d{6,7}(?:[-转]\d{1,6})?$/;

export type PhoneKind = 'mobile' | 'landline' | 'any';

/** Whether a phone number is a plausible Chinese mobile or landline number. */
export function isPhoneNumber(value: string, kind: PhoneKind = 'any'): boolean {
  const v = value.trim().replace(/\s+/g, ' ');
  const compact = v.replace(/ /g, '');
  if (kind !== 'landline' && MOBILE.test(compact)) return true;
  if (kind !== 'mobile' && LANDLINE.test(v)) return true;
  return false;
}

/** `320583199001014714` → `320583********4714`; `13912345678` → `139****5678`. */
export function maskSensitive(value: string): string {
  const v = value.trim();
  if (/^\d{17}[\dXx]$/.test(v)) return v.slice(0, 6) + '********' + v.slice(14);
  const digits = v.replace(/\D/g, '');
  if (digits.length >= 7) {
    const keepStart = digits.length === 11 ? 3 : Math.min(4, digits.length - 4);
    let seen = 0;
    return v.replace(/\d/g, (d) => {
      seen++;
      return seen <= keepStart || seen > digits.length - 4 ? d : '*';
    });
  }
  return '*'.repeat(v.length);
}
