// Security rules of dossiers and their subcollections (private, events, handoffs, requests), against
// the real Firestore emulator: every actor × document × operation cell is asserted.
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
  AGENCY_Z,
  allowedOnly,
  expectRule,
  NOBODY,
  rulesSession,
  seed,
  teardown,
  uidOf,
  type Actor,
} from './_env.js';

const rules = rulesSession();
const { db } = rules;

const at = new Date('2026-03-02T02:00:00Z');
function projection(fields: {
  receivingAgencyId: string;
  agencyIds: string[];
  ownerUserId?: string;
  current: string;
}) {
  return {
    code: `${fields.receivingAgencyId}-260302-0001`,
    version: 3,
    status: 'processing',
    channel: 'online',
    resultDelivery: 'desk',
    procedure: {
      code: '1.000001',
      version: 1,
      name: { vi: 'Thủ tục thử', en: 'Test procedure' },
      supplementClockPolicy: 'restart',
    },
    ruleSet: 'nd118-2025',
    receivingAgencyId: fields.receivingAgencyId,
    agencyIds: fields.agencyIds,
    currentStep: { agencyId: fields.current, since: at },
    ...(fields.ownerUserId ? { ownerUserId: fields.ownerUserId } : {}),
    createdAt: at,
    updatedAt: at,
    extensionCount: 0,
    supplementCount: { reception: 0, handling: 0 },
    opinions: [],
    lastEventHash: 'ab'.repeat(32),
  };
}

/**
 * The fixtures: d1 received by X, owned by citizen A, now handled at Y after a transfer; d2 only at X,
 * owned by citizen B; d3 a walk-in (no owner) at an unrelated agency Z.
 */
const DOSSIERS = {
  'rules-d1': projection({
    receivingAgencyId: AGENCY_X,
    agencyIds: [AGENCY_X, AGENCY_Y],
    ownerUserId: uidOf('citizenA'),
    current: AGENCY_Y,
  }),
  'rules-d2': projection({
    receivingAgencyId: AGENCY_X,
    agencyIds: [AGENCY_X],
    ownerUserId: uidOf('citizenB'),
    current: AGENCY_X,
  }),
  'rules-d3': projection({ receivingAgencyId: AGENCY_Z, agencyIds: [AGENCY_Z], current: AGENCY_Z }),
} as const;
type DossierId = keyof typeof DOSSIERS;
const DOSSIER_IDS = Object.keys(DOSSIERS) as DossierId[];

/** Who may read each dossier (and its events and handoffs). */
const READS: Record<DossierId, Record<Actor, boolean>> = {
  'rules-d1': allowedOnly('citizenA', 'receptionistX', 'handlerY', 'leadX', 'admin', 'monitor'),
  'rules-d2': allowedOnly('citizenB', 'receptionistX', 'leadX', 'admin', 'monitor'),
  'rules-d3': allowedOnly('admin', 'monitor'),
};
/** Who may read the personal part: as the dossier, but never a monitor. */
const PRIVATE_READS: Record<DossierId, Record<Actor, boolean>> = {
  'rules-d1': allowedOnly('citizenA', 'receptionistX', 'handlerY', 'leadX', 'admin'),
  'rules-d2': allowedOnly('citizenB', 'receptionistX', 'leadX', 'admin'),
  'rules-d3': allowedOnly('admin'),
};

const SUBCOLLECTIONS = {
  private: {
    docId: 'personal',
    reads: PRIVATE_READS,
    data: { applicant: { kind: 'person', fullName: 'Bùi Thị Mai' }, components: [] },
  },
  events: {
    docId: '000001',
    reads: READS,
    data: { version: 1, type: 'submit', at, prevHash: '', hash: 'cd'.repeat(32) },
  },
  // A handoff row on each fixture, so that a read is refused by the rules and not by a missing document.
  handoffs: {
    docId: '001',
    reads: READS,
    data: { fromAgencyId: AGENCY_X, toAgencyId: AGENCY_Y, handedOverAt: at },
  },
  requests: {
    docId: 'rules-req-1',
    reads: { 'rules-d1': NOBODY, 'rules-d2': NOBODY, 'rules-d3': NOBODY },
    data: { uid: 'x', answer: {} },
  },
} as const;
type Sub = keyof typeof SUBCOLLECTIONS;
const SUB_NAMES = Object.keys(SUBCOLLECTIONS) as Sub[];

const seeded: string[] = [];
beforeAll(async () => {
  const env = await rules.start();
  const docs: Record<string, object> = {};
  for (const id of DOSSIER_IDS) {
    docs[`dossiers/${id}`] = DOSSIERS[id];
    for (const sub of SUB_NAMES)
      docs[`dossiers/${id}/${sub}/${SUBCOLLECTIONS[sub].docId}`] = SUBCOLLECTIONS[sub].data;
  }
  await seed(env, docs);
  seeded.push(...Object.keys(docs));
});

afterAll(async () => {
  // Paths a wrongly allowed create would have written, then the fixtures (children first).
  const created = DOSSIER_IDS.flatMap((id) => SUB_NAMES.map((sub) => `dossiers/${id}/${sub}/rules-new`));
  await teardown(rules.current, [
    ...created,
    ...ACTOR_NAMES.map((a) => `dossiers/rules-new-${a}`),
    ...seeded.reverse(),
  ]);
});

const cells = <T>(rows: T[]) => ACTOR_NAMES.flatMap((actor) => rows.map((row) => [actor, row] as const));

