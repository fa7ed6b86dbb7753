// The one place where a dossier changes: load → decide → persist, in one Firestore transaction. It reads
// the dossier and the caller's idempotency record, checks the caller's expected version, lets the pure
// core decide (domain/lifecycle/decide.ts: service fields, lifecycle rules, effects), and writes the new
// state, the hash-chained event, the control-slip rows, the outbox requests (slips, notifications, the
// national portal's sync, a fee notice) and the idempotency record together. Either all of it is stored
// or none of it. It makes no legal choice of its own.
import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  allowedActions,
  decide,
  dossierAccess,
  needsLegalTime,
  sweepAtAfter,
  type ActionRequest,
  type Dossier,
  type PortalFacts,
  type DossierCode,
  type HandoffEffect,
  type AgencyFacts,
  type LegalTime,
  type RegisterEntry,
  type WorkingCalendar,
} from '../domain/index.js';
import type { Encodes, TransitionAnswer } from '../contract/index.js';
import type { Caller } from '../platform/auth.js';
import { conflictError, dossierNotFound, requestIdReused, staleVersionError } from '../platform/conflicts.js';
import type { Reply } from '../platform/http-router.js';
import { dossierRef, eventRef, GENESIS_HASH, handoffRef, joinDossier, personalRef, requestRef, splitDossier, type StoredExtras } from './dossiers.js';
import { fingerprint, hashEvent } from './event-chain.js';
import { expiresAfter, RETENTION_DAYS } from './retention.js';
import { writeOutbox } from './outbox.js';
import { writeFeeNotice } from './payment-orders.js';
import { portalFactsOf, writePortalSync } from './portal-sync.js';
import { findAgency, procedureVersion, workingHoursOf } from './reference-data.js';
import { revive } from './revive.js';

export type TransitionDeps = { db: Firestore; now: () => Date; calendar: WorkingCalendar };

/**
 * What the request needs from inside the transaction before the decision: documents it reads (uploads,
 * the code counter) and the writes that go with them, run after every read as transactions require.
 */
export type Prepare = (
  dossier: Dossier,
  tx: Transaction,
  now: Date,
  prefetched: readonly DocumentSnapshot[],
) => Promise<{ request: ActionRequest; code?: DossierCode; registerEntry?: RegisterEntry; writes?: (() => void)[] }>;

export type TransitionRequest = {
  dossierId: string;
  requestId: string;
  caller: Caller;
  /** What the caller sent, for the idempotency fingerprint. */
  fingerprintOf: unknown;
  /** The version the caller saw; undefined only when the dossier is being created. */
  expectedVersion: number | undefined;
  prepare: Prepare;
  /** Documents `prepare` will need, read in the transaction's first round trip (e.g. the code counter). */
  prefetch?: (now: Date) => DocumentReference[];
  /** For creation: the draft to start from when the dossier does not exist yet (may read in `tx`). */
  draft?: (tx: Transaction, now: Date) => Promise<Dossier>;
  /**
   * Facts of the portal's messages known to the caller but not yet stored (a filing's VNeID flag: its
   * record is written in this same transaction, after `portalFactsOf` would have looked for it).
   */
  portalFacts?: Pick<PortalFacts, 'vneidVerified'>;
};

/** The caller as the event records it: role, user and agency, not how the session signed in. */
function actorOf(caller: Caller): Caller {
  const { signInProvider: _p, providerSubjects: _s, emailVerified: _e, ...actor } = caller;
  return actor;
}

/** The dossier as the caller may see it after an action: no personal data. */
export function publicView(dossier: Dossier) {
  const { applicant: _applicant, components: _components, filer: _filer, ...rest } = dossier;
  return rest;
}

/** The pinned procedure version's legal time and process, counted in the receiving agency's hours (cached reads). */
async function legalTimeOf(db: Firestore, dossier: Dossier): Promise<LegalTime> {
  const [procedure, workingHours] = await Promise.all([
    procedureVersion(db, dossier.procedure.code, dossier.procedure.version),
    workingHoursOf(db, dossier.receivingAgencyId),
  ]);
  return { duration: procedure.legalDuration, workingHours, steps: procedure.steps };
}

/** Levels and hours of the agencies a transfer may involve: the desk, the route's agencies, the named ones. */
async function agencyFactsFor(db: Firestore, dossier: Dossier, request: ActionRequest, legalTime: LegalTime | undefined): Promise<Map<string, AgencyFacts>> {
  if (request.type !== 'transfer') return new Map();
  const ids = new Set<string>([dossier.receivingAgencyId, ...(dossier.competentAgencyId ? [dossier.competentAgencyId] : [])]);
  for (const step of legalTime?.steps ?? []) if (step.performer.kind === 'agency') ids.add(step.performer.agencyId);
  if (request.toAgencyId) ids.add(request.toAgencyId);
  for (const p of request.parallelWith ?? []) if (p.agencyId) ids.add(p.agencyId);
  const facts = new Map<string, AgencyFacts>();
  await Promise.all(
    [...ids].map(async (id) => {
      const agency = await findAgency(db, id);
      if (agency) facts.set(id, { level: agency.level, ...(agency.workingHours ? { workingHours: agency.workingHours } : {}) });
    }),
  );
  return facts;
}

/**
 * Applies one action.
 * @idempotent by (caller uid, requestId): a retry with the same request returns the first answer and
 * writes nothing; the same requestId with a different request is refused.
 */
