// Public lookup through Hosting → api function → Firestore: the full view with the receipt's token, the
// basic view (Circular 01 Art. 16) without it or with a wrong one, misses, bad input, the per-client
// rate limit, and generated garbage.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingCodeOf, signLookupToken } from '../../functions/src/domain/index.js';
import { BASIC_VIEW_KEYS, FULL_VIEW_KEYS, type ApiErrorBody, type LookupView } from '../../functions/src/contract/index.js';
import { bucketOf, clientKey, DEFAULT_LOOKUP_LIMIT_PER_MINUTE, RATING_CODE_ATTEMPTS_PER_MINUTE, windowOf } from '../../functions/src/platform/rate-limit.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const RECEIVING = '000.00.01.H99';
const HANDLING = '000.00.10.H99';
const procedure = demoProcedures.find((p) => p.code === '1.012790')!;
const stepId = procedure.steps[1]!.id;
const run = randomUUID().slice(0, 8);
const ID = `lookup-test-${run}-1`;
// Year 2035: no dossier of the service or of another test has these codes.
const CODE = '000.00.01.H99-351130-0001';
const MISSING_CODE = '000.00.01.H99-351130-0999';
const PERSONAL = ['Nguyễn Văn Lookup', '079099001234', 'lookup-test-citizen', 'lookup-test-officer', 'vắng nhà', 'ông Lookup'];

/** A fresh client each call unless one is named: the rate limit counts per client. */
const fakeIp = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
/**
 * A request from client `ip` as the platform delivers it: Google's front end appends the address it saw
 * to whatever X-Forwarded-For the client sent (here a forged one). The Hosting emulator appends nothing,
 * so the test plays the front end.
 */
const from = (ip: string, forged = '10.0.0.1') => ({ 'x-forwarded-for': `${forged}, ${ip}` });
/** GET /api/lookup/:code, with the token `t` if given, from a client `ip`. */
const lookup = (code: string, t?: string, ip = fakeIp()) => api('lookup', { params: { code }, query: { t } }, undefined, from(ip));
/** A raw path after /api/lookup/ (repeated or unknown query keys, generated garbage): the untyped call. */
const lookupRaw = (path: string, ip = fakeIp()) => call('GET', `/lookup/${path}`, undefined, undefined, from(ip));
/** A client counted in another bucket than `ip` (clients share a bucket now and then: rate-limit.ts). */
function otherBucketThan(ip: string): string {
  const bucket = (address: string) => bucketOf(clientKey(address, lookupSecret()));
  for (;;) {
    const other = fakeIp();
    if (bucket(other) !== bucket(ip)) return other;
  }
}
/** The rate-limit documents of the current minute's window. */
async function windowDocs(): Promise<string[]> {
  const { minute } = windowOf(new Date());
  return (await db.collection('rateLimits').get()).docs.map((d) => d.id).filter((id) => id.endsWith(`_${minute}`));
}
const docIdOf = (ip: string) => `lookup_${String(bucketOf(clientKey(ip, lookupSecret()))).padStart(4, '0')}_${windowOf(new Date()).minute}`;
/** A client whose bucket has no document in this window yet. */
function unusedClient(windowIds: string[]): string {
  for (;;) {
    const ip = fakeIp();
    if (!windowIds.includes(docIdOf(ip))) return ip;
  }
}
/** Waits, if needed, until the current minute window has at least 25 seconds left. */
async function freshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 25_000) await new Promise((r) => setTimeout(r, left + 100));
}

