/**
 * Fields that show later (issue 12 part 4, the standalone side): a two-step page whose second
 * step is hidden until the user clicks 下一步, with a select disabled until its list loads
 * (tests/fixtures/scan/later-step.html). The fill writes what shows and never moves the wizard
 * on (tabs are opened — autofill-tabs-tables — but 下一步 may validate or save); its report names
 * the record fields that wait on the hidden step (`later`). After the user moves on,
 * `Lvzhi.fillMore` (继续填写) fills only the fields that appeared — waiting for the select's
 * list — and leaves what the user changed by hand on the first step; `undo` restores both fills.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';

const t = autofillSuite({ site: join(REPO_ROOT, 'tests', 'fixtures', 'scan') });

const values = {
  'letter.name': '周桂芳', 'letter.subject': '反映小区路灯损坏', 'letter.content': '请求尽快维修小区东侧路灯。',
  'letter.forwardedTo': '镇城建办', 'letter.dueDate': '2024-12-20',
};
type Out = { report: FillReport };
const call = (page: Page, fn: 'fill' | 'fillMore') => lvzhi<Out>(page, fn, values);
const state = (page: Page) => portalState<Record<string, string>>(page);

describe('fields that show later', () => {
  it('reports the fields waiting on a hidden step, then fills only them after the user moves on', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/later-step.html'), { waitForPortal: false });
    try {
      const first = await call(page, 'fill');
      expect(first.report.filled.map((f) => f.key).sort()).toEqual(['letter.name', 'letter.subject']);
      const later = first.report.skipped.filter((s) => s.later);
      expect(later.map((s) => s.field?.label).sort(), JSON.stringify(first.report.skipped)).toEqual(['办理时限', '反映内容', '转交部门']);
      expect(later.every((s) => /显示后可继续填写/.test(s.detail ?? '')), JSON.stringify(later)).toBe(true);
      // nothing written into the hidden step, and the wizard was not moved on for the user
      expect(await state(page)).toEqual({ name: '周桂芳', subject: '反映小区路灯损坏', content: '', unit: '', due: '' });
      expect(await page.isHidden('#p2')).toBe(true);

      // the clerk corrects the first step by hand, then moves on
      await page.fill('#subject', '反映小区东侧路灯损坏');
      await page.click('#next');
      const more = await call(page, 'fillMore');
      expect(more.report.filled.map((f) => f.key).sort(), JSON.stringify(more.report)).toEqual(['letter.content', 'letter.dueDate', 'letter.forwardedTo']);
      expect(await state(page)).toEqual({ name: '周桂芳', subject: '反映小区东侧路灯损坏', content: '请求尽快维修小区东侧路灯。', unit: 'U2', due: '2024-12-20' });

      const undone = await lvzhi<{ restored: number; failed: unknown[] }>(page, 'undo');
      expect(undone.failed).toEqual([]);
      expect(await state(page)).toMatchObject({ name: '', content: '', unit: '', due: '' });
    } finally { await page.close(); }
  });
});