export async function runTransition(deps: TransitionDeps, req: TransitionRequest): Promise<Reply<'actOnDossier'>> {
  const now = deps.now();
  // Hundreds of simultaneous submissions to one desk contend on its daily counter: allow many retries.
  return deps.db.runTransaction(
    async (tx) => {
      const plan = await planTransition(deps, req, tx, now);
      plan.persist();
      return plan.reply;
    },
    { maxAttempts: 60 },
  );
}

/**
 * A transition decided inside `tx` with every read done, and its writes not yet made: `persist` makes
 * them. The code allocator plans a batch of creations in one transaction (all reads first, as
 * transactions require), then persists those that were decided. A plan that throws has written nothing.
 */
export type TransitionPlan = { reply: Reply<'actOnDossier'>; persist: () => void };

export async function planTransition(deps: TransitionDeps, req: TransitionRequest, tx: Transaction, now: Date): Promise<TransitionPlan> {
  const { db, calendar } = deps;
  const print = fingerprint(req.fingerprintOf);
  // Load.
  const dRef = dossierRef(db, req.dossierId);
  const rRef = requestRef(db, req.dossierId, req.caller.userId, req.requestId);
  const [requestSnap, dossierSnap, personalSnap, ...prefetched] = await tx.getAll(rRef, dRef, personalRef(db, req.dossierId), ...(req.prefetch?.(now) ?? []));
  if (requestSnap!.exists) {
    if (requestSnap!.get('fingerprint') !== print) throw requestIdReused();
    // The first answer, as stored with the record (written by this function only).
    return { reply: { status: 200, body: { ...(revive(requestSnap!.get('body')) as Encodes<TransitionAnswer>), duplicate: true } }, persist: () => undefined };
  }
  let current: Dossier;
  let extras: StoredExtras;
  if (dossierSnap!.exists) {
    ({ dossier: current, extras } = joinDossier(dossierSnap!.data()!, personalSnap!.data()));
    // Authorize before anything about the dossier is answered: a caller who may not see it (a citizen
    // who does not own it, an officer of an agency outside it) gets the same 404 as for an unknown id,
    // never its status or version from a 409 (issue 12, finding 10). The scheduled jobs act as `system`.
    if (req.caller.role !== 'system' && dossierAccess(current, req.caller) === 'none') throw dossierNotFound();
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
  const { request, code, registerEntry, writes: prepared = [] } = await req.prepare(current, tx, now, prefetched);
  const legalTime = needsLegalTime(current, request.type) ? await legalTimeOf(db, current) : undefined;
  const agencies = await agencyFactsFor(db, current, request, legalTime);

  // Decide.
  const decision = decide(current, request, actorOf(req.caller), now, {
    calendar,
    handoffCount: extras.handoffCount,
    ...(legalTime ? { legalTime } : {}),
    ...(code ? { code } : {}),
    ...(registerEntry ? { registerEntry } : {}),
    ...(agencies.size > 0 ? { agencies } : {}),
  });
  if (!decision.ok) throw conflictError(decision.error, current.version);
  const { dossier: next, event, effects } = decision;
  // Names and the field for the national portal's messages (cached reads, never failing the action).
  const portal = { ...(await portalFactsOf(db, next, event)), ...req.portalFacts };

  // Persist (all reads are done above, as transactions require).
  const hash = hashEvent(extras.lastEventHash, event);
  // The deadline sweep reads a dossier only when its `sweepAt` has come: a change of its due times or of
  // whether its clock runs sets it here, in the same transaction (issue 19).
  const sweepAt = sweepAtAfter(dossierSnap!.exists ? current : undefined, next, extras.sweepAt, now, calendar);
  const { publicDoc, personal } = splitDossier(next, { lastEventHash: hash, handoffCount: effects.handoffCount, ...(sweepAt ? { sweepAt } : {}) });
  const status = dossierSnap!.exists ? 200 : 201;
  const body = {
    dossier: publicView(next),
    event: { version: event.version, type: event.type, at: event.at, hash },
    allowedActions: allowedActions(next, req.caller, now, { calendar }),
  };
  const persist = () => {
    for (const write of prepared) write();
    tx.set(dRef, publicDoc);
    if (!personalSnap!.exists || event.type === 'submitSupplement') tx.set(personalRef(db, req.dossierId), personal);
    tx.create(eventRef(db, req.dossierId, event.version), { ...event, prevHash: extras.lastEventHash, hash });
    for (const effect of effects.handoffs) writeHandoff(db, tx, req.dossierId, effect);
    writeOutbox(db, tx, next, event, effects);
    writePortalSync(db, tx, next, event, portal);
    writeFeeNotice(db, tx, next, event);
    tx.create(rRef, { fingerprint: print, at: now, status, body, expiresAt: expiresAfter(now, RETENTION_DAYS.idempotencyRecord) });
  };
  return { reply: { status, body }, persist };
}

/** One row change of the digital control slip, `dossiers/{id}/handoffs/{n}`. */
function writeHandoff(db: Firestore, tx: Transaction, dossierId: string, effect: HandoffEffect): void {
  switch (effect.kind) {
    case 'open':
      tx.create(handoffRef(db, dossierId, effect.row.n), effect.row);
      return;
    case 'acknowledge':
      tx.update(handoffRef(db, dossierId, effect.n), { acknowledgedAt: effect.at, acknowledgedBy: effect.by });
      return;
    case 'close':
      tx.update(handoffRef(db, dossierId, effect.n), { completedAt: effect.completedAt, result: effect.result });
      return;
  }
}
