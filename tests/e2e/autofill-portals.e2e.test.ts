/**
 * Autofill on the test portals in headless Chromium: each portal is filled from a built-in
 * example record through the standalone bundle (window.Lvzhi), then its own framework state is
 * compared field by field with the expected file committed before the matcher was tuned, its
 * own submit validation must pass, read-back must return the record's values and undo must
 * restore the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { dictionaryView, type FillPlan, type FillReport, type PackDefinition } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, builtInPacks, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';

interface Expected {
  fixture: string; page: string; record: string; mapping: string | null;
  fields: Record<string, { key: string | null; value: unknown }>;
  innerFrame?: Record<string, string>;
}
const expected = (name: string): Expected => JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', `${name}.json`), 'utf8'));

const t = autofillSuite({ site: PORTALS_DIR, other: PORTALS_DIR }, buildPortals);
let packs: PackDefinition[];
beforeAll(async () => { packs = await builtInPacks(); });

function valuesOf(e: Expected): { values: Record<string, unknown>; form: string } {
  const rec = JSON.parse(readFileSync(join(REPO_ROOT, e.record), 'utf8')) as { form: string; values: Record<string, unknown> };
  const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === rec.form)!;
  return { values: dictionaryView(form, rec.values), form: rec.form };
}

async function open(e: Expected, query = ''): Promise<Page> {
  const page = await openWithBundle(t.browser, t.site.url(`/${e.page}${query}`));
  await page.waitForTimeout(200);
  return page;
}

/** The frame that has the portal's state (the page itself, or the frame of a frameset). */
function portalFrame(page: Page): Frame {
  return page.frames().find((f) => f.name() === 'mainFrame') ?? page.mainFrame();
}
const state = (page: Page) => portalState(portalFrame(page));
const submit = (page: Page) => portalSubmit(portalFrame(page));

const withMapping = (mapping: string | null) => (mapping ? { mapping } : {});
const fill = (page: Page, e: Expected, values: Record<string, unknown>, form: string) =>
  lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values, { packs, form, ...withMapping(e.mapping) });
const readBackIn = (page: Page, mapping: string | null, form: string) =>
  lvzhi<{ values: Record<string, unknown>; partial: Record<string, string> }>(page, 'readBack', { packs, form, ...withMapping(mapping) });

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0);

function checkState(e: Expected, s: Record<string, unknown>): string[] {
  const wrong: string[] = [];
  for (const [field, exp] of Object.entries(e.fields)) {
    const got = s[field];
    if (exp.key === null) { if (!isEmpty(got)) wrong.push(`${field}: should stay empty, got ${JSON.stringify(got)}`); continue; }
    if (JSON.stringify(got) !== JSON.stringify(exp.value)) wrong.push(`${field} (${exp.key}): expected ${JSON.stringify(exp.value)}, got ${JSON.stringify(got)}`);
  }
  return wrong;
}

