// GET /api/lookup/:code?t=… — the public lookup of a dossier (no sign-in). See lookup-view.ts for what is
// shown, rate-limit.ts for the per-client limit.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi, DossierCode, ProcessStep, verifyLookupToken, type Bilingual } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { basicView, fullView, LookupDossier, type PublishedStep } from './lookup-view.js';
import { RATINGS } from '../../store/stats.js';
import { clientAddress, clientKey, consumeLookupQuota, rateLimited } from '../../platform/rate-limit.js';

export type LookupDeps = {
  db: Firestore;
  now: () => Date;
  /** LOOKUP_TOKEN_SECRET, read per request (secrets are not available at module load). */
  secret: () => string;
  limitPerMinute: number;
};

export const LookupQuery = z.strictObject({
  t: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/, bi('Mã tra cứu gồm tối đa 64 ký tự base64url', 'the token is at most 64 base64url characters'))
    .optional()
    .describe('Mã tra cứu in trên giấy hẹn (mã QR) / lookup token printed on the receipt (QR code)'),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

export const LookupRequest = z.strictObject({ code: DossierCode, query: LookupQuery });
export type LookupRequest = z.infer<typeof LookupRequest>;

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
  if (doc === undefined) return notFound();
  const dossier = LookupDossier.parse(doc.data()); // server-written data: a mismatch is our bug, a 500
  if (dossier.status === 'draft') return notFound();
  if (!tokenMatches) return { status: 200, body: basicView(dossier), headers: NO_STORE };

  const agencyIds = [...new Set([dossier.receivingAgencyId, ...(dossier.currentStep ? [dossier.currentStep.agencyId] : [])])];
  const versionRef = deps.db.doc(`procedures/${dossier.procedure.code}/versions/${dossier.procedure.version}`);
  const ratingRef = deps.db.collection(RATINGS).doc(doc.id);
  const [versionSnap, ratingSnap, ...agencySnaps] = await deps.db.getAll(
    versionRef,
    ratingRef,
    ...agencyIds.map((id) => deps.db.collection('agencies').doc(id)),
  );
  const agencyNames = new Map<string, Bilingual>();
  for (const s of agencySnaps) {
    const name = z.object({ vi: z.string(), en: z.string() }).safeParse(s.get('name'));
    if (name.success) agencyNames.set(s.id, name.data);
  }
  const steps = z.array(ProcessStep).safeParse(versionSnap?.get('steps'));
  const published: PublishedStep[] = steps.success ? steps.data.map(({ id, role, description }) => ({ id, role, description })) : [];
  return { status: 200, body: fullView(dossier, { agencyNames, steps: published, rated: ratingSnap!.exists }), headers: NO_STORE };
}
