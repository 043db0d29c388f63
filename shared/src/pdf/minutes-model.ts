/**
 * The minutes (会议纪要) and sign-in sheet (签到表) of a meeting record as a list of blocks,
 * driven by the pack's document template: which parts appear, in which order, from which
 * fields. The same blocks feed the PDF layout and the .docx. No pdf-lib, no Node: plain data.
 */
import {
  evaluate,
  missingRequired,
  type FieldProblem,
  formatChineseDate,
  isEmptyValue,
  optionResolver,
  type PackDefinition,
  type ColumnFieldDefinition,
  type DocumentTemplate,
  type FieldDefinition,
  type FormDefinition,
  type LvzhiRecord,
} from '../core/index.ts';

export interface ImageData {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
}

export interface TableColumn {
  title: string;
  align: 'left' | 'center';
  /** Relative share when the table is wider than the page (long text columns get more). */
  long?: boolean;
}

export interface TableCell {
  text: string;
  image?: ImageData;
}

export interface Signer {
  role: string;
  name: string;
  image?: ImageData;
  /** Which signature this is in the template: chair (主持人) or recorder (记录人). */
  slot: 'chair' | 'recorder';
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'issue'; text: string }
  | { kind: 'rule' }
  | { kind: 'heading'; text: string }
  | { kind: 'labelled'; label: string; text: string; indent: number; names?: boolean }
  | { kind: 'paragraph'; text: string; where: string }
  | { kind: 'table'; where: string; columns: TableColumn[]; rows: TableCell[][] }
  | { kind: 'signatures'; signers: Signer[] }
  | { kind: 'distribution'; label: string; text: string }
  | { kind: 'date'; text: string };

export interface MinutesDocument {
  kind: DocumentTemplate['kind'];
  /** The document's title (the PDF's /Title). */
  title: string;
  blocks: Block[];
  /** Made from a draft record: every page carries 草稿 and there is no 期号. */
  draft?: boolean;
}

export class MinutesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinutesError';
  }
}

// ---------------------------------------------------------------- text hygiene

/**
 * Characters that have no place on a printed page and that fonts do not draw: zero-width space
 * and joiners, word joiner, BOM, left-to-right/right-to-left marks and embeddings, the soft hyphen
 * (a hint for hyphenation, never printed mid-line in Chinese text).
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/** C0/C1 control characters other than TAB and LF (CR is handled first). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text as the page prints it: CR and CRLF become a line break, TAB a space, other control
 * characters and invisible ones are removed. Pasted text from Word or a web page carries all of
 * these; a font has no glyph for them (tofu boxes or a refused document).
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(INVISIBLE, '');
}

/** Every string in a record's values cleaned (images as data URLs are left alone: they hold none of these). */
export function cleanValues<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanValues) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanValues(v);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------- formatting values

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99), as 一、二、三、 numbering uses. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** `2024-04-08T09:00` → `2024年4月8日上午9:00`. */
export function formatChineseDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const date = formatChineseDate(m[1]!);
  if (m[2] === undefined) return date;
  return `${date}${clock(Number(m[2]), m[3]!)}`;
}

function clock(h: number, min: string): string {
  const part = h < 12 ? '上午' : h < 18 ? '下午' : '晚上';
  const h12 = h > 12 ? h - 12 : h;
  return `${part}${h12}:${min}`;
}

/** Start and end of a meeting: `2024年4月8日上午9:00—11:30` (the end's date only when it differs). */
export function formatTimeSpan(start: string, end: unknown): string {
  const s = formatChineseDateTime(start);
  if (typeof end !== 'string' || !end) return s;
  const e = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(end);
  if (!e) return s;
  if (end.slice(0, 10) === start.slice(0, 10)) {
    const h = Number(e[2]);
    const sh = Number(start.slice(11, 13));
    const samePart = (h < 12) === (sh < 12) && (h < 18) === (sh < 18);
    return `${s}—${samePart ? `${h > 12 ? h - 12 : h}:${e[3]}` : clock(h, e[3]!)}`;
  }
  return `${s}—${formatChineseDateTime(end)}`;
}

