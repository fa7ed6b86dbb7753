// POST /api/dossiers/:dossierId/results — the handling officer issues the dossier's electronic result
// (Decree 118 Art. 22): a PDF they uploaded (POST /api/uploads), or one the system produces from the
// details; either way signed with their agency's certificate, stored, listed on the dossier, and recorded
// by its SHA-256 for the verification page. The desk then returns it (online or on paper).
import { createHash, randomInt } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { dossierAccess, EntityId, holderOf, ResultDetails, resultDocumentCode, resultIssueProblem, type Dossier } from '../../domain/index.js';
import type { IssueResultBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import { dossierNotFound, requestIdReused } from '../../platform/conflicts.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { DossierIdParam } from '../../platform/params.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { hasSignature, MissingSigningKey, SigningError, type PdfSigner } from '../../platform/signing/index.js';
import { dossierRef, joinDossier, personalRef } from '../../store/dossiers.js';
import { recordIssuedDocument } from '../../store/issued-documents.js';
import { findAgency, procedureVersion } from '../../store/reference-data.js';
import { parseResult, resultRef, resultStoragePath, toListing, type ResultRecord } from '../../store/results.js';
import { UploadRecord, UPLOADS } from '../../store/uploads.js';
import { renderResult, ResultGlyphError } from './render-result.js';

export type IssueResultDeps = {
  db: Firestore;
  /** Where results are kept (slips and results are the province's documents, stored as issued). */
  files: FileStore;
  /** Where uploads are kept: they are encrypted at rest (FILE_ENCRYPTION_KEYS), so read through it. */
  uploads: FileStore;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  signer: PdfSigner;
  /** PUBLIC_ORIGIN: the QR code of a produced result leads to `<origin>/xac-thuc/<code>`. */
  origin: () => string;
};

export const IssueResultRequest = z.strictObject({
  requestId: RequestId,
  uploadId: EntityId.optional().describe('Tệp PDF kết quả đã tải lên / the uploaded result PDF'),
  details: ResultDetails,
});
type _IssueAgrees = Agrees<SameShape<z.input<typeof IssueResultRequest>, IssueResultBody>>;

/** Base32 without look-alike letters: 12 of them print clearly under the QR code (60 bits). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newVerifyCode = () => Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const refused = (code: 'permission-denied' | 'conflict', message: { vi: string; en: string }, path?: string) =>
  new ApiError(code, message, path ? [{ path, message }] : []);

/** The same caller and requestId always name the same result: a retry finds it. */
export const resultIdFor = (dossierId: string, uid: string, requestId: string) => createHash('sha256').update(`${dossierId}\n${uid}\n${requestId}`).digest('hex').slice(0, 20);

/**
 * @idempotent by (dossier, caller, requestId): the result id is derived from them; a retry with the same
 * body answers the stored result (200, duplicate), with another body it is refused. The PDF is stored
 * under a path carrying its hash before the record is created in a transaction, so a crash between the
 * two leaves an unreferenced file, never a record without its bytes.
 */
export async function issueResult(req: ApiRequest, deps: IssueResultDeps): Promise<Reply<'issueResult'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const body = parseInput(IssueResultRequest, req.body);
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const resultId = resultIdFor(dossierId, caller.userId, body.requestId);
  const rRef = resultRef(deps.db, dossierId, resultId);

  const [dossierSnap, personalSnap, existingSnap] = await deps.db.getAll(dossierRef(deps.db, dossierId), personalRef(deps.db, dossierId), rRef);
  if (!dossierSnap!.exists) throw dossierNotFound();
  const { dossier } = joinDossier(dossierSnap!.data()!, personalSnap!.data());
  if (dossierAccess(dossier, caller) !== 'personal') throw dossierNotFound();
  const existing = existingSnap!.exists ? parseResult(existingSnap!.data()) : undefined;
  if (existing) return duplicateOf(resultId, existing, fingerprint);
  checkMayIssue(dossier, caller);
  if (!deps.signer.enabled) {
    throw refused('conflict', {
      vi: 'Hệ thống chưa được cấu hình chữ ký số nên chưa ban hành được kết quả điện tử; hãy trả kết quả bản giấy.',
      en: 'Digital signing is not configured, so no electronic result can be issued; return the result on paper.',
    });
  }

  const issuedAt = deps.now();
  const holder = holderOf(dossier.applicant);
  const details = body.details;
  const documentCode = resultDocumentCode(holder, details.typeCode);
  const verifyCode = newVerifyCode();
  const unsigned = body.uploadId ? await uploadedPdf(deps, caller, body.uploadId) : await producedPdf(deps, dossier, { ...details, documentCode, holder, issuedAt, verifyCode });

  let signed;
  try {
    signed = await deps.signer.sign(unsigned, { as: { kind: 'agency', agencyId: caller.agencyId! }, reason: `Kết quả giải quyết TTHC: ${details.typeName} / result of the procedure`, signedAt: issuedAt });
  } catch (err) {
    if (err instanceof MissingSigningKey) {
      throw refused('conflict', { vi: 'Cơ quan của bạn chưa có chứng thư số để ký kết quả. Đề nghị quản trị hệ thống cài đặt.', en: 'Your agency has no signing certificate for results. Ask the administrator to install one.' });
    }
    if (err instanceof SigningError) throw unusablePdf();
    throw err;
  }
  const sha256 = createHash('sha256').update(signed.bytes).digest('hex');
  const storagePath = resultStoragePath(dossierId, resultId, sha256);
  await deps.files.put(storagePath, signed.bytes, 'application/pdf');

  const record: ResultRecord = {
    documentCode,
    typeCode: details.typeCode,
    typeName: details.typeName,
    title: details.title,
    summary: details.summary,
    holder,
    validFrom: details.validFrom ?? null,
    validUntil: details.validUntil ?? null,
    scope: details.scope,
    issuedAt,
    issuedBy: caller.userId,
    agencyId: caller.agencyId!,
    verifyCode,
    sha256,
    size: signed.bytes.length,
    storagePath,
    source: body.uploadId ? 'uploaded' : 'generated',
    uploadId: body.uploadId ?? null,
    signer: signed.signer,
    requestFingerprint: fingerprint,
  };
  const outcome = await deps.db.runTransaction(async (tx) => {
    const uploadRef = body.uploadId ? deps.db.collection(UPLOADS).doc(body.uploadId) : undefined;
    const [again, current, upload] = await Promise.all([tx.get(rRef), tx.get(dossierRef(deps.db, dossierId)), uploadRef ? tx.get(uploadRef) : Promise.resolve(undefined)]);
    if (again.exists) return { duplicate: parseResult(again.data()) };
    // The dossier may have moved on (returned) while the PDF was being signed.
    const { dossier: now } = joinDossier(current.data()!, undefined);
    checkMayIssue(now, caller);
    if (uploadRef && (upload?.get('dossierId') ?? null) !== null) throw uploadUnusable();
    tx.create(rRef, record);
    if (uploadRef) tx.update(uploadRef, { dossierId });
    recordIssuedDocument(deps.db, tx, sha256, {
      kind: 'result',
      title: details.typeName,
      issuedAt,
      agencyId: caller.agencyId!,
      signed: true,
      signerName: signed.signer.name,
      dossierId,
      ref: resultId,
      verifyCode,
    });
    return { created: true };
  });
  if ('duplicate' in outcome) {
    await deps.files.delete(storagePath).catch(() => undefined);
    if (!outcome.duplicate) throw requestIdReused();
    return duplicateOf(resultId, outcome.duplicate, fingerprint);
  }
  return { status: 201, body: { result: toListing(resultId, record) } };
}

