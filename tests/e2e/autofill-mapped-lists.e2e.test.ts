/**
 * A portal mapping's `tables` entries point autofill at lists it cannot match by their titles:
 * a table whose add button says 录入 (not an add word) and blocks grown by an icon whose class
 * says nothing, under headings that name no record field (tests/fixtures/adapters/mapped-lists.html).
 * Without the mapping neither list is touched; with it, the agenda's rows and the courses'
 * blocks are added with the page's own buttons and every cell holds the record's value. The
 * mapping is checked by the pack validator first (a people or table field, a form).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FillPlan, FillReport, PackDefinition, PortalMapping } from '@lvzhi/shared';
import { dictionaryView, validatePackSet } from '@lvzhi/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
let packs: PackDefinition[] = [];
beforeAll(async () => { packs = await builtInPacks(); });

const example = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'examples', 'training-meeting.json'), 'utf8')) as { form: string; values: Record<string, unknown> };
type Row = Record<string, unknown>;
const MAPPING: PortalMapping = {
  id: 'mapped-lists', title: '培训会议登记（列表映射）', form: 'training-meeting', match: ['http://127.0.0.1/*'],
  tables: [
    { field: 'agenda', addButton: '录入' },
    { field: 'courses', addButton: '.kc-more', rowSelector: '.kc-row' },
  ],
};

async function fill(mapping?: PortalMapping) {
  const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === example.form)!;
  const values = dictionaryView(form, example.values as never) as Record<string, unknown>;
  const page = await openWithBundle(t.browser, t.site.url('/mapped-lists.html'));
  const out = await lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values, { packs, form: example.form, ...(mapping ? { mapping } : {}) });
  return { page, ...out, state: await portalState<{ title: string; agenda: Row[]; courses: Row[] }>(page) };
}

describe('portal mapping: lists autofill does not match by their titles', () => {
  it('the mapping passes the pack validator (a table field of the mapping\'s form)', () => {
    const inputs = packs.map((p) => ({ source: p.id, json: p.id === 'lvzhi.meetings' ? { ...p, portals: [...(p.portals ?? []), MAPPING] } : p }));
    expect(validatePackSet(inputs).issues).toEqual([]);
    // a text field is not a list
    const bad = packs.map((p) => ({ source: p.id, json: p.id === 'lvzhi.meetings' ? { ...p, portals: [{ ...MAPPING, tables: [{ field: 'title', addButton: '录入' }] }] } : p }));
    expect(validatePackSet(bad).issues.map((i) => i.code)).toContain('wrong-type');
  });

  it('leaves both lists alone without a mapping', async () => {
    const { page, state, report } = await fill();
    expect(state.agenda).toEqual([]);
    // no block added and no course written (授课人 alone may be a single key of the record: the block's one control)
    const detail = JSON.stringify({ state, filled: report.filled.map((f) => [f.label, f.display]) });
    expect(state.courses.length, detail).toBe(1);
    expect(state.courses[0]!['course'], detail).toBe('');
    await page.close();
  });

  it('fills the table through its 录入 button and the blocks through their icon, as the mapping says', async () => {
    const { page, plan, report, state } = await fill(MAPPING);
    const detail = JSON.stringify({ tables: plan.tables, groups: plan.groups, failed: report.failed });
    const agenda = example.values['agenda'] as { topic: string; presenter: { name: string } }[];
    const courses = example.values['courses'] as { course: string; teacher: { name: string }; hours: number }[];
    expect(state.agenda, detail).toEqual(agenda.map((a) => ({ topic: a.topic, presenter: a.presenter.name })));
    expect(state.courses, detail).toEqual(courses.map((c) => ({ course: c.course, teacher: c.teacher.name, hours: String(c.hours) })));
    expect(report.failed, detail).toEqual([]);
    expect(plan.tables.map((x) => x.key), detail).toEqual(['meeting.agenda']);
    expect(plan.groups?.map((g) => [g.key, g.add]), detail).toEqual([['meeting.courses', 2]]);
    await page.close();
  });
});
