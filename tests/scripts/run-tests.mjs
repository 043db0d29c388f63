#!/usr/bin/env node
// `npm test`: system tools → type check → build → unit tests → browser (e2e) tests, then one
// last line `N passed, N failed[, N skipped]` that CI reads. Any failing step still prints the
// line and makes the exit code 1; a failed step outside the test counts (type check, build, a
// test run that crashed) adds one to "failed". See tests/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemTools as ensureSharedSystemTools } from './system-deps.mjs';
import { countsFromReport, exitCode, retriedFromReport, summaryLine, totals } from './summary.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);

/** The json reporter files; the same paths are set in tests/vitest.*.config.ts. */
const SUITES = [
  { name: 'unit tests', config: 'tests/vitest.unit.config.ts', json: 'test-results/vitest-unit.json' },
  { name: 'browser tests', config: 'tests/vitest.e2e.config.ts', json: 'test-results/vitest-e2e.json' },
];

/** @type {string[]} */
const failedSteps = [];
/** @type {{ passed: number, failed: number, skipped: number }[]} */
const runs = [];

function header(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

/** Runs a command with inherited output; returns its exit status (1 when it could not start). */
function sh(command, args, env = {}) {
  process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) process.stderr.write(`could not run ${command}: ${r.error.message}\n`);
  return r.status ?? 1;
}

function step(name, command, args) {
  header(name);
  const started = Date.now();
  const status = sh(command, args);
  process.stdout.write(`--- ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (status !== 0) failedSteps.push(name);
  return status === 0;
}

/** Returns false when the run must stop (tools missing and we may not install them). */
function ensureSystemTools() {
  header('system tools');
  const { ok, plan } = ensureSharedSystemTools({ log: (l) => process.stdout.write(`${l}\n`), run: (c) => sh('sh', ['-c', c]) });
  if (ok) {
    process.stdout.write('chromium, poppler-utils, qpdf and a CJK font are present\n');
    return true;
  }
  process.stderr.write(
    `missing system tools: ${plan.missing.join(', ')} (Debian packages: ${plan.packages.join(' ')})\n` +
      `run this, then npm test again:\n  ${plan.commands.join('\n  ')}\n`,
  );
  failedSteps.push('system tools');
  return false;
}

function runSuite(suite) {
  const jsonPath = join(repo, suite.json);
  rmSync(jsonPath, { force: true });
  const ok = step(suite.name, 'npx', ['vitest', 'run', '--config', suite.config]);
  if (!existsSync(jsonPath)) {
    if (ok) failedSteps.push(`${suite.name} (no json report)`);
    process.stderr.write(`${suite.name}: no report at ${suite.json}\n`);
    return;
  }
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const counts = countsFromReport(report);
  runs.push(counts);
  const retried = retriedFromReport(report);
  if (retried.length) process.stdout.write(`${suite.name}: passed only on a second try (flaky, to look into):\n  ${retried.join('\n  ')}\n`);
  // vitest failed but the report shows no failure (unhandled error, coverage…): the step
  // failure recorded by step() stays; otherwise the failed tests already carry it.
  if (!ok && counts.failed > 0) failedSteps.pop();
}

function finish() {
  const t = totals(runs, failedSteps);
  if (failedSteps.length > 0) process.stdout.write(`\nfailed steps: ${failedSteps.join(', ')}\n`);
  process.stdout.write(`\n${summaryLine(t)}\n`);
  process.exitCode = exitCode(t);
}

try {
  mkdirSync(join(repo, 'test-results'), { recursive: true });
  if (ensureSystemTools()) {
    step('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    step('build (packs + extension)', 'npm', ['run', 'build']);
    // the browser suites' test pages (registry tarballs on a first run, large bundles such as amis):
    // built here, outside the suites' 120 s hook bound, which a cold build can pass
    step('build (test pages)', 'npx', ['tsx', 'tests/fixtures/adapters/build.ts']);
    step('build (evaluation pages)', 'npx', ['tsx', 'tests/eval/portals/build.ts']);
    for (const suite of SUITES) runSuite(suite);
  }
} catch (error) {
  process.stderr.write(`run-tests: ${error instanceof Error ? error.stack : String(error)}\n`);
  failedSteps.push('run-tests script');
} finally {
  finish();
}
