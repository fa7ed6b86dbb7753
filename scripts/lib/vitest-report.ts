// Reads the counts of a vitest run from its JSON report. A run that crashed before reporting, or that
// failed with no failing test (a file that does not load), is counted as a failure, never as a pass.
import { existsSync, readFileSync } from 'node:fs';

export type LayerCounts = { passed: number; failed: number; skipped: number };

export const ZERO: LayerCounts = { passed: 0, failed: 0, skipped: 0 };

export function add(a: LayerCounts, b: LayerCounts): LayerCounts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
};

export function readCounts(reportFile: string, exitCode: number): LayerCounts {
  if (!existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJson;
  let failed = r.numFailedTests;
  // A file whose hooks fail reports its tests as skipped: count the failed files too, never less than one.
  if (exitCode !== 0) failed = Math.max(failed, r.numFailedTestSuites, 1);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

export function formatCounts(name: string, c: LayerCounts): string {
  return `${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}
