// Values of an action that only the service may set: the dossier code from the agency's daily counter,
// and due dates from the deadline engine. Clients never send them.
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  computeDeadline,
  computeDeadlineWithSupplements,
  formatDossierCode,
  localDateOf,
  type Dossier,
  type DueDate,
  type WorkingCalendar,
} from '../../domain/index.js';
import { procedureVersion, workingHoursOf } from '../../store/reference-data.js';

export const SERVICE_FIELDS = ['code', 'due'] as const;

/** The agency's counter of the day (Vietnam date) that numbers its dossier codes. */
export function counterRef(db: Firestore, agencyId: string, now: Date) {
  const day = localDateOf(now).replaceAll('-', '').slice(2); // YYMMDD
  return db.collection('counters').doc(`${agencyId}_${day}`);
}

/**
 * Reserves the next code of the agency's day inside the caller's transaction, from the counter read in
 * that transaction: codes are unique and gap-free because the counter and the dossier are written together.
 */
export function reserveDossierCode(
  tx: Transaction,
  counter: DocumentSnapshot,
  agencyId: string,
  now: Date,
): { code: string; write: () => void } {
  const sequence = ((counter.get('next') as number | undefined) ?? 0) + 1;
  const code = formatDossierCode(agencyId, now, sequence); // throws past 9999, with a clear message
  const day = counter.ref.id.slice(agencyId.length + 1);
  return { code, write: () => tx.set(counter.ref, { agencyId, day, next: sequence, updatedAt: now }) };
}

/** The due date at reception: the procedure's legal time from now, in the agency's working hours. */
export async function dueAtReception(
  db: Firestore,
  dossier: Dossier,
  calendar: WorkingCalendar,
  now: Date,
): Promise<DueDate> {
  const procedure = await procedureVersion(db, dossier.procedure.code, dossier.procedure.version);
  const workingHours = await workingHoursOf(db, dossier.receivingAgencyId);
  const result = computeDeadline({ start: now, duration: procedure.legalDuration, calendar, workingHours });
  return { at: result.dueAt, explanation: result.explanation };
}

/**
 * The due date when a supplement requested during handling arrives: the clock restarts from zero
 * (Decree 61 Art. 19(4), the default) or resumes where it paused, per the pinned procedure version.
 * A supplement requested at the reception check needs none: reception computes it.
 */
export async function dueAfterSupplement(
  db: Firestore,
  dossier: Dossier,
  calendar: WorkingCalendar,
  now: Date,
): Promise<DueDate | undefined> {
  const round = dossier.supplement;
  if (!round || round.requestedInStatus !== 'processing' || !dossier.receivedAt) return undefined;
  const procedure = await procedureVersion(db, dossier.procedure.code, dossier.procedure.version);
  const workingHours = await workingHoursOf(db, dossier.receivingAgencyId);
  const result =
    dossier.procedure.supplementClockPolicy === 'pause'
      ? computeDeadlineWithSupplements({
          start: dossier.receivedAt,
          duration: procedure.legalDuration,
          calendar,
          workingHours,
          policy: 'pause',
          supplements: [{ requestedAt: round.requestedAt, receivedAt: now }],
        })
      : computeDeadline({ start: now, duration: procedure.legalDuration, calendar, workingHours });
  return { at: result.dueAt, explanation: result.explanation };
}