function personName(v: unknown): string {
  if (v && typeof v === 'object' && 'name' in v && typeof (v as { name: unknown }).name === 'string') return (v as { name: string }).name;
  return typeof v === 'string' ? v : '';
}

/** data:image/png;base64,… → bytes; undefined when it is not a PNG/JPEG data URL. */
export function imageFromDataUrl(url: unknown): ImageData | undefined {
  if (typeof url !== 'string') return undefined;
  const m = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/.exec(url);
  if (!m) return undefined;
  const bin = atob(m[2]!.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes, type: m[1] === 'png' ? 'png' : 'jpg' };
}

function numberText(v: number, field: { precision?: number } | undefined): string {
  const p = field && 'precision' in field && typeof field.precision === 'number' ? field.precision : undefined;
  return p !== undefined ? v.toFixed(p) : String(v);
}

type AnyField = FieldDefinition | ColumnFieldDefinition;

/** A value as the minutes print it. */
export function valueText(field: AnyField, value: unknown): string {
  if (isEmptyValue(value)) return '';
  switch (field.type) {
    case 'person':
      return personName(value);
    case 'people':
      return Array.isArray(value) ? value.map(personName).filter(Boolean).join('、') : '';
    case 'date':
      return typeof value === 'string' ? formatChineseDate(value) : '';
    case 'datetime':
      return typeof value === 'string' ? formatChineseDateTime(value) : '';
    case 'checkbox':
      return value === true ? '是' : '否';
    case 'multiselect':
    case 'checkboxes':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'signature':
      return personName((value as { signer?: unknown }).signer ?? '');
    case 'number':
    case 'score':
    case 'computed':
      return typeof value === 'number' ? numberText(value, field as { precision?: number }) : String(value);
    case 'attachment':
    case 'photo':
      return Array.isArray(value) ? value.map((a) => (a as { name?: string }).name ?? '').join('、') : '';
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
}

// ---------------------------------------------------------------- building

export interface BuildOptions {
  record: LvzhiRecord;
  form: FormDefinition;
  template: DocumentTemplate;
  /** The issue number (第X期); omitted (and always for a draft): the issueNumber part is left out. */
  issueNumber?: number;
  /**
   * 印发日期 (the `date` part): 'record' (default) the template field's value, else the meeting's
   * date; 'meeting' the meeting's date; or a chosen date `YYYY-MM-DD`.
   */
  issuedDate?: 'record' | 'meeting' | string;
  /** Clock for `$today` in computed columns. */
  now?: Date;
}

function allFields(form: FormDefinition): Map<string, FieldDefinition> {
  const m = new Map<string, FieldDefinition>();
  for (const s of form.sections) for (const f of s.fields) m.set(f.id, f);
  return m;
}

/** The rows of a table field with computed columns filled in (the form's expressions via the core's `evaluate`). */
export function tableRows(field: FieldDefinition, values: Record<string, unknown>, now?: Date): Record<string, unknown>[] {
  const rows = values[field.id];
  if (!Array.isArray(rows) || field.type !== 'table') return [];
  return rows.map((row: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...row };
    for (const col of field.columns) {
      if (col.type !== 'computed') continue;
      try {
        out[col.id] = evaluate(col.expr, { ...values, row: out }, now ? { now } : {});
      } catch {
        out[col.id] = '';
      }
    }
    return out;
  });
}

