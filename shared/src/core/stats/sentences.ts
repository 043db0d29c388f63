/**
 * The sentences of a township congress work summary (工作总结), in the words the offices use
 * ("今年共承办了12条人大代表的意见和建议，满意率达100%"), built from the figures. A sentence
 * is left out when its figure is zero, so the summary never claims "共受理群众来信0件".
 */
import type { Rate, WorkStats } from './compute.ts';

export interface SummarySentence {
  /** Which figure it reports: trainings, congress, presidium, suggestions, replies, activities, inspections, letters, appraisal, meetings. */
  key: string;
  text: string;
}

/** 1 → "100%", 0.8333 → "83.3%", null → "—". */
export function formatRate(r: Rate): string {
  if (r === null) return '—';
  const p = Math.round(r * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

const MEETING_NAMES: Record<string, string> = {
  'congress-session': '人民代表大会',
  'presidium-monthly': '主席团月例会',
  'party-committee-enlarged': '党委扩大会议',
  'suggestion-assignment': '建议交办会',
  training: '代表培训会议',
};

/** A meeting type as people call it: the curated name, else its form's (never the type id, unless nothing else is known). */
export function meetingName(stats: WorkStats, type: string): string {
  return MEETING_NAMES[type] ?? stats.meetings.typeLabels?.[type] ?? type;
}

function prefixOf(stats: WorkStats, override?: string): string {
  if (override !== undefined) return override;
  switch (stats.period.kind) {
    case 'year': return '今年';
    case 'quarter': return '本季度';
    case 'month': return '本月';
    default: return `${stats.period.label}，`;
  }
}

export interface SentenceOptions {
  /** What the period is called at the start of a sentence: 今年 (default for a year), 本季度, 2024年… */
  prefix?: string;
}

export function summarySentences(stats: WorkStats, options: SentenceOptions = {}): SummarySentence[] {
  const P = prefixOf(stats, options.prefix);
  const out: SummarySentence[] = [];
  const add = (key: string, text: string) => out.push({ key, text });

  if (stats.trainings.sessions > 0) {
    add('trainings', `${P}共组织了${stats.trainings.sessions}次人大代表培训会议${stats.trainings.participants > 0 ? `，参加培训的代表达${stats.trainings.participants}人次` : ''}。`);
  }
  const months = stats.meetings.congressSessionMonths;
  const sessions = stats.meetings.byType['congress-session'] ?? 0;
  if (sessions > 0) {
    add('congress', months.length > 1
      ? `${P}于${months.map((m) => `${m}月份`).join('和')}分别召开了全镇人民代表大会。`
      : `${P}于${months[0]}月份召开了全镇人民代表大会${sessions > 1 ? `${sessions}次` : ''}。`);
  }
  const presidium = stats.meetings.byType['presidium-monthly'] ?? 0;
  if (presidium > 0) add('presidium', `${P}共召开主席团月例会${presidium}次。`);
  const g = stats.suggestions;
  if (g.assigned > 0) {
    add('suggestions', `${P}共承办了${g.assigned}条人大代表的意见和建议${g.rated > 0 ? `，满意率达${formatRate(g.satisfactionRate)}` : ''}。`);
    add('replies', g.replied === g.assigned
      ? `所有代表建议、意见已全部答复，办复率达100%。`
      : `已答复${g.replied}件，办复率${formatRate(g.replyRate)}${g.overdue > 0 ? `，尚有${g.overdue}件超过办理期限，正在督办` : ''}。`);
  }
  if (stats.activities.total > 0) {
    add('activities', `${P}，共组织人大代表统一活动${stats.activities.total}次，参加活动的代表达${stats.activities.participants}人次。`);
  }
  if (stats.inspections.total > 0) {
    add('inspections', `组织代表开展视察和执法检查${stats.inspections.total}次，参加代表${stats.inspections.deputyParticipants}人次。`);
  }
  const L = stats.letters;
  if (L.letters > 0 || L.visitors > 0) {
    const parts = [L.letters > 0 ? `来信${L.letters}件` : '', L.visitors > 0 ? `来访${L.visitors}人次` : ''].filter(Boolean);
    add('letters', `积极做好群众的来信来访接待工作，共受理群众${parts.join('，')}。`);
  }
  const A = stats.appraisals;
  if (A.satisfiedUnits > 0 || A.rectificationItems > 0) {
    const parts = [A.satisfiedUnits > 0 ? `评议出“人民满意单位”${A.satisfiedUnits}个` : '', A.rectificationItems > 0 ? `督促各单位进行意见整改${A.rectificationItems}条` : ''].filter(Boolean);
    add('appraisal', `组织各级代表开展工作评议，${parts.join('，')}。`);
  }
  const other = Object.entries(stats.meetings.byType).filter(([t]) => t !== 'congress-session' && t !== 'presidium-monthly' && t !== 'training');
  if (other.length > 0) add('meetings', `${P}还召开了${other.map(([t, n]) => `${meetingName(stats, t)}${n}次`).join('、')}。`);
  return out;
}

/** The sentences as one paragraph. */
export function workSummary(stats: WorkStats, options: SentenceOptions = {}): string {
  return summarySentences(stats, options).map((s) => s.text).join('');
}
