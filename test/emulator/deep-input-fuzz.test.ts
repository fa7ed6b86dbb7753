// Deep and oversized input against every write endpoint (every POST, PUT and DELETE route of functions/src/index.ts,
// read from the source so a new one is covered or this test fails): always a structured 4xx, never a
// 500, nothing written. The bound is the router's (platform/input-bounds.ts), checked before any work;
// action payloads also refuse unknown keys. Once, an action carrying an unknown key nested a few thousand
// levels deep (10 KB) overflowed the idempotency fingerprint's recursion into a 500.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '../../functions/src/platform/input-bounds.js';
import { loadDemoData } from '../../seed/load.js';
import { call, landRenewal, rid, submitDossier, type RawReply } from '../support/api.js';
import { admin, HOSTING_URL, ROOT } from '../support/emulators.js';
import { authHeader, IDENTITIES, idTokenFor, type TestIdentity } from '../support/identity.js';
import { sampleFiling } from '../../scripts/lib/portal-stand-in.js';
import { ROUTES } from '../../functions/src/contract/index.js';

const { db, auth } = admin();

/**
 * The JSON text of `{"a":{"a":…leaf}}` or `[[…leaf]]`, `levels` deep. Written as text: JSON.stringify
 * recurses, and overflows on such values long before a server would.
 */
function nestedJson(levels: number, kind: 'object' | 'array' = 'object', leaf: unknown = 'x'): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `${open.repeat(levels)}${JSON.stringify(leaf)}${close.repeat(levels)}`;
}

const HOLE = '__deep_value_goes_here__';
/**
 * A request of the route's own shape with the JSON text `value` at `key`: the bound must hold whatever the schema.
 * The replacement is a function so that `$&` or `$'` in a generated value stays literal text.
 */
const withValueAt = (shape: object, key: string, value: string) =>
  JSON.stringify({ ...shape, [key]: HOLE }).replace(`"${HOLE}"`, () => value);

