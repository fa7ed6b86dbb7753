// POST /api/feedback/{id}/actions — an officer of the agency handling a case takes a step (classify and
// assign, refuse, ask for more, record the information, answer, publish). POST
// /api/feedback/{id}/sender-actions — the sender, with the token of their link, adds the information asked
// for or rates the answer. Each step is one transaction: the case, the agency's counters, the messages to
// the sender, the published answer and, for a verified complaint about staff, the dossier's index 7.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { decideFeedback, OfficerFeedbackAction, SenderFeedbackAction, type FeedbackActor, type FeedbackCase, type FeedbackSender } from '../../domain/index.js';
import type { ActOnFeedbackBody, FeedbackCaseAnswer, SenderFeedbackBody, TrackFeedbackAnswer } from '../../contract/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { unauthenticated } from '../../platform/auth.js';
import { requestIdReused } from '../../platform/conflicts.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { RequestId } from '../../platform/request-id.js';
import { fingerprint } from '../../store/event-chain.js';
import { revive } from '../../store/revive.js';
import { DOSSIER_FACTS, FEEDBACK_ANSWERS, ROLLUPS, rollupId } from '../../store/rollups.js';
import { handlesCase } from './feedback-access.js';
import { caseOf, caseView, feedbackRef, SenderDoc, senderRef, storedOf, trackView, writeFeedbackRollups } from './feedback-doc.js';
import { senderToken, senderTokenMatches, timeContext, trackPathOf, type FeedbackDeps } from './feedback-deps.js';
import { queueSenderMessages, senderMessage } from './notify-sender.js';

export const ActOnFeedbackRequest = z.strictObject({
  requestId: RequestId,
  expectedVersion: z.number().int().min(1).describe('Phiên bản đang xem / version you saw'),
  action: OfficerFeedbackAction,
});
export const SenderFeedbackRequest = z.strictObject({
  requestId: RequestId,
  token: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).describe('Mã theo dõi / tracking token'),
  action: SenderFeedbackAction,
});
type _ActAgrees = Agrees<SameShape<z.input<typeof ActOnFeedbackRequest>, ActOnFeedbackBody>>;
type _SenderAgrees = Agrees<SameShape<z.input<typeof SenderFeedbackRequest>, SenderFeedbackBody>>;

const NO_STORE = { 'Cache-Control': 'no-store' };
const FeedbackIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export function feedbackNotFound(): ApiError {
  return new ApiError('not-found', { vi: 'Không tìm thấy phản ánh.', en: 'Feedback not found.' });
}

function staleVersion(expected: number, current: FeedbackCase): ApiError {
  return new ApiError(
    'conflict',
    {
      vi: `Phản ánh đã được cập nhật bởi thao tác khác (phiên bản ${current.version}, bạn gửi ${expected}). Vui lòng tải lại.`,
      en: `The feedback was changed by another step (version ${current.version}, you sent ${expected}). Please reload.`,
    },
    [],
    { reason: 'staleVersion', currentVersion: current.version, currentStatus: current.status },
  );
}

type Step = {
  id: string;
  actor: FeedbackActor;
  action: z.infer<typeof OfficerFeedbackAction> | z.infer<typeof SenderFeedbackAction>;
  requestKey: string;
  print: string;
  expectedVersion?: number;
  /** May this caller act on (and learn about) the case of that agency? */
  allowed: (c: FeedbackCase) => boolean;
};

type Done = { duplicate: boolean; case: FeedbackCase; sender: FeedbackSender | null; body?: unknown };

