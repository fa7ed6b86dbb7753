import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add, formatCounts, readCounts } from './vitest-report.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
function report(name: string, counts: Record<string, number>): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0, numTotalTests: 0, ...counts }),
  );
  return file;
}

describe('readCounts', () => {
  it('reads passed, failed and skipped', () => {
    expect(readCounts(report('a.json', { numPassedTests: 5, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 }), 1)).toEqual({
      passed: 5,
      failed: 1,
      skipped: 3,
    });
  });
  it('counts a run that crashed before writing its report as a failure', () => {
    expect(readCounts(join(dir, 'missing.json'), 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
  it('counts a failing exit with no failing test (a file that did not load) as a failure', () => {
    expect(readCounts(report('b.json', { numPassedTests: 3, numFailedTestSuites: 2 }), 1).failed).toBe(2);
    expect(readCounts(report('c.json', { numPassedTests: 3 }), 1).failed).toBe(1);
  });
  it('counts files whose hooks failed (their tests reported as skipped) even beside failing tests', () => {
    expect(readCounts(report('d.json', { numPassedTests: 3, numFailedTests: 1, numPendingTests: 10, numFailedTestSuites: 3 }), 1).failed).toBe(3);
  });
});

describe('formatCounts', () => {
  it('prints the exact summary form, with skipped only when there are some', () => {
    expect(formatCounts('unit', { passed: 3, failed: 0, skipped: 0 })).toBe('unit: 3 passed, 0 failed');
    expect(formatCounts('total', add({ passed: 1, failed: 1, skipped: 0 }, { passed: 2, failed: 0, skipped: 4 }))).toBe(
      'total: 3 passed, 1 failed, 4 skipped',
    );
  });
});
