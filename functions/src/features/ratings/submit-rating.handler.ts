// POST /api/ratings — the applicant rates how a dossier was handled (Decree 61/2018 Art. 27–32), online
// with the receipt's token or as its owner, or on the electronic device at the desk that received it with
// the receipt in hand (its QR token, or the rating code printed on it: the device's account alone proves
// nothing, desk staff know its password).
// Stored in `ratings/{dossierId}` with no identity of the rater, once per dossier, after the result was
// returned; the same transaction adds it to the agency's statistics for the transparency page.
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { DossierStatus, SATISFACTION_SCALE, STATUS_INFO, verifyLookupToken, verifyRatingCode } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { permissionDenied, unauthenticated, type Caller } from '../../platform/auth.js';
import type { RatingAnswer } from '../../contract/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { requestIdReused } from '../../platform/conflicts.js';
import { fingerprint } from '../../store/event-chain.js';
import { dossierRef } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';
import { clientAddress, clientKey, consumeLookupQuota, kioskRatingCodeKey, rateLimited, RATING_CODE_ATTEMPTS_PER_MINUTE, tooManyRatingCodes } from '../../platform/rate-limit.js';
import { fieldOf } from '../../store/reference-data.js';
import { STATS, statsDocId, statsMonthOf } from '../../store/stats.js';
import { channelDecision, ratingCounters, ratingOf, SubmitRatingRequest } from './rating-request.js';
import { isRateableStatus } from '../../domain/index.js';
import { RATINGS } from '../../store/stats.js';
import { expiresAfter, RETENTION_DAYS } from '../../store/retention.js';

export type RatingDeps = {
  db: Firestore;
  now: () => Date;
  /** LOOKUP_TOKEN_SECRET, read per request. */
  secret: () => string;
  /** The caller if the request is signed in; undefined for token holders. */
  findCaller: (req: ApiRequest) => Promise<Caller | undefined>;
  /** Anonymous callers share the lookup's per-client quota. */
  limitPerMinute: number;
};

/** Desk ratings proved by a typed rating code share the kiosk's per-minute bucket with the kiosk's lookups. */
export { RATING_CODE_ATTEMPTS_PER_MINUTE };

const NO_STORE = { 'Cache-Control': 'no-store' };
/** Verified against when no dossier matches, so a miss costs the same HMAC as a hit. */
const NO_DOSSIER_ID = 'motcua-rating-miss';

/** The part of `dossiers/{id}` a rating needs. */
const RatedDossier = z.object({
  status: DossierStatus,
  receivingAgencyId: z.string(),
  ownerUserId: z.string().optional(),
  procedure: z.object({ code: z.string() }),
});

function notFound(): ApiError {
  return new ApiError('not-found', {
    vi: 'Không tìm thấy hồ sơ có mã này, hoặc đường dẫn đánh giá không đúng. Vui lòng kiểm tra lại mã trên giấy hẹn.',
    en: 'No dossier has this code, or the rating link is wrong. Please check the code on your receipt.',
  });
}

function notRateable(status: DossierStatus): ApiError {
  return new ApiError(
    'conflict',
    {
      vi: `Chỉ đánh giá được sau khi đã trả kết quả. Hồ sơ đang ở trạng thái: ${STATUS_INFO[status].label.vi}.`,
      en: `A dossier can be rated only after its result was returned. It is now: ${STATUS_INFO[status].label.en}.`,
    },
    [],
    { reason: 'notRateable', currentStatus: status },
  );
}

