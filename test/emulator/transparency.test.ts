// Transparency figures through the real Emulator Suite: a small scripted set of dossiers at one commune
// desk that no other test uses is driven through the API (submit → supplements → receive → assign →
// resolve → return, a withdrawal, one still open, a rating); the stats trigger scores each finished
// dossier, and GET /api/transparency must show exactly those figures, averages included.
import { beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { recordEventStats } from '../../functions/src/features/stats/record-event-stats.js';
import { loadDemoData } from '../../seed/load.js';
import type { AgencyFigures, TransparencyAnswer, TransparencyQuery } from '../../functions/src/contract/index.js';
import { act, api, APPLICANT, call, driveDossier, rid, type Desk, type DossierRef } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, lookupSecret } from '../support/identity.js';

const { db, auth } = admin();
/** Xã An Phú: only this file hands dossiers in there. */
const AN_PHU = '000.21.02.H99';
const AN_PHU_DESK: Desk = {
  application: (requestId) => ({
    requestId,
    procedureCode: '1.012790', // first land registration, handled at commune level
    receivingAgencyId: AN_PHU,
    applicant: APPLICANT,
    components: [{ componentId: 'application-form', originals: 1 }],
    resultDelivery: 'desk',
  }),
  receptionist: { uid: 'test-receptionist-anphu', claims: { role: 'receptionist', agencyId: AN_PHU } },
  lead: { uid: 'test-lead-anphu', claims: { role: 'lead', agencyId: AN_PHU } },
};
const vnMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
const fakeIp = () => `198.19.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

const transparency = (query: TransparencyQuery = {}) => api('transparency', { query });
let month: string;
let first: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  month = vnMonth();
  // Leftovers of an earlier run in the same emulator data would add to the figures.
  // Earlier files (Decree 118's commune reception) also receive at An Phú: the monthly roll-ups the
  // figures are read from start again here.
  const old = await Promise.all(['stats', 'rollups'].map((c) => db.collection(c).where('agencyId', '==', AN_PHU).get()));
  await Promise.all(old.flatMap((snap) => snap.docs.map((d) => d.ref.delete())));
  const plain = await driveDossier({ desk: AN_PHU_DESK });
  const [, , stopped] = await Promise.all([
    driveDossier({ desk: AN_PHU_DESK, supplementRounds: 1 }),
    driveDossier({ desk: AN_PHU_DESK, supplementRounds: 1 }),
    driveDossier({ desk: AN_PHU_DESK, until: 'received' }),
    driveDossier({ desk: AN_PHU_DESK, until: 'received' }), // stays open
  ]);
  // Decree 118 Art. 21: a received dossier is stopped at the applicant's request, confirmed by the desk.
  const asked = await act(stopped, IDENTITIES.citizenA, { type: 'requestStop', reason: 'Không còn nhu cầu' });
  await act(asked, AN_PHU_DESK.receptionist, { type: 'confirmStop' });
  const rated = await api(
    'postRating',
    { body: { requestId: rid('rate'), code: plain.code, token: signLookupToken(plain.id, lookupSecret()), channel: 'online', satisfaction: 'satisfied', officerAttitudeComplaint: false } },
    undefined,
    { 'x-forwarded-for': fakeIp() },
  );
  expect(rated.status, rated.text).toBe(201);
  first = plain;
}, 120_000);

/** The agency's figures once the triggers have counted everything (they run asynchronously). */
async function settledFigures(): Promise<{ body: TransparencyAnswer; agency: AgencyFigures }> {
  return eventually(async () => {
    const res = await transparency({ from: month, to: month });
    expect(res.status, res.text).toBe(200);
    const agency = res.body.agencies.find((a) => a.agencyId === AN_PHU);
    const t = agency?.total;
    return agency && t && t.received === 5 && t.returned === 3 && t.stopped === 1 && t.evaluatedDossiers === 4 && t.ratings.total === 1
      ? { body: res.body, agency }
      : undefined;
  }, 'the figures of xã An Phú to settle', 30_000);
}

describe('GET /api/transparency', () => {
  it('shows exactly the scripted figures: counts, on-time rate, ratings and index averages', async () => {
    const { body, agency } = await settledFigures();
    expect(body).toMatchObject({ from: month, to: month, months: [month] });
    expect(agency.name).toEqual({ vi: 'Ủy ban nhân dân xã An Phú', en: expect.any(String) });
    const expected = {
      received: 5,
      resolved: 3,
      resolvedOnTime: 3,
      resolvedEarly: 3, // 20 working days, resolved the same day
      resolvedLate: 0,
      onTimeRate: 1,
      returned: 3,
      refused: 0,
      withdrawn: 0,
      stopped: 1,
      ratings: { verySatisfied: 0, satisfied: 1, neutral: 0, dissatisfied: 0, veryDissatisfied: 0, total: 1, attitudeComplaints: 0 },
      evaluatedDossiers: 4, // three returned and the stopped one; the open one is not finished
      indices: {
        index1: 2, // early ×3
        index2: 2, // no sub-deadlines: as index 1
        index3: 1.5, // supplement rounds 0, 1, 1 and 0 → scores 2, 1, 1, 2 (Decree 118 allows one round)
        index4: 2, // only the desk dealt with the applicant
        index5: null,
        index6: null,
        index7: 2, // no verified complaint: as index 1
        index8: null,
        index9: null,
      },
    };
    expect(agency.total).toEqual(expected);
    expect(agency.months).toEqual([{ month, ...expected }]);
    // Province-wide totals include this agency (and whatever other tests did this month).
    const province = body.province.total;
    expect(province.received).toBeGreaterThanOrEqual(5);
    expect(province.indices.index5).toBeNull();
    expect(body.indexLabels.index7).toEqual({ vi: 'Thái độ của cán bộ', en: 'Officer attitude' });
    expect(body.satisfactionLabels.satisfied).toEqual({ vi: 'Hài lòng', en: 'Satisfied' });
  });

  it('publishes counts only: no applicant, no officer, no dossier id or code', async () => {
    const res = await transparency({ from: month, to: month });
    const { text } = res;
    for (const secret of [APPLICANT.fullName, APPLICANT.identity.number, IDENTITIES.citizenA.uid, 'test-receptionist-anphu', first.id, first.code]) {
      expect(text).not.toContain(secret);
    }
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=300');
  });

  it('a replayed finishing event scores nothing twice', async () => {
    await settledFigures();
    const events = await db.collection(`dossiers/${first.id}/events`).orderBy('version').get();
    const last = events.docs.at(-1)!;
    expect(last.get('type')).toBe('returnResult');
    expect(await recordEventStats(db, { dossierId: first.id, eventId: last.id, event: last.data() })).toBe('duplicate');
    const { agency } = await settledFigures();
    expect(agency.total.evaluatedDossiers).toBe(4);
    expect(agency.total.indices.index3).toBe(1.5);
  });

  it('defaults to the six months up to the current Vietnam month', async () => {
    const res = await transparency();
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(6);
    expect(res.body.to).toBe(vnMonth());
    expect(res.body.province.months).toHaveLength(6);
  });

  it.each([
    ['from=2026-05&to=2026-04', 'query.from'],
    ['from=2024-01&to=2026-01', 'query.from'],
    ['from=2026-13', 'from'],
    ['to=26-01', 'to'],
    ['from=2026-01&to=2026-02&agency=x', ''],
    ['from=2026-01&from=2026-02', 'from'],
  ])('%s → a structured 400 at %s', async (query, path) => {
    const res = await call('GET', `/transparency?${query}`); // raw query strings, repeated and unknown keys among them
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.fields[0]?.message).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });
});