describe('dossiers/{id}', () => {
  it.each(cells(DOSSIER_IDS))('%s get %s', async (actor, id) => {
    await expectRule(getDoc(doc(db(actor), `dossiers/${id}`)), READS[id][actor]);
  });

  it.each(cells(DOSSIER_IDS))('%s may not update %s', async (actor, id) => {
    await expectRule(updateDoc(doc(db(actor), `dossiers/${id}`), { status: 'returned' }), false);
  });

  it.each(cells(DOSSIER_IDS))('%s may not delete %s', async (actor, id) => {
    await expectRule(deleteDoc(doc(db(actor), `dossiers/${id}`)), false);
  });

  it.each(ACTOR_NAMES)('%s may not create a dossier, not even one it would own', async (actor) => {
    const owner = actor === 'anonymous' ? {} : { ownerUserId: uidOf(actor) };
    const data = {
      ...projection({ receivingAgencyId: AGENCY_X, agencyIds: [AGENCY_X], current: AGENCY_X }),
      ...owner,
    };
    await expectRule(setDoc(doc(db(actor), `dossiers/rules-new-${actor}`), data), false);
  });
});

describe('dossier queries', () => {
  const dossiers = (actor: Actor) => collection(db(actor), 'dossiers');

  // A citizen lists their own dossiers by owner; nobody lists another citizen's. Ownership goes with the
  // uid, whatever the role: an officer's own query is allowed (and finds nothing it should not see).
  const OWN_BY_OWNER = allowedOnly(...ACTOR_NAMES.filter((a) => a !== 'anonymous'));
  it.each(ACTOR_NAMES)('%s lists dossiers where ownerUserId == its own uid', async (actor) => {
    const uid = actor === 'anonymous' ? 'rules-nobody' : uidOf(actor);
    await expectRule(getDocs(query(dossiers(actor), where('ownerUserId', '==', uid))), OWN_BY_OWNER[actor]);
  });
  const A_BY_OWNER = allowedOnly('citizenA', 'admin', 'monitor');
  it.each(ACTOR_NAMES)("%s lists citizen A's dossiers by owner", async (actor) => {
    await expectRule(
      getDocs(query(dossiers(actor), where('ownerUserId', '==', uidOf('citizenA')))),
      A_BY_OWNER[actor],
    );
  });

  // An officer lists the dossiers of their agency; another agency's list is refused.
  const X_BY_AGENCY = allowedOnly('receptionistX', 'leadX', 'admin', 'monitor');
  it.each(ACTOR_NAMES)('%s lists dossiers where agencyIds contains X', async (actor) => {
    await expectRule(
      getDocs(query(dossiers(actor), where('agencyIds', 'array-contains', AGENCY_X))),
      X_BY_AGENCY[actor],
    );
  });
  const Y_BY_AGENCY = allowedOnly('handlerY', 'admin', 'monitor');
  it.each(ACTOR_NAMES)('%s lists dossiers where agencyIds contains Y', async (actor) => {
    await expectRule(
      getDocs(query(dossiers(actor), where('agencyIds', 'array-contains', AGENCY_Y))),
      Y_BY_AGENCY[actor],
    );
  });

  // Province-wide lists: monitors and admins only.
  const ALL = allowedOnly('admin', 'monitor');
  it.each(ACTOR_NAMES)('%s lists every dossier', async (actor) => {
    await expectRule(getDocs(query(dossiers(actor), limit(20))), ALL[actor]);
  });

  it('an officer sees exactly the fixtures of its agency, a citizen exactly their own', async () => {
    const ids = async (actor: Actor, field: string, op: '==' | 'array-contains', value: string) =>
      (await getDocs(query(dossiers(actor), where(field, op, value)))).docs
        .map((d) => d.id)
        .filter((id) => id.startsWith('rules-d'))
        .sort();
    const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
    const x = await ids('receptionistX', 'agencyIds', 'array-contains', AGENCY_X);
    const y = await ids('handlerY', 'agencyIds', 'array-contains', AGENCY_Y);
    const a = await ids('citizenA', 'ownerUserId', '==', uidOf('citizenA'));
    if (!same(x, ['rules-d1', 'rules-d2']) || !same(y, ['rules-d1']) || !same(a, ['rules-d1'])) {
      throw new Error(`unexpected query results: X ${x.join()}, Y ${y.join()}, A ${a.join()}`);
    }
  });
});

describe.each(SUB_NAMES)('dossiers/{id}/%s', (sub) => {
  const { docId, reads } = SUBCOLLECTIONS[sub];

  it.each(cells(DOSSIER_IDS))(`%s get ${sub} of %s`, async (actor, id) => {
    await expectRule(getDoc(doc(db(actor), `dossiers/${id}/${sub}/${docId}`)), reads[id][actor]);
  });

  it.each(cells(DOSSIER_IDS))(`%s list ${sub} of %s`, async (actor, id) => {
    await expectRule(getDocs(collection(db(actor), `dossiers/${id}/${sub}`)), reads[id][actor]);
  });

  it.each(cells(DOSSIER_IDS))(`%s may not create ${sub} in %s`, async (actor, id) => {
    await expectRule(setDoc(doc(db(actor), `dossiers/${id}/${sub}/rules-new`), { x: 1 }), false);
  });

  it.each(cells(DOSSIER_IDS))(`%s may not update ${sub} of %s`, async (actor, id) => {
    await expectRule(updateDoc(doc(db(actor), `dossiers/${id}/${sub}/${docId}`), { tampered: true }), false);
  });

  it.each(cells(DOSSIER_IDS))(`%s may not delete ${sub} of %s`, async (actor, id) => {
    await expectRule(deleteDoc(doc(db(actor), `dossiers/${id}/${sub}/${docId}`)), false);
  });
});
