// GET /api/feedback — the officers' list (their agency; monitors and admins province-wide, monitors
// without subjects). GET /api/feedback/{id} — the case and its sender, for those handling it. GET
// /api/feedback/{id}/track?t= — the sender's view with the token of their link. GET /api/feedback-answers
// — the public page: published questions and answers, without personal data.
import { z } from 'zod';
import { AgencyId, type FeedbackSender } from '../../domain/index.js';
import { invalidInput } from '../../platform/api-error.js';
import { permissionDenied, unauthenticated } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { readPublicAgencies } from '../../store/agencies.js';
import { revive } from '../../store/revive.js';
import { FEEDBACK, FEEDBACK_ANSWERS } from '../../store/rollups.js';
import { feedbackNotFound } from './act-feedback.handler.js';
import { handlesCase, OFFICER_ROLES, seesLists } from './feedback-access.js';
import { caseOf, caseView, feedbackRef, listItem, SenderDoc, senderRef, trackView } from './feedback-doc.js';
import { senderTokenMatches, type FeedbackDeps } from './feedback-deps.js';

const NO_STORE = { 'Cache-Control': 'no-store' };
const FeedbackIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const FeedbackListQuery = z.strictObject({
  state: z.enum(['open', 'answered', 'closed', 'all']).default('open').describe('Trạng thái / which cases'),
  agencyId: AgencyId.optional().describe('Cơ quan (giám sát, quản trị) / agency (monitors, admins)'),
});

const STATES = {
  open: ['received', 'inProgress', 'awaitingInfo'],
  answered: ['answered'],
  closed: ['refused', 'published'],
  all: ['received', 'inProgress', 'awaitingInfo', 'answered', 'refused', 'published'],
} as const;

export async function listFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'listFeedback'>> {
  const caller = await deps.findCaller(req);
  if (caller === undefined) throw unauthenticated();
  if (!seesLists(caller)) throw permissionDenied();
  const parsed = FeedbackListQuery.safeParse(req.query);
  if (!parsed.success) throw invalidInput(parsed.error);
  const officer = OFFICER_ROLES.has(caller.role);
  const agencyId = officer ? caller.agencyId : parsed.data.agencyId;
  let query = deps.db.collection(FEEDBACK).where('status', 'in', [...STATES[parsed.data.state]]);
  if (agencyId !== undefined) query = query.where('agencyId', '==', agencyId);
  // Index: status + agencyId + receivedAt (and status + receivedAt province-wide).
  const snap = await query.orderBy('receivedAt', 'desc').limit(100).get();
  const now = deps.now();
  const items = [];
  for (const doc of snap.docs) {
    try {
      items.push(listItem(caseOf(doc.data()), now, caller.role !== 'monitor'));
    } catch {
      logs.storedDocumentSkipped(`${FEEDBACK}/${doc.id}`, 'malformed feedback');
    }
  }
  return { status: 200, headers: NO_STORE, body: { items } };
}

export async function getFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'getFeedback'>> {
  const caller = await deps.findCaller(req);
  if (caller === undefined) throw unauthenticated();
  const id = FeedbackIdParam.safeParse(req.params.feedbackId);
  if (!id.success) throw feedbackNotFound();
  const [snap, senderSnap] = await Promise.all([feedbackRef(deps.db, id.data).get(), senderRef(deps.db, id.data).get()]);
  if (!snap.exists) throw feedbackNotFound();
  const c = caseOf(snap.data());
  if (!handlesCase(caller, c.agencyId)) {
    // A monitor knows cases exist (the lists) but reads neither their text nor their sender.
    if (caller.role === 'monitor') throw permissionDenied();
    throw feedbackNotFound();
  }
  const sender: FeedbackSender | null = senderSnap.exists ? SenderDoc.parse(senderSnap.data()) : null;
  return { status: 200, headers: NO_STORE, body: { feedback: caseView(c, sender, deps.now()) } };
}

export async function trackFeedback(req: ApiRequest, deps: FeedbackDeps): Promise<Reply<'trackFeedback'>> {
  const id = FeedbackIdParam.safeParse(req.params.feedbackId);
  const token = z.strictObject({ t: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).safeParse(req.query);
  if (!id.success || !token.success || !senderTokenMatches(id.data, token.data.t, deps.secret())) throw feedbackNotFound();
  const snap = await feedbackRef(deps.db, id.data).get();
  if (!snap.exists) throw feedbackNotFound();
  return { status: 200, headers: NO_STORE, body: { feedback: trackView(caseOf(snap.data())) } };
}

export const PublicAnswersQuery = z.strictObject({
  after: z.iso.datetime({ offset: true }).optional().describe('Trang sau: thời điểm công khai cuối cùng đã xem / next page: the last publication time seen'),
});

const StoredAnswer = z.object({ id: z.string(), category: z.string(), agencyId: z.string(), question: z.string(), answer: z.string(), receivedAt: z.date(), publishedAt: z.date() });
const PAGE = 20;

export async function publicFeedbackAnswers(req: ApiRequest, deps: Pick<FeedbackDeps, 'db'>): Promise<Reply<'publicFeedbackAnswers'>> {
  const parsed = PublicAnswersQuery.safeParse(req.query);
  if (!parsed.success) throw invalidInput(parsed.error);
  let query = deps.db.collection(FEEDBACK_ANSWERS).orderBy('publishedAt', 'desc');
  if (parsed.data.after) query = query.startAfter(new Date(parsed.data.after));
  const [snap, agencies] = await Promise.all([query.limit(PAGE).get(), readPublicAgencies(deps.db)]);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const items = [];
  for (const doc of snap.docs) {
    const a = StoredAnswer.safeParse(revive(doc.data()));
    if (!a.success) {
      logs.storedDocumentSkipped(`${FEEDBACK_ANSWERS}/${doc.id}`, 'malformed answer');
      continue;
    }
    const category = a.data.category as 'procedureRegulation' | 'staffConduct' | 'dossierDelay' | 'other';
    items.push({ id: a.data.id, category, agencyId: a.data.agencyId, agencyName: names.get(a.data.agencyId) ?? null, question: a.data.question, answer: a.data.answer, receivedAt: a.data.receivedAt.toISOString(), publishedAt: a.data.publishedAt.toISOString() });
  }
  const last = items.at(-1);
  return { status: 200, headers: { 'Cache-Control': 'public, max-age=60, s-maxage=60' }, body: { items, next: items.length === PAGE && last ? last.publishedAt : null } };
}
