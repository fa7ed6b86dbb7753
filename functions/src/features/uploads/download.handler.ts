// GET /api/uploads/:uploadId: the bytes of one upload, for its owner, for officers of an agency in
// the linked dossier's scope, and for admins. Monitors see statistics, not citizens' documents.
// Everyone else is told there is no such file, so ids cannot be probed.
import { z } from 'zod';
import type { Firestore } from 'firebase-admin/firestore';
import { EntityId } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { getCaller, type Caller } from '../../platform/auth.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { contentDisposition } from './file-name.js';
import { uploadLogs } from './upload-logs.js';
import { UploadRecord, UPLOADS } from '../../store/uploads.js';
import { accessLogEntry, logSensitiveAccess } from '../../store/privacy.js';

export type DownloadDeps = { db: () => Firestore; files: FileStore; now?: () => Date };

export const DownloadParams = z.strictObject({ uploadId: EntityId.describe('Mã tệp / upload id') });
export type DownloadParams = z.infer<typeof DownloadParams>;

const OFFICERS_IN_SCOPE = new Set<Caller['role']>(['receptionist', 'handler', 'lead']);

function noSuchFile(): ApiError {
  return new ApiError('not-found', { vi: 'Không tìm thấy tệp.', en: 'No such file.' });
}

/**
 * Sensitive files (an ID-card image, an authorisation: by component type, features/dossiers) are served
 * only to those who need them: the person who uploaded them and the officers handling the dossier — not
 * administrators or monitors, whose work does not need them.
 */
async function mayRead(db: Firestore, caller: Caller, record: UploadRecord): Promise<boolean> {
  if (caller.userId === record.ownerUserId) return true;
  if (caller.role === 'admin') return record.sensitive !== true;
  if (!OFFICERS_IN_SCOPE.has(caller.role) || !caller.agencyId || !record.dossierId) return false;
  const agencyIds: unknown = (await db.collection('dossiers').doc(record.dossierId).get()).get('agencyIds');
  return Array.isArray(agencyIds) && agencyIds.includes(caller.agencyId);
}

export async function getUpload(req: ApiRequest, deps: DownloadDeps): Promise<Reply<'getUpload'>> {
  const caller = await getCaller(req);
  const params = DownloadParams.safeParse(req.params);
  if (!params.success) throw invalidInput(params.error);
  const { uploadId } = params.data;
  const db = deps.db();
  const snap = await db.collection(UPLOADS).doc(uploadId).get();
  const record = UploadRecord.safeParse(snap.data());
  if (!record.success || !(await mayRead(db, caller, record.data))) throw noSuchFile();
  // Every opening of a sensitive file is logged before its bytes go out (who, when, which file); the data
  // subject sees the log on My dossiers. No log entry, no file.
  if (record.data.sensitive === true) {
    await logSensitiveAccess(db, accessLogEntry(caller, record.data.ownerUserId, { uploadId, fileName: record.data.fileName, dossierId: record.data.dossierId }, (deps.now ?? (() => new Date()))()));
  }
  const file = await deps.files.get(record.data.storagePath);
  if (!file) {
    uploadLogs.bytesMissing(uploadId, record.data.storagePath);
    throw noSuchFile();
  }
  return {
    status: 200,
    body: null,
    // The recorded type was detected from the content; the stored one is only a copy of it.
    raw: { bytes: file.bytes, contentType: record.data.contentType },
    headers: {
      'Content-Disposition': contentDisposition(record.data.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  };
}
