/**
 * Fields proposed for a record from pasted text. Nothing is applied here: the panel shows every
 * proposal (field, value, the text it came from, what it would replace) and the user ticks the
 * ones to take. A proposal for a field that already holds a value starts unticked, so what the
 * user typed is never overwritten without being asked.
 *
 * Facts go to fields in this order: a labelled paragraph for a multi-line field (a textarea:
 * `视察意见：` and the lines after it, up to the next line whose label names a field of the form —
 * the clerk's notes in a document); a `标签：值` line whose label is a field's label, English
 * label or dictionary synonym (a table takes the listed items as rows of its first text column);
 * then the form's roles — its event date (the first date-time or
 * date; when the event field holds the day only, the date-time also goes to its start-time field), its title field (关于…的通知), a place field (地点：…), a people field (names on the
 * roster, in the order they appear), a head-count field (共12人), phone and ID-number fields,
 * and an agenda table (议题/议程) whose rows are the numbered items under a 会议议题： line, each
 * with its presenter when the item names one (（汇报人：张三）, 由张三汇报).
 */
import { isEmptyValue } from '../expression.ts';
import { normalizeLabel } from '../labels.ts';
import type { FieldDefinition, FormDefinition, PackDefinition } from '../pack-schema.ts';
import { convertCell, exportFields } from '../spreadsheet/index.ts';
import type { RosterEntry } from '../form/roster.ts';
import { checkFieldValue, type RecordContext } from '../validate-record.ts';
import { extractFacts, MAX_TEXT, type TextFact } from './text.ts';

export interface Proposal {
  fieldId: string;
  label: string;
  labelEn: string;
  value: unknown;
  /** The value as the user reads it. */
  display: string;
  /** The text it was read from. */
  source: string;
  /** The field's current value, when it has one (then the proposal starts unticked). */
  current?: unknown;
  /** Ticked at first: the field is empty. */
  preselect: boolean;
}

export interface ProposeOptions {
  packs: readonly PackDefinition[];
  ctx: RecordContext;
  /** Roster entries person and people fields pick from (by roster id). */
  rosters?: Readonly<Record<string, readonly RosterEntry[]>>;
  /** The record's current values. */
  values?: Record<string, unknown>;
  now?: Date;
}

/** How a label is compared: normalized, and without the usual prefixes (会议/视察…). */
const key = (s: string) => normalizeLabel(s).replace(/^(会议|活动|视察|检查)(?=..)/u, '');

/** Labels of common notice lines that name a field's role rather than its label. */
const ROLE_WORDS: Array<[RegExp, (f: FieldDefinition, form: FormDefinition) => boolean]> = [
  [/^(时间|日期|会议时间|活动时间|视察时间|召开时间)$/u, (f, form) => f.id === form.eventDateField],
  [/^(主持|主持人)$/u, (f) => f.type === 'person' && /主持/.test(f.label ?? '')],
  [/^(记录|记录人)$/u, (f) => f.type === 'person' && /记录/.test(f.label ?? '')],
  [/^(参加人员|参会人员|出席人员|参加对象|参会对象|出席对象|参加代表)$/u, (f) => f.type === 'people' && f.required === true],
  [/^(列席|列席人员|列席对象)$/u, (f) => f.type === 'people' && /列席/.test(f.label ?? '')],
  [/^(会议名称|活动名称|名称|主题|标题|事由)$/u, (f, form) => f.id === form.titleField],
  [/^(内容|议题|会议内容|主要内容)$/u, (f) => f.type === 'textarea' && /内容|情况/.test(f.label ?? '')],
];

function labelIndex(form: FormDefinition, packs: readonly PackDefinition[]): (label: string) => FieldDefinition | undefined {
  const synonyms = new Map<string, string[]>();
  for (const p of packs) for (const d of p.dictionary ?? []) synonyms.set(d.key, [d.label, ...(d.synonyms ?? [])]);
  const fields = exportFields(form);
  const by = new Map<string, FieldDefinition>();
  for (const f of fields) {
    for (const n of [f.label ?? '', f.labelEn ?? '', ...('bind' in f && f.bind ? synonyms.get(f.bind) ?? [] : [])]) {
      if (n && !by.has(key(n))) by.set(key(n), f);
    }
  }
  return (label) => {
    const k = key(label);
    const direct = by.get(k);
    if (direct) return direct;
    for (const [re, test] of ROLE_WORDS) if (re.test(normalizeLabel(label))) return fields.find((f) => test(f, form));
    return undefined;
  };
}

