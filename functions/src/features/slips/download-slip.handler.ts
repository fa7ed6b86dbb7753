// GET /api/dossiers/:dossierId/slips/:slipId — the stored PDF of one slip, for the owner and officers in
// scope (also their reprint: output is deterministic, so the stored bytes are the reprint), or, for the
// forms the citizen holds (01–03), for anyone with the dossier's lookup token from the QR code.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi, EntityId, isApplicantSlip, isCitizenHeld, RuleSet, verifyLookupToken } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { dossierAccess } from '../../domain/index.js';
import { dossierRef } from '../../store/dossiers.js';
import { slipRef } from '../../store/dossiers.js';
import { slipLogs } from './slip-logs.js';

export type DownloadSlipDeps = {
  db: Firestore;
  files: FileStore;
  secret: () => string;
  /** The caller if the request is signed in; undefined for token holders. */
  findCaller: (req: ApiRequest) => Promise<Caller | undefined>;
};

export const DownloadSlipRequest = z.strictObject({
  params: z.strictObject({
    dossierId: EntityId,
    slipId: z
      .string()
      .regex(/^0[1-7]-\d{6}$/, bi('Mã phiếu dạng 01-000002', 'slip id looks like 01-000002'))
      .describe('Mã phiếu: mẫu và phiên bản / slip id: form and version'),
  }),
  query: z.strictObject({
    t: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, bi('Mã tra cứu gồm tối đa 64 ký tự base64url', 'the token is at most 64 base64url characters'))
      .optional()
      .describe('Mã tra cứu in trên giấy hẹn / lookup token printed on the receipt'),
  }),
});
export type DownloadSlipRequest = z.infer<typeof DownloadSlipRequest>;

const SlipRecord = z.object({ form: z.string(), storagePath: z.string(), sha256: z.string() });

function noSuchSlip(): ApiError {
  return new ApiError('not-found', { vi: 'Không tìm thấy phiếu.', en: 'No such slip.' });
}

export async function downloadSlip(req: ApiRequest, deps: DownloadSlipDeps): Promise<Reply<'downloadSlip'>> {
  const caller = await deps.findCaller(req);
  const parsed = DownloadSlipRequest.safeParse({ params: req.params, query: req.query });
  if (!parsed.success) throw invalidInput(parsed.error);
  const { params, query } = parsed.data;
  const [dossierSnap, slipSnap] = await deps.db.getAll(dossierRef(deps.db, params.dossierId), slipRef(deps.db, params.dossierId, params.slipId));
  // Whoever may not see it learns nothing, not even whether the dossier exists.
  if (!dossierSnap!.exists || !slipSnap!.exists) throw noSuchSlip();
  const record = SlipRecord.parse(slipSnap!.data());
  const dossier = z.object({ ownerUserId: z.string().optional(), agencyIds: z.array(z.string()), ruleSet: RuleSet }).parse(dossierSnap!.data());
  // Monitors see figures, not people: `public` access is not enough for a slip with personal data.
  // The applicant opens the slips addressed to them; the agencies' control slips stay internal.
  const signedInAccess =
    caller !== undefined && dossierAccess(dossier, caller) === 'personal' && (caller.role !== 'citizen' || isApplicantSlip(dossier.ruleSet, record.form));
  const tokenAccess =
    query.t !== undefined && isCitizenHeld(dossier.ruleSet, record.form) && verifyLookupToken(params.dossierId, query.t, deps.secret());
  if (!signedInAccess && !tokenAccess) throw noSuchSlip();

  const file = await deps.files.get(record.storagePath);
  if (!file) {
    slipLogs.bytesMissing(params.dossierId, params.slipId);
    throw noSuchSlip();
  }
  if (createHash('sha256').update(file.bytes).digest('hex') !== record.sha256) {
    slipLogs.checksumMismatch(params.dossierId, params.slipId);
    throw new ApiError('internal', { vi: 'Phiếu lưu trữ bị hỏng.', en: 'The stored slip is damaged.' });
  }
  return {
    status: 200,
    body: null,
    raw: { bytes: file.bytes, contentType: 'application/pdf' },
    headers: {
      'Content-Disposition': `inline; filename="phieu-${params.slipId}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  };
}
