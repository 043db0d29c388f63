/**
 * Scores the autofill engine on the evaluation corpus (tests/eval/README.md).
 *
 * For each page: open it in Chromium, inject the standalone bundle shared/dist/lvzhi-autofill.js,
 * load the built-in packs from forms/packs (loadPaths + validatePackSet), turn the page's record
 * into dictionary values (dictionaryView), call `Lvzhi.fill(values, { packs, form })` with no
 * mapping, then compare the page's own state() with the expected file field by field and run the
 * page's own submit().
 *
 * A page whose fields come in steps is filled as a clerk does it with the extension: when the
 * report names fields waiting on a step not shown yet (`later`), the scorer clicks the page's own
 * 下一步 button (the clerk's click; the engine never moves a wizard on by itself) and calls
 * `Lvzhi.fillMore`, as the launcher's 继续填写 does, up to three steps. `steps` counts those clicks.
 *
 * Verdict per field (comparison: `sameValue` in corpus.ts — only string/number of the same digits
 * and the order of multi-select arrays are normalised):
 * - right:   the state equals the expected value; for an expected null (the record cannot hold
 *            the field) the field is left empty or as the page had it;
 * - wrong:   a value was written that differs from the expected one (for an expected null:
 *            anything was written);
 * - missing: the field was left empty or as the page had it, but a value was expected.
 * falseFilled counts fields the engine's report lists as filled (matched by label) whose state
 * does not hold the expected value.
 *
 * `npx tsx tests/eval/score.ts [page-id…]` prints the per-page table (and `--json` the details, `--json --report` with the engine's report;
 * `--page-world` runs the engine in the page's own world instead of an isolated world as the extension does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { dictionaryView, validatePackSet } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';
import { launchChromium, REPO_ROOT, serveDir, type PlainBrowser } from '../harness/browser.ts';
import { EVAL_PAGES, isEmpty, loadExpected, portalFrame, portalState, portalSubmit, sameValue, type EvalPage } from './corpus.ts';
import { buildEvalPortals, EVAL_PORTALS_DIR } from './portals/build.ts';
import { AUTOFILL_BUNDLE } from '../harness/autofill.ts';
import { injectEngine } from '../harness/isolated-world.ts';


interface Report { filled?: Array<{ label?: string }>; skipped?: Array<{ later?: boolean }> }

export type Verdict = 'right' | 'wrong' | 'missing';

export interface FieldScore {
  key: string;
  label: string;
  expected: unknown;
  actual: unknown;
  verdict: Verdict;
  /** The engine's report says it filled this field (by label). */
  reportedFilled: boolean;
}

export interface PageScore {
  id: string;
  library: string;
  kind: string;
  fields: number;
  right: number;
  wrong: number;
  falseFilled: number;
  missing: number;
  submitOk: boolean;
  submitErrors: string[];
  /** Wall time of Lvzhi.fill (and of each Lvzhi.fillMore after a 下一步) in the page, ms. */
  fillMs: number;
  /** 下一步 clicks the clerk made to reach fields the fill reported as waiting (0 on one-step pages). */
  steps: number;
  details: FieldScore[];
  /** The engine's report (filled / skipped / failed), as JSON. */
  report: unknown;
  /** A problem that stopped the page from being scored (missing record, page error…). */
  error?: string;
}

export interface CorpusScore {
  pages: PageScore[];
  total: { pages: number; fields: number; right: number; wrong: number; falseFilled: number; missing: number; submitOk: number; slowestFillMs: number; fractionRight: number };
}

export interface ScoreOptions {
  /** Page ids to score (default: all). */
  pages?: readonly string[];
  /** Reuse a browser (the bench does); otherwise one is launched and closed. */
  browser?: PlainBrowser;
  /** Path of the standalone bundle (default shared/dist/lvzhi-autofill.js). */
  bundle?: string;
  /**
   * Where the engine runs: `isolated` (default) as the extension runs it — in an isolated world of
   * the page, reaching framework state only through the page-world bridge — or `page`, in the
   * page's own world (where Vue and React expandos are visible directly).
   */
  world?: 'isolated' | 'page';
}

interface PackDoc { id: string; forms: Array<{ id: string }> }
interface LoadedPacks { packs: PackDoc[] }