function tableBlock(field: FieldDefinition, values: Record<string, unknown>, now: Date | undefined, where: string): Block | undefined {
  if (field.type !== 'table') return undefined;
  const rows = tableRows(field, values, now);
  if (rows.length === 0) return undefined;
  const cols = field.columns;
  return {
    kind: 'table',
    where,
    columns: cols.map((c) => ({
      title: c.label,
      align: c.type === 'number' || c.type === 'computed' || c.type === 'score' || c.type === 'radio' || c.type === 'select' || c.type === 'date' || c.type === 'signature' ? 'center' : 'left',
      ...(c.type === 'textarea' ? { long: true } : {}),
    })),
    rows: rows.map((row) =>
      cols.map((c): TableCell => {
        if (c.type === 'signature') {
          const image = imageFromDataUrl((row[c.id] as { image?: unknown } | undefined)?.image);
          return image ? { text: '', image } : { text: '' };
        }
        return { text: valueText(c, row[c.id]) };
      }),
    ),
  };
}

function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
}

/** Builds the blocks of a minutes or sign-in template for a record. */
export function buildMinutesDocument(options: BuildOptions): MinutesDocument {
  const { record, form, template, now } = options;
  if (template.form !== form.id) throw new MinutesError(`模板 ${template.id} 属于表单 ${template.form}，不是 ${form.id} / template ${template.id} is for form ${template.form}`);
  if (record.form !== form.id) throw new MinutesError(`记录属于表单 ${record.form}，不是 ${form.id} / the record is of form ${record.form}`);
  // Text hygiene first: what a font cannot draw never reaches the layout.
  const values = cleanValues(record.values);
  const draft = record.status === 'draft';
  const fields = allFields(form);
  const field = (id: string | undefined): FieldDefinition | undefined => (id ? fields.get(id) : undefined);
  const blocks: Block[] = [];
  let title = template.docTitle ?? template.title;
  let pendingSubtitle: string | undefined;
  const flushSubtitle = () => {
    if (pendingSubtitle) blocks.push({ kind: 'subtitle', text: pendingSubtitle });
    pendingSubtitle = undefined;
  };
  const heading = (text: string | undefined) => {
    if (text) blocks.push({ kind: 'heading', text });
  };

  for (const part of template.parts) {
    if (part.part !== 'issueNumber') flushSubtitle();
    const where = (f: FieldDefinition) => part.heading ?? f.label ?? '';
    /** A free-text field as paragraphs under the part's heading; `number` rewrites each paragraph. */
    const textParagraphs = (f: FieldDefinition, number: (p: string, i: number) => string = (p) => p) => {
      const text = valueText(f, values[f.id]);
      if (!text) return;
      heading(part.heading);
      paragraphs(text).forEach((p, i) => blocks.push({ kind: 'paragraph', where: where(f), text: number(p, i) }));
    };
    /**
     * A table as numbered paragraphs: the first column is the item, the others follow in
     * brackets (`1．议题（汇报人：王建国）`, `一、决定（责任单位：…）`).
     */
    const numberedRows = (f: Extract<FieldDefinition, { type: 'table' }>, number: (i: number) => string, extraText: (c: ColumnFieldDefinition, t: string) => string, clean: (t: string) => string = (t) => t) => {
      const rows = tableRows(f, values, now);
      if (!rows.length) return;
      heading(part.heading);
      const [main, ...rest] = f.columns;
      rows.forEach((row, i) => {
        const content = main ? clean(valueText(main, row[main.id])) : '';
        const extra = rest.map((c) => [c, valueText(c, row[c.id])] as const).filter(([, t]) => t).map(([c, t]) => extraText(c, t));
        blocks.push({ kind: 'paragraph', where: where(f), text: `${number(i)}${content}${extra.length ? `（${extra.join('；')}）` : ''}` });
      });
    };
    switch (part.part) {
      case 'title': {
        const f = field(part.field);
        const meeting = f ? valueText(f, values[f.id]) : '';
        const main = template.docTitle ?? (meeting || template.title);
        title = main;
        blocks.push({ kind: 'title', text: main });
        if (template.docTitle && meeting) pendingSubtitle = meeting;
        break;
      }
      case 'issueNumber': {
        if (options.issueNumber !== undefined && !draft) blocks.push({ kind: 'issue', text: `第${options.issueNumber}期` });
        blocks.push({ kind: 'rule' });
        break;
      }
      case 'basics': {
        heading(part.heading);
        const time = field(part.time);
        const timeValue = time ? values[time.id] : undefined;
        if (time && typeof timeValue === 'string') {
          const end = values['endTime'];
          blocks.push({ kind: 'labelled', label: '时间', text: time.type === 'datetime' ? formatTimeSpan(timeValue, end) : valueText(time, timeValue), indent: 2 });
        }
        for (const [label, id] of [['地点', part.place], ['主持人', part.chair], ['记录人', part.recorder]] as const) {
          const f = field(id);
          const text = f ? valueText(f, values[f.id]) : '';
          if (text) blocks.push({ kind: 'labelled', label, text, indent: 2 });
        }
        break;
      }
      case 'attendance': {
        heading(part.heading);
        const present = field(part.present);
        const presentText = present ? valueText(present, values[present.id]) : '';
        if (presentText) blocks.push({ kind: 'labelled', label: '出席', text: presentText, indent: 2, names: true });
        const absent = field(part.absent);
        if (absent?.type === 'table') {
          const byKind = new Map<string, string[]>();
          for (const row of tableRows(absent, values, now)) {
            const name = personName(row['person']);
            if (!name) continue;
            const kind = typeof row['kind'] === 'string' && row['kind'] ? row['kind'] : '缺席';
            const reason = typeof row['reason'] === 'string' && row['reason'].trim() ? `（${row['reason'].trim()}）` : '';
            byKind.set(kind, [...(byKind.get(kind) ?? []), `${name}${reason}`]);
          }
          const order = ['请假', '缺席', ...[...byKind.keys()].filter((k) => k !== '请假' && k !== '缺席')];
          for (const kind of order) {
            const names = byKind.get(kind);
            if (names?.length) blocks.push({ kind: 'labelled', label: kind, text: names.join('、'), indent: 2, names: true });
          }
        }
        const attending = field(part.attending);
        const attendingText = attending ? valueText(attending, values[attending.id]) : '';
        if (attendingText) blocks.push({ kind: 'labelled', label: '列席', text: attendingText, indent: 2, names: true });
        break;
      }
      case 'agenda': {
        const f = field(part.field);
        if (!f) break;
        if (f.type === 'table') numberedRows(f, (i) => `${i + 1}．`, (c, t) => (c.type === 'person' ? `${c.label}：${t}` : t));
        else textParagraphs(f);
        break;
      }
      case 'discussion':
      case 'text': {
        const f = field(part.field);
        if (!f) break;
        if (f.type === 'table') {
          const t = tableBlock(f, values, now, part.heading ?? f.label ?? '');
          if (!t) break;
          heading(part.heading ?? f.label ?? '');
          blocks.push(t);
        } else textParagraphs(f);
        break;
      }
      case 'decisions': {
        const f = field(part.field);
        if (!f) break;
        if (f.type === 'table') numberedRows(f, (i) => `${chineseNumber(i + 1)}、`, (c, t) => `${c.label}：${t}`, (t) => t.replace(/\s*\n\s*/g, ''));
        else textParagraphs(f, (p, i) => (/^[一二三四五六七八九十]+、/.test(p) ? p : `${chineseNumber(i + 1)}、${p}`));
        break;
      }
      case 'votes':
      case 'signin': {
        const f = field(part.field);
        if (!f) break;
        const t = tableBlock(f, values, now, part.heading ?? f.label ?? '');
        if (!t) break;
        heading(part.heading);
        blocks.push(t);
        break;
      }
      case 'signatures': {
        const signers: Signer[] = [];
        for (const [slot, id, fallback] of [['chair', part.chair, '主持人'], ['recorder', part.recorder, '记录人']] as const) {
          const f = field(id);
          if (!f || f.type !== 'signature') continue;
          const v = values[f.id] as { image?: unknown; signer?: unknown } | undefined;
          const person = f.signerField ? personName(values[f.signerField]) : '';
          const name = (typeof v?.signer === 'string' && v.signer) || person;
          const image = imageFromDataUrl(v?.image);
          signers.push({ slot, role: f.signerRole ?? fallback, name, ...(image ? { image } : {}) });
        }
        if (signers.length) blocks.push({ kind: 'signatures', signers });
        break;
      }
      case 'distribution': {
        const f = field(part.field);
        const text = f ? valueText(f, values[f.id]) : '';
        if (text) blocks.push({ kind: 'distribution', label: part.heading ?? f?.label ?? '发送', text });
        break;
      }
      case 'date': {
        const f = field(part.field);
        const chosen = options.issuedDate ?? 'record';
        const meetingDate = issueKey(record, form).date.slice(0, 10);
        const recorded = f && chosen === 'record' ? valueText(f, values[f.id]) : '';
        const text = recorded || formatChineseDate(chosen === 'record' || chosen === 'meeting' ? meetingDate : chosen);
        if (text) blocks.push({ kind: 'date', text });
        break;
      }
    }
  }
  flushSubtitle();
  return { kind: template.kind, title: draft ? `${title}（草稿）` : title, blocks, ...(draft ? { draft: true } : {}) };
}