const BLOCK_LABEL = /^[ \t　]*[（(]?[一二三四五六七八九十\d]{0,2}[)）、.．]?[ \t　]*([\u4e00-\u9fa5A-Za-z（）()]{2,12})[ \t　]*[：:][ \t　]*(.{0,2000})$/u;
/** A signature block's date line (落款), which ends a notice and is no part of its last paragraph. */
const CLOSING_DATE = /^[ \t　]*(?:\d{4}|[〇零Ｏ一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[ \t　]*$/u;
const MAX_BLOCK_LINES = 200;
/** A notice's closing words, which end its last paragraph. */
const CLOSING_WORDS = /^[ \t　]*(?:特此(?:通知|函告|报告)|此致|请(?:各位代表|与会人员|参加人员)?(?:准时|按时)(?:参加|出席))/u;

/**
 * The labelled paragraphs of the text for multi-line fields: a line `标签：` (with or without text
 * after the colon) whose label names a textarea of the form, and the lines after it up to the next
 * line whose label names any field of the form (or the agenda's head), or the end. Lines that only
 * look like labels (`二、加强检验：…` inside the paragraph) but name no field stay in the paragraph.
 * Blank lines are dropped (a Word paste puts one between paragraphs); a notice's closing words
 * (请准时参加、特此通知) and signature (an organisation line and a date line) are not taken into
 * the last paragraph.
 */
function labelledBlocks(input: string, byLabel: (label: string) => FieldDefinition | undefined, agenda: FieldDefinition | undefined): Array<{ field: FieldDefinition; value: string; source: string }> {
  const lines = input.slice(0, MAX_TEXT).replace(/\r/g, '').split('\n');
  const fieldAt = (line: string): FieldDefinition | undefined => {
    const m = BLOCK_LABEL.exec(line);
    return m ? byLabel(m[1]!.trim()) : undefined;
  };
  const out: Array<{ field: FieldDefinition; value: string; source: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = BLOCK_LABEL.exec(lines[i]!);
    const field = m ? byLabel(m[1]!.trim()) : undefined;
    if (!m || !field || field.type !== 'textarea' || (agenda && /议题|议程/.test(m[1]!))) continue;
    const body: string[] = [m[2]!.trim()];
    let j = i + 1;
    for (; j < lines.length && j - i <= MAX_BLOCK_LINES; j++) {
      const line = lines[j]!;
      if (fieldAt(line) || CLOSING_WORDS.test(line) || (agenda && /^[ \t　]*(?:会议|主要)?(?:议题|议程)[ \t　]*[：:]/u.test(line))) break;
      body.push(line.trim());
    }
    let kept = body.filter((l) => l.length > 0);
    // 落款: "青山镇人大主席团" over "2024年4月22日" at the end is the notice's signature, not the paragraph
    if (kept.length > 1 && CLOSING_DATE.test(kept[kept.length - 1]!)) {
      kept = kept.slice(0, -1);
      if (kept.length > 1 && kept[kept.length - 1]!.length <= 20 && !/[。；;，,！!？?]/u.test(kept[kept.length - 1]!)) kept = kept.slice(0, -1);
    }
    const value = kept.join('\n');
    if (value) out.push({ field, value, source: `${m[1]!.trim()}：${value.replace(/\n/g, ' ')}` });
    i = j - 1;
  }
  return out;
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.map(display).join('、');
  if (value && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  if (value && typeof value === 'object') return Object.values(value).map(display).filter(Boolean).join(' ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value.replace('T', ' ');
  return String(value);
}

function rosterOf(options: ProposeOptions, field: FieldDefinition): readonly RosterEntry[] {
  const id = 'roster' in field && typeof field.roster === 'string' ? field.roster : 'deputies';
  return options.rosters?.[id] ?? [];
}

/** Text as the value `field` stores; people and persons take the roster's id when the name is on it. */
function valueFor(field: FieldDefinition, text: string, options: ProposeOptions): unknown {
  if (field.type === 'datetime') {
    const f = extractFacts(text, options.now ? { now: options.now } : {}).find((x) => x.kind === 'datetime');
    return f?.value;
  }
  if (field.type === 'date') {
    const f = extractFacts(text, options.now ? { now: options.now } : {}).find((x) => x.kind === 'date' || x.kind === 'datetime');
    return f ? String(f.value).slice(0, 10) : undefined;
  }
  if (field.type === 'table') {
    // `被视察单位：甲单位、乙单位`: one row per item, in the table's first text column
    const col = field.columns.find((c) => c.type === 'text' || c.type === 'textarea');
    if (!col) return undefined;
    const items = text.split(/[、；;]/u).map((x) => x.trim().replace(/[。，,]+$/u, '')).filter(Boolean).slice(0, 50);
    return items.length > 0 ? items.map((x) => ({ [col.id]: x })) : undefined;
  }
  const { value, error } = convertCell(field, text, options.ctx);
  if (error || value === undefined) return undefined;
  const roster = rosterOf(options, field);
  const withId = (p: { name: string }) => {
    const e = roster.find((x) => x.name === p.name && x.active);
    return e ? { id: e.id, name: e.name } : p;
  };
  if (field.type === 'person') return withId(value as { name: string });
  if (field.type === 'people') return (value as Array<{ name: string }>).map((p) => withId({ name: p.name.replace(/(同志|代表|等)$/u, '') }));
  return value;
}

function fits(field: FieldDefinition, value: unknown, options: ProposeOptions): boolean {
  if (value === undefined || isEmptyValue(value)) return false;
  return checkFieldValue(field, value, [field.id], options.ctx, options.values ?? {}).length === 0;
}

/** Proposals for `form` from `text`, one per field at most, in the form's field order. */
export function proposeFromText(text: string, form: FormDefinition, options: ProposeOptions): Proposal[] {
  const rosterNames = new Set<string>();
  for (const list of Object.values(options.rosters ?? {})) for (const e of list) if (e.active) rosterNames.add(e.name);
  const facts = extractFacts(text, { names: [...rosterNames], ...(options.now ? { now: options.now } : {}) });
  const fields = exportFields(form);
  const byLabel = labelIndex(form, options.packs);
  const chosen = new Map<string, { value: unknown; source: string }>();
  const take = (field: FieldDefinition | undefined, value: unknown, source: string) => {
    if (!field || chosen.has(field.id) || field.type === 'computed' || !fits(field, value, options)) return;
    chosen.set(field.id, { value, source });
  };

  const agenda = fields.find((f) => f.type === 'table' && /议题|议程/.test(f.label ?? ''));
  // 0. labelled paragraphs of multi-line fields (before the one-line reading takes their first line only)
  for (const b of labelledBlocks(text, byLabel, agenda)) take(b.field, b.value, b.source);
  // 1. `标签：值` lines, and dates with a label before them (时间：5月14日…); the agenda line goes to the agenda table.
  for (const f of facts) {
    if (f.kind === 'labelled' && f.label && !(agenda && /议题|议程/.test(f.label))) {
      const field = byLabel(f.label);
      if (field) take(field, valueFor(field, String(f.value), options), f.source);
    }
  }
  // 2. roles
  const first = (kind: TextFact['kind'], where?: (f: TextFact) => boolean) => facts.find((f) => f.kind === kind && (!where || where(f)));
  const eventField = fields.find((f) => f.id === form.eventDateField);
  if (eventField) {
    const dt = first('datetime', (f) => !/截止|之前|以前|报送/.test(f.label ?? '')) ?? first('date', (f) => !/截止|之前|以前|报送/.test(f.label ?? ''));
    if (dt) take(eventField, eventField.type === 'date' ? String(dt.value).slice(0, 10) : eventField.type === 'datetime' && dt.kind === 'date' ? undefined : dt.value, dt.source);
    // When the event field holds the day only (视察日期 beside 开始时间), the notice's hour
    // (上午8:30) is when it starts: the form's start-time field gets the date-time.
    const startField = fields.find((f) => f.type === 'datetime' && f.id !== eventField.id && (/\.startTime$/.test(f.bind ?? '') || /开始时间/.test(f.label ?? '')));
    if (dt?.kind === 'datetime' && eventField.type === 'date' && startField) take(startField, dt.value, dt.source);
  }
  const titleField = fields.find((f) => f.id === form.titleField);
  const title = first('title');
  if (titleField && title) take(titleField, String(title.value).replace(/的通知$/u, '').replace(/^关于(召开|举行|开展|组织)/u, ''), title.source);
  const place = first('place');
  const placeField = fields.find((f) => (f.type === 'text' || f.type === 'textarea') && (/\.place$/.test(f.bind ?? '') || /地点|范围/.test(f.label ?? '')));
  if (place && placeField) take(placeField, place.value, place.source);
  const people = facts.filter((f) => f.kind === 'person');
  const peopleField = fields.find((f) => f.type === 'people' && f.required === true) ?? fields.find((f) => f.type === 'people');
  if (peopleField && people.length > 0) {
    const seen = new Set<string>();
    const list = people.filter((p) => !seen.has(String(p.value)) && seen.add(String(p.value))).map((p) => String(p.value));
    take(peopleField, valueFor(peopleField, list.join('、'), options), people.map((p) => p.source).join('、'));
  }
  const count = first('count');
  const countField = fields.find((f) => f.type === 'number' && /人数|应到|人次/.test(f.label ?? ''));
  if (count && countField) take(countField, count.value, count.source);
  if (agenda) {
    const rows = agendaRows(text, agenda, options);
    if (rows) take(agenda, rows.value, rows.source);
  }
  const phones = facts.filter((f) => f.kind === 'phone');
  fields.filter((f) => f.type === 'phone').forEach((f, i) => { const p = phones[i]; if (p) take(f, p.value, p.source); });
  const ids = facts.filter((f) => f.kind === 'idNumber');
  fields.filter((f) => f.type === 'idcard').forEach((f, i) => { const p = ids[i]; if (p) take(f, p.value, p.source); });

  const out: Proposal[] = [];
  for (const f of fields) {
    const c = chosen.get(f.id);
    if (!c) continue;
    const current = options.values?.[f.id];
    const has = !isEmptyValue(current);
    out.push({
      fieldId: f.id, label: f.label ?? f.id, labelEn: f.labelEn ?? f.label ?? f.id, value: c.value, display: display(c.value), source: c.source.slice(0, 120),
      ...(has ? { current } : {}), preselect: !has,
    });
  }
  return out;
}

const AGENDA_HEAD = /^[ \t　]*[（(]?[一二三四五六七八九十\d]{0,2}[)）、.．]?[ \t　]*(?:会议|主要)?(?:议题|议程)[ \t　]*[：:][ \t　]*([^\n]{0,300})$/u;
const AGENDA_ITEM = /^[ \t　]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．)）]|[①②③④⑤⑥⑦⑧⑨⑩])[ \t　]*(\S[^\n]{0,200})$/u;
const PRESENTER_PAREN = /[（(]\s*(?:汇报人|报告人|主讲人?|说明人|发言人)\s*[：:]\s*([^）)]{2,8}?)\s*[)）]/u;
const PRESENTER_BY = /^(?:听取|审议)?\s*由\s*([\u4e00-\u9fa5]{2,4}?)\s*(?:同志)?\s*(?:汇报|报告|作说明|说明|通报)/u;
const MAX_AGENDA_ROWS = 30;

