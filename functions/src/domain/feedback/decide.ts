// The feedback case and what each step does to it: who may take it, the state it leads to, whether it was
// done within its deadline, and the counters it moves in the agency's roll-ups. Pure: the handler loads the
// case and the calendar, this decides, the handler persists case, roll-ups and outbox in one transaction.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import type { Role } from '../lifecycle/actor.js';
import { bi, type Bilingual } from '../shared/bilingual.js';
import { PlainText, UserId } from '../shared/primitives.js';
import { deadlinesFrom, doneOnTime, workingDaysAfter, type DeadlineMiss, type FeedbackDeadlines, type TimeContext } from './deadlines.js';
import { FeedbackCategory } from './feedback.js';
import type { FeedbackCategory as Category, FeedbackChannel, FeedbackStatus } from './labels.js';

export type FeedbackCase = {
  readonly id: string;
  readonly version: number;
  readonly status: FeedbackStatus;
  readonly channel: FeedbackChannel;
  readonly category: Category;
  readonly agencyId: string;
  readonly subject: string;
  readonly body: string;
  readonly dossierCode: string | null;
  readonly receivedAt: Date;
  /** The desk officer who keyed in a hotline call or a paper note; null online. */
  readonly recordedBy: string | null;
  readonly handlerId: string | null;
  readonly deadlines: FeedbackDeadlines;
  readonly infoRequest: { readonly question: string; readonly at: Date; readonly onTime: boolean } | null;
  readonly infoSupplied: { readonly info: string; readonly at: Date } | null;
  readonly refusal: { readonly reason: string; readonly at: Date; readonly by: string; readonly onTime: boolean } | null;
  readonly answer: { readonly text: string; readonly at: Date; readonly by: string; readonly onTime: boolean; readonly verified: boolean | null } | null;
  readonly publication: { readonly question: string; readonly answer: string; readonly at: Date; readonly by: string; readonly onTime: boolean } | null;
  readonly senderRating: { readonly satisfied: boolean; readonly at: Date } | null;
  readonly updatedAt: Date;
};

export const ClassifyFeedback = z.strictObject({
  type: z.literal('classify'),
  category: FeedbackCategory,
  agencyId: AgencyId.optional().describe('Chuyển cơ quan có trách nhiệm / assign to the responsible agency'),
  handlerId: UserId.optional().describe('Cán bộ xử lý / officer handling it'),
});
export const RefuseFeedback = z.strictObject({ type: z.literal('refuse'), reason: PlainText(2000).describe('Lý do không tiếp nhận / reason') });
export const RequestFeedbackInfo = z.strictObject({ type: z.literal('requestInfo'), question: PlainText(2000).describe('Thông tin cần bổ sung / what is needed') });
export const SupplyFeedbackInfo = z.strictObject({ type: z.literal('supplyInfo'), info: PlainText(5000).describe('Thông tin bổ sung / the information') });
export const AnswerFeedback = z.strictObject({
  type: z.literal('answer'),
  answer: PlainText(5000).describe('Nội dung trả lời / answer'),
  verified: z.boolean().optional().describe('Phản ánh về cán bộ đã được xác minh là đúng / complaint about staff verified'),
});
export const PublishFeedback = z.strictObject({
  type: z.literal('publish'),
  question: PlainText(2000).describe('Nội dung phản ánh, đã bỏ thông tin cá nhân / the question without personal data'),
  answer: PlainText(5000).describe('Câu trả lời, đã bỏ thông tin cá nhân / the answer without personal data'),
});
export const RateFeedbackAnswer = z.strictObject({ type: z.literal('rate'), satisfied: z.boolean().describe('Hài lòng với câu trả lời / satisfied with the answer') });

