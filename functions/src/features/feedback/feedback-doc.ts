// How a feedback case is stored and shown. `feedback/{id}` holds the case without the sender's identity;
// `feedback/{id}/private/sender` holds the identity; `feedbackAnswers/{id}` the published question and
// answer (no personal data: the officer rewrites both). Views are built field by field, so a stored field
// added later is never shown by accident.
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  FEEDBACK_STATUS_LABELS,
  FeedbackCategory,
  FeedbackChannel,
  FeedbackStatus,
  missedDeadlines,
  nextDueOf,
  type FeedbackCase,
  type FeedbackRollup,
  type FeedbackSender,
} from '../../domain/index.js';
import type { FeedbackCaseView, FeedbackListItem, FeedbackTrackView } from '../../contract/index.js';
import { revive } from '../../store/revive.js';
import { FEEDBACK, liveId, monthOf, ROLLUPS, rollupId, weekOf } from '../../store/rollups.js';

const D = z.date();
const Nullable = <T extends z.ZodType>(t: T) => t.nullable().default(null);

/** The stored case (server-written; parsed so a malformed document is refused rather than shown). */
export const StoredFeedback = z.object({
  id: z.string(),
  version: z.number().int(),
  status: FeedbackStatus,
  channel: FeedbackChannel,
  category: FeedbackCategory,
  agencyId: z.string(),
  subject: z.string(),
  body: z.string(),
  dossierCode: Nullable(z.string()),
  receivedAt: D,
  recordedBy: Nullable(z.string()),
  handlerId: Nullable(z.string()),
  deadlines: z.object({ refuseBy: D, askInfoBy: D, answerBy: D, publishBy: Nullable(D) }),
  infoRequest: Nullable(z.object({ question: z.string(), at: D, onTime: z.boolean() })),
  infoSupplied: Nullable(z.object({ info: z.string(), at: D })),
  refusal: Nullable(z.object({ reason: z.string(), at: D, by: z.string(), onTime: z.boolean() })),
  answer: Nullable(z.object({ text: z.string(), at: D, by: z.string(), onTime: z.boolean(), verified: z.boolean().nullable() })),
  publication: Nullable(z.object({ question: z.string(), answer: z.string(), at: D, by: z.string(), onTime: z.boolean() })),
  senderRating: Nullable(z.object({ satisfied: z.boolean(), at: D })),
  updatedAt: D,
});

export function caseOf(data: unknown): FeedbackCase {
  return StoredFeedback.parse(revive(data));
}

export const feedbackRef = (db: Firestore, id: string) => db.collection(FEEDBACK).doc(id);
export const senderRef = (db: Firestore, id: string) => feedbackRef(db, id).collection('private').doc('sender');

/** The case as stored, with the fields the sweep and the lists query on. */
export function storedOf(c: FeedbackCase): Record<string, unknown> {
  return { ...c, nextDueAt: nextDueOf(c), open: c.status === 'received' || c.status === 'inProgress' || c.status === 'awaitingInfo' };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function trackView(c: FeedbackCase): FeedbackTrackView {
  return {
    id: c.id,
    status: c.status,
    statusLabel: FEEDBACK_STATUS_LABELS[c.status],
    category: c.category,
    subject: c.subject,
    receivedAt: c.receivedAt.toISOString(),
    deadlines: { refuseBy: c.deadlines.refuseBy.toISOString(), askInfoBy: c.deadlines.askInfoBy.toISOString(), answerBy: c.deadlines.answerBy.toISOString(), publishBy: iso(c.deadlines.publishBy) },
    infoQuestion: c.status === 'awaitingInfo' ? (c.infoRequest?.question ?? null) : null,
    refusalReason: c.refusal?.reason ?? null,
    answer: c.answer?.text ?? null,
    answeredAt: iso(c.answer?.at),
    rated: c.senderRating !== null,
  };
}

export function caseView(c: FeedbackCase, sender: FeedbackSender | null, now: Date): FeedbackCaseView {
  return {
    ...trackView(c),
    version: c.version,
    channel: c.channel,
    body: c.body,
    agencyId: c.agencyId,
    dossierCode: c.dossierCode,
    handlerId: c.handlerId,
    recordedBy: c.recordedBy,
    infoSupplied: c.infoSupplied?.info ?? null,
    verified: c.answer?.verified ?? null,
    publication: c.publication ? { question: c.publication.question, answer: c.publication.answer, publishedAt: c.publication.at.toISOString() } : null,
    overdue: missedDeadlines(c, now).map((m) => m.kind),
    sender: sender ? { uid: sender.uid, fullName: sender.fullName, phone: sender.phone, email: sender.email } : null,
  };
}

/** One line of a list. Monitors see it without the subject (a sender may write personal data there). */
export function listItem(c: FeedbackCase, now: Date, withSubject: boolean): FeedbackListItem {
  return {
    id: c.id,
    status: c.status,
    category: c.category,
    channel: c.channel,
    agencyId: c.agencyId,
    subject: withSubject ? c.subject : null,
    receivedAt: c.receivedAt.toISOString(),
    nextDueAt: iso(nextDueOf(c)),
    overdue: missedDeadlines(c, now).map((m) => m.kind),
  };
}

export const SenderDoc = z.object({ uid: z.string().nullable(), fullName: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() });

/**
 * A step's counters in the agency's month and week (`feedback.*` of the period documents) and its gauges in
 * `rollups/{agencyId}_live`, as blind increments in the step's transaction.
 */
export function writeFeedbackRollups(db: Firestore, tx: Transaction, rollups: readonly FeedbackRollup[], at: Date): void {
  for (const r of rollups) {
    const counters = Object.entries(r.counters).filter(([, n]) => n !== 0);
    if (counters.length > 0) {
      for (const period of [monthOf(at), weekOf(at)]) {
        tx.set(
          db.collection(ROLLUPS).doc(rollupId(r.agencyId, period)),
          { agencyId: r.agencyId, period, kind: period.includes('-W') ? 'week' : 'month', feedback: Object.fromEntries(counters.map(([k, n]) => [k, FieldValue.increment(n)])), updatedAt: FieldValue.serverTimestamp() },
          { merge: true },
        );
      }
    }
    const gauges = Object.entries(r.gauges).filter(([, n]) => n !== 0);
    if (gauges.length > 0) {
      tx.set(db.collection(ROLLUPS).doc(liveId(r.agencyId)), { agencyId: r.agencyId, period: 'live', kind: 'live', ...Object.fromEntries(gauges.map(([k, n]) => [k, FieldValue.increment(n)])), updatedAt: FieldValue.serverTimestamp() }, { merge: true });
    }
  }
}
