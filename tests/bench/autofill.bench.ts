/**
 * Autofill in headless Chromium.
 * 1. A 200-field native form: scan + plan + apply through the standalone bundle against a bare
 *    loop that only sets the same values with the native setter and fires the same events
 *    (focus, input, change, blur). Side by side in one page; goal ≤ 2× the bare loop.
 * 2. Each test portal: open the page and fill it from its example record, against opening the
 *    page alone (the difference is the fill); goal: the whole thing within 5 s.
 * 3. The slowest adapter fixture (tests/fixtures/adapters/, Ant Design Vue: a select whose
 *    options load late and is waited for, a multiple select, a date-time picker, a cascader, a
 *    picker that refuses its date) filled with no mapping, against opening the page alone.
 * Timing is taken around `page.evaluate`, so both sides carry the same DevTools round trip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { dictionaryView, validatePackSet, type PackDefinition } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';
import { defineBench, DEFAULT_WARMUP } from './harness.ts';
import { CHROMIUM_PATH, COMMON_ARGS, REPO_ROOT, serveDir, type StaticServer } from '../harness/browser.ts';
import { AUTOFILL_BUNDLE, ensureAutofillBundle } from '../harness/autofill.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';
import { RECORD as ADAPTER_RECORD } from '../fixtures/adapters/record.ts';

const BUNDLE = AUTOFILL_BUNDLE;
const FIELDS = 200;
const RUNS = 20;
const PORTAL_RUNS = 10;
const PORTALS = ['element', 'antd', 'layui', 'legacy'] as const;

interface Env { browser: Browser; site: StaticServer; adapters: StaticServer; packs: PackDefinition[]; users: number; release(): Promise<void> }
let env: Promise<Env> | undefined;

function open(): Promise<Env> {
  env ??= (async () => {
    await buildPortals();
    ensureAutofillBundle();
    const loaded = await loadPaths([join(REPO_ROOT, 'forms', 'packs')], REPO_ROOT);
    const packs = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
    const site = await serveDir(PORTALS_DIR);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...COMMON_ARGS] });
    await buildAdapterFixtures();
    const adapters = await serveDir(ADAPTER_FIXTURES_DIR);
    const e: Env = {
      browser, site, adapters, packs, users: 2 + PORTALS.length,
      async release() { if (--e.users === 0) { await browser.close(); await site.close(); await adapters.close(); } },
    };
    return e;
  })();
  return env;
}

/** A synthetic pack: 200 dictionary keys, each with a label the generated form uses. */
function benchPack(): PackDefinition {
  const dictionary = Array.from({ length: FIELDS }, (_, i) => ({ key: `bench.f${i}`, type: i % 10 === 9 ? 'textarea' as const : 'text' as const, label: `测试字段${i}号`, synonyms: [`字段${i}`] }));
  return { id: 'lvzhi.bench', version: '1.0.0', title: '基准', dictionary } as PackDefinition;
}

