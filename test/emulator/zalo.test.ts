// Zalo messages: the OA token kept in Firestore and refreshed by one instance at a time (against a local
// HTTP server answering as Zalo's OAuth endpoint), and the `zalo` channel from fan-out to the local sink.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverNotification } from '../../functions/src/features/notifications/deliver.js';
import { fanOutRequest } from '../../functions/src/features/notifications/fan-out.js';
import { smsSink, zaloSink, ZALO_SINK } from '../../functions/src/features/notifications/transports.js';
import { type Transports } from '../../functions/src/features/notifications/channel-ports.js';
import { ZALO_TOKEN_DOC, zaloTokenSource } from '../../functions/src/features/notifications/zalo-token.js';
import { admin } from '../support/emulators.js';

const { db } = admin();
const run = Date.now().toString(36);
let server: Server;
let oauthBase: string;
let refreshCalls: URLSearchParams[] = [];
let refreshHeaders: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      refreshCalls.push(form);
      refreshHeaders.push(String(req.headers.secret_key));
      const n = refreshCalls.length;
      // Slow enough that a concurrent caller meets the lease.
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: '90000' }),
        );
      }, 150);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  oauthBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  refreshCalls = [];
  refreshHeaders = [];
  await db.doc(ZALO_TOKEN_DOC).set({ refreshToken: 'refresh-0' });
});

const source = (now = () => new Date()) => zaloTokenSource({ db, now, oauthBaseUrl: oauthBase, appId: 'app-1', appSecret: 'app-secret' });

describe('Zalo OA token', () => {
  it('refreshes on first use, stores the new single-use refresh token, then serves the cached token', async () => {
    const token = source();
    expect(await token({})).toBe('access-1');
    expect(refreshCalls).toHaveLength(1);
    expect(Object.fromEntries(refreshCalls[0]!)).toEqual({ refresh_token: 'refresh-0', app_id: 'app-1', grant_type: 'refresh_token' });
    expect(refreshHeaders[0]).toBe('app-secret');
    const stored = (await db.doc(ZALO_TOKEN_DOC).get()).data()!;
    expect(stored).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', refreshLease: null });
    expect(await token({})).toBe('access-1');
    expect(await source()({})).toBe('access-1'); // another instance reads it from Firestore
    expect(refreshCalls).toHaveLength(1);
  });

  it('a rejected token is refreshed once, even when two instances notice together', async () => {
    const [a, b] = [source(), source()];
    expect(await a({})).toBe('access-1');
    const outcomes = await Promise.allSettled([a({ rejected: 'access-1' }), b({ rejected: 'access-1' })]);
    expect(refreshCalls).toHaveLength(2); // the first refresh, and exactly one more
    expect(refreshCalls[1]!.get('refresh_token')).toBe('refresh-1');
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value);
    expect(fulfilled).toContain('access-2');
    // The loser was told to try later (a temporary failure), never given the rejected token.
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as { kind: string }).kind).toBe('temporary');
    expect((await db.doc(ZALO_TOKEN_DOC).get()).get('refreshToken')).toBe('refresh-2');
  });

  it('refreshes ahead of expiry, and is a permanent failure before an operator authorises the OA', async () => {
    let now = new Date('2026-11-28T03:00:00Z');
    const token = source(() => now);
    expect(await token({})).toBe('access-1');
    now = new Date(now.getTime() + 90_000_000 - 60_000); // one minute before expiry
    expect(await token({})).toBe('access-2');
    await db.doc(ZALO_TOKEN_DOC).delete();
    const err = await source()({}).catch((e: unknown) => e);
    expect((err as { kind: string }).kind).toBe('permanent');
  });
});

describe('zalo channel', () => {
  it('a citizen who chose Zalo gets it after quiet hours, through the sink under the emulators', async () => {
    const uid = `zalo-test-citizen-${run}`;
    await db.doc(`users/${uid}`).set({ notificationPrefs: { zalo: true, email: false } });
    const dossierId = `zalo-test-${run}`;
    await db.doc(`dossiers/${dossierId}`).set({ id: dossierId, code: '000.00.01.H99-261128-0042', status: 'received', receivingAgencyId: '000.00.97.H99', ownerUserId: uid });
    await db.doc(`dossiers/${dossierId}/private/personal`).set({ applicant: { phone: '+84912000111' }, components: [] });
    // A phone its holder confirmed through the first notice's link (confirm-contact.handler.ts): only a
    // confirmed contact gets the notices after the first (issue 12, finding 12).
    await db.doc(`dossiers/${dossierId}/private/contacts`).set({ phone: { address: '+84912000111', confirmedAt: new Date() } });
    const night = new Date('2026-11-28T16:00:00Z'); // 23:00 in Vietnam
    const fan = await fanOutRequest({ db, now: () => night }, `${dossierId}_000002`, {
      dossierId, version: 2, eventType: 'receive', at: night, state: 'pending', audience: 'applicant', ownerUserId: uid, status: 'received',
    });
    const docs = await db.getAll(...fan.created.map((i) => db.doc(`notifications/${i}`)));
    const zalo = docs.find((d) => d.get('channel') === 'zalo')!;
    expect(zalo.data()).toMatchObject({ state: 'queued', to: '+84912000111', dossierCode: '000.00.01.H99-261128-0042' });
    expect(fan.deliverNow).toEqual([]);

    const morning = new Date('2026-11-29T00:00:00Z'); // 07:00
    const transports: Transports = { email: { send: async () => undefined }, sms: smsSink(db, () => morning), zalo: zaloSink(db, () => morning) };
    expect(await deliverNotification({ db, now: () => morning, transports, random: () => 0.5 }, zalo.id)).toBe('sent');
    const sunk = (await db.doc(`${ZALO_SINK}/${zalo.id}`).get()).data()!;
    expect(sunk).toMatchObject({ to: '+84912000111', dossierCode: '000.00.01.H99-261128-0042' });
    expect(sunk.text).toContain('000.00.01.H99-261128-0042');
  });
});
