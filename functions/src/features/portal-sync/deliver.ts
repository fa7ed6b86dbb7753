// Delivery of the national portal's outbox, in order per dossier. One worker at a time holds a dossier's
// cursor (`portalSync/{dossierId}`: the last version the portal acknowledged, a lease), and sends the
// dossier's requests strictly in version order: the next one is `sentVersion + 1` or nothing. A failure
// stops the dossier's queue where it is (head of line), so the portal never sees version 5 before 4; a gap
// (a request that was never written) stops it too, until the reconciliation job rebuilds the missing one.
// Every step that changes state is a transaction that first checks that the lease is still ours.
import { randomUUID } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { PORTAL_SERVICES, type PortalMessage } from '../../domain/index.js';
import { portalSyncCursorRef, PORTAL_SYNC_REQUESTS, type StoredSyncRequest } from '../../store/portal-sync.js';
import { revive } from '../../store/revive.js';
import { STATS, statsDocId, statsMonthOf } from '../../store/stats.js';
import { givesUp, syncBackoffMs, SYNC_POLICY } from './delivery-policy.js';
import { PortalError, type PortalClient } from './portal-port.js';

export type SyncDeps = { db: Firestore; now: () => Date; portal: PortalClient; random: () => number };

/** Why a drain stopped: all sent, someone else holds the dossier, a failure, a retry not due yet, a gap, a request given up on. */
export type DrainOutcome = 'idle' | 'busy' | 'failed' | 'waiting' | 'gap' | 'blocked' | 'lostLease';
export type DrainResult = { outcome: DrainOutcome; sent: number; sentVersion: number };

const StoredRequest = z.looseObject({
  dossierId: z.string(),
  version: z.number().int().min(1),
  eventType: z.string(),
  at: z.date(),
  receivingAgencyId: z.string(),
  field: z.string(),
  messages: z.array(z.looseObject({ service: z.enum(PORTAL_SERVICES), body: z.record(z.string(), z.unknown()) })),
  delivered: z.array(z.string()).default([]),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.date().nullable(),
});
type Request = z.infer<typeof StoredRequest> & { id: string };

const Cursor = z.looseObject({
  sentVersion: z.number().int().min(0).default(0),
  leaseId: z.string().nullable().optional(),
  leaseUntil: z.date().nullable().optional(),
  receptionCounted: z.boolean().optional(),
});

/** The message of one service, keyed for good: the same message always carries the same key. */
export const messageKey = (requestId: string, service: string) => `${requestId}:${service}`;

/**
 * Sends what is due of one dossier's outbox, in version order.
 * @idempotent by (dossier, version): the cursor only moves forward, a request already `sent` is never sent
 * again, and a concurrent worker finds the lease taken and leaves (the holder re-checks after releasing it,
 * so a request written meanwhile is not left behind). A worker that dies after the portal acknowledged a
 * message but before recording it leaves the message to be sent again with the same key once its lease
 * expires: at least once, never out of order.
 */
export async function drainDossier(deps: SyncDeps, dossierId: string): Promise<DrainResult> {
  let total = 0;
  // A few rounds at most: each round releases the lease and re-checks for requests written meanwhile.
  for (let round = 0; round < 5; round++) {
    const leaseId = randomUUID();
    const lease = await takeLease(deps, dossierId, leaseId);
    if (!lease) return { outcome: 'busy', sent: total, sentVersion: -1 };
    let { sentVersion } = lease;
    let outcome: DrainOutcome = 'idle';
    try {
      ({ outcome, sentVersion, sent: total } = await drainHeld(deps, dossierId, leaseId, sentVersion, total));
    } finally {
      await releaseLease(deps, dossierId, leaseId);
    }
    if (outcome !== 'idle' || total >= SYNC_POLICY.maxPerDrain) return { outcome, sent: total, sentVersion };
    if (!(await nextIsDue(deps, dossierId, sentVersion))) return { outcome, sent: total, sentVersion };
  }
  return { outcome: 'idle', sent: total, sentVersion: -1 };
}

async function takeLease(deps: SyncDeps, dossierId: string, leaseId: string): Promise<{ sentVersion: number } | undefined> {
  const ref = portalSyncCursorRef(deps.db, dossierId);
  return deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const cursor = Cursor.parse(snap.exists ? revive(snap.data()) : {});
    const now = deps.now();
    if (cursor.leaseId && cursor.leaseUntil && cursor.leaseUntil > now) return undefined;
    tx.set(ref, { dossierId, sentVersion: cursor.sentVersion, leaseId, leaseUntil: new Date(now.getTime() + SYNC_POLICY.leaseMs), updatedAt: now }, { merge: true });
    return { sentVersion: cursor.sentVersion };
  });
}

async function releaseLease(deps: SyncDeps, dossierId: string, leaseId: string): Promise<void> {
  const ref = portalSyncCursorRef(deps.db, dossierId);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get('leaseId') === leaseId) tx.update(ref, { leaseId: null, leaseUntil: null });
  });
}

/** Whether the request after `sentVersion` exists and may go now (written while we held the lease). */
async function nextIsDue(deps: SyncDeps, dossierId: string, sentVersion: number): Promise<boolean> {
  const snap = await deps.db.collection(PORTAL_SYNC_REQUESTS).where('dossierId', '==', dossierId).where('version', '==', sentVersion + 1).limit(1).get();
  const doc = snap.docs[0];
  if (!doc) return false;
  const next = doc.get('nextAttemptAt') as { toDate(): Date } | null;
  return doc.get('state') === 'pending' && (next === null || next.toDate() <= deps.now());
}

function parseRequest(id: string, data: unknown): Request {
  return { ...StoredRequest.parse(revive(data)), id };
}

