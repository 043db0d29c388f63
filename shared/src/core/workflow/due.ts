/**
 * Due dates of workflow states, on the China Standard Time calendar: a step taken at
 * 2024-03-28T23:30+08:00 is on the 28th wherever the machine is. `days` count calendar days,
 * `workdays` skip Saturdays and Sundays (public holidays and make-up working days are not
 * modelled: the office decides those), `months` keep the day of the month (31 January + 1
 * month = 29 February in a leap year). A record is overdue on the day after its due date.
 */
import { todayInChina } from '../dates.ts';
import type { WorkflowDefinition, WorkflowState } from '../pack-schema.ts';
import type { WorkflowInstance } from '../record-schema.ts';

const DAY_MS = 86_400_000;

function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The China-time calendar date of an ISO instant (`…+08:00` or `…Z`) or of a plain date. */
export function chinaDateOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value.slice(0, 10); // local datetime fields are China time
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`not a date or instant: ${value}`);
  return todayInChina(new Date(t));
}

export function addDays(date: string, days: number): string {
  return formatDay(parseDay(date) + days);
}

/** Adds working days (Monday–Friday). Day 0 is the start date itself, whatever weekday it is. */
export function addWorkdays(date: string, workdays: number): string {
  let day = parseDay(date);
  let left = workdays;
  while (left > 0) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return formatDay(day);
}

export function addMonths(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const y = Math.floor(total / 12), mo = total % 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = Math.min(Number(m[3]), last);
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return parseDay(b) - parseDay(a);
}

export function dueDateFrom(start: string, due: NonNullable<WorkflowState['due']>): string {
  let d = chinaDateOf(start);
  if (due.months) d = addMonths(d, due.months);
  if (due.days) d = addDays(d, due.days);
  if (due.workdays) d = addWorkdays(d, due.workdays);
  return d;
}

/**
 * When the instance last entered `state`: the latest history step into it; for the current
 * state `enteredAt`; for the initial state never re-entered, `startedAt` (the record's
 * creation) or, lacking that, the first step out of it.
 */
export function enteredStateAt(definition: WorkflowDefinition, instance: WorkflowInstance, state: string, startedAt?: string): string | undefined {
  for (let i = instance.history.length - 1; i >= 0; i--) {
    const h = instance.history[i]!;
    if (h.to === state) return h.at;
  }
  if (state === instance.state) return instance.enteredAt;
  if (state === definition.initial) return startedAt ?? instance.history[0]?.at;
  return undefined;
}

export interface DueInfo {
  state: string;
  /** The state whose latest entry started the clock. */
  from: string;
  startedAt: string;
  /** Last day (China time) on which the step is on time. */
  dueDate: string;
  overdue: boolean;
  /** Days past the due date (0 when not overdue); negative: days left. */
  daysOverdue: number;
}

/** The due date of the instance's current state and whether it has passed at `now`. Undefined when the state has no due period. */
export function dueInfo(definition: WorkflowDefinition, instance: WorkflowInstance, now: Date, options: { startedAt?: string } = {}): DueInfo | undefined {
  const state = definition.states.find((s) => s.id === instance.state);
  if (!state?.due || state.final) return undefined;
  const from = state.due.from ?? state.id;
  const startedAt = enteredStateAt(definition, instance, from, options.startedAt) ?? instance.enteredAt;
  const dueDate = dueDateFrom(startedAt, state.due);
  const late = daysBetween(dueDate, todayInChina(now));
  return { state: state.id, from, startedAt, dueDate, overdue: late > 0, daysOverdue: late };
}

export function isOverdue(definition: WorkflowDefinition, instance: WorkflowInstance, now: Date, options: { startedAt?: string } = {}): boolean {
  return dueInfo(definition, instance, now, options)?.overdue ?? false;
}
