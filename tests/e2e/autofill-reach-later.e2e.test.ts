/**
 * A fill keeps the reach checks of its scan while the page does not change (apply.ts, reachNow
 * in util.ts): this page changes under the fill. Typing the name makes its script lay a cover
 * over the mobile box (a DOM change); choosing 女 in a select lays one over the ID box by CSS
 * alone (`:has(:checked)`, no DOM change). Both boxes were reachable at the scan; neither may
 * be written, and the report says why.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { FillReport, ScanResult } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';

const suite = autofillSuite({ site: join(REPO_ROOT, 'tests', 'fixtures', 'scan') });

const fill = async (values: Record<string, string>) => {
  const page = await openWithBundle(suite.browser, suite.site.url('/covered-later.html'));
  try {
    // at the scan every field is reachable
    expect((await lvzhi<ScanResult>(page, 'scan')).controls.map((c) => c.usable)).toEqual([true, true, true, true]);
    const { report } = await lvzhi<{ report: FillReport }>(page, 'fill', values);
    const state = await portalState<Record<string, string>>(page);
    return { report, state, skipped: Object.fromEntries(report.skipped.filter((s) => s.reason === 'unusable').map((s) => [s.label, s.detail])) };
  } finally { await page.close(); }
};

// each case alone in its own fill: the other's change would make the fill check afresh anyway
describe('controls covered while the fill runs', () => {
  it('a box the page covers when the field before it is typed (a DOM change) is left empty', async () => {
    const { report, state, skipped } = await fill({ 'deputy.name': '王芳', 'deputy.mobile': '13800001111' });
    expect(state).toEqual({ name: '王芳', gender: '', mobile: '', idno: '' });
    expect(report.filled.map((f) => f.key)).toEqual(['deputy.name']);
    expect(skipped).toEqual({ 手机号码: '控件被其他内容遮住' });
  });

  it('a box that CSS covers once a choice is made (no DOM change) is left empty', async () => {
    const { report, state, skipped } = await fill({ 'deputy.gender': '女', 'deputy.idNumber': '320102198001010029' });
    expect(state).toEqual({ name: '', gender: '2', mobile: '', idno: '' });
    expect(report.filled.map((f) => f.key)).toEqual(['deputy.gender']);
    expect(skipped).toEqual({ 公民身份号码: '控件被其他内容遮住' });
  });
});
