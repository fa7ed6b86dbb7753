// The in-app inbox: an `inApp` notification document is the entry itself; its recipient marks it read.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { NOTIFICATIONS } from './fan-out.js';

export type InboxDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

/** Notification ids are 40 hex characters (fan-out.ts `notificationId`). */
const NotificationIdParam = z.strictObject({
  notificationId: z.string().regex(/^[0-9a-f]{40}$/, 'Mã thông báo không hợp lệ / invalid notification id'),
});

const notFound = () =>
  new ApiError('not-found', { vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' });

/**
 * `POST /api/me/notifications/:notificationId/read` — marks one inbox entry read.
 * @idempotent the first `readAt` is kept; marking again answers the same. Someone else's notification is
 * a 404, as if it did not exist.
 */
export async function markNotificationRead(req: ApiRequest, deps: InboxDeps): Promise<Reply<'markNotificationRead'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const parsed = NotificationIdParam.safeParse(req.params);
  if (!parsed.success) throw invalidInput(parsed.error);
  const ref = deps.db.collection(NOTIFICATIONS).doc(parsed.data.notificationId);
  const readAt = await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists || snap.get('recipientUid') !== caller.userId || snap.get('channel') !== 'inApp') throw notFound();
    const existing = snap.get('readAt') as { toDate(): Date } | null | undefined;
    if (existing) return existing.toDate();
    const now = deps.now();
    tx.update(ref, { readAt: now });
    return now;
  });
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { notification: { id: ref.id, readAt: readAt.toISOString() } } };
}
