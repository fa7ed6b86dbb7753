// POST /api/uploads: a signed-in user uploads one or more files before submitting a dossier. Each file
// is checked by its content, hashed, stored through the FileStore and recorded in `uploads/{id}`.
// A request is accepted or refused as a whole; a refused one leaves nothing behind.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { EntityId, type AttachmentContentType } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { getCaller, refuseKiosk } from '../../platform/auth.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { declarationAgrees, detectContentType, EXTENSIONS, MAX_IMAGE_PIXELS, structureProblem, type StructureProblem } from './file-content.js';
import { sanitiseFileName } from './file-name.js';
import { isMultipartFormData, malformedMultipart, parseMultipart, type MultipartForm } from './multipart.js';
import { uploadLogs } from './upload-logs.js';
import { pendingUploadsQuery, storagePathOf, UPLOAD_LIMITS, UPLOADS } from '../../store/uploads.js';

export type UploadDeps = { db: () => Firestore; files: FileStore & { currentKeyId?: () => string }; now: () => Date };

/** The text fields of an upload form (strict: an unknown field is refused). */
export const UploadFields = z.strictObject({
  draftId: EntityId.optional().describe('Hồ sơ nháp mà tệp thuộc về / draft the files belong to'),
});
export type UploadFields = z.infer<typeof UploadFields>;

export type AcceptedFile = {
  fileName: string;
  contentType: AttachmentContentType;
  size: number;
  sha256: string;
  bytes: Buffer;
};

const badRequest = (vi: string, en: string, path = 'file') =>
  new ApiError('invalid-argument', { vi, en }, [{ path, message: { vi, en } }]);

function unsupportedType(index: number): ApiError {
  const message = {
    vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG; loại tệp khai báo phải khớp với nội dung.',
    en: 'Only PDF, JPEG or PNG files are accepted, and the declared type must match the content.',
  };
  return new ApiError('unsupported-media-type', message, [{ path: `file.${index}`, message }], { accepted: Object.keys(EXTENSIONS) });
}

const TYPE_LABELS: Record<AttachmentContentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
const STRUCTURE_REASONS: Record<StructureProblem, { vi: string; en: string }> = {
  unreadable: { vi: 'cấu trúc tệp bị hỏng hoặc tệp bị cắt cụt', en: 'its structure is broken or the file is cut short' },
  'foreign-content': { vi: 'tệp có lẫn nội dung khác (ví dụ một trang web)', en: 'it carries other content (a web page, for example)' },
  'trailing-data': { vi: 'có dữ liệu lạ sau phần kết thúc của tệp', en: 'it has extra data after its end' },
  encrypted: { vi: 'tệp được khóa bằng mật khẩu', en: 'it is locked with a password' },
  'too-many-pixels': {
    vi: `ảnh quá lớn (tối đa ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh)`,
    en: `the image is too large (at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`,
  },
};

/** A file that starts right but is not a real PDF/JPEG/PNG: the message names it, so the person knows which one to fix. */
function malformedFile(index: number, fileName: string, type: AttachmentContentType, problem: StructureProblem): ApiError {
  const label = TYPE_LABELS[type];
  const reason = STRUCTURE_REASONS[problem];
  const message = {
    vi: `Tệp "${fileName}" không phải là tệp ${label} hợp lệ: ${reason.vi}. Hãy mở tệp, lưu (hoặc quét) lại rồi tải lên.`,
    en: `"${fileName}" is not a valid ${label} file: ${reason.en}. Open it, save (or scan) it again, then upload it.`,
  };
  return new ApiError('unsupported-media-type', message, [{ path: `file.${index}`, message }], { accepted: Object.keys(EXTENSIONS), problem });
}

function pendingQuotaExceeded(): ApiError {
  const mb = UPLOAD_LIMITS.maxPendingBytes / (1024 * 1024);
  return new ApiError(
    'payload-too-large',
    {
      vi: `Tổng dung lượng tệp chưa nộp của bạn tối đa ${mb} MB (hoặc ${UPLOAD_LIMITS.maxPendingUploads} tệp).`,
      en: `Your files not yet submitted may total at most ${mb} MB (or ${UPLOAD_LIMITS.maxPendingUploads} files).`,
    },
    [],
    { maxBytes: UPLOAD_LIMITS.maxPendingBytes, maxFiles: UPLOAD_LIMITS.maxPendingUploads },
  );
}

