/**
 * `npm run bench [-- NAME_FILTER…] [--dir DIR] [--out FILE]`
 *
 * Runs every `*.bench.ts` in tests/bench (or DIR), one benchmark at a time, prints one line per
 * benchmark and writes the results to bench-results.json at the repository root (or FILE).
 * Exit code 1 when a goal is not met, a bench file fails, or nothing ran. See tests/README.md.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatResult, runBench, type BenchDefinition, type BenchResult } from './harness.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function findBenchFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => join(dir, f));
}

async function loadBenches(file: string): Promise<BenchDefinition[]> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (!Array.isArray(mod.default)) throw new Error(`${file}: default export must be an array of defineBench(...)`);
  return mod.default as BenchDefinition[];
}

export interface BenchRunOptions {
  dir: string;
  out: string;
  filters: string[];
  log: (line: string) => void;
}

/** Runs the benchmarks and writes the results file; returns the exit code. */
export async function runBenchmarks({ dir, out, filters, log }: BenchRunOptions): Promise<number> {
  const results: BenchResult[] = [];
  let failures = 0;
  for (const file of findBenchFiles(dir)) {
    let benches: BenchDefinition[];
    try {
      benches = await loadBenches(file);
    } catch (error) {
      log(`${file}: FAILED to load: ${(error as Error).message}`);
      failures++;
      continue;
    }
    for (const bench of benches) {
      if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
      try {
        const result = await runBench(bench);
        results.push(result);
        log(formatResult(result));
        if (!result.goal.met) failures++;
      } catch (error) {
        log(`${bench.name}: FAILED: ${(error as Error).message}`);
        failures++;
      }
    }
  }
  writeFileSync(
    out,
    JSON.stringify(results.map(({ name, value, unit, baseline, ratio, goal, runs }) => ({ name, value, unit, baseline, ratio, goal, runs })), null, 2) + '\n',
  );
  if (results.length === 0 && failures === 0) log(`no benchmark ran (none in ${dir}${filters.length ? ' matching ' + filters.join(' ') : ''})`);
  log(`${results.length} benchmark(s), ${results.filter((r) => r.goal.met).length} goal(s) met; results in ${out}`);
  return failures > 0 || results.length === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    options: { dir: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  const code = await runBenchmarks({
    dir: resolve(values.dir ?? join(REPO_ROOT, 'tests', 'bench')),
    out: resolve(values.out ?? join(REPO_ROOT, 'bench-results.json')),
    filters: positionals,
    log: (line) => console.log(line),
  });
  // Benches of one file share a browser that the last of them closes; when a filter runs only
  // some of them it stays open and would keep the process alive after the results are written.
  process.exit(code);
}
