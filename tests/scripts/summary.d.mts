// Types for summary.mjs.

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countsFromReport(report: unknown): Counts;
export function retriedFromReport(report: unknown): string[];
export function totals(runs: Counts[], failedSteps: string[]): Counts;
export function summaryLine(counts: Counts): string;
export function exitCode(counts: Pick<Counts, 'passed' | 'failed'>): 0 | 1;