/** Sends a JSON text as it is. */
async function sendText(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  as: TestIdentity | undefined,
  text: string,
): Promise<RawReply> {
  const res = await fetch(`${HOSTING_URL}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? await authHeader(as) : {}) },
    body: text,
  });
  const answered = await res.text();
  let body: RawReply['body'] = {};
  try {
    body = JSON.parse(answered) as RawReply['body'];
  } catch {
    // not JSON: the structured-error checks below say so
  }
  return { status: res.status, headers: res.headers, text: answered, body };
}

function expectStructured4xx(answer: RawReply, what: string): void {
  const detail = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, detail).toBeGreaterThanOrEqual(400);
  expect(answer.status, detail).toBeLessThan(500);
  expect(typeof answer.body.error?.code, detail).toBe('string');
  expect(answer.body.error?.message.vi.length, detail).toBeGreaterThan(0);
  expect(answer.body.error?.message.en.length, detail).toBeGreaterThan(0);
  expect(Array.isArray(answer.body.error?.fields), detail).toBe(true);
}

function expectBoundRefusal(answer: RawReply, what: string): void {
  expectStructured4xx(answer, what);
  expect(answer.status, what).toBe(400);
  expect(answer.body.error?.code, what).toBe('invalid-argument');
  expect(answer.body.error?.message.en, what).toBe('The submitted data is too large or nested too deeply.');
}

async function counts(): Promise<number[]> {
  const queries = [
    db.collection('dossiers'),
    db.collectionGroup('events'),
    db.collection('ratings'),
    db.collection('healthPings'),
    db.collection('uploads'),
    db.collection('users'),
    db.collection('issuedDocuments'),
    db.collectionGroup('results'),
  ];
  return Promise.all(queries.map(async (q) => (await q.count().get()).data().count));
}

/**
 * The counts once the triggers set off before the test have finished writing (the dossier made in
 * beforeAll, or by the file before, gets its slips and issued-document entries a moment later): the same
 * counts twice, a second apart. Without it a slow trigger looked like a write by the first refused request.
 */
async function settledCounts(): Promise<number[]> {
  let last = await counts();
  for (let i = 0; i < 30; i++) {
    await new Promise((later) => setTimeout(later, 1_000));
    const now = await counts();
    if (now.join() === last.join()) return now;
    last = now;
  }
  throw new Error(`the counted collections never stopped changing: ${last.join()}`);
}

// Every write route, as index.ts declares it.
const source = readFileSync(join(ROOT, 'functions', 'src', 'index.ts'), 'utf8');
// Every write route of the contract, and each one is wired in index.ts (the typecheck guarantees it too).
const writeRoutes = (Object.keys(ROUTES) as (keyof typeof ROUTES)[])
  .filter((name) => ROUTES[name].method !== 'GET' && source.includes(`${name}: (req)`))
  .map((name) => ({ method: ROUTES[name].method as 'POST' | 'PUT' | 'DELETE', path: ROUTES[name].path as string }));

let dossierId = '';
/** Who calls each route (one allowed to reach its input parsing) and its path with parameters filled. */
const callers: Record<string, { as?: TestIdentity; path: () => string; shape: object }> = {
  '/health/pings': { path: () => '/health/pings', shape: { requestId: 'fuzz-ping-0001' } },
  '/uploads': { as: IDENTITIES.citizenA, path: () => '/uploads', shape: { draftId: 'fuzz-draft' } },
  '/ratings': {
    as: IDENTITIES.citizenA,
    path: () => '/ratings',
    shape: { requestId: 'fuzz-rating-0001', code: '000.00.01.H99-261203-0001', channel: 'online' },
  },
  '/dossiers': {
    as: IDENTITIES.citizenA,
    path: () => '/dossiers',
    shape: landRenewal('fuzz-deep-submit-0001'),
  },
  '/desk/dossiers': {
    as: IDENTITIES.receptionistX,
    path: () => '/desk/dossiers',
    shape: { ...landRenewal('fuzz-deep-intake-0001'), receivingAgencyId: undefined },
  },
  '/dossiers/:dossierId/actions': {
    as: IDENTITIES.leadX,
    path: () => `/dossiers/${dossierId}/actions`,
    shape: {
      requestId: 'fuzz-deep-act-0001',
      expectedVersion: 1,
      action: { type: 'withdraw', reason: 'Công dân xin rút hồ sơ' },
    },
  },
  '/me/notification-preferences': {
    as: IDENTITIES.citizenB,
    path: () => '/me/notification-preferences',
    shape: { email: true },
  },
  '/me/notifications/:notificationId/read': {
    as: IDENTITIES.citizenA,
    path: () => '/me/notifications/fuzz-notification/read',
    shape: {},
  },
  '/dossiers/:dossierId/follow': {
    as: IDENTITIES.leadX,
    path: () => `/dossiers/${dossierId}/follow`,
    shape: { follow: true },
  },
  '/dossiers/:dossierId/results': {
    as: IDENTITIES.leadX,
    path: () => `/dossiers/${dossierId}/results`,
    shape: {
      requestId: 'fuzz-deep-result-0001',
      details: { typeCode: 'KQ.1', typeName: 'Giấy phép', title: 'Giấy phép', summary: 'Cấp', scope: 'Toàn quốc' },
    },
  },
  // Anyone may verify (multipart, like /uploads): the bound holds for a JSON body all the same.
  '/verifications': { path: () => '/verifications', shape: { file: 'x' } },
  '/admin/officers': {
    as: IDENTITIES.admin,
    path: () => '/admin/officers',
    shape: { email: 'fuzz@motcua.demo', role: 'handler', agencyId: '000.00.14.H99' },
  },
  // The admin console's writes (contract/admin.ts).
  '/admin/officers/:uid': {
    as: IDENTITIES.admin,
    path: () => '/admin/officers/demo-handler-vpdk',
    shape: { requestId: 'fuzz-deep-officer-0001', role: 'handler' },
  },
  '/admin/agencies/:agencyId': {
    as: IDENTITIES.admin,
    path: () => '/admin/agencies/000.21.99.H99',
    shape: { requestId: 'fuzz-deep-agency-0001', expectedUpdateTime: null, name: { vi: 'Xã', en: 'Commune' }, level: 'commune', kind: 'communeCentre', effectiveFrom: '2025-07-01', hasOneStopDesk: true, workingHours: { periods: [{ start: '07:00', end: '11:00' }] }, officers: [] },
  },
  '/admin/agencies/:agencyId/merge': {
    as: IDENTITIES.admin,
    path: () => '/admin/agencies/000.21.99.H99/merge',
    shape: { requestId: 'fuzz-deep-merge-0001', successorId: '000.21.02.H99', effectiveOn: '2026-01-01', basis: 'x' },
  },
  '/admin/procedures/:code/versions': {
    as: IDENTITIES.admin,
    path: () => '/admin/procedures/1.999099/versions',
    shape: { requestId: 'fuzz-deep-version-0001', basedOnVersion: null, name: { vi: 'x', en: 'x' }, components: [], steps: [], fees: [] },
  },
  '/admin/calendars/:year': {
    as: IDENTITIES.admin,
    path: () => '/admin/calendars/2099',
    shape: { requestId: 'fuzz-deep-calendar-0001', expectedUpdateTime: null, weeklyRestDays: [0, 6], holidays: [], makeUpWorkingDays: [], source: 'x' },
  },
  '/admin/branding': {
    as: IDENTITIES.admin,
    path: () => '/admin/branding',
    shape: { requestId: 'fuzz-deep-branding-0001', expectedUpdateTime: null, provinceName: { vi: 'x', en: 'x' }, placeName: 'x' },
  },
  '/contacts/confirm': {
    path: () => '/contacts/confirm',
    shape: { code: '000.00.01.H99-261203-0001', contact: 'email.AAAAAAAAAAAAAAAAAAAAAA' },
  },
  // Feedback and the paper rating slip (contract/feedback.ts, ratings.ts).
  '/feedback': {
    as: IDENTITIES.citizenA,
    path: () => '/feedback',
    shape: { requestId: 'fuzz-deep-feedback-0001', category: 'other', subject: 'x', body: 'x' },
  },
  '/desk/feedback': {
    as: IDENTITIES.receptionistX,
    path: () => '/desk/feedback',
    shape: { requestId: 'fuzz-deep-deskfb-0001', channel: 'hotline', category: 'other', subject: 'x', body: 'x' },
  },
  '/feedback/:feedbackId/actions': {
    as: IDENTITIES.leadX,
    path: () => '/feedback/fuzz-feedback/actions',
    shape: { requestId: 'fuzz-deep-fbact-0001', expectedVersion: 1, action: { type: 'classify' } },
  },
  '/feedback/:feedbackId/sender-actions': {
    path: () => '/feedback/fuzz-feedback/sender-actions',
    shape: { requestId: 'fuzz-deep-fbsend-0001', token: 'x', action: { type: 'rate', satisfied: true } },
  },
  '/desk/ratings': {
    as: IDENTITIES.receptionistX,
    path: () => '/desk/ratings',
    shape: { requestId: 'fuzz-deep-paper-0001', code: '000.00.01.H99-261203-0001', satisfaction: 'satisfied', officerAttitudeComplaint: false },
  },
  // Identity and personal data (contract/identity.ts, privacy.ts).
  '/me/profile': {
    as: IDENTITIES.citizenB,
    path: () => '/me/profile',
    shape: { fullName: 'Nguyễn Văn A', idNumber: '001190012345', phone: '0912345678', address: { line: 'x', communeName: 'x', provinceName: 'x' } },
  },
  '/auth/vneid/start': { path: () => '/auth/vneid/start', shape: {} },
  '/auth/vneid/finish': { path: () => '/auth/vneid/finish', shape: { code: 'x', state: 'x' } },
  '/me/consents/:purpose': {
    as: IDENTITIES.citizenB,
    path: () => '/me/consents/profile',
    shape: { granted: true, noticeVersion: '2026-01' },
  },
  '/me/notice': { as: IDENTITIES.citizenB, path: () => '/me/notice', shape: { version: '2026-01' } },
  '/me/data-requests': {
    as: IDENTITIES.citizenB,
    path: () => '/me/data-requests',
    shape: { requestId: 'fuzz-deep-datareq-0001', kind: 'correction', details: 'x' },
  },
  '/privacy/data-requests/:requestId/actions': {
    as: IDENTITIES.admin,
    path: () => '/privacy/data-requests/fuzz-request/actions',
    shape: { type: 'reply', message: 'x' },
  },
  '/admin/rule-set-settings/:ruleSet': {
    as: IDENTITIES.admin,
    path: () => '/admin/rule-set-settings/nd118-2025',
    shape: { requestId: 'fuzz-deep-settings-0001', expectedUpdateTime: null },
  },
  '/dossiers/:dossierId/portal-sync/retry': {
    as: IDENTITIES.admin,
    path: () => `/dossiers/${dossierId}/portal-sync/retry`,
    shape: {},
  },
  // The portal signs its filings: unsigned, every one of these is refused before it is read.
  '/portal/dossiers': { path: () => '/portal/dossiers', shape: sampleFiling() },
  // POST (a citizen's fresh sign-in → the page-session cookie) and DELETE (clears it): no fields either way.
  '/session': { as: IDENTITIES.citizenA, path: () => '/session', shape: {} },
  '/dossiers/:dossierId/payment/gateway': {
    as: IDENTITIES.citizenA,
    path: () => `/dossiers/${dossierId}/payment/gateway`,
    shape: { reference: '0000001H992612030001V2' },
  },
};

beforeAll(async () => {
  await loadDemoData(db, auth);
  dossierId = (await submitDossier()).id;
  // Refused requests set off no trigger: once the dossier's own have finished, the counts stay still.
  await settledCounts();
});

describe('every write endpoint bounds its input before any work', () => {
  it('knows who calls each POST, PUT and DELETE route of index.ts', () => {
    expect(writeRoutes.length).toBeGreaterThanOrEqual(10);
    expect(writeRoutes.map((r) => r.path).filter((p) => !callers[p])).toEqual([]);
  });

  it.each(writeRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: deep, wide and long bodies are a 400, nothing is written',
    async (_label, route) => {
      const caller = callers[route.path]!;
      // Signing the caller in the first time may write its users/ document (test/support/identity.ts): before counting.
      if (caller.as) await idTokenFor(caller.as);
      const before = await counts();
      const send = (text: string) => sendText(route.method, caller.path(), caller.as, text);
      const cases: [string, string][] = [
        ['an object 5,000 levels deep', nestedJson(5_000)], // ≈ 25 KB
        ['an array 5,000 levels deep', nestedJson(5_000, 'array')],
        [
          'a known field nested past the bound',
          withValueAt(caller.shape, Object.keys(caller.shape)[0] ?? 'a', nestedJson(INPUT_BOUNDS.maxDepth)),
        ],
        ['an unknown field 3,000 levels deep', withValueAt(caller.shape, 'zzUnknown', nestedJson(3_000))],
        [
          'an object of 5,000 fields',
          JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, i]))),
        ],
        ['an array of 5,000 items', withValueAt(caller.shape, 'list', JSON.stringify(Array(5_000).fill(0)))],
      ];
      for (const [what, body] of cases)
        expectBoundRefusal(await send(body), `${route.method} ${route.path} with ${what}`);

      // Generated: random JSON at a random depth under a random key of the route's own shape.
      const keys = [...Object.keys(caller.shape), 'zzUnknown'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...keys),
          fc.integer({ min: 1, max: 4_000 }),
          fc.jsonValue({ maxDepth: 3 }),
          async (key, levels, leaf) => {
            const answer = await send(
              withValueAt(caller.shape, key, nestedJson(levels, levels % 2 === 0 ? 'object' : 'array', leaf)),
            );
            expectStructured4xx(answer, `${route.method} ${route.path} with ${key} ${levels} levels deep`);
            if (levels >= INPUT_BOUNDS.maxDepth)
              expectBoundRefusal(answer, `${route.method} ${route.path} with ${key} ${levels} levels deep`);
          },
        ),
        { numRuns: 12 },
      );
      expect(await counts()).toEqual(before);
    },
    120_000,
  );

  it('bounds query strings too', async () => {
    const query = Array.from({ length: 300 }, (_, i) => `p${i}=1`).join('&');
    const answer = await call('GET', `/procedures?${query}`);
    expectBoundRefusal(answer, 'GET /procedures with 300 parameters');
    expect(answer.body.error?.fields[0]?.path).toBe('query');
  });
});

describe('action payloads', () => {
  it('refuse unknown keys before any work, naming them; the dossier is unchanged', async () => {
    const send = (action: object) =>
      call('POST', `/dossiers/${dossierId}/actions`, IDENTITIES.leadX, {
        requestId: rid('unknown'),
        expectedVersion: 1,
        action,
      });
    const extra = await send({ type: 'withdraw', reason: 'Công dân xin rút hồ sơ', priority: 'high' });
    expectStructured4xx(extra, 'withdraw with an unknown key');
    expect(extra.status).toBe(400);
    expect(extra.body.error?.fields).toEqual([
      {
        path: 'action',
        message: { vi: 'Trường không được phép: priority', en: 'Fields not allowed: priority' },
      },
    ]);
    const nestedUnknown = await send({
      type: 'requestSupplement',
      reason: 'Thiếu giấy tờ',
      items: [{ componentId: 'ban-goc', isNew: true, name: 'Bản gốc', problem: 'Thiếu', colour: 'red' }],
    });
    expect(nestedUnknown.status).toBe(400);
    expect(nestedUnknown.body.error?.fields[0]?.path).toBe('action.items.0');
    // A wrong value is refused up front too, with the field's path.
    const wrong = await send({ type: 'receive', note: 42 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.fields[0]?.path).toBe('action.note');
    // Service-set fields keep their own message.
    const due = await send({
      type: 'receive',
      due: { at: '2026-12-10T10:00:00+07:00', explanation: { vi: 'x', en: 'x' } },
    });
    expect(due.body.error?.fields[0]).toMatchObject({
      path: 'action.due',
      message: { en: 'set by the system; do not send it' },
    });

    const stored = await db.doc(`dossiers/${dossierId}`).get();
    expect(stored.get('version')).toBe(1);
    expect(stored.get('status')).toBe('registered');
    // And the well-formed action still goes through.
    const ok = await call('POST', `/dossiers/${dossierId}/actions`, IDENTITIES.receptionistX, {
      requestId: rid('receive'),
      expectedVersion: 1,
      action: { type: 'receive', note: 'Đủ giấy tờ' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});
