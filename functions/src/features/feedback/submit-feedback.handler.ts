// POST /api/feedback — feedback from the online form: signed in (the account is the sender) or anonymous
// with a phone or email for the answer. POST /api/desk/feedback — a desk officer records a hotline call or
// a note from the feedback box. Either way the case goes to the agency responsible, with its deadlines,
// in one transaction with the agency's counters; the sender gets a link (with a token) to follow it.
import type { z } from 'zod';
import { FeedbackRecordInput, FeedbackSubmission, openFeedback, type FeedbackCase, type FeedbackSender } from '../../domain/index.js';
import type { FeedbackBody, FeedbackReceipt, RecordFeedbackBody } from '../../contract/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { permissionDenied, unauthenticated } from '../../platform/auth.js';
import { requestIdReused } from '../../platform/conflicts.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { clientAddress, clientKey, consumeLookupQuota, rateLimited } from '../../platform/rate-limit.js';
import { RequestId } from '../../platform/request-id.js';
import { fingerprint } from '../../store/event-chain.js';
import { caseOf, feedbackRef, senderRef, storedOf, trackView, writeFeedbackRollups } from './feedback-doc.js';
import { feedbackIdOf, responsibleAgency, senderToken, timeContext, trackPathOf, type FeedbackDeps } from './feedback-deps.js';
import { OFFICER_ROLES } from './feedback-access.js';

export const SubmitFeedbackRequest = FeedbackSubmission.extend({ requestId: RequestId });
export const RecordFeedbackRequest = FeedbackRecordInput.extend({ requestId: RequestId });
type _SubmitAgrees = Agrees<SameShape<z.input<typeof SubmitFeedbackRequest>, FeedbackBody>>;
type _RecordAgrees = Agrees<SameShape<z.input<typeof RecordFeedbackRequest>, RecordFeedbackBody>>;

const NO_STORE = { 'Cache-Control': 'no-store' };

function noAgency(): ApiError {
  return new ApiError('conflict', { vi: 'Chưa có cơ quan tiếp nhận phản ánh.', en: 'No agency receives feedback yet.' });
}

type Opening = {
  sender: string;
  requestId: string;
  input: z.infer<typeof SubmitFeedbackRequest>;
  channel: FeedbackCase['channel'];
  recordedBy: string | null;
  senderDoc: FeedbackSender;
  fallbackAgency?: string | undefined;
};

async function open(deps: FeedbackDeps, o: Opening): Promise<Reply<'submitFeedback'>> {
  const { db } = deps;
  const agencyId = await responsibleAgency(db, o.input.agencyId, o.input.dossierCode, o.fallbackAgency);
  if (agencyId === undefined) throw noAgency();
  const id = feedbackIdOf(o.sender, o.requestId);
  const print = fingerprint({ ...o.input, requestId: null, channel: o.channel });
  const ctx = await timeContext(db, agencyId);
  const now = deps.now();
  const token = senderToken(id, deps.secret());
  const result = await db.runTransaction(async (tx) => {
    const ref = feedbackRef(db, id);
    const snap = await tx.get(ref);
    if (snap.exists) {
      if (snap.get('requestFingerprint') !== print) throw requestIdReused();
      return { duplicate: true as const, data: snap.data() };
    }
    const opened = openFeedback({
      id,
      channel: o.channel,
      category: o.input.category,
      agencyId,
      subject: o.input.subject,
      body: o.input.body,
      dossierCode: o.input.dossierCode ?? null,
      recordedBy: o.recordedBy,
      now,
      ctx,
    });
    tx.create(ref, { ...storedOf(opened.case), requestFingerprint: print });
    tx.create(senderRef(db, id), { ...o.senderDoc, agencyId });
    writeFeedbackRollups(db, tx, [opened.rollup], now);
    return { duplicate: false as const, case: opened.case };
  });
  const c = result.duplicate ? caseOf(result.data) : result.case;
  if (!result.duplicate) logs.feedbackStep(id, `opened:${o.channel}`, agencyId);
  const body: FeedbackReceipt = { feedback: trackView(c), token, trackPath: trackPathOf(id, token), ...(result.duplicate ? { duplicate: true as const } : {}) };
  return { status: result.duplicate ? 200 : 201, headers: NO_STORE, body };
}

/** @idempotent by (sender, requestId): the case id is derived from them; a retry returns the same receipt. */
export async function submitFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'submitFeedback'>> {
  const caller = await deps.findCaller(req);
  if (caller !== undefined && caller.role !== 'citizen') {
    throw new ApiError('permission-denied', {
      vi: 'Cán bộ ghi nhận phản ánh qua đường dây nóng, hòm thư tại mục Tiếp nhận phản ánh; biểu mẫu này dành cho người dân.',
      en: 'Officers record hotline and feedback-box entries through the desk; this form is for the public.',
    });
  }
  if (caller === undefined) {
    const quota = await consumeLookupQuota(deps.db, clientKey(clientAddress(req), deps.secret()), deps.now(), deps.limitPerMinute);
    if (!quota.allowed) {
      const err = rateLimited(quota.retryAfterSeconds);
      return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
    }
  }
  const parsed = SubmitFeedbackRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  if (caller === undefined && input.contact === undefined) {
    throw new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' }, [
      { path: 'contact', message: { vi: 'Gửi không đăng nhập thì cho biết số điện thoại hoặc email để nhận trả lời', en: 'without signing in, give a phone number or an email for the answer' } },
    ]);
  }
  const contact = input.contact;
  return open(deps, {
    sender: caller?.userId ?? 'anonymous',
    requestId: input.requestId,
    input,
    channel: 'online',
    recordedBy: null,
    senderDoc: { uid: caller?.userId ?? null, fullName: contact?.fullName ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null },
  });
}

/** @idempotent by (officer, requestId), as above. */
export async function recordFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'recordFeedback'>> {
  const caller = await deps.findCaller(req);
  if (caller === undefined) throw unauthenticated();
  if (!OFFICER_ROLES.has(caller.role) || caller.agencyId === undefined) throw permissionDenied();
  const parsed = RecordFeedbackRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const { channel, ...input } = parsed.data;
  const contact = input.contact;
  return open(deps, {
    sender: `officer:${caller.userId}`,
    requestId: input.requestId,
    input,
    channel,
    recordedBy: caller.userId,
    senderDoc: { uid: null, fullName: contact?.fullName ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null },
    // A call about nothing in particular stays with the desk that took it.
    fallbackAgency: caller.agencyId,
  });
}