export const FeedbackAction = z.discriminatedUnion('type', [ClassifyFeedback, RefuseFeedback, RequestFeedbackInfo, SupplyFeedbackInfo, AnswerFeedback, PublishFeedback, RateFeedbackAnswer]);
export type FeedbackAction = z.infer<typeof FeedbackAction>;
/** What officers send (the sender's own steps, supplyInfo and rate, go through the sender's token). */
export const OfficerFeedbackAction = z.discriminatedUnion('type', [ClassifyFeedback, RefuseFeedback, RequestFeedbackInfo, SupplyFeedbackInfo, AnswerFeedback, PublishFeedback]);
export const SenderFeedbackAction = z.discriminatedUnion('type', [SupplyFeedbackInfo, RateFeedbackAnswer]);

/** Who acts: an officer (role and agency from the claims) or the sender holding the case's token. */
export type FeedbackActor = { readonly kind: 'officer'; readonly role: Role; readonly uid: string; readonly agencyId: string | undefined } | { readonly kind: 'sender' };

/** Counters of the agency's roll-ups (`feedback.*`) and its live gauges (`feedbackOpen`, `feedbackUnpublished`). */
export type FeedbackCounter =
  | 'received' | 'refused' | 'refusedOnTime' | 'infoRequested' | 'infoRequestedOnTime' | 'answered' | 'answeredOnTime'
  | 'published' | 'publishedOnTime' | 'rated' | 'satisfied' | 'verifiedComplaints';
export type FeedbackGauge = 'feedbackOpen' | 'feedbackUnpublished';
export type FeedbackRollup = { readonly agencyId: string; readonly counters: Partial<Record<FeedbackCounter, number>>; readonly gauges: Partial<Record<FeedbackGauge, number>> };

export type FeedbackDecision =
  | { readonly ok: true; readonly next: FeedbackCase; readonly rollups: readonly FeedbackRollup[]; readonly tellSender: 'refused' | 'infoRequested' | 'answered' | null }
  | { readonly ok: false; readonly code: 'permission-denied' | 'conflict'; readonly message: Bilingual };

const OPEN: readonly FeedbackStatus[] = ['received', 'inProgress', 'awaitingInfo'];
const OFFICERS: readonly Role[] = ['receptionist', 'handler', 'lead'];

/** A new case: received now (or when the call came in), with its deadlines. */
export function openFeedback(input: {
  id: string;
  channel: FeedbackChannel;
  category: Category;
  agencyId: string;
  subject: string;
  body: string;
  dossierCode: string | null;
  recordedBy: string | null;
  now: Date;
  ctx: TimeContext;
}): { case: FeedbackCase; rollup: FeedbackRollup } {
  const c: FeedbackCase = {
    id: input.id,
    version: 1,
    status: 'received',
    channel: input.channel,
    category: input.category,
    agencyId: input.agencyId,
    subject: input.subject,
    body: input.body,
    dossierCode: input.dossierCode,
    receivedAt: input.now,
    recordedBy: input.recordedBy,
    handlerId: null,
    deadlines: deadlinesFrom(input.now, input.ctx),
    infoRequest: null,
    infoSupplied: null,
    refusal: null,
    answer: null,
    publication: null,
    senderRating: null,
    updatedAt: input.now,
  };
  return { case: c, rollup: { agencyId: input.agencyId, counters: { received: 1 }, gauges: { feedbackOpen: 1 } } };
}

const denied = (vi: string, en: string): FeedbackDecision => ({ ok: false, code: 'permission-denied', message: { vi, en } });
const notNow = (c: FeedbackCase, vi: string, en: string): FeedbackDecision => ({ ok: false, code: 'conflict', message: { vi: `${vi} (trạng thái hiện tại: ${c.status})`, en: `${en} (current status: ${c.status})` } });