async function runStep(deps: FeedbackDeps, step: Step, origin: string): Promise<Done> {
  const { db } = deps;
  const ref = feedbackRef(db, step.id);
  const first = await ref.get();
  if (!first.exists) throw feedbackNotFound();
  const before = caseOf(first.data());
  if (!step.allowed(before)) throw feedbackNotFound();
  const ctx = await timeContext(db, before.agencyId);
  // A verified complaint names a dossier: find its drill-down facts (index 7 to correct) before the transaction.
  const factsRef =
    step.action.type === 'answer' && step.action.verified === true && before.dossierCode !== null
      ? (await db.collection(DOSSIER_FACTS).where('code', '==', before.dossierCode).limit(1).get()).docs[0]?.ref
      : undefined;
  const requestRef = ref.collection('requests').doc(step.requestKey);
  const now = deps.now();
  return db.runTransaction(async (tx): Promise<Done> => {
    const [snap, requestSnap, senderSnap, factsSnap] = await tx.getAll(ref, requestRef, senderRef(db, step.id), ...(factsRef ? [factsRef] : []));
    const sender = senderSnap!.exists ? SenderDoc.parse(senderSnap!.data()) : null;
    const current = caseOf(snap!.data());
    if (requestSnap!.exists) {
      if (requestSnap!.get('fingerprint') !== step.print) throw requestIdReused();
      return { duplicate: true, case: current, sender, body: revive(requestSnap!.get('body')) };
    }
    if (!step.allowed(current)) throw feedbackNotFound();
    if (step.expectedVersion !== undefined && step.expectedVersion !== current.version) throw staleVersion(step.expectedVersion, current);
    const decision = decideFeedback(current, step.action, step.actor, now, ctx);
    if (!decision.ok) throw new ApiError(decision.code, decision.message, [], { currentStatus: current.status, currentVersion: current.version });
    const next = decision.next;
    // Merged: the sweep's `escalations` stay.
    tx.set(ref, storedOf(next), { merge: true });
    if (next.agencyId !== current.agencyId && sender) tx.set(senderRef(db, step.id), { agencyId: next.agencyId }, { merge: true });
    writeFeedbackRollups(db, tx, decision.rollups, now);
    if (decision.tellSender && sender) {
      const token = senderToken(next.id, deps.secret());
      queueSenderMessages(db, tx, next, sender, senderMessage(decision.tellSender, next, `${origin}${trackPathOf(next.id, token)}`), now);
    }
    if (step.action.type === 'publish' && next.publication) {
      tx.set(db.collection(FEEDBACK_ANSWERS).doc(next.id), {
        id: next.id,
        category: next.category,
        agencyId: next.agencyId,
        question: next.publication.question,
        answer: next.publication.answer,
        receivedAt: next.receivedAt,
        publishedAt: next.publication.at,
      });
    }
    if (factsSnap?.exists && next.answer?.verified) correctIndex7(db, tx, factsSnap);
    const body = step.actor.kind === 'sender' ? { feedback: trackView(next) } : { feedback: caseView(next, sender, now) };
    tx.create(requestRef, { fingerprint: step.print, body, createdAt: now });
    return { duplicate: false, case: next, sender, body };
  });
}

/**
 * A verified complaint about staff on a dossier already scored: its Circular 01 index 7 becomes 0, so the
 * score it added is taken back from the periods it was counted in. Once per dossier (`c01.index7Verified`).
 */
function correctIndex7(db: Firestore, tx: Transaction, facts: FirebaseFirestore.DocumentSnapshot): void {
  const c01 = facts.get('c01') as { index7?: number; periods?: string[]; legacy?: boolean; index7Verified?: boolean } | undefined;
  if (!c01 || c01.index7Verified || typeof c01.index7 !== 'number') return;
  const agencyId = facts.get('agencyId') as string;
  if (c01.index7 > 0) {
    for (const period of c01.periods ?? []) {
      const minus = FieldValue.increment(-c01.index7);
      tx.set(db.collection(ROLLUPS).doc(rollupId(agencyId, period)), { indexSums: { index7: minus }, ...(c01.legacy ? { legacyIndexSums: { index7: minus } } : {}) }, { merge: true });
    }
  }
  tx.set(facts.ref, { c01: { index7: 0, index7Verified: true } }, { merge: true });
}

/** @idempotent by (officer, requestId): `feedback/{id}/requests/{uid}_{requestId}` holds the first answer. */
export async function actOnFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'actOnFeedback'>> {
  const caller = await deps.findCaller(req);
  if (caller === undefined) throw unauthenticated();
  const id = FeedbackIdParam.safeParse(req.params.feedbackId);
  if (!id.success) throw feedbackNotFound();
  const parsed = ActOnFeedbackRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const { requestId, expectedVersion, action } = parsed.data;
  const done = await runStep(
    deps,
    {
      id: id.data,
      actor: { kind: 'officer', role: caller.role, uid: caller.userId, agencyId: caller.agencyId },
      action,
      requestKey: `${caller.userId}_${requestId}`,
      print: fingerprint({ expectedVersion, action }),
      expectedVersion,
      allowed: (c) => handlesCase(caller, c.agencyId),
    },
    deps.origin(),
  );
  if (!done.duplicate) logs.feedbackStep(id.data, action.type, done.case.agencyId);
  const body = done.body as FeedbackCaseAnswer;
  return { status: 200, headers: NO_STORE, body: done.duplicate ? { ...body, duplicate: true } : body };
}

/** @idempotent by (case, requestId): `feedback/{id}/requests/sender_{requestId}`. */
export async function senderFeedbackAction(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'senderFeedbackAction'>> {
  const id = FeedbackIdParam.safeParse(req.params.feedbackId);
  const parsed = SenderFeedbackRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  if (!id.success || !senderTokenMatches(id.data, parsed.data.token, deps.secret())) throw feedbackNotFound();
  const { requestId, action } = parsed.data;
  const done = await runStep(
    deps,
    { id: id.data, actor: { kind: 'sender' }, action, requestKey: `sender_${requestId}`, print: fingerprint({ action }), allowed: () => true },
    deps.origin(),
  );
  if (!done.duplicate) logs.feedbackStep(id.data, `sender:${action.type}`, done.case.agencyId);
  const body = done.body as TrackFeedbackAnswer;
  return { status: 200, headers: NO_STORE, body: done.duplicate ? { ...body, duplicate: true } : body };
}
