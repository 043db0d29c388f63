/**
 * Checking a record against its form: the value each field type holds, options, ID numbers,
 * phones, ranges, required-ness (for complete records) and the form's own rules, each issue at
 * `values.<field>` (and the row and column, for tables). The form engine reuses
 * `checkFieldValue` for live validation.
 */
import type { ColumnFieldDefinition, FieldDefinition, FormDefinition, Option, PackDefinition } from './pack-schema.ts';
import { recordSchema, type LvzhiRecord } from './record-schema.ts';
import { evaluate, isEmptyValue, isTruthy } from './expression.ts';
import { compilePattern } from './pattern.ts';
import { fromZodIssues, issue, type PathSegment, type ValidationIssue } from './issues.ts';
import { isCalendarDate } from './dates.ts';
import { ID_PROBLEM_MESSAGES, idNumberProblem, isPhoneNumber } from './identity.ts';
import { personValueSchema, signatureValueSchema, attachmentValueSchema } from './record-schema.ts';

type Located = Omit<ValidationIssue, 'source'>;

export interface RecordContext {
  /** Options of choice fields, resolved from option sets of the pack and its dependencies. */
  optionsOf(field: FieldDefinition | ColumnFieldDefinition): readonly Option[] | undefined;
  now?: Date;
}

/** Resolves a choice field's options among a set of validated packs. */
export function optionResolver(packs: readonly PackDefinition[]): RecordContext['optionsOf'] {
  const sets = new Map<string, Option[]>();
  const dictionary = new Map<string, string | undefined>();
  for (const p of packs) {
    for (const s of p.optionSets ?? []) sets.set(s.id, s.options);
    for (const d of p.dictionary ?? []) dictionary.set(d.key, d.optionSet);
  }
  return (field) => {
    if (!('options' in field) && !('optionSet' in field)) return undefined;
    const f = field as { options?: Option[]; optionSet?: string; bind?: string };
    if (f.options) return f.options;
    const id = f.optionSet ?? (f.bind ? dictionary.get(f.bind) : undefined);
    return id ? sets.get(id) : undefined;
  };
}

const PLAIN_TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: 'true/false', array: '数组', object: '对象' };

function typeProblem(path: PathSegment[], expected: 'string' | 'number' | 'boolean' | 'array' | 'object', value: unknown): Located | undefined {
  const ok = expected === 'array' ? Array.isArray(value)
    : expected === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value)
      : expected === 'number' ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === expected;
  if (ok) return undefined;
  return issue(path, 'value-type', `应为${PLAIN_TYPE_ZH[expected]}，实际为 ${JSON.stringify(value)?.slice(0, 40)}`, `expected ${expected}, got ${JSON.stringify(value)?.slice(0, 40)}`);
}

/**
 * Problems of one non-empty value. `values` (and `row`) feed the field's rules. Never throws.
 */
