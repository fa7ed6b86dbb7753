// What the feedback handlers need, and the loads they share: the case's time context (calendar, the
// agency's hours, the configured deadlines), the sender's token, the agency a new case goes to.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { signLookupToken, verifyLookupToken, type TimeContext } from '../../domain/index.js';
import type { ApiRequest } from '../../platform/http-router.js';
import type { Caller } from '../../platform/auth.js';
import { readPublicAgencies } from '../../store/agencies.js';
import { evaluationSettings, findAgency, workingCalendar, workingHoursOf } from '../../store/reference-data.js';

export type FeedbackDeps = {
  db: Firestore;
  now: () => Date;
  /** LOOKUP_TOKEN_SECRET: signs the sender's link to their case. */
  secret: () => string;
  findCaller: (req: ApiRequest) => Promise<Caller | undefined>;
  /** Anonymous senders share the lookup's per-client quota. */
  limitPerMinute: number;
  /** PUBLIC_ORIGIN, for the link in the messages to the sender. */
  origin: () => string;
};

export async function timeContext(db: Firestore, agencyId: string): Promise<TimeContext> {
  const [calendar, hours, settings] = await Promise.all([workingCalendar(db), workingHoursOf(db, agencyId), evaluationSettings(db)]);
  return { calendar, hours, days: settings.feedbackDeadlines };
}

/** The sender's token: the lookup token's HMAC over a name no dossier id can take (ids have no colon). */
export const senderToken = (feedbackId: string, secret: string) => signLookupToken(`feedback:${feedbackId}`, secret);
export const senderTokenMatches = (feedbackId: string, token: string, secret: string) => verifyLookupToken(`feedback:${feedbackId}`, token, secret);
export const trackPathOf = (feedbackId: string, token: string) => `/phan-anh/theo-doi/${feedbackId}?t=${token}`;

/** A case id derived from who sent it and their request id: a retried submission finds its case. */
export function feedbackIdOf(sender: string, requestId: string): string {
  return createHash('sha256').update(`feedback\u0000${sender}\u0000${requestId}`).digest('base64url').slice(0, 20);
}

/**
 * The agency responsible for a new case: the one named (if it exists), else the desk that received the
 * dossier named, else the fallback (the desk that recorded a call), else the province's one-stop centre
 * (a province-level agency with a desk).
 */
export async function responsibleAgency(db: Firestore, named: string | undefined, dossierCode: string | undefined, fallback?: string): Promise<string | undefined> {
  if (named !== undefined && (await findAgency(db, named)) !== undefined) return named;
  if (dossierCode !== undefined) {
    const found = (await db.collection('dossiers').where('code', '==', dossierCode).limit(1).get()).docs[0];
    const agency = found?.get('receivingAgencyId') as unknown;
    if (typeof agency === 'string') return agency;
  }
  if (fallback !== undefined) return fallback;
  const agencies = await readPublicAgencies(db);
  return agencies.find((a) => a.level === 'province' && a.hasOneStopDesk)?.id;
}
