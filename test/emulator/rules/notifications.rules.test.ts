// Rules of the notification and deadline collections: the in-app inbox is readable by its recipient, a
// task by its assignees, a deadline watch by the agency's officers and by monitors; nobody writes.
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACTOR_NAMES, AGENCY_X, allowedOnly, expectRule, NOBODY, rulesSession, seed, teardown, uidOf, type Actor } from './_env.js';

const rules = rulesSession();
const { db } = rules;

const DOCS = {
  notifications: { id: 'rules-notif-1', data: { recipientUid: uidOf('citizenA'), channel: 'inApp', dossierId: 'rules-d1', readAt: null } },
  tasks: { id: 'rules-d1_extension', data: { kind: 'issueApology', dossierId: 'rules-d1', agencyId: AGENCY_X, assigneeUids: [uidOf('leadX')], state: 'open' } },
  deadlineWatch: { id: 'rules-d1', data: { dossierId: 'rules-d1', agencyId: AGENCY_X, dueSoon: true, overdue: false } },
  smsSink: { id: 'rules-notif-2', data: { to: '+84912345678', text: 'x' } },
} as const;
type Collection = keyof typeof DOCS;
const COLLECTIONS = Object.keys(DOCS) as Collection[];
const pathOf = (c: Collection) => `${c}/${DOCS[c].id}`;

const READ: Record<Collection, Record<Actor, boolean>> = {
  notifications: allowedOnly('citizenA'),
  tasks: allowedOnly('leadX'),
  deadlineWatch: allowedOnly('receptionistX', 'leadX', 'admin', 'monitor'),
  smsSink: NOBODY,
};

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, Object.fromEntries(COLLECTIONS.map((c) => [pathOf(c), DOCS[c].data])));
});

afterAll(async () => {
  await teardown(rules.current, [...COLLECTIONS.map(pathOf), ...COLLECTIONS.map((c) => `${c}/rules-new`)]);
});

const cells = ACTOR_NAMES.flatMap((actor) => COLLECTIONS.map((c) => [actor, c] as const));

describe('notifications, tasks, deadline watches', () => {
  it.each(cells)('%s reading %s', async (actor, c) => {
    await expectRule(getDoc(doc(db(actor), pathOf(c))), READ[c][actor]);
  });
  it.each(ACTOR_NAMES)('%s listing its own inbox', async (actor) => {
    if (actor === 'anonymous') {
      await expectRule(getDocs(query(collection(db(actor), 'notifications'), where('recipientUid', '==', 'nobody'))), false);
    } else {
      await expectRule(getDocs(query(collection(db(actor), 'notifications'), where('recipientUid', '==', uidOf(actor)))), true);
      if (actor !== 'citizenA')
        await expectRule(getDocs(query(collection(db(actor), 'notifications'), where('recipientUid', '==', uidOf('citizenA')))), false);
    }
  });
  it.each(cells)('%s may not write %s', async (actor, c) => {
    await expectRule(setDoc(doc(db(actor), `${c}/rules-new`), { forged: true }), false);
    await expectRule(updateDoc(doc(db(actor), pathOf(c)), { readAt: new Date() }), false);
    await expectRule(deleteDoc(doc(db(actor), pathOf(c))), false);
  });
});
