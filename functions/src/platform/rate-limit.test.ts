import { describe, expect, it } from 'vitest';
import { bucketOf, clientAddress, clientKey, networkOf, RATE_LIMIT_BUCKETS, rateLimitDocId, rateLimited, retryAfterSeconds, windowOf } from './rate-limit.js';

const req = (headers: Record<string, string>, ip?: string) => ({
  header: (name: string) => headers[name.toLowerCase()],
  ...(ip ? { ip } : {}),
});

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For entry (appended by the front end), else the peer address', () => {
    expect(clientAddress(req({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' }, '10.0.0.2'))).toBe('10.0.0.1');
    expect(clientAddress(req({ 'x-forwarded-for': '198.51.100.9' }, '10.0.0.2'))).toBe('198.51.100.9');
    expect(clientAddress(req({}, '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req({ 'x-forwarded-for': ' ,' }, '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.7, ' }, '198.51.100.1'))).toBe('203.0.113.7');
    expect(clientAddress(req({}))).toBe('unknown');
    expect(clientAddress(req({ 'x-forwarded-for': 'x'.repeat(500) })).length).toBe(64);
  });

  it('ignores whatever the client put before the front end’s entry (the attack of finding 6)', () => {
    const real = '203.0.113.50';
    const seen = new Set(Array.from({ length: 200 }, (_, i) => clientAddress(req({ 'x-forwarded-for': `10.${i}.0.1, 198.18.0.${i % 250}, ${real}` }))));
    expect([...seen]).toEqual([real]);
  });

  it('counts an IPv6 client by its /64, an IPv4-mapped one as IPv4', () => {
    expect(networkOf('2001:db8:85a3:1234:5678:8a2e:370:7334')).toBe('2001:db8:85a3:1234::/64');
    expect(networkOf('2001:db8:85a3:1234::1')).toBe('2001:db8:85a3:1234::/64');
    expect(networkOf('2001:DB8:85A3:1234:ffff::9')).toBe('2001:db8:85a3:1234::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(networkOf('1::2:3:4:5:1.2.3.4')).toBe('1:0:2:3::/64');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('not an address')).toBe('not an address');
    // Every address of one /64 is one client.
    const secret = 's'.repeat(32);
    const keys = new Set(Array.from({ length: 50 }, (_, i) => clientKey(clientAddress(req({ 'x-forwarded-for': `2001:db8:1:2::${i.toString(16)}` })), secret)));
    expect(keys.size).toBe(1);
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
    expect(rateLimitDocId('abcdef0123456789', w)).toBe(`lookup_${String(0xabcdef01 % RATE_LIMIT_BUCKETS).padStart(4, '0')}_${w.minute}`);
  });
  it('a refusal is a structured 429 carrying retryAfterSeconds', () => {
    const err = rateLimited(12);
    expect(err.status).toBe(429);
    expect(err.toBody().error).toMatchObject({ code: 'resource-exhausted', retryAfterSeconds: 12 });
    expect(err.bilingual.vi).toContain('12 giây');
  });
});

describe('documents per window', () => {
  it('are bounded by the buckets however many addresses send requests, and spread over all of them', () => {
    const secret = 'k'.repeat(32);
    const w = windowOf(new Date('2026-07-15T02:40:15Z'));
    const ids = new Set<string>();
    const counts = new Array<number>(RATE_LIMIT_BUCKETS).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const key = clientKey(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, secret);
      ids.add(rateLimitDocId(key, w));
      counts[bucketOf(key)]! += 1;
    }
    expect(ids.size).toBe(RATE_LIMIT_BUCKETS);
    for (const id of ids) expect(id).toMatch(new RegExp(`^lookup_\\d{4}_${w.minute}$`));
    // Uniform enough that one bucket is not everyone's: 100,000 addresses, ≈ 98 per bucket.
    expect(Math.max(...counts)).toBeLessThan(160);
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });
});

describe('bucketOf', () => {
  it('refuses a key that is not a clientKey (a raw uid would share one bucket with every other)', () => {
    expect(() => bucketOf('demo-kiosk-tinh')).toThrow(/clientKey/);
    expect(bucketOf(clientKey('kiosk/demo-kiosk-tinh', 'secret'))).toBeLessThan(RATE_LIMIT_BUCKETS);
  });
});
