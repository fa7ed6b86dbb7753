// `registerCounters/{agencyId}_{YYYY}`: the agency's yearly register of dossiers (sổ theo dõi hồ sơ). Each
// dossier gets the next entry when it is received, in the same transaction, so entries are gap-free and
// the register (form 06/07) numbers its rows exactly as the receipts (form 01) print them.
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import { localDateOf, type RegisterEntry } from '../domain/index.js';

export const REGISTER_COUNTERS = 'registerCounters';

export function registerCounterRef(db: Firestore, agencyId: string, now: Date) {
  return db.collection(REGISTER_COUNTERS).doc(`${agencyId}_${localDateOf(now).slice(0, 4)}`);
}

/** The next entry of the agency's register of the year (Vietnam date), and the counter write. */
export function reserveRegisterEntry(tx: Transaction, counter: DocumentSnapshot, agencyId: string, now: Date): { entry: RegisterEntry; write: () => void } {
  const number = ((counter.get('next') as number | undefined) ?? 0) + 1;
  const year = Number(localDateOf(now).slice(0, 4));
  return { entry: { agencyId, year, number }, write: () => tx.set(counter.ref, { agencyId, year, next: number, updatedAt: now }) };
}
