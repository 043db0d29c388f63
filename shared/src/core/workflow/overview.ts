/**
 * Where each record's workflow stands and what is overdue or soon due: the extension's
 * workflows view and its daily reminder read this, so the rule lives here, not in the UI.
 */
import type { LvzhiRecord } from '../record-schema.ts';
import type { PackDefinition, WorkflowDefinition } from '../pack-schema.ts';
import { todayInChina } from '../dates.ts';
import { recordTitle } from '../form/record-list.ts';
import { statsDefinitions } from '../stats/compute.ts';
import { dueInfo } from './due.ts';
import { availableTransitions } from './engine.ts';

export interface WorkflowRow {
  recordId: string;
  title: string;
  formTitle: string;
  workflow: WorkflowDefinition;
  stateId: string;
  stateTitle: string;
  final: boolean;
  dueDate?: string;
  overdue: boolean;
  /** Negative: days left; positive: days late. */
  daysOverdue?: number;
  next: Array<{ id: string; title: string; kind: string }>;
}

/** Soon due: this many days left or fewer. */
export const SOON_DAYS = 3;

export function workflowRows(records: readonly LvzhiRecord[], packs: readonly PackDefinition[], now: Date): WorkflowRow[] {
  const { forms, workflows } = statsDefinitions(packs);
  const rows: WorkflowRow[] = [];
  for (const r of records) {
    if (r.deletedAt || !r.workflow) continue;
    const wf = workflows.get(r.workflow.workflow);
    if (!wf) continue;
    const form = forms.get(r.form);
    const state = wf.states.find((s) => s.id === r.workflow?.state);
    const due = dueInfo(wf, r.workflow, now, { startedAt: r.createdAt });
    rows.push({
      recordId: r.id,
      title: recordTitle(r, form),
      formTitle: form?.title ?? r.form,
      workflow: wf,
      stateId: r.workflow.state,
      stateTitle: state?.label ?? r.workflow.state,
      final: state?.final === true,
      ...(due ? { dueDate: due.dueDate, daysOverdue: due.daysOverdue } : {}),
      overdue: due?.overdue ?? false,
      next: availableTransitions(wf, r.workflow).map((t) => ({ id: t.id, title: t.label, kind: t.kind ?? 'forward' })),
    });
  }
  // Overdue first (most late first), then by due date, then the rest.
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'zh'));
}

export interface Reminder { title: string; message: string; overdue: number; soon: number }

/** The notification for the day, or undefined when nothing is overdue or soon due. */
export function reminderFor(rows: readonly WorkflowRow[], lang: 'zh' | 'en' = 'zh'): Reminder | undefined {
  const overdue = rows.filter((r) => r.overdue);
  const soon = rows.filter((r) => !r.overdue && r.daysOverdue !== undefined && -r.daysOverdue <= SOON_DAYS);
  if (overdue.length === 0 && soon.length === 0) return undefined;
  const names = [...overdue, ...soon].slice(0, 3).map((r) => `${r.title}（${r.stateTitle}）`);
  if (lang === 'en') {
    return { title: `Lvzhi: ${overdue.length} overdue, ${soon.length} due soon`, message: names.join('; '), overdue: overdue.length, soon: soon.length };
  }
  return { title: `履职提醒：${overdue.length} 项已逾期，${soon.length} 项即将到期`, message: names.join('；'), overdue: overdue.length, soon: soon.length };
}

/** Once a day: remind when the last reminder was on another China date. */
export function shouldRemind(lastDate: string | undefined, now: Date): boolean {
  return lastDate !== todayInChina(now);
}
