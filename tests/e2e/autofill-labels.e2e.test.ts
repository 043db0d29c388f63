/**
 * Labels read from the layout as a person reads them (tests/fixtures/scan/labels.html): plain
 * div/span/dt/th text beside or above a control, an ASP.NET RadioButtonList table labelled by
 * its row, a placeholder used last, a derived 单位及职务, a label naming a key the record lacks.
 * Filled through the standalone bundle and checked against the page's own values.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState } from '../harness/autofill.ts';

const t = autofillSuite({ site: join(REPO_ROOT, 'tests', 'fixtures', 'scan') });

const values = {
  'deputy.name': '王芳', 'deputy.gender': '女', 'deputy.ethnicity': '汉族', 'deputy.nativePlace': '江苏南京',
  'deputy.workUnit': '青山镇人民政府', 'deputy.position': '镇长', 'deputy.groupLeader': true,
  'deputy.idNumber': '320102198001010029', 'deputy.email': 'wf@example.cn', 'deputy.mobile': '13800001111',
  'record.remarks': '无',
};

describe('labels from the layout', () => {
  it('fills every field of a page whose labels are plain layout text', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/labels.html'), { waitForPortal: false });
    try {
      const out = await lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);
      const state = await portalState(page);
      expect(state).toEqual({
        f1: '王芳', f2: '2', f3: '汉族', f4: '江苏南京', f5: '青山镇人民政府', f6: '镇长', f7: '1',
        f8: '320102198001010029', f9: 'wf@example.cn', f10: '13800001111', f11: '青山镇人民政府镇长', f12: '无',
      });
      // the radio list is one control labelled by its row, not by 是/否
      const radio = out.plan.steps.find((s) => s.key === 'deputy.groupLeader');
      expect(radio?.label).toBe('是否代表小组长');
      // labels as the page shows them, without star and colon; the record field in plain words
      expect(out.plan.steps.find((s) => s.key === 'deputy.name')).toMatchObject({ label: '姓名', field: { label: '姓名', labelEn: 'Name' } });
      expect(out.plan.steps.find((s) => s.key === 'deputy.idNumber')?.label).toBe('公民身份号码');
      expect(out.report.failed).toEqual([]);
      expect(JSON.stringify(out.report)).not.toContain('320102198001010029');
    } finally { await page.close(); }
  });
});

describe('a form in a modal dialog', () => {
  it('closes a dropdown with Escape without closing the dialog that holds the form', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/dialog.html'), { waitForPortal: false });
    try {
      const report = (await lvzhi<{ report: FillReport }>(page, 'fill', { 'deputy.name': '王芳', 'deputy.gender': '女', 'deputy.ethnicity': '汉族' })).report;
      const state = await portalState(page);
      // null would mean the dialog (and the form) was closed by the engine's Escape
      expect(state).toEqual({ xm: '王芳', xb: '2', mz: '汉族', listOpen: false });
      expect(report.failed).toEqual([]);
      expect(report.filled.map((f) => f.key).sort()).toEqual(['deputy.ethnicity', 'deputy.gender', 'deputy.name']);
    } finally { await page.close(); }
  });
});

describe('widgets no adapter knows', () => {
  it('does not type into the box of an unknown dropdown or calendar, and says why', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/unknown-widget.html'), { waitForPortal: false });
    try {
      const report = (await lvzhi<{ report: FillReport }>(page, 'fill', { 'deputy.name': '王芳', 'deputy.ethnicity': '汉族', 'deputy.birthDate': '1980-01-01', 'deputy.mobile': '13800001111' })).report;
      const state = await portalState(page);
      // the plain box and the read-only box without a popup hold what a form post sends
      expect(state).toEqual({ xm: '王芳', mz: '', csrq: '', dh: '13800001111' });
      expect(report.filled.map((f) => f.key).sort()).toEqual(['deputy.mobile', 'deputy.name']);
      const skipped = report.skipped.filter((s) => s.reason === 'unsupported').map((s) => s.label).sort();
      expect(skipped).toEqual(['出生日期', '民族']);
      expect(report.skipped.find((s) => s.label === '民族')?.detail).toMatch(/未适配/);
    } finally { await page.close(); }
  });
});
