// @needs emulators
// How many Firestore commits a fan-out to 1,000 recipients takes (target: at most 3), and how long it takes.
// 1,000 officers follow one agency; a transition of a dossier held there fans out to all their inboxes.
import { fanOutRequest } from '../functions/src/features/notifications/fan-out.js';
import { admin } from '../test/support/emulators.js';
import { ms } from './_stats.js';

const { db } = admin();
const AGENCY = '000.00.94.H99';
for (let start = 0; start < 1_000; start += 500) {
  const batch = db.batch();
  for (let i = start; i < start + 500; i++) batch.set(db.doc(`users/bench-follower-${i}`), { role: 'handler', agencyId: AGENCY, followAgency: true });
  await batch.commit();
}
const dossierId = 'bench-fanout-dossier';
await db.doc(`dossiers/${dossierId}`).set({ id: dossierId, code: '000.00.94.H99-261128-0001', status: 'processing', receivingAgencyId: AGENCY });
const request = { dossierId, version: 5, eventType: 'resolve', at: new Date(), state: 'pending', audience: 'applicant', ownerUserId: null };
const started = performance.now();
const result = await fanOutRequest({ db, now: () => new Date() }, `${dossierId}_000005`, request);
const elapsed = performance.now() - started;
const replay = await fanOutRequest({ db, now: () => new Date() }, `${dossierId}_000005`, request);
console.log(`recipients: ${result.created.length}, commits: ${result.commits}, time: ${ms(elapsed)}`);
console.log(`replay: created ${replay.created.length}, commits ${replay.commits} (only the request's done mark)`);
console.log(`fanout: ${result.commits} commits for ${result.created.length} recipients (target at most 3)`);
process.exit(0);
