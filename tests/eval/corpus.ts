/**
 * The evaluation corpus on disk: pages, expected files (zod-parsed) and how a page's state is
 * compared with what is expected. Shared by the self-check (tests/e2e/eval-pages.e2e.test.ts)
 * and the scorer (tests/eval/score.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { z } from 'zod';
import { EVAL_PAGES, EVAL_PORTALS_DIR, type EvalPage } from './portals/build.ts';

export { EVAL_PAGES, EVAL_PORTALS_DIR, type EvalPage };

const expectedFieldSchema = z.object({
  label: z.string().min(1),
  value: z.unknown(),
  recordLacks: z.string().min(1).optional(),
}).refine((f) => f.value !== undefined, { message: 'value is required (null when the record cannot hold it)' })
  .refine((f) => (f.value === null) === (f.recordLacks !== undefined), { message: 'recordLacks goes with value null, and only then' });

export const expectedSchema = z.object({
  page: z.string().regex(/^[a-z0-9-]+\.html$/),
  record: z.string().regex(/^tests\/eval\/records\/[a-z0-9.-]+\.json$/),
  fields: z.record(z.string(), expectedFieldSchema),
});
export type Expected = z.infer<typeof expectedSchema>;

export function loadExpected(page: EvalPage): Expected {
  const file = join(EVAL_PORTALS_DIR, 'expected', `${page.id}.json`);
  const parsed = expectedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.page !== page.page) throw new Error(`${file}: page is ${parsed.data.page}, expected ${page.page}`);
  return parsed.data;
}

/** The values the page must hold after a correct fill (fields the record cannot hold left out). */
export function expectedValues(exp: Expected): Record<string, unknown> {
  return Object.fromEntries(Object.entries(exp.fields).filter(([, f]) => f.value !== null).map(([k, f]) => [k, f.value]));
}

/**
 * Equality after trivial normalisation only:
 * - a number and a string of the same digits are equal (`5` = `"5"`);
 * - arrays whose elements are all scalars compare as sets (multi-select order does not matter);
 * - objects compare key by key, recursively; arrays of objects element by element.
 * Nothing else: `"2024-03-12"` ≠ `"2024/03/12"`, `"01"` ≠ `"汉族"`, trailing spaces count.
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'string') return String(actual) === expected;
  if (typeof actual === 'string' && typeof expected === 'number') return actual === String(expected);
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return false;
    const scalar = (x: unknown) => x === null || typeof x !== 'object';
    if (actual.every(scalar) && expected.every(scalar)) {
      const rest = [...actual];
      for (const e of expected) {
        const i = rest.findIndex((a) => sameValue(a, e));
        if (i < 0) return false;
        rest.splice(i, 1);
      }
      return true;
    }
    return actual.every((a, i) => sameValue(a, expected[i]));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const ka = Object.keys(actual as object);
    const ke = Object.keys(expected as object);
    return ka.length === ke.length && ke.every((k) => sameValue((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]));
  }
  return actual === expected;
}

/** Empty as a form means it: nothing, '', [], false, 0-length object. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0 || v.every(isEmpty);
  if (typeof v === 'object') return Object.values(v as object).every(isEmpty);
  return false;
}

/** The frame that holds `window.__portal` (the iframe page puts it in the frame named mainFrame). */
export async function portalFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const f of [page.mainFrame(), ...page.frames()]) {
      if (await f.evaluate(() => typeof (window as { __portal?: unknown }).__portal === 'object').catch(() => false)) return f;
    }
    if (Date.now() > deadline) throw new Error(`no window.__portal in ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

export async function portalState(frame: Frame): Promise<Record<string, unknown>> {
  return frame.evaluate(() => (window as unknown as { __portal: { state(): Record<string, unknown> } }).__portal.state());
}

export async function portalSubmit(frame: Frame): Promise<{ ok: boolean; errors: string[] }> {
  return frame.evaluate(async () => {
    const r = await (window as unknown as { __portal: { submit(): unknown } }).__portal.submit();
    return JSON.parse(JSON.stringify(r)) as { ok: boolean; errors: string[] };
  });
}
