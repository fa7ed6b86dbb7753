// Feedback and petitions (phản ánh, kiến nghị): the online form, what the desk records from the hotline
// and the feedback box, the officers' handling, the sender's own page (with the token of the receipt)
// and the public page of published answers. The sender's identity crosses the wire only to those
// handling the case.
import type { FeedbackCategory, FeedbackChannel, FeedbackDeadlineKind, FeedbackStatus } from '../domain/feedback/labels.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type FeedbackContactBody = { fullName?: string; phone?: string; email?: string };

export type FeedbackBody = {
  requestId: string;
  category: FeedbackCategory;
  subject: string;
  body: string;
  dossierCode?: string;
  agencyId?: string;
  /** Needed without sign-in: where the answer goes. */
  contact?: FeedbackContactBody;
};

export type RecordFeedbackBody = Omit<FeedbackBody, 'requestId'> & { requestId: string; channel: 'hotline' | 'paper' };

export type FeedbackDeadlinesView = { refuseBy: string; askInfoBy: string; answerBy: string; publishBy: string | null };

/** What the sender may see of their case (no officer names, no internal notes). */
export type FeedbackTrackView = {
  id: string;
  status: FeedbackStatus;
  statusLabel: Bilingual;
  category: FeedbackCategory;
  subject: string;
  receivedAt: string;
  deadlines: FeedbackDeadlinesView;
  infoQuestion: string | null;
  refusalReason: string | null;
  answer: string | null;
  answeredAt: string | null;
  rated: boolean;
};

export type FeedbackReceipt = { feedback: FeedbackTrackView; token: string; trackPath: string; duplicate?: true };

export type FeedbackSenderView = { uid: string | null; fullName: string | null; phone: string | null; email: string | null };

/** The whole case, for officers of the agency handling it. */
export type FeedbackCaseView = FeedbackTrackView & {
  version: number;
  channel: FeedbackChannel;
  body: string;
  agencyId: string;
  dossierCode: string | null;
  handlerId: string | null;
  recordedBy: string | null;
  infoSupplied: string | null;
  verified: boolean | null;
  publication: { question: string; answer: string; publishedAt: string } | null;
  /** Deadlines missed now (escalated by the sweep). */
  overdue: (FeedbackDeadlineKind | 'triage')[];
  /** Null for a reader who does not handle the case. */
  sender: FeedbackSenderView | null;
};

export type FeedbackCaseAnswer = { feedback: FeedbackCaseView; duplicate?: true };

/** One line of the officers' list (no sender, no text beyond the subject). */
export type FeedbackListItem = {
  id: string;
  status: FeedbackStatus;
  category: FeedbackCategory;
  channel: FeedbackChannel;
  agencyId: string;
  subject: string | null;
  receivedAt: string;
  nextDueAt: string | null;
  overdue: (FeedbackDeadlineKind | 'triage')[];
};
export type FeedbackListQuery = { state?: 'open' | 'answered' | 'closed' | 'all'; agencyId?: string };
export type FeedbackListAnswer = { items: FeedbackListItem[] };

export type FeedbackActionBody =
  | { type: 'classify'; category: FeedbackCategory; agencyId?: string; handlerId?: string }
  | { type: 'refuse'; reason: string }
  | { type: 'requestInfo'; question: string }
  | { type: 'supplyInfo'; info: string }
  | { type: 'answer'; answer: string; verified?: boolean }
  | { type: 'publish'; question: string; answer: string };
export type ActOnFeedbackBody = { requestId: string; expectedVersion: number; action: FeedbackActionBody };

export type SenderFeedbackBody = { requestId: string; token: string; action: { type: 'supplyInfo'; info: string } | { type: 'rate'; satisfied: boolean } };
export type TrackFeedbackAnswer = { feedback: FeedbackTrackView; duplicate?: true };

export type PublicFeedbackAnswer = { id: string; category: FeedbackCategory; agencyId: string; agencyName: Bilingual | null; question: string; answer: string; receivedAt: string; publishedAt: string };
export type PublicFeedbackAnswersQuery = { after?: string };
export type PublicFeedbackAnswersAnswer = { items: PublicFeedbackAnswer[]; next: string | null };
