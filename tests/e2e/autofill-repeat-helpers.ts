/**
 * What the repeating-group browser tests share (tests/e2e/autofill-repeat-*.e2e.test.ts): the
 * fixtures of tests/fixtures/repeat built with the real libraries, served beside the standalone
 * bundle through the shared autofill harness, the built-in packs and the example records. The
 * portal's own model is the judge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { dictionaryView, type FillPlan, type FillReport, type PackDefinition } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { buildRepeatFixtures, REPEAT_FIXTURES_DIR } from '../fixtures/repeat/build.ts';

export interface RepeatEnv { open(path: string): Promise<Page>; packs(): PackDefinition[] }

/** Registers the file's beforeAll/afterAll (fixture build, bundle, server, Chromium, packs). */
export function repeatSuite(): RepeatEnv {
  const suite = autofillSuite({ site: REPEAT_FIXTURES_DIR }, buildRepeatFixtures);
  let packs: PackDefinition[] = [];
  beforeAll(async () => { packs = await builtInPacks(); });
  return { open: (path) => openWithBundle(suite.browser, suite.site.url(`/${path}`)), packs: () => packs };
}

/** An example record of the built-in forms: its form id and its values keyed by dictionary key. */
export function example(env: RepeatEnv, name: string): { form: string; values: Record<string, unknown>; raw: Record<string, unknown> } {
  const rec = JSON.parse(readFileSync(join(REPO_ROOT, 'forms', 'examples', `${name}.json`), 'utf8')) as { form: string; values: Record<string, unknown> };
  const form = env.packs().flatMap((p) => p.forms ?? []).find((f) => f.id === rec.form)!;
  return { form: rec.form, values: dictionaryView(form, rec.values), raw: rec.values };
}

export const state = (page: Page) => portalState(page);
export const submit = (page: Page) => portalSubmit(page);
export const undo = (page: Page) => lvzhi<{ restored: number; failed: unknown[] }>(page, 'undo');
export const fill = (env: RepeatEnv, page: Page, form: string, values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values, { packs: env.packs(), form });
/** The page read back into record values (capture), keyed by dictionary key. */
export const readBack = async (env: RepeatEnv, page: Page, form: string) => (await lvzhi<{ values: Record<string, unknown> }>(page, 'readBack', { packs: env.packs(), form })).values;

/** The cells the report lists as filled for one record key, as `index:field`. */
export const filledCells = (report: FillReport, key: string) => report.filled.filter((f) => f.key === key && f.cell).map((f) => `${f.cell!.index}:${f.cell!.field}`);
