// How a domain Dossier is stored: `dossiers/{id}` holds everything but personal data (the lookup,
// lists and statistics read it); `dossiers/{id}/private/personal` holds the applicant and the components.
import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import type { Dossier } from '../../domain/index.js';

export const DOSSIERS = 'dossiers';
export const GENESIS_HASH = '0'.repeat(64);

/** Fields the service keeps beside the domain state on the public document. */
export type StoredExtras = { lastEventHash: string; handoffCount: number };

export type PublicDossier = Omit<Dossier, 'applicant' | 'components'> & StoredExtras;
export type PersonalPart = Pick<Dossier, 'applicant' | 'components'>;

export const dossierRef = (db: Firestore, id: string) => db.collection(DOSSIERS).doc(id);
export const personalRef = (db: Firestore, id: string) =>
  dossierRef(db, id).collection('private').doc('personal');
export const eventRef = (db: Firestore, id: string, version: number) =>
  dossierRef(db, id).collection('events').doc(String(version).padStart(6, '0'));
export const handoffRef = (db: Firestore, id: string, n: number) =>
  dossierRef(db, id).collection('handoffs').doc(String(n).padStart(3, '0'));

export function splitDossier(
  dossier: Dossier,
  extras: StoredExtras,
): { publicDoc: PublicDossier; personal: PersonalPart } {
  const { applicant, components, ...rest } = dossier;
  return { publicDoc: { ...rest, ...extras }, personal: { applicant, components } };
}

/** Firestore gives Timestamps back; the domain works with Dates. */
export function revive<T>(value: T): T {
  if (value instanceof Timestamp) return value.toDate() as T;
  if (Array.isArray(value)) return value.map(revive) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)])) as T;
  }
  return value;
}

export function joinDossier(
  publicData: DocumentData,
  personalData: DocumentData | undefined,
): { dossier: Dossier; extras: StoredExtras } {
  const { lastEventHash, handoffCount, ...rest } = revive(publicData) as PublicDossier;
  const personal = revive(personalData ?? {}) as Partial<PersonalPart>;
  const dossier = {
    ...rest,
    applicant: personal.applicant,
    components: personal.components ?? [],
  } as Dossier;
  return {
    dossier,
    extras: { lastEventHash: lastEventHash ?? GENESIS_HASH, handoffCount: handoffCount ?? 0 },
  };
}