export function checkFieldValue(field: FieldDefinition | ColumnFieldDefinition, value: unknown, path: PathSegment[], ctx: RecordContext, data: Record<string, unknown>): Located[] {
  const out: Located[] = [];
  const push = (p: Located | undefined) => { if (p) out.push(p); };
  switch (field.type) {
    case 'text': case 'textarea': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      const s = value as string;
      if (field.minLength !== undefined && [...s].length < field.minLength) push(issue(path, 'too-short', `至少 ${field.minLength} 个字`, `at least ${field.minLength} characters`));
      if (field.maxLength !== undefined && [...s].length > field.maxLength) push(issue(path, 'too-long', `最多 ${field.maxLength} 个字，现有 ${[...s].length} 个`, `at most ${field.maxLength} characters (has ${[...s].length})`));
      if (field.type === 'text' && field.pattern) {
        const re = compilePattern(field.pattern);
        if (re.ok && !re.test(s)) push(issue(path, 'pattern', field.patternMessage ?? '格式不正确', field.patternMessage ? `wrong format (${field.patternMessage})` : 'wrong format'));
      }
      break;
    }
    case 'number': case 'score': {
      const t = typeProblem(path, 'number', value); if (t) return [t];
      const n = value as number;
      if (field.min !== undefined && n < field.min) push(issue(path, 'too-small', `不能小于 ${field.min}`, `must be at least ${field.min}`));
      if (field.max !== undefined && n > field.max) push(issue(path, 'too-big', `不能大于 ${field.max}`, `must be at most ${field.max}`));
      if (field.type === 'number' && field.integer && !Number.isInteger(n)) push(issue(path, 'integer', '应为整数', 'must be a whole number'));
      break;
    }
    case 'date': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      if (!isCalendarDate(value as string)) return [issue(path, 'date', `日期无效 "${value as string}"，应为 2024-03-28 的形式`, `invalid date "${value as string}"; write it as 2024-03-28`)];
      if (field.min && (value as string) < field.min) push(issue(path, 'too-early', `不能早于 ${field.min}`, `must not be before ${field.min}`));
      if (field.max && (value as string) > field.max) push(issue(path, 'too-late', `不能晚于 ${field.max}`, `must not be after ${field.max}`));
      break;
    }
    case 'datetime': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value as string);
      if (!m || !isCalendarDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) push(issue(path, 'datetime', `时间无效 "${value as string}"，应为 2024-03-28T09:00 的形式（北京时间）`, `invalid date-time "${value as string}"; write it as 2024-03-28T09:00 (China time)`));
      break;
    }
    case 'select': case 'radio': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      const options = ctx.optionsOf(field);
      if (options && !options.some((o) => o.value === value) && !(field.type === 'select' && field.allowOther)) {
        push(issue(path, 'unknown-option', `"${value as string}" 不是可选项（${options.slice(0, 8).map((o) => o.value).join('、')}${options.length > 8 ? '…' : ''}）`, `"${value as string}" is not one of the options`));
      }
      break;
    }
    case 'multiselect': case 'checkboxes': {
      const t = typeProblem(path, 'array', value); if (t) return [t];
      const options = ctx.optionsOf(field);
      (value as unknown[]).forEach((v, i) => {
        if (typeof v !== 'string') push(issue([...path, i], 'value-type', '选项值应为文本', 'option values are text'));
        else if (options && !options.some((o) => o.value === v)) push(issue([...path, i], 'unknown-option', `"${v}" 不是可选项`, `"${v}" is not one of the options`));
      });
      const n = (value as unknown[]).length;
      if (field.minSelected !== undefined && n < field.minSelected) push(issue(path, 'too-few', `至少选择 ${field.minSelected} 项`, `choose at least ${field.minSelected}`));
      if (field.maxSelected !== undefined && n > field.maxSelected) push(issue(path, 'too-many', `最多选择 ${field.maxSelected} 项`, `choose at most ${field.maxSelected}`));
      break;
    }
    case 'checkbox':
      push(typeProblem(path, 'boolean', value));
      break;
    case 'phone': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      if (!isPhoneNumber(value as string, field.kind ?? 'any')) push(issue(path, 'phone', field.kind === 'mobile' ? '手机号码应为11位，以1开头' : '电话号码格式不正确（手机11位，或区号-号码）', field.kind === 'mobile' ? 'a mobile number has 11 digits starting with 1' : 'not a valid phone number (11-digit mobile or area code-number)'));
      break;
    }
    case 'idcard': {
      const t = typeProblem(path, 'string', value); if (t) return [t];
      const problem = idNumberProblem(value as string);
      if (problem) push(issue(path, `idcard-${problem}`, ID_PROBLEM_MESSAGES[problem].zh, ID_PROBLEM_MESSAGES[problem].en));
      break;
    }
    case 'person': {
      const r = personValueSchema.safeParse(value, { reportInput: true });
      if (!r.success) out.push(...fromZodIssues(r.error.issues, path));
      break;
    }
    case 'people': {
      const t = typeProblem(path, 'array', value); if (t) return [t];
      (value as unknown[]).forEach((p, i) => {
        const r = personValueSchema.safeParse(p, { reportInput: true });
        if (!r.success) out.push(...fromZodIssues(r.error.issues, [...path, i]));
      });
      const n = (value as unknown[]).length;
      if (field.min !== undefined && n < field.min) push(issue(path, 'too-few', `至少 ${field.min} 人`, `at least ${field.min} people`));
      if (field.max !== undefined && n > field.max) push(issue(path, 'too-many', `最多 ${field.max} 人`, `at most ${field.max} people`));
      break;
    }
    case 'signature': {
      const r = signatureValueSchema.safeParse(value, { reportInput: true });
      if (!r.success) out.push(...fromZodIssues(r.error.issues, path));
      break;
    }
    case 'attachment': case 'photo': {
      const t = typeProblem(path, 'array', value); if (t) return [t];
      (value as unknown[]).forEach((a, i) => {
        const r = attachmentValueSchema.safeParse(a, { reportInput: true });
        if (!r.success) out.push(...fromZodIssues(r.error.issues, [...path, i]));
        else {
          if (field.maxSizeKB !== undefined && r.data.size > field.maxSizeKB * 1024) push(issue([...path, i, 'size'], 'too-big', `文件超过 ${field.maxSizeKB} KB`, `file is larger than ${field.maxSizeKB} KB`));
          if (field.type === 'photo' && !r.data.type.startsWith('image/')) push(issue([...path, i, 'type'], 'not-image', '照片应为图片文件', 'a photo must be an image'));
          // the form's accept list (MIME types, image/*, .ext), as the file chooser offers it — a file from elsewhere (a spreadsheet's picture) too
          else if (field.accept && field.accept.length > 0 && !field.accept.some((a) => acceptsFile(a, r.data.type, r.data.name))) push(issue([...path, i, 'type'], 'wrong-file-type', `文件格式不符合要求（允许：${field.accept.join('、')}）`, `file type not allowed (allowed: ${field.accept.join(', ')})`));
        }
      });
      if (!field.multiple && (value as unknown[]).length > 1) push(issue(path, 'too-many', '只能上传一个文件', 'only one file is allowed'));
      break;
    }
    case 'computed':
      push(issue(path, 'computed-stored', '计算字段的值由表单自动得出，不应保存在记录中', 'computed values are derived by the form and are not stored in records'));
      break;
    default:
      break;
  }
  if (out.length === 0 && 'rules' in field && field.rules) {
    for (const rule of field.rules) {
      let ok = true;
      let failure: string | undefined;
      try { ok = isTruthy(evaluate(rule.assert, data, ctx.now ? { now: ctx.now } : {})); } catch (e) {
        // A rule that cannot be computed has not been met: counting it as passed let a hostile or
        // broken rule wave any value through.
        ok = false;
        failure = (e as Error).message;
      }
      if (!ok && failure !== undefined) out.push(issue(path, 'rule-error', `${rule.message}（校验规则无法计算：${failure}）`, `${rule.messageEn ?? rule.message} (the rule could not be computed: ${failure})`));
      else if (!ok) out.push(issue(path, 'rule', rule.message, rule.messageEn ?? rule.message));
    }
  }
  return out;
}

