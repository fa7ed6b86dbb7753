// `counters/{agencyId}_{YYMMDD}`: the agency's counter of the day (Vietnam date) that numbers its dossier
// codes. A code is reserved inside the transaction that creates the dossier, from the counter read in that
// transaction: codes are unique and gap-free because the counter and the dossier are written together.
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import { formatDossierCode, localDateOf, type CodeWidths, type DossierCode } from '../domain/index.js';

export const COUNTERS = 'counters';

/** The issuer's counter of the day: the agency (or the portal) whose identifier prefixes the code. */
export function counterRef(db: Firestore, issuer: string, now: Date) {
  const day = localDateOf(now).replaceAll('-', '').slice(2); // YYMMDD
  return db.collection(COUNTERS).doc(`${issuer}_${day}`);
}

/** The next code of the issuer's day, and the counter write to run with the dossier's own writes. */
export function reserveDossierCode(tx: Transaction, counter: DocumentSnapshot, issuer: string, now: Date, widths?: CodeWidths): { code: DossierCode; write: () => void } {
  const sequence = ((counter.get('next') as number | undefined) ?? 0) + 1;
  const code = formatDossierCode(issuer, now, sequence, widths); // never runs out: widens past its width
  const day = counter.ref.id.slice(issuer.length + 1);
  return { code, write: () => tx.set(counter.ref, { agencyId: issuer, day, next: sequence, updatedAt: now }) };
}
