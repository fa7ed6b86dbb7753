// @needs emulators
// What the revocation check costs a privileged request (issue 12, finding 5). Staff and kiosk tokens are
// checked with verifyIdToken(token, true): one Auth account lookup per request; citizens' are not.
// Measured, in the same run: the same API request (GET /api/uploads/<missing id>: token check, one
// Firestore read, 404) as a citizen (the baseline) and as a lead, through Hosting; and the lookup alone
// (Admin SDK getUser) in-process.
// Under the emulators the Admin SDK looks up *every* token (citizens' too), so there the lead's request
// makes two lookups and the citizen's one: the difference is still exactly the lookup production adds.
import { admin, HOSTING_URL } from '../test/support/emulators.js';
import { idTokenFor, IDENTITIES } from '../test/support/identity.js';
import { median, ms, timeEach } from './_stats.js';

const ROUNDS = 80;
const { auth } = admin();
const citizen = await idTokenFor(IDENTITIES.citizenA);
const lead = await idTokenFor(IDENTITIES.leadX);

const request = (idToken: string, expected: number) => async () => {
  const res = await fetch(`${HOSTING_URL}/api/uploads/bench-missing-upload`, { headers: { authorization: `Bearer ${idToken}` } });
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`answered ${res.status}, expected ${expected}`);
};
// Warm-up: the first calls start the function's worker and fill the key caches.
for (let i = 0; i < 10; i++) {
  await request(citizen, 404)();
  await request(lead, 404)();
}
// Interleaved rounds, so a slow patch of the machine hits both alike.
const citizenSamples: number[] = [];
const leadSamples: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  citizenSamples.push(...(await timeEach(1, request(citizen, 404))));
  leadSamples.push(...(await timeEach(1, request(lead, 404))));
}
const lookup = median(await timeEach(ROUNDS, () => auth.getUser(IDENTITIES.leadX.uid)));
const asCitizen = median(citizenSamples);
const asLead = median(leadSamples);

console.log(`rounds: ${ROUNDS} each, medians`);
console.log(`GET /api/uploads/<missing> as a citizen (baseline): ${ms(asCitizen)}`);
console.log(`the same as a lead (revocation checked):            ${ms(asLead)} (${(asLead / asCitizen).toFixed(2)}x baseline)`);
console.log(`one Auth account lookup (getUser), in-process:      ${ms(lookup)}`);
console.log(`revocation: +${ms(asLead - asCitizen)} per privileged request (${(asLead / asCitizen).toFixed(2)}x a citizen's)`);
process.exit(0);