function formHtml(): string {
  const rows = Array.from({ length: FIELDS }, (_, i) => i % 10 === 9
    ? `<tr><td><label for="f${i}">测试字段${i}号：</label></td><td><textarea id="f${i}" name="f${i}"></textarea></td></tr>`
    : `<tr><td>字段${i}：</td><td><input id="f${i}" name="f${i}"></td></tr>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><form><table>${rows}</table></form></body></html>`;
}

let nativePage: Promise<Page> | undefined;
function native(): Promise<Page> {
  nativePage ??= (async () => {
    const e = await open();
    const page = await e.browser.newPage();
    await page.setContent(formHtml());
    await page.addScriptTag({ path: BUNDLE });
    const values = Object.fromEntries(Array.from({ length: FIELDS }, (_, i) => [`bench.f${i}`, `第${i}项的内容`]));
    await page.evaluate(([pack, values]) => { const w = window as unknown as Record<string, unknown>; w['__packs'] = [pack]; w['__values'] = values; }, [JSON.parse(JSON.stringify(benchPack())), values] as const);
    return page;
  })();
  return nativePage;
}
let nativeCalls = 0;
async function nativeDone(): Promise<void> {
  if (++nativeCalls === 2 * (RUNS + DEFAULT_WARMUP)) { await (await native()).close(); await (await open()).release(); }
}

function portalBench(name: (typeof PORTALS)[number]) {
  const exp = JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', `${name}.json`), 'utf8')) as { page: string; record: string; mapping: string | null };
  let calls = 0;
  let page: Page | undefined;
  const done = async () => { if (++calls === 2 * (PORTAL_RUNS + 1)) { await page?.close(); await (await open()).release(); } };
  const load = async (e: Env) => {
    page ??= await e.browser.newPage();
    await page.goto(e.site.url(`/${exp.page}`));
    await page.waitForFunction(() => {
      if ((window as unknown as { __portal?: unknown }).__portal) return true;
      for (let i = 0; i < window.frames.length; i++) { try { if ((window.frames[i] as unknown as { __portal?: unknown }).__portal) return true; } catch { /* other origin */ } }
      return false;
    });
    await page.addScriptTag({ path: BUNDLE });
    return page;
  };
  return defineBench<{ e: Env; arg: string }>({
    name: `autofill: open and fill the ${name} test portal`,
    unit: 'ms',
    goal: { value: 5000, op: '<=', description: 'a portal page is filled within a few seconds of the click' },
    runs: PORTAL_RUNS,
    warmup: 1,
    setup: async () => {
      const e = await open();
      const rec = JSON.parse(readFileSync(join(REPO_ROOT, exp.record), 'utf8')) as { form: string; values: Record<string, unknown> };
      const form = e.packs.flatMap((p) => p.forms ?? []).find((f) => f.id === rec.form)!;
      return { e, arg: JSON.stringify({ values: dictionaryView(form, rec.values), packs: e.packs, mapping: exp.mapping, form: rec.form }) };
    },
    run: async ({ e, arg }) => {
      const p = await load(e);
      const failed = await p.evaluate(async (arg: string) => {
        const a = JSON.parse(arg) as { values: unknown; packs: unknown; mapping: string | null; form: string };
        const r = await (window as unknown as { Lvzhi: { fill(v: unknown, o: unknown): Promise<{ report: { failed: unknown[] } }> } }).Lvzhi.fill(a.values, { packs: a.packs, form: a.form, ...(a.mapping ? { mapping: a.mapping } : {}) });
        return r.report.failed.length;
      }, arg);
      await done();
      if (failed) throw new Error(`${name}: ${failed} fields failed`);
    },
    baseline: { name: 'open the page only', run: async ({ e }) => { await load(e); await done(); } },
  });
}

const SLOWEST_ADAPTER_FIXTURE = 'ant-design-vue';
function adapterFixtureBench() {
  let calls = 0;
  let page: Page | undefined;
  const done = async () => { if (++calls === 2 * (PORTAL_RUNS + 1)) { await page?.close(); await (await open()).release(); } };
  const load = async (e: Env) => {
    page ??= await e.browser.newPage();
    await page.goto(e.adapters.url(`/${SLOWEST_ADAPTER_FIXTURE}.html`));
    await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal);
    await page.addScriptTag({ path: BUNDLE });
    return page;
  };
  return defineBench<Env>({
    name: `autofill: fill the slowest adapter fixture (${SLOWEST_ADAPTER_FIXTURE})`,
    unit: 'ms',
    goal: { value: 5000, op: '<=', description: 'a page of library widgets is filled within a few seconds of the click, late options included' },
    runs: PORTAL_RUNS,
    warmup: 1,
    setup: () => open(),
    run: async (e) => {
      const p = await load(e);
      const filled = await p.evaluate(async (arg: string) => (await (window as unknown as { Lvzhi: { fill(v: unknown): Promise<{ report: { filled: unknown[] } }> } }).Lvzhi.fill(JSON.parse(arg))).report.filled.length, JSON.stringify(ADAPTER_RECORD));
      await done();
      if (filled !== Object.keys(ADAPTER_RECORD).length - 1) throw new Error(`${SLOWEST_ADAPTER_FIXTURE}: filled ${filled}`);
    },
    baseline: { name: 'open the page only', run: async (e) => { await load(e); await done(); } },
  });
}

export default [
  defineBench<Page>({
    name: `autofill: scan + plan + apply, ${FIELDS}-field native form`,
    unit: 'ms',
    goal: { value: 2, op: '<=', unit: 'ratio', description: 'matching and safety checks cost at most as much again as typing the values' },
    runs: RUNS,
    setup: () => native(),
    run: async (page) => {
      const n = await page.evaluate(async () => {
        const w = window as unknown as { Lvzhi: { fill(v: unknown, o: unknown): Promise<{ report: { filled: unknown[] } }> }; __packs: unknown; __values: unknown };
        return (await w.Lvzhi.fill(w.__values, { packs: w.__packs })).report.filled.length;
      });
      await nativeDone();
      if (n !== FIELDS) throw new Error(`filled ${n} of ${FIELDS}`);
    },
    baseline: {
      name: 'bare loop: native setter + focus/input/change/blur',
      run: async (page) => {
        await page.evaluate(() => {
          const values = (window as unknown as { __values: Record<string, string> }).__values;
          const inputSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const areaSetter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
          for (let i = 0; i < 200; i++) {
            const el = document.getElementById(`f${i}`) as HTMLInputElement | HTMLTextAreaElement;
            el.focus();
            (el.tagName === 'TEXTAREA' ? areaSetter : inputSetter).call(el, values[`bench.f${i}`]!);
            el.dispatchEvent(new InputEvent('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
            el.blur();
          }
        });
        await nativeDone();
      },
    },
  }),
  ...PORTALS.map(portalBench),
  adapterFixtureBench(),
];
