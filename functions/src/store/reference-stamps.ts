// Version stamps of the reference data an administrator edits. Each instance keeps calendars, agencies,
// procedures in force, rule-set settings and branding in memory (reference-data.ts); without a signal, an
// edit would reach an instance only when its copy expires (five minutes), so a corrected holiday could be
// ignored by the next due date. Every admin write bumps its kind's stamp in `settings/referenceStamps`, in
// the same transaction as the edit, and every cached read compares the stamp first: one small document
// read, shared by the reads running at the same moment, makes the edit count at once on every instance.
// (An edit made by hand in the Firestore console bumps nothing; the five-minute expiry still applies.)
import { FieldValue, type Firestore, type Transaction, type WriteBatch } from 'firebase-admin/firestore';

export const REFERENCE_STAMPS = 'settings/referenceStamps';

export const REFERENCE_KINDS = ['calendars', 'agencies', 'procedures', 'ruleSetSettings', 'branding'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export type ReferenceStamps = Record<ReferenceKind, number>;

const stampsOf = (data: Record<string, unknown> | undefined): ReferenceStamps =>
  Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, typeof data?.[kind] === 'number' ? data[kind] : 0])) as ReferenceStamps;

// Reads in flight, per database: callers arriving while one is under way share it (a transfer looks up
// several agencies at once). Nothing is kept once it answers: the next read asks again.
const inFlight = new WeakMap<Firestore, Promise<ReferenceStamps>>();

/** The current stamps (0 for a kind never edited through the admin API). */
export function readStamps(db: Firestore): Promise<ReferenceStamps> {
  const pending = inFlight.get(db);
  if (pending) return pending;
  const read = db
    .doc(REFERENCE_STAMPS)
    .get()
    .then((snap) => stampsOf(snap.data()))
    .finally(() => inFlight.delete(db));
  inFlight.set(db, read);
  return read;
}

/**
 * Marks `kinds` as edited, inside the edit's transaction (a write: call after the transaction's reads) or
 * the batch of an import (store/catalogue-records.ts).
 */
export function bumpStamps(db: Firestore, tx: Transaction | WriteBatch, ...kinds: ReferenceKind[]): void {
  const ref = db.doc(REFERENCE_STAMPS);
  const bumps = Object.fromEntries(kinds.map((kind) => [kind, FieldValue.increment(1)]));
  // The same call on both: TypeScript cannot call `set` on the union of their overload sets.
  if ('commit' in tx) tx.set(ref, bumps, { merge: true });
  else tx.set(ref, bumps, { merge: true });
}