/** Every piece of text in the document with where it is, for the font check. */
export function documentTexts(doc: MinutesDocument): Array<[where: string, text: string, bold: boolean, role?: 'title' | 'heading']> {
  const out: Array<[string, string, boolean, ('title' | 'heading')?]> = [];
  if (doc.draft) out.push(['草稿', '草稿', true, 'title']);
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        out.push(['标题', b.text, true, 'title']);
        break;
      case 'subtitle':
        out.push(['标题', b.text, true]);
        break;
      case 'issue':
        out.push(['期号', b.text, false]);
        break;
      case 'heading':
        out.push([b.text, b.text, true, 'heading']);
        break;
      case 'labelled':
      case 'distribution':
        out.push([b.label, `${b.label}：`, true], [b.label, b.text, false]);
        break;
      case 'paragraph':
        out.push([b.where, b.text, false]);
        break;
      case 'table':
        for (const c of b.columns) out.push([b.where, c.title, true]);
        for (const r of b.rows) for (const c of r) out.push([b.where, c.text, false]);
        break;
      case 'signatures':
        for (const s of b.signers) out.push([s.role, `${s.role}：`, true], [s.role, s.name, false]);
        break;
      case 'date':
        out.push(['日期', b.text, false]);
        break;
      case 'rule':
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- one path for the panel and the CLI

/** A field the minutes cannot be made without, or another problem of the record. */
export interface MinutesProblem {
  field: string;
  label: string;
  message: string;
}

/**
 * What keeps a record from final minutes: the one completeness check (`missingRequired`, the
 * same that 完成 in the panel and the fill use), by field label. Empty for a record that can be
 * issued. `form` is the form the minutes are made from: it stands in for the pack's copy so a
 * caller's form (a newer one in the panel) is checked as it is rendered.
 */
export function minutesProblems(record: LvzhiRecord, form: FormDefinition, packs: readonly PackDefinition[]): MinutesProblem[] {
  const withForm = packs.map((p) => (p.id === record.pack ? { ...p, forms: [...(p.forms ?? []).filter((f) => f.id !== form.id), form] } : p));
  const c = missingRequired(record, withForm);
  const at = (p: FieldProblem, missing: boolean): MinutesProblem => ({
    field: p.fieldId,
    label: p.label,
    // A whole field that is empty reads 缺少“会议时间”; a cell or a wrong value names itself and the problem.
    message: missing && p.path.length === 1 && p.code === 'required' ? `缺少“${p.label}”` : `“${p.label}”：${p.message}`,
  });
  return [
    ...c.missing.map((p) => at(p, true)),
    ...c.invalid.map((p) => at(p, false)),
    ...c.other.map((o) => ({ field: '', label: o.message, message: o.message })),
  ];
}

/** One message for the problems: 会议记录不完整，不能生成会议纪要：缺少“会议时间”、缺少“主持人”. */
export function minutesProblemsMessage(problems: readonly MinutesProblem[]): string {
  const fields = [...new Set(problems.map((p) => p.label))];
  return `会议记录不完整，不能生成会议纪要：${problems.map((p) => p.message).join('；')}。请补全后再生成（草稿可生成带“草稿”标记的纪要）。 / the meeting record is incomplete: ${fields.join(', ')}`;
}

export class IncompleteRecordError extends MinutesError {
  constructor(readonly problems: MinutesProblem[]) {
    super(minutesProblemsMessage(problems));
    this.name = 'IncompleteRecordError';
  }
}

export interface MinutesRequest {
  record: LvzhiRecord;
  form: FormDefinition;
  template: DocumentTemplate;
  /** The packs (for the options of choice fields in the completeness check). */
  packs: readonly PackDefinition[];
  /** The register of issued minutes: every other record that counts toward 第X期 (drafts are ignored). */
  register?: readonly LvzhiRecord[];
  /** 第X期 chosen by hand (instead of the register). */
  issueNumber?: number;
  issuedDate?: BuildOptions['issuedDate'];
  now?: Date;
}

/**
 * The one way to make minutes (the panel and the CLI both call it): a complete record must
 * have every required field (else `IncompleteRecordError` lists them); a draft gives draft
 * minutes without 期号; 第X期 comes from the register of issued minutes (complete records of the
 * same meeting type and year, by meeting date) unless chosen.
 */
export function minutesBuildOptions(request: MinutesRequest): BuildOptions {
  const { record, form, template } = request;
  const draft = record.status === 'draft';
  if (!draft) {
    const problems = minutesProblems(record, form, request.packs);
    if (problems.length) throw new IncompleteRecordError(problems);
  }
  let issue = request.issueNumber;
  if (!draft && issue === undefined && template.parts.some((p) => p.part === 'issueNumber')) {
    const keys = (request.register ?? []).filter((r) => r.status === 'complete' && !r.deletedAt && r.form === form.id).map((r) => issueKey(r, form));
    issue = issueNumber(issueKey(record, form), keys);
  }
  return {
    record,
    form,
    template,
    ...(issue !== undefined && !draft ? { issueNumber: issue } : {}),
    ...(request.issuedDate ? { issuedDate: request.issuedDate } : {}),
    ...(request.now ? { now: request.now } : {}),
  };
}

// ---------------------------------------------------------------- issue numbers

export interface IssueKey {
  id: string;
  /** The meeting type (form.meetingType, else the form id). */
  type: string;
  /** The meeting's date or datetime (event date field, else the document date, else createdAt). */
  date: string;
}

/** What a record counts under for 第X期: its meeting type and date. */
export function issueKey(record: LvzhiRecord, form: FormDefinition): IssueKey {
  const v = record.values;
  const candidates = [form.eventDateField ? v[form.eventDateField] : undefined, v['startTime'], v['documentDate'], record.createdAt];
  const date = candidates.find((c): c is string => typeof c === 'string' && /^\d{4}-\d{2}-\d{2}/.test(c)) ?? record.createdAt;
  return { id: record.id, type: form.meetingType ?? form.id, date };
}

/**
 * 第X期: the position of the record among the meetings of the same type in the same year,
 * by meeting date (then id). `all` may or may not include the record itself.
 */
export function issueNumber(target: IssueKey, all: readonly IssueKey[]): number {
  const year = target.date.slice(0, 4);
  const same = all.filter((k) => k.type === target.type && k.date.slice(0, 4) === year && k.id !== target.id);
  same.push(target);
  same.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return same.findIndex((k) => k.id === target.id) + 1;
}
