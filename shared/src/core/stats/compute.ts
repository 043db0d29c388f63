/**
 * The year-end figures (年终统计) computed from records: meetings by type, trainings,
 * inspections, appraisal results per unit, suggestions (received, assigned, replied, 办复率,
 * 满意率, overdue), letters (件) and visits (人次), deputy activities and participation (人次).
 *
 * A record counts in the period of its form's `eventDateField` (meeting date, submission date,
 * inspection date) as a China Standard Time calendar date; deleted records never count.
 * Where a record follows a workflow, its current state decides what it has reached (a reply
 * sent back is not a reply); records without a workflow fall back to their dates.
 * One pass over the records, no expression evaluation: 100,000 records in well under a second.
 */
import { isoInChina, todayInChina } from '../dates.ts';
import type { FormDefinition, PackDefinition, WorkflowDefinition } from '../pack-schema.ts';
import type { LvzhiRecord } from '../record-schema.ts';
import { dueInfo } from '../workflow/due.ts';
import { periodEnd, type StatsPeriod } from './period.ts';

export interface StatsDefinitions {
  forms: ReadonlyMap<string, FormDefinition>;
  workflows: ReadonlyMap<string, WorkflowDefinition>;
}

export function statsDefinitions(packs: readonly PackDefinition[]): StatsDefinitions {
  const forms = new Map<string, FormDefinition>();
  const workflows = new Map<string, WorkflowDefinition>();
  for (const p of packs) {
    for (const f of p.forms ?? []) forms.set(f.id, f);
    for (const w of p.workflows ?? []) workflows.set(w.id, w);
  }
  return { forms, workflows };
}

/** A share: numerator / denominator, null when nothing to divide by. */
export type Rate = number | null;
const rate = (n: number, d: number): Rate => (d === 0 ? null : n / d);

export interface UnitAppraisal {
  unit: string;
  sheets: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (满意 + 基本满意) / sheets */
  satisfactionRate: Rate;
  averageScore: number | null;
  rank: number;
}

export interface WorkStats {
  period: StatsPeriod;
  /** The moment overdue is judged at (ISO, +08:00). */
  asOf: string;
  records: { inPeriod: number; outsidePeriod: number; deleted: number; unknownForm: number; noDate: number };
  /** `byType` counts by meeting type id; `typeLabels` names each type for people (from its form's title). */
  meetings: { total: number; byType: Record<string, number>; typeLabels: Record<string, string>; congressSessionMonths: number[]; overdueMinutes: number };
  trainings: { sessions: number; participants: number };
  inspections: { total: number; byType: Record<string, number>; deputyParticipants: number; closed: number; overdue: number };
  appraisals: { surveys: number; units: UnitAppraisal[]; satisfiedUnits: number; rectificationItems: number; satisfactionRate: Rate };
  suggestions: {
    received: number; assigned: number; replied: number; replyRate: Rate;
    rated: number; satisfied: number; basicallySatisfied: number; dissatisfied: number;
    /** (满意 + 基本满意) / rated */
    satisfactionRate: Rate;
    /** 满意 / rated */
    fullySatisfiedRate: Rate;
    closed: number; overdue: number; sentBack: number; motions: number;
  };
  letters: { letters: number; visits: number; visitors: number; closed: number; overdue: number };
  activities: { total: number; participants: number; byKind: Record<string, number> };
}

const SUGGESTION_ASSIGNED = new Set(['assigned', 'handling', 'replied', 'rated', 'closed']);
const SUGGESTION_REPLIED = new Set(['replied', 'rated', 'closed']);
const SUGGESTION_RATED = new Set(['rated', 'closed']);
const ATTENDED = new Set(['出勤', '迟到', '早退']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const inc = (o: Record<string, number>, k: string, by = 1) => { o[k] = (o[k] ?? 0) + by; };

/** `YYYY-MM-DD` in China time of a date, local datetime or instant value; undefined when unusable. */
export function eventDateOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length < 10) return undefined;
  if (value.length === 10 || value[10] === 'T' && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
    return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : todayInChina(new Date(t));
}

interface FormPlan {
  form: FormDefinition;
  /** Ids of the workflow's send-back transitions and final states (looked up once, not per record). */
  sendBacks?: ReadonlySet<string>;
  finals?: ReadonlySet<string>;
  kind: 'meeting' | 'training' | 'inspection' | 'appraisal-survey' | 'appraisal-summary' | 'suggestion' | 'motion' | 'letter' | 'visit' | 'activity' | 'other';
  workflow?: WorkflowDefinition;
}

