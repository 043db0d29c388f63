/**
 * Benchmarks: `npm run bench` (tests/bench/run.ts) runs every `tests/bench/*.bench.ts`.
 * A bench file default-exports an array of `defineBench(...)`:
 *
 *   export default [
 *     defineBench({
 *       name: 'pack loading',
 *       unit: 'ms',
 *       goal: { value: 200, op: '<=', description: 'the options page opens without a wait' },
 *       runs: 30,
 *       setup: () => readPacks(),                    // once, not timed; its result is passed to run
 *       run: (packs) => validatePackSet(packs),      // timed, `runs` times
 *       baseline: { name: 'JSON.parse only', run: (packs) => packs.map((p) => JSON.parse(p.text)) },
 *     }),
 *   ];
 *
 * Each run is timed with performance.now(); subject and baseline runs are interleaved (their
 * order alternates) so that machine noise hits both alike; the reported value is the median of
 * the runs, converted by `scale` (default: milliseconds as they are). With a baseline the ratio
 * is subject / baseline. The goal is checked against the value, or against the ratio when
 * `goal.unit` is 'ratio' (e.g. "at most 3× plain JSON.parse").
 */

export type Awaitable<T> = T | Promise<T>;

export interface BenchGoal {
  value: number;
  /** '<=' / '<' for costs (time, size); '>=' / '>' for scores (e.g. the share of fields filled right). */
  op: '<=' | '<' | '>=' | '>';
  /** Omitted: the benchmark's unit (the value is compared). 'ratio': the ratio to the baseline is compared. */
  unit?: string;
  /** What the goal means for users, e.g. 'the options page opens without a wait'. */
  description: string;
}

export interface BenchDefinition<S = unknown> {
  name: string;
  /** Unit of the reported value: 'ms' unless `scale` converts to something else (e.g. 'MB/s'). */
  unit: string;
  goal: BenchGoal;
  /** Timed runs of the subject (and of the baseline); at least 10, default 20. */
  runs?: number;
  /** Untimed runs of each before timing starts; default 2. */
  warmup?: number;
  /** Called once before any run; its result is handed to every run. Not timed. */
  setup?: () => Awaitable<S>;
  /** Called once after the runs (also when one failed): stop servers, remove temporary folders. */
  teardown?: (state: S) => Awaitable<void>;
  /** The thing measured. */
  run: (state: S) => Awaitable<unknown>;
  /** The same job done the obvious or minimal way, to compare against. */
  baseline?: { name: string; run: (state: S) => Awaitable<unknown> };
  /** Converts a median duration in ms to the reported value (e.g. ms → operations per second). */
  scale?: (ms: number) => number;
}

export const DEFAULT_RUNS = 20;
export const MIN_RUNS = 10;
export const DEFAULT_WARMUP = 2;

/**
 * Declares a benchmark and checks it at once (throws on a bad definition so that a broken bench
 * file fails loudly rather than reporting nonsense).
 */
export function defineBench<S>(definition: BenchDefinition<S>): BenchDefinition<S> {
  const where = `benchmark "${definition.name}"`;
  if (!definition.name.trim()) throw new Error('a benchmark needs a name');
  if (definition.runs !== undefined && (!Number.isInteger(definition.runs) || definition.runs < MIN_RUNS)) {
    throw new Error(`${where}: runs must be an integer >= ${MIN_RUNS}`);
  }
  if (definition.warmup !== undefined && (!Number.isInteger(definition.warmup) || definition.warmup < 0)) {
    throw new Error(`${where}: warmup must be an integer >= 0`);
  }
  if (!Number.isFinite(definition.goal.value)) throw new Error(`${where}: goal.value must be a number`);
  if (!['<=', '<', '>=', '>'].includes(definition.goal.op)) throw new Error(`${where}: goal.op must be '<=', '<', '>=' or '>'`);
  const goalUnit = definition.goal.unit;
  // A benchmark whose own unit is 'ratio' compares its ratio too: without a baseline that would be null, and null <= x is true.
  if ((goalUnit ?? definition.unit) === 'ratio' && !definition.baseline) throw new Error(`${where}: a ratio goal needs a baseline`);
  if (goalUnit !== undefined && goalUnit !== 'ratio' && goalUnit !== definition.unit) {
    throw new Error(`${where}: goal.unit must be omitted, '${definition.unit}' or 'ratio'`);
  }
  if (definition.unit !== 'ms' && !definition.scale) throw new Error(`${where}: unit '${definition.unit}' needs a scale function from ms`);
  return definition;
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The baseline's median, in the same unit, or null. */
  baseline: { name: string; value: number } | null;
  /** value / baseline value, or null without a baseline. */
  ratio: number | null;
  goal: { value: number; op: BenchGoal['op']; unit: string; description: string; met: boolean };
  runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function goalMet(actual: number, goal: Pick<BenchGoal, 'value' | 'op'>): boolean {
  switch (goal.op) {
    case '<': return actual < goal.value;
    case '<=': return actual <= goal.value;
    case '>': return actual > goal.value;
    case '>=': return actual >= goal.value;
  }
}

async function timed(fn: () => Awaitable<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs one benchmark: setup, warmup, interleaved timed runs, medians, goal. */
export async function runBench<S>(bench: BenchDefinition<S>): Promise<BenchResult> {
  const runs = bench.runs ?? DEFAULT_RUNS;
  const warmup = bench.warmup ?? DEFAULT_WARMUP;
  const state = (bench.setup ? await bench.setup() : undefined) as S;
  try {
    return await measure(bench, state, runs, warmup);
  } finally {
    await bench.teardown?.(state);
  }
}

async function measure<S>(bench: BenchDefinition<S>, state: S, runs: number, warmup: number): Promise<BenchResult> {
  const subject = () => bench.run(state);
  const base = bench.baseline ? () => bench.baseline!.run(state) : undefined;
  for (let i = 0; i < warmup; i++) {
    await subject();
    if (base) await base();
  }
  const subjectTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (base && i % 2 === 1) baseTimes.push(await timed(base));
    subjectTimes.push(await timed(subject));
    if (base && i % 2 === 0) baseTimes.push(await timed(base));
  }
  const scale = bench.scale ?? ((ms: number) => ms);
  const value = scale(median(subjectTimes));
  const baseline = bench.baseline ? { name: bench.baseline.name, value: scale(median(baseTimes)) } : null;
  const ratio = baseline ? (baseline.value === 0 ? Number.POSITIVE_INFINITY : value / baseline.value) : null;
  const goalUnit = bench.goal.unit ?? bench.unit;
  const compared = goalUnit === 'ratio' ? ratio! : value;
  return {
    name: bench.name,
    value,
    unit: bench.unit,
    baseline,
    ratio,
    goal: { value: bench.goal.value, op: bench.goal.op, unit: goalUnit, description: bench.goal.description, met: goalMet(compared, bench.goal) },
    runs,
  };
}

function round(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : abs >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

/** `name: value unit (baseline X unit, ratio R, goal <= G unit: description, met|NOT met)` */
export function formatResult(r: BenchResult): string {
  const parts: string[] = [];
  if (r.baseline) parts.push(`baseline ${r.baseline.name} ${round(r.baseline.value)} ${r.unit}`, `ratio ${round(r.ratio!)}`);
  const goalUnit = r.goal.unit === 'ratio' ? '× baseline' : r.goal.unit;
  parts.push(`goal ${r.goal.op} ${r.goal.value} ${goalUnit}: ${r.goal.description}`, r.goal.met ? 'met' : 'NOT met');
  return `${r.name}: ${round(r.value)} ${r.unit} (${parts.join(', ')})`;
}
