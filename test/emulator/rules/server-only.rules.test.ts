// Collections only the server touches (Admin SDK): closed to every client, for every operation.
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  query,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACTOR_NAMES, expectRule, rulesSession, seed, teardown } from './_env.js';

const rules = rulesSession();
const { db } = rules;

/** One seeded document per server-only collection (dossiers/{id}/requests is in dossiers.rules.test.ts). */
const SERVER_ONLY = {
  counters: { id: 'rules-000.00.01.H99_260302', data: { next: 7 } },
  // A queued submission holds the request as sent (personal data) until the allocator numbers it.
  codeQueue: {
    id: 'rules-d1',
    data: { issuerDay: '000.00.01.H99_260302', state: 'queued', queuedAt: new Date('2026-03-02T02:00:00Z'), bodyJson: '{}', callerJson: '{}' },
  },
  codeLeases: { id: 'rules-000.00.01.H99_260302', data: { expiresAt: new Date('2026-03-02T02:00:10Z') } },
  processedEvents: { id: 'rules-stats_d1_000001', data: { at: new Date('2026-03-02T02:00:00Z') } },
  slipRequests: { id: 'rules-d1_000002', data: { dossierId: 'rules-d1', version: 2, status: 'pending' } },
  notificationRequests: {
    id: 'rules-d1_000002',
    data: { dossierId: 'rules-d1', version: 2, status: 'pending' },
  },
  uploads: {
    id: 'rules-upload-1',
    data: { ownerUserId: 'rules-citizen-a', fileName: 'cccd.pdf', size: 1024, dossierId: null },
  },
  rateLimits: { id: 'rules-lookup_0042_29580000', data: { count: 3 } },
  // A citizen may not read, reset or raise the counts of their own quota, nor see whom the service messaged.
  intakeQuotas: { id: 'rules-account_rules-citizen-a_260302', data: { scope: 'account', uid: 'rules-citizen-a', count: 10 } },
  recipientLimits: { id: 'rules-0123456789abcdef0123456789abcdef_260302', data: { count: 3, firstContacts: 3 } },
  issuedDocuments: { id: 'rules-0f'.padEnd(64, '0'), data: { kind: 'slip', agencyId: '000.00.01.H99', dossierId: 'rules-d1' } },
  portalSyncRequests: { id: 'rules-d1_000002', data: { dossierId: 'rules-d1', version: 2, state: 'pending', messages: [] } },
  portalSync: { id: 'rules-d1', data: { dossierId: 'rules-d1', sentVersion: 1 } },
  portalFilings: { id: 'rules-d1', data: { code: 'G09.20-20260302-0000001', vneidVerified: true } },
  paymentOrders: { id: 'rules-0000001H992603020001V5', data: { dossierId: 'rules-d1', amountVnd: 50_000, state: 'open' } },
  receipts: { id: 'rules-0000001H992603020001V5', data: { dossierId: 'rules-d1', payer: 'Nguyễn Văn A', amountVnd: 50_000 } },
  healthPings: { id: 'rules-ping', data: { note: null } },
  system: { id: 'rules-heartbeat', data: { at: new Date('2026-03-02T02:00:00Z') } },
  settings: { id: 'rules-branding', data: { provinceName: { vi: 'tỉnh Bình An', en: 'Bình An province' }, placeName: 'Bình An' } },
  adminRequests: { id: 'rules-test-admin_req-1', data: { fingerprint: 'x', status: 200, body: {} } },
  agencyMergers: { id: 'rules-000.21.03.H99', data: { successorId: '000.21.02.H99', moved: 0 } },
} as const;
type Collection = keyof typeof SERVER_ONLY;
const COLLECTIONS = Object.keys(SERVER_ONLY) as Collection[];
const pathOf = (c: Collection) => `${c}/${SERVER_ONLY[c].id}`;

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, Object.fromEntries(COLLECTIONS.map((c) => [pathOf(c), SERVER_ONLY[c].data])));
});

afterAll(async () => {
  await teardown(rules.current, [...COLLECTIONS.map(pathOf), ...COLLECTIONS.map((c) => `${c}/rules-new`)]);
});

const cells = ACTOR_NAMES.flatMap((actor) => COLLECTIONS.map((c) => [actor, c] as const));

describe('server-only collections', () => {
  it.each(cells)('%s may not get from %s', async (actor, c) => {
    await expectRule(getDoc(doc(db(actor), pathOf(c))), false);
  });
  it.each(cells)('%s may not list %s', async (actor, c) => {
    await expectRule(getDocs(query(collection(db(actor), c), limit(5))), false);
  });
  it.each(cells)('%s may not create in %s', async (actor, c) => {
    await expectRule(setDoc(doc(db(actor), `${c}/rules-new`), { forged: true }), false);
  });
  it.each(cells)('%s may not update %s', async (actor, c) => {
    await expectRule(updateDoc(doc(db(actor), pathOf(c)), { forged: true }), false);
  });
  it.each(cells)('%s may not delete from %s', async (actor, c) => {
    await expectRule(deleteDoc(doc(db(actor), pathOf(c))), false);
  });
});
