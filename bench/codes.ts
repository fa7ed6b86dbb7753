// @needs emulators
// 300 simultaneous submissions to one desk → 300 unique, contiguous codes, none lost, no error returned.
// Run on the submission handler against the Firestore emulator: the functions emulator starts a process
// per in-flight request, which 300 at once would drown on two cores (production serves many per
// instance). Baseline: the same 300 submissions one after another, in the same run.
import { parseDossierCode } from '../functions/src/domain/index.js';
import type { DossierDeps } from '../functions/src/features/dossiers/dossier-deps.js';
import { submitDossier } from '../functions/src/features/dossiers/submit.handler.js';
import { loadDemoData } from '../seed/load.js';
import { birthRegistration } from '../test/fixtures/applications.js';
import { admin } from '../test/support/emulators.js';
import { ms } from './_stats.js';

const COUNT = 300;
const DESK = '000.21.01.H99';
const { db, auth } = admin();
await loadDemoData(db, auth);
const runId = Date.now().toString(36);

async function run(day: string, label: string, parallel: boolean): Promise<{ wallMs: number; sequences: number[]; errors: number }> {
  const now = () => new Date(`${day}T02:00:00Z`);
  const yymmdd = day.replaceAll('-', '').slice(2);
  await db.doc(`counters/${DESK}_${yymmdd}`).delete();
  // One account filing 300 at once, at a desk that takes them all: the code counter is what is measured.
  const deps: DossierDeps = { db, now, caller: async () => ({ role: 'citizen', userId: `codes-${label}` }), onlineQuota: () => ({ perAccountPerDay: 1_000_000, perAgencyPerDay: 1_000_000 }) };
  const one = (i: number) =>
    submitDossier({ method: 'POST', path: '', params: {}, query: {}, header: () => undefined, body: birthRegistration(`codes-${label}-${runId}-${i}`, DESK) }, deps).then(
      (r) => parseDossierCode((r.body as { dossier: { code: string } }).dossier.code).sequence,
      () => -1,
    );
  const t0 = performance.now();
  let results: number[] = [];
  if (parallel) results = await Promise.all(Array.from({ length: COUNT }, (_, i) => one(i)));
  else for (let i = 0; i < COUNT; i++) results.push(await one(i));
  const wallMs = performance.now() - t0;
  return { wallMs, sequences: results.filter((s) => s > 0).sort((a, b) => a - b), errors: results.filter((s) => s < 0).length };
}

const sequential = await run('2027-06-07', 'seq', false);
const burst = await run('2027-06-08', 'burst', true);
const contiguous = burst.sequences.length === COUNT && burst.sequences.every((s, i) => s === i + 1);
console.log(`${COUNT} submissions one after another (baseline): ${ms(sequential.wallMs)} wall`);
console.log(`${COUNT} simultaneous submissions:                  ${ms(burst.wallMs)} wall (${(burst.wallMs / sequential.wallMs).toFixed(2)}x the baseline)`);
console.log(`unique codes: ${new Set(burst.sequences).size}/${COUNT}; contiguous 1..${COUNT}: ${contiguous}; errors returned: ${burst.errors}`);
console.log(`codes: ${contiguous && burst.errors === 0 ? `${COUNT}/${COUNT} unique contiguous codes, 0 errors` : 'FAILED'} in ${(burst.wallMs / 1000).toFixed(1)} s`);
process.exit(contiguous && burst.errors === 0 ? 0 : 1);
