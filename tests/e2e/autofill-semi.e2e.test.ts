/**
 * Semi Design (@douyinfe/semi-ui 2.x, React) on a 代表视察座谈会 registration page built with the
 * real library (tests/fixtures/adapters/semi.html): a radio group and a checkbox group of codes
 * (their options named by aria-labelledby, not by a label around them), a searchable Select of
 * ids, a Select whose options load late, a multiple searchable Select, a multiple and a single
 * TreeSelect whose nodes sit in folded branches, a date DatePicker, a dateTime DatePicker and a
 * TimePicker. Each value must be held in Semi's form state (formApi.getValues()), each key
 * reported filled, and the page's own validation must pass. A date-time the record holds without
 * its time, and a host the page does not list, are never reported filled.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const openPage = (file: string) => openWithBundle(t.browser, t.site.url(`/${file}`));
const fillFixture = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);
const statusOf = (r: FillReport, key: string) => r.filled.some((f) => f.key === key) ? 'filled' : r.failed.some((f) => f.key === key) ? 'failed' : 'skipped';

const VALUES = {
  'meeting.title': '青山镇人大代表视察农村饮水安全座谈会',
  'meeting.type': '代表专题座谈会',
  'meeting.host': { name: '陈志强' },
  'meeting.recorder': { name: '刘洋' },
  'meeting.date': '2025-04-16',
  'meeting.startTime': '2025-04-16T09:30',
  'meeting.endTime': '2025-04-16T11:30',
  'meeting.present': [{ name: '李秀英' }, { name: '孙丽华' }, { name: '马玉梅' }],
  'meeting.attending': [{ name: '钱玉兰' }, { name: '冯德胜' }],
  'meeting.organiser': '青山镇人大主席团',
  'inspection.methods': ['实地察看', '座谈讨论'],
};

describe('Semi Design', () => {
  it('chooses in Selects and TreeSelects, types DatePicker / TimePicker values, ticks checkboxes by their texts: each held in the form state, and the page submits', async () => {
    const page = await openPage('semi.html');
    try {
      const { report } = await fillFixture(page, VALUES);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-match') });
      expect(state, detail).toEqual({
        title: VALUES['meeting.title'], type: 'zt', host: 6003, recorder: 'S02',
        date: '2025-04-16', start: '09:30', end: '2025-04-16 11:30',
        present: [6002, 6005, 6008], presentNames: ['李秀英', '孙丽华', '马玉梅'], observers: [7102, 7201], org: 'T11', methods: ['M1', 'M3'],
      });
      for (const k of Object.keys(VALUES)) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
      expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    } finally {
      await page.close();
    }
  });

  it('never reports filled a date-time whose record has no time, nor a host the page does not list', async () => {
    const page = await openPage('semi.html');
    try {
      const values = { 'meeting.title': '青山镇人大主席团第三次会议', 'meeting.endTime': '2025-04-16', 'meeting.host': { name: '欧阳明远' } };
      const { report } = await fillFixture(page, values);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(state.title, detail).toBe(values['meeting.title']);
      // no time of day invented (Semi's Enter takes "now" for a text it cannot parse), no host guessed
      expect(state.end, detail).toBe('');
      expect(state.host, detail).toBeNull();
      expect(statusOf(report, 'meeting.endTime'), detail).not.toBe('filled');
      expect(statusOf(report, 'meeting.host'), detail).toBe('failed');
      const reasons = [...report.failed, ...report.skipped].filter((f) => 'key' in f ? f.key === 'meeting.endTime' : (f as { candidates?: string[] }).candidates?.includes('meeting.endTime') || f.label === '结束时间');
      expect(reasons.length, detail).toBeGreaterThan(0);
      expect(report.failed.find((f) => f.key === 'meeting.host')?.error, detail).toMatch(/找不到选项/);
    } finally {
      await page.close();
    }
  });

  it('a date alone handed to the dateTime picker itself (as a mapping could): the picker keeps nothing, no time is made up, and the report says failed', async () => {
    const page = await openPage('semi.html');
    try {
      const plan = await lvzhi<FillPlan>(page, 'plan', { 'meeting.endTime': '2025-04-16T11:30' });
      const step = plan.steps.find((s) => s.key === 'meeting.endTime');
      expect(step, JSON.stringify(plan)).toBeTruthy();
      step!.value = { type: 'text', text: '2025-04-16' };
      const report = await lvzhi<FillReport>(page, 'apply', plan);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(state.end, detail).toBe('');
      expect(statusOf(report, 'meeting.endTime'), detail).toBe('failed');
    } finally {
      await page.close();
    }
  });
});