function checkReadBack(e: Expected, record: Record<string, unknown>, back: Record<string, unknown>, partial: Record<string, string>): string[] {
  const wrong: string[] = [];
  const norm = (v: unknown): unknown => Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' && 'name' in v ? (v as { name: string }).name : v;
  for (const exp of Object.values(e.fields)) {
    if (!exp.key || exp.key.endsWith('.photo')) continue;
    let want = norm(record[exp.key]);
    let got = norm(back[exp.key] ?? partial[exp.key]);
    if (typeof want === 'string' && /^\d{4}-\d{2}-\d{2}/.test(want) && typeof got === 'string') { want = want.slice(0, got.length); got = got.slice(0, (want as string).length); }
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${exp.key}: read ${JSON.stringify(got)}, record has ${JSON.stringify(want)}`);
  }
  return wrong;
}

/** Which radios of the portal are checked (by name and value). */
const checkedRadios = (page: Page) => portalFrame(page).evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((i) => i.checked).map((i) => `${i.name}=${i.value}`));

/** Ids of the radio-group controls a scan finds (the fill's own scan of the same page gives the same ids). */
async function radioControls(page: Page, e: Expected): Promise<Set<string>> {
  const scan = await lvzhi<{ controls: { id: string; kind: string }[] }>(page, 'scan', { packs, ...withMapping(e.mapping) });
  return new Set(scan.controls.filter((c) => c.kind === 'radio').map((c) => c.id));
}

async function fullCycle(name: string) {
  const e = expected(name);
  const { values, form } = valuesOf(e);
  const page = await open(e);
  try {
    const before = await state(page);
    const radiosBefore = await checkedRadios(page);
    const radioIds = await radioControls(page, e);
    const t0 = Date.now();
    const { plan, report } = await fill(page, e, values, form);
    const ms = Date.now() - t0;
    expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan); // plain data
    const filledKeys = new Set(report.filled.map((f) => f.key));
    for (const exp of Object.values(e.fields)) if (exp.key) expect(filledKeys.has(exp.key), `${exp.key} filled`).toBe(true);
    { const w = checkState(e, await state(page)); expect(w, w.join('\n')).toEqual([]); }
    expect(await submit(page)).toEqual({ ok: true, errors: [] });
    const back = await readBackIn(page, e.mapping, form);
    { const w = checkReadBack(e, values, back.values, back.partial); expect(w, w.join('\n')).toEqual([]); }
    const undone = await lvzhi<{ failed: { control: string; error: string }[] }>(page, 'undo');
    // every control comes back, radio groups that had nothing chosen included (their framework model is put back)
    expect(undone.failed, JSON.stringify(undone.failed)).toEqual([]);
    const after = await state(page);
    for (const field of Object.keys(e.fields)) {
      expect(isEmpty(after[field]) && isEmpty(before[field]) ? true : after[field], field).toEqual(isEmpty(before[field]) ? true : before[field]);
    }
    // radio groups hold exactly the model value they held before ('' stays '', none stays none), not just "something empty"
    const radioKeys = new Set(plan.steps.filter((s) => radioIds.has(s.control)).map((s) => s.key));
    for (const [field, exp] of Object.entries(e.fields)) if (exp.key && radioKeys.has(exp.key)) expect(after[field] ?? null, `${field} exactly as before`).toEqual(before[field] ?? null);
    // the radios show what they showed before the fill (a group with nothing chosen shows nothing chosen)
    expect(await checkedRadios(page)).toEqual(radiosBefore);
    return { ms, report };
  } finally {
    await page.close();
  }
}

describe('autofill fills each test portal so that its own framework state holds the record', () => {
  it('Vue 3 + Element Plus (suggestion, with the suggestion-oa portal mapping)', async () => { await fullCycle('element'); });
  it('React + Ant Design (deputy profile, labels only)', async () => { await fullCycle('antd'); });
  it('Layui (deputy profile, with the deputy-profile-layui portal mapping)', async () => { await fullCycle('layui'); });
  it('table-layout page inside a frameset, obscure ids, My97 read-only dates, a table with an add-row button', async () => { await fullCycle('legacy'); });

  it('a wizard: step 2 is filled after step 1 passes', async () => {
    const e = expected('wizard');
    const { values, form } = valuesOf(e);
    const page = await open(e);
    try {
      const r1 = await fill(page, e, values, form);
      expect(r1.report.failed).toEqual([]);
      await page.click('#wz-next');
      await page.waitForSelector('#wz-chair');
      const r2 = await fill(page, e, values, form);
      expect(r2.report.failed).toEqual([]);
      { const w = checkState(e, await state(page)); expect(w, w.join('\n')).toEqual([]); }
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('read-back captures values the portal itself loaded (an edit page)', async () => {
    const e = expected('legacy');
    const page = await open(e);
    try {
      await portalFrame(page).evaluate(() => {
        (document.getElementById('ctl00_cph_txtZt') as HTMLInputElement).value = '敬老院消防安全';
        (document.getElementById('ctl00_cph_ddlLx') as HTMLSelectElement).value = '03';
        (document.getElementById('ctl00_cph_txtRq') as HTMLInputElement).value = '2024年09月05日';
        (document.getElementById('ctl00_cph_txtDdld') as HTMLInputElement).value = '陈志强';
      });
      const back = await readBackIn(page, null, 'inspection');
      expect(back.values).toMatchObject({ 'inspection.subject': '敬老院消防安全', 'inspection.type': '专题调研', 'inspection.date': '2024-09-05', 'inspection.leader': { name: '陈志强' } });
    } finally { await page.close(); }
  });

  it('never writes into hidden, zero-size, off-screen, disabled or aria-hidden fields, passwords or a cross-origin frame', async () => {
    const e = expected('safety');
    const { values, form } = valuesOf(e);
    const page = await open(e, `?frame=${encodeURIComponent(t.other.url('/safety/inner.html'))}`);
    try {
      const { plan, report } = await fill(page, e, values, form);
      { const w = checkState(e, await state(page)); expect(w, w.join('\n')).toEqual([]); }
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
      const inner = page.frames().find((f) => f.url().startsWith(t.other.origin))!;
      expect(await inner.evaluate(() => (window as unknown as { __inner(): unknown }).__inner())).toEqual(e.innerFrame);
      expect(plan.skipped.filter((s) => s.reason === 'unusable').length).toBeGreaterThanOrEqual(8);
      expect(plan.skipped.some((s) => s.reason === 'cross-origin')).toBe(true);
      expect(plan.skipped.some((s) => s.reason === 'password')).toBe(true);
      expect(report.filled.map((f) => f.key).sort()).toEqual(['deputy.mobile', 'deputy.name']);
      // ID and phone numbers are masked wherever the plan shows them
      expect(JSON.stringify(report)).not.toContain(values['deputy.mobile'] as string);
    } finally { await page.close(); }
  });
});
