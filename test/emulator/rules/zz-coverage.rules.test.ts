// The emulator's rules-coverage report, saved as test-results/firestore-rules-coverage.html. Every rules
// file also saves it when it ends (vitest does not promise to run this file last), so the file on disk
// reflects every rules evaluation of the run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COVERAGE_FILE, saveCoverage } from './_env.js';

describe('rules coverage report', () => {
  it('is fetched from the emulator, covers the rules file and is saved with the test results', async () => {
    const html = await saveCoverage();
    expect(html.length).toBeGreaterThan(1000);
    // The report renders firestore.rules itself, annotated with the evaluation counts.
    expect(html).toContain('isMonitorOrAdmin');
    expect(readFileSync(COVERAGE_FILE, 'utf8')).toBe(html);
  });
});