async function drainHeld(deps: SyncDeps, dossierId: string, leaseId: string, sentVersion: number, sentSoFar: number): Promise<{ outcome: DrainOutcome; sentVersion: number; sent: number }> {
  let sent = sentSoFar;
  for (;;) {
    const snap = await deps.db
      .collection(PORTAL_SYNC_REQUESTS)
      .where('dossierId', '==', dossierId)
      .where('version', '>', sentVersion)
      .orderBy('version')
      .limit(SYNC_POLICY.batch)
      .get();
    if (snap.empty) return { outcome: 'idle', sentVersion, sent };
    for (const doc of snap.docs) {
      const request = parseRequest(doc.id, doc.data());
      if (request.version !== sentVersion + 1) {
        await markCursor(deps, dossierId, leaseId, { gapAt: sentVersion + 1 });
        return { outcome: 'gap', sentVersion, sent };
      }
      if (request.state === 'failed') return { outcome: 'blocked', sentVersion, sent };
      if (request.state === 'pending' && request.nextAttemptAt && request.nextAttemptAt > deps.now()) return { outcome: 'waiting', sentVersion, sent };
      const delivered = request.state === 'sent' ? 'recorded' : await deliverOne(deps, request);
      if (delivered instanceof PortalError) {
        const kept = await recordFailure(deps, request, leaseId, delivered);
        return { outcome: kept ? 'failed' : 'lostLease', sentVersion, sent };
      }
      if (!(await recordSent(deps, request, leaseId, delivered === 'recorded' ? undefined : delivered))) return { outcome: 'lostLease', sentVersion, sent };
      sentVersion = request.version;
      if (delivered !== 'recorded') sent += 1;
      if (sent >= SYNC_POLICY.maxPerDrain) return { outcome: 'idle', sentVersion, sent };
    }
  }
}

/** Sends the messages the portal has not acknowledged yet; the services it acknowledged, or the failure (with what got through). */
async function deliverOne(deps: SyncDeps, request: Request): Promise<string[] | PortalError> {
  const delivered = [...request.delivered];
  for (const message of request.messages) {
    if (delivered.includes(message.service)) continue;
    try {
      await deps.portal.send(message as unknown as PortalMessage, messageKey(request.id, message.service));
      delivered.push(message.service);
    } catch (err) {
      const failure = err instanceof PortalError ? err : new PortalError('temporary', err instanceof Error ? err.message : String(err));
      return Object.assign(failure, { delivered });
    }
  }
  return delivered;
}

/**
 * Marks the request sent and moves the cursor, in one transaction that checks the lease. The first time a
 * dossier's reception reaches the portal, the dossier counts as synced in the statistics of its receiving
 * agency, procedure field and month of reception: the numerator of the sync share.
 */
async function recordSent(deps: SyncDeps, request: Request, leaseId: string, delivered: string[] | undefined): Promise<boolean> {
  const { db } = deps;
  const cursorRef = portalSyncCursorRef(db, request.dossierId);
  const requestRef = db.collection(PORTAL_SYNC_REQUESTS).doc(request.id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(cursorRef);
    if (snap.get('leaseId') !== leaseId) return false;
    const cursor = Cursor.parse(revive(snap.data()));
    const now = deps.now();
    if (delivered) {
      tx.update(requestRef, { state: 'sent', sentAt: now, attempts: request.attempts + 1, delivered, nextAttemptAt: null, failure: null, lastError: null });
    }
    const countReception = request.eventType === 'receive' && cursor.receptionCounted !== true;
    tx.update(cursorRef, {
      sentVersion: request.version,
      lastSentAt: now,
      failing: false,
      lastError: null,
      gapAt: null,
      leaseUntil: new Date(now.getTime() + SYNC_POLICY.leaseMs),
      ...(countReception ? { receptionCounted: true } : {}),
    });
    if (countReception) {
      const month = statsMonthOf(request.at);
      tx.set(
        db.collection(STATS).doc(statsDocId(request.receivingAgencyId, request.field, month)),
        { agencyId: request.receivingAgencyId, field: request.field, month, portalSynced: FieldValue.increment(1), updatedAt: now },
        { merge: true },
      );
    }
    return true;
  });
}

/** Records a failed attempt: the next try after a backoff, or `failed` (permanent error, or too many tries). */
async function recordFailure(deps: SyncDeps, request: Request, leaseId: string, error: PortalError & { delivered?: string[] }): Promise<boolean> {
  const { db } = deps;
  const cursorRef = portalSyncCursorRef(db, request.dossierId);
  const requestRef = db.collection(PORTAL_SYNC_REQUESTS).doc(request.id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(cursorRef);
    if (snap.get('leaseId') !== leaseId) return false;
    const now = deps.now();
    const attempts = request.attempts + 1;
    const final = givesUp(error.kind, attempts);
    const nextAttemptAt = final ? null : new Date(now.getTime() + syncBackoffMs(attempts, deps.random()));
    tx.update(requestRef, {
      state: final ? 'failed' : 'pending',
      attempts,
      failure: error.kind,
      lastError: error.message.slice(0, 500),
      lastAttemptAt: now,
      nextAttemptAt,
      delivered: error.delivered ?? request.delivered,
    });
    tx.update(cursorRef, { failing: true, lastError: error.message.slice(0, 500), lastErrorAt: now, blockedVersion: request.version });
    return true;
  });
}

async function markCursor(deps: SyncDeps, dossierId: string, leaseId: string, fields: Record<string, unknown>): Promise<void> {
  const ref = portalSyncCursorRef(deps.db, dossierId);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get('leaseId') === leaseId) tx.update(ref, fields);
  });
}

export type { StoredSyncRequest };
