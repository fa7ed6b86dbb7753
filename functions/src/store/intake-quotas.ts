// `intakeQuotas/{scope}_{key}_{YYMMDD}`: how many dossiers were filed online on one Vietnam day by one
// account (`account_{uid}_…`) or at one receiving desk (`agency_{agencyId}_…`). Counted in the very
// transaction that creates the dossier (so a refused or failed submission counts nothing, and a retried
// one is answered from its idempotency record before it could count twice); read once before it without a
// transaction, so a flood past the limit is refused without touching the desk's code counter, which the
// desk's walk-ins need. `expiresAt` (the day's end) lets a TTL policy delete old days (docs/DATA_MODEL.md).
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { decideOnlineQuota, localDateOf, quotaDayEnd, type OnlineQuotaDecision, type OnlineQuotaLimits } from '../domain/index.js';

export const INTAKE_QUOTAS = 'intakeQuotas';

const dayOf = (now: Date) => localDateOf(now).replaceAll('-', '').slice(2); // YYMMDD

/** The documents one online submission is counted in, and the account's settings (its own limit, if set). */
export function onlineQuotaRefs(db: Firestore, uid: string, agencyId: string, now: Date): [account: DocumentReference, agency: DocumentReference, user: DocumentReference] {
  const day = dayOf(now);
  return [db.collection(INTAKE_QUOTAS).doc(`account_${uid}_${day}`), db.collection(INTAKE_QUOTAS).doc(`agency_${agencyId}_${day}`), db.collection('users').doc(uid)];
}

const countOf = (snap: DocumentSnapshot | undefined): number => {
  const n: unknown = snap?.get('count');
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

/** An administrator's limit for one account: a whole number ≥ 0, else none. */
const accountLimitOf = (user: DocumentSnapshot | undefined): number | undefined => {
  const n: unknown = user?.get('onlineSubmissionsPerDay');
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** The decision from snapshots of `onlineQuotaRefs` (read in or out of a transaction). */
export function onlineQuotaOf(
  snaps: readonly (DocumentSnapshot | undefined)[],
  limits: OnlineQuotaLimits,
  now: Date,
  /** Submissions counted earlier in the same batch of the code allocator, not yet stored. */
  pending: { account: number; agency: number } = { account: 0, agency: 0 },
): OnlineQuotaDecision {
  const [account, agency, user] = snaps;
  const accountLimit = accountLimitOf(user);
  return decideOnlineQuota(
    { account: countOf(account) + pending.account, agency: countOf(agency) + pending.agency, ...(accountLimit !== undefined ? { accountLimit } : {}) },
    limits,
    now,
  );
}

/** A quick look without a transaction: refuses a flood past the limit before any transaction starts. */
export async function peekOnlineQuota(db: Firestore, uid: string, agencyId: string, now: Date, limits: OnlineQuotaLimits): Promise<OnlineQuotaDecision> {
  return onlineQuotaOf(await db.getAll(...onlineQuotaRefs(db, uid, agencyId, now)), limits, now);
}

/** Counts one submission in the creating transaction (a write: run it after the transaction's reads). */
export function countOnlineSubmission(tx: Transaction, refs: readonly DocumentReference[], scopeKeys: { uid: string; agencyId: string }, now: Date): void {
  const [account, agency] = refs;
  countOnline(tx, account!, { scope: 'account', uid: scopeKeys.uid }, now, 1);
  countOnline(tx, agency!, { scope: 'agency', agencyId: scopeKeys.agencyId }, now, 1);
}

/**
 * Adds `n` submissions to one quota document: the code allocator counts a batch's submissions to one
 * desk with one write, not one each (a write-once-per-batch hot document).
 */
export function countOnline(tx: Transaction, ref: DocumentReference, scope: { scope: 'account'; uid: string } | { scope: 'agency'; agencyId: string }, now: Date, n: number): void {
  tx.set(ref, { ...scope, day: localDateOf(now), count: FieldValue.increment(n), expiresAt: quotaDayEnd(now) }, { merge: true });
}
