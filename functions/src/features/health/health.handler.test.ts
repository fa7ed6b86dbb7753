import { describe, expect, it } from 'vitest';
import { getHealth, PingRequest } from './health.handler.js';

describe('getHealth', () => {
  it('reports the clock it is given, in ISO form, with a bilingual message', () => {
    const result = getHealth({ now: () => new Date('2026-07-15T02:40:00Z'), region: 'asia-southeast1' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', serverTime: '2026-07-15T02:40:00.000Z', region: 'asia-southeast1' });
  });
});

describe('PingRequest', () => {
  it('accepts a request id and an optional note', () => {
    expect(PingRequest.parse({ requestId: 'abc-DEF_123' })).toEqual({ requestId: 'abc-DEF_123' });
  });
  it.each([
    [{}, 'requestId'],
    [{ requestId: 'short' }, 'requestId'],
    [{ requestId: 'has space in it' }, 'requestId'],
    [{ requestId: 'abcdefgh', note: 'x'.repeat(201) }, 'note'],
  ])('rejects %j at %s', (input, path) => {
    const result = PingRequest.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
  it('rejects unknown fields (strict)', () => {
    expect(PingRequest.safeParse({ requestId: 'abcdefgh', admin: true }).success).toBe(false);
  });
});
