// @needs emulators
// Submission latency through the functions emulator (Hosting → api → transaction) against two baselines
// measured in the same run: a bare Admin SDK document create on the same Firestore emulator, and a
// no-op request through the same functions emulator (GET /api/health). Ratios of medians.
import { DEFAULT_ONLINE_QUOTA } from '../functions/src/domain/index.js';
import type { DossierDeps } from '../functions/src/features/dossiers/dossier-deps.js';
import { submitDossier } from '../functions/src/features/dossiers/submit.handler.js';
import { loadDemoData } from '../seed/load.js';
import { birthRegistration } from '../test/fixtures/applications.js';
import { admin, HOSTING_URL } from '../test/support/emulators.js';
import { authHeader, IDENTITIES } from '../test/support/identity.js';
import { median, ms, timeEach } from './_stats.js';

const ROUNDS = 40;
const { db, auth } = admin();
await loadDemoData(db, auth);
const headers = { 'content-type': 'application/json', ...(await authHeader(IDENTITIES.citizenA)) };
const runId = Date.now().toString(36);
let n = 0;
const submission = () => birthRegistration(`bench-${runId}-${n++}`, '000.21.02.H99');
const submit = async () => {
  const res = await fetch(`${HOSTING_URL}/api/dossiers`, { method: 'POST', headers, body: JSON.stringify(submission()) });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${await res.text()}`);
};
const noop = async () => {
  const res = await fetch(`${HOSTING_URL}/api/health`);
  await res.arrayBuffer();
};
// The same handler in this process: the transaction's own cost, without the functions emulator.
const handlerDeps: DossierDeps = { db, now: () => new Date(), caller: async () => ({ role: 'citizen', userId: IDENTITIES.citizenA.uid }), onlineQuota: () => DEFAULT_ONLINE_QUOTA };
const inProcess = () =>
  submitDossier({ method: 'POST', path: '', params: {}, query: {}, header: () => undefined, body: submission() }, handlerDeps);
const bareCreate = () => db.collection('benchDocs').add({ at: new Date(), payload: submission() });

for (let i = 0; i < 3; i++) await Promise.all([submit(), noop(), bareCreate()]); // warm the workers
const bare = median(await timeEach(ROUNDS, bareCreate));
const noopMs = median(await timeEach(ROUNDS, noop));
const submitMs = median(await timeEach(ROUNDS, submit));
const handlerMs = median(await timeEach(ROUNDS, inProcess));
await db.recursiveDelete(db.collection('benchDocs'));

console.log(`rounds: ${ROUNDS} each, medians, one at a time`);
console.log(`bare Admin SDK create (baseline):        ${ms(bare)}`);
console.log(`no-op request through functions (GET /api/health): ${ms(noopMs)}`);
console.log(`online submission (POST /api/dossiers):   ${ms(submitMs)}`);
console.log(`the submission handler in-process (no HTTP): ${ms(handlerMs)} (${(handlerMs / bare).toFixed(1)}x a bare create)`);
console.log(`submission / bare create: ${(submitMs / bare).toFixed(1)}x; submission / no-op request: ${(submitMs / noopMs).toFixed(1)}x (target ≤ 4x)`);
console.log(`submit: ${(submitMs / noopMs).toFixed(1)}x a no-op request (${ms(submitMs)} median), ${(submitMs / bare).toFixed(1)}x a bare create`);
process.exit(0);
