import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, rateLimitDocId, rateLimited, retryAfterSeconds, windowOf } from './rate-limit.js';

const req = (headers: Record<string, string>, ip?: string) => ({
  header: (name: string) => headers[name.toLowerCase()],
  ...(ip ? { ip } : {}),
});

describe('clientAddress', () => {
  it('takes the first X-Forwarded-For entry, else the peer address', () => {
    expect(clientAddress(req({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' }, '10.0.0.2'))).toBe('203.0.113.7');
    expect(clientAddress(req({}, '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req({ 'x-forwarded-for': ' ,' }, '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req({}))).toBe('unknown');
    expect(clientAddress(req({ 'x-forwarded-for': 'x'.repeat(500) })).length).toBe(64);
  });
});

describe('clientKey', () => {
  const secret = 's'.repeat(32);
  it('is a 16-hex pseudonym that never contains the address', () => {
    const key = clientKey('203.0.113.7', secret);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(key).toBe(clientKey('203.0.113.7', secret));
    expect(key).not.toBe(clientKey('203.0.113.8', secret));
    expect(key).not.toBe(clientKey('203.0.113.7', 't'.repeat(32))); // keyed: not reversible without the secret
  });
});

describe('windows', () => {
  it('are whole minutes; Retry-After counts the seconds left, at least 1', () => {
    const now = new Date('2026-07-15T02:40:15.200Z');
    const w = windowOf(now);
    expect(w.endsAt.toISOString()).toBe('2026-07-15T02:41:00.000Z');
    expect(retryAfterSeconds(now, w)).toBe(45);
    expect(retryAfterSeconds(new Date('2026-07-15T02:40:59.999Z'), w)).toBe(1);
    expect(rateLimitDocId('abcdef0123456789', w)).toBe(`lookup_abcdef0123456789_${w.minute}`);
  });
  it('a refusal is a structured 429 carrying retryAfterSeconds', () => {
    const err = rateLimited(12);
    expect(err.status).toBe(429);
    expect(err.toBody().error).toMatchObject({ code: 'resource-exhausted', retryAfterSeconds: 12 });
    expect(err.bilingual.vi).toContain('12 giây');
  });
});
