// Who may be messaged at the contacts an applicant typed (issue 12, finding 12). An address or phone
// number typed into an application is not proof that the applicant holds it: anyone could have the
// province email or text a stranger, step after step, at its cost. So:
//  - a contact is verified when it is the owner's own account contact that Firebase Auth verified (an
//    email whose link was followed, the phone number of a phone sign-in), or when someone holding it
//    followed the confirmation link sent to it (`dossiers/{id}/private/contacts`);
//  - an unverified contact gets the dossier's first message only (its receipt), carrying that link, and
//    nothing after it until it is confirmed;
//  - every applicant contact gets at most RECIPIENT_LIMITS.perDay messages a day over all dossiers, and at
//    most RECIPIENT_LIMITS.unverifiedFirstPerDay first messages while unverified (counted at delivery,
//    deliver.ts), so neither many dossiers nor many accounts turn the service into a spam cannon.
import { createHash } from 'node:crypto';
import { normaliseContact, type ContactKind } from '../../domain/index.js';
import type { Channel } from './notification-request.js';

export const RECIPIENT_LIMITS = { perDay: 20, unverifiedFirstPerDay: 3 } as const;

/** The contact a channel reaches: SMS and Zalo both reach the phone. */
export function contactKindOf(channel: Channel): ContactKind | undefined {
  if (channel === 'email') return 'email';
  if (channel === 'sms' || channel === 'zalo') return 'phone';
  return undefined;
}

export type ContactDelivery = 'send' | 'sendWithConfirmation' | 'withhold';

/** What a message to an applicant's contact does: `firstMessage` is the dossier's creation (submit, intake). */
export function contactDelivery(verified: boolean, firstMessage: boolean): ContactDelivery {
  if (verified) return 'send';
  return firstMessage ? 'sendWithConfirmation' : 'withhold';
}

/** What the owner's account proves about contacts (Firebase Auth): a verified email, a signed-in phone. */
export type AccountContacts = { email?: string | undefined; emailVerified: boolean; phoneNumber?: string | undefined };

/** Whether a contact is verified, by the owner's account or by a confirmation on record. */
export function isVerifiedContact(kind: ContactKind, address: string, account: AccountContacts | undefined, confirmed: string | undefined): boolean {
  const mine = normaliseContact(kind, address);
  if (confirmed !== undefined && normaliseContact(kind, confirmed) === mine) return true;
  if (!account) return false;
  if (kind === 'email') return account.emailVerified && account.email !== undefined && normaliseContact('email', account.email) === mine;
  return account.phoneNumber !== undefined && normaliseContact('phone', account.phoneNumber) === mine;
}

/**
 * The key of a contact's daily count (`recipientLimits/{key}_{YYMMDD}`): a hash, so the counters do not
 * list addresses (the notification ledger holds them anyway, server-only).
 */
export function recipientLimitKey(kind: ContactKind, address: string): string {
  return createHash('sha256').update(`motcua/recipient/v1:${kind}:${normaliseContact(kind, address)}`).digest('hex').slice(0, 32);
}

export type RecipientUse = { count: number; firstContacts: number };

/** Whether one more message may go to the contact today. */
export function recipientLimitAllows(use: RecipientUse, verified: boolean): boolean {
  if (use.count >= RECIPIENT_LIMITS.perDay) return false;
  return verified || use.firstContacts < RECIPIENT_LIMITS.unverifiedFirstPerDay;
}