function planFor(form: FormDefinition, defs: StatsDefinitions): FormPlan {
  const workflow = form.workflow ? defs.workflows.get(form.workflow) : undefined;
  const base = workflow
    ? { form, workflow, sendBacks: new Set(workflow.transitions.filter((t) => t.kind === 'sendBack').map((t) => t.id)), finals: new Set(workflow.states.filter((x) => x.final).map((x) => x.id)) }
    : { form };
  switch (form.category) {
    case 'meeting': return { ...base, kind: form.meetingType === 'training' ? 'training' : 'meeting' };
    case 'training': return { ...base, kind: 'training' };
    case 'inspection': return { ...base, kind: 'inspection' };
    case 'appraisal': return { ...base, kind: form.sections.some((s) => s.fields.some((f) => f.id === 'results')) ? 'appraisal-summary' : 'appraisal-survey' };
    case 'suggestion': return { ...base, kind: form.workflow === 'suggestion' || form.id === 'suggestion' ? 'suggestion' : 'motion' };
    case 'letter': return { ...base, kind: 'letter' };
    case 'visit': return { ...base, kind: 'visit' };
    case 'activity': return { ...base, kind: 'activity' };
    default: return { ...base, kind: 'other' };
  }
}

export interface StatsOptions {
  /** When overdue is judged; default: the end of the period, or now if that is earlier. */
  asOf?: Date;
}

/**
 * What a meeting type is called in a sentence or a table: the form's title without 记录 and a
 * closing remark in brackets (党委扩大会议记录（代表列席） → 党委扩大会议). A type id
 * (party-committee-enlarged) is never shown to people.
 */
export function meetingTypeLabel(form: FormDefinition): string {
  return form.title.replace(/[（(][^）)]*[）)]\s*$/, '').replace(/记录(表|单)?$/, '').trim() || form.title;
}

/**
 * What one record contributes to the figures, independent of the period and of the moment
 * overdue is judged: the record's status, its event day, the day after which it is overdue
 * (`dueDate`, when its workflow state has a deadline) and a small `fact` holding only what the
 * fold reads. Records with equal facts count the same, so a database can keep one fact row per
 * record (updated on every write) and hand the fold `{ fact, count, overdue }` groups instead of
 * every record (the office server's `record_facts`); `computeStats` folds the same facts one by one.
 */
export interface StatsFact {
  status: 'deleted' | 'unknownForm' | 'noDate' | 'dated';
  day?: string;
  dueDate?: string;
  fact?: FactBody;
}

export type FactBody =
  | { k: 'meeting'; type: string; label: string; month?: number }
  | { k: 'trainingMeeting'; type: string; label: string; participants: number; day: string }
  | { k: 'trainingSheet'; day: string; attended: number }
  | { k: 'inspection'; type: string; deputies: number; activity: string; closed: boolean }
  | { k: 'activity'; participants: number; kind: string }
  | { k: 'appraisalSurvey'; unit: string; overall?: string; score?: number }
  | { k: 'appraisalSummary'; satisfiedUnits: number; rectificationItems: number; results: Array<{ unit: string; satisfied: number; basic: number; dissatisfied: number; score?: number }> }
  | { k: 'suggestion'; sentBack: boolean; assigned: boolean; replied: boolean; rated?: string; closed: boolean }
  | { k: 'motion' }
  | { k: 'letter'; closed: boolean }
  | { k: 'visit'; visitors: number; closed: boolean }
  | { k: 'other' };

/** Facts that count the same, `count` times; `overdue` judged for the group (dueDate before the day of asOf). */
export interface FactGroup { fact: FactBody; count: number; overdue: boolean }

const plansCache = new WeakMap<StatsDefinitions, Map<string, FormPlan>>();
function plansOf(defs: StatsDefinitions): Map<string, FormPlan> {
  let plans = plansCache.get(defs);
  if (!plans) {
    plans = new Map();
    for (const f of defs.forms.values()) plans.set(f.id, planFor(f, defs));
    plansCache.set(defs, plans);
  }
  return plans;
}

