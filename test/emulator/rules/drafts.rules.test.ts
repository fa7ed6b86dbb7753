// Security rules of drafts, the one collection clients write: the actor × operation matrix, the ten draft
// slots of an account (`drafts/{uid}_0` … `_9`: the bound on what one account can store, issue 12,
// finding 2), the field checks one by one, and a generated matrix (fast-check) where a write is allowed
// iff the draft is valid.
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  ACTOR_NAMES,
  AGENCY_X,
  allowedOnly,
  expectRule,
  NOBODY,
  remove,
  rulesSession,
  seed,
  teardown,
  uidOf,
  type Actor,
} from './_env.js';

const rules = rulesSession();
const { db } = rules;
const uidOrNobody = (actor: Actor) => (actor === 'anonymous' ? 'rules-nobody' : uidOf(actor));

const at = new Date('2026-03-01T02:00:00Z');
const person = {
  kind: 'person',
  fullName: 'Bùi Thị Mai',
  identity: { kind: 'citizenId', number: '079190001234' },
  phone: '+84987654321',
  address: { line: '15 đường Hòa Bình', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
};
const organisation = {
  kind: 'organisation',
  name: 'Công ty TNHH Bình An Xanh',
  taxCode: '0123456789-001',
  representative: {
    fullName: 'Lê Minh Châu',
    title: 'Giám đốc',
    identity: { kind: 'passport', number: 'C1234567', country: 'VNM' },
  },
  phone: '+84912345678',
  email: 'lienhe@binhanxanh.vn',
  address: {
    line: '2 Lê Lợi',
    communeName: 'Phường Đông Thành',
    communeCode: '12345',
    provinceName: 'Tỉnh Bình An',
    provinceCode: '99',
  },
};
const component = (i: number) => ({
  componentId: `c${i}`,
  originals: 1,
  certifiedCopies: 0,
  copies: 0,
  attachments: [],
});

/** A complete, valid draft as the web app writes it (server timestamps for both times). */
function draft(owner: string, overrides: Record<string, unknown> = {}): DocumentData {
  return {
    ownerUserId: owner,
    procedureCode: '1.000001',
    receivingAgencyId: AGENCY_X,
    applicant: person,
    components: [component(1)],
    resultDelivery: 'desk',
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    ...overrides,
  };
}
/** The same draft as stored (what the seed writes with the rules disabled). */
const stored = (owner: string) => draft(owner, { createdAt: at, updatedAt: at });

/** Draft slot `n` of an account: the only ids a draft may be created under. */
const slot = (owner: string, n: number | string) => `drafts/${owner}_${n}`;
const A_DRAFT = slot(uidOf('citizenA'), 0);
const B_DRAFT = slot(uidOf('citizenB'), 0);
/** The slot each delete test seeds again before trying (so every actor tries on a live draft). */
const A_DISPOSABLE = slot(uidOf('citizenA'), 9);
const B_DISPOSABLE = slot(uidOf('citizenB'), 9);
/** The slot of the one-at-a-time creates (field checks, generated drafts): emptied before each. */
const A_SCRATCH = slot(uidOf('citizenA'), 7);

const FIXTURES: Record<string, DocumentData> = {
  [A_DRAFT]: stored(uidOf('citizenA')),
  [B_DRAFT]: stored(uidOf('citizenB')),
};
const created = new Set<string>();
/** Creates `data` at `path` as `actor` after emptying the path, so a create is tested, never an update. */
async function createFresh(actor: Actor, path: string, data: DocumentData, allowed: boolean): Promise<void> {
  created.add(path);
  await remove(rules.env(), [path]);
  await expectRule(setDoc(doc(db(actor), path), data), allowed);
}

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, FIXTURES);
});

afterAll(async () => {
  await teardown(rules.current, [...Object.keys(FIXTURES), ...created]);
});

