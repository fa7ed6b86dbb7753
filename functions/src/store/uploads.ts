// `uploads/{uploadId}`: one uploaded file, written only by the server. It is "pending" while
// `dossierId` is null and belongs to a dossier once a submission attaches it.
import { z } from 'zod';
import type { Firestore } from 'firebase-admin/firestore';
import {
  Attachment,
  AttachmentContentType,
  EntityId,
  MAX_ATTACHMENT_BYTES,
  MAX_DOSSIER_ATTACHMENT_BYTES,
  UserId,
} from '../domain/index.js';

export const UPLOADS = 'uploads';

export const UPLOAD_LIMITS = {
  /** Per file (the domain's limit). */
  maxFileBytes: MAX_ATTACHMENT_BYTES,
  /** Per owner across uploads not yet attached, and per dossier at submission. */
  maxPendingBytes: MAX_DOSSIER_ATTACHMENT_BYTES,
  /** Keeps the pending query (and a flood of tiny files) bounded. */
  maxPendingUploads: 100,
  maxFiles: 10,
  maxFields: 5,
  maxFieldBytes: 1024,
} as const;

const Timestamp = z.custom<{ toDate(): Date }>((v) => typeof (v as { toDate?: unknown } | null)?.toDate === 'function');

/** The stored document, as read back (the schema guards against hand-edited or older documents). */
export const UploadRecord = z.object({
  ownerUserId: UserId,
  fileName: Attachment.shape.fileName,
  contentType: AttachmentContentType,
  size: Attachment.shape.size,
  sha256: Attachment.shape.sha256,
  storagePath: z.string().min(1),
  createdAt: Timestamp,
  dossierId: EntityId.nullable(),
  draftId: EntityId.nullable().optional(),
  /** Set at submission for files of a sensitive component or an authorisation (access restricted and logged). */
  sensitive: z.boolean().optional(),
  /** The key the bytes are encrypted with (platform/file-store/encrypting-file-store.ts), for rotation. */
  encryptionKeyId: z.string().optional(),
});
export type UploadRecord = z.infer<typeof UploadRecord>;

export function storagePathOf(ownerUserId: string, uploadId: string): string {
  return `uploads/${ownerUserId}/${uploadId}`;
}

/** Pending uploads of one owner: equality filters only, served by the automatic single-field indexes. */
export function pendingUploadsQuery(db: Firestore, ownerUserId: string) {
  return db.collection(UPLOADS).where('ownerUserId', '==', ownerUserId).where('dossierId', '==', null);
}

export function toAttachment(uploadId: string, record: UploadRecord): Attachment {
  return Attachment.parse({
    id: uploadId,
    fileName: record.fileName,
    contentType: record.contentType,
    size: record.size,
    sha256: record.sha256,
    uploadedBy: record.ownerUserId,
    uploadedAt: record.createdAt.toDate(),
  });
}