function conditionHolds(expr: unknown, data: Record<string, unknown>, ctx: RecordContext): boolean {
  try { return isTruthy(evaluate(expr, data, ctx.now ? { now: ctx.now } : {})); } catch { return false; }
}

/** Checks all values of a record against its form. `complete` enforces required fields. */
export function checkValues(form: FormDefinition, values: Record<string, unknown>, options: { complete: boolean; ctx: RecordContext; base?: PathSegment[] }): Located[] {
  const out: Located[] = [];
  const base = options.base ?? ['values'];
  const { ctx } = options;
  const known = new Set<string>();
  for (const section of form.sections) {
    const sectionVisible = section.visibleIf === undefined || conditionHolds(section.visibleIf, values, ctx);
    for (const field of section.fields) {
      known.add(field.id);
      if (field.type === 'static') continue;
      const path = [...base, field.id];
      const value = values[field.id];
      const visible = sectionVisible && (field.visibleIf === undefined || conditionHolds(field.visibleIf, values, ctx));
      const required = field.required === true || (field.requiredIf !== undefined && conditionHolds(field.requiredIf, values, ctx));
      if (isEmptyValue(value)) {
        if (options.complete && visible && required && field.type !== 'computed') out.push(issue(path, 'required', `"${field.label}" 为必填项`, `"${field.labelEn ?? field.label}" is required`));
        continue;
      }
      if (field.type === 'table') {
        if (!Array.isArray(value)) { out.push(issue(path, 'value-type', '表格的值应为行的数组', 'a table value is an array of rows')); continue; }
        if (field.minRows !== undefined && value.length < field.minRows && options.complete) out.push(issue(path, 'too-few', `至少 ${field.minRows} 行`, `at least ${field.minRows} rows`));
        if (field.maxRows !== undefined && value.length > field.maxRows) out.push(issue(path, 'too-many', `最多 ${field.maxRows} 行`, `at most ${field.maxRows} rows`));
        value.forEach((row, ri) => {
          const rowPath = [...path, ri];
          if (typeof row !== 'object' || row === null || Array.isArray(row)) { out.push(issue(rowPath, 'value-type', `第 ${ri + 1} 行应为对象`, `row ${ri + 1} must be an object`)); return; }
          const cells = row as Record<string, unknown>;
          const data = { ...values, row: cells };
          for (const key of Object.keys(cells)) {
            if (!field.columns.some((c) => c.id === key)) out.push(issue([...rowPath, key], 'unknown-field', `第 ${ri + 1} 行：表格没有列 "${key}"`, `row ${ri + 1}: the table has no column "${key}"`));
          }
          for (const column of field.columns) {
            const cell = cells[column.id];
            const cellPath = [...rowPath, column.id];
            const colVisible = column.visibleIf === undefined || conditionHolds(column.visibleIf, data, ctx);
            const colRequired = column.required === true || (column.requiredIf !== undefined && conditionHolds(column.requiredIf, data, ctx));
            if (isEmptyValue(cell)) {
              if (options.complete && colVisible && colRequired && column.type !== 'computed') out.push(issue(cellPath, 'required', `第 ${ri + 1} 行："${column.label}" 为必填项`, `row ${ri + 1}: "${column.labelEn ?? column.label}" is required`));
              continue;
            }
            for (const p of checkFieldValue(column, cell, cellPath, ctx, data)) {
              out.push({ ...p, message: `第 ${ri + 1} 行「${column.label}」：${p.message}`, messageEn: `row ${ri + 1}, ${column.labelEn ?? column.label}: ${p.messageEn}` });
            }
          }
        });
        continue;
      }
      if (field.type === 'ratingMatrix') {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) { out.push(issue(path, 'value-type', '评分表的值应为 {评议项: 分值}', 'a rating matrix value maps criteria to marks')); continue; }
        const marks = new Set(field.scale.map((s) => s.value));
        for (const [k, v] of Object.entries(value)) {
          if (!field.criteria.some((c) => c.id === k)) out.push(issue([...path, k], 'unknown-field', `没有评议项 "${k}"`, `no criterion "${k}"`));
          else if (typeof v !== 'number' || !marks.has(v)) out.push(issue([...path, k], 'unknown-option', `分值 ${JSON.stringify(v)} 不在评分等级中（${[...marks].join('、')}）`, `mark ${JSON.stringify(v)} is not on the scale (${[...marks].join(', ')})`));
        }
        if (options.complete && visible && required) {
          for (const c of field.criteria) if (!(c.id in value)) out.push(issue([...path, c.id], 'required', `评议项"${c.label}"未评分`, `criterion "${c.labelEn ?? c.label}" is not rated`));
        }
        continue;
      }
      out.push(...checkFieldValue(field, value, path, ctx, values));
    }
  }
  for (const key of Object.keys(values)) {
    if (!known.has(key)) out.push(issue([...base, key], 'unknown-field', `表单 "${form.id}" 没有字段 "${key}"`, `form "${form.id}" has no field "${key}"`));
  }
  return out;
}