describe('drafts: actor × operation', () => {
  const OWNERS = allowedOnly('citizenA', 'citizenB');
  const A = allowedOnly('citizenA');
  const B = allowedOnly('citizenB');

  it.each(ACTOR_NAMES)("%s get citizen A's draft", async (actor) => {
    await expectRule(getDoc(doc(db(actor), A_DRAFT)), A[actor]);
  });
  it.each(ACTOR_NAMES)("%s get citizen B's draft", async (actor) => {
    await expectRule(getDoc(doc(db(actor), B_DRAFT)), B[actor]);
  });
  it.each(ACTOR_NAMES)('%s lists drafts where ownerUserId == its own uid', async (actor) => {
    const q = query(collection(db(actor), 'drafts'), where('ownerUserId', '==', uidOrNobody(actor)));
    await expectRule(getDocs(q), OWNERS[actor]);
  });
  it.each(ACTOR_NAMES)("%s lists citizen A's drafts", async (actor) => {
    const q = query(collection(db(actor), 'drafts'), where('ownerUserId', '==', uidOf('citizenA')));
    await expectRule(getDocs(q), A[actor]);
  });
  it.each(ACTOR_NAMES)('%s lists every draft', async (actor) => {
    await expectRule(getDocs(collection(db(actor), 'drafts')), NOBODY[actor]);
  });
  it.each(ACTOR_NAMES)('%s creates a draft of its own in one of its slots', async (actor) => {
    await createFresh(actor, slot(uidOrNobody(actor), 5), draft(uidOrNobody(actor)), OWNERS[actor]);
  });
  it.each(ACTOR_NAMES)('%s creates a draft of its own under an id of its choosing', async (actor) => {
    await createFresh(actor, `drafts/rules-new-${actor}`, draft(uidOrNobody(actor)), NOBODY[actor]);
  });
  it.each(ACTOR_NAMES)('%s creates a draft in the name of citizen A', async (actor) => {
    await createFresh(actor, slot(uidOf('citizenA'), 6), draft(uidOf('citizenA')), A[actor]);
  });
  it.each(ACTOR_NAMES)("%s creates its own draft in citizen A's slot", async (actor) => {
    await createFresh(actor, slot(uidOf('citizenA'), 6), draft(uidOrNobody(actor)), A[actor]);
  });
  it.each(ACTOR_NAMES)("%s updates citizen A's draft", async (actor) => {
    const patch = { applicant: { ...person, phone: '+84911111111' }, updatedAt: serverTimestamp() };
    await expectRule(updateDoc(doc(db(actor), A_DRAFT), patch), A[actor]);
  });
  it.each(ACTOR_NAMES)("%s updates citizen B's draft", async (actor) => {
    const patch = { resultDelivery: 'post', updatedAt: serverTimestamp() };
    await expectRule(updateDoc(doc(db(actor), B_DRAFT), patch), B[actor]);
  });
  it.each(ACTOR_NAMES)("%s deletes a draft of citizen A's", async (actor) => {
    await seed(rules.env(), { [A_DISPOSABLE]: stored(uidOf('citizenA')) });
    created.add(A_DISPOSABLE);
    await expectRule(deleteDoc(doc(db(actor), A_DISPOSABLE)), A[actor]);
  });
  it.each(ACTOR_NAMES)("%s deletes a draft of citizen B's", async (actor) => {
    await seed(rules.env(), { [B_DISPOSABLE]: stored(uidOf('citizenB')) });
    created.add(B_DISPOSABLE);
    await expectRule(deleteDoc(doc(db(actor), B_DISPOSABLE)), B[actor]);
  });
});

describe('drafts: ten per account (the attack: a script creating drafts without end)', () => {
  const A = uidOf('citizenA');
  it('citizen A fills its ten slots, and no eleventh id is accepted', async () => {
    const slots = Array.from({ length: 10 }, (_, n) => slot(A, n));
    await remove(rules.env(), slots);
    for (const path of slots) await createFresh('citizenA', path, draft(A), true);
    for (const extra of [slot(A, 10), slot(A, 'a'), slot(A, '01'), `drafts/${A}-0`, `drafts/${A}`, `drafts/x${A}_0`, `drafts/${A}_0_0`, 'drafts/rules-draft-11']) {
      await createFresh('citizenA', extra, draft(A), false);
    }
    // A full account still works on the drafts it has.
    await expectRule(updateDoc(doc(db('citizenA'), slots[3]!), { resultDelivery: 'post', updatedAt: serverTimestamp() }), true);
    await remove(rules.env(), slots.slice(1));
    await seed(rules.env(), { [A_DRAFT]: stored(A) });
  });
});

