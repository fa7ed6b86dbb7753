// The public verification of the documents the province issues (/xac-thuc/, docs/SIGNATURES.md):
//  POST /api/verifications — anyone uploads a PDF: each signature checked (intact, whole document,
//    signer, time, trusted CA), and whether the province issued exactly these bytes (SHA-256);
//  GET /api/verifications/:ref — what the province issued under a SHA-256 or a result's verification code
//    (the QR code printed on a produced result).
// The answer names the kind of document, the issuing agency, the time and the signer: never the dossier,
// its code or the applicant. Both are rate-limited per client like the public lookup.
import { createHash, type X509Certificate } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Bilingual, IssuedDocumentView, SignatureProblemCode, SignatureVerdict, VerificationAnswer, VerificationVerdict } from '../../contract/index.js';
import { bi } from '../../domain/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { clientAddress, clientKey, consumeLookupQuota, rateLimited } from '../../platform/rate-limit.js';
import { verifyPdfSignatures, type SignatureCheck } from '../../platform/signing/index.js';
import { ISSUED_DOCUMENTS, issuedDocumentRef, IssuedDocumentRecord } from '../../store/issued-documents.js';
import { findAgency } from '../../store/reference-data.js';
import { revive } from '../../store/revive.js';
import { readPdfForm } from './read-pdf-form.js';

export type VerifyDeps = {
  db: Firestore;
  now: () => Date;
  /** Keys the per-client rate limit (the lookup secret). */
  secret: () => string;
  limitPerMinute: number;
  /** The CA certificates the province trusts (the deployment keyring's trusted.pem). */
  trustedCas: () => Promise<X509Certificate[]>;
};

/** A document check hashes up to 10 MB: fewer per minute than a lookup. */
export const VERIFY_LIMIT_PER_MINUTE = 10;

const KIND_LABELS: Record<IssuedDocumentView['kind'], Bilingual> = {
  slip: { vi: 'Phiếu của Bộ phận Một cửa', en: 'Slip of the one-stop desk' },
  scan: { vi: 'Bản số hóa hồ sơ giấy', en: 'Scan of a paper document' },
  result: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of an administrative procedure' },
};

const PROBLEM_MESSAGES: Record<SignatureProblemCode, Bilingual> = {
  malformed: { vi: 'Chữ ký không đọc được.', en: 'The signature cannot be read.' },
  'digest-mismatch': { vi: 'Nội dung tệp đã bị thay đổi sau khi ký.', en: 'The file was changed after it was signed.' },
  'bad-signature': { vi: 'Chữ ký không khớp với chứng thư số.', en: 'The signature does not match its certificate.' },
  'not-whole-document': { vi: 'Tệp có phần được thêm vào sau khi ký.', en: 'Something was added to the file after it was signed.' },
  untrusted: { vi: 'Chữ ký hợp lệ nhưng chứng thư số không do tổ chức mà tỉnh tin cậy cấp.', en: 'The signature is intact, but its certificate was not issued by an authority the province trusts.' },
  expired: { vi: 'Chứng thư số không còn hiệu lực vào thời điểm ký.', en: 'The certificate was not valid at the signing time.' },
};

const VERDICT_MESSAGES: Record<VerificationVerdict, Bilingual> = {
  authentic: { vi: 'Văn bản do tỉnh ban hành, chữ ký số hợp lệ và nội dung còn nguyên vẹn.', en: 'Issued by the province: the signature is valid and the content is intact.' },
  invalid: { vi: 'Chữ ký số không hợp lệ: tệp đã bị sửa đổi hoặc chữ ký bị hỏng.', en: 'The signature is not valid: the file was altered or the signature is broken.' },
  unsigned: { vi: 'Tệp không có chữ ký số.', en: 'The file carries no digital signature.' },
  unknown: { vi: 'Không tìm thấy văn bản này trong các văn bản tỉnh đã ban hành.', en: 'This file is not among the documents the province issued.' },
};

