// The national portal's outbox. Every transition writes `portalSyncRequests/{dossierId}_{version}` in its own
// transaction (store/run-transition.ts), beside the slip and notification requests: the messages the pure
// mapping made of the dossier as it stood after that transition (domain/portal), so what is sent never
// depends on when it is sent, and a replay sends the same bytes. The delivery worker
// (features/portal-sync) keeps one cursor per dossier, `portalSync/{dossierId}`, with the last version the
// portal acknowledged and a lease; dossiers filed on the portal keep their filing in `portalFilings/{id}`.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { portalMessagesFor, type Dossier, type DossierEvent, type PortalFacts, type PortalMessage } from '../domain/index.js';
import { logs } from '../platform/logs.js';
import { outboxId } from './outbox.js';
import { fieldOf, findAgency, UNKNOWN_FIELD } from './reference-data.js';

export const PORTAL_SYNC_REQUESTS = 'portalSyncRequests';
export const PORTAL_SYNC = 'portalSync';
export const PORTAL_FILINGS = 'portalFilings';

export const portalSyncRequestId = outboxId;
export const portalSyncRequestRef = (db: Firestore, dossierId: string, version: number) => db.collection(PORTAL_SYNC_REQUESTS).doc(portalSyncRequestId(dossierId, version));
export const portalSyncCursorRef = (db: Firestore, dossierId: string) => db.collection(PORTAL_SYNC).doc(dossierId);
export const portalFilingRef = (db: Firestore, dossierId: string) => db.collection(PORTAL_FILINGS).doc(dossierId);

export type SyncRequestState = 'pending' | 'sent' | 'failed';

/** A stored sync request, as the worker reads it. */
export type StoredSyncRequest = {
  dossierId: string;
  code: string;
  version: number;
  eventType: string;
  at: Date;
  receivingAgencyId: string;
  field: string;
  messages: PortalMessage[];
  /** Services the portal already acknowledged for this request (a retry sends only the rest). */
  delivered: string[];
  state: SyncRequestState;
  attempts: number;
  nextAttemptAt: Date | null;
  failure: 'temporary' | 'permanent' | null;
  lastError: string | null;
  sentAt: Date | null;
  /** Rebuilt by the reconciliation job from the event and today's dossier (the original was missing). */
  rebuilt?: boolean;
};

/** The document of a new request: pending, due at once (the retry sweep picks it up if its trigger is lost). */
export function newSyncRequest(dossier: Dossier, event: Pick<DossierEvent, 'type' | 'version' | 'at'>, messages: PortalMessage[], field: string): StoredSyncRequest {
  return {
    dossierId: dossier.id,
    code: dossier.code ?? '',
    version: event.version,
    eventType: event.type,
    at: event.at,
    receivingAgencyId: dossier.receivingAgencyId,
    field,
    messages,
    delivered: [],
    state: 'pending',
    attempts: 0,
    nextAttemptAt: event.at,
    failure: null,
    lastError: null,
    sentAt: null,
  };
}

// Officers' display names, for the progress rows (NguoiXuLy). Read outside the transaction and cached per
// instance: a name rarely changes, and a stale one for a few minutes harms nobody.
const FIVE_MINUTES = 5 * 60_000;
const nameCache = new Map<string, { value: string | undefined; until: number }>();

async function displayNameOf(db: Firestore, uid: string, now = Date.now()): Promise<string | undefined> {
  const cached = nameCache.get(uid);
  if (cached && cached.until > now) return cached.value;
  const name: unknown = (await db.collection('users').doc(uid).get()).get('displayName');
  const value = typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  nameCache.set(uid, { value, until: now + FIVE_MINUTES });
  return value;
}

/**
 * What the mapping needs beyond the dossier: the procedure's field, the names of the agencies it names, the
 * officer's name, and for a dossier filed on the portal whether its account was VNeID-verified. Cached reads
 * outside the transaction. Never throws: a missing fact degrades a field (an identifier for a name,
 * `unknown` for the field), it never blocks the officer's action.
 */
export async function portalFactsOf(db: Firestore, dossier: Dossier, event: DossierEvent): Promise<PortalFacts> {
  try {
    const agencyIds = new Set([dossier.receivingAgencyId, dossier.currentStep?.agencyId, event.actor.agencyId].filter((id): id is string => id !== undefined));
    const staff = event.actor.role !== 'citizen' && event.actor.role !== 'system';
    const filedOnPortal = dossier.channel === 'online' && dossier.ownerUserId === undefined;
    const [field, agencies, actorName, filing] = await Promise.all([
      fieldOf(db, dossier.procedure.code),
      Promise.all([...agencyIds].map(async (id) => [id, (await findAgency(db, id))?.name.vi] as const)),
      staff ? displayNameOf(db, event.actor.userId) : Promise.resolve(undefined),
      filedOnPortal ? portalFilingRef(db, dossier.id).get() : Promise.resolve(undefined),
    ]);
    const names = new Map(agencies);
    return { field, agencyName: (id) => names.get(id), actorName, vneidVerified: filing?.get('vneidVerified') === true };
  } catch (err) {
    logs.portalSyncFactsMissing(dossier.id, err);
    return { field: UNKNOWN_FIELD, agencyName: () => undefined };
  }
}

/** Writes the sync request of one transition (writes only: call after the transaction's reads). */
export function writePortalSync(db: Firestore, tx: Transaction, dossier: Dossier, event: DossierEvent, facts: PortalFacts): void {
  const messages = portalMessagesFor(dossier, event, facts);
  tx.create(portalSyncRequestRef(db, dossier.id, event.version), newSyncRequest(dossier, event, messages, facts.field));
}