function permission(c: FeedbackCase, action: FeedbackAction, actor: FeedbackActor): FeedbackDecision | undefined {
  if (action.type === 'rate') return actor.kind === 'sender' ? undefined : denied('Chỉ người gửi đánh giá câu trả lời.', 'Only the sender rates the answer.');
  if (actor.kind === 'sender') {
    return action.type === 'supplyInfo' ? undefined : denied('Người gửi chỉ bổ sung thông tin hoặc đánh giá câu trả lời.', 'The sender may only add information or rate the answer.');
  }
  if (!OFFICERS.includes(actor.role) || actor.agencyId !== c.agencyId) {
    return denied('Chỉ cán bộ của cơ quan được giao xử lý phản ánh này.', 'Only officers of the agency assigned this feedback may handle it.');
  }
  const leadOnly = action.type === 'publish' || (action.type === 'answer' && action.verified === true);
  if (leadOnly && actor.role !== 'lead') {
    return denied('Lãnh đạo cơ quan xác minh phản ánh về cán bộ và công khai câu trả lời.', 'The agency lead verifies complaints about staff and publishes answers.');
  }
  return undefined;
}

/**
 * One step of a case. Deadlines are judged at the step's time: a refusal after 2 working days, a request
 * for information after 5, an answer after 15 (counted again from the day the information came), a
 * publication after 2 from the answer are done but late, and counted so.
 */
export function decideFeedback(c: FeedbackCase, action: FeedbackAction, actor: FeedbackActor, now: Date, ctx: TimeContext): FeedbackDecision {
  const refused = permission(c, action, actor);
  if (refused) return refused;
  const by = actor.kind === 'officer' ? actor.uid : 'sender';
  const base = { version: c.version + 1, updatedAt: now };
  const stay = (counters: FeedbackRollup['counters'], gauges: FeedbackRollup['gauges'] = {}): FeedbackRollup[] => [{ agencyId: c.agencyId, counters, gauges }];
  switch (action.type) {
    case 'classify': {
      if (!OPEN.includes(c.status)) return notNow(c, 'Phản ánh đã kết thúc xử lý', 'The feedback is no longer open');
      const agencyId = action.agencyId ?? c.agencyId;
      const moved = agencyId !== c.agencyId;
      const next: FeedbackCase = {
        ...c,
        ...base,
        category: action.category,
        agencyId,
        // A case handed to another agency leaves its officer behind.
        handlerId: action.handlerId ?? (moved ? null : c.handlerId),
        status: c.status === 'received' ? 'inProgress' : c.status,
      };
      const rollups = moved
        ? [{ agencyId: c.agencyId, counters: {}, gauges: { feedbackOpen: -1 } }, { agencyId, counters: {}, gauges: { feedbackOpen: 1 } }]
        : [];
      return { ok: true, next, rollups, tellSender: null };
    }
    case 'refuse': {
      if (!OPEN.includes(c.status)) return notNow(c, 'Chỉ từ chối phản ánh đang xử lý', 'Only open feedback can be refused');
      const onTime = doneOnTime(now, c.deadlines.refuseBy);
      return {
        ok: true,
        next: { ...c, ...base, status: 'refused', refusal: { reason: action.reason, at: now, by, onTime } },
        rollups: stay({ refused: 1, ...(onTime ? { refusedOnTime: 1 } : {}) }, { feedbackOpen: -1 }),
        tellSender: 'refused',
      };
    }
    case 'requestInfo': {
      if (c.status !== 'received' && c.status !== 'inProgress') return notNow(c, 'Chỉ đề nghị bổ sung khi đang xử lý', 'More information can be asked only while handling');
      if (c.infoRequest !== null) return notNow(c, 'Chỉ đề nghị bổ sung thông tin một lần', 'More information may be asked only once');
      const onTime = doneOnTime(now, c.deadlines.askInfoBy);
      return {
        ok: true,
        next: { ...c, ...base, status: 'awaitingInfo', infoRequest: { question: action.question, at: now, onTime } },
        rollups: stay({ infoRequested: 1, ...(onTime ? { infoRequestedOnTime: 1 } : {}) }),
        tellSender: 'infoRequested',
      };
    }
    case 'supplyInfo': {
      if (c.status !== 'awaitingInfo') return notNow(c, 'Không có đề nghị bổ sung thông tin đang chờ', 'No request for information is waiting');
      // The answer is due 15 working days from the day the information arrived.
      const deadlines = { ...c.deadlines, answerBy: workingDaysAfter(now, ctx.days.answer, ctx) };
      return { ok: true, next: { ...c, ...base, status: 'inProgress', infoSupplied: { info: action.info, at: now }, deadlines }, rollups: [], tellSender: null };
    }
    case 'answer': {
      if (c.status !== 'received' && c.status !== 'inProgress') return notNow(c, 'Chỉ trả lời phản ánh đang xử lý', 'Only feedback being handled can be answered');
      const onTime = doneOnTime(now, c.deadlines.answerBy);
      const verified = c.category === 'staffConduct' ? (action.verified ?? false) : null;
      return {
        ok: true,
        next: {
          ...c,
          ...base,
          status: 'answered',
          answer: { text: action.answer, at: now, by, onTime, verified },
          deadlines: { ...c.deadlines, publishBy: workingDaysAfter(now, ctx.days.publish, ctx) },
        },
        rollups: stay({ answered: 1, ...(onTime ? { answeredOnTime: 1 } : {}), ...(verified ? { verifiedComplaints: 1 } : {}) }, { feedbackOpen: -1, feedbackUnpublished: 1 }),
        tellSender: 'answered',
      };
    }
    case 'publish': {
      if (c.status !== 'answered') return notNow(c, 'Chỉ công khai câu trả lời đã gửi', 'Only a sent answer can be published');
      const onTime = doneOnTime(now, c.deadlines.publishBy);
      return {
        ok: true,
        next: { ...c, ...base, status: 'published', publication: { question: action.question, answer: action.answer, at: now, by, onTime } },
        rollups: stay({ published: 1, ...(onTime ? { publishedOnTime: 1 } : {}) }, { feedbackUnpublished: -1 }),
        tellSender: null,
      };
    }
    case 'rate': {
      if (c.status !== 'answered' && c.status !== 'published') return notNow(c, 'Chỉ đánh giá sau khi có câu trả lời', 'The answer can be rated once it is sent');
      if (c.senderRating !== null) return notNow(c, 'Câu trả lời đã được đánh giá', 'The answer has already been rated');
      return {
        ok: true,
        next: { ...c, ...base, senderRating: { satisfied: action.satisfied, at: now } },
        rollups: stay({ rated: 1, ...(action.satisfied ? { satisfied: 1 } : {}) }),
        tellSender: null,
      };
    }
  }
}

