// `counters/{agencyId}_{YYMMDD}`: the agency's counter of the day (Vietnam date) that numbers its dossier
// codes. A code is reserved inside the transaction that creates the dossier, from the counter read in that
// transaction: codes are unique and gap-free because the counter and the dossier are written together.
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import { formatDossierCode, localDateOf, type DossierCode } from '../domain/index.js';

export const COUNTERS = 'counters';

export function counterRef(db: Firestore, agencyId: string, now: Date) {
  const day = localDateOf(now).replaceAll('-', '').slice(2); // YYMMDD
  return db.collection(COUNTERS).doc(`${agencyId}_${day}`);
}

/** The next code of the agency's day, and the counter write to run with the dossier's own writes. */
export function reserveDossierCode(tx: Transaction, counter: DocumentSnapshot, agencyId: string, now: Date): { code: DossierCode; write: () => void } {
  const sequence = ((counter.get('next') as number | undefined) ?? 0) + 1;
  const code = formatDossierCode(agencyId, now, sequence); // throws past 9999, with a clear message
  const day = counter.ref.id.slice(agencyId.length + 1);
  return { code, write: () => tx.set(counter.ref, { agencyId, day, next: sequence, updatedAt: now }) };
}