beforeAll(async () => {
  await loadDemoData(db, auth); // agency names, procedure versions with their steps
  const stale = await db.collection('dossiers').where('code', 'in', [CODE, MISSING_CODE]).get();
  await Promise.all(stale.docs.map((doc) => db.recursiveDelete(doc.ref)));
  await db.doc(`dossiers/${ID}`).set({
    id: ID,
    code: CODE,
    version: 6,
    status: 'processing',
    channel: 'desk',
    resultDelivery: 'desk',
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name, supplementClockPolicy: 'restart' },
    ruleSet: 'nd118-2025',
    receivingAgencyId: RECEIVING,
    agencyIds: [RECEIVING, HANDLING],
    currentStep: {
      agencyId: HANDLING,
      stepId,
      task: 'Xác minh đất của ông Lookup',
      since: new Date('2035-12-01T02:00:00Z'),
      dueAt: new Date('2035-12-05T10:00:00Z'),
      acknowledgedAt: new Date('2035-12-01T03:00:00Z'),
      acknowledgedBy: 'lookup-test-officer',
    },
    handlerId: 'lookup-test-officer',
    ownerUserId: 'lookup-test-citizen',
    createdAt: new Date('2035-11-30T01:00:00Z'),
    updatedAt: new Date('2035-12-01T03:00:00Z'),
    submittedAt: new Date('2035-11-30T01:00:00Z'),
    receivedAt: new Date('2035-11-30T02:00:00Z'),
    dueAt: new Date('2035-12-28T10:00:00Z'),
    dueExplanation: { vi: 'Hạn tính theo 20 ngày làm việc', en: 'Due after 20 working days' },
    originalDueAt: new Date('2035-12-28T10:00:00Z'),
    extensionCount: 0,
    supplementCount: { reception: 0, handling: 0 },
    supplement: {
      requestedAt: new Date('2035-11-30T01:30:00Z'),
      requestedBy: 'lookup-test-officer',
      requestedInStatus: 'registered',
      items: [{ name: 'Sổ hộ khẩu', problem: 'ông Lookup vắng nhà' }],
      reason: 'vắng nhà',
    },
    opinions: [],
    lastEventHash: 'a'.repeat(64),
  });
  // The personal part lives beside it and must never leak through the lookup.
  await db.doc(`dossiers/${ID}/private/personal`).set({
    applicant: { kind: 'person', fullName: 'Nguyễn Văn Lookup', identity: { kind: 'citizenId', number: '079099001234' } },
    components: [],
  });
});

afterAll(async () => {
  await db.recursiveDelete(db.doc(`dossiers/${ID}`));
});

