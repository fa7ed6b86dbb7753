import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalSignature, signatureProblem } from './signature.js';

const SECRET = 'a-shared-secret-of-the-province-and-the-portal';
const body = Buffer.from('{"MaHoSo":"G09.20-20261203-0092637"}');
const now = new Date('2026-12-03T02:00:00Z');
const ts = String(now.getTime() / 1000);

describe('the portal’s signature over a filing', () => {
  it('is HMAC-SHA256 of "<timestamp>.<raw body>" in hex', () => {
    expect(portalSignature(SECRET, ts, body)).toBe(createHmac('sha256', SECRET).update(`${ts}.${body.toString()}`).digest('hex'));
  });

  it('accepts the portal’s own request, within five minutes either way', () => {
    for (const skew of [0, -299, 299]) {
      const t = String(Number(ts) + skew);
      expect(signatureProblem(SECRET, { timestamp: t, signature: portalSignature(SECRET, t, body) }, body, now)).toBeUndefined();
    }
  });

  it('refuses a missing header, an old or future timestamp, another body, another secret', () => {
    const sig = portalSignature(SECRET, ts, body);
    expect(signatureProblem(SECRET, { timestamp: undefined, signature: sig }, body, now)).toBe('missing');
    expect(signatureProblem(SECRET, { timestamp: ts, signature: undefined }, body, now)).toBe('missing');
    const old = String(Number(ts) - 301);
    expect(signatureProblem(SECRET, { timestamp: old, signature: portalSignature(SECRET, old, body) }, body, now)).toBe('stale');
    expect(signatureProblem(SECRET, { timestamp: 'yesterday', signature: sig }, body, now)).toBe('stale');
    expect(signatureProblem(SECRET, { timestamp: ts, signature: sig }, Buffer.from('{"MaHoSo":"G09.20-20261203-0092638"}'), now)).toBe('mismatch');
    expect(signatureProblem(SECRET, { timestamp: ts, signature: portalSignature('another-secret', ts, body) }, body, now)).toBe('mismatch');
    expect(signatureProblem(SECRET, { timestamp: ts, signature: 'zz' }, body, now)).toBe('mismatch');
  });
});
