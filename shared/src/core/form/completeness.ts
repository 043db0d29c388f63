/**
 * "Required means required": the one check every step that treats a record as finished uses —
 * 完成 in the panel, a fill that uses the record, minutes and signing. It reuses the record
 * validator with the record taken as complete (a draft's required fields are not enforced by
 * `validateRecord`, which is why drafts could be marked 完成 with * fields empty) and keeps the
 * problems located at a field, so each can be shown with a link that opens that field.
 */
import type { FormDefinition, PackDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import type { PathSegment } from '../issues.ts';
import { validateRecord } from '../validate-record.ts';

export interface FieldProblem {
  /** The top-level field (the table, for a cell). */
  fieldId: string;
  /** Path inside `values`: `[field]`, `[table, row, column]`, `[matrix, criterion]`. */
  path: PathSegment[];
  /** The field's label (with the row and column for a table cell), for the user. */
  label: string;
  labelEn: string;
  message: string;
  messageEn: string;
  /** `required` (empty) or another code (a value that is there but wrong). */
  code: string;
}

export interface Completeness {
  /** True when nothing is missing and nothing is wrong. */
  ok: boolean;
  /** Required fields (and cells, criteria, minimum rows) that are empty. */
  missing: FieldProblem[];
  /** Values that are there but wrong (a bad ID number, an unknown option). */
  invalid: FieldProblem[];
  /** Problems not at a field (unknown pack or form, a newer form version). */
  other: Array<{ message: string; messageEn: string }>;
}

const MISSING_CODES = new Set(['required', 'too-few']);

function labelOf(form: FormDefinition | undefined, path: PathSegment[]): { label: string; labelEn: string } {
  const [fid, row, col] = path;
  const field = form?.sections.flatMap((s) => s.fields).find((f) => f.id === fid);
  if (!field || field.type === 'static') return { label: String(fid), labelEn: String(fid) };
  const label = field.label ?? String(fid);
  const labelEn = field.labelEn ?? label;
  if (field.type === 'table' && typeof row === 'number') {
    const c = field.columns.find((x) => x.id === col);
    return { label: `${label} 第 ${row + 1} 行${c ? `「${c.label}」` : ''}`, labelEn: `${labelEn}, row ${row + 1}${c ? `, ${c.labelEn ?? c.label}` : ''}` };
  }
  if (field.type === 'ratingMatrix' && typeof row === 'string') {
    const c = field.criteria.find((x) => x.id === row);
    return { label: `${label}「${c?.label ?? row}」`, labelEn: `${labelEn}: ${c?.labelEn ?? c?.label ?? row}` };
  }
  return { label, labelEn };
}

/**
 * What keeps `record` from being complete under its form in `packs`. The record's own status
 * does not matter: it is checked as if it were marked 完成.
 */
export function missingRequired(record: LvzhiRecord, packs: readonly PackDefinition[], options: { now?: Date } = {}): Completeness {
  const form = packs.find((p) => p.id === record.pack)?.forms?.find((f) => f.id === record.form);
  // The workflow state is attached when the record is completed; it is no field to fill in.
  const { workflow: _w, ...rest } = record;
  const { issues } = validateRecord({ ...rest, status: 'complete' }, packs, options);
  const out: Completeness = { ok: true, missing: [], invalid: [], other: [] };
  for (const i of issues) {
    if (i.path[0] === 'workflow') continue;
    if (i.path[0] !== 'values' || i.path.length < 2) { out.other.push({ message: i.message, messageEn: i.messageEn }); continue; }
    const path = i.path.slice(1);
    const p: FieldProblem = { fieldId: String(path[0]), path, ...labelOf(form, path), message: i.message, messageEn: i.messageEn, code: i.code };
    (MISSING_CODES.has(i.code) ? out.missing : out.invalid).push(p);
  }
  out.ok = out.missing.length === 0 && out.invalid.length === 0 && out.other.length === 0;
  return out;
}

/** `缺少必填项：姓名、手机号码` — one line for a refusal. */
export function describeCompleteness(c: Completeness, lang: 'zh' | 'en' = 'zh'): string {
  const parts: string[] = [];
  if (c.missing.length) parts.push(lang === 'en' ? `required fields missing: ${c.missing.map((m) => m.labelEn).join(', ')}` : `缺少必填项：${c.missing.map((m) => m.label).join('、')}`);
  if (c.invalid.length) parts.push(lang === 'en' ? `fields to correct: ${c.invalid.map((m) => m.labelEn).join(', ')}` : `需要改正：${c.invalid.map((m) => m.label).join('、')}`);
  for (const o of c.other) parts.push(lang === 'en' ? o.messageEn : o.message);
  return parts.join(lang === 'en' ? '; ' : '；');
}
