// What a signed-in person sets about themselves: notification channels, inbox read marks, followed dossiers.
import type { Bilingual } from '../domain/shared/bilingual.js';
import type { DossierStatusName } from '../domain/dossier/status-info.js';
export type NotificationPrefsBody = { inApp?: boolean; email?: boolean; sms?: boolean; zalo?: boolean };
export type NotificationPrefsAnswer = { notificationPrefs: NotificationPrefsBody };
export type NotificationReadAnswer = { notification: { id: string; readAt: string } };
export type FollowBody = { follow: boolean };
export type FollowAnswer = { dossierId: string; following: boolean };

/**
 * GET /api/me/dossiers: the signed-in person's own dossiers (filed by them, or on their behalf for their
 * account), newest first, a page at a time. What "Hồ sơ của tôi" shows at first paint, before (and without)
 * the Firestore SDK: the live listener only takes over after the page is usable.
 */
export type MyDossiersQuery = { limit?: string; after?: string };
export type MyDossierItem = {
  id: string;
  code: string | null;
  version: number;
  status: DossierStatusName;
  procedure: { code: string; name: Bilingual };
  createdAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  supplement: { requestedAt: string; submittedAt: string | null } | null;
  stopRequest: { requestedAt: string; confirmedAt: string | null } | null;
};
/** `nextAfter`: the cursor of the next page (pass it as `after`), null on the last page. */
export type MyDossiersAnswer = { items: MyDossierItem[]; nextAfter: string | null };
