// The one place where a dossier changes: every action runs here, in one Firestore transaction that
// reads the dossier, checks the caller's expected version, applies the pure lifecycle (domain/lifecycle),
// and writes the new state, the hash-chained event, the control-slip rows, the outbox requests and the
// idempotency record together. Either all of it is stored or none of it.
import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  allowedActions,
  applyAction,
  classifyTimeliness,
  type ActionType,
  type Dossier,
  type DossierActionInput,
  type DossierEvent,
  type WorkingCalendar,
} from '../../domain/index.js';
import type { ApiResult } from '../../platform/http-router.js';
import type { Caller } from '../../platform/auth.js';
import { conflictError, dossierNotFound, requestIdReused, staleVersionError } from '../../platform/conflicts.js';
import { fingerprint, hashEvent } from '../../store/event-chain.js';
import { NOTIFY_APPLICANT, outboxId, SLIP_FOR_ACTION } from './outbox.js';
import { dossierRef, eventRef, GENESIS_HASH, handoffRef, joinDossier, personalRef, requestRef, splitDossier, type StoredExtras } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';

export type TransitionDeps = { db: Firestore; now: () => Date; calendar: WorkingCalendar };

/**
 * Fills the fields only the service may set (codes, due dates) once the current dossier is known. It may
 * read in the transaction; its writes are returned and run after every read, as transactions require.
 */
export type Enrich = (
  dossier: Dossier,
  tx: Transaction,
  now: Date,
  prefetched: readonly DocumentSnapshot[],
) => Promise<{ action: DossierActionInput; writes?: (() => void)[] }>;

export type TransitionRequest = {
  dossierId: string;
  requestId: string;
  caller: Caller;
  /** What the caller sent, for the idempotency fingerprint. */
  fingerprintOf: unknown;
  /** The version the caller saw; undefined only when the dossier is being created. */
  expectedVersion: number | undefined;
  enrich: Enrich;
  /** Documents `enrich` will need, read in the transaction's first round trip (e.g. the code counter). */
  prefetch?: (now: Date) => DocumentReference[];
  /** For creation: the draft to start from when the dossier does not exist yet (may read in `tx`). */
  draft?: (tx: Transaction, now: Date) => Promise<Dossier>;
};

/** The dossier as the caller may see it after an action: no personal data. */
export function publicView(dossier: Dossier) {
  const { applicant: _applicant, components: _components, ...rest } = dossier;
  return rest;
}

/**
 * Applies one action.
 * @idempotent by (caller uid, requestId): a retry with the same request returns the first answer and
 * writes nothing; the same requestId with a different request is refused.
 */
export async function runTransition(deps: TransitionDeps, req: TransitionRequest): Promise<ApiResult> {
  const { db, calendar } = deps;
  const now = deps.now();
  const print = fingerprint(req.fingerprintOf);
  // Hundreds of simultaneous submissions to one desk contend on its daily counter: allow many retries.
  return db.runTransaction(
    async (tx) => {
      const dRef = dossierRef(db, req.dossierId);
      const rRef = requestRef(db, req.dossierId, req.caller.userId, req.requestId);
      const [requestSnap, dossierSnap, personalSnap, ...prefetched] = await tx.getAll(
        rRef,
        dRef,
        personalRef(db, req.dossierId),
        ...(req.prefetch?.(now) ?? []),
      );
      if (requestSnap!.exists) {
        if (requestSnap!.get('fingerprint') !== print) throw requestIdReused();
        return { status: 200, body: { ...(revive(requestSnap!.get('body')) as object), duplicate: true } };
      }

      let current: Dossier;
      let extras: StoredExtras;
      if (dossierSnap!.exists) {
        ({ dossier: current, extras } = joinDossier(dossierSnap!.data()!, personalSnap!.data()));
        if (req.expectedVersion === undefined) throw requestIdReused(); // a create whose id is taken
        if (req.expectedVersion !== current.version) {
          throw staleVersionError(req.expectedVersion, {
            version: current.version,
            status: current.status,
            allowedActions: allowedActions(current, req.caller, now, { calendar }),
          });
        }
      } else {
        if (!req.draft) throw dossierNotFound();
        current = await req.draft(tx, now);
        extras = { lastEventHash: GENESIS_HASH, handoffCount: 0 };
      }

      const { action, writes: enrichWrites = [] } = await req.enrich(current, tx, now, prefetched);
      const result = applyAction(current, action, req.caller, now, { calendar });
      if (!result.ok) throw conflictError(result.error, current.version);
      const { dossier: next, event } = result;

      const handoffs = await planHandoffs(db, tx, current, next, event, extras);
      const hash = hashEvent(extras.lastEventHash, event);
      const nextExtras: StoredExtras = { lastEventHash: hash, handoffCount: handoffs.count };
      const { publicDoc, personal } = splitDossier(next, nextExtras);
      const body = {
        dossier: publicView(next),
        event: { version: event.version, type: event.type, at: event.at, hash },
        allowedActions: allowedActions(next, req.caller, now, { calendar }),
      };

      // Writes (all reads are done above, as transactions require).
      for (const write of enrichWrites) write();
      tx.set(dRef, publicDoc);
      if (!personalSnap!.exists || event.type === 'submitSupplement')
        tx.set(personalRef(db, req.dossierId), personal);
      tx.create(eventRef(db, req.dossierId, event.version), {
        ...event,
        prevHash: extras.lastEventHash,
        hash,
      });
      for (const write of handoffs.writes) write();
      writeOutbox(db, tx, next, event);
      tx.create(rRef, { fingerprint: print, at: now, status: dossierSnap!.exists ? 200 : 201, body });
      return { status: dossierSnap!.exists ? 200 : 201, body };
    },
    { maxAttempts: 60 },
  );
}

