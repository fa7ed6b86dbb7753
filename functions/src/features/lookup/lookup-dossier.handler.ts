// GET /api/lookup/:code?t=… — the public lookup of a dossier (no sign-in). See lookup-view.ts for what is
// shown, rate-limit.ts for the per-client limit.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi, DossierCode, ProcessStep, verifyLookupToken, verifyRatingCode, type Bilingual } from '../../domain/index.js';
import type { Caller } from '../../platform/auth.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { basicView, fullView, LookupDossier, type PublishedStep } from './lookup-view.js';
import { RATINGS } from '../../store/stats.js';
import { clientAddress, clientKey, consumeLookupQuota, kioskRatingCodeKey, rateLimited, RATING_CODE_ATTEMPTS_PER_MINUTE, tooManyRatingCodes } from '../../platform/rate-limit.js';

export type LookupDeps = {
  db: Firestore;
  now: () => Date;
  /** LOOKUP_TOKEN_SECRET, read per request (secrets are not available at module load). */
  secret: () => string;
  limitPerMinute: number;
  /** The caller if signed in: a desk kiosk may prove the receipt with its typed rating code (`r`). */
  findCaller: (req: ApiRequest) => Promise<Caller | undefined>;
};

export const LookupQuery = z.strictObject({
  t: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/, bi('Mã tra cứu gồm tối đa 64 ký tự base64url', 'the token is at most 64 base64url characters'))
    .optional()
    .describe('Mã tra cứu in trên giấy hẹn (mã QR) / lookup token printed on the receipt (QR code)'),
  r: z
    .string()
    .regex(/^\d{8}$/, bi('Mã đánh giá tại quầy gồm 8 chữ số', 'the desk rating code is 8 digits'))
    .optional()
    .describe('Mã đánh giá tại quầy, chỉ trên thiết bị đánh giá của quầy / desk rating code, on the desk’s rating device only'),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

export const LookupRequest = z.strictObject({ code: DossierCode, query: LookupQuery });
export type LookupRequest = z.infer<typeof LookupRequest>;

const ReceiptDue = z.union([z.instanceof(Timestamp).transform((t) => t.toDate()), z.date()]);

/** Verified against when no dossier matches, so a miss costs the same HMAC as a hit. */
const NO_DOSSIER_ID = 'motcua-lookup-miss';
const NO_STORE = { 'Cache-Control': 'no-store' };

function notFound(): Reply<'lookup'> {
  const err = new ApiError('not-found', {
    vi: 'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên giấy hẹn.',
    en: 'No dossier has this code. Please check the code on your receipt.',
  });
  return { status: err.status, body: err.toBody(), headers: NO_STORE };
}

/**
 * Read-only; counts one request against the caller's per-minute quota (also for invalid input, so
 * garbage floods are limited too). A wrong token and no token give the same basic view; the HMAC is
 * computed on every path so a miss, a hit and a wrong token cost the same.
 */
export async function lookupDossier(req: ApiRequest, deps: LookupDeps): Promise<Reply<'lookup'>> {
  const secret = deps.secret();
  const quota = await consumeLookupQuota(deps.db, clientKey(clientAddress(req), secret), deps.now(), deps.limitPerMinute);
  if (!quota.allowed) {
    const err = rateLimited(quota.retryAfterSeconds);
    return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
  }
  const parsed = LookupRequest.safeParse({ code: req.params.code, query: req.query });
  if (!parsed.success) throw invalidInput(parsed.error);
  const { code, query } = parsed.data;

  // Single-field index on `code`, automatic.
  const snap = await deps.db.collection('dossiers').where('code', '==', code).limit(1).get();
  const doc = snap.docs[0];
  const tokenMatches = verifyLookupToken(doc?.id ?? NO_DOSSIER_ID, query.t ?? '', secret);
  // The desk kiosk, when the citizen typed the code instead of scanning the QR, proves the receipt with
  // the rating code printed on it — so the kiosk can say "already rated" and name the procedure before
  // the form. Only a kiosk account counts, and every typed code uses its rating-code quota, as the rating does.
  const kiosk = query.r !== undefined ? await deps.findCaller(req) : undefined;
  if (kiosk?.role === 'kiosk') {
    const quota = await consumeLookupQuota(deps.db, kioskRatingCodeKey(kiosk.userId, secret), deps.now(), RATING_CODE_ATTEMPTS_PER_MINUTE, 'ratingCode');
    if (!quota.allowed) {
      const err = tooManyRatingCodes(quota.retryAfterSeconds);
      return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
    }
  }
  const ratingCodeMatches = kiosk?.role === 'kiosk' && query.r !== undefined && verifyRatingCode(doc?.id ?? NO_DOSSIER_ID, query.r, secret);
  if (doc === undefined) return notFound();
  const dossier = LookupDossier.parse(doc.data()); // server-written data: a mismatch is our bug, a 500
  if (dossier.status === 'draft') return notFound();
  const deskProof = ratingCodeMatches && kiosk.agencyId === dossier.receivingAgencyId;
  if (!tokenMatches && !deskProof) return { status: 200, body: basicView(dossier), headers: NO_STORE };

  const agencyIds = [...new Set([dossier.receivingAgencyId, ...(dossier.currentStep ? [dossier.currentStep.agencyId] : [])])];
  const versionRef = deps.db.doc(`procedures/${dossier.procedure.code}/versions/${dossier.procedure.version}`);
  const ratingRef = deps.db.collection(RATINGS).doc(doc.id);
  // The receipt's appointment is the receive event's due date (one receive per dossier; single-field index).
  const [[versionSnap, ratingSnap, ...agencySnaps], receiveSnap] = await Promise.all([
    deps.db.getAll(versionRef, ratingRef, ...agencyIds.map((id) => deps.db.collection('agencies').doc(id))),
    doc.ref.collection('events').where('type', '==', 'receive').limit(1).get(),
  ]);
  const agencyNames = new Map<string, Bilingual>();
  let receivingAddress: string | undefined;
  for (const s of agencySnaps) {
    const name = z.object({ vi: z.string(), en: z.string() }).safeParse(s.get('name'));
    if (name.success) agencyNames.set(s.id, name.data);
    const address = z.string().safeParse(s.get('address'));
    if (s.id === dossier.receivingAgencyId && address.success) receivingAddress = address.data;
  }
  const receiptDue = ReceiptDue.safeParse(receiveSnap.docs[0]?.get('payload.due.at'));
  const steps = z.array(ProcessStep).safeParse(versionSnap?.get('steps'));
  const published: PublishedStep[] = steps.success ? steps.data.map(({ id, role, description }) => ({ id, role, description })) : [];
  return { status: 200, body: fullView(dossier, { agencyNames, steps: published, rated: ratingSnap!.exists, receivingAddress, receiptDueAt: receiptDue.success ? receiptDue.data : undefined }), headers: NO_STORE };
}
