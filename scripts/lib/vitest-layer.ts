// Runs one vitest project ("layer") and returns its counts.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './emulator-env.js';
import { run } from './run.js';
import { readCounts, type LayerCounts } from './vitest-report.js';

export const RESULTS_DIR = join(ROOT, 'test-results');

export async function runLayer(
  project: 'unit' | 'emulator' | 'browser',
  options: { label?: string; filters?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<LayerCounts> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const report = join(RESULTS_DIR, `${options.label ?? project}.json`);
  rmSync(report, { force: true });
  const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');
  const code = await run(
    vitest,
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...(options.filters ?? [])],
    options.env,
  );
  return readCounts(report, code);
}
