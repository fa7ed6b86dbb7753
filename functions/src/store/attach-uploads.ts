// The contract with the dossier lifecycle service: at submission it turns upload ids into the
// dossier's attachments and marks them attached, in its own transaction.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { EntityId, type Attachment, type FieldError } from '../domain/index.js';
import { ApiError } from '../platform/api-error.js';
import { toAttachment, UPLOAD_LIMITS, UploadRecord, UPLOADS } from './uploads.js';

const unusable = (path: string): FieldError => ({
  path,
  message: { vi: 'Không tìm thấy tệp đã tải lên', en: 'no such uploaded file' },
});

/**
 * The attachments for `uploadIds`, in that order, after checking that each exists, belongs to
 * `ownerUid` (otherwise reported exactly like a missing one) and is not attached to a dossier yet, and
 * that together they fit the 50 MB per dossier. Throws ApiError: 400 for bad or unknown ids,
 * 409 when one is already attached, 413 beyond 50 MB.
 *
 * Pass the caller's transaction as `tx` (before its first write) so the reads are part of it: then a
 * concurrent submission of the same upload retries and finds it attached.
 */
export async function loadUploadsForSubmission(
  db: Firestore,
  ownerUid: string,
  uploadIds: readonly string[],
  tx?: Transaction,
): Promise<Attachment[]> {
  const badIds = uploadIds.flatMap((id, i) => (EntityId.safeParse(id).success ? [] : [unusable(`uploadIds.${i}`)]));
  const duplicates = uploadIds.flatMap((id, i) =>
    uploadIds.indexOf(id) === i
      ? []
      : [{ path: `uploadIds.${i}`, message: { vi: 'Tệp được đính kèm hai lần', en: 'the file is attached twice' } }],
  );
  if (badIds.length + duplicates.length > 0) throw invalidUploads([...badIds, ...duplicates]);
  if (uploadIds.length === 0) return [];

  const refs = uploadIds.map((id) => db.collection(UPLOADS).doc(id));
  const snaps = tx ? await tx.getAll(...refs) : await db.getAll(...refs);
  const records = snaps.map((snap) => UploadRecord.safeParse(snap.data()));
  const missing = records.flatMap((r, i) => (r.success && r.data.ownerUserId === ownerUid ? [] : [unusable(`uploadIds.${i}`)]));
  if (missing.length > 0) throw invalidUploads(missing);

  const valid = records.map((r) => (r.success ? r.data : undefined)).filter((r): r is UploadRecord => r !== undefined);
  const attached = valid.flatMap((r, i) => (r.dossierId === null ? [] : [uploadIds[i]!]));
  if (attached.length > 0) {
    throw new ApiError(
      'conflict',
      { vi: 'Tệp đã được đính kèm vào một hồ sơ khác.', en: 'The file is already attached to a dossier.' },
      attached.map((id) => ({
        path: `uploadIds.${uploadIds.indexOf(id)}`,
        message: { vi: 'Tệp đã được đính kèm', en: 'already attached' },
      })),
    );
  }
  const total = valid.reduce((sum, r) => sum + r.size, 0);
  if (total > UPLOAD_LIMITS.maxPendingBytes) {
    const mb = UPLOAD_LIMITS.maxPendingBytes / (1024 * 1024);
    throw new ApiError(
      'payload-too-large',
      { vi: `Tổng dung lượng tệp của một hồ sơ tối đa ${mb} MB.`, en: `A dossier's files may total at most ${mb} MB.` },
      [],
      { maxBytes: UPLOAD_LIMITS.maxPendingBytes, totalBytes: total },
    );
  }
  return valid.map((r, i) => toAttachment(uploadIds[i]!, r));
}

function invalidUploads(fields: FieldError[]): ApiError {
  return new ApiError('invalid-argument', { vi: 'Tệp đính kèm không hợp lệ.', en: 'Invalid attachments.' }, fields);
}

/**
 * Marks the uploads as attached to `dossierId` (and the `sensitive` ones as such) inside the caller's transaction (writes only, so it can
 * follow the transaction's reads). `update` fails the transaction if an upload has disappeared.
 * Call `loadUploadsForSubmission` with the same transaction first.
 */
export function attachUploads(tx: Transaction, uploadIds: readonly string[], dossierId: string, db: Firestore, sensitive: ReadonlySet<string> = new Set()): void {
  for (const id of uploadIds) tx.update(db.collection(UPLOADS).doc(id), sensitive.has(id) ? { dossierId, sensitive: true } : { dossierId });
}
