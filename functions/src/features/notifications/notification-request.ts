// The input contract: outbox documents `notificationRequests/{id}` written by the lifecycle service (one per
// transition, audience `applicant`; audience `reception` for an online dossier the desk must take up) and
// by the deadline sweep (audience `officers`, explicit recipients).
import { z } from 'zod';
import type { NotificationPrefsBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

export const NotificationRequest = z.looseObject({
  dossierId: z.string().min(1),
  /** Transition requests: the dossier version the event produced. */
  version: z.number().int().min(1).optional(),
  /** Sweep requests: the task id they belong to. */
  key: z.string().min(1).optional(),
  eventType: z.string().min(1),
  at: z.date(),
  state: z.string(),
  audience: z.enum(['applicant', 'officers', 'reception']),
  /** `reception`: the desk whose receptionists are told. */
  receivingAgencyId: z.string().min(1).optional(),
  ownerUserId: z.string().nullable().optional(),
  recipientUids: z.array(z.string()).optional(),
  dueAt: z.date().nullable().optional(),
  level: z.number().int().nullable().optional(),
});
export type NotificationRequest = z.infer<typeof NotificationRequest>;

/** A user's channel choices (`users/{uid}.notificationPrefs`). Unset channels take the default. */
export const NotificationPrefs = z.strictObject({
  inApp: z.boolean().optional().describe('Thông báo trong ứng dụng / in-app inbox'),
  email: z.boolean().optional().describe('Thư điện tử / email'),
  sms: z.boolean().optional().describe('Tin nhắn SMS / text message'),
  zalo: z.boolean().optional().describe('Tin nhắn Zalo (ZNS) / Zalo message'),
});
export type NotificationPrefs = z.infer<typeof NotificationPrefs>;

export const CHANNELS = ['inApp', 'email', 'sms', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];

type _PrefsAgrees = Agrees<SameShape<z.input<typeof NotificationPrefs>, NotificationPrefsBody>>;
