// The notice and consents (Law 91/2025; Decree 356/2025):
//   GET /api/me/privacy           notice version acknowledged, consents, my requests, the access log of my files
//   PUT /api/me/notice            "I have read the notice" (first sign-in), with its version and time
//   PUT /api/me/consents/:purpose give or withdraw one consent: the same one request either way
// Every change of a consent is appended to users/{uid}/consentLog (the proof), and the current state is
// users/{uid}/consents/{purpose}; both in one transaction. Withdrawing `profile` erases the saved profile.
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { CONSENT_PURPOSE_TEXT, CONSENT_PURPOSES, PRIVACY_NOTICE_VERSION, type ConsentPurpose } from '../../domain/index.js';
import type { AccessLogEntry, ConsentBody, ConsentState, NoticeBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { userRef } from '../../store/identity.js';
import { ACCESS_LOGS, consentLogCollection, consentRef, DATA_REQUESTS } from '../../store/privacy.js';
import { revive } from '../../store/revive.js';
import { toRequestView } from './request-view.js';

export type PrivacyDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

// Consent counts only under the notice in force: a page showing an older text is told to reload.
const NoticeVersion = z
  .string()
  .max(40)
  .refine((v) => v === PRIVACY_NOTICE_VERSION, {
    error: `Thông báo đã được cập nhật (phiên bản ${PRIVACY_NOTICE_VERSION}); hãy tải lại trang để đọc bản mới / The notice has been updated (version ${PRIVACY_NOTICE_VERSION}); reload the page to read it`,
  });

export const ConsentRequest = z.strictObject({ granted: z.boolean().describe('Đồng ý hay rút lại / give or withdraw'), noticeVersion: NoticeVersion });
export const NoticeRequest = z.strictObject({ version: NoticeVersion });
export const PurposeParam = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES, { error: 'Không có mục đích xử lý này / no such purpose' }),
});
type _ConsentAgrees = Agrees<SameShape<z.input<typeof ConsentRequest>, ConsentBody>>;
type _NoticeAgrees = Agrees<SameShape<z.input<typeof NoticeRequest>, NoticeBody>>;

function stamp(value: unknown): string | undefined {
  const v = revive(value);
  return v instanceof Date ? v.toISOString() : undefined;
}

function consentState(data: Record<string, unknown> | undefined): ConsentState | undefined {
  const at = stamp(data?.at);
  if (!data || typeof data.granted !== 'boolean' || typeof data.noticeVersion !== 'string' || !at) return undefined;
  return { granted: data.granted, noticeVersion: data.noticeVersion, at };
}

/** GET /api/me/privacy */
export async function getPrivacy(req: ApiRequest, deps: PrivacyDeps): Promise<Reply<'getPrivacy'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const uid = caller.userId;
  const [user, consents, requests, accesses] = await Promise.all([
    userRef(deps.db, uid).get(),
    userRef(deps.db, uid).collection('consents').get(),
    deps.db.collection(DATA_REQUESTS).where('uid', '==', uid).get(),
    deps.db.collection(ACCESS_LOGS).where('subjectUid', '==', uid).orderBy('at', 'desc').limit(100).get(),
  ]);
  const acknowledged = user.get('noticeAcknowledged') as { version?: unknown; at?: unknown } | undefined;
  const ackAt = stamp(acknowledged?.at);
  const byPurpose: Partial<Record<ConsentPurpose, ConsentState>> = {};
  for (const doc of consents.docs) {
    const state = consentState(doc.data());
    if (state && (CONSENT_PURPOSES as readonly string[]).includes(doc.id)) byPurpose[doc.id as ConsentPurpose] = state;
  }
  const accessLog: AccessLogEntry[] = accesses.docs.map((d) => ({
    at: stamp(d.get('at')) ?? '',
    uploadId: String(d.get('uploadId')),
    fileName: String(d.get('fileName')),
    dossierId: (d.get('dossierId') as string | null) ?? null,
    actorRole: String(d.get('actorRole')),
    actorAgencyId: (d.get('actorAgencyId') as string | null) ?? null,
    self: d.get('actorUid') === uid,
  }));
  return {
    status: 200,
    headers: { 'Cache-Control': 'private, no-store' },
    body: {
      currentNoticeVersion: PRIVACY_NOTICE_VERSION,
      noticeAcknowledged: typeof acknowledged?.version === 'string' && ackAt ? { version: acknowledged.version, at: ackAt } : null,
      consents: byPurpose,
      requests: requests.docs.map((d) => toRequestView(d.id, d.data(), deps.now())).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)),
      accessLog,
    },
  };
}

/** PUT /api/me/notice — @idempotent by uid and version (a repeat keeps the first time). */
export async function acknowledgeNotice(req: ApiRequest, deps: PrivacyDeps): Promise<Reply<'acknowledgeNotice'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { version } = parseInput(NoticeRequest, req.body);
  const ref = userRef(deps.db, caller.userId);
  const at = await deps.db.runTransaction(async (tx) => {
    const previous = (await tx.get(ref)).get('noticeAcknowledged') as { version?: unknown; at?: unknown } | undefined;
    const previousAt = revive(previous?.at);
    if (previous?.version === version && previousAt instanceof Date) return previousAt;
    const now = deps.now();
    tx.set(ref, { noticeAcknowledged: { version, at: now } }, { merge: true });
    return now;
  });
  return { status: 200, body: { noticeAcknowledged: { version, at: at.toISOString() } } };
}

/**
 * PUT /api/me/consents/:purpose — giving and withdrawing are the same request. A repeat of the current
 * state changes nothing (and logs nothing): @idempotent by (uid, purpose, granted, noticeVersion).
 */
export async function putConsent(req: ApiRequest, deps: PrivacyDeps): Promise<Reply<'putConsent'>> {
  const caller = await deps.caller(req);
  if (caller.role !== 'citizen') throw new ApiError('permission-denied', { vi: 'Chỉ công dân quản lý sự đồng ý của mình.', en: 'Only citizens manage their consents.' });
  const { purpose } = parseInput(PurposeParam, req.params);
  const body = parseInput(ConsentRequest, req.body);
  const ref = consentRef(deps.db, caller.userId, purpose);
  const state = await deps.db.runTransaction(async (tx) => {
    const current = consentState((await tx.get(ref)).data());
    if (current && current.granted === body.granted && current.noticeVersion === body.noticeVersion) return current;
    const now = deps.now();
    const next = { granted: body.granted, noticeVersion: body.noticeVersion, at: now };
    tx.set(ref, next);
    tx.create(consentLogCollection(deps.db, caller.userId).doc(), { purpose, ...next });
    // Withdrawal takes effect at once: the profile kept on that basis goes.
    if (!body.granted && purpose === 'profile') tx.set(userRef(deps.db, caller.userId), { profile: FieldValue.delete() }, { merge: true });
    return { granted: next.granted, noticeVersion: next.noticeVersion, at: now.toISOString() };
  });
  return { status: 200, body: { purpose, consent: state, effect: body.granted ? null : CONSENT_PURPOSE_TEXT[purpose].effectOfWithdrawal } };
}