function alreadyRated(): ApiError {
  return new ApiError(
    'conflict',
    { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated. Each dossier is rated once.' },
    [],
    { reason: 'alreadyRated' },
  );
}

function staffMayNotRate(): ApiError {
  return new ApiError('permission-denied', {
    vi: 'Cán bộ, người quản trị và giám sát không đánh giá hồ sơ; chỉ người nộp hồ sơ đánh giá.',
    en: 'Officers, administrators and monitors do not rate dossiers; only the applicant does.',
  });
}

/**
 * @idempotent by (dossier, requestId): `dossiers/{id}/requests/rating_{requestId}` holds the request's
 * fingerprint and the first answer (never the caller's uid, which would identify the rater). A retry gets
 * that answer with `duplicate: true`; the same requestId with another rating is a conflict.
 */
export async function submitRating(req: ApiRequest, deps: RatingDeps): Promise<Reply<'postRating'>> {
  const caller = await deps.findCaller(req);
  if (caller !== undefined && caller.role !== 'citizen' && caller.role !== 'kiosk') throw staffMayNotRate();
  const secret = deps.secret();
  if (caller === undefined) {
    // Counted before validation, as the lookup does, so floods of garbage are limited too.
    const quota = await consumeLookupQuota(deps.db, clientKey(clientAddress(req), secret), deps.now(), deps.limitPerMinute);
    if (!quota.allowed) {
      const err = rateLimited(quota.retryAfterSeconds);
      return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
    }
  }
  const parsed = SubmitRatingRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  const decision = channelDecision(caller?.role, input.channel);
  if (decision === 'unauthenticated') throw unauthenticated();
  if (decision === 'forbidden') throw permissionDenied();
  if (caller?.role === 'kiosk' && input.token === undefined) {
    // Every typed rating code counts, right or wrong, so the device cannot be used to try codes.
    const kioskKey = kioskRatingCodeKey(caller.userId, secret);
    const quota = await consumeLookupQuota(deps.db, kioskKey, deps.now(), RATING_CODE_ATTEMPTS_PER_MINUTE, 'ratingCode');
    if (!quota.allowed) {
      const err = tooManyRatingCodes(quota.retryAfterSeconds);
      return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
    }
  }

  // Single-field index on `code`, automatic.
  const found = (await deps.db.collection('dossiers').where('code', '==', input.code).limit(1).get()).docs[0];
  const tokenMatches = input.token !== undefined && verifyLookupToken(found?.id ?? NO_DOSSIER_ID, input.token, secret);
  const ratingCodeMatches = input.ratingCode !== undefined && verifyRatingCode(found?.id ?? NO_DOSSIER_ID, input.ratingCode, secret);
  if (found === undefined) throw notFound();
  const dossierId = found.id;
  const dossier = RatedDossier.parse(found.data()); // server-written data: a mismatch is our bug
  if (dossier.status === 'draft') throw notFound();
  const entitled =
    input.channel === 'deskDevice'
      ? caller?.role === 'kiosk' && caller.agencyId === dossier.receivingAgencyId && (tokenMatches || ratingCodeMatches)
      : tokenMatches || (caller?.role === 'citizen' && dossier.ownerUserId === caller.userId);
  if (!entitled) throw notFound(); // someone not entitled learns nothing, not even that the code exists

  const field = await fieldOf(deps.db, dossier.procedure.code);
  const print = fingerprint({
    code: input.code,
    channel: input.channel,
    satisfaction: input.satisfaction,
    officerAttitudeComplaint: input.officerAttitudeComplaint,
    comment: input.comment ?? null,
  });
  const requestRef = dossierRef(deps.db, dossierId).collection('requests').doc(`rating_${input.requestId}`);
  const ratingRef = deps.db.collection(RATINGS).doc(dossierId);
  const now = deps.now();

  const result = await deps.db.runTransaction(async (tx) => {
    const [requestSnap, dossierSnap, ratingSnap] = await tx.getAll(requestRef, dossierRef(deps.db, dossierId), ratingRef);
    if (requestSnap!.exists) {
      if (requestSnap!.get('fingerprint') !== print) throw requestIdReused();
      return { duplicate: true, body: revive(requestSnap!.get('body')) as RatingAnswer };
    }
    const current = RatedDossier.parse(dossierSnap!.data());
    if (!isRateableStatus(current.status)) throw notRateable(current.status);
    if (ratingSnap!.exists) throw alreadyRated();

    const rating = ratingOf(input, { id: dossierId, receivingAgencyId: current.receivingAgencyId }, now);
    const body: RatingAnswer = {
      rating: {
        code: input.code,
        channel: rating.channel,
        satisfaction: rating.satisfaction,
        satisfactionLabel: SATISFACTION_SCALE[rating.satisfaction],
        officerAttitudeComplaint: rating.officerAttitudeComplaint,
        comment: rating.comment ?? null,
        ratedAt: now.toISOString(),
      },
    };
    tx.create(ratingRef, rating);
    tx.create(requestRef, { kind: 'rating', fingerprint: print, body, createdAt: now, expiresAt: expiresAfter(now, RETENTION_DAYS.idempotencyRecord) });
    const month = statsMonthOf(now);
    const counters = ratingCounters(rating);
    const inc = (n: number) => FieldValue.increment(n);
    tx.set(
      deps.db.collection(STATS).doc(statsDocId(current.receivingAgencyId, field, month)),
      {
        agencyId: current.receivingAgencyId,
        field,
        month,
        rated: inc(counters.rated),
        satisfaction: Object.fromEntries(Object.entries(counters.satisfaction).map(([k, n]) => [k, inc(n)])),
        ...(counters.attitudeComplaints ? { attitudeComplaints: inc(counters.attitudeComplaints) } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    return { duplicate: false, body };
  });
  if (!result.duplicate) logs.ratingRecorded(dossierId, dossier.receivingAgencyId, input.channel);
  return { status: 201, headers: NO_STORE, body: result.duplicate ? { ...result.body, duplicate: true } : result.body };
}
