// Issue 12, finding 4: ratings were not anonymous to the rated agency. Its officers could read
// `ratings/{dossierId}` — the id is the dossier's, whose applicant they also read — and so knew who
// complained. Decree 118 Art. 29.3 keeps raters confidential. The attack here is the curious officer's,
// with their own ID token straight against Firestore as the dashboard's SDK would do it: the rating
// document, and a query of every rating of their agency. They still see the figures, aggregated.
import { beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, driveDossier, PROVINCE_DESK, rid, type DossierRef } from '../support/api.js';
import { admin, FIRESTORE_HOST, PROJECT_ID } from '../support/emulators.js';
import { IDENTITIES, idTokenFor, lookupSecret, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const DOCUMENTS = `http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
const vnMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

async function get(as: TestIdentity, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${DOCUMENTS}/${path}`, { headers: { authorization: `Bearer ${await idTokenFor(as)}` } });
  return { status: res.status, text: await res.text() };
}

/** A structured query `collection where agencyId == agencyId`, as the web SDK sends it. */
async function listByAgency(as: TestIdentity, collection: string, agencyId: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${DOCUMENTS}:runQuery`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await idTokenFor(as)}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      structuredQuery: {
        from: [{ collectionId: collection }],
        where: { fieldFilter: { field: { fieldPath: 'agencyId' }, op: 'EQUAL', value: { stringValue: agencyId } } },
        limit: 50,
      },
    }),
  });
  return { status: res.status, text: await res.text() };
}

let rated: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  rated = await driveDossier();
  const res = await api(
    'postRating',
    {
      body: {
        requestId: rid('anon-rate'),
        code: rated.code,
        token: signLookupToken(rated.id, lookupSecret()),
        channel: 'online',
        satisfaction: 'veryDissatisfied',
        officerAttitudeComplaint: true,
        comment: 'Cán bộ quầy số 2 thái độ không tốt',
      },
    },
    undefined,
    { 'x-forwarded-for': `198.19.77.${Math.floor(Math.random() * 256)}` },
  );
  expect(res.status, res.text).toBe(201);
});

describe('officers of the rated agency cannot tell who rated them', () => {
  it.each([
    ['the receptionist who returned the result', IDENTITIES.receptionistX],
    ['the agency’s lead', IDENTITIES.leadX],
  ] as const)('%s reads neither the rating nor any list of the agency’s ratings', async (_who, officer) => {
    // The officer still reads the dossier and its applicant: that is their job …
    expect((await get(officer, `dossiers/${rated.id}/private/personal`)).status).toBe(200);
    // … so the rating that names the same dossier is closed to them.
    const one = await get(officer, `ratings/${rated.id}`);
    expect(one.status).toBe(403);
    expect(one.text).not.toContain('veryDissatisfied');
    const all = await listByAgency(officer, 'ratings', PROVINCE_DESK);
    expect(all.status).toBe(403);
    expect(all.text).not.toContain(rated.id);
  });

  it('they see their ratings aggregated: the month’s counts, which name no dossier', async () => {
    const stats = await get(IDENTITIES.leadX, `stats/${PROVINCE_DESK}_land_${vnMonth()}`);
    expect(stats.status).toBe(200);
    expect(stats.text).toContain('veryDissatisfied');
    expect(stats.text).toContain('attitudeComplaints');
    expect(stats.text).not.toContain(rated.id);
    expect(stats.text).not.toContain(rated.code);
    const list = await listByAgency(IDENTITIES.leadX, 'stats', PROVINCE_DESK);
    expect(list.status).toBe(200);
  });

  it('monitors and administrators, who are not the rated agency, still read the rating', async () => {
    for (const who of [IDENTITIES.monitor, IDENTITIES.admin]) {
      const res = await get(who, `ratings/${rated.id}`);
      expect(res.status, who.uid).toBe(200);
      expect(res.text).toContain('veryDissatisfied');
    }
  });
});
