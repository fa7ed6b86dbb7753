// A user's notification channels: citizens and officers choose in-app, email and SMS.
import type { Firestore } from 'firebase-admin/firestore';
import { invalidInput } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { NotificationPrefs } from './notification-request.js';

export type PreferencesDeps = { db: Firestore; caller: (req: ApiRequest) => Promise<Caller> };

/**
 * `PUT /api/me/notification-preferences` with `{ inApp?, email?, sms? }` (strict).
 * @idempotent by caller: the same body writes the same `users/{uid}.notificationPrefs`.
 */
export async function putNotificationPreferences(req: ApiRequest, deps: PreferencesDeps): Promise<Reply<'putNotificationPreferences'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const parsed = NotificationPrefs.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  // Only this field is merged: the rest of users/{uid} mirrors the Auth claims and is not the user's to set.
  await deps.db.doc(`users/${caller.userId}`).set({ notificationPrefs: parsed.data }, { merge: true });
  return { status: 200, body: { notificationPrefs: parsed.data } };
}