describe('drafts: field checks on create (citizen A)', () => {
  const A = uidOf('citizenA');
  const without = (key: string): DocumentData => {
    const d = draft(A);
    delete d[key];
    return d;
  };
  const cases: [string, DocumentData, boolean][] = [
    ['a complete draft', draft(A), true],
    [
      'the four required fields only',
      {
        ownerUserId: A,
        procedureCode: '1.000001',
        createdAt: serverTimestamp(),
        updatedAt: serverTimestamp(),
      },
      true,
    ],
    ['an organisation applicant', draft(A, { applicant: organisation }), true],
    ['a partial applicant (just a name)', draft(A, { applicant: { fullName: 'Bùi' } }), true],
    ['no procedureCode', without('procedureCode'), false],
    ['no ownerUserId', without('ownerUserId'), false],
    ['no createdAt', without('createdAt'), false],
    ['no updatedAt', without('updatedAt'), false],
    ['procedureCode with 5 digits', draft(A, { procedureCode: '1.00001' }), false],
    ['procedureCode with 7 digits', draft(A, { procedureCode: '1.0000012' }), false],
    ['procedureCode with two leading digits', draft(A, { procedureCode: '10.000001' }), false],
    ['procedureCode without the dot', draft(A, { procedureCode: '1x000001' }), false],
    ['procedureCode as a number', draft(A, { procedureCode: 1.000001 }), false],
    ['an unknown top-level field', draft(A, { status: 'registered' }), false],
    ['agencyIds (server field)', draft(A, { agencyIds: [AGENCY_X] }), false],
    ['receivingAgencyId not an agency id', draft(A, { receivingAgencyId: 'H99' }), false],
    ['a competent agency chosen (Decree 118 Art. 14)', draft(A, { competentAgencyId: '000.21.02.H99' }), true],
    ['competentAgencyId not an agency id', draft(A, { competentAgencyId: 'xã An Phú' }), false],
    ['resultDelivery not a channel', draft(A, { resultDelivery: 'email' }), false],
    ['updatedAt from the client clock', draft(A, { updatedAt: new Date() }), false],
    ['createdAt in the past', draft(A, { createdAt: at }), false],
    ['applicant as a string', draft(A, { applicant: 'Bùi Thị Mai' }), false],
    ['applicant with an unknown key', draft(A, { applicant: { ...person, note: 'x' } }), false],
    ['applicant kind not person/organisation', draft(A, { applicant: { ...person, kind: 'robot' } }), false],
    ['fullName of 100 characters', draft(A, { applicant: { ...person, fullName: 'a'.repeat(100) } }), true],
    ['fullName of 101 characters', draft(A, { applicant: { ...person, fullName: 'a'.repeat(101) } }), false],
    // Lengths at the bounds only: the coverage report records every value a rule saw, and a 300 KB
    // string would be copied into it for each expression that read it.
    [
      'organisation name of 255 characters',
      draft(A, { applicant: { ...organisation, name: 'x'.repeat(255) } }),
      true,
    ],
    [
      'organisation name of 256 characters',
      draft(A, { applicant: { ...organisation, name: 'x'.repeat(256) } }),
      false,
    ],
    [
      'address with an unknown key',
      draft(A, { applicant: { ...person, address: { ...person.address, gps: '1,2' } } }),
      false,
    ],
    [
      'address line of 101 characters',
      draft(A, { applicant: { ...person, address: { ...person.address, line: 'x'.repeat(101) } } }),
      false,
    ],
    ['identity not a map', draft(A, { applicant: { ...person, identity: '079190001234' } }), false],
    [
      'identity number of 21 characters',
      draft(A, { applicant: { ...person, identity: { kind: 'citizenId', number: '1'.repeat(21) } } }),
      false,
    ],
    [
      'representative with an unknown key',
      draft(A, { applicant: { ...organisation, representative: { fullName: 'Lê', salary: 1 } } }),
      false,
    ],
    ['components as a map', draft(A, { components: { c1: component(1) } }), false],
    ['50 components', draft(A, { components: Array.from({ length: 50 }, (_, i) => component(i)) }), true],
    ['51 components', draft(A, { components: Array.from({ length: 51 }, (_, i) => component(i)) }), false],
  ];
  it.each(cases.map(([name, data, ok], i) => [name, ok, data, i] as const))(
    '%s → allowed: %s',
    async (_name, ok, data) => {
      await createFresh('citizenA', A_SCRATCH, data, ok);
    },
  );
});

describe('drafts: field checks on update (citizen A, own draft)', () => {
  const path = slot(uidOf('citizenA'), 8);
  beforeAll(async () => {
    await seed(rules.env(), { [path]: stored(uidOf('citizenA')) });
    created.add(path);
  });
  const cases: [string, DocumentData, boolean][] = [
    ['a new applicant', { applicant: organisation, updatedAt: serverTimestamp() }, true],
    ['another procedure', { procedureCode: '2.000002', updatedAt: serverTimestamp() }, true],
    ['removing an optional field', { receivingAgencyId: deleteField(), updatedAt: serverTimestamp() }, true],
    ['without touching updatedAt', { resultDelivery: 'post' }, false],
    ['updatedAt from the client clock', { resultDelivery: 'post', updatedAt: new Date() }, false],
    [
      'handing the draft to citizen B',
      { ownerUserId: uidOf('citizenB'), updatedAt: serverTimestamp() },
      false,
    ],
    ['resetting createdAt', { createdAt: serverTimestamp(), updatedAt: serverTimestamp() }, false],
    ['removing createdAt', { createdAt: deleteField(), updatedAt: serverTimestamp() }, false],
    ['removing procedureCode', { procedureCode: deleteField(), updatedAt: serverTimestamp() }, false],
    ['an invalid procedureCode', { procedureCode: '1.0001', updatedAt: serverTimestamp() }, false],
    ['an unknown field', { status: 'registered', updatedAt: serverTimestamp() }, false],
    [
      '51 components',
      { components: Array.from({ length: 51 }, (_, i) => component(i)), updatedAt: serverTimestamp() },
      false,
    ],
  ];
  it.each(cases)('%s', async (_name, patch, ok) => {
    await expectRule(updateDoc(doc(db('citizenA'), path), patch), ok);
  });
});

