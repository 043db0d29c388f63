/**
 * Records and statistics as plain tables (a header row and rows of cells), the common ground
 * of the .xlsx writer (exceljs, Node side) and the .csv reader/writer (papaparse). ID numbers
 * and phone numbers are masked (320583********4714, 139****5678) unless `full` is asked for.
 */
import { maskSensitive } from '../identity.ts';
import type { ColumnFieldDefinition, FieldDefinition, FormDefinition, PackDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { walkFields } from '../validate-pack.ts';
import type { WorkStats } from '../stats/compute.ts';
import { formatRate, meetingName, summarySentences } from '../stats/sentences.ts';

export type Cell = string | number | boolean | null;

export interface SheetTable {
  /** Sheet name (≤ 31 characters in Excel). */
  name: string;
  header: string[];
  rows: Cell[][];
  /** Pictures placed in cells (a roster's 照片 column), by data row and column. */
  images?: SheetImage[];
}

/** A picture whose top-left corner sits in a data cell of the sheet. */
export interface SheetImage {
  /** Index into `rows` (0: the first row under the header). */
  row: number;
  /** Column index (0-based). */
  col: number;
  /** MIME type: image/png, image/jpeg, image/gif. */
  type: string;
  /** Bytes. */
  size: number;
  /** The picture as a data URL. */
  data: string;
}

export interface ExportOptions {
  /** Write ID and phone numbers in full (the user asked for it). Default: masked. */
  full?: boolean;
  /** Dictionary keys marked sensitive (their fields are masked too). */
  sensitiveKeys?: ReadonlySet<string>;
}

/** Dictionary keys marked `sensitive` in the packs. */
export function sensitiveKeysOf(packs: readonly PackDefinition[]): Set<string> {
  const out = new Set<string>();
  for (const p of packs) for (const d of p.dictionary ?? []) if (d.sensitive) out.add(d.key);
  return out;
}

type AnyField = FieldDefinition | ColumnFieldDefinition;

function isSensitive(field: AnyField, options: ExportOptions): boolean {
  if (field.type === 'idcard' || field.type === 'phone') return true;
  const bind = 'bind' in field ? field.bind : undefined;
  return !!bind && !!options.sensitiveKeys?.has(bind);
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.map((p) => (p && typeof p === 'object' && 'name' in p ? String((p as { name: unknown }).name) : String(p))) : []);

/** One value as a cell: names for people, 、-joined choices, dates as written; tables as JSON text. */
export function cellOf(field: AnyField, value: unknown, options: ExportOptions = {}): Cell {
  if (value === undefined || value === null || value === '') return null;
  const mask = !options.full && isSensitive(field, options);
  switch (field.type) {
    case 'person': return value && typeof value === 'object' && 'name' in value ? String((value as { name: unknown }).name) : String(value);
    case 'people': return names(value).join('、');
    case 'multiselect': case 'checkboxes': return Array.isArray(value) ? value.map(String).join('、') : String(value);
    case 'checkbox': return value === true ? '是' : value === false ? '否' : String(value);
    case 'number': case 'score': return typeof value === 'number' ? value : String(value);
    case 'signature': return value && typeof value === 'object' && 'signer' in value ? `已签名：${String((value as { signer: unknown }).signer)}` : '已签名';
    case 'attachment': case 'photo': return Array.isArray(value) ? value.map((a) => String((a as { name?: unknown }).name ?? '')).join('、') : String((value as { name?: unknown }).name ?? '');
    case 'table': {
      if (!Array.isArray(value)) return JSON.stringify(value);
      const cols = field.columns;
      const rows = value.map((row) => {
        const out: Record<string, Cell> = {};
        for (const c of cols) {
          const v = (row as Record<string, unknown>)?.[c.id];
          if (v !== undefined) out[c.label] = cellOf(c, v, options);
        }
        return out;
      });
      return JSON.stringify(rows);
    }
    case 'ratingMatrix': return JSON.stringify(value);
    default: {
      const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
      return mask ? maskSensitive(text) : text;
    }
  }
}

/** The exportable top-level fields of a form (no static text, no computed values). */
export function exportFields(form: FormDefinition): FieldDefinition[] {
  const out: FieldDefinition[] = [];
  for (const { field, table } of walkFields(form)) {
    if (table) continue;
    if (field.type === 'static' || field.type === 'computed') continue;
    out.push(field as FieldDefinition);
  }
  return out;
}

/** Records of one form as a table: 记录编号, 状态, 流程状态, then one column per field (by its Chinese label). */
export function recordsTable(form: FormDefinition, records: readonly LvzhiRecord[], options: ExportOptions = {}, stateLabel?: (state: string) => string): SheetTable {
  const fields = exportFields(form);
  const header = ['记录编号', '状态', '流程状态', ...fields.map((f) => f.label ?? f.id)];
  const rows = records.filter((r) => r.form === form.id && !r.deletedAt).map((r) => [
    r.id, r.status === 'complete' ? '完成' : '草稿', r.workflow ? (stateLabel?.(r.workflow.state) ?? r.workflow.state) : null,
    ...fields.map((f) => cellOf(f, r.values[f.id], options)),
  ]);
  return { name: form.title.slice(0, 31), header, rows };
}

const pct = (r: number | null): Cell => (r === null ? null : formatRate(r));

/** The statistics as tables: 概况 (figure, value), 评议结果 (per unit), 工作总结 (sentences). */
export function statsTables(stats: WorkStats): SheetTable[] {
  const g = stats.suggestions;
  const rows: Cell[][] = [
    ['统计期间', stats.period.label], ['起始日期', stats.period.from], ['截止日期', stats.period.to], ['超期判断时点', stats.asOf],
    ['会议总数（次）', stats.meetings.total],
    ...Object.entries(stats.meetings.byType).map(([t, n]): Cell[] => [`会议：${meetingName(stats, t)}（次）`, n]),
    ['代表培训（次）', stats.trainings.sessions], ['参加培训（人次）', stats.trainings.participants],
    ['视察和执法检查（次）', stats.inspections.total], ['参加视察代表（人次）', stats.inspections.deputyParticipants], ['视察意见超期未办结（件）', stats.inspections.overdue],
    ['代表建议收到（件）', g.received], ['代表建议交办（件）', g.assigned], ['代表建议答复（件）', g.replied], ['办复率', pct(g.replyRate)],
    ['已测评（件）', g.rated], ['满意（件）', g.satisfied], ['基本满意（件）', g.basicallySatisfied], ['不满意（件）', g.dissatisfied],
    ['满意率（满意+基本满意）', pct(g.satisfactionRate)], ['满意率（仅满意）', pct(g.fullySatisfiedRate)], ['超期未办结（件）', g.overdue], ['议案（件）', g.motions],
    ['群众来信（件）', stats.letters.letters], ['群众来访（批次）', stats.letters.visits], ['群众来访（人次）', stats.letters.visitors], ['信访超期未办结（件）', stats.letters.overdue],
    ['代表统一活动（次）', stats.activities.total], ['参加活动代表（人次）', stats.activities.participants],
    ['人民满意单位（个）', stats.appraisals.satisfiedUnits], ['督促整改意见（条）', stats.appraisals.rectificationItems], ['测评满意率', pct(stats.appraisals.satisfactionRate)],
  ];
  const units: SheetTable = {
    name: '评议结果',
    header: ['名次', '单位', '测评票数', '满意', '基本满意', '不满意', '满意率', '平均分'],
    rows: stats.appraisals.units.map((u) => [u.rank, u.unit, u.sheets, u.satisfied, u.basicallySatisfied, u.dissatisfied, pct(u.satisfactionRate), u.averageScore === null ? null : Math.round(u.averageScore * 10) / 10]),
  };
  const sentences: SheetTable = { name: '工作总结', header: ['项目', '表述'], rows: summarySentences(stats).map((s) => [s.key, s.text]) };
  return [{ name: '概况', header: ['指标', '数值'], rows }, units, sentences];
}
