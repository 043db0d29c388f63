/**
 * Self-check of the evaluation corpus (tests/eval/README.md), without the autofill engine: for
 * every page, in real Chromium,
 *  (a) the untouched page's state() holds none of the expected values,
 *  (b) submit() of the empty page fails its own validation,
 *  (c) a person's fill with Playwright (tests/eval/person-fill.ts) makes state() equal the
 *      expected value of every field that has one, and submit() then passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDir, type PlainBrowser, type StaticServer } from '../harness/browser.ts';
import { EVAL_PAGES, expectedValues, isEmpty, loadExpected, portalFrame, portalState, portalSubmit, sameValue } from '../eval/corpus.ts';
import { PERSON_FILLS } from '../eval/person-fill.ts';
import { buildEvalPortals, EVAL_PORTALS_DIR } from '../eval/portals/build.ts';

let site: StaticServer;
let browser: PlainBrowser;

beforeAll(async () => {
  await buildEvalPortals();
  site = await serveDir(EVAL_PORTALS_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('evaluation pages', () => {
  it('has at least 13 pages, each with an expected file and a person fill', () => {
    expect(EVAL_PAGES.length).toBeGreaterThanOrEqual(13);
    for (const p of EVAL_PAGES) {
      const exp = loadExpected(p);
      const n = Object.keys(exp.fields).length;
      expect(n, p.id).toBeGreaterThanOrEqual(10);
      expect(n, p.id).toBeLessThanOrEqual(25);
      expect(PERSON_FILLS[p.id], p.id).toBeTypeOf('function');
    }
  });

  for (const p of EVAL_PAGES) {
    it(`${p.id}: empty page holds nothing expected and fails submit; a person's fill gives the expected state and passes`, async () => {
      const exp = loadExpected(p);
      const want = expectedValues(exp);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.setDefaultTimeout(10_000);
      try {
        if (p.viewport) await page.setViewportSize(p.viewport);
        await page.goto(site.url(`/${p.page}`));
        const frame = await portalFrame(page);
        const before = await portalState(frame);
        for (const key of Object.keys(exp.fields)) expect(Object.keys(before), `${p.id}: state() lacks ${key}`).toContain(key);
        for (const [key, value] of Object.entries(want)) {
          expect(!isEmpty(before[key]) && sameValue(before[key], value), `${p.id}.${key} already holds the expected value`).toBe(false);
        }
        expect((await portalSubmit(frame)).ok, `${p.id}: empty submit`).toBe(false);

        await PERSON_FILLS[p.id]!(page, want);
        const after = await portalState(frame);
        const wrong = Object.entries(want)
          .filter(([k, value]) => !sameValue(after[k], value))
          .map(([k, value]) => `${k}: got ${JSON.stringify(after[k])}, expected ${JSON.stringify(value)}`);
        expect(wrong, p.id).toEqual([]);
        const result = await portalSubmit(frame);
        expect(result.errors, p.id).toEqual([]);
        expect(result.ok, p.id).toBe(true);
        expect(errors, `${p.id}: page errors`).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
