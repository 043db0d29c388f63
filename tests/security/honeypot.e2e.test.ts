/**
 * Honeypots (issue 13): a hostile page plants controls a person cannot see or reach, labelled
 * as fields the record holds, to harvest ID and phone numbers. Each trap below sits beside the
 * real fields of tests/fixtures/scan/honeypots.html; autofill must write the real fields and
 * none of the traps: clip-path inset(50%), opacity 0.01, opacity multiplied along ancestors, an
 * element laid over the control, transparent text, text the colour of its background, a 5×5
 * clipping box, clip rect(0 0 0 0), a control 30,000 px below a short page, and (for personal
 * data only) a tiny box and tiny text.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';

const t = autofillSuite({ site: join(REPO_ROOT, 'tests', 'fixtures', 'scan') });

const ID = '320102198001010029';
const MOBILE = '13800001111';

describe('honeypots', () => {
  it('writes the real fields and none of the traps', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/honeypots.html'), { waitForPortal: false });
    try {
      const out = await lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', { 'deputy.name': '王芳', 'deputy.mobile': MOBILE, 'deputy.idNumber': ID });
      const state = await portalState(page);
      expect({ name: state['name'], mobile: state['mobile'], idno: state['idno'] }).toEqual({ name: '王芳', mobile: MOBILE, idno: ID });
      const written = Object.entries(state).filter(([k, v]) => k.startsWith('t') && v !== '');
      expect(written, JSON.stringify(out.plan.steps.map((s) => s.label))).toEqual([]);
      // every trap is reported as skipped, in plain words
      const skipped = out.plan.skipped.filter((s) => s.reason === 'unusable');
      expect(skipped.length).toBe(11);
      for (const s of skipped) expect(s.detail).toMatch(/^控件|^所在框架/);
      expect(out.report.filled.map((f) => f.key).sort()).toEqual(['deputy.idNumber', 'deputy.mobile', 'deputy.name']);
      // the page did not stay scrolled where a hit test looked
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    } finally { await page.close(); }
  });

  it('names why each trap is refused', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/honeypots.html'), { waitForPortal: false });
    try {
      const reasons = await page.evaluate(() => {
        const L = (window as unknown as { Lvzhi: { scan(): { controls: { name?: string; unusableReason?: string; caution?: string }[] } } }).Lvzhi;
        return Object.fromEntries(L.scan().controls.map((c) => [c.name, c.unusableReason ?? c.caution ?? 'ok']));
      });
      expect(reasons).toEqual({
        name: 'ok', mobile: 'ok', idno: 'ok',
        t1: 'covered', t2: 'transparent', t3: 'transparent', t4: 'covered', t5: 'invisible-text', t6: 'invisible-text',
        t7: 'clipped', t8: 'clipped', t9: 'far-away', t10: 'zero-size', t11: 'tiny-text',
      });
    } finally { await page.close(); }
  });
});
