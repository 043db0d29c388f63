// Turns vitest's json reporter output into counts, and counts into the one line CI reads.
// Pure functions (tested in summary.test.ts).

/**
 * Counts of one vitest run from its json report (jest-compatible format).
 * A test file that failed without any failed test (import error, error in a hook) counts as one
 * failure, so that a broken file can never look green.
 * @param {any} report parsed JSON of the json reporter
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countsFromReport(report) {
  const passed = Number(report?.numPassedTests ?? 0);
  let failed = Number(report?.numFailedTests ?? 0);
  const skipped = Number(report?.numPendingTests ?? 0) + Number(report?.numTodoTests ?? 0);
  for (const file of Array.isArray(report?.testResults) ? report.testResults : []) {
    const results = Array.isArray(file?.assertionResults) ? file.assertionResults : [];
    if (file?.status === 'failed' && !results.some((a) => a?.status === 'failed')) failed += 1;
  }
  return { passed, failed, skipped };
}

/**
 * The tests that passed only on their second try (the browser suite runs a failed test once
 * more): a passed test whose report still holds the first try's failure. Named in the output, so
 * a flaky test is seen, not hidden by its retry.
 * @param {any} report parsed JSON of the json reporter
 * @returns {string[]} `file > test` names
 */
export function retriedFromReport(report) {
  const out = [];
  for (const file of Array.isArray(report?.testResults) ? report.testResults : []) {
    for (const a of Array.isArray(file?.assertionResults) ? file.assertionResults : []) {
      if (a?.status === 'passed' && Array.isArray(a.failureMessages) && a.failureMessages.length > 0) out.push(`${String(file.name ?? '').replace(/^.*?\/tests\//, 'tests/')} > ${a.fullName ?? a.title}`);
    }
  }
  return out;
}

/**
 * Adds up runs. Each `failedSteps` entry (a step that failed outside the test counts: type
 * check, build, a test run that crashed) adds one failure.
 * @param {{ passed: number, failed: number, skipped: number }[]} runs
 * @param {string[]} failedSteps
 */
export function totals(runs, failedSteps) {
  const t = { passed: 0, failed: failedSteps.length, skipped: 0 };
  for (const r of runs) {
    t.passed += r.passed;
    t.failed += r.failed;
    t.skipped += r.skipped;
  }
  return t;
}

/** `N passed, N failed` plus `, N skipped` when some were skipped. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

/** Exit code: 1 when anything failed or no test passed at all. */
export function exitCode({ passed, failed }) {
  return failed > 0 || passed === 0 ? 1 : 0;
}
