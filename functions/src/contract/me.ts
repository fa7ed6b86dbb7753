// What a signed-in person sets about themselves: notification channels, inbox read marks, followed dossiers.
export type NotificationPrefsBody = { inApp?: boolean; email?: boolean; sms?: boolean; zalo?: boolean };
export type NotificationPrefsAnswer = { notificationPrefs: NotificationPrefsBody };
export type NotificationReadAnswer = { notification: { id: string; readAt: string } };
export type FollowBody = { follow: boolean };
export type FollowAnswer = { dossierId: string; following: boolean };
