import { describe, expect, it } from 'vitest';
import { contactDelivery, contactKindOf, isVerifiedContact, recipientLimitAllows, recipientLimitKey, RECIPIENT_LIMITS } from './contact-policy.js';

describe('contact policy (issue 12, finding 12)', () => {
  it('an unverified contact gets the first message, with the confirmation link, and nothing after', () => {
    expect(contactDelivery(false, true)).toBe('sendWithConfirmation');
    expect(contactDelivery(false, false)).toBe('withhold');
    expect(contactDelivery(true, false)).toBe('send');
    expect(contactDelivery(true, true)).toBe('send');
  });

  it('SMS and Zalo reach the phone, email the address, the inbox no contact', () => {
    expect([contactKindOf('email'), contactKindOf('sms'), contactKindOf('zalo'), contactKindOf('inApp')]).toEqual(['email', 'phone', 'phone', undefined]);
  });

  it('verified: confirmed for this dossier, or the owner’s own verified account contact', () => {
    const account = { email: 'Hoa@Example.vn', emailVerified: true, phoneNumber: '+84912345678' };
    expect(isVerifiedContact('email', 'hoa@example.vn', account, undefined)).toBe(true);
    expect(isVerifiedContact('email', 'hoa@example.vn', { ...account, emailVerified: false }, undefined)).toBe(false);
    expect(isVerifiedContact('email', 'victim@example.vn', account, undefined)).toBe(false);
    expect(isVerifiedContact('phone', '0912 345 678', account, undefined)).toBe(true);
    expect(isVerifiedContact('phone', '0987654321', account, undefined)).toBe(false);
    expect(isVerifiedContact('email', 'other@example.vn', undefined, 'OTHER@example.vn')).toBe(true);
    expect(isVerifiedContact('email', 'other@example.vn', undefined, 'someone-else@example.vn')).toBe(false);
    expect(isVerifiedContact('phone', '0987654321', undefined, undefined)).toBe(false);
  });

  it('limits messages per contact and day, and first messages to unverified contacts more tightly', () => {
    expect(recipientLimitAllows({ count: 0, firstContacts: 0 }, false)).toBe(true);
    expect(recipientLimitAllows({ count: 5, firstContacts: RECIPIENT_LIMITS.unverifiedFirstPerDay }, false)).toBe(false);
    expect(recipientLimitAllows({ count: 5, firstContacts: RECIPIENT_LIMITS.unverifiedFirstPerDay }, true)).toBe(true);
    expect(recipientLimitAllows({ count: RECIPIENT_LIMITS.perDay, firstContacts: 0 }, true)).toBe(false);
  });

  it('counts a contact under one key whatever its spelling, not its address', () => {
    expect(recipientLimitKey('phone', '0912 345 678')).toBe(recipientLimitKey('phone', '+84912345678'));
    expect(recipientLimitKey('email', 'A@b.vn')).toBe(recipientLimitKey('email', 'a@b.vn'));
    expect(recipientLimitKey('email', 'a@b.vn')).not.toContain('a@b');
    expect(recipientLimitKey('email', 'a@b.vn')).toMatch(/^[0-9a-f]{32}$/);
  });
});
