// What My dossiers reads live from Firestore, under the rules: a citizen's list must ask for
// `ownerUserId == uid` (and `principalUserId == uid` for filings on their behalf), the inbox for `recipientUid == uid`; one dossier and its events by id.
import { collection, doc, getDoc, limit, onSnapshot, orderBy, query, where, type Unsubscribe } from 'firebase/firestore';
import type { ACTION_LABEL_TEXT } from '../../../functions/src/contract/index.js';
import type { STATUS_INFO } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { firestore } from '../shared/citizen-firestore.js';
import type { Prefs } from './api.js';

/** Firestore Timestamps, as the documents hold them. */
export type Stamp = { toDate(): Date } | string | Date | null | undefined;
export type Status = keyof typeof STATUS_INFO;
export type SupplementItem = { componentId?: string; isNew?: boolean; replaceFiles?: boolean; name: string; problem: string };
/** Decree 118 Art. 21: the applicant's request to stop processing, until the desk confirms it. */
export type StopRequestDoc = {
  requestedAt: Stamp;
  via: 'online' | 'desk';
  reason: string;
  confirmedAt?: Stamp;
  papersReturned?: boolean;
  feesRefunded?: boolean;
};
export type DossierDoc = {
  id: string;
  code?: string;
  version: number;
  status: Status;
  ruleSet?: string;
  procedure: { code: string; name: Bilingual };
  receivingAgencyId: string;
  /** Decree 118 Art. 14: the agency that decides, when it is not the receiving desk. */
  competentAgencyId?: string;
  createdAt?: Stamp;
  submittedAt?: Stamp;
  receivedAt?: Stamp;
  dueAt?: Stamp;
  dueExplanation?: Bilingual;
  extensionCount?: number;
  extension?: { reason: string; apology: string; newDueAt: Stamp };
  supplement?: { reason: string; guidance?: string; items: SupplementItem[]; requestedAt: Stamp; submittedAt?: Stamp };
  resolution?: { outcome: 'approved' | 'denied'; reason?: string; summary?: string };
  resultReturnedAt?: Stamp;
  stopRequest?: StopRequestDoc;
  closingReason?: string;
};
export type EventDoc = { version: number; type: keyof typeof ACTION_LABEL_TEXT; at: Stamp; from?: string; to?: Status };
export type InboxEntry = { id: string; subject: Bilingual; body: Bilingual; createdAt?: { toDate(): Date }; readAt?: { toDate(): Date } | null; dossierId: string };

/** The dossiers I filed, and those filed on my behalf for my verified account (`principalUserId`). */
export async function watchMyDossiers(uid: string, onList: (items: DossierDoc[]) => void, onError: () => void): Promise<Unsubscribe> {
  const db = await firestore();
  const toDocs = (docs: { id: string; data(): unknown }[]) => docs.map((d) => ({ ...(d.data() as Omit<DossierDoc, 'id'>), id: d.id }));
  let own: DossierDoc[] | undefined;
  let onBehalf: DossierDoc[] = [];
  const emit = () => {
    if (own) onList([...own, ...onBehalf.filter((d) => !own!.some((o) => o.id === d.id))]);
  };
  const stopOwn = onSnapshot(query(collection(db, 'dossiers'), where('ownerUserId', '==', uid)), (snap) => ((own = toDocs(snap.docs)), emit()), onError);
  const stopOnBehalf = onSnapshot(query(collection(db, 'dossiers'), where('principalUserId', '==', uid)), (snap) => ((onBehalf = toDocs(snap.docs)), emit()), () => undefined);
  return () => {
    stopOwn();
    stopOnBehalf();
  };
}

/** The dossier (null when it does not exist or may not be read) and its events in version order. */
export async function watchDossier(id: string, onDossier: (d: DossierDoc | null) => void, onEvents: (events: EventDoc[]) => void): Promise<Unsubscribe[]> {
  const db = await firestore();
  return [
    onSnapshot(
      doc(db, 'dossiers', id),
      (snap) => onDossier(snap.exists() ? { ...(snap.data() as Omit<DossierDoc, 'id'>), id: snap.id } : null),
      () => onDossier(null),
    ),
    onSnapshot(
      query(collection(db, 'dossiers', id, 'events'), orderBy('version')),
      (snap) => onEvents(snap.docs.map((d) => d.data() as EventDoc)),
      () => undefined,
    ),
  ];
}

/** The citizen's channel choices as stored on their user document; none when it cannot be read. */
export async function readPrefs(uid: string): Promise<Prefs> {
  const db = await firestore();
  return ((await getDoc(doc(db, 'users', uid)).catch(() => undefined))?.get('notificationPrefs') as Prefs | undefined) ?? {};
}

/** The 20 latest in-app notifications. Index: notifications (recipientUid ASC, channel ASC, createdAt DESC) — firestore.indexes.json. */
export async function watchInbox(uid: string, onEntries: (entries: InboxEntry[]) => void, onError: () => void): Promise<Unsubscribe> {
  const db = await firestore();
  return onSnapshot(
    query(collection(db, 'notifications'), where('recipientUid', '==', uid), where('channel', '==', 'inApp'), orderBy('createdAt', 'desc'), limit(20)),
    (snap) => onEntries(snap.docs.map((d) => ({ ...(d.data() as Omit<InboxEntry, 'id'>), id: d.id }))),
    onError,
  );
}