/** Validates a record document against the packs it names. Never throws. */
export function validateRecord(json: unknown, packs: readonly PackDefinition[], options: { now?: Date } = {}): { record?: LvzhiRecord; issues: Located[] } {
  try {
    const parsed = recordSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues) };
    const record = parsed.data;
    const pack = packs.find((p) => p.id === record.pack);
    if (!pack) return { issues: [issue(['pack'], 'unknown-reference', `找不到包 "${record.pack}"（未安装或有错误）`, `pack "${record.pack}" is not installed or has errors`)] };
    const form = pack.forms?.find((f) => f.id === record.form);
    if (!form) return { issues: [issue(['form'], 'unknown-reference', `包 ${pack.id} 中没有表单 "${record.form}"`, `pack ${pack.id} has no form "${record.form}"`)] };
    const issues: Located[] = [];
    if (record.formVersion > form.version) {
      issues.push(issue(['formVersion'], 'newer-version', `记录使用表单第 ${record.formVersion} 版，已安装的是第 ${form.version} 版：请先更新包`, `the record was made with form version ${record.formVersion}, newer than the installed ${form.version}: update the pack`));
      return { record, issues };
    }
    const ctx: RecordContext = { optionsOf: optionResolver(packs), ...(options.now ? { now: options.now } : {}) };
    const valueIssues = checkValues(form, record.values, { complete: record.status === 'complete', ctx });
    // An older record may still hold fields the current form dropped: they move aside on open.
    issues.push(...(record.formVersion < form.version ? valueIssues.filter((i) => i.code !== 'unknown-field' || i.path.length !== 2) : valueIssues));
    if (record.createdAt > record.updatedAt && Date.parse(record.createdAt) > Date.parse(record.updatedAt)) issues.push(issue(['updatedAt'], 'range', 'updatedAt 早于 createdAt', 'updatedAt is before createdAt'));
    if (record.workflow) {
      const wf = pack.workflows?.find((w) => w.id === record.workflow!.workflow);
      if (!wf || form.workflow !== wf.id || !wf.forms.includes(form.id)) issues.push(issue(['workflow', 'workflow'], 'unknown-reference', `表单 "${form.id}" 不使用流程 "${record.workflow.workflow}"`, `form "${form.id}" does not use workflow "${record.workflow.workflow}"`));
      else if (record.workflow.version === wf.version) {
        const states = new Set(wf.states.map((s) => s.id));
        if (!states.has(record.workflow.state)) issues.push(issue(['workflow', 'state'], 'unknown-reference', `流程 "${wf.id}" 没有状态 "${record.workflow.state}"`, `workflow "${wf.id}" has no state "${record.workflow.state}"`));
        // Steps taken under an earlier workflow version (before a migration) named that version's transitions.
        record.workflow.history.forEach((h, i) => {
          if (h.version !== undefined && h.version !== wf.version) return;
          const t = wf.transitions.find((t) => t.id === h.transition);
          if (!t) issues.push(issue(['workflow', 'history', i, 'transition'], 'unknown-reference', `流程没有流转 "${h.transition}"`, `the workflow has no transition "${h.transition}"`));
          else if (t.to !== h.to || !t.from.includes(h.from)) issues.push(issue(['workflow', 'history', i], 'bad-history', `流转 "${h.transition}" 是 ${t.from.join('/')} → ${t.to}，记录为 ${h.from} → ${h.to}`, `transition "${h.transition}" goes ${t.from.join('/')} → ${t.to}, history says ${h.from} → ${h.to}`));
        });
        const last = record.workflow.history.at(-1);
        if (last && (last.version === undefined || last.version === wf.version) && last.to !== record.workflow.state) issues.push(issue(['workflow', 'state'], 'bad-history', `当前状态 "${record.workflow.state}" 与最后一步 "${last.to}" 不符`, `state "${record.workflow.state}" does not match the last step "${last.to}"`));
        if (!last && record.workflow.state !== wf.initial) issues.push(issue(['workflow', 'state'], 'bad-history', `没有流转记录，状态应为初始状态 "${wf.initial}"`, `with no history the state must be the initial "${wf.initial}"`));
      } else if (record.workflow.version > wf.version) issues.push(issue(['workflow', 'version'], 'newer-version', '记录使用的流程版本比已安装的新', 'the record uses a newer workflow version than installed'));
    } else if (form.workflow && record.status === 'complete') {
      issues.push(issue(['workflow'], 'missing', `表单 "${form.id}" 使用流程 "${form.workflow}"，完成的记录应包含流程状态`, `form "${form.id}" uses workflow "${form.workflow}"; a complete record carries its workflow state`));
    }
    return { record, issues };
  } catch (e) {
    return { issues: [issue([], 'internal', `无法检查：${(e as Error).message}`, `could not be checked: ${(e as Error).message}`)] };
  }
}

/** A record's values keyed by dictionary key, through the fields' bindings (for autofill and prefill). */
export function dictionaryView(form: FormDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.type === 'static' || !field.bind) continue;
      const v = values[field.id];
      if (!isEmptyValue(v)) out[field.bind] = v;
    }
  }
  return out;
}

/** Whether one `accept` entry (image/png, image/*, .pdf) takes a file of `type` named `name`. */
function acceptsFile(accept: string, type: string, name: string): boolean {
  const a = accept.trim().toLowerCase();
  if (a.startsWith('.')) return name.toLowerCase().endsWith(a) || (a === '.jpg' && name.toLowerCase().endsWith('.jpeg'));
  if (a.endsWith('/*')) return type.toLowerCase().startsWith(a.slice(0, -1));
  return type.toLowerCase() === a;
}
