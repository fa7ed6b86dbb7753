// Creating a dossier: online submission by a citizen, or a walk-in recorded at the desk. Both pin the
// procedure version in force and check the receiving agency and the components; then the submission is
// accepted into the desk's code queue (store/code-queue.ts) and the code allocator (allocate-codes.ts)
// creates the dossier with its code, in batches, one transaction each (ADR 0012). The handler runs the
// allocator itself and answers 201 with the numbered dossier; if the desk's queue keeps it longer than
// CODE_WAIT_MS it answers 202 (đang cấp mã), and the queue trigger finishes the job. Online submissions are
// counted against the account's and the desk's daily quotas (domain/intake-quota); walk-ins never are.
import { createHash } from 'node:crypto';

import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import type { Encodes, TransitionAnswer } from '../../contract/index.js';
import { behaviourOf, codeIssuerOf, decideReception, identityMismatch, type Procedure } from '../../domain/index.js';
import { ApiError, type FieldError } from '../../platform/api-error.js';
import { requireRole, requireVerifiedEmail, type Caller } from '../../platform/auth.js';
import { requestIdReused } from '../../platform/conflicts.js';
import { logs } from '../../platform/logs.js';
import { parseInput } from '../../platform/parse.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import type { DossierDeps } from './dossier-deps.js';
import { findAgency, procedureVersion, ruleSetSettings } from '../../store/reference-data.js';
import { IntakeDossierRequest, SubmitDossierRequest, type ComponentInput } from './requests.js';
import { codeQueueRef, enqueueSubmission, readEntry, refusalOf as codeRefusalOf, type QueuedSubmission } from '../../store/code-queue.js';
import { counterRef } from '../../store/dossier-codes.js';
import { peekOnlineQuota } from '../../store/intake-quotas.js';
import { requestRef } from '../../store/dossiers.js';
import { signDeskScans } from '../../store/desk-scans.js';
import { fingerprint } from '../../store/event-chain.js';
import { verifiedIdentity, verifiedAccountOf } from '../../store/identity.js';
import { revive } from '../../store/revive.js';
import { awaitNumbering } from './allocate-codes.js';
import { quotaExhausted } from './creation.js';

/** The same caller and requestId always name the same dossier: a retried submission finds it. */
export function dossierIdFor(uid: string, requestId: string): string {
  return createHash('sha256').update(`${uid}\n${requestId}`).digest('hex').slice(0, 20);
}