/** The fact of one record (see StatsFact). */
export function statsFact(r: LvzhiRecord, defs: StatsDefinitions): StatsFact {
  if (r.deletedAt) return { status: 'deleted' };
  const plan = plansOf(defs).get(r.form);
  if (!plan) return { status: 'unknownForm' };
  const v = r.values;
  const day = eventDateOf(plan.form.eventDateField ? v[plan.form.eventDateField] : undefined) ?? eventDateOf(r.createdAt);
  if (!day) return { status: 'noDate' };
  const out: StatsFact = { status: 'dated', day, fact: factBody(plan, r, day) };
  // The deadline does not depend on the moment it is judged at: dueInfo's dueDate, overdue once
  // the day in China is after it (dueInfo's own rule).
  if (plan.workflow && r.workflow && r.workflow.workflow === plan.workflow.id && r.workflow.version === plan.workflow.version) {
    const due = dueInfo(plan.workflow, r.workflow, new Date(0), { startedAt: r.createdAt });
    if (due) out.dueDate = due.dueDate;
  }
  return out;
}

function factBody(plan: FormPlan, r: LvzhiRecord, day: string): FactBody {
  const v = r.values;
  const state = r.workflow?.state;
  switch (plan.kind) {
    case 'meeting': {
      const type = plan.form.meetingType ?? plan.form.id;
      return { k: 'meeting', type, label: meetingTypeLabel(plan.form), ...(type === 'congress-session' ? { month: Number(day.slice(5, 7)) } : {}) };
    }
    case 'training': {
      if (plan.form.category === 'meeting') {
        return { k: 'trainingMeeting', type: plan.form.meetingType ?? plan.form.id, label: meetingTypeLabel(plan.form), participants: len(v.present), day };
      }
      let attended = 0;
      if (Array.isArray(v.attendance)) for (const row of v.attendance as Record<string, unknown>[]) if (ATTENDED.has(String(row?.status ?? '出勤'))) attended++;
      return { k: 'trainingSheet', day, attended };
    }
    case 'inspection':
      return { k: 'inspection', type: str(v.inspectionType) ?? plan.form.title, deputies: len(v.deputies), activity: str(v.inspectionType) ?? '视察', closed: !!state && plan.finals?.has(state) === true };
    case 'activity': return { k: 'activity', participants: len(v.participants), kind: str(v.activityType) ?? '其他' };
    case 'appraisal-survey': {
      const overall = str(v.overall);
      const score = num(v.overallScore) ?? num(v.percentScore);
      return { k: 'appraisalSurvey', unit: str(v.unit) ?? '（未填单位）', ...(overall ? { overall } : {}), ...(score !== undefined ? { score } : {}) };
    }
    case 'appraisal-summary': {
      const results: Array<{ unit: string; satisfied: number; basic: number; dissatisfied: number; score?: number }> = [];
      if (Array.isArray(v.results)) {
        for (const row of v.results as Record<string, unknown>[]) {
          const unit = str(row?.unit);
          if (!unit) continue;
          const score = num(row.averageScore);
          results.push({ unit, satisfied: num(row.satisfied) ?? 0, basic: num(row.basicallySatisfied) ?? 0, dissatisfied: num(row.dissatisfied) ?? 0, ...(score !== undefined ? { score } : {}) });
        }
      }
      return { k: 'appraisalSummary', satisfiedUnits: len(v.satisfiedUnits), rectificationItems: num(v.rectificationItems) ?? 0, results };
    }
    case 'suggestion': {
      const sat = str(v.satisfaction);
      const rated = (state ? SUGGESTION_RATED.has(state) : true) && (sat === '满意' || sat === '基本满意' || sat === '不满意');
      return {
        k: 'suggestion',
        sentBack: !!plan.sendBacks && !!r.workflow?.history.some((h) => plan.sendBacks!.has(h.transition)),
        assigned: state ? SUGGESTION_ASSIGNED.has(state) : !!str(v.assignDate),
        replied: state ? SUGGESTION_REPLIED.has(state) : !!str(v.replyDate),
        ...(rated ? { rated: sat! } : {}),
        closed: state === 'closed' || (!state && !!str(v.closeDate)),
      };
    }
    case 'motion': return { k: 'motion' };
    case 'letter':
    case 'visit': {
      const closed = state ? plan.finals?.has(state) === true : !!str(v.closeDate);
      return plan.kind === 'letter' ? { k: 'letter', closed } : { k: 'visit', visitors: Math.max(1, Math.trunc(num(v.visitorCount) ?? 1)), closed };
    }
    default: return { k: 'other' };
  }
}

/** The moment overdue is judged at when the caller gives none: the end of the period, or now if earlier. */
export function statsAsOf(period: StatsPeriod, options: StatsOptions = {}): Date {
  const end = periodEnd(period);
  const now = new Date();
  return options.asOf ?? (end.getTime() < now.getTime() ? end : now);
}

