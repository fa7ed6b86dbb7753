// Side effects of a transition are requested through outbox documents, written in the same transaction
// as the state change and consumed by their own workers: `slipRequests/` (the slip trigger renders the
// official form) and `notificationRequests/` (fan-out to the people to tell). Document ids are
// `{dossierId}_{version}`, so a request can never be written twice.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Dossier, DossierEvent, TransitionEffects } from '../domain/index.js';

export const SLIP_REQUESTS = 'slipRequests';
export const NOTIFICATION_REQUESTS = 'notificationRequests';

export const outboxId = (dossierId: string, version: number) => `${dossierId}_${String(version).padStart(6, '0')}`;

/** Writes the outbox requests the effects ask for (writes only: call after the transaction's reads). */
export function writeOutbox(db: Firestore, tx: Transaction, dossier: Dossier, event: DossierEvent, effects: Pick<TransitionEffects, 'slip' | 'notifyApplicant' | 'alertReception'>): void {
  const id = outboxId(dossier.id, event.version);
  const base = { dossierId: dossier.id, version: event.version, eventType: event.type, at: event.at, state: 'pending' };
  if (effects.slip) tx.create(db.collection(SLIP_REQUESTS).doc(id), { ...base, form: effects.slip });
  if (effects.alertReception) {
    // Decree 118 Art. 17.2: the receiving desk's officers hear of an online dossier at once.
    tx.create(db.collection(NOTIFICATION_REQUESTS).doc(`${id}_reception`), {
      ...base,
      eventType: 'onlineIntake',
      key: `reception-${id}`,
      audience: 'reception',
      receivingAgencyId: dossier.receivingAgencyId,
      dueAt: dossier.intake?.decideBy ?? null,
    });
  }
  if (effects.notifyApplicant) {
    tx.create(db.collection(NOTIFICATION_REQUESTS).doc(id), {
      ...base,
      audience: 'applicant',
      ownerUserId: dossier.ownerUserId ?? null,
      status: dossier.status,
    });
  }
}
