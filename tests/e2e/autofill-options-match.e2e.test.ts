/**
 * Questions with generic labels (类型, 分类) on an Arco Design page of our own: a button-style
 * radio group (one question, not three lone radios) and a plain one, each decided by whose option
 * list its options belong to among the record's keys; the page's own state is read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { launchChromium, serveDir, type StaticServer } from '../harness/browser.ts';
import { AUTOFILL_BUNDLE, ensureAutofillBundle } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

let site: StaticServer, browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  await buildAdapterFixtures();
  ensureAutofillBundle();
  site = await serveDir(ADAPTER_FIXTURES_DIR);
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); await site?.close(); });

async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(site.url('/arco-generic.html'));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal, undefined, { timeout: 20_000 });
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return page;
}
async function fill(page: Page, values: Record<string, unknown>): Promise<FillReport> {
  const out: string = await page.evaluate(async (arg: string) => {
    const L = (window as unknown as { Lvzhi: { fill(v: unknown): Promise<{ report: unknown }> } }).Lvzhi;
    return JSON.stringify((await L.fill(JSON.parse(arg))).report);
  }, JSON.stringify(values));
  return JSON.parse(out) as FillReport;
}
const state = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { state(): unknown } }).__portal.state());
const submit = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { submit(): Promise<unknown> } }).__portal.submit());

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
