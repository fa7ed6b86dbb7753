// Decree 118 Art. 17.1: a paper document scanned at the one-stop desk is signed with the personal digital
// signature of the officer who scanned it. The desk officer uploads the scans (POST /api/uploads) and
// attaches them at intake (or with a supplement handed in at the desk); before the attaching transaction,
// each of the officer's pending scans is signed: a PDF as it is, an image first turned into a one-page PDF.
// The upload then points at the signed bytes, so the dossier's attachment (hash, size) is the signed file.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { EntityId, MAX_ATTACHMENT_BYTES } from '../domain/index.js';
import { ApiError } from '../platform/api-error.js';
import type { Caller } from '../platform/auth.js';
import type { FileStore } from '../platform/file-store/index.js';
import { hasSignature, imageToPdf, MissingSigningKey, type PdfSigner } from '../platform/signing/index.js';
import { recordIssuedDocument } from './issued-documents.js';
import { UploadRecord, UPLOADS } from './uploads.js';

export type DeskScanDeps = { db: Firestore; files: FileStore; signer: PdfSigner; now: () => Date };

/** What an upload records once signed (the original hash stays for the audit trail). */
export type ScanSignature = { signerName: string; serialNumber: string; signedBy: string; signedAt: Date; originalSha256: string };

function noOfficerKey(): ApiError {
  return new ApiError('conflict', {
    vi: 'Tài khoản của bạn chưa có chứng thư số để ký bản số hóa (Nghị định 118, Điều 17). Đề nghị quản trị hệ thống cấp chứng thư số rồi thử lại.',
    en: 'Your account has no signing certificate for desk scans (Decree 118, Art. 17). Ask the administrator to install one, then try again.',
  });
}

function signedTooLarge(fileName: string): ApiError {
  const mb = MAX_ATTACHMENT_BYTES / (1024 * 1024);
  return new ApiError('payload-too-large', {
    vi: `Bản số hóa "${fileName}" sau khi ký vượt quá ${mb} MB; hãy quét lại với độ phân giải thấp hơn.`,
    en: `The scan "${fileName}" exceeds ${mb} MB once signed; scan it again at a lower resolution.`,
  });
}

const pdfName = (fileName: string) => (/\.pdf$/i.test(fileName) ? fileName : `${fileName.replace(/\.(jpe?g|png)$/i, '')}.pdf`);

/**
 * Signs the desk officer's pending scans among `uploadIds` (others are left for the attaching transaction
 * to judge: unknown ids, someone else's files). Already signed PDFs (an electronic document, not a scan)
 * are left as they are.
 * @idempotent by upload: a signed upload records `signature` and is skipped; the signed bytes' path carries
 * their hash, so two racing requests never overwrite each other's bytes, and the first to record wins.
 */
export async function signDeskScans(deps: DeskScanDeps, caller: Caller, dossierId: string, uploadIds: readonly string[]): Promise<void> {
  if (caller.role !== 'receptionist' || !deps.signer.enabled) return;
  const ids = [...new Set(uploadIds)].filter((id) => EntityId.safeParse(id).success);
  if (ids.length === 0) return;
  const snaps = await deps.db.getAll(...ids.map((id) => deps.db.collection(UPLOADS).doc(id)));
  for (const snap of snaps) {
    const record = UploadRecord.safeParse(snap.data());
    if (!record.success || record.data.ownerUserId !== caller.userId || record.data.dossierId !== null || snap.get('signature') !== undefined) continue;
    await signOne(deps, caller, dossierId, snap.id, record.data);
  }
}

async function signOne(deps: DeskScanDeps, caller: Caller, dossierId: string, uploadId: string, record: UploadRecord): Promise<void> {
  const file = await deps.files.get(record.storagePath);
  if (!file) return; // the attaching transaction reports the upload as unusable
  const signedAt = deps.now();
  const pdf = record.contentType === 'application/pdf' ? file.bytes : await imageToPdf(file.bytes, signedAt);
  if (hasSignature(pdf)) return;
  let signed;
  try {
    signed = await deps.signer.sign(pdf, { as: { kind: 'officer', userId: caller.userId }, reason: 'Bản số hóa tại Bộ phận Một cửa / scanned at the one-stop desk', signedAt });
  } catch (err) {
    if (err instanceof MissingSigningKey) throw noOfficerKey();
    throw err;
  }
  const fileName = pdfName(record.fileName);
  if (signed.bytes.length > MAX_ATTACHMENT_BYTES) throw signedTooLarge(fileName);
  const sha256 = createHash('sha256').update(signed.bytes).digest('hex');
  const storagePath = `${record.storagePath}-signed-${sha256.slice(0, 16)}`;
  await deps.files.put(storagePath, signed.bytes, 'application/pdf');
  const ref = deps.db.collection(UPLOADS).doc(uploadId);
  const signature: ScanSignature = { signerName: signed.signer.name, serialNumber: signed.signer.serialNumber, signedBy: caller.userId, signedAt, originalSha256: record.sha256 };
  const won = await deps.db.runTransaction(async (tx) => {
    const now = await tx.get(ref);
    if (now.get('signature') !== undefined || now.get('dossierId') !== null || now.get('storagePath') !== record.storagePath) return false;
    tx.update(ref, { storagePath, sha256, size: signed.bytes.length, contentType: 'application/pdf', fileName, signature });
    recordIssuedDocument(deps.db, tx, sha256, {
      kind: 'scan',
      title: 'Bản số hóa tại Bộ phận Một cửa',
      issuedAt: signedAt,
      agencyId: caller.agencyId ?? '',
      signed: true,
      signerName: signed.signer.name,
      dossierId,
      ref: uploadId,
    });
    return true;
  });
  // The loser's bytes, or the unsigned original once replaced, are not needed any more.
  await deps.files.delete(won ? record.storagePath : storagePath).catch(() => undefined);
}
