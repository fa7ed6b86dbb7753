import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortalStandIn, type PortalStandIn } from '../../../../scripts/lib/portal-stand-in.js';
import type { PortalMessage } from '../../domain/index.js';
import { givesUp, syncBackoffMs, SYNC_POLICY } from './delivery-policy.js';
import { portalHttpClient } from './portal-http.js';
import { PortalError } from './portal-port.js';

// The HTTP adapter against the local stand-in (the same wire format the emulator tests use), on a free port.
let standIn: PortalStandIn;
const control = (path: string, body: unknown = {}) => fetch(`${standIn.url}/_stand-in/${path}`, { method: 'POST', body: JSON.stringify(body) });
const message = { service: 'CapNhatTienDoHoSoMC', body: { MaHoSo: '000.00.01.H99-261203-0001', PhienBan: 2 } } as unknown as PortalMessage;

beforeAll(async () => {
  standIn = await startPortalStandIn({ port: 0, apiBase: 'http://127.0.0.1:9/api', apiKey: 'key-1', inboundSecret: 's', hashSecret: 'h', tmnCode: 'T' });
});
afterAll(async () => standIn.close());
beforeEach(async () => {
  await control('reset');
});

const client = (apiKey = 'key-1', timeoutMs = 2_000) => portalHttpClient({ baseUrl: `${standIn.url}/dvcqg/`, apiKey, timeoutMs });

async function failureOf(p: Promise<void>): Promise<PortalError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof PortalError)) throw new Error(`expected a PortalError, got ${String(err)}`);
  return err;
}

describe('the portal’s HTTP adapter', () => {
  it('posts the body to the service with the credentials and the key, and the portal records it once', async () => {
    await client().send(message, 'r1_000002:CapNhatTienDoHoSoMC');
    await client().send(message, 'r1_000002:CapNhatTienDoHoSoMC');
    expect(standIn.messages.map((m) => [m.service, m.key, m.maHoSo, m.version, m.replay])).toEqual([
      ['CapNhatTienDoHoSoMC', 'r1_000002:CapNhatTienDoHoSoMC', '000.00.01.H99-261203-0001', 2, false],
      ['CapNhatTienDoHoSoMC', 'r1_000002:CapNhatTienDoHoSoMC', '000.00.01.H99-261203-0001', 2, true],
    ]);
  });

  it.each([
    ['down', 'temporary', 'HTTP 503'],
    ['error', 'temporary', 'HTTP 500'],
    ['refuse', 'permanent', 'error_code 99'],
    ['unauthorized', 'permanent', 'HTTP 401'],
  ] as const)('the portal %s: %s', async (mode, kind, text) => {
    await control('fail', { mode, count: 1 });
    const err = await failureOf(client().send(message, 'k'));
    expect([err.kind, err.message]).toEqual([kind, expect.stringContaining(text)]);
    await client().send(message, 'k'); // the failure was for one request only
  });

  it('wrong credentials are permanent; an unreachable or slow portal is temporary', async () => {
    expect((await failureOf(client('wrong-key').send(message, 'k'))).kind).toBe('permanent');
    expect((await failureOf(portalHttpClient({ baseUrl: 'http://127.0.0.1:9/dvcqg', apiKey: 'x' }).send(message, 'k'))).kind).toBe('temporary');
    await control('fail', { mode: 'slow', count: 1, delayMs: 1_500 });
    expect((await failureOf(client('key-1', 300).send(message, 'k'))).kind).toBe('temporary');
    expect((await failureOf(portalHttpClient({ baseUrl: '', apiKey: 'x' }).send(message, 'k'))).message).toContain('PORTAL_SYNC_URL is not set');
  });
});

describe('retry policy', () => {
  it('doubles from a minute with up to 50 % jitter, capped at an hour', () => {
    expect(syncBackoffMs(1, 0)).toBe(60_000);
    expect(syncBackoffMs(2, 0)).toBe(120_000);
    expect(syncBackoffMs(3, 0.999)).toBeLessThan(360_000);
    expect(syncBackoffMs(20, 0)).toBe(3_600_000);
  });
  it('gives up on a permanent failure at once, on a temporary one after the last attempt', () => {
    expect(givesUp('permanent', 1)).toBe(true);
    expect(givesUp('temporary', SYNC_POLICY.maxAttempts - 1)).toBe(false);
    expect(givesUp('temporary', SYNC_POLICY.maxAttempts)).toBe(true);
  });
});