describe('GET /api/lookup/:code', () => {
  it('with the receipt token: the full view, with names, step and due-time explanation, and no personal data', async () => {
    const res = await lookup(CODE, signLookupToken(ID, lookupSecret()));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { body, text } = res;
    expect(Object.keys(body).sort()).toEqual([...FULL_VIEW_KEYS].sort());
    expect(body).toMatchObject({
      view: 'full',
      code: CODE,
      status: 'processing',
      statusLabel: { vi: 'Đang xử lý', en: 'In progress' },
      nationalStatusCode: 4,
      procedure: { code: procedure.code, name: procedure.name },
      receivingAgency: { id: RECEIVING, name: { vi: expect.any(String) as string, en: expect.any(String) as string } },
      currentAgency: { id: HANDLING },
      step: { id: stepId, role: procedure.steps[1]!.role, description: procedure.steps[1]!.description, since: '2035-12-01T02:00:00.000Z', dueAt: '2035-12-05T10:00:00.000Z' },
      receivedAt: '2035-11-30T02:00:00.000Z',
      dueAt: '2035-12-28T10:00:00.000Z',
      dueExplanation: { vi: 'Hạn tính theo 20 ngày làm việc', en: 'Due after 20 working days' },
      extended: false,
      completed: false,
      resultReturnedAt: null,
    });
    for (const secret of PERSONAL) expect(text).not.toContain(secret);
  });

  it('without a token or with a wrong one: the same basic view, status and completion only', async () => {
    const bare = await lookup(CODE);
    const wrong = await lookup(CODE, signLookupToken('another-dossier', lookupSecret()));
    const garbled = await lookup(CODE, 'AAAA');
    const empty = await lookup(CODE, '');
    const bodies = [bare, wrong, garbled, empty].map((r) => ({ status: r.status, text: r.text }));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0]!.status).toBe(200);
    const { body } = bare;
    expect(Object.keys(body).sort()).toEqual([...BASIC_VIEW_KEYS].sort());
    expect(body).toEqual({ view: 'basic', code: CODE, status: 'processing', statusLabel: { vi: 'Đang xử lý', en: 'In progress' }, completed: false });
    for (const secret of PERSONAL) expect(bodies[0]!.text).not.toContain(secret);
  });

  it('the desk rating code proves the receipt only from the receiving desk’s kiosk; elsewhere it is the basic view', async () => {
    const code = ratingCodeOf(ID, lookupSecret());
    const byKiosk = (as: TestIdentity | undefined, r: string) => api('lookup', { params: { code: CODE }, query: { r } }, as, from(fakeIp()));
    const desk = await byKiosk(IDENTITIES.kioskX, code);
    expect(desk.status, desk.text).toBe(200);
    expect(desk.body).toMatchObject({ view: 'full', code: CODE, procedure: { code: procedure.code }, rating: { rated: false } });
    for (const secret of PERSONAL) expect(desk.text).not.toContain(secret);
    const basic = { view: 'basic', code: CODE, status: 'processing', statusLabel: { vi: 'Đang xử lý', en: 'In progress' }, completed: false };
    // Anyone without a kiosk account, another desk's kiosk, a wrong code, a citizen: the basic view.
    expect((await byKiosk(undefined, code)).body).toEqual(basic);
    expect((await byKiosk(IDENTITIES.kioskY, code)).body).toEqual(basic);
    expect((await byKiosk(IDENTITIES.citizenA, code)).body).toEqual(basic);
    expect((await byKiosk(IDENTITIES.kioskX, code === '00000000' ? '11111111' : '00000000')).body).toEqual(basic);
    // Not eight digits: refused beside the field, in both languages.
    const bad = await byKiosk(IDENTITIES.kioskX, '12ab');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields.map((f) => f.path)).toEqual(['query.r']);
  });

  it('a kiosk trying rating codes through the lookup uses the same few-a-minute quota as its ratings', async () => {
    const kiosk = { uid: `test-kiosk-lookup-${run}`, claims: { role: 'kiosk', agencyId: RECEIVING } };
    await freshWindow();
    const right = ratingCodeOf(ID, lookupSecret());
    for (let i = 0; i < RATING_CODE_ATTEMPTS_PER_MINUTE; i++) {
      const guess = String(10_000_000 + i) === right ? '99999999' : String(10_000_000 + i);
      expect((await api('lookup', { params: { code: CODE }, query: { r: guess } }, kiosk, from(fakeIp()))).body.view).toBe('basic');
    }
    const refused = await api('lookup', { params: { code: CODE }, query: { r: right } }, kiosk, from(fakeIp()));
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('resource-exhausted');
  });

  it('a code of the right form that no dossier has: a structured 404, with or without a token', async () => {
    const bare = await lookup(MISSING_CODE);
    const withToken = await lookup(MISSING_CODE, signLookupToken(ID, lookupSecret()));
    expect(bare.status).toBe(404);
    expect(withToken.status).toBe(404);
    expect(bare.body.error?.code).toBe('not-found');
    expect(bare.body.error?.message.vi).toMatch(/Không tìm thấy/);
    expect(withToken.body).toEqual(bare.body);
  });

  it.each([
    ['not-a-code', 'code'],
    ['000.00.01.H99-351131-0001', 'code'], // 31 November does not exist
    ['000.00.01.H99-351130-0000', 'code'],
    [`${CODE}?t=${'A'.repeat(65)}`, 'query.t'],
    [`${CODE}?t=not%20base64!`, 'query.t'],
    [`${CODE}?t=a&t=b`, 'query.t'],
    [`${CODE}?x=1`, 'query'],
  ])('%s → a structured 400 at %s', async (path, field) => {
    const res = await lookupRaw(path);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.map((f) => f.path)).toContain(field);
  });

  it('rate-limits per client: the request after the limit gets a 429 with Retry-After; another client still passes', async () => {
    // Stay inside one minute window: start with at least 25 seconds of it left.
    await freshWindow();
    const client = fakeIp();
    for (let i = 0; i < DEFAULT_LOOKUP_LIMIT_PER_MINUTE; i++) {
      const res = await lookup(CODE, undefined, client);
      expect(res.status, `request ${i + 1}`).toBe(200);
    }
    const refused = await lookup(CODE, undefined, client);
    expect(refused.status).toBe(429);
    const { error } = refused.body;
    expect(error?.code).toBe('resource-exhausted');
    expect(error?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.headers.get('retry-after')).toBe(String(error?.retryAfterSeconds));
    expect((await lookup('not-a-code', undefined, client)).status).toBe(429); // garbage counts too
    expect((await lookup(CODE, undefined, otherBucketThan(client))).status).toBe(200);
    // Counted under a keyed hash: no stored window holds the address.
    const windows = await db.collection('rateLimits').get();
    expect(windows.docs.some((doc) => doc.id.startsWith('lookup_') && doc.get('count') === DEFAULT_LOOKUP_LIMIT_PER_MINUTE)).toBe(true);
    for (const doc of windows.docs) expect(JSON.stringify({ id: doc.id, ...doc.data() })).not.toContain(client);
    expect(windows.docs.every((doc) => doc.get('expiresAt') !== undefined)).toBe(true);
  }, 60_000);

  it('forged X-Forwarded-For entries give no fresh quota and write no new document (issue 12, finding 6)', async () => {
    await freshWindow();
    const before = await windowDocs();
    const client = unusedClient(before);
    // The attack: a new forged first entry on every request, as the review did.
    for (let i = 0; i < DEFAULT_LOOKUP_LIMIT_PER_MINUTE; i++) {
      const res = await api('lookup', { params: { code: CODE }, query: {} }, undefined, from(client, `203.0.113.${i}, 192.0.2.${i}`));
      expect(res.status, `request ${i + 1}`).toBe(200);
    }
    for (let i = 0; i < 10; i++) {
      const res = await api('lookup', { params: { code: CODE }, query: {} }, undefined, from(client, `198.51.100.${100 + i}`));
      expect(res.status, `forged request ${i + 1} past the limit`).toBe(429);
    }
    // 40 requests with 40 forged addresses: one window document (the real client's bucket), not 40.
    const added = (await windowDocs()).filter((id) => !before.includes(id));
    expect(added.length).toBeLessThanOrEqual(1);
    expect(added.every((id) => /^lookup_\d{4}_\d+$/.test(id))).toBe(true);
  }, 60_000);

  it('many real addresses share the bounded set of bucket documents', async () => {
    await freshWindow();
    const before = await windowDocs();
    // Addresses whose bucket no earlier test used in this window (one may have filled its bucket on purpose).
    const clients = Array.from({ length: 80 }, (_, i) => `198.18.200.${i}`)
      .filter((ip) => !before.includes(docIdOf(ip)))
      .slice(0, 40);
    expect(clients.length).toBe(40);
    for (const ip of clients) expect((await lookup(CODE, undefined, ip)).status).toBe(200);
    const buckets = new Set(clients.map(docIdOf));
    const after = await windowDocs();
    // Exactly the clients' buckets were written (the bound of rate-limit.ts: never more than its buckets).
    expect(after.filter((id) => !before.includes(id)).every((id) => buckets.has(id))).toBe(true);
    for (const id of buckets) expect(after).toContain(id);
  }, 60_000);

  it('never answers a 500 to generated garbage codes and tokens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constant(CODE), fc.stringMatching(/^[0-9.A-Z-]{1,30}$/)), fc.option(fc.string(), { nil: undefined }), async (code, t) => {
        const res = await lookupRaw(`${encodeURIComponent(code)}${t === undefined ? '' : `?t=${encodeURIComponent(t)}`}`);
        expect(res.status).toBeLessThan(500);
        // Hosting answers some paths itself (dot segments, hidden files) with its HTML 404 page.
        if (!res.headers.get('content-type')?.includes('application/json')) {
          expect(res.status).toBe(404);
          return;
        }
        const body = JSON.parse(res.text) as Partial<ApiErrorBody> & Partial<Pick<LookupView, 'view'>>;
        if (res.status === 200) expect(body.view === 'basic' || body.view === 'full').toBe(true);
        else expect(body.error?.message.vi.length).toBeGreaterThan(0);
        if (body.view === 'full') expect(t).toBe(signLookupToken(ID, lookupSecret()));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