/** Counts of the records outside the figures (the `records` line). */
export type RecordCounts = WorkStats['records'];

/** Folds fact groups (one per record, or grouped by a database) into the figures. */
export class StatsFold {
  readonly s: WorkStats;
  private units = new Map<string, { sheets: number; satisfied: number; basic: number; dissatisfied: number; scoreSum: number; scored: number }>();
  private summaryUnits = new Map<string, { satisfied: number; basic: number; dissatisfied: number; score?: number }>();
  private trainingMeetingDays = new Set<string>();
  private attendanceSheets: { day: string; attended: number; count: number }[] = [];
  private months = new Set<number>();

  constructor(period: StatsPeriod, asOf: Date) {
    this.s = {
      period,
      asOf: isoInChina(asOf),
      records: { inPeriod: 0, outsidePeriod: 0, deleted: 0, unknownForm: 0, noDate: 0 },
      meetings: { total: 0, byType: {}, typeLabels: {}, congressSessionMonths: [], overdueMinutes: 0 },
      trainings: { sessions: 0, participants: 0 },
      inspections: { total: 0, byType: {}, deputyParticipants: 0, closed: 0, overdue: 0 },
      appraisals: { surveys: 0, units: [], satisfiedUnits: 0, rectificationItems: 0, satisfactionRate: null },
      suggestions: { received: 0, assigned: 0, replied: 0, replyRate: null, rated: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null, fullySatisfiedRate: null, closed: 0, overdue: 0, sentBack: 0, motions: 0 },
      letters: { letters: 0, visits: 0, visitors: 0, closed: 0, overdue: 0 },
      activities: { total: 0, participants: 0, byKind: {} },
    };
  }

  /** `n` records in the period with this fact; `overdue`: their deadline has passed at asOf. */
  add(f: FactBody, n: number, overdue: boolean): void {
    const s = this.s;
    s.records.inPeriod += n;
    switch (f.k) {
      case 'meeting':
        s.meetings.total += n;
        inc(s.meetings.byType, f.type, n);
        s.meetings.typeLabels[f.type] ??= f.label;
        if (f.month !== undefined) this.months.add(f.month);
        if (overdue) s.meetings.overdueMinutes += n;
        break;
      case 'trainingMeeting':
        s.meetings.total += n;
        inc(s.meetings.byType, f.type, n);
        s.meetings.typeLabels[f.type] ??= f.label;
        s.trainings.sessions += n;
        s.trainings.participants += f.participants * n;
        this.trainingMeetingDays.add(f.day);
        if (overdue) s.meetings.overdueMinutes += n;
        break;
      case 'trainingSheet': this.attendanceSheets.push({ day: f.day, attended: f.attended, count: n }); break;
      case 'inspection':
        s.inspections.total += n;
        inc(s.inspections.byType, f.type, n);
        s.inspections.deputyParticipants += f.deputies * n;
        s.activities.total += n;
        s.activities.participants += f.deputies * n;
        inc(s.activities.byKind, f.activity, n);
        if (f.closed) s.inspections.closed += n;
        else if (overdue) s.inspections.overdue += n;
        break;
      case 'activity':
        s.activities.total += n;
        s.activities.participants += f.participants * n;
        inc(s.activities.byKind, f.kind, n);
        break;
      case 'appraisalSurvey': {
        s.appraisals.surveys += n;
        let u = this.units.get(f.unit);
        if (!u) this.units.set(f.unit, (u = { sheets: 0, satisfied: 0, basic: 0, dissatisfied: 0, scoreSum: 0, scored: 0 }));
        u.sheets += n;
        if (f.overall === '满意') u.satisfied += n;
        else if (f.overall === '基本满意') u.basic += n;
        else if (f.overall === '不满意') u.dissatisfied += n;
        if (f.score !== undefined) { u.scoreSum += f.score * n; u.scored += n; }
        break;
      }
      case 'appraisalSummary':
        s.appraisals.satisfiedUnits += f.satisfiedUnits * n;
        s.appraisals.rectificationItems += f.rectificationItems * n;
        for (const row of f.results) this.summaryUnits.set(row.unit, { satisfied: row.satisfied, basic: row.basic, dissatisfied: row.dissatisfied, ...(row.score !== undefined ? { score: row.score } : {}) });
        break;
      case 'suggestion': {
        const g = s.suggestions;
        g.received += n;
        if (f.sentBack) g.sentBack += n;
        if (f.assigned) g.assigned += n;
        if (f.replied) g.replied += n;
        if (f.rated !== undefined) {
          g.rated += n;
          if (f.rated === '满意') g.satisfied += n;
          else if (f.rated === '基本满意') g.basicallySatisfied += n;
          else g.dissatisfied += n;
        }
        if (f.closed) g.closed += n;
        else if (overdue) g.overdue += n;
        break;
      }
      case 'motion': s.suggestions.motions += n; break;
      case 'letter':
      case 'visit':
        if (f.k === 'letter') s.letters.letters += n;
        else { s.letters.visits += n; s.letters.visitors += f.visitors * n; }
        if (f.closed) s.letters.closed += n;
        else if (overdue) s.letters.overdue += n;
        break;
      default: break;
    }
  }

