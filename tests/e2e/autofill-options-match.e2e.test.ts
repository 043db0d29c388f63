/**
 * Questions with generic labels (类型, 分类) on an Arco Design page of our own: a button-style
 * radio group (one question, not three lone radios) and a plain one, each decided by whose option
 * list its options belong to among the record's keys; the page's own state is read back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ adapters: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const open = () => openWithBundle(t.browser, t.adapters.url('/arco-generic.html'));
const fill = async (page: Page, values: Record<string, unknown>) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;
const state = (page: Page) => portalState(page);
const submit = (page: Page) => portalSubmit(page);

describe('generic labels decided by the options beside them', () => {
  it('fills 类型 with the letter’s kind and 分类 with its category, and the page submits', async () => {
    const page = await open();
    try {
      const report = await fill(page, { 'letter.name': '孙秀梅', 'letter.kind': '来访', 'letter.category': '环境保护', 'letter.subject': '养殖场异味' });
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ name: '孙秀梅', kind: 'LF', category: '05' });
      expect(report.filled.map((f) => [f.label, f.key]).sort(), detail).toEqual([['分类', 'letter.category'], ['来信人', 'letter.name'], ['类型', 'letter.kind']]);
      expect(report.failed, detail).toEqual([]);
      // the button group is one question: no lone radios reported beside it
      expect(report.skipped.filter((s) => s.label === '类型'), detail).toEqual([]);
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });
});
