// What a restore drill (docs/OPERATIONS.md, "Backups and the restore drill") compares between the live
// database and a restored one: how many documents the main collections hold, and whether the event
// chains of the most recently changed dossiers are intact (store/event-chain.ts: a missing, edited or
// reordered event breaks the hashes). `npm run admin -- check-data` prints it.
import type { Firestore } from 'firebase-admin/firestore';
import { DOSSIERS } from './dossiers.js';
import { verifyChain, type ChainedEvent } from './event-chain.js';
import { revive } from './revive.js';

export const CHECKED_COLLECTIONS = ['agencies', 'procedures', 'calendars', 'users', 'dossiers', 'stats', 'ratings', 'notifications', 'tasks', 'imports'] as const;

export type DataCheck = {
  counts: Record<(typeof CHECKED_COLLECTIONS)[number], number>;
  chains: { checked: number; events: number; broken: { dossierId: string; brokenAtVersion: number }[] };
};

export async function checkData(db: Firestore, options: { sample: number }): Promise<DataCheck> {
  const counts = Object.fromEntries(
    await Promise.all(CHECKED_COLLECTIONS.map(async (name) => [name, (await db.collection(name).count().get()).data().count] as const)),
  ) as DataCheck['counts'];
  const recent = await db.collection(DOSSIERS).orderBy('updatedAt', 'desc').limit(options.sample).get();
  const broken: DataCheck['chains']['broken'] = [];
  let events = 0;
  for (const dossier of recent.docs) {
    const snap = await dossier.ref.collection('events').orderBy('version').get();
    const chain = verifyChain(snap.docs.map((d) => revive(d.data()) as ChainedEvent));
    events += chain.length;
    if (!chain.ok) broken.push({ dossierId: dossier.id, brokenAtVersion: chain.brokenAtVersion });
  }
  return { counts, chains: { checked: recent.size, events, broken } };
}
