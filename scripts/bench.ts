// `npm run bench` runs every script in bench/; `npm run bench -- <name>` runs bench/<name>.ts.
// A script whose header says `@needs emulators` runs inside one `firebase emulators:exec`.
// Each script prints its figures and ends with one line `<name>: <headline figure>`.
// A script whose header also says `@counts operations` gets its own emulator run with the functions'
// Firestore operation counter on (MOTCUA_OP_COUNTS names the file it appends to; docs/COST.md), so the
// counter never slows the other benches.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, describeSetup, detectEmulators, unavailableReasons } from './lib/emulator-env.js';
import { execWithEmulators } from './lib/firebase-cli.js';
import { run } from './lib/run.js';
import { ensureTestCa } from './lib/test-ca.js';

const BENCH_DIR = join(ROOT, 'bench');
const all = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!all.includes(name)) {
    console.error(`No benchmark "${name}". Available: ${all.join(', ')}`);
    process.exit(2);
  }
}
const names = wanted.length > 0 ? wanted : all;
const header = (name: string) => readFileSync(join(BENCH_DIR, `${name}.ts`), 'utf8').split('\n').slice(0, 8).join('\n');
const needsEmulators = (name: string) => /@needs emulators/.test(header(name));
const countsOperations = (name: string) => /@counts operations/.test(header(name));

// The receipt bench signs with the local test CA; the emulators load its keys (docs/SIGNATURES.md).
await ensureTestCa();
let failed = 0;
const plain = names.filter((n) => !needsEmulators(n));
const withEmulators = names.filter(needsEmulators);
for (const name of plain) {
  console.log(`\n=== bench ${name} ===`);
  if ((await run('npx', ['tsx', join('bench', `${name}.ts`)])) !== 0) failed += 1;
}
if (withEmulators.length > 0) {
  // Build first so the emulators run the current code; an old build still serves if this one fails.
  if ((await run('npm', ['run', '--silent', 'build'])) !== 0 && !existsSync(join(ROOT, 'functions', 'lib', 'index.js'))) {
    failed += 1;
  }
  const setup = detectEmulators();
  console.log(`\n=== bench ${withEmulators.join(', ')} (emulators) ===\n${describeSetup(setup)}`);
  const missing = unavailableReasons(setup);
  if (missing.length > 0) {
    console.error(`NOT RUN: ${withEmulators.join(', ')} — ${missing.join('; ')}`);
    failed += withEmulators.length;
  } else {
    const plainRun = withEmulators.filter((n) => !countsOperations(n));
    if (plainRun.length > 0 && (await execWithEmulators(plainRun.map((n) => `npx tsx bench/${n}.ts`).join(' && '), setup)) !== 0) failed += 1;
    for (const name of withEmulators.filter(countsOperations)) {
      const counts = join(tmpdir(), `motcua-op-counts-${process.pid}-${name}.jsonl`);
      rmSync(counts, { force: true });
      if ((await execWithEmulators(`npx tsx bench/${name}.ts`, setup, undefined, { MOTCUA_OP_COUNTS: counts })) !== 0) failed += 1;
      rmSync(counts, { force: true });
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
