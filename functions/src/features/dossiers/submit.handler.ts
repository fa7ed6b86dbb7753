// Creating a dossier: online submission by a citizen, or a walk-in recorded at the desk. Both pin the
// procedure version in force, check the receiving agency and the components, and issue the dossier code
// in the same transaction that creates the dossier. Online submissions are counted against the account's
// and the desk's daily quotas (domain/intake-quota); walk-ins never are.
import { createHash } from 'node:crypto';

import {
  behaviourOf,
  codeIssuerOf,
  decideReception,
  identityMismatch,
  newDraftDossier,
  type Attachment,
  type DossierComponent,
  type OnlineQuotaDecision,
  type Filer,
  type FilerInput,
  type Procedure,
} from '../../domain/index.js';
import { ApiError, type FieldError } from '../../platform/api-error.js';
import { requireRole, requireVerifiedEmail, type Caller } from '../../platform/auth.js';
import { parseInput } from '../../platform/parse.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { withKeyLock } from '../../platform/key-lock.js';
import type { DossierDeps } from './dossier-deps.js';
import { findAgency, procedureVersion, ruleSetSettings, workingCalendar } from '../../store/reference-data.js';
import { IntakeDossierRequest, SubmitDossierRequest, type ComponentInput } from './requests.js';
import { runTransition } from '../../store/run-transition.js';
import { counterRef, reserveDossierCode } from '../../store/dossier-codes.js';
import { attachUploads, loadUploadsForSubmission } from '../../store/attach-uploads.js';
import { countOnlineSubmission, onlineQuotaOf, onlineQuotaRefs, peekOnlineQuota } from '../../store/intake-quotas.js';
import { dossierRef } from '../../store/dossiers.js';
import { signDeskScans } from '../../store/desk-scans.js';
import { verifiedAccountOf, verifiedIdentity } from '../../store/identity.js';
import type { Transaction } from 'firebase-admin/firestore';

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

function quotaExhausted(decision: Extract<OnlineQuotaDecision, { ok: false }>, now: Date): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil((decision.resetsAt.getTime() - now.getTime()) / 1000));
  const message =
    decision.exhausted === 'account'
      ? {
          vi: `Tài khoản này đã nộp ${decision.limit} hồ sơ trực tuyến hôm nay, mức tối đa trong một ngày. Vui lòng nộp tiếp vào ngày mai, hoặc nộp trực tiếp tại bộ phận một cửa.`,
          en: `This account has filed ${decision.limit} dossiers online today, the daily maximum. Please file again tomorrow, or in person at the one-stop desk.`,
        }
      : {
          vi: 'Bộ phận một cửa này đã nhận đủ số hồ sơ trực tuyến trong ngày. Vui lòng nộp vào ngày mai, hoặc nộp trực tiếp tại quầy.',
          en: 'This one-stop desk has received its daily maximum of online dossiers. Please file tomorrow, or in person at the desk.',
        };
  return new ApiError('resource-exhausted', message, [], {
    reason: decision.exhausted === 'account' ? 'accountQuota' : 'agencyQuota',
    limit: decision.limit,
    retryAfterSeconds,
  });
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
 * The components with their files, and the filer with the authorisation. Reads the uploads inside the
 * creating transaction, so the same upload can never end up in two dossiers. Files of a sensitive component
 * (an ID-card image…) and authorisations are marked sensitive: restricted and logged when opened.
 */
async function toDossierParts(
  deps: DossierDeps,
  tx: Transaction,
  caller: Caller,
  procedure: Procedure,
  inputs: ComponentInput[],
  filer: FilerInput | undefined,
): Promise<{ components: DossierComponent[]; filer?: Filer }> {
  const authorisationIds = filer?.authorisationUploadIds ?? [];
  const ids = [...inputs.flatMap((c) => c.uploadIds), ...authorisationIds];
  const attachments = ids.length > 0 ? await loadUploadsForSubmission(deps.db, caller.userId, ids, tx) : [];
  const byId = new Map<string, Attachment>(attachments.map((a) => [a.id, a]));
  const sensitive = sensitiveComponentIds(procedure);
  const components = inputs.map(({ uploadIds, ...counts }) => ({
    ...counts,
    attachments: uploadIds.map((id) => (sensitive.has(counts.componentId) ? { ...byId.get(id)!, sensitive: true } : byId.get(id)!)),
  }));
  if (!filer) return { components };
  const { authorisationUploadIds, ...person } = filer;
  return { components, filer: { ...person, authorisation: authorisationUploadIds.map((id) => ({ ...byId.get(id)!, sensitive: true })) } };
}

