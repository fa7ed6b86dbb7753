// Rules of the personal-data collections (issue 15): a consent and its log, a data request and the access
// log are readable by the person they are about and nobody else; the VNeID records and sign-in states are
// closed; a dossier filed on someone's behalf is readable by that person's account (`principalUserId`).
// Nobody writes any of them from a client.
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, where } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACTOR_NAMES, AGENCY_X, allowedOnly, expectRule, NOBODY, rulesSession, seed, teardown, uidOf, type Actor } from './_env.js';

const rules = rulesSession();
const { db } = rules;

const DOCS = {
  consent: { path: `users/${uidOf('citizenA')}/consents/profile`, data: { granted: true, noticeVersion: '2026-12-01', at: new Date() } },
  consentLog: { path: `users/${uidOf('citizenA')}/consentLog/rules-log-1`, data: { purpose: 'profile', granted: true, noticeVersion: '2026-12-01', at: new Date() } },
  dataRequest: { path: 'dataRequests/rules-dsr-1', data: { uid: uidOf('citizenA'), kind: 'deletion', status: 'open', details: 'x' } },
  accessLog: { path: 'accessLogs/rules-log-1', data: { subjectUid: uidOf('citizenA'), actorUid: uidOf('receptionistX'), actorRole: 'receptionist', uploadId: 'u1', fileName: 'cccd.pdf', at: new Date() } },
  vneidIdentity: { path: 'vneidIdentities/rules-sub-1', data: { idNumber: '001190012345', uid: uidOf('citizenA') } },
  oidcState: { path: 'oidcStates/rules-state-1', data: { nonce: 'n', codeVerifier: 'v' } },
  onBehalf: { path: 'dossiers/rules-on-behalf', data: { ownerUserId: uidOf('citizenB'), principalUserId: uidOf('citizenA'), agencyIds: [AGENCY_X], status: 'registered' } },
  onBehalfPersonal: { path: 'dossiers/rules-on-behalf/private/personal', data: { applicant: { kind: 'person', fullName: 'A' }, filer: { fullName: 'B' } } },
} as const;
type Key = keyof typeof DOCS;
const KEYS = Object.keys(DOCS) as Key[];

const IN_SCOPE: Actor[] = ['receptionistX', 'leadX', 'admin'];
const READ: Record<Key, Record<Actor, boolean>> = {
  consent: allowedOnly('citizenA'),
  consentLog: allowedOnly('citizenA'),
  dataRequest: allowedOnly('citizenA'),
  accessLog: allowedOnly('citizenA'),
  vneidIdentity: NOBODY,
  oidcState: NOBODY,
  onBehalf: allowedOnly('citizenA', 'citizenB', 'receptionistX', 'leadX', 'admin', 'monitor'),
  onBehalfPersonal: allowedOnly('citizenA', 'citizenB', ...IN_SCOPE),
};

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, Object.fromEntries(KEYS.map((k) => [DOCS[k].path, DOCS[k].data])));
});

afterAll(async () => {
  await teardown(rules.current, KEYS.map((k) => DOCS[k].path).reverse());
});

const cells = ACTOR_NAMES.flatMap((actor) => KEYS.map((k) => [actor, k] as const));

describe('personal-data collections', () => {
  it.each(cells)('%s reading %s', async (actor, k) => {
    await expectRule(getDoc(doc(db(actor), DOCS[k].path)), READ[k][actor]);
  });
  it.each(cells)('%s may not write %s', async (actor, k) => {
    await expectRule(setDoc(doc(db(actor), DOCS[k].path), { forged: true }), false);
    await expectRule(deleteDoc(doc(db(actor), DOCS[k].path)), false);
  });
  it('the applicant lists the dossiers filed on their behalf, and only theirs', async () => {
    await expectRule(getDocs(query(collection(db('citizenA'), 'dossiers'), where('principalUserId', '==', uidOf('citizenA')))), true);
    await expectRule(getDocs(query(collection(db('citizenB'), 'dossiers'), where('principalUserId', '==', uidOf('citizenA')))), false);
    await expectRule(getDocs(query(collection(db('citizenA'), 'accessLogs'), where('subjectUid', '==', uidOf('citizenA')))), true);
    await expectRule(getDocs(query(collection(db('citizenB'), 'accessLogs'), where('subjectUid', '==', uidOf('citizenA')))), false);
    await expectRule(getDocs(query(collection(db('citizenA'), 'dataRequests'), where('uid', '==', uidOf('citizenA')))), true);
  });
});
