// Data subject requests: a person asks for a correction or the deletion of their data (POST
// /api/me/data-requests); the data protection officer (an administrator) works the queue (GET
// /api/privacy/data-requests) and answers (POST …/:requestId/actions: reply, extend once, complete,
// refuse). Deadlines from the domain (2 working days to reply, 15 days to complete, one 15-day
// extension); the sweep flags late ones (features/sweep/data-request-watch.ts). Completing a deletion
// erases the account and everything not under an archiving duty (erase.ts) and says what was kept.
import { createHash } from 'node:crypto';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  allowedDataRequestActions,
  DATA_REQUEST_ACTIONS,
  DATA_REQUEST_KINDS,
  dataRequestDeadlines,
  DELETION_SCOPE,
  extendedDeadline,
  PlainText,
  type DataRequestStatus,
} from '../../domain/index.js';
import type { DataRequestAction, DataRequestActionBody, DataRequestBody, DataRequestView } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, requireVerifiedEmail, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { FileStore } from '../../platform/file-store/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { DATA_REQUESTS, dataRequestRef } from '../../store/privacy.js';
import { workingCalendar } from '../../store/reference-data.js';
import { revive } from '../../store/revive.js';
import { eraseAccount } from './erase.js';
import { toRequestView } from './request-view.js';

export type DataRequestDeps = { db: Firestore; auth: Auth; files: FileStore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

export const DataRequestRequest = z.strictObject({
  requestId: RequestId,
  kind: z.enum(DATA_REQUEST_KINDS, { error: 'Chọn yêu cầu chỉnh sửa hoặc xóa / choose correction or deletion' }),
  details: PlainText(2000).describe('Nội dung yêu cầu / what you ask for'),
});
export const DataRequestActionRequest = z.strictObject({
  type: z.enum(DATA_REQUEST_ACTIONS),
  message: PlainText(2000).describe('Trả lời người yêu cầu / answer to the requester'),
});
export const RequestIdParam = z.strictObject({ requestId: z.string().regex(/^[a-f0-9]{24}$/, 'Không có yêu cầu này / no such request') });
type _RequestAgrees = Agrees<SameShape<z.input<typeof DataRequestRequest>, DataRequestBody>>;
type _ActionAgrees = Agrees<SameShape<z.input<typeof DataRequestActionRequest>, DataRequestActionBody>>;

/** The same person and requestId always name the same request: a retried POST finds it. */
const requestDocId = (uid: string, requestId: string) => createHash('sha256').update(`${uid}\n${requestId}`).digest('hex').slice(0, 24);

/** POST /api/me/data-requests — @idempotent by (uid, requestId). */
export async function postDataRequest(req: ApiRequest, deps: DataRequestDeps): Promise<Reply<'postDataRequest'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['citizen']);
  requireVerifiedEmail(caller);
  const body = parseInput(DataRequestRequest, req.body);
  const ref = dataRequestRef(deps.db, requestDocId(caller.userId, body.requestId));
  const calendar = await workingCalendar(deps.db);
  const now = deps.now();
  const created = await deps.db.runTransaction(async (tx) => {
    const existing = await tx.get(ref);
    if (existing.exists) return false;
    tx.create(ref, { uid: caller.userId, kind: body.kind, details: body.details, status: 'open', receivedAt: now, ...dataRequestDeadlines(now, calendar) });
    return true;
  });
  const snap = await ref.get();
  if (!created && (snap.get('uid') !== caller.userId || snap.get('kind') !== body.kind || snap.get('details') !== body.details)) {
    throw new ApiError('conflict', { vi: 'Mã yêu cầu đã được dùng cho một yêu cầu khác.', en: 'This requestId was used for another request.' }, [], { reason: 'requestIdReused' });
  }
  const request = toRequestView(ref.id, snap.data()!, now);
  return { status: created ? 201 : 200, body: created ? { request } : { request, duplicate: true } };
}