async function throttle(req: ApiRequest, deps: VerifyDeps): Promise<void> {
  const quota = await consumeLookupQuota(deps.db, clientKey(clientAddress(req), deps.secret()), deps.now(), deps.limitPerMinute, 'verify');
  if (!quota.allowed) throw rateLimited(quota.retryAfterSeconds);
}

async function viewOf(db: Firestore, sha256: string, data: unknown): Promise<IssuedDocumentView | null> {
  const record = IssuedDocumentRecord.safeParse(revive(data));
  if (!record.success) return null;
  const r = record.data;
  const agency = await findAgency(db, r.agencyId);
  return {
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    title: r.title,
    issuedAt: r.issuedAt.toISOString(),
    issuer: agency?.name ?? { vi: r.agencyId, en: r.agencyId },
    signed: r.signed,
    signerName: r.signerName,
    sha256,
  };
}

function toVerdict(check: SignatureCheck): SignatureVerdict {
  const valid = check.intact && check.coversWholeDocument && check.problem !== 'expired';
  return {
    valid,
    trusted: check.trusted,
    coversWholeDocument: check.coversWholeDocument,
    signer: check.signer ? { name: check.signer.name, organisation: check.signer.organisation, serialNumber: check.signer.serialNumber, issuer: check.signer.issuer } : null,
    signedAt: check.signedAt ? check.signedAt.toISOString() : null,
    problem: check.problem,
    message: check.problem ? PROBLEM_MESSAGES[check.problem] : { vi: 'Chữ ký số hợp lệ.', en: 'The signature is valid.' },
  };
}

export function verdictOf(signatures: readonly SignatureVerdict[], issued: IssuedDocumentView | null): VerificationVerdict {
  if (signatures.some((s) => !s.valid)) return 'invalid';
  if (signatures.length === 0) return 'unsigned';
  return issued && signatures.every((s) => s.trusted) ? 'authentic' : 'unknown';
}

/** POST /api/verifications */
export async function verifyDocument(req: ApiRequest, deps: VerifyDeps): Promise<Reply<'verifyDocument'>> {
  await throttle(req, deps);
  const pdf = await readPdfForm(req.rawBody, req.header('content-type'));
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [checks, snap] = await Promise.all([deps.trustedCas().then((cas) => verifyPdfSignatures(pdf, cas)), issuedDocumentRef(deps.db, sha256).get()]);
  const issued = snap.exists ? await viewOf(deps.db, sha256, snap.data()) : null;
  const signatures = checks.map(toVerdict);
  const verdict = verdictOf(signatures, issued);
  const answer: VerificationAnswer = { verdict, message: VERDICT_MESSAGES[verdict], sha256, size: pdf.length, signatures, issued };
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: answer };
}

export const DocumentRefParam = z.strictObject({
  ref: z
    .string()
    .trim()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-HJ-NP-Z2-9]{12})$/, bi('Mã kiểm tra gồm 12 ký tự, hoặc mã băm SHA-256 gồm 64 ký tự hex', 'a verification code is 12 characters, or a SHA-256 of 64 hex characters'))
    .describe('Mã kiểm tra hoặc SHA-256 / verification code or SHA-256'),
});

/** GET /api/verifications/:ref */
export async function lookupDocument(req: ApiRequest, deps: VerifyDeps): Promise<Reply<'lookupDocument'>> {
  await throttle(req, deps);
  const { ref } = parseInput(DocumentRefParam, req.params);
  let issued: IssuedDocumentView | null = null;
  if (ref.length === 64) {
    const sha256 = ref.toLowerCase();
    const snap = await issuedDocumentRef(deps.db, sha256).get();
    issued = snap.exists ? await viewOf(deps.db, sha256, snap.data()) : null;
  } else {
    const found = await deps.db.collection(ISSUED_DOCUMENTS).where('verifyCode', '==', ref).limit(1).get();
    const doc = found.docs[0];
    issued = doc ? await viewOf(deps.db, doc.id, doc.data()) : null;
  }
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { ref, issued } };
}