/** Parses and checks the form (each file opened by its parser) without touching any storage. */
export async function readUploadForm(
  rawBody: Buffer | undefined,
  contentType: string | undefined,
): Promise<{ fields: UploadFields; files: AcceptedFile[] }> {
  if (!isMultipartFormData(contentType)) {
    throw badRequest(
      'Yêu cầu tải lên phải có Content-Type multipart/form-data.',
      'An upload must be sent as multipart/form-data.',
      'content-type',
    );
  }
  if (!rawBody || rawBody.length === 0) throw malformedMultipart();
  const form = await parseMultipart(rawBody, contentType, UPLOAD_LIMITS);
  const fields = parseFields(form);
  const parts = form.files;
  for (const part of parts) {
    if (part.fieldName !== 'file') throw badRequest('Trường không được hỗ trợ.', 'Unsupported field.', part.fieldName);
  }
  if (parts.length === 0) throw badRequest('Chưa chọn tệp nào để tải lên.', 'No file was uploaded.');
  const files: AcceptedFile[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.bytes.length === 0) throw badRequest('Tệp rỗng.', 'The file is empty.', `file.${index}`);
    const detected = detectContentType(part.bytes);
    if (!detected || !declarationAgrees(detected, part.declaredType, part.fileName)) throw unsupportedType(index);
    const fileName = sanitiseFileName(part.fileName, EXTENSIONS[detected][0]);
    const problem = await structureProblem(detected, part.bytes);
    if (problem) throw malformedFile(index, fileName, detected, problem);
    files.push({
      fileName,
      contentType: detected,
      size: part.bytes.length,
      sha256: createHash('sha256').update(part.bytes).digest('hex'),
      bytes: part.bytes,
    });
  }
  return { fields, files };
}

function parseFields(form: MultipartForm): UploadFields {
  const raw: Record<string, string> = {};
  for (const { name, value } of form.fields) {
    if (Object.hasOwn(raw, name)) throw badRequest('Trường bị gửi hai lần.', 'The field was sent twice.', name);
    if (name === 'file') throw badRequest('Trường "file" phải là một tệp.', 'The "file" field must be a file.', name);
    raw[name] = value;
  }
  const parsed = UploadFields.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export async function postUploads(req: ApiRequest, deps: UploadDeps): Promise<Reply<'postUploads'>> {
  const caller = await getCaller(req);
  refuseKiosk(caller);
  const { fields, files } = await readUploadForm(req.rawBody, req.header('content-type'));
  const db = deps.db();
  const newBytes = files.reduce((sum, f) => sum + f.size, 0);
  const fitsQuota = (pending: { size: number }[]) =>
    pending.length + files.length <= UPLOAD_LIMITS.maxPendingUploads &&
    pending.reduce((sum, p) => sum + p.size, 0) + newBytes <= UPLOAD_LIMITS.maxPendingBytes;
  const sizesOf = (docs: QueryDocumentSnapshot[]) => docs.map((d) => ({ size: Number(d.get('size')) || 0 }));

  // A cheap check first, so an over-quota request usually writes no bytes at all; the transaction
  // below decides.
  const query = pendingUploadsQuery(db, caller.userId).select('size');
  if (!fitsQuota(sizesOf((await query.get()).docs))) throw pendingQuotaExceeded();

  const createdAt = deps.now();
  const stored = files.map((file) => {
    const uploadId = db.collection(UPLOADS).doc().id;
    return { ...file, uploadId, storagePath: storagePathOf(caller.userId, uploadId) };
  });
  // Bytes before documents: a document never points at missing bytes. If anything fails after
  // this, the bytes are removed again.
  try {
    await Promise.all(stored.map((f) => deps.files.put(f.storagePath, f.bytes, f.contentType)));
    await db.runTransaction(async (tx) => {
      // The query runs inside the transaction, so two concurrent uploads of one owner cannot both
      // squeeze under the limit.
      if (!fitsQuota(sizesOf((await tx.get(query)).docs))) throw pendingQuotaExceeded();
      for (const f of stored) {
        tx.create(db.collection(UPLOADS).doc(f.uploadId), {
          ownerUserId: caller.userId,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.size,
          sha256: f.sha256,
          storagePath: f.storagePath,
          createdAt,
          dossierId: null,
          draftId: fields.draftId ?? null,
          ...(deps.files.currentKeyId ? { encryptionKeyId: deps.files.currentKeyId() } : {}),
        });
      }
    });
  } catch (err) {
    await Promise.all(
      stored.map((f) => deps.files.delete(f.storagePath).catch((cleanupErr: unknown) => uploadLogs.cleanupFailed(f.storagePath, cleanupErr))),
    );
    throw err;
  }
  uploadLogs.stored(caller.userId, stored.map((f) => f.uploadId), newBytes);
  return {
    status: 201,
    body: {
      uploads: stored.map(({ uploadId, fileName, contentType, size, sha256 }) => ({ uploadId, fileName, contentType, size, sha256 })),
    },
  };
}
