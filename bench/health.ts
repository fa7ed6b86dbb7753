// @needs emulators
// How much the HTTP path costs: GET /api/health through the Hosting rewrite and through the direct
// function URL, against a plain Firestore emulator document read (the baseline), in the same run.
import { admin, FUNCTIONS_URL, HOSTING_URL } from '../test/support/emulators.js';
import { median, ms, timeEach } from './_stats.js';

const ROUNDS = 60;
const { db } = admin();
await db.doc('system/bench-health').set({ at: new Date() });

const get = (url: string) => async () => {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
};
// Warm-up: the first call starts the function's worker.
for (let i = 0; i < 5; i++) {
  await get(`${HOSTING_URL}/api/health`)();
  await db.doc('system/bench-health').get();
}
const baseline = median(await timeEach(ROUNDS, () => db.doc('system/bench-health').get()));
const direct = median(await timeEach(ROUNDS, get(`${FUNCTIONS_URL}/api/health`)));
const viaHosting = median(await timeEach(ROUNDS, get(`${HOSTING_URL}/api/health`)));
await db.doc('system/bench-health').delete();

console.log(`rounds: ${ROUNDS} each, medians`);
console.log(`Firestore document read (baseline): ${ms(baseline)}`);
console.log(`GET /api/health, direct function URL: ${ms(direct)} (${(direct / baseline).toFixed(1)}x baseline)`);
console.log(`GET /api/health, through Hosting:     ${ms(viaHosting)} (${(viaHosting / baseline).toFixed(1)}x baseline)`);
console.log(`health: ${(viaHosting / baseline).toFixed(1)}x a Firestore read through Hosting (${ms(viaHosting)} median)`);
process.exit(0);
