// Every change an administrator makes is recorded in the audit log (`auditLog/{id}`: who, when, what, the
// document before and after) and is safe to retry: the request's record (`adminRequests/{uid}_{requestId}`)
// keeps a fingerprint of what was asked and the first answer. Both are written in the same transaction as
// the change itself (or, for changes Firebase Auth makes, right after them), so there is never a change
// without its audit entry, nor an entry for a change that did not happen. The audit log is append-only:
// the server creates entries and never updates or deletes one; admins read it (firestore.rules, the API).
import type { DocumentData, DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import type { Bilingual } from '../domain/index.js';
import { ApiError } from '../platform/api-error.js';
import type { Caller } from '../platform/auth.js';
import { requestIdReused } from '../platform/conflicts.js';
import { fingerprint } from './event-chain.js';
import { revive } from './revive.js';

export const AUDIT_LOG = 'auditLog';
export const ADMIN_REQUESTS = 'adminRequests';
/** Request records only make retries safe; they may go after this (a TTL policy on `expiresAt`). */
const REQUEST_RECORD_DAYS = 30;

export type AuditTargetKind = 'agency' | 'officer' | 'procedure' | 'calendar' | 'branding' | 'ruleSetSettings';
export type AuditTarget = { kind: AuditTargetKind; id: string };

/** What one change records: a readable summary and the document (or claims) before and after. */
export type AuditRecord = { summary: Bilingual; before?: unknown; after?: unknown };

export type AdminRequest = {
  caller: Caller;
  requestId: string;
  /** What the administrator sent (the idempotency fingerprint). */
  fingerprintOf: unknown;
  /** A stable name of the change, e.g. `agency.save`, `officer.update`. */
  action: string;
  target: AuditTarget;
  now: Date;
};

/** `T` is the route's answer, which allows `duplicate: true` (set on a retry). */
export type AdminReply<T> = { status: number; body: T };

const entryId = (uid: string, requestId: string) => `${uid}_${requestId}`;
export const adminRequestRef = (db: Firestore, uid: string, requestId: string) => db.collection(ADMIN_REQUESTS).doc(entryId(uid, requestId));
export const auditRef = (db: Firestore, uid: string, requestId: string) => db.collection(AUDIT_LOG).doc(entryId(uid, requestId));

/** Firestore keeps no `undefined`: optional fields left out (nested values are the handlers' plain data). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function replayOf<T>(data: DocumentData | undefined, print: string): AdminReply<T> | undefined {
  if (data === undefined) return undefined;
  if (data.fingerprint !== print) throw requestIdReused();
  return { status: 200, body: { ...(revive(data.body) as object), duplicate: true } as T };
}

/** The first answer to this request, when it was already carried out (a retry); refuses a reused requestId. */
export async function priorAdminReply<T>(db: Firestore, req: Pick<AdminRequest, 'caller' | 'requestId' | 'fingerprintOf'>): Promise<AdminReply<T> | undefined> {
  const snap = await adminRequestRef(db, req.caller.userId, req.requestId).get();
  return replayOf<T>(snap.data(), fingerprint(req.fingerprintOf));
}

async function actorOf(db: Firestore, caller: Caller, tx?: Transaction) {
  const ref = db.doc(`users/${caller.userId}`);
  const snap = tx ? await tx.get(ref) : await ref.get();
  const name: unknown = snap.get('displayName');
  const email: unknown = snap.get('email');
  return withoutUndefined({
    userId: caller.userId,
    role: caller.role,
    displayName: typeof name === 'string' ? name : undefined,
    email: typeof email === 'string' ? email : undefined,
  });
}

function writeRecords<T>(db: Firestore, write: (ref: DocumentReference, data: DocumentData) => void, req: AdminRequest, actor: object, reply: AdminReply<T>, record: AuditRecord): void {
  const { caller, requestId, now } = req;
  write(adminRequestRef(db, caller.userId, requestId), {
    fingerprint: fingerprint(req.fingerprintOf),
    at: now,
    expiresAt: new Date(now.getTime() + REQUEST_RECORD_DAYS * 86_400_000),
    status: reply.status,
    body: reply.body,
  });
  write(
    auditRef(db, caller.userId, requestId),
    withoutUndefined({ at: now, actor, action: req.action, target: req.target, requestId, summary: record.summary, before: record.before ?? null, after: record.after ?? null }),
  );
}

/**
 * One administrative change in one transaction: the retry check, the change (`change` does its reads,
 * then its writes), the request record and the audit entry.
 * @idempotent by (caller uid, requestId): a retry returns the first answer and changes nothing; the same
 * requestId with a different request is refused (409 requestIdReused).
 */
export async function runAdminWrite<T>(
  db: Firestore,
  req: AdminRequest,
  change: (tx: Transaction) => Promise<{ status?: number; answer: T; audit: AuditRecord }>,
): Promise<AdminReply<T>> {
  const print = fingerprint(req.fingerprintOf);
  return db.runTransaction(async (tx) => {
    const prior = replayOf<T>((await tx.get(adminRequestRef(db, req.caller.userId, req.requestId))).data(), print);
    if (prior) return prior;
    const actor = await actorOf(db, req.caller, tx);
    const { status = 200, answer, audit } = await change(tx);
    const reply: AdminReply<T> = { status, body: answer };
    writeRecords(db, (ref, data) => tx.create(ref, data), req, actor, reply, audit);
    return reply;
  });
}

/**
 * Records a change made outside Firestore (Firebase Auth: claims, revocation, disabling), once it is done.
 * Two racing retries of one request both reach here: the second finds the records and returns the first
 * answer.
 */
export async function recordAdminWrite<T>(db: Firestore, req: AdminRequest, reply: AdminReply<T>, audit: AuditRecord): Promise<AdminReply<T>> {
  const actor = await actorOf(db, req.caller);
  const batch = db.batch();
  writeRecords(db, (ref, data) => batch.create(ref, data), req, actor, reply, audit);
  try {
    await batch.commit();
    return reply;
  } catch (err) {
    if ((err as { code?: number }).code !== 6) throw err; // 6 = ALREADY_EXISTS
    return (await priorAdminReply<T>(db, req)) ?? reply;
  }
}

/** When a document an administrator edits in place was last written: its concurrency token. */
export const updateTimeOf = (snap: DocumentSnapshot): string | null => snap.updateTime?.toDate().toISOString() ?? null;

/**
 * Refuses a save made from another state of the document than the one stored: someone saved it meanwhile
 * (or it was created when the caller meant to create it). The administrator reloads and saves again.
 */
export function checkUpdateTime(snap: DocumentSnapshot, expected: string | null): void {
  const actual = snap.exists ? updateTimeOf(snap) : null;
  if (actual === expected) return;
  throw new ApiError(
    'conflict',
    actual === null
      ? { vi: 'Mục này chưa có (có thể vừa bị xoá). Vui lòng tải lại.', en: 'This item does not exist (it may have just been removed). Please reload.' }
      : expected === null
        ? { vi: 'Mục này đã có. Vui lòng tải lại và sửa bản hiện có.', en: 'This item already exists. Please reload and edit the existing one.' }
        : { vi: 'Người khác vừa lưu thay đổi của mục này. Vui lòng tải lại rồi sửa lại.', en: 'Someone else has just saved this item. Please reload and make your change again.' },
    [],
    { reason: 'staleDocument' },
  );
}
