/**
 * Located problems. Every check in Lvzhi reports `ValidationIssue`s instead of throwing: a
 * JSON path into the document (where), a stable code (what), and a message in Chinese and
 * English (for whom). The path is kept as segments so tools can map it back to a file/line.
 */
import type * as z from 'zod';

export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

export interface ValidationIssue {
  /** Which document: a file path, a URL or a pack id; '' when unknown. */
  source: string;
  path: PathSegment[];
  code: string;
  message: string;
  messageEn: string;
  /** 1-based line and column in the source text, when the source text is known. */
  line?: number;
  column?: number;
}

export type Lang = 'zh' | 'en';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.forms[0].fields[2]["visibleIf"]`-style text of a path (keys that are not identifiers are quoted). */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** One line as the CLI prints it: `FILE: $.path: message`. */
export function formatIssue(issue: ValidationIssue, lang: Lang = 'zh'): string {
  const where = issue.line !== undefined ? ` (line ${issue.line}, column ${issue.column ?? 1})` : '';
  const message = lang === 'en' ? issue.messageEn : issue.message;
  const source = issue.source ? `${issue.source}: ` : '';
  return `${source}${formatPath(issue.path)}: ${message}${where}`;
}

export function issue(path: PathSegment[], code: string, message: string, messageEn: string): Omit<ValidationIssue, 'source'> {
  return { path, code, message, messageEn };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', boolean: '布尔值（true/false）', object: '对象 {…}',
  array: '数组 […]', null: 'null', undefined: '无值', bigint: '整数', date: '日期', nan: 'NaN',
};

function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function shown(value: unknown): string {
  // Never stringify a whole subtree just to quote it: a pasted 10 MB value must stay cheap.
  if (Array.isArray(value)) return `[…${value.length} 项]`;
  if (typeof value === 'object' && value !== null) return `{${Object.keys(value).slice(0, 3).join(', ')}${Object.keys(value).length > 3 ? ', …' : ''}}`;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 40 ? text.slice(0, 37) + '…' : text;
}

/**
 * Turns zod's issues into located, bilingual ones. Unknown keys are reported at the key itself
 * (not at its parent object) and a missing required key at the key, so that the path always
 * points at the place to edit.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: JsonPath = []): Omit<ValidationIssue, 'source'>[] {
  const out: Omit<ValidationIssue, 'source'>[] = [];
  for (const raw of issues) {
    const path = [...prefix, ...(raw.path as PathSegment[])];
    const input = (raw as { input?: unknown }).input;
    switch (raw.code) {
      case 'unrecognized_keys':
        for (const key of raw.keys) {
          out.push(issue([...path, key], 'unknown-key', `未知的属性 "${key}"（拼写错误？）`, `unknown property "${key}" (misspelt?)`));
        }
        break;
      case 'invalid_type': {
        const expected = String(raw.expected);
        if (input === undefined) {
          out.push(issue(path, 'missing', `缺少必填项（应为${TYPE_ZH[expected] ?? expected}）`, `required property is missing (expected ${expected})`));
        } else {
          const got = kindOf(input);
          out.push(issue(path, 'type', `应为${TYPE_ZH[expected] ?? expected}，实际为${TYPE_ZH[got] ?? got} ${shown(input)}`, `expected ${expected}, got ${got} ${shown(input)}`));
        }
        break;
      }
      case 'invalid_union': {
        const disc = raw as { discriminator?: string; options?: unknown[]; note?: string };
        if (disc.note === 'No matching discriminator' || disc.discriminator) {
          const options = (disc.options ?? []).map(String).join(', ');
          const name = disc.discriminator ?? 'type';
          const given = typeof input === 'object' && input !== null && name in input ? (input as Record<string, unknown>)[name] : undefined;
          out.push(issue(path, `unknown-${name}`,
            given === undefined ? `缺少 "${name}"；可选值：${options}` : `未知的${name === 'type' ? '类型' : name} ${shown(given)}；可选值：${options}`,
            given === undefined ? `"${name}" is missing; one of: ${options}` : `unknown ${name} ${shown(given)}; one of: ${options}`));
        } else {
          out.push(issue(path, 'invalid', `取值不符合任何允许的形式：${shown(input)}`, `value matches none of the allowed forms: ${shown(input)}`));
        }
        break;
      }
      case 'invalid_value': {
        const values = raw.values.map((v) => shown(v)).join(', ');
        out.push(issue(path, 'invalid-value', `取值 ${shown(input)} 无效；可选值：${values}`, `invalid value ${shown(input)}; one of: ${values}`));
        break;
      }
      case 'too_small': {
        const min = String(raw.minimum);
        if (raw.origin === 'array' || raw.origin === 'set') out.push(issue(path, 'too-few', `至少需要 ${min} 项`, `needs at least ${min} item(s)`));
        else if (raw.origin === 'string') out.push(issue(path, raw.minimum === 1 ? 'empty' : 'too-short', raw.minimum === 1 ? '不能为空' : `至少 ${min} 个字符`, raw.minimum === 1 ? 'must not be empty' : `at least ${min} characters`));
        else out.push(issue(path, 'too-small', `不能小于${raw.inclusive ? '' : '或等于'} ${min}`, `must be ${raw.inclusive ? '>=' : '>'} ${min}`));
        break;
      }
      case 'too_big': {
        const max = String(raw.maximum);
        if (raw.origin === 'array' || raw.origin === 'set') out.push(issue(path, 'too-many', `最多 ${max} 项`, `at most ${max} item(s)`));
        else if (raw.origin === 'string') out.push(issue(path, 'too-long', `最多 ${max} 个字符`, `at most ${max} characters`));
        else out.push(issue(path, 'too-big', `不能大于${raw.inclusive ? '' : '或等于'} ${max}`, `must be ${raw.inclusive ? '<=' : '<'} ${max}`));
        break;
      }
      case 'invalid_format': {
        const hint = raw.message && !raw.message.startsWith('Invalid') ? raw.message : raw.format;
        out.push(issue(path, 'format', `格式不正确 ${shown(input)}：${formatZh(raw.format, hint)}`, `wrong format ${shown(input)}: ${hint}`));
        break;
      }
      case 'not_multiple_of':
        out.push(issue(path, 'step', `应为 ${String(raw.divisor)} 的倍数`, `must be a multiple of ${String(raw.divisor)}`));
        break;
      default:
        out.push(issue(path, 'invalid', raw.message, raw.message));
    }
  }
  return out;
}

function formatZh(format: string, hint: string): string {
  switch (format) {
    case 'date': return '应为日期，如 2024-03-28';
    case 'datetime': return '应为带时区的时间，如 2024-03-28T09:00:00+08:00';
    case 'regex': return hint;
    default: return hint;
  }
}
