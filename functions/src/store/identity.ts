// `vneidIdentities/{sub}`: what the national electronic identity (VNeID) vouched for, keyed by the OIDC
// subject: the personal ID number and name from a verified ID token, and, once a Firebase session of that
// subject has been seen, its uid. `users/{uid}.profile`: the profile a person keeps (with consent).
// Server only (firestore.rules).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { VNEID_PROVIDER_ID } from '../contract/identity.js';
import type { Caller } from '../platform/auth.js';
import { revive } from './revive.js';

export const VNEID_IDENTITIES = 'vneidIdentities';
export const USERS = 'users';

export const VneidIdentity = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  fullName: z.string().nullable(),
  verifiedAt: z.date(),
  uid: z.string().optional(),
});
export type VneidIdentity = z.infer<typeof VneidIdentity>;

export const vneidIdentityRef = (db: Firestore, sub: string) => db.collection(VNEID_IDENTITIES).doc(sub);
export const userRef = (db: Firestore, uid: string) => db.collection(USERS).doc(uid);

/** Records (or refreshes) what a verified VNeID ID token said about its subject. @idempotent by sub. */
export async function recordVneidIdentity(db: Firestore, sub: string, identity: { idNumber: string; fullName: string | null }, at: Date): Promise<void> {
  await vneidIdentityRef(db, sub).set({ idNumber: identity.idNumber, fullName: identity.fullName, verifiedAt: at }, { merge: true });
}

/**
 * The verified identity of a VNeID-authenticated session, or undefined for any other session. On first
 * sight it links the subject to the account and marks the account (`users/{uid}.vneid`, which the
 * national index counts: Decision 766 indicator 4.5).
 */
export async function verifiedIdentity(db: Firestore, caller: Caller): Promise<VneidIdentity | undefined> {
  if (caller.signInProvider !== VNEID_PROVIDER_ID || !caller.providerSubjects?.length) return undefined;
  const sub = caller.providerSubjects[0]!;
  const snap = await vneidIdentityRef(db, sub).get();
  const parsed = VneidIdentity.safeParse(revive(snap.data()));
  if (!parsed.success) return undefined;
  if (parsed.data.uid !== caller.userId) {
    await db.runTransaction(async (tx) => {
      tx.set(vneidIdentityRef(db, sub), { uid: caller.userId }, { merge: true });
      tx.set(userRef(db, caller.userId), { vneid: { sub, idNumber: parsed.data.idNumber, verifiedAt: parsed.data.verifiedAt } }, { merge: true });
    });
  }
  return parsed.data;
}

/** The account whose VNeID-verified ID number is `idNumber`, if any has signed in. */
export async function verifiedAccountOf(db: Firestore, idNumber: string): Promise<string | undefined> {
  const snap = await db.collection(VNEID_IDENTITIES).where('idNumber', '==', idNumber).limit(5).get();
  return snap.docs.map((d) => d.get('uid') as unknown).find((uid): uid is string => typeof uid === 'string');
}
