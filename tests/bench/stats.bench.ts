/**
 * Year statistics over 100,000 records (the year fixture repeated: meetings, suggestions
 * with workflow history, letters, visits, activities, appraisals, inspections, records of
 * other years and a deleted one). Goal: under 1 s, so the office's "统计" button answers at
 * once even after years of records. Baseline: one plain loop counting the headline figures
 * (per-form counts in the period, suggestion states and ratings, visitors, participants)
 * without overdue judgement, appraisal ranking or the generic form plans.
 */
import { computeStats, statsDefinitions, yearPeriod, type LvzhiRecord, type StatsDefinitions } from '@lvzhi/shared';
import { defineBench } from './harness.ts';
import { builtIn } from '../fixtures/year/helpers.ts';
import { generateYear } from '../fixtures/year/generate.ts';

interface State { records: LvzhiRecord[]; defs: StatsDefinitions }

async function setup(): Promise<State> {
  const B = await builtIn();
  const { records: year } = await generateYear(B);
  const records: LvzhiRecord[] = [];
  for (let i = 0; records.length < 100_000; i++) {
    for (const r of year) {
      if (records.length >= 100_000) break;
      records.push({ ...r, id: `${r.id}-${i}` });
    }
  }
  return { records, defs: statsDefinitions(B.packs) };
}

const EVENT: Record<string, string> = {};

function plainLoop({ records, defs }: State) {
  if (!EVENT.suggestion) for (const f of defs.forms.values()) if (f.eventDateField) EVENT[f.id] = f.eventDateField;
  const byForm: Record<string, number> = {};
  let assigned = 0, replied = 0, rated = 0, satisfied = 0, basic = 0, visitors = 0, participants = 0;
  for (const r of records) {
    if (r.deletedAt) continue;
    const field = EVENT[r.form];
    const d = field ? String(r.values[field] ?? '').slice(0, 10) : '';
    if (d < '2024-01-01' || d > '2024-12-31') continue;
    byForm[r.form] = (byForm[r.form] ?? 0) + 1;
    const st = r.workflow?.state;
    if (r.form === 'suggestion') {
      if (st === 'assigned' || st === 'handling' || st === 'replied' || st === 'rated' || st === 'closed') assigned++;
      if (st === 'replied' || st === 'rated' || st === 'closed') replied++;
      if (st === 'rated' || st === 'closed') { rated++; if (r.values.satisfaction === '满意') satisfied++; else if (r.values.satisfaction === '基本满意') basic++; }
    } else if (r.form === 'visit') visitors += Number(r.values.visitorCount ?? 1);
    else if (r.form === 'deputy-activity') participants += (r.values.participants as unknown[]).length;
    else if (r.form === 'inspection') participants += (r.values.deputies as unknown[]).length;
  }
  return { byForm, assigned, replied, rated, satisfied, basic, visitors, participants };
}

export default [
  defineBench<State>({
    name: 'statistics over 100,000 records (year 2024)',
    unit: 'ms',
    goal: { value: 1000, op: '<', description: 'the year-end figures appear at once, even after years of records' },
    runs: 10,
    setup,
    run: ({ records, defs }) => {
      const s = computeStats(records, defs, yearPeriod(2024));
      if (s.suggestions.assigned === 0) throw new Error('nothing counted');
      return s;
    },
    baseline: { name: 'one plain counting loop', run: plainLoop },
  }),
];
