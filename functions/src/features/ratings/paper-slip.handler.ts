// POST /api/desk/ratings — a paper rating slip (Decree 118 Art. 30: slips are a rating channel) keyed in by
// a desk officer of the agency that received the dossier. Stored like any rating in `ratings/{dossierId}`,
// with channel `paperSlip` and who keyed it and when (the officer, not the rater: a slip is anonymous);
// the same transaction adds it to the agency's statistics, as online and desk-device ratings do.
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { DossierCode, DossierStatus, isRateableStatus, PlainText, Rating, RatingCriteria, RatingSubmission, STATUS_INFO } from '../../domain/index.js';
import type { PaperRatingAnswer, PaperRatingBody } from '../../contract/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { permissionDenied, unauthenticated, type Caller } from '../../platform/auth.js';
import { requestIdReused } from '../../platform/conflicts.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { RequestId } from '../../platform/request-id.js';
import { dossierRef } from '../../store/dossiers.js';
import { fingerprint } from '../../store/event-chain.js';
import { fieldOf } from '../../store/reference-data.js';
import { revive } from '../../store/revive.js';
import { RATINGS, STATS, statsDocId, statsMonthOf } from '../../store/stats.js';
import { ratingCounters } from './rating-request.js';

export const PaperRatingRequest = RatingSubmission.extend({
  requestId: RequestId,
  code: DossierCode.describe('Mã hồ sơ trên phiếu / dossier code on the slip'),
  criteria: RatingCriteria.optional(),
  slipNumber: PlainText(40).optional().describe('Số phiếu / slip number'),
});
type _PaperAgrees = Agrees<SameShape<z.input<typeof PaperRatingRequest>, PaperRatingBody>>;

const DESK_ROLES = new Set(['receptionist', 'lead']);
const NO_STORE = { 'Cache-Control': 'no-store' };
const KeyedDossier = z.object({ status: DossierStatus, receivingAgencyId: z.string(), procedure: z.object({ code: z.string() }) });

function notFound(): ApiError {
  return new ApiError('not-found', { vi: 'Không có hồ sơ mã này do cơ quan của bạn tiếp nhận.', en: 'Your agency received no dossier with this code.' });
}

export type PaperSlipDeps = { db: FirebaseFirestore.Firestore; now: () => Date; findCaller: (req: ApiRequest) => Promise<Caller | undefined> };

/**
 * @idempotent by (dossier, officer, requestId): `dossiers/{id}/requests/paperRating_{uid}_{requestId}` keeps
 * the first answer; the same requestId with another slip is a conflict.
 */
export async function postPaperRating(req: ApiRequest, deps: PaperSlipDeps): Promise<Reply<'postPaperRating'>> {
  const caller = await deps.findCaller(req);
  if (caller === undefined) throw unauthenticated();
  if (!DESK_ROLES.has(caller.role) || caller.agencyId === undefined) throw permissionDenied();
  const parsed = PaperRatingRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  const found = (await deps.db.collection('dossiers').where('code', '==', input.code).limit(1).get()).docs[0];
  if (found === undefined) throw notFound();
  const first = KeyedDossier.parse(found.data());
  // Only the desk that received the dossier keys in its slips (it collected them).
  if (first.receivingAgencyId !== caller.agencyId || first.status === 'draft') throw notFound();
  const field = await fieldOf(deps.db, first.procedure.code);
  const print = fingerprint({ ...input, requestId: null });
  const requestRef = dossierRef(deps.db, found.id).collection('requests').doc(`paperRating_${caller.userId}_${input.requestId}`);
  const ratingRef = deps.db.collection(RATINGS).doc(found.id);
  const now = deps.now();
  const result = await deps.db.runTransaction(async (tx) => {
    const [requestSnap, dossierSnap, ratingSnap] = await tx.getAll(requestRef, dossierRef(deps.db, found.id), ratingRef);
    if (requestSnap!.exists) {
      if (requestSnap!.get('fingerprint') !== print) throw requestIdReused();
      return { duplicate: true, body: revive(requestSnap!.get('body')) as PaperRatingAnswer };
    }
    const current = KeyedDossier.parse(dossierSnap!.data());
    if (!isRateableStatus(current.status)) {
      throw new ApiError('conflict', { vi: `Chỉ nhập phiếu của hồ sơ đã trả kết quả. Hồ sơ đang: ${STATUS_INFO[current.status].label.vi}.`, en: `Slips are keyed in only for returned dossiers. It is now: ${STATUS_INFO[current.status].label.en}.` }, [], { reason: 'notRateable', currentStatus: current.status });
    }
    if (ratingSnap!.exists) throw new ApiError('conflict', { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated. Each dossier is rated once.' }, [], { reason: 'alreadyRated' });
    const rating = Rating.parse({
      dossierId: found.id,
      agencyId: current.receivingAgencyId,
      channel: 'paperSlip',
      ratedAt: now,
      satisfaction: input.satisfaction,
      officerAttitudeComplaint: input.officerAttitudeComplaint,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      // A complaint lowers index 7 only once a lead has verified it.
      complaintVerification: input.officerAttitudeComplaint ? 'pending' : 'none',
    });
    const body: PaperRatingAnswer = { rating: { code: input.code, channel: 'paperSlip', satisfaction: rating.satisfaction, keyedBy: caller.userId, keyedAt: now.toISOString() } };
    tx.create(ratingRef, { ...rating, keyedBy: caller.userId, keyedAt: now, ...(input.criteria ? { criteria: input.criteria } : {}), ...(input.slipNumber ? { slipNumber: input.slipNumber } : {}) });
    tx.create(requestRef, { kind: 'paperRating', fingerprint: print, body, createdAt: now });
    const month = statsMonthOf(now);
    const counters = ratingCounters(rating);
    tx.set(
      deps.db.collection(STATS).doc(statsDocId(current.receivingAgencyId, field, month)),
      {
        agencyId: current.receivingAgencyId,
        field,
        month,
        rated: FieldValue.increment(1),
        satisfaction: { [rating.satisfaction]: FieldValue.increment(1) },
        ...(counters.attitudeComplaints ? { attitudeComplaints: FieldValue.increment(1) } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    return { duplicate: false, body };
  });
  if (!result.duplicate) logs.ratingRecorded(found.id, first.receivingAgencyId, 'paperSlip');
  return { status: 201, headers: NO_STORE, body: result.duplicate ? { ...result.body, duplicate: true } : result.body };
}
