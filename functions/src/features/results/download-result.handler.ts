// GET /api/dossiers/:dossierId/results/:resultId — the signed result's PDF: for the officers in scope (and
// admins) at any time, for the applicant once the desk has returned it (Decree 118 Art. 22: returned
// online on the portal). Anyone else learns nothing, not even that the dossier exists.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { applicantSeesResults, dossierAccess, DossierStatus, EntityId } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { parseInput } from '../../platform/parse.js';
import { dossierRef } from '../../store/dossiers.js';
import { parseResult, resultRef } from '../../store/results.js';

export type DownloadResultDeps = { db: Firestore; files: FileStore; caller: (req: ApiRequest) => Promise<Caller> };

export const DownloadResultParams = z.strictObject({
  dossierId: EntityId,
  resultId: z.string().regex(/^[0-9a-f]{20}$/, 'Mã kết quả gồm 20 ký tự hex / result id is 20 hex characters').describe('Mã kết quả / result id'),
});

const noSuchResult = () => new ApiError('not-found', { vi: 'Không tìm thấy kết quả.', en: 'No such result.' });

export async function downloadResult(req: ApiRequest, deps: DownloadResultDeps): Promise<Reply<'downloadResult'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const params = parseInput(DownloadResultParams, req.params);
  const [dossierSnap, resultSnap] = await deps.db.getAll(dossierRef(deps.db, params.dossierId), resultRef(deps.db, params.dossierId, params.resultId));
  if (!dossierSnap!.exists || !resultSnap!.exists) throw noSuchResult();
  const dossier = z.object({ ownerUserId: z.string().optional(), agencyIds: z.array(z.string()), status: DossierStatus }).parse(dossierSnap!.data());
  if (dossierAccess(dossier, caller) !== 'personal') throw noSuchResult();
  if (caller.role === 'citizen' && !applicantSeesResults(dossier)) throw noSuchResult();
  const record = parseResult(resultSnap!.data());
  if (!record) throw noSuchResult();
  const file = await deps.files.get(record.storagePath);
  if (!file) {
    logs.unexpectedError(`results/${params.dossierId}/${params.resultId}`, new Error('stored result bytes are missing'));
    throw noSuchResult();
  }
  if (createHash('sha256').update(file.bytes).digest('hex') !== record.sha256) {
    logs.unexpectedError(`results/${params.dossierId}/${params.resultId}`, new Error('stored result bytes do not match their hash'));
    throw new ApiError('internal', { vi: 'Kết quả lưu trữ bị hỏng.', en: 'The stored result is damaged.' });
  }
  const name = `ket-qua-${record.documentCode.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;
  return {
    status: 200,
    body: null,
    raw: { bytes: file.bytes, contentType: 'application/pdf' },
    headers: { 'Content-Disposition': `inline; filename="${name}"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
  };
}