async function loadPacks(): Promise<LoadedPacks> {
  const loaded = await loadPaths([join(REPO_ROOT, 'forms', 'packs')]);
  const packs = loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ source: d.source, json: d.json }));
  const result = validatePackSet(packs);
  if (!result.ok) throw new Error(`forms/packs do not validate: ${result.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  return { packs: result.packs as unknown as PackDoc[] };
}

/** The dictionary values of a record (tests/eval/records/…), as autofill takes them. */
export function recordValues(recordPath: string, loaded: LoadedPacks): { form: string; values: Record<string, unknown> } {
  const file = join(REPO_ROOT, recordPath);
  if (!existsSync(file)) throw new Error(`record missing: ${recordPath}`);
  const record = JSON.parse(readFileSync(file, 'utf8')) as { pack: string; form: string; values: Record<string, unknown> };
  const pack = loaded.packs.find((p) => p.id === record.pack);
  const form = pack?.forms.find((f) => f.id === record.form);
  if (!form) throw new Error(`${recordPath}: no form ${record.pack}/${record.form} in forms/packs`);
  return { form: record.form, values: dictionaryView(form as never, record.values as never) as Record<string, unknown> };
}

/** Labels as people read them: no spaces (also full-width), asterisks or colons. */
export function normaliseLabel(s: string): string {
  return s.replace(/[\s\u3000*＊:：]/g, '');
}

async function scorePage(page: Page, url: string, p: EvalPage, loaded: LoadedPacks, bundle: string, world: 'isolated' | 'page'): Promise<PageScore> {
  const exp = loadExpected(p);
  const base: PageScore = {
    id: p.id, library: p.library, kind: p.kind, fields: Object.keys(exp.fields).length,
    right: 0, wrong: 0, falseFilled: 0, missing: 0, submitOk: false, submitErrors: [], fillMs: 0, steps: 0, details: [], report: null,
  };
  let rec: { form: string; values: Record<string, unknown> };
  try {
    rec = recordValues(exp.record, loaded);
  } catch (e) {
    return { ...base, missing: base.fields, error: (e as Error).message };
  }
  if (p.viewport) await page.setViewportSize(p.viewport);
  await page.goto(url);
  const frame = await portalFrame(page);
  // Let the page settle as a person would before starting (opening animations, fonts).
  // (Playwright's network idle does not always come for some script-tag pages — Vue 2 + Element UI with
  // its icon font — though every request has finished: waited for a while, then the page is taken as it is)
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MS }).catch(() => undefined);
  await page.waitForTimeout(300);
  const before = await portalState(frame);
  const engine = await injectEngine(page, bundle, { world });
  // the fill's own wall time, measured in the page
  const run = async (method: 'fill' | 'fillMore') => {
    const { ms, value } = await engine<{ report: unknown }>(method, rec.values, { packs: loaded.packs, form: rec.form });
    return { ms, report: value.report };
  };
  const result = await run('fill');
  let { ms: fillMs, report } = result;
  const filled = [...((report as Report).filled ?? [])];
  let steps = 0;
  while (steps < 3 && ((report as Report).skipped ?? []).some((s) => s.later)) {
    const next = frame.getByRole('button', { name: /^\s*(下一步|下一页|Next)\s*$/ }).filter({ visible: true });
    if ((await next.count()) !== 1 || !(await next.isEnabled())) break;
    await next.click();
    steps++;
    const more = await run('fillMore');
    fillMs += more.ms;
    report = more.report;
    filled.push(...((report as Report).filled ?? []));
  }
  const after = await settledState(frame);
  const submit = await portalSubmit(frame);
  const filledLabels = new Set(filled.map((f) => normaliseLabel(f.label ?? '')));
  const details: FieldScore[] = Object.entries(exp.fields).map(([key, f]) => {
    const actual = after[key];
    const untouched = isEmpty(actual) || sameValue(actual, before[key]);
    const verdict: Verdict = f.value === null
      ? (untouched ? 'right' : 'wrong')
      : sameValue(actual, f.value) ? 'right' : untouched ? 'missing' : tableVerdict(actual, f.value, before[key]);
    return { key, label: f.label, expected: f.value, actual, verdict, reportedFilled: filledLabels.has(normaliseLabel(f.label)) };
  });
  const count = (v: Verdict) => details.filter((d) => d.verdict === v).length;
  return {
    ...base,
    right: count('right'),
    wrong: count('wrong'),
    missing: count('missing'),
    falseFilled: details.filter((d) => d.reportedFilled && d.verdict !== 'right').length,
    submitOk: submit.ok,
    submitErrors: submit.errors,
    fillMs,
    steps,
    details,
    report: steps ? { ...(report as object), filled } : report,
  };
}

type Row = Record<string, unknown>;
const isRows = (v: unknown): v is Row[] => Array.isArray(v) && v.every((r) => !!r && typeof r === 'object' && !Array.isArray(r));

/**
 * A table (rows of cells) that is not right: wrong when a cell holds a value other than the
 * expected one, or a row beyond the expected ones holds something; missing when every cell
 * written is right and some are left empty (a column the record cannot fill): nothing wrong
 * was written. Anything else that is not a table: wrong.
 */
export function tableVerdict(actual: unknown, expected: unknown, before: unknown): Verdict {
  if (!isRows(actual) || !isRows(expected)) return 'wrong';
  const was = isRows(before) ? before : [];
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i], e = expected[i];
    if (!a) continue;
    for (const [k, v] of Object.entries(a)) {
      if (isEmpty(v) || sameValue(v, was[i]?.[k])) continue;
      if (!e || !sameValue(v, e[k])) return 'wrong';
    }
  }
  return 'missing';
}

/** How long the page is given to go network-idle before it is filled (ms). */
const NETWORK_IDLE_MS = 3000;

/** The time the clerk takes to read the fill's report before pressing 提交 (ms), then how often and how long the state is read again until two reads agree. */
const READ_REPORT_MS = 1000;
const SETTLE_STEP_MS = 200;
const SETTLE_MAX_MS = 1000;

/**
 * The state the page settles on after the fill. The clerk reads the fill's report before pressing
 * 提交, so a page that takes edits into its model a moment later (amis's input-table commits its
 * rows on a debounce, ~0.5 s) is judged on what it then holds, as the clerk's submit would be:
 * read after that second, then until two reads 200 ms apart agree. Not part of `fillMs`.
 */
async function settledState(frame: Awaited<ReturnType<typeof portalFrame>>): Promise<Record<string, unknown>> {
  await new Promise((r) => setTimeout(r, READ_REPORT_MS));
  let last = await portalState(frame);
  for (let t = 0; t < SETTLE_MAX_MS; t += SETTLE_STEP_MS) {
    await new Promise((r) => setTimeout(r, SETTLE_STEP_MS));
    const now = await portalState(frame);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

export async function scoreEvalCorpus(opts: ScoreOptions = {}): Promise<CorpusScore> {
  const bundle = opts.bundle ?? AUTOFILL_BUNDLE;
  if (!existsSync(bundle)) throw new Error(`${bundle} missing: run npx tsx shared/scripts/build-autofill.ts`);
  await buildEvalPortals();
  const loaded = await loadPacks();
  const site = await serveDir(EVAL_PORTALS_DIR);
  const browser = opts.browser ?? (await launchChromium());
  const pages: PageScore[] = [];
  try {
    for (const p of EVAL_PAGES) {
      if (opts.pages && !opts.pages.includes(p.id)) continue;
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      try {
        pages.push(await scorePage(page, site.url(`/${p.page}`), p, loaded, bundle, opts.world ?? 'isolated'));
      } catch (e) {
        const fields = Object.keys(loadExpected(p).fields).length;
        pages.push({ id: p.id, library: p.library, kind: p.kind, fields, right: 0, wrong: 0, falseFilled: 0, missing: fields, submitOk: false, submitErrors: [], fillMs: 0, steps: 0, details: [], report: null, error: (e as Error).message.split('\n')[0]! });
      } finally {
        await page.context().close();
      }
    }
  } finally {
    if (!opts.browser) await browser.close();
    await site.close();
  }
  const sum = (k: 'fields' | 'right' | 'wrong' | 'falseFilled' | 'missing') => pages.reduce((n, p) => n + p[k], 0);
  const fields = sum('fields');
  return {
    pages,
    total: {
      pages: pages.length, fields, right: sum('right'), wrong: sum('wrong'), falseFilled: sum('falseFilled'), missing: sum('missing'),
      submitOk: pages.filter((p) => p.submitOk).length,
      slowestFillMs: Math.max(0, ...pages.map((p) => p.fillMs)),
      fractionRight: fields ? sum('right') / fields : 0,
    },
  };
}

export function formatScoreTable(score: CorpusScore): string {
  const rows = [['page', 'library', 'fields', 'right', 'wrong', 'falseFilled', 'missing', 'submit', 'fill ms', '下一步']];
  for (const p of score.pages) {
    rows.push([p.id, p.library.split(' (')[0]!, String(p.fields), String(p.right), String(p.wrong), String(p.falseFilled), String(p.missing), p.submitOk ? 'ok' : 'fails', p.fillMs.toFixed(0), String(p.steps)]);
  }
  const t = score.total;
  rows.push(['TOTAL', `${t.pages} pages`, String(t.fields), `${t.right} (${(t.fractionRight * 100).toFixed(1)}%)`, String(t.wrong), String(t.falseFilled), String(t.missing), `${t.submitOk}/${t.pages}`, `max ${t.slowestFillMs.toFixed(0)}`, String(score.pages.reduce((n, p) => n + p.steps, 0))]);
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(cols[i]! - width(c))).join('  ');
  const out = [line(rows[0]!), cols.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1, -1).map(line), cols.map((n) => '-'.repeat(n)).join('  '), line(rows.at(-1)!)];
  for (const p of score.pages) {
    if (p.error) out.push(`${p.id}: not scored: ${p.error}`);
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const ids = args.filter((a) => !a.startsWith('--'));
  // --page-world: the engine in the page's own world instead of an isolated one as the extension runs it
  const score = await scoreEvalCorpus({ ...(ids.length ? { pages: ids } : {}), world: args.includes('--page-world') ? 'page' : 'isolated' });
  console.log(formatScoreTable(score));
  // --report: with the engine's own report (filled / skipped / failed), to see why a field was not right
  if (json) console.log(JSON.stringify(score.pages.map(({ report, ...p }) => (args.includes('--report') ? { ...p, report } : p)), null, 1));
  else {
    for (const p of score.pages) {
      const bad = p.details.filter((d) => d.verdict !== 'right');
      if (bad.length) console.log(`\n${p.id}: ${bad.map((d) => `${d.label}(${d.key}) ${d.verdict}${d.verdict === 'wrong' ? ` ${JSON.stringify(d.actual)}≠${JSON.stringify(d.expected)}` : ''}`).join('; ')}`);
    }
  }
}
