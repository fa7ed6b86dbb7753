// Issue 12, finding 2 (code exhaustion and queue flooding): one account could submit without limit, and a
// flood of online submissions took the desk's codes and queue. Now an account files at most its daily
// quota online, a desk takes at most its daily quota of online dossiers, and walk-ins at the desk go
// through whatever arrives online. Attacked through Hosting and the functions emulator with real tokens;
// the other half of the finding (drafts) is in rules/drafts.rules.test.ts, the sequence past 9,999 in
// dossier-codes.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ONLINE_QUOTA, localDateOf } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, numbered, rid } from '../support/api.js';
import type { DocumentData } from 'firebase-admin/firestore';
import { admin, FIRESTORE_HOST, PROJECT_ID } from '../support/emulators.js';
import { idTokenFor, type TestIdentity } from '../support/identity.js';
import { birthRegistration, COMMUNE_DESK } from '../fixtures/applications.js';

const { db, auth } = admin();
const runId = Date.now().toString(36);
const today = () => localDateOf(new Date()).replaceAll('-', '').slice(2);
/** Fresh accounts of self-registered citizens: no administrator raised their limit. */
const citizen = (name: string): TestIdentity => ({ uid: `test-quota-${name}-${runId}` });
const receptionist: TestIdentity = { uid: `test-quota-desk-${runId}`, claims: { role: 'receptionist', agencyId: COMMUNE_DESK } };

const submit = (as: TestIdentity, requestId = rid('quota')) => api('submitDossier', { body: birthRegistration(requestId) }, as);
const walkIn = () => {
  const { receivingAgencyId: _desk, ...body } = birthRegistration(rid('walk-in'));
  return api('intakeDossier', { body: { ...body, channel: 'desk' } }, receptionist);
};
const dossiersOf = async (uid: string) => (await db.collection('dossiers').where('ownerUserId', '==', uid).get()).size;

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('per account: one account cannot flood', () => {
  const flooder = citizen('flooder');

  it(`files ${DEFAULT_ONLINE_QUOTA.perAccountPerDay} dossiers a day, and the next is refused with 429 until midnight, writing nothing`, async () => {
    const requestIds: string[] = [];
    for (let i = 0; i < DEFAULT_ONLINE_QUOTA.perAccountPerDay; i++) {
      requestIds.push(rid(`flood-${i}`));
      const res = await submit(flooder, requestIds[i]);
      expect(res.status, `submission ${i + 1}: ${res.text}`).toBe(201);
    }
    const counter = await db.doc(`counters/${COMMUNE_DESK}_${today()}`).get();
    for (let i = 0; i < 3; i++) {
      const refused = await submit(flooder);
      expect(refused.status, refused.text).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'resource-exhausted', reason: 'accountQuota', limit: DEFAULT_ONLINE_QUOTA.perAccountPerDay });
      expect(refused.body.error?.message.vi).toContain('mức tối đa trong một ngày');
      expect(refused.body.error?.message.en).toContain('daily maximum');
      const retryAfter = refused.body.error?.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(86_400);
      expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
    }
    expect(await dossiersOf(flooder.uid)).toBe(DEFAULT_ONLINE_QUOTA.perAccountPerDay);
    // Refused submissions never reached the desk's code counter.
    const after = await db.doc(`counters/${COMMUNE_DESK}_${today()}`).get();
    expect(after.updateTime?.isEqual(counter.updateTime!)).toBe(true);

    // A retry of a submission that was stored still gets its answer (the quota counts dossiers, not calls).
    const retry = await submit(flooder, requestIds.at(-1));
    expect(retry.status, retry.text).toBe(200);
    expect(numbered(retry).duplicate).toBe(true);
  });

  it('another account still files, and the desk still records walk-ins', async () => {
    expect((await submit(citizen('neighbour'))).status).toBe(201);
    expect((await walkIn()).status).toBe(201);
  });

  it('an administrator may raise one account’s limit (users/{uid}.onlineSubmissionsPerDay)', async () => {
    await db.doc(`users/${flooder.uid}`).set({ onlineSubmissionsPerDay: DEFAULT_ONLINE_QUOTA.perAccountPerDay + 1 }, { merge: true });
    expect((await submit(flooder)).status).toBe(201);
    expect((await submit(flooder)).status).toBe(429);
  });

  it('the account cannot raise its own limit: users/{uid} is written by the server only', async () => {
    // Straight at Firestore with the citizen's own ID token, as a script with the web SDK would.
    const res = await fetch(`http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents/users/${flooder.uid}?updateMask.fieldPaths=onlineSubmissionsPerDay`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await idTokenFor(flooder)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { onlineSubmissionsPerDay: { integerValue: '100000' } } }),
    });
    expect(res.status).toBe(403);
    expect((await db.doc(`users/${flooder.uid}`).get()).get('onlineSubmissionsPerDay')).toBe(DEFAULT_ONLINE_QUOTA.perAccountPerDay + 1);
    expect((await submit(flooder)).status).toBe(429);
  });
});

describe('per desk: a flood from many accounts fills the online queue, never the desk', () => {
  const agencyQuota = () => db.doc(`intakeQuotas/agency_${COMMUNE_DESK}_${today()}`);
  let before: DocumentData | undefined;

  beforeAll(async () => {
    // The desk's online quota is used up, as if a thousand accounts had filed today.
    before = (await agencyQuota().get()).data();
    await agencyQuota().set({ scope: 'agency', agencyId: COMMUNE_DESK, count: DEFAULT_ONLINE_QUOTA.perAgencyPerDay }, { merge: true });
  });
  afterAll(async () => {
    if (before) await agencyQuota().set(before);
    else await agencyQuota().delete();
  });

  it('online submissions to that desk are refused with 429 agencyQuota, from any account', async () => {
    for (const who of [citizen('late-1'), citizen('late-2')]) {
      const res = await submit(who);
      expect(res.status, res.text).toBe(429);
      expect(res.body.error).toMatchObject({ code: 'resource-exhausted', reason: 'agencyQuota' });
      expect(res.body.error?.message.vi).toContain('nộp trực tiếp tại quầy');
      expect(await dossiersOf(who.uid)).toBe(0);
    }
  });

  it('walk-ins at that desk are received and numbered as usual', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await walkIn();
      expect(res.status, res.text).toBe(201);
      expect(numbered(res).dossier.code).toMatch(new RegExp(`^${COMMUNE_DESK.replaceAll('.', '\\.')}-${today()}-\\d{4,}$`));
    }
  });
});