function duplicateOf(resultId: string, existing: ResultRecord, fingerprint: string): Reply<'issueResult'> {
  if (existing.requestFingerprint !== fingerprint) throw requestIdReused();
  return { status: 200, body: { result: toListing(resultId, existing), duplicate: true } };
}

function checkMayIssue(dossier: Dossier, caller: Caller): void {
  const problem = resultIssueProblem(dossier, caller);
  if (problem) throw refused(problem.reason === 'status' ? 'conflict' : 'permission-denied', problem.message);
}

const uploadUnusable = () =>
  new ApiError('invalid-argument', { vi: 'Tệp kết quả không hợp lệ.', en: 'Invalid result file.' }, [
    { path: 'uploadId', message: { vi: 'Không tìm thấy tệp PDF bạn đã tải lên (hoặc tệp đã được dùng)', en: 'no PDF you uploaded by this id (or it is already used)' } },
  ]);

const unusablePdf = () =>
  new ApiError('invalid-argument', { vi: 'Tệp kết quả không ký được.', en: 'The result file cannot be signed.' }, [
    {
      path: 'uploadId',
      message: {
        vi: 'Tệp PDF đã có chữ ký số hoặc bị hỏng: hãy tải lên bản chưa ký, hệ thống sẽ ký bằng chứng thư số của cơ quan',
        en: 'the PDF is already signed or damaged: upload the unsigned document; the system signs it with the agency certificate',
      },
    },
  ]);

async function uploadedPdf(deps: IssueResultDeps, caller: Caller, uploadId: string): Promise<Buffer> {
  const snap = await deps.db.collection(UPLOADS).doc(uploadId).get();
  const record = UploadRecord.safeParse(snap.data());
  if (!record.success || record.data.ownerUserId !== caller.userId || record.data.dossierId !== null || record.data.contentType !== 'application/pdf') throw uploadUnusable();
  const file = await deps.uploads.get(record.data.storagePath);
  if (!file) throw uploadUnusable();
  if (hasSignature(file.bytes)) throw unusablePdf();
  return file.bytes;
}

type Produced = z.infer<typeof ResultDetails> & { documentCode: string; holder: { name: string; idNumber: string }; issuedAt: Date; verifyCode: string };

async function producedPdf(deps: IssueResultDeps, dossier: Dossier, p: Produced): Promise<Buffer> {
  const [agency, procedure] = await Promise.all([findAgency(deps.db, dossier.currentStep?.agencyId ?? dossier.receivingAgencyId), procedureVersion(deps.db, dossier.procedure.code, dossier.procedure.version)]);
  const parent = agency?.parentId ? await findAgency(deps.db, agency.parentId) : undefined;
  const verifyUrl = `${deps.origin()}/xac-thuc/${p.verifyCode}`;
  try {
    return await renderResult({
      agencyName: agency?.name.vi ?? dossier.receivingAgencyId,
      ...(parent ? { parentName: parent.name.vi } : {}),
      documentCode: p.documentCode,
      typeCode: p.typeCode,
      typeName: p.typeName,
      title: p.title,
      summary: p.summary,
      holder: p.holder,
      validFrom: p.validFrom ?? null,
      validUntil: p.validUntil ?? null,
      scope: p.scope,
      procedureName: procedure.name.vi,
      issuedAt: p.issuedAt,
      verifyUrl,
      verifyCode: p.verifyCode,
    });
  } catch (err) {
    if (err instanceof ResultGlyphError) {
      const message = { vi: 'Có ký tự không in được trên văn bản', en: 'a character cannot be printed on the document' };
      throw new ApiError('invalid-argument', { vi: 'Nội dung kết quả có ký tự không in được.', en: 'The result has characters that cannot be printed.' }, [{ path: 'details', message }]);
    }
    throw err;
  }
}