/** GET /api/privacy/data-requests — open and replied requests, the nearest deadline first (administrators). */
export async function listDataRequests(req: ApiRequest, deps: DataRequestDeps): Promise<Reply<'listDataRequests'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const snap = await deps.db.collection(DATA_REQUESTS).where('status', 'in', ['open', 'replied']).limit(500).get();
  const now = deps.now();
  const requests = snap.docs
    .map((d) => {
      const view = toRequestView(d.id, d.data(), now);
      return { ...view, uid: String(d.get('uid')), allowedActions: allowedFor(view) };
    })
    .sort((a, b) => (a.status === 'open' ? a.replyDueAt : a.completeDueAt).localeCompare(b.status === 'open' ? b.replyDueAt : b.completeDueAt));
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { requests } };
}

/** The actions a request allows now, from its view (the queue shows only these; the domain decides). */
function allowedFor(view: DataRequestView): DataRequestAction[] {
  return allowedDataRequestActions({ status: view.status, ...(view.repliedAt ? { repliedAt: new Date(view.repliedAt) } : {}), ...(view.extendedAt ? { extendedAt: new Date(view.extendedAt) } : {}) });
}

function refused(status: DataRequestStatus, allowed: string[]): ApiError {
  return new ApiError(
    'conflict',
    { vi: 'Yêu cầu đang ở trạng thái không cho phép thao tác này.', en: 'The request’s status does not allow this action.' },
    [],
    { reason: 'actionNotAllowed', currentStatus: status, allowedActions: allowed },
  );
}

/**
 * POST /api/privacy/data-requests/:requestId/actions. Each action is one transaction; `complete` on a
 * deletion first erases (every step idempotent, so a retry after a failure finishes the job) and only
 * then closes the request, so a closed deletion request always means the data is gone.
 */
export async function actOnDataRequest(req: ApiRequest, deps: DataRequestDeps): Promise<Reply<'actOnDataRequest'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const { requestId } = parseInput(RequestIdParam, req.params);
  const body = parseInput(DataRequestActionRequest, req.body);
  const ref = dataRequestRef(deps.db, requestId);
  const first = await ref.get();
  if (!first.exists) throw new ApiError('not-found', { vi: 'Không có yêu cầu này.', en: 'No such request.' });
  const stored = revive(first.data()!) as { uid: string; kind: string; status: DataRequestStatus; repliedAt?: Date; extendedAt?: Date };
  const allowed = allowedDataRequestActions(stored);
  if (!allowed.includes(body.type)) throw refused(stored.status, allowed);
  let erased: { account: boolean; documents: number; files: number } | undefined;
  if (body.type === 'complete' && stored.kind === 'deletion') erased = await eraseAccount(deps, stored.uid);
  const now = deps.now();
  await deps.db.runTransaction(async (tx) => {
    const current = revive((await tx.get(ref)).data()!) as typeof stored & { completeDueAt: Date };
    const stillAllowed = allowedDataRequestActions(current);
    if (!stillAllowed.includes(body.type)) throw refused(current.status, stillAllowed);
    switch (body.type) {
      case 'reply':
        tx.update(ref, { status: 'replied', repliedAt: now, reply: body.message, repliedBy: caller.userId });
        break;
      case 'extend':
        tx.update(ref, { extendedAt: now, extensionReason: body.message, completeDueAt: extendedDeadline(current.completeDueAt), ...(current.repliedAt ? {} : { status: 'replied', repliedAt: now, reply: body.message }) });
        break;
      case 'complete':
        tx.update(ref, {
          status: 'completed',
          closedAt: now,
          outcome: stored.kind === 'deletion' ? `${body.message}\n${DELETION_SCOPE.erased.vi} ${DELETION_SCOPE.kept.vi}` : body.message,
          closedBy: caller.userId,
          ...(current.repliedAt ? {} : { repliedAt: now, reply: body.message }),
          ...(erased ? { erased } : {}),
        });
        break;
      case 'refuse':
        tx.update(ref, { status: 'refused', closedAt: now, outcome: body.message, closedBy: caller.userId, ...(current.repliedAt ? {} : { repliedAt: now, reply: body.message }) });
        break;
    }
  });
  const after = await ref.get();
  const view = toRequestView(ref.id, after.data()!, now);
  return {
    status: 200,
    body: { request: view, allowedActions: allowedFor(view), ...(erased ? { erased } : {}) },
  };
}
