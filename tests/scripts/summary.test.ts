import { describe, expect, it } from 'vitest';
import { countsFromReport, exitCode, retriedFromReport, summaryLine, totals } from './summary.mjs';

const report = (over: Record<string, unknown> = {}) => ({
  numPassedTests: 3, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0, testResults: [], ...over,
});

describe('countsFromReport', () => {
  it('reads the jest-style counts', () => {
    expect(countsFromReport(report())).toEqual({ passed: 3, failed: 1, skipped: 0 });
    expect(countsFromReport(report({ numPendingTests: 2, numTodoTests: 1 }))).toEqual({ passed: 3, failed: 1, skipped: 3 });
  });

  it('counts a failed file without failed tests (import error) as one failure', () => {
    const r = report({
      numFailedTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
        { status: 'failed', assertionResults: [{ status: 'failed' }] },
      ],
    });
    expect(countsFromReport(r).failed).toBe(1);
  });

  it('names the tests that passed only on their second try', () => {
    const r = report({ testResults: [{ name: '/work/x/tests/e2e/a.e2e.test.ts', status: 'passed', assertionResults: [
      { status: 'passed', fullName: 'a > flaky', failureMessages: ['TimeoutError'] },
      { status: 'passed', fullName: 'a > steady', failureMessages: [] },
      { status: 'failed', fullName: 'a > broken', failureMessages: ['x', 'y'] },
    ] }] });
    expect(retriedFromReport(r)).toEqual(['tests/e2e/a.e2e.test.ts > a > flaky']);
    expect(retriedFromReport(null)).toEqual([]);
  });

  it('treats garbage as nothing run', () => {
    expect(countsFromReport(null)).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});

describe('summary line and exit code', () => {
  it('adds runs and failed steps', () => {
    const t = totals([{ passed: 5, failed: 0, skipped: 1 }, { passed: 2, failed: 1, skipped: 0 }], ['type check']);
    expect(t).toEqual({ passed: 7, failed: 2, skipped: 1 });
    expect(summaryLine(t)).toBe('7 passed, 2 failed, 1 skipped');
  });

  it('leaves out skipped when zero', () => {
    expect(summaryLine({ passed: 10, failed: 0, skipped: 0 })).toBe('10 passed, 0 failed');
  });

  it('fails when anything failed or nothing ran', () => {
    expect(exitCode({ passed: 10, failed: 0 })).toBe(0);
    expect(exitCode({ passed: 10, failed: 1 })).toBe(1);
    expect(exitCode({ passed: 0, failed: 0 })).toBe(1);
  });
});
