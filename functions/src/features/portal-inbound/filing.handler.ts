// POST /api/portal/dossiers — the national portal files a dossier submitted on it (Decree 118 Art. 15: the
// DVCQG is the online channel). Authenticated as the portal by its signature (signature.ts), checked like a
// submission here (procedure, components, the desk and the competent agency, the applicant), and created in
// one transaction as an online dossier in the chosen desk's queue, with the portal's code (Art. 28) and the
// online intake deadlines of Art. 17.2 (decide computes them: alerted at once, escalated after 2 hours,
// accepted or returned within 8 working hours). Nothing is written unless all of it is.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import {
  Applicant,
  applicantOfFiling,
  behaviourOf,
  componentsOfFiling,
  decideReception,
  newDraftDossier,
  PortalFiling,
  portalCodeProblem,
  resultDeliveryOfFiling,
  type Procedure,
} from '../../domain/index.js';
import { ApiError, invalidInput, type FieldError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { parseInput } from '../../platform/parse.js';
import { dossierRef } from '../../store/dossiers.js';
import { portalFilingRef } from '../../store/portal-sync.js';
import { findAgency, procedureVersion, ruleSetSettings, workingCalendar } from '../../store/reference-data.js';
import { runTransition } from '../../store/run-transition.js';
import { signatureProblem, type SignatureProblem } from './signature.js';

export type FilingDeps = { db: Firestore; now: () => Date; secret: () => string };

/** The system files on the portal's behalf; the applicant's account is the portal's, not ours. */
export const PORTAL_ACTOR: Caller = { role: 'system', userId: 'dvcqg' };

/** A dossier filed on the portal is found by its code: the same code always names the same dossier. */
export function portalDossierId(code: string): string {
  return `dvc-${createHash('sha256').update(code).digest('hex').slice(0, 24)}`;
}

function notThePortal(problem: SignatureProblem): ApiError {
  const why = {
    missing: { vi: 'thiếu chữ ký', en: 'the signature is missing' },
    stale: { vi: 'thời điểm ký lệch quá 5 phút', en: 'the signing time is more than 5 minutes off' },
    mismatch: { vi: 'chữ ký không khớp', en: 'the signature does not match' },
  }[problem];
  logs.portalFilingRefused(`signature ${problem}`);
  return new ApiError('unauthenticated', { vi: `Yêu cầu không phải của Cổng Dịch vụ công quốc gia: ${why.vi}.`, en: `The request is not the national portal’s: ${why.en}.` }, [], { reason: `signature-${problem}` });
}

function badFiling(path: string, vi: string, en: string): ApiError {
  return new ApiError('invalid-argument', { vi: 'Hồ sơ gửi từ Cổng không hợp lệ.', en: 'The filing from the portal is invalid.' }, [{ path, message: { vi, en } }]);
}

function alreadyFiled(dossierId: string, samePayload: boolean): ApiError {
  logs.portalFilingRefused(samePayload ? 'duplicate' : 'code taken');
  return new ApiError(
    'conflict',
    samePayload
      ? { vi: 'Hồ sơ này đã được tiếp nhận từ Cổng trước đó.', en: 'This dossier was already received from the portal.' }
      : { vi: 'Mã hồ sơ này đã được dùng cho một hồ sơ khác.', en: 'This dossier code is already used by another dossier.' },
    [{ path: 'MaHoSo', message: { vi: 'Mã hồ sơ đã có', en: 'the code already exists' } }],
    { reason: 'alreadyFiled', dossierId, samePayload },
  );
}

/** Every filed component belongs to the procedure, and every mandatory one is there. */
function checkComponents(procedure: Procedure, filing: PortalFiling): void {
  const known = new Set(procedure.components.map((c) => c.id));
  const errors: FieldError[] = [];
  filing.TaiLieuNop.forEach((d, i) => {
    if (!known.has(d.MaThanhPhanHoSo)) errors.push({ path: `TaiLieuNop.${i}.MaThanhPhanHoSo`, message: { vi: 'Thủ tục không có thành phần này', en: 'not a component of this procedure' } });
  });
  const ids = filing.TaiLieuNop.map((d) => d.MaThanhPhanHoSo);
  if (new Set(ids).size !== ids.length) errors.push({ path: 'TaiLieuNop', message: { vi: 'Mỗi thành phần chỉ khai một lần', en: 'each component may appear only once' } });
  for (const required of procedure.components.filter((c) => c.mandatory && !ids.includes(c.id))) {
    errors.push({ path: 'TaiLieuNop', message: { vi: `Thiếu thành phần bắt buộc: ${required.name.vi}`, en: `Missing mandatory component: ${required.name.en}` } });
  }
  if (errors.length > 0) throw new ApiError('invalid-argument', { vi: 'Hồ sơ chưa đủ thành phần.', en: 'The dossier is incomplete.' }, errors);
}

/**
 * @idempotent by the portal's code: the dossier id and the transaction's request id derive from it, so a
 * repeated filing finds the dossier and is refused with `alreadyFiled` (`samePayload: true` when it is the
 * same filing, which the portal may take as delivered), writing nothing.
 */
export async function portalFiling(req: ApiRequest, deps: FilingDeps): Promise<Reply<'portalFiling'>> {
  const problem = signatureProblem(deps.secret(), { timestamp: req.header('x-portal-timestamp'), signature: req.header('x-portal-signature') }, req.rawBody, deps.now());
  if (problem) throw notThePortal(problem);
  const filing = parseInput(PortalFiling, req.body);
  const code = filing.MaHoSo;
  const procedure = await procedureVersion(deps.db, filing.MaTTHC).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === 'not-found') throw badFiling('MaTTHC', 'Không có thủ tục này', 'no such procedure');
    throw err;
  });
  checkComponents(procedure, filing);
  const now = deps.now();
  const [receiving, competent, settings, calendar] = await Promise.all([
    findAgency(deps.db, filing.MaDonViTiepNhan),
    filing.MaDonViThamQuyen ? findAgency(deps.db, filing.MaDonViThamQuyen) : Promise.resolve(undefined),
    ruleSetSettings(deps.db, procedure.ruleSet),
    workingCalendar(deps.db),
  ]);
  if (filing.MaDonViThamQuyen && !competent) throw badFiling('MaDonViThamQuyen', 'Không có cơ quan này', 'no such agency');
  const reception = decideReception({ receptionAnywhere: behaviourOf(procedure.ruleSet).receptionAnywhere, procedure, channel: 'online', receiving, competent, now });
  if (!reception.ok) {
    const path = { receivingAgencyId: 'MaDonViTiepNhan', competentAgencyId: 'MaDonViThamQuyen', channel: 'MaTTHC' }[reception.problem.field];
    throw badFiling(path, reception.problem.message.vi, reception.problem.message.en);
  }
  const codeProblem = portalCodeProblem(code, settings?.onlineIssuer);
  if (codeProblem) throw badFiling('MaHoSo', codeProblem.vi, codeProblem.en);
  const applicant = Applicant.safeParse(applicantOfFiling(filing));
  if (!applicant.success) throw invalidInput(applicant.error);

  const dossierId = portalDossierId(code);
  const requestId = `filing_${dossierId}`;
  if ((await dossierRef(deps.db, dossierId).get()).exists) throw alreadyFiled(dossierId, true);
  const result = await runTransition(
    { db: deps.db, now: () => now, calendar },
    {
      dossierId,
      requestId,
      caller: PORTAL_ACTOR,
      fingerprintOf: { portalFiling: req.body },
      expectedVersion: undefined,
      portalFacts: { vneidVerified: filing.TaiKhoanDuocXacThucVoiVNeID },
      draft: async () =>
        newDraftDossier({
          id: dossierId,
          procedure,
          receivingAgencyId: filing.MaDonViTiepNhan,
          competentAgencyId: reception.competentAgencyId,
          applicant: applicant.data,
          components: componentsOfFiling(filing),
          channel: 'online',
          resultDelivery: resultDeliveryOfFiling(filing),
          now,
        }),
      prepare: async (_draft, tx) => {
        // Codes are unique across the system: one issued here under the same issuer would collide.
        const taken = await tx.get(deps.db.collection('dossiers').where('code', '==', code).limit(1));
        if (!taken.empty) throw alreadyFiled(taken.docs[0]!.id, false);
        const filingRecord = {
          dossierId,
          code,
          procedureCode: filing.MaTTHC,
          filedAt: filing.NgayNopHoSo,
          receivedAt: now,
          vneidVerified: filing.TaiKhoanDuocXacThucVoiVNeID,
          documents: filing.TaiLieuNop.map((d) => ({ componentId: d.MaThanhPhanHoSo, fileName: d.TenTepDinhKem ?? null, url: d.DuongDanTep ?? null })),
        };
        return { request: { type: 'submit' }, code, writes: [() => tx.create(portalFilingRef(deps.db, dossierId), filingRecord)] };
      },
    },
  ).catch((err: unknown) => {
    // Two identical filings at once: the second finds the first's idempotency record.
    if (err instanceof ApiError && err.details.reason === 'requestIdReused') throw alreadyFiled(dossierId, false);
    throw err;
  });
  if ('error' in result.body) throw new ApiError('internal', { vi: 'Lỗi hệ thống.', en: 'Internal error.' });
  if (result.body.duplicate === true) throw alreadyFiled(dossierId, true);
  const d = result.body.dossier;
  logs.portalFilingReceived(dossierId, code, filing.MaDonViTiepNhan);
  const toIso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return {
    status: 201,
    body: {
      dossierId,
      code,
      status: d.status,
      receivingAgencyId: d.receivingAgencyId,
      intake: d.intake ? { alertAt: toIso(d.intake.alertAt), decideBy: toIso(d.intake.decideBy) } : null,
    },
  };
}