/**
 * Rows of the digital control slip (form 05): a transfer opens a row for the receiving agency and
 * closes the previous one with its timeliness; an acknowledgement stamps the open row; a resolution
 * closes it.
 */
async function planHandoffs(
  db: Firestore,
  tx: Transaction,
  before: Dossier,
  after: Dossier,
  event: DossierEvent,
  extras: StoredExtras,
): Promise<{ count: number; writes: (() => void)[] }> {
  const writes: (() => void)[] = [];
  let count = extras.handoffCount;
  const open: DocumentReference | undefined = count > 0 ? handoffRef(db, before.id, count) : undefined;
  const openSnap =
    open && ['transfer', 'acknowledgeTransfer', 'resolve'].includes(event.type)
      ? await tx.get(open)
      : undefined;
  const closeOpen = () => {
    if (!open || !openSnap?.exists || openSnap.get('completedAt')) return;
    const dueAt = openSnap.get('dueAt') as { toDate(): Date } | null;
    writes.push(() =>
      tx.update(open, {
        completedAt: event.at,
        result: dueAt ? classifyTimeliness(dueAt.toDate(), event.at) : null,
      }),
    );
  };
  if (event.type === 'transfer' && event.payload.type === 'transfer') {
    closeOpen();
    count += 1;
    const row = {
      n: count,
      fromAgencyId: before.currentStep?.agencyId ?? before.receivingAgencyId,
      toAgencyId: event.payload.toAgencyId,
      task: event.payload.task,
      handedOverAt: event.at,
      handedOverBy: event.actor.userId,
      dueAt: after.currentStep?.dueAt ?? null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      completedAt: null,
      result: null,
    };
    const ref = handoffRef(db, before.id, count);
    writes.push(() => tx.create(ref, row));
  } else if (event.type === 'acknowledgeTransfer' && open && openSnap?.exists) {
    writes.push(() => tx.update(open, { acknowledgedAt: event.at, acknowledgedBy: event.actor.userId }));
  } else if (event.type === 'resolve') {
    closeOpen();
  }
  return { count, writes };
}

function writeOutbox(db: Firestore, tx: Transaction, dossier: Dossier, event: DossierEvent): void {
  const id = outboxId(dossier.id, event.version);
  const base = {
    dossierId: dossier.id,
    version: event.version,
    eventType: event.type,
    at: event.at,
    state: 'pending',
  };
  const form = SLIP_FOR_ACTION[event.type as ActionType];
  if (form) tx.create(db.collection('slipRequests').doc(id), { ...base, form });
  if (NOTIFY_APPLICANT.has(event.type)) {
    tx.create(db.collection('notificationRequests').doc(id), {
      ...base,
      audience: 'applicant',
      ownerUserId: dossier.ownerUserId ?? null,
      status: dossier.status,
    });
  }
}