  finish(): WorkStats {
    const s = this.s;
    for (const a of this.attendanceSheets) {
      if (this.trainingMeetingDays.has(a.day)) continue; // the sign-in sheet of a training already counted as a meeting
      s.trainings.sessions += a.count;
      s.trainings.participants += a.attended * a.count;
    }
    s.meetings.congressSessionMonths = [...this.months].sort((a, b) => a - b);

    const list: UnitAppraisal[] = [];
    if (this.units.size > 0) {
      for (const [unit, u] of this.units) list.push({ unit, sheets: u.sheets, satisfied: u.satisfied, basicallySatisfied: u.basic, dissatisfied: u.dissatisfied, satisfactionRate: rate(u.satisfied + u.basic, u.sheets), averageScore: u.scored ? u.scoreSum / u.scored : null, rank: 0 });
    } else {
      for (const [unit, u] of this.summaryUnits) {
        const sheets = u.satisfied + u.basic + u.dissatisfied;
        list.push({ unit, sheets, satisfied: u.satisfied, basicallySatisfied: u.basic, dissatisfied: u.dissatisfied, satisfactionRate: rate(u.satisfied + u.basic, sheets), averageScore: u.score ?? null, rank: 0 });
      }
    }
    list.sort((a, b) => (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) || (b.averageScore ?? -1) - (a.averageScore ?? -1) || a.unit.localeCompare(b.unit, 'zh'));
    list.forEach((u, i) => {
      const prev = list[i - 1];
      u.rank = prev && prev.satisfactionRate === u.satisfactionRate && prev.averageScore === u.averageScore ? prev.rank : i + 1;
    });
    s.appraisals.units = list;
    const sheets = list.reduce((a, u) => a + u.sheets, 0);
    s.appraisals.satisfactionRate = rate(list.reduce((a, u) => a + u.satisfied + u.basicallySatisfied, 0), sheets);

    const g = s.suggestions;
    g.replyRate = rate(g.replied, g.assigned);
    g.satisfactionRate = rate(g.satisfied + g.basicallySatisfied, g.rated);
    g.fullySatisfiedRate = rate(g.satisfied, g.rated);
    return s;
  }
}

/**
 * The figures from grouped facts: what a database returns for the period (`groups`, the facts
 * of the records whose day is in it) and the counts of the rest (`counts`, `inPeriod` ignored).
 */
export function foldStats(groups: Iterable<FactGroup>, counts: Omit<RecordCounts, 'inPeriod'>, period: StatsPeriod, options: StatsOptions = {}): WorkStats {
  const fold = new StatsFold(period, statsAsOf(period, options));
  for (const g of groups) fold.add(g.fact, g.count, g.overdue);
  Object.assign(fold.s.records, counts);
  return fold.finish();
}

/** Whether a fact's deadline has passed at `asOf` (dueInfo: overdue once the day in China is after dueDate). */
export function factOverdue(dueDate: string | undefined, asOf: Date): boolean {
  return dueDate !== undefined && dueDate < todayInChina(asOf);
}

export function computeStats(records: Iterable<LvzhiRecord>, defs: StatsDefinitions, period: StatsPeriod, options: StatsOptions = {}): WorkStats {
  const asOf = statsAsOf(period, options);
  const fold = new StatsFold(period, asOf);
  const today = todayInChina(asOf);
  const c = fold.s.records;
  const { from, to } = period;
  for (const r of records) {
    const f = statsFact(r, defs);
    if (f.status !== 'dated') { c[f.status]++; continue; }
    if (f.day! < from || f.day! > to) { c.outsidePeriod++; continue; }
    fold.add(f.fact!, 1, f.dueDate !== undefined && f.dueDate < today);
  }
  return fold.finish();
}
