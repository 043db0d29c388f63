import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defineBench, formatResult, goalMet, median, runBench } from '../bench/harness.ts';
import { runBenchmarks } from '../bench/run.ts';

const work = mkdtempSync(join(tmpdir(), 'lvzhi-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bench harness', () => {
  it('takes medians of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('compares with <=, <, >= and >', () => {
    expect(goalMet(5, { value: 5, op: '<=' })).toBe(true);
    expect(goalMet(5, { value: 5, op: '<' })).toBe(false);
    expect(goalMet(0.95, { value: 0.95, op: '>=' })).toBe(true);
    expect(goalMet(0.9, { value: 0.95, op: '>=' })).toBe(false);
    expect(goalMet(13, { value: 13, op: '>' })).toBe(false);
  });

  it('rejects bad definitions', () => {
    const goal = { value: 1, op: '<=' as const, description: 'x' };
    expect(() => defineBench({ name: 'a', unit: 'ms', goal, runs: 5, run: () => 0 })).toThrow(/runs/);
    expect(() => defineBench({ name: 'a', unit: 'ms', goal: { ...goal, unit: 'ratio' }, run: () => 0 })).toThrow(/baseline/);
    expect(() => defineBench({ name: 'a', unit: 'ops/s', goal, run: () => 0 })).toThrow(/scale/);
  });

  it('interleaves subject and baseline, scales, and checks a ratio goal', async () => {
    const order: string[] = [];
    const result = await runBench(defineBench({
      name: 'interleave',
      unit: 'ms',
      goal: { value: 1000, op: '<=', unit: 'ratio', description: 'ratio goal' },
      runs: 10,
      warmup: 0,
      setup: () => 'state',
      run: (s) => { order.push(`s:${s}`); },
      baseline: { name: 'b', run: (s) => { order.push(`b:${s}`); } },
    }));
    expect(order).toHaveLength(20);
    expect(order.slice(0, 4)).toEqual(['s:state', 'b:state', 'b:state', 's:state']);
    expect(result.baseline?.name).toBe('b');
    expect(result.goal.unit).toBe('ratio');
    expect(result.runs).toBe(10);
  });

  it('reports a scaled value and a missed goal', async () => {
    const result = await runBench(defineBench({
      name: 'slow',
      unit: 'ops/s',
      goal: { value: 1e9, op: '<=', description: 'cannot be met' },
      runs: 10,
      warmup: 0,
      run: () => new Promise((ok) => setTimeout(ok, 2)),
      scale: (ms) => 1000 / ms,
    }));
    expect(result.value).toBeGreaterThan(0);
    expect(result.value).toBeLessThan(600);
    expect(result.goal.met).toBe(true);
    const line = formatResult({ ...result, goal: { ...result.goal, met: false } });
    expect(line).toMatch(/^slow: [\d.]+ ops\/s \(goal <= 1000000000 ops\/s: cannot be met, NOT met\)$/);
  });

  it('runs bench files from a folder, writes the results and fails on a missed goal', async () => {
    const out = join(work, 'bench-results.json');
    const lines: string[] = [];
    const code = await runBenchmarks({
      dir: fileURLToPath(new URL('fixtures/bench', import.meta.url)),
      out,
      filters: [],
      log: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    const results = JSON.parse(readFileSync(out, 'utf8')) as { name: string; ratio: number | null; goal: { met: boolean } }[];
    expect(results.map((r) => r.name)).toEqual(['self-check: sort 10k numbers', 'self-check: impossible goal']);
    expect(results[0]?.goal.met).toBe(true);
    expect(results[0]?.ratio).toBeGreaterThan(0);
    expect(results[1]?.goal.met).toBe(false);
    expect(lines[0]).toMatch(/^self-check: sort 10k numbers: [\d.]+ ms \(baseline copy [\d.]+ ms, ratio [\d.]+, goal <= 1000 ms: the runner measures something, met\)$/);
    expect(lines[1]).toContain('NOT met');
  });

  it('filters by name and exits 0 when every goal is met', async () => {
    const code = await runBenchmarks({
      dir: fileURLToPath(new URL('fixtures/bench', import.meta.url)),
      out: join(work, 'filtered.json'),
      filters: ['sort'],
      log: () => undefined,
    });
    expect(code).toBe(0);
  });
});
