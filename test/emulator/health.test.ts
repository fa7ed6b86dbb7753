// Walking skeleton, through the real Emulator Suite: Hosting rewrite → HTTPS function → Firestore →
// trigger (observed through Firestore, not by calling the handler), and a scheduled function.
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgePing } from '../../functions/src/features/health/ping-ack.trigger.js';
import { recordHeartbeat } from '../../functions/src/features/health/heartbeat.schedule.js';
import type { PingBody } from '../../functions/src/contract/index.js';
import { api, call } from '../support/api.js';
import { admin, deleteCollection, eventually, runSchedule } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db } = admin();
/** A ping as `as`: an administrator unless told otherwise (only they may write one); null is anonymous. */
const postPing = (body: PingBody, as: TestIdentity | null = IDENTITIES.admin) => api('postPing', { body }, as ?? undefined);

beforeAll(async () => {
  await deleteCollection(db, 'healthPings');
  await db.doc('system/heartbeat').delete();
});

describe('GET /api/health', () => {
  it('answers through the Hosting rewrite with a bilingual status', async () => {
    const res = await api('health', {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.region).toBe('asia-southeast1');
    expect(res.body.message.vi).toBe('Hệ thống đang hoạt động.');
  });

  it('answers unknown paths and methods with structured errors', async () => {
    // Not routes of the contract, on purpose: the untyped call.
    const missing = await call('GET', '/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('not-found');
    const wrongMethod = await call('POST', '/health');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });
});

describe('POST /api/health/pings: no anonymous writes', () => {
  // Issue 12, finding 8: every anonymous ping created a document and ran a trigger.
  it.each([
    ['anonymous', null, 401, 'unauthenticated'],
    ['a citizen', IDENTITIES.citizenA, 403, 'permission-denied'],
    ['an officer', IDENTITIES.leadX, 403, 'permission-denied'],
    ['a monitor', IDENTITIES.monitor, 403, 'permission-denied'],
    ['a desk kiosk', IDENTITIES.kioskX, 403, 'permission-denied'],
  ] as const)('refuses %s, writing nothing', async (_who, as, status, code) => {
    const requestId = `ping-refused-${status}-${as?.uid ?? 'anon'}`.slice(0, 64);
    const res = await postPing({ requestId }, as);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect((await db.doc(`healthPings/${requestId}`).get()).exists).toBe(false);
  });

  it('refuses a forged token before reading the body', async () => {
    const res = await api('postPing', { body: { requestId: 'ping-forged-0001' } }, { idToken: 'forged.token.value' });
    expect(res.status).toBe(401);
    expect((await db.doc('healthPings/ping-forged-0001').get()).exists).toBe(false);
  });

  it('leaves GET /api/health open to everyone, and it writes nothing', async () => {
    const before = (await db.collection('healthPings').get()).size;
    for (let i = 0; i < 3; i++) expect((await api('health', {})).status).toBe(200);
    expect((await db.collection('healthPings').get()).size).toBe(before);
  });
});

describe('POST /api/health/pings (administrators) and its trigger', () => {
  it('stores the ping and the Firestore trigger acknowledges it', async () => {
    const res = await postPing({ requestId: 'ping-wire-0001', note: 'xin chào' });
    expect(res.status).toBe(201);
    const acknowledgedBy = await eventually(
      async () => (await db.doc('healthPings/ping-wire-0001').get()).get('acknowledgedBy') as string | undefined,
      'the trigger to acknowledge the ping',
    );
    expect(acknowledgedBy).toMatch(/\S+/);
  });

  it('is idempotent by requestId: a retry returns the first answer and writes nothing new', async () => {
    const first = await postPing({ requestId: 'ping-retry-0001', note: 'một lần' });
    expect(first.status).toBe(201);
    await eventually(async () => (await db.doc('healthPings/ping-retry-0001').get()).get('acknowledgedAt') as unknown, 'ack');
    const before = await db.doc('healthPings/ping-retry-0001').get();
    const retry = await postPing({ requestId: 'ping-retry-0001', note: 'một lần' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ pingId: 'ping-retry-0001', duplicate: true });
    const after = await db.doc('healthPings/ping-retry-0001').get();
    expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);

    const reused = await postPing({ requestId: 'ping-retry-0001', note: 'khác' });
    expect(reused.status).toBe(409);
  });

  it('rejects invalid input with field details in Vietnamese and English, writing nothing', async () => {
    // An unknown field and a short requestId, on purpose: the untyped call, as an administrator.
    const res = await call('POST', '/health/pings', IDENTITIES.admin, { requestId: 'x', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    const fields = res.body.error?.fields ?? [];
    const paths = fields.map((f) => f.path).sort();
    expect(paths).toEqual(['', 'requestId']);
    expect(fields.find((f) => f.path === 'requestId')?.message.vi).toContain('Mã yêu cầu');
    expect(fields.find((f) => f.path === 'requestId')?.message.en).toEqual(expect.any(String));
    expect((await db.doc('healthPings/x').get()).exists).toBe(false);
  });

  it('a replayed trigger event changes nothing', async () => {
    await db.doc('healthPings/ping-replay-01').set({ note: null, createdAt: new Date() });
    // The deployed trigger fires too; wait for it, then deliver the same kind of event again.
    const firstBy = await eventually(
      async () => (await db.doc('healthPings/ping-replay-01').get()).get('acknowledgedBy') as string | undefined,
      'first acknowledgement',
    );
    const before = await db.doc('healthPings/ping-replay-01').get();
    expect(await acknowledgePing(db, 'ping-replay-01', firstBy, '2026-11-28T00:00:00Z')).toBe(false);
    expect(await acknowledgePing(db, 'ping-replay-01', 'another-delivery', '2026-11-28T00:00:00Z')).toBe(false);
    const after = await db.doc('healthPings/ping-replay-01').get();
    expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);
  });
});

describe('scheduled heartbeat', () => {
  it('runs through the functions emulator and records the schedule time, once', async () => {
    const res = await runSchedule('heartbeat', '2026-11-28T01:15:00.000Z');
    expect(res.status).toBe(200);
    const snap = await db.doc('system/heartbeat').get();
    expect((snap.get('lastScheduleTime') as { toDate(): Date }).toDate().toISOString()).toBe('2026-11-28T01:15:00.000Z');
    expect(snap.get('runs')).toBe(1);

    // A duplicate delivery and an older, late delivery leave it as it is.
    expect(await recordHeartbeat(db, '2026-11-28T01:15:00.000Z')).toBe(false);
    expect(await recordHeartbeat(db, '2026-11-28T01:00:00.000Z')).toBe(false);
    expect((await db.doc('system/heartbeat').get()).get('runs')).toBe(1);
    expect(await recordHeartbeat(db, '2026-11-28T01:30:00.000Z')).toBe(true);
    expect((await db.doc('system/heartbeat').get()).get('runs')).toBe(2);
  });
});