/**
 * The deadlines a case has missed at `now`: not triaged within the refusal period (still `received`),
 * not answered in time (open), not published in time (answered). Awaiting the sender's information stops
 * the answer clock. The sweep escalates each one once.
 */
export function missedDeadlines(c: Pick<FeedbackCase, 'status' | 'deadlines'>, now: Date): DeadlineMiss[] {
  const past = (d: Date | null): d is Date => d !== null && d.getTime() < now.getTime();
  const out: DeadlineMiss[] = [];
  if (c.status === 'received' && past(c.deadlines.refuseBy)) out.push({ kind: 'triage', dueAt: c.deadlines.refuseBy });
  if ((c.status === 'received' || c.status === 'inProgress') && past(c.deadlines.answerBy)) out.push({ kind: 'answer', dueAt: c.deadlines.answerBy });
  if (c.status === 'answered' && past(c.deadlines.publishBy)) out.push({ kind: 'publish', dueAt: c.deadlines.publishBy });
  return out;
}

/** The next deadline the sweep must look at (indexed field `nextDueAt`); null when none is pending. */
export function nextDueOf(c: Pick<FeedbackCase, 'status' | 'deadlines'>): Date | null {
  const pending: (Date | null)[] =
    c.status === 'received' ? [c.deadlines.refuseBy, c.deadlines.answerBy] : c.status === 'inProgress' ? [c.deadlines.answerBy] : c.status === 'answered' ? [c.deadlines.publishBy] : [];
  const dates = pending.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  return dates[0] ?? null;
}

export const FEEDBACK_NOT_FOUND = bi('Không tìm thấy phản ánh', 'no such feedback');
