// Security rules of the audit log (auditLog/{id}, store/admin-write.ts): administrators read it; nobody
// writes it from a client, not even an administrator (entries are created by the server only, and never
// changed: an append-only record of who changed what).
import { collection, deleteDoc, doc, getDoc, getDocs, limit, query, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACTOR_NAMES, allowedOnly, expectRule, rulesSession, seed, teardown } from './_env.js';

const rules = rulesSession();
const { db } = rules;

const ENTRY = 'auditLog/rules-test-admin_req-1';
const READS = allowedOnly('admin');

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, {
    [ENTRY]: {
      at: new Date('2026-12-03T02:00:00Z'),
      actor: { userId: 'rules-admin', role: 'admin' },
      action: 'agency.save',
      target: { kind: 'agency', id: '000.21.02.H99' },
      requestId: 'req-1',
      summary: { vi: 'Cập nhật cơ quan', en: 'Agency updated' },
      before: null,
      after: { name: { vi: 'UBND xã An Phú', en: 'An Phú Commune' } },
    },
  });
});

afterAll(async () => {
  await teardown(rules.current, [ENTRY, 'auditLog/rules-new']);
});

describe('auditLog', () => {
  it.each(ACTOR_NAMES)('%s get an entry', async (actor) => {
    await expectRule(getDoc(doc(db(actor), ENTRY)), READS[actor]);
  });
  it.each(ACTOR_NAMES)('%s list the log', async (actor) => {
    await expectRule(getDocs(query(collection(db(actor), 'auditLog'), limit(10))), READS[actor]);
  });
  it.each(ACTOR_NAMES)('%s may not add an entry', async (actor) => {
    await expectRule(setDoc(doc(db(actor), 'auditLog/rules-new'), { action: 'forged', at: new Date() }), false);
  });
  it.each(ACTOR_NAMES)('%s may not change an entry', async (actor) => {
    await expectRule(updateDoc(doc(db(actor), ENTRY), { summary: { vi: 'sửa', en: 'edited' } }), false);
  });
  it.each(ACTOR_NAMES)('%s may not delete an entry', async (actor) => {
    await expectRule(deleteDoc(doc(db(actor), ENTRY)), false);
  });
});
