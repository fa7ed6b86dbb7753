// How a domain Dossier is stored: `dossiers/{id}` holds everything but personal data (the lookup,
// lists and statistics read it); `dossiers/{id}/private/personal` holds the applicant and the components.
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { workByOf, type Dossier } from '../domain/index.js';
import { revive } from './revive.js';

export const DOSSIERS = 'dossiers';
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Fields the service keeps beside the domain state on the public document. `sweepAt`: when the deadline sweep
 * must next read the dossier (domain/lifecycle/sweep-at.ts); absent when it never needs to.
 */
export type StoredExtras = { lastEventHash: string; handoffCount: number; sweepAt?: Date };

/**
 * Derived on every write, never read back into the domain: `workBy`, the instant the officer queue orders
 * the dossier by (domain/dossier/work-by.ts), so each queue tab is one indexed query.
 */
export type DerivedFields = { workBy: Date };

export type PublicDossier = Omit<Dossier, 'applicant' | 'components' | 'filer'> & StoredExtras & DerivedFields;
/** The personal part: the applicant, the components with their files, and the filer of a filing on someone's behalf. */
export type PersonalPart = Pick<Dossier, 'applicant' | 'components' | 'filer'>;

export const dossierRef = (db: Firestore, id: string) => db.collection(DOSSIERS).doc(id);
export const personalRef = (db: Firestore, id: string) =>
  dossierRef(db, id).collection('private').doc('personal');
export const eventRef = (db: Firestore, id: string, version: number) =>
  dossierRef(db, id).collection('events').doc(String(version).padStart(6, '0'));
export const handoffRef = (db: Firestore, id: string, n: number) =>
  dossierRef(db, id).collection('handoffs').doc(String(n).padStart(3, '0'));
/** The idempotency record of one request: `dossiers/{id}/requests/{uid}_{requestId}`. */
export const requestRef = (db: Firestore, dossierId: string, uid: string, requestId: string) =>
  dossierRef(db, dossierId).collection('requests').doc(`${uid}_${requestId}`);
/** `dossiers/{id}/slips/{form}-{version}`: the record of one issued slip (bytes in the file store). */
export const slipRef = (db: Firestore, dossierId: string, slipId: string) =>
  dossierRef(db, dossierId).collection('slips').doc(slipId);

export function splitDossier(
  dossier: Dossier,
  extras: StoredExtras,
): { publicDoc: PublicDossier; personal: PersonalPart } {
  const { applicant, components, filer, ...rest } = dossier;
  return { publicDoc: { ...rest, ...extras, workBy: workByOf(dossier) }, personal: { applicant, components, ...(filer ? { filer } : {}) } };
}

export function joinDossier(
  publicData: DocumentData,
  personalData: DocumentData | undefined,
): { dossier: Dossier; extras: StoredExtras } {
  const { lastEventHash, handoffCount, sweepAt, workBy: _workBy, ...rest } = revive(publicData) as PublicDossier;
  const personal = revive(personalData ?? {}) as Partial<PersonalPart>;
  const dossier = {
    ...rest,
    applicant: personal.applicant,
    components: personal.components ?? [],
    ...(personal.filer ? { filer: personal.filer } : {}),
  } as Dossier;
  return {
    dossier,
    extras: { lastEventHash: lastEventHash ?? GENESIS_HASH, handoffCount: handoffCount ?? 0, ...(sweepAt instanceof Date ? { sweepAt } : {}) },
  };
}