describe('drafts: generated (fast-check) — a create is allowed iff the draft is valid', () => {
  type Field = { value?: unknown; ok: boolean };
  const absent = (ok: boolean): fc.Arbitrary<Field> => fc.constant({ ok });
  const valid = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Field> =>
    arb.map((value) => ({ value, ok: true }));
  const invalid = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Field> =>
    arb.map((value) => ({ value, ok: false }));

  const PROCEDURE = /^[0-9]\.[0-9]{6}$/;
  const AGENCY = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
  const shortString = (max: number) => fc.string({ maxLength: max });
  const applicantFields = {
    kind: fc.constantFrom('person', 'organisation'),
    fullName: shortString(100),
    phone: shortString(20),
    email: shortString(254),
    name: shortString(255),
    taxCode: shortString(14),
    address: fc.record(
      { line: shortString(100), communeName: shortString(100), provinceCode: shortString(2) },
      { requiredKeys: [] },
    ),
  };

  const fields = {
    ownerUserId: fc.oneof(
      valid(fc.constant(uidOf('citizenA'))),
      invalid(fc.constant(uidOf('citizenB'))),
      absent(false),
    ),
    procedureCode: fc.oneof(
      valid(fc.stringMatching(PROCEDURE)),
      invalid(fc.string({ maxLength: 10 }).filter((s) => !PROCEDURE.test(s))),
      invalid(fc.integer()),
      absent(false),
    ),
    receivingAgencyId: fc.oneof(
      valid(fc.stringMatching(AGENCY)),
      invalid(fc.string({ maxLength: 14 }).filter((s) => !AGENCY.test(s))),
      absent(true),
    ),
    applicant: fc.oneof(
      valid(fc.record(applicantFields, { requiredKeys: [] })),
      invalid(fc.record({ ...applicantFields, fullName: fc.string({ minLength: 101, maxLength: 120 }) })),
      invalid(
        fc.record({
          kind: fc
            .string({ minLength: 1, maxLength: 8 })
            .filter((k) => k !== 'person' && k !== 'organisation'),
        }),
      ),
      invalid(fc.record({ fullName: shortString(20), secret: fc.string() })),
      invalid(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      absent(true),
    ),
    components: fc.oneof(
      valid(fc.integer({ min: 0, max: 50 }).map((n) => Array.from({ length: n }, (_, i) => component(i)))),
      invalid(fc.integer({ min: 51, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => component(i)))),
      invalid(fc.oneof(fc.string(), fc.constant({ c1: 1 }))),
      absent(true),
    ),
    resultDelivery: fc.oneof(
      valid(fc.constantFrom('desk', 'post', 'online')),
      invalid(fc.string({ maxLength: 8 }).filter((s) => !['desk', 'post', 'online'].includes(s))),
      absent(true),
    ),
    createdAt: fc.oneof(valid(fc.constant('server')), invalid(fc.constant(at)), absent(false)),
    updatedAt: fc.oneof(valid(fc.constant('server')), invalid(fc.constant(at)), absent(false)),
    extra: fc.oneof(
      absent(true),
      invalid(fc.constantFrom('status', 'agencyIds', 'code', 'ownerUserID').map((key) => ({ [key]: 'x' }))),
    ),
  };

  it('60 random drafts: allowed iff every field is valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record(fields), async (generated) => {
        const data: DocumentData = {};
        for (const [key, field] of Object.entries(generated)) {
          if (!('value' in field)) continue;
          if (key === 'extra') Object.assign(data, field.value);
          else if (key === 'createdAt' || key === 'updatedAt')
            data[key] = field.value === 'server' ? serverTimestamp() : field.value;
          else data[key] = field.value;
        }
        const ok = Object.values(generated).every((f) => f.ok);
        await createFresh('citizenA', A_SCRATCH, data, ok);
      }),
      { numRuns: 60 },
    );
  });
});
