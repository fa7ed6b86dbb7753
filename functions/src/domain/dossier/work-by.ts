// The instant a dossier must next be acted on, stored on its public document as `workBy` so that each tab
// of the officer queue is one indexed query ordered by it (docs/DATA_MODEL.md, "Queue order"): overdue
// work sorts first, then what is due soon, then the rest by due date, with no reading of the backlog.
// Firestore leaves a document out of a query ordered by a field it lacks, so every dossier carries a value:
// those without a deadline get a far-future one and come after every dossier that has one.

/** Sorts after every real deadline (Firestore's Timestamp reaches 9999-12-31). */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00.000Z');

/**
 * A registered dossier is worked by its intake deadline (Decree 118 Art. 17.2: accept or return an online
 * dossier within 8 working hours); from reception on, by its current due time (kept while a supplement
 * is awaited or the result waits to be returned, so the order stays the due date's).
 */
export function workByOf(d: { status: string; dueAt?: Date | undefined; intake?: { decideBy?: Date | undefined } | undefined }): Date {
  if (d.status === 'registered') return d.intake?.decideBy ?? NO_DEADLINE;
  return d.dueAt ?? NO_DEADLINE;
}