/**
 * The agenda items of a notice: the numbered lines under a `会议议题：` line, or the items of that
 * line itself (separated by ；). Each row's topic goes to the table's first text column and its
 * presenter, when named, to its person column (the roster's id when the name is on it).
 */
function agendaRows(input: string, table: FieldDefinition, options: ProposeOptions): { value: Array<Record<string, unknown>>; source: string } | undefined {
  if (table.type !== 'table') return undefined;
  const topicCol = table.columns.find((c) => c.type === 'text' || c.type === 'textarea');
  if (!topicCol) return undefined;
  const personCol = table.columns.find((c) => c.type === 'person');
  const lines = input.slice(0, MAX_TEXT).split('\n').map((l) => l.slice(0, 400).replace(/\r/g, ''));
  const head = lines.findIndex((l) => AGENDA_HEAD.test(l));
  if (head < 0) return undefined;
  const items: string[] = [];
  const sources: string[] = [lines[head]!.trim()];
  const inline = AGENDA_HEAD.exec(lines[head]!)![1]!.trim();
  if (inline) items.push(...inline.split(/[；;]|(?=(?:[一二三四五六七八九十]{1,2}|\d{1,2})[、.．])/u).map((x) => x.replace(/^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})[、.．]\s*/u, '').trim()).filter(Boolean));
  for (let i = head + 1; i < lines.length && items.length < MAX_AGENDA_ROWS; i++) {
    const line = lines[i]!;
    if (!line.trim()) { if (items.length > 0) break; continue; }
    const m = AGENDA_ITEM.exec(line);
    if (!m) break;
    items.push(m[1]!.trim());
    sources.push(line.trim());
  }
  if (items.length === 0) return undefined;
  const roster = rosterOf(options, (personCol ?? table) as FieldDefinition);
  const person = (name: string) => {
    const e = roster.find((x) => x.name === name && x.active);
    return e ? { id: e.id, name: e.name } : { name };
  };
  const value = items.slice(0, MAX_AGENDA_ROWS).map((raw) => {
    let topic = raw;
    let presenter: string | undefined;
    const paren = PRESENTER_PAREN.exec(topic);
    if (paren) { presenter = paren[1]!.trim(); topic = topic.replace(paren[0], ''); }
    const by = PRESENTER_BY.exec(topic);
    if (!presenter && by) presenter = by[1];
    topic = topic.replace(/[。；;，,\s]+$/u, '').trim();
    return { [topicCol.id]: topic, ...(personCol && presenter ? { [personCol.id]: person(presenter.replace(/(同志|代表)$/u, '')) } : {}) };
  }).filter((r) => String(r[topicCol.id]).length > 0);
  return value.length > 0 ? { value, source: sources.join(' ') } : undefined;
}

/** The values with the ticked proposals applied. */
export function applyProposals(values: Record<string, unknown>, proposals: readonly Proposal[], ticked: ReadonlySet<string>): Record<string, unknown> {
  const out = { ...values };
  for (const p of proposals) if (ticked.has(p.fieldId)) out[p.fieldId] = structuredClone(p.value);
  return out;
}
