// Generated garbage against every dossier endpoint: always a structured 4xx (code, Vietnamese and
// English message, field details), never a 500, and nothing written.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { call, landRenewal, rid, submit, type RawReply } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
let existingDossierId = '';

async function counts(): Promise<number[]> {
  const [dossiers, events, counters, ratings] = await Promise.all(
    [db.collection('dossiers'), db.collectionGroup('events'), db.collection('counters'), db.collection('ratings')].map(
      async (q) => (await q.count().get()).data().count,
    ),
  );
  return [dossiers!, events!, counters!, ratings!];
}

/** Garbage on purpose: the untyped call (a POST always carries a body, `null` at least). */
const send = (method: 'GET' | 'POST', path: string, as: TestIdentity, body?: unknown) => call(method, path, as, method === 'POST' ? (body ?? null) : undefined);

function expectStructuredClientError(answer: RawReply): void {
  expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.text).toBeLessThan(500);
  const body = JSON.parse(answer.text) as {
    error: { code: string; message: { vi: string; en: string }; fields: unknown[] };
  };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.vi.length).toBeGreaterThan(0);
  expect(body.error.message.en.length).toBeGreaterThan(0);
  expect(Array.isArray(body.error.fields)).toBe(true);
}

// JSON bodies the platform's parser accepts (objects and arrays); other shapes never reach our code.
const garbage = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.record({
    requestId: fc.string(),
    procedureCode: fc.string(),
    applicant: fc.jsonValue({ maxDepth: 2 }),
    components: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({
    requestId: fc.string(),
    expectedVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
    action: fc.jsonValue({ maxDepth: 3 }),
  }),
  // Rating-shaped: right keys, wrong values (a valid code of a dossier that does not exist at most).
  fc.record(
    {
      requestId: fc.oneof(fc.string(), fc.constant('fuzz-rating-0001')),
      code: fc.oneof(fc.string(), fc.constant('000.00.01.H99-351130-0999')),
      token: fc.oneof(fc.string(), fc.constant('AAAAAAAAAAAAAAAAAAAAAA')),
      channel: fc.oneof(fc.string(), fc.constantFrom('online', 'deskDevice', 'paperSlip')),
      satisfaction: fc.oneof(fc.string(), fc.constantFrom('satisfied', 'veryDissatisfied')),
      officerAttitudeComplaint: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
      comment: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    requestId: fc.constant('fuzz-request-01'),
    expectedVersion: fc.constant(1),
    action: fc.record(
      {
        type: fc.constantFrom('receive', 'transfer', 'extend', 'resolve', 'stop', 'submit'),
        due: fc.option(fc.jsonValue()),
        toAgencyId: fc.option(fc.string()),
        newDueAt: fc.option(fc.string()),
        outcome: fc.option(fc.string()),
      },
      { requiredKeys: ['type'] },
    ),
  }),
);

beforeAll(async () => {
  await loadDemoData(db, auth);
  const existing = await submit(
    landRenewal(rid('fuzz-base'), {
      kind: 'person',
      fullName: 'Trần Minh Quân',
      identity: { kind: 'citizenId', number: '079088001122' },
      phone: '+84901234567',
      address: { line: '5 Trần Phú', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
    }),
    IDENTITIES.citizenA,
  );
  existingDossierId = existing.id;
});

describe('generated garbage never causes a 500 nor a write', () => {
  const cases: [string, 'POST' | 'GET', (body: unknown) => string, TestIdentity][] = [
    ['POST /dossiers (citizen)', 'POST', () => '/dossiers', IDENTITIES.citizenA],
    ['POST /desk/dossiers (desk officer)', 'POST', () => '/desk/dossiers', IDENTITIES.receptionistX],
    [
      'POST /dossiers/:id/actions (lead)',
      'POST',
      () => `/dossiers/${existingDossierId}/actions`,
      IDENTITIES.leadX,
    ],
    ['POST /admin/officers (admin)', 'POST', () => '/admin/officers', IDENTITIES.admin],
    ['POST /ratings (citizen)', 'POST', () => '/ratings', IDENTITIES.citizenA],
    ['POST /ratings (kiosk)', 'POST', () => '/ratings', IDENTITIES.kioskX],
    ['POST /ratings (lead)', 'POST', () => '/ratings', IDENTITIES.leadX],
  ];
  it.each(cases)(
    '%s',
    async (_label, method, path, as) => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(garbage, async (body) => {
          expectStructuredClientError(await send(method, path(body), as, body));
        }),
        { numRuns: 40 },
      );
      expect(await counts()).toEqual(before);
    },
    120_000,
  );

  it('GET /dossiers/:id with generated ids', async () => {
    await fc.assert(
      // Hosting answers paths with a segment starting with a dot itself (dot segments and dotfiles: its
      // own 404 page) before the function is reached, so such ids say nothing about our code.
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }).filter((id) => !/^[.\s]/.test(id)), async (id) => {
        const answer = await send('GET', `/dossiers/${encodeURIComponent(id)}`, IDENTITIES.citizenB);
        expectStructuredClientError(answer);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
