/**
 * What the repeating-group browser tests share (tests/e2e/autofill-repeat-*.e2e.test.ts): the
 * fixtures of tests/fixtures/repeat built with the real libraries, the standalone bundle, the
 * built-in packs, and `fill`/`state`/`undo` in the page. The portal's own model is the judge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadPaths } from '@lvzhi/shared/node';
import { dictionaryView, validatePackSet, type FillPlan, type FillReport, type PackDefinition } from '@lvzhi/shared';
import { launchChromium, REPO_ROOT, serveDir, type StaticServer } from '../harness/browser.ts';
import { AUTOFILL_BUNDLE, ensureAutofillBundle } from '../harness/autofill.ts';
import { buildRepeatFixtures, REPEAT_FIXTURES_DIR } from '../fixtures/repeat/build.ts';

export interface RepeatEnv { site: StaticServer; browser: Awaited<ReturnType<typeof launchChromium>>; packs: PackDefinition[] }

export async function setUp(): Promise<RepeatEnv> {
  await buildRepeatFixtures();
  ensureAutofillBundle();
  const loaded = await loadPaths([join(REPO_ROOT, 'forms', 'packs')], REPO_ROOT);
  const packs = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
  return { site: await serveDir(REPEAT_FIXTURES_DIR), browser: await launchChromium(), packs };
}

export async function tearDown(env: RepeatEnv | undefined): Promise<void> {
  await env?.browser.close();
  await env?.site.close();
}

/** An example record of the built-in forms: its form id and its values keyed by dictionary key. */
export function example(env: RepeatEnv, name: string): { form: string; values: Record<string, unknown>; raw: Record<string, unknown> } {
  const rec = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'examples', `${name}.json`), 'utf8')) as { form: string; values: Record<string, unknown> };
  const form = env.packs.flatMap((p) => p.forms ?? []).find((f) => f.id === rec.form)!;
  return { form: rec.form, values: dictionaryView(form, rec.values), raw: rec.values };
}

export async function open(env: RepeatEnv, path: string): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(env.site.url(`/${path}`));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal, undefined, { timeout: 20_000 });
  await page.addScriptTag({ path: AUTOFILL_BUNDLE });
  return page;
}

export const state = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { state(): Record<string, unknown> } }).__portal.state());
export const submit = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { submit(): Promise<{ ok: boolean; errors: string[] }> } }).__portal.submit());
export const undo = (page: Page) => page.evaluate(async () => (window as unknown as { Lvzhi: { undo(): Promise<{ restored: number; failed: unknown[] }> } }).Lvzhi.undo());

export async function fill(env: RepeatEnv, page: Page, form: string, values: Record<string, unknown>): Promise<{ plan: FillPlan; report: FillReport }> {
  const arg = JSON.stringify({ values, packs: env.packs, form });
  const out: string = await page.evaluate(async (arg: string) => {
    const a = JSON.parse(arg) as { values: unknown; packs: unknown; form: string };
    const L = (window as unknown as { Lvzhi: { fill(v: unknown, o: unknown): Promise<unknown> } }).Lvzhi;
    return JSON.stringify(await L.fill(a.values, { packs: a.packs, form: a.form }));
  }, arg);
  return JSON.parse(out) as { plan: FillPlan; report: FillReport };
}

/** The cells the report lists as filled for one record key, as `index:field`. */
export const filledCells = (report: FillReport, key: string) => report.filled.filter((f) => f.key === key && f.cell).map((f) => `${f.cell!.index}:${f.cell!.field}`);

/** The page read back into record values (capture), keyed by dictionary key. */
export async function readBack(env: RepeatEnv, page: Page, form: string): Promise<Record<string, unknown>> {
  const arg = JSON.stringify({ packs: env.packs, form });
  const out: string = await page.evaluate((arg: string) => {
    const a = JSON.parse(arg) as { packs: unknown; form: string };
    const L = (window as unknown as { Lvzhi: { readBack(o: unknown): { values: unknown } } }).Lvzhi;
    return JSON.stringify(L.readBack({ packs: a.packs, form: a.form }).values);
  }, arg);
  return JSON.parse(out) as Record<string, unknown>;
}