function badField(path: string, vi: string, en: string): ApiError {
  return new ApiError(
    'invalid-argument',
    { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' },
    [{ path, message: { vi, en } }],
  );
}

/**
 * The receiving desk and the competent agency, by the procedure's rule set (domain/reception): under Decree
 * 118 any desk of the province receives (Art. 14), and the dossier is routed to the competent agency.
 */
async function reception(
  deps: DossierDeps,
  procedure: Procedure,
  body: SubmitDossierRequest | IntakeDossierRequest,
  receivingAgencyId: string,
  channel: 'online' | 'desk' | 'post',
): Promise<string> {
  const [receiving, competent] = await Promise.all([
    findAgency(deps.db, receivingAgencyId),
    body.competentAgencyId ? findAgency(deps.db, body.competentAgencyId) : Promise.resolve(undefined),
  ]);
  if (body.competentAgencyId && !competent) throw badField('competentAgencyId', 'Không có cơ quan này', 'no such agency');
  const decision = decideReception({
    receptionAnywhere: behaviourOf(procedure.ruleSet).receptionAnywhere,
    procedure,
    channel,
    receiving,
    competent,
    now: deps.now(),
  });
  if (!decision.ok) {
    // A walk-in is recorded at the caller's own desk: the problem is with the desk, not a field they typed.
    const path = decision.problem.field === 'receivingAgencyId' && channel !== 'online' ? '(caller agency)' : decision.problem.field;
    throw badField(path, decision.problem.message.vi, decision.problem.message.en);
  }
  return decision.competentAgencyId;
}

/** Every component must belong to the procedure; every mandatory one must be there. */
function checkComponents(procedure: Procedure, components: ComponentInput[]): void {
  const known = new Map(procedure.components.map((c) => [c.id, c]));
  const errors: FieldError[] = [];
  components.forEach((c, i) => {
    if (!known.has(c.componentId)) {
      errors.push({
        path: `components.${i}.componentId`,
        message: { vi: 'Thủ tục không có thành phần này', en: 'not a component of this procedure' },
      });
    }
  });
  const given = new Set(components.map((c) => c.componentId));
  for (const required of procedure.components.filter((c) => c.mandatory && !given.has(c.id))) {
    errors.push({
      path: 'components',
      message: {
        vi: `Thiếu thành phần bắt buộc: ${required.name.vi}`,
        en: `Missing mandatory component: ${required.name.en}`,
      },
    });
  }
  if (errors.length > 0)
    throw new ApiError(
      'invalid-argument',
      { vi: 'Hồ sơ chưa đủ thành phần.', en: 'The dossier is incomplete.' },
      errors,
    );
}

/**
 * A caller signed in with VNeID files as themself (domain: identityMismatch); the applicant of a filing on
 * their behalf sees it when their own account is VNeID-verified. Returns what the new dossier records.
 */
async function identityChecks(deps: DossierDeps, caller: Caller, body: SubmitDossierRequest | IntakeDossierRequest, kind: 'submit' | 'intake') {
  if (kind !== 'submit') return {};
  const verified = await verifiedIdentity(deps.db, caller);
  const mismatch = identityMismatch(body.applicant, body.filer, verified?.idNumber);
  if (mismatch) throw new ApiError('invalid-argument', { vi: 'Thông tin định danh không khớp.', en: 'The identity details do not match.' }, [mismatch]);
  const principalIdNumber = body.filer && body.applicant.kind === 'person' && body.applicant.identity.kind === 'citizenId' ? body.applicant.identity.number : undefined;
  const principalUserId = principalIdNumber ? await verifiedAccountOf(deps.db, principalIdNumber) : undefined;
  return { ...(verified ? { vneidAuthenticated: true } : {}), ...(principalUserId && principalUserId !== caller.userId ? { principalUserId } : {}) };
}

/** How long a request waits for its code before answering 202 (the queue trigger then numbers it). */
export const CODE_WAIT_MS = 20_000;

async function create(
  deps: DossierDeps,
  caller: Caller,
  body: SubmitDossierRequest | IntakeDossierRequest,
  rawBody: unknown,
  agencyId: string,
  kind: 'submit' | 'intake',
): Promise<Reply<'submitDossier'>> {
  const dossierId = dossierIdFor(caller.userId, body.requestId);
  const print = fingerprint({ kind, body });
  // A retry of a submission already numbered: its first answer, before any other check (the procedure
  // may have changed since, or the quota been used up by this very dossier).
  const record = await requestRef(deps.db, dossierId, caller.userId, body.requestId).get();
  if (record.exists) return storedAnswer(record, print, 200);
  const procedure = await procedureVersion(deps.db, body.procedureCode);
  const channel = kind === 'submit' ? 'online' : (body as IntakeDossierRequest).channel;
  const competentAgencyId = await reception(deps, procedure, body, agencyId, channel);
  checkComponents(procedure, body.components);
  const identity = await identityChecks(deps, caller, body, kind);
  const settings = await ruleSetSettings(deps.db, procedure.ruleSet);
  const format = behaviourOf(procedure.ruleSet, settings).code;
  const issuer = codeIssuerOf({ onlineIssuer: settings?.onlineIssuer, channel, receivingAgencyId: agencyId });
  const quota = kind === 'submit' ? deps.onlineQuota() : null;
  const now = deps.now();
  if (quota) {
    // Past the limit, refuse before queueing, so a flood never reaches the desk's code queue; the
    // allocator counts authoritatively in the transaction that creates the dossier.
    const peek = await peekOnlineQuota(deps.db, caller.userId, agencyId, now, quota);
    if (!peek.ok) throw quotaExhausted(peek, now);
  }
  const entry: QueuedSubmission = {
    issuerDay: counterRef(deps.db, issuer, now).id,
    issuer,
    state: 'queued',
    queuedAt: now,
    kind,
    requestId: body.requestId,
    bodyJson: JSON.stringify(rawBody),
    callerJson: JSON.stringify(caller),
    fingerprint: print,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    receivingAgencyId: agencyId,
    competentAgencyId,
    channel,
    identity,
    format,
    quota,
  };
  const ref = codeQueueRef(deps.db, dossierId);
  const stored = await enqueueSubmission(ref, entry);
  deps.codeTrace?.({ kind: 'queued', dossierId, at: Date.now() });
  if (stored !== 'queued') {
    // The same request again while the first is queued (or was refused and not yet told).
    if (stored.existing.fingerprint !== print) throw requestIdReused();
    if (stored.existing.state === 'refused') return deliverRefusal(ref, stored.existing);
  }
  return awaitCode(deps, dossierId, caller, body.requestId, print, stored === 'queued' ? entry.issuerDay : stored.existing.issuerDay);
}

/** The answer stored with the idempotency record of the creation. */
function storedAnswer(record: DocumentSnapshot, print: string, status: 200 | 201): Reply<'submitDossier'> {
  if (record.get('fingerprint') !== print) throw requestIdReused();
  const body = revive(record.get('body')) as Encodes<TransitionAnswer>;
  return { status, body: status === 200 ? { ...body, duplicate: true } : body };
}

/** A refusal is told once; the entry goes, so the same request may be sent again later (tomorrow's quota). */
async function deliverRefusal(ref: DocumentReference, entry: QueuedSubmission): Promise<never> {
  await ref.delete();
  throw codeRefusalOf(entry);
}

/**
 * Numbers the queue up to this submission (allocate-codes.ts), then answers: 201 with the dossier, the
 * allocator's refusal, or — past CODE_WAIT_MS, or if the allocator failed — 202: the submission is kept and
 * the queue trigger numbers it; the same request sent again gets the dossier.
 */
async function awaitCode(deps: DossierDeps, dossierId: string, caller: Caller, requestId: string, print: string, issuerDay: string): Promise<Reply<'submitDossier'>> {
  if (deps.codeWaitMs === 0) return pendingAnswer(dossierId, requestId);
  const waited = await awaitNumbering({ db: deps.db, ...(deps.codeTrace ? { trace: deps.codeTrace } : {}) }, issuerDay, dossierId, deps.codeWaitMs ?? CODE_WAIT_MS);
  if (waited instanceof Error) logs.codeAllocationDeferred(dossierId, String(waited));
  if (waited === 'numbered') {
    const record = await requestRef(deps.db, dossierId, caller.userId, requestId).get();
    if (record.exists) return storedAnswer(record, print, 201);
    const ref = codeQueueRef(deps.db, dossierId);
    const snap = await ref.get();
    if (snap.exists && snap.get('state') === 'refused') return deliverRefusal(ref, readEntry(snap));
  }
  return pendingAnswer(dossierId, requestId);
}

function pendingAnswer(dossierId: string, requestId: string): Reply<'submitDossier'> {
  return {
    status: 202,
    body: {
      pending: {
        dossierId,
        requestId,
        retryAfterSeconds: 5,
        message: {
          vi: 'Hồ sơ đã được nhận và đang được cấp mã. Gửi lại yêu cầu này sau ít giây để nhận mã hồ sơ.',
          en: 'The dossier is received and its code is being assigned. Send this request again in a few seconds to get the code.',
        },
      },
    },
  };
}

/** POST /api/dossiers — a signed-in citizen submits online. */
export async function submitDossier(req: ApiRequest, deps: DossierDeps): Promise<Reply<'submitDossier'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['citizen']);
  requireVerifiedEmail(caller);
  const body = parseInput(SubmitDossierRequest, req.body);
  return create(deps, caller, body, req.body, body.receivingAgencyId, 'submit');
}

/** POST /api/desk/dossiers — a desk officer records a walk-in or postal application at their agency. */
export async function intakeDossier(req: ApiRequest, deps: DossierDeps): Promise<Reply<'intakeDossier'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['receptionist']);
  const body = parseInput(IntakeDossierRequest, req.body);
  // Decree 118 Art. 17.1: the officer's scans are signed with their personal certificate as they are attached.
  if (deps.deskScans) {
    const uploadIds = body.components.flatMap((c) => c.uploadIds);
    await signDeskScans({ ...deps.deskScans, db: deps.db, now: deps.now }, caller, dossierIdFor(caller.userId, body.requestId), uploadIds);
  }
  return create(deps, caller, body, req.body, caller.agencyId!, 'intake');
}
