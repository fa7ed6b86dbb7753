// Personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the notice and consents, the person's own
// requests (export, correction, deletion), the officer queue, and the access log of sensitive files.
import type { ConsentPurpose } from '../domain/privacy/notice.js';
import type { DataRequestAction, DataRequestKind, DataRequestStatus } from '../domain/privacy/data-request-facts.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type ConsentState = { granted: boolean; noticeVersion: string; at: string };

/** PUT /api/me/consents/:purpose — give or withdraw, under the notice version the person saw. */
export type ConsentBody = { granted: boolean; noticeVersion: string };
export type ConsentAnswer = { purpose: ConsentPurpose; consent: ConsentState; effect: Bilingual | null };

/** PUT /api/me/notice — the person has read the notice of this version (first sign-in). */
export type NoticeBody = { version: string };
export type NoticeAnswer = { noticeAcknowledged: { version: string; at: string } };

/** One opening of a sensitive file about the person: who (role and agency, not the officer's name), when, which. */
export type AccessLogEntry = { at: string; uploadId: string; fileName: string; dossierId: string | null; actorRole: string; actorAgencyId: string | null; self: boolean };

export type DataRequestView = {
  id: string;
  kind: DataRequestKind;
  details: string;
  status: DataRequestStatus;
  receivedAt: string;
  replyDueAt: string;
  completeDueAt: string;
  repliedAt: string | null;
  reply: string | null;
  extendedAt: string | null;
  extensionReason: string | null;
  closedAt: string | null;
  outcome: string | null;
  replyLate: boolean;
  completeLate: boolean;
};

/** GET /api/me/privacy — everything the privacy section of My dossiers shows. */
export type PrivacyAnswer = {
  currentNoticeVersion: string;
  noticeAcknowledged: { version: string; at: string } | null;
  consents: Partial<Record<ConsentPurpose, ConsentState>>;
  requests: DataRequestView[];
  accessLog: AccessLogEntry[];
};

/** POST /api/me/data-requests */
export type DataRequestBody = { requestId: string; kind: DataRequestKind; details: string };
export type DataRequestAnswer = { request: DataRequestView; duplicate?: true };

/** GET /api/privacy/data-requests — the officer queue (administrators), oldest deadline first, each with the actions it allows now. */
export type DataRequestQueueAnswer = { requests: (DataRequestView & { uid: string; allowedActions: DataRequestAction[] })[] };

/** POST /api/privacy/data-requests/:requestId/actions */
export type DataRequestActionBody = { type: DataRequestAction; message: string };
export type DataRequestActionAnswer = { request: DataRequestView; allowedActions: DataRequestAction[]; erased?: { account: boolean; documents: number; files: number } };
