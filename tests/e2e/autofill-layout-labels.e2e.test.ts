/**
 * Labels from the layout for library widgets (issue 11 part 3): a Formily form on Fusion whose
 * selects and date pickers carry only generic words of their own (placeholder 请选择 /
 * 请选择日期, aria-label "select") and wrap their input several elements deep below the form
 * item's label (tests/fixtures/adapters/formily-labels.html). The scan must read the form
 * item's label for each, never a prompt word, and the fill must land in Formily's form.values.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { FillReport, ScanResult } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR, scanSite: join(REPO_ROOT, 'tests', 'fixtures', 'scan') }, buildAdapterFixtures);

const RECORD = {
  'deputy.name': '林晓燕', 'deputy.birthDate': '1983-02-17', 'deputy.ethnicity': '满族',
  'deputy.politicalStatus': '群众', 'deputy.education': '大学专科', 'deputy.electedDate': '2022-01-06',
};
const PROMPTS = /^(请选择|请输入|select)$/i;

describe('labels from the layout (Formily on Fusion)', () => {
  it('reads each widget’s form-item label, never a prompt word, and fills the form', async () => {
    const page = await openWithBundle(t.browser, t.site.url('/formily-labels.html'));
    const scan = await lvzhi<ScanResult>(page, 'scan');
    const first = scan.controls.map((c) => `${c.kind}:${c.labels[0]?.text ?? ''}`);
    expect(first).toEqual(['text:姓名', 'date:出生日期', 'select:民族', 'select:政治面貌', 'select:学历', 'date:当选日期']);
    for (const c of scan.controls) {
      for (const l of c.labels) expect(l.text, JSON.stringify(c.labels)).not.toMatch(PROMPTS);
      // a placeholder with a noun (请选择日期) may follow, after the layout's label
      expect(c.labels.findIndex((l) => l.source === 'placeholder'), JSON.stringify(c.labels)).not.toBe(0);
    }
    const report = (await lvzhi<{ report: FillReport }>(page, 'fill', RECORD)).report;
    const state = await portalState(page);
    const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped });
    expect(state, detail).toEqual({ xm: '林晓燕', csrq: '1983-02-17', mz: '满族', zzmm: '群众', xl: '大学专科', dxrq: '2022-01-06' });
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(RECORD).sort());
    const submitted = await portalSubmit(page);
    expect(submitted, detail).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('prompt words are no labels', () => {
  it('writes nothing into controls named only by a prompt (请选择日期, --请选择--, select)', async () => {
    const page = await openWithBundle(t.browser, t.scanSite.url('/prompt-only.html'), { waitForPortal: false });
    // 印发日期 is also the record's only date a bare 日期 could name
    const values = { 'meeting.title': '主席团七月例会', 'meeting.documentDate': '2024-07-08', 'meeting.type': '主席团会议' };
    const report = (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;
    const state = await portalState(page);
    const detail = JSON.stringify(report);
    expect(state, detail).toEqual({ title: '主席团七月例会', when: '', kind: '', doc: '2024-07-08' });
    expect(report.skipped.filter((s) => s.reason === 'no-label').length, detail).toBe(2);
    await page.close();
  });
});