/** Upload ids the submission marks sensitive in the uploads collection (access to their bytes is logged). */
function sensitiveUploadIds(procedure: Procedure, body: SubmitDossierRequest | IntakeDossierRequest): Set<string> {
  const sensitive = sensitiveComponentIds(procedure);
  return new Set([
    ...body.components.filter((c) => sensitive.has(c.componentId)).flatMap((c) => c.uploadIds),
    ...(body.filer?.authorisationUploadIds ?? []),
  ]);
}

const sensitiveComponentIds = (procedure: Procedure) => new Set(procedure.components.filter((c) => c.sensitive === true).map((c) => c.id));

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

async function create(
  deps: DossierDeps,
  caller: Caller,
  body: SubmitDossierRequest | IntakeDossierRequest,
  agencyId: string,
  kind: 'submit' | 'intake',
): Promise<Reply<'submitDossier'>> {
  const procedure = await procedureVersion(deps.db, body.procedureCode);
  const channel = kind === 'submit' ? 'online' : (body as IntakeDossierRequest).channel;
  const competentAgencyId = await reception(deps, procedure, body, agencyId, channel);
  checkComponents(procedure, body.components);
  const identity = await identityChecks(deps, caller, body, kind);
  const [calendar, settings] = await Promise.all([workingCalendar(deps.db), ruleSetSettings(deps.db, procedure.ruleSet)]);
  const format = behaviourOf(procedure.ruleSet, settings).code;
  const issuer = codeIssuerOf({ onlineIssuer: settings?.onlineIssuer, channel, receivingAgencyId: agencyId });
  const dossierId = dossierIdFor(caller.userId, body.requestId);
  const quota = kind === 'submit' ? deps.onlineQuota() : undefined;
  if (quota) {
    // Past the limit, refuse before any transaction, so a flood never contends with the desk's walk-ins
    // on the code counter; a retry of a submission that was stored is answered as usual.
    const peek = await peekOnlineQuota(deps.db, caller.userId, agencyId, deps.now(), quota);
    if (!peek.ok && !(await dossierRef(deps.db, dossierId).get()).exists) throw quotaExhausted(peek, deps.now());
  }
  // Every creation under one issuer touches its daily counter: queue them in this instance.
  return withKeyLock(`dossier-code:${issuer}`, () =>
    runTransition(
      { db: deps.db, now: deps.now, calendar },
      {
        dossierId,
        requestId: body.requestId,
        caller,
        fingerprintOf: { kind, body },
        expectedVersion: undefined,
        draft: async (tx, now) =>
          newDraftDossier({
            id: dossierId,
            procedure,
            receivingAgencyId: agencyId,
            competentAgencyId,
            applicant: body.applicant,
            ...(await toDossierParts(deps, tx, caller, procedure, body.components, body.filer)),
            ...identity,
            channel,
            resultDelivery: body.resultDelivery,
            ...(kind === 'submit' ? { ownerUserId: caller.userId } : {}),
            now,
          }),
        prefetch: (now) => [counterRef(deps.db, issuer, now), ...(quota ? onlineQuotaRefs(deps.db, caller.userId, agencyId, now) : [])],
        prepare: async (_draft, tx, now, [counter, ...quotaSnaps]) => {
          const counted: (() => void)[] = [];
          if (quota) {
            // The authoritative count, in the transaction that creates the dossier.
            const decision = onlineQuotaOf(quotaSnaps, quota, now);
            if (!decision.ok) throw quotaExhausted(decision, now);
            const refs = onlineQuotaRefs(deps.db, caller.userId, agencyId, now);
            counted.push(() => countOnlineSubmission(tx, refs, { uid: caller.userId, agencyId }, now));
          }
          const { code, write } = reserveDossierCode(tx, counter!, issuer, now, format);
          const request = kind === 'submit' ? { type: 'submit' as const } : { type: 'intake' as const, channel: (body as IntakeDossierRequest).channel };
          const uploadIds = [...body.components.flatMap((c) => c.uploadIds), ...(body.filer?.authorisationUploadIds ?? [])];
          const sensitive = sensitiveUploadIds(procedure, body);
          return { request, code, writes: [write, ...counted, () => attachUploads(tx, uploadIds, dossierId, deps.db, sensitive)] };
        },
      },
    ),
  );
}

/** POST /api/dossiers — a signed-in citizen submits online. */
export async function submitDossier(req: ApiRequest, deps: DossierDeps): Promise<Reply<'submitDossier'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['citizen']);
  requireVerifiedEmail(caller);
  const body = parseInput(SubmitDossierRequest, req.body);
  return create(deps, caller, body, body.receivingAgencyId, 'submit');
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
  return create(deps, caller, body, caller.agencyId!, 'intake');
}
