// `npm test`: typecheck → lint → unit → build → (emulator → browser, in one emulator start).
// Ends with one line per layer and a total. Exits non-zero on any failure, and when a layer could
// not run (e.g. no Firestore emulator on this machine): that is never reported as a full pass.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeSetup, detectEmulators, unavailableReasons } from './lib/emulator-env.js';
import { execWithEmulators } from './lib/firebase-cli.js';
import { run } from './lib/run.js';
import { runtimeMismatch } from './lib/runtime.js';
import { ensureTestCa } from './lib/test-ca.js';
import { RESULTS_DIR, runLayer } from './lib/vitest-layer.js';
import { add, formatCounts, ZERO, type LayerCounts } from './lib/vitest-report.js';

// Flags pick layers (`--static --unit --emulator --browser`); other arguments are test-file filters
// passed to vitest, e.g. `npm test -- --browser test/browser/officer` while working on one page.
const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => a.startsWith('--')));
const filters = argv.filter((a) => !a.startsWith('--'));
const only = (layer: string) => args.size === 0 || args.has(`--${layer}`);
const started = Date.now();
const problems: string[] = [];

// What is tested is what is deployed: every layer runs on the functions' runtime major (the functions
// emulator executes the functions with this very Node). Anything else is refused, not reported as a pass.
const mismatch = runtimeMismatch();
if (mismatch) {
  console.error(`\nnpm test: ${mismatch}.`);
  process.exit(1);
}
console.log(`Node ${process.version} (the functions' runtime: firebase.json, functions/package.json engines)`);

function banner(text: string): void {
  const line = '!'.repeat(Math.min(100, text.length + 8));
  console.log(`\n${line}\n!!! ${text} !!!\n${line}\n`);
}

async function step(name: string, command: string, commandArgs: string[]): Promise<void> {
  console.log(`\n=== ${name} ===`);
  const code = await run(command, commandArgs);
  if (code !== 0) problems.push(`${name} failed (exit ${code})`);
}

// The local test CA (docs/SIGNATURES.md): unit tests sign with it, the emulators load its keys. Made once.
if (only('unit') || only('emulator') || only('browser')) await ensureTestCa();

if (only('static')) {
  await step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  await step('lint', 'npm', ['run', '--silent', 'lint']);
}

let unit: LayerCounts | undefined;
if (only('unit')) {
  console.log('\n=== unit (TZ=UTC) ===');
  unit = await runLayer('unit', { env: { TZ: 'UTC' } });
  // The deadline engine must not drift with the host's time zone: run its tests again in a zone with DST.
  console.log('\n=== unit: time-zone drift check (TZ=America/New_York) ===');
  unit = add(unit, await runLayer('unit', { label: 'unit-tz', filters: ['functions/src/domain'], env: { TZ: 'America/New_York' } }));
}

let emulator: LayerCounts | undefined;
let browser: LayerCounts | undefined;
const emuLayers = ['emulator', 'browser'].filter(only);
if (emuLayers.length > 0) {
  await step('build (functions and hosting)', 'npm', ['run', '--silent', 'build']);
  const setup = detectEmulators();
  console.log(`\n=== ${emuLayers.join(' + ')} (one emulator start) ===\n${describeSetup(setup)}`);
  const missing = unavailableReasons(setup);
  const marker = join(RESULTS_DIR, 'emulator-layers.json');
  rmSync(marker, { force: true });
  if (missing.length > 0) {
    problems.push(`NOT RUN: ${emuLayers.join(' and ')} layers — ${missing.join('; ')}`);
  } else {
    const code = await execWithEmulators(`npx tsx scripts/emulator-layers.ts ${emuLayers.join(',')} ${filters.join(' ')}`.trim(), setup);
    if (!existsSync(marker)) {
      problems.push(`NOT RUN: ${emuLayers.join(' and ')} layers — the Emulator Suite did not start (exit ${code}; see the log above and firestore-debug.log)`);
    } else {
      const result = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, LayerCounts | undefined>;
      emulator = result.emulator;
      browser = result.browser;
      if (code !== 0 && !emuLayers.some((l) => (result[l]?.failed ?? 0) > 0)) problems.push(`emulators:exec exited ${code}`);
    }
  }
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n=== summary (${minutes} min) ===`);
for (const p of problems) {
  if (p.startsWith('NOT RUN')) banner(p);
  else console.log(`problem: ${p}`);
}
const layers: [string, LayerCounts | undefined][] = [
  ['unit', unit],
  ['emulator', emulator],
  ['browser', browser],
];
let total = ZERO;
for (const [name, counts] of layers) {
  if (counts) {
    console.log(formatCounts(name, counts));
    total = add(total, counts);
  } else if (only(name)) {
    console.log(`${name}: NOT RUN`);
  }
}
console.log(formatCounts('total', total));
process.exit(problems.length > 0 || total.failed > 0 ? 1 : 0);
