// Security rules of the figures (stats) and the evaluation documents (ratings, feedback): stats and
// feedback are readable by the officers of the agency the document names, by monitors and by admins;
// ratings only by monitors and admins, since a rating names its dossier and the rated agency's officers
// must not learn who rated them (Decree 118 Art. 29.3; issue 12, finding 4): they read the aggregated
// counts in stats. Everything is written only by the server.
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
  where,
} from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  ACTOR_NAMES,
  AGENCY_X,
  AGENCY_Y,
  allowedOnly,
  expectRule,
  rulesSession,
  seed,
  teardown,
  type Actor,
} from './_env.js';

const rules = rulesSession();
const { db } = rules;

const at = new Date('2026-03-02T02:00:00Z');
const OF_X = allowedOnly('receptionistX', 'leadX', 'admin', 'monitor');
const OF_Y = allowedOnly('handlerY', 'admin', 'monitor');
const PROVINCE = allowedOnly('admin', 'monitor');

/** Each document with who may read it. Feedback need not name an agency: then only province-wide readers. */
const DOCS: Record<string, { data: object; reads: Record<Actor, boolean> }> = {
  [`stats/rules-${AGENCY_X}_land_2026-03`]: {
    data: { agencyId: AGENCY_X, field: 'land', month: '2026-03', received: 4 },
    reads: OF_X,
  },
  [`stats/rules-${AGENCY_Y}_land_2026-03`]: {
    data: { agencyId: AGENCY_Y, field: 'land', month: '2026-03', received: 1 },
    reads: OF_Y,
  },
  'ratings/rules-d1': {
    data: { dossierId: 'rules-d1', agencyId: AGENCY_X, level: 5, channel: 'online', at },
    reads: PROVINCE,
  },
  'ratings/rules-d4': {
    data: { dossierId: 'rules-d4', agencyId: AGENCY_Y, level: 2, channel: 'desk', at },
    reads: PROVINCE,
  },
  'feedback/rules-fb-x': {
    data: { kind: 'complaint', subject: 's', body: 'b', agencyId: AGENCY_X, receivedAt: at },
    reads: OF_X,
  },
  'feedback/rules-fb-y': {
    data: { kind: 'question', subject: 's', body: 'b', agencyId: AGENCY_Y, receivedAt: at },
    reads: OF_Y,
  },
  'feedback/rules-fb-none': {
    data: { kind: 'suggestion', subject: 's', body: 'b', receivedAt: at },
    reads: PROVINCE,
  },
};
const PATHS = Object.keys(DOCS);
const COLLECTIONS = ['stats', 'ratings', 'feedback'] as const;

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, Object.fromEntries(PATHS.map((p) => [p, DOCS[p]!.data])));
});

afterAll(async () => {
  await teardown(rules.current, [...PATHS, ...COLLECTIONS.map((c) => `${c}/rules-new`)]);
});

const cells = <T>(rows: readonly T[]) =>
  ACTOR_NAMES.flatMap((actor) => rows.map((row) => [actor, row] as const));

describe('documents', () => {
  it.each(cells(PATHS))('%s get %s', async (actor, path) => {
    await expectRule(getDoc(doc(db(actor), path)), DOCS[path]!.reads[actor]);
  });
  it.each(cells(PATHS))('%s may not update %s', async (actor, path) => {
    await expectRule(updateDoc(doc(db(actor), path), { received: 1000 }), false);
  });
  it.each(cells(PATHS))('%s may not delete %s', async (actor, path) => {
    await expectRule(deleteDoc(doc(db(actor), path)), false);
  });
  it.each(cells(COLLECTIONS))('%s may not create in %s', async (actor, c) => {
    await expectRule(setDoc(doc(db(actor), `${c}/rules-new`), { agencyId: AGENCY_X, level: 5 }), false);
  });
});

/** Who may list a collection's documents of one agency: never the rated agency's officers for ratings. */
const agencyQuery = (c: (typeof COLLECTIONS)[number], ofAgency: Record<Actor, boolean>) => (c === 'ratings' ? PROVINCE : ofAgency);

describe('queries', () => {
  it.each(cells(COLLECTIONS))('%s lists %s where agencyId == X', async (actor, c) => {
    await expectRule(
      getDocs(query(collection(db(actor), c), where('agencyId', '==', AGENCY_X))),
      agencyQuery(c, OF_X)[actor],
    );
  });
  it.each(cells(COLLECTIONS))('%s lists %s where agencyId == Y', async (actor, c) => {
    await expectRule(
      getDocs(query(collection(db(actor), c), where('agencyId', '==', AGENCY_Y))),
      agencyQuery(c, OF_Y)[actor],
    );
  });
  it.each(cells(COLLECTIONS))('%s lists all of %s', async (actor, c) => {
    await expectRule(getDocs(query(collection(db(actor), c), limit(20))), PROVINCE[actor]);
  });
});
