// The province dashboard, its drill-down and exports, and paper rating slips, through the real emulators:
// real dossiers driven through the API move the roll-ups; who may read which figures and which dossiers;
// the drill-down shows codes and never personal data; CSV and PDF exports of any table.
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_TABLES } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, APPLICANT, call, download, driveDossier, PROVINCE_DESK, rid, type DossierRef } from '../support/api.js';
import { summedCounter } from '../support/counters.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';

const { db, auth } = admin();
const vnMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
let returned: DossierRef;
let resolved: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  [returned, resolved] = await Promise.all([driveDossier(), driveDossier({ until: 'resolved' })]);
  // The roll-up trigger has counted both by the time their facts carry the finishing tags.
  await eventually(async () => {
    const facts = await db.getAll(db.doc(`dossierFacts/${returned.id}`), db.doc(`dossierFacts/${resolved.id}`));
    return facts.every((f) => (f.get('tags') as string[] | undefined)?.some((t) => t.startsWith('finished:'))) ? facts : undefined;
  }, 'drill-down facts of the two dossiers');
});

describe('who reads the dashboard', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a citizen', IDENTITIES.citizenA, 403],
    ['a receptionist', IDENTITIES.receptionistX, 403],
    ['a handler', IDENTITIES.handlerY, 403],
    ['a kiosk', IDENTITIES.kioskX, 403],
  ] as const)('%s is refused (%i)', async (_who, as, status) => {
    expect((await api('getDashboard', { query: {} }, as)).status).toBe(status);
    expect((await api('dashboardDossiers', { query: { figure: 'received', period: vnMonth() } }, as)).status).toBe(status);
  });

  it('a monitor sees the province and every agency, with 766 scores, ranks and the legacy report, and no officer figures', async () => {
    const res = await api('getDashboard', { query: { view: 'month' } }, IDENTITIES.monitor);
    expect(res.status, res.text).toBe(200);
    const b = res.body;
    expect(b.periods.at(-1)).toBe(vnMonth());
    const desk = b.agencies.find((a) => a.agencyId === PROVINCE_DESK)!;
    expect(desk.total.received).toBeGreaterThanOrEqual(2);
    expect(desk.total.finished).toBeGreaterThanOrEqual(2);
    expect(b.province.total.received).toBeGreaterThanOrEqual(desk.total.received);
    expect(desk.d766.rank).toBeGreaterThanOrEqual(1);
    expect(desk.d766.subIndicators.find((s) => s.id === '1.4')).toMatchObject({ kind: 'noData' });
    expect(desk.d766.subIndicators.find((s) => s.id === '2.1')).toMatchObject({ kind: 'scored' });
    expect(Object.keys(desk.legacy.indices)).toHaveLength(9);
    expect(b.officers).toBeNull();
    expect(b.byField.some((r) => r.key === 'land')).toBe(true);
    expect(b.documentsRead).toBeGreaterThan(0);
    expect(res.text).not.toContain(APPLICANT.fullName);
    // Weekly too.
    const weekly = await api('getDashboard', { query: { view: 'week' } }, IDENTITIES.monitor);
    expect(weekly.body.periods).toHaveLength(8);
    expect(weekly.body.agencies.find((a) => a.agencyId === PROVINCE_DESK)!.total.received).toBeGreaterThanOrEqual(2);
  });

  it('a lead sees the figures and, for their own agency, the officers', async () => {
    const res = await api('getDashboard', { query: {} }, IDENTITIES.leadX);
    expect(res.status).toBe(200);
    expect(res.body.officers).not.toBeNull();
    expect(res.body.officers!.some((o) => o.finished > 0)).toBe(true);
    expect((await api('getDashboard', { query: {} }, IDENTITIES.leadY)).body.officers?.some((o) => o.uid === IDENTITIES.receptionistX.uid) ?? false).toBe(false);
  });

  it('refuses bad ranges and unknown parameters (400)', async () => {
    for (const q of ['view=year', 'view=week&from=2026-07', 'from=2020-01&to=2026-12', 'month=2026-01']) {
      const r = await call('GET', `/dashboard?${q}`, IDENTITIES.monitor);
      expect(r.status, q).toBe(400);
    }
  });
});

describe('drill-down from a figure to its dossiers', () => {
  it('a monitor sees codes and dates of the dossiers behind a figure, never the applicant', async () => {
    const res = await api('dashboardDossiers', { query: { figure: 'finished', period: vnMonth(), agencyId: PROVINCE_DESK } }, IDENTITIES.monitor);
    expect(res.status, res.text).toBe(200);
    const codes = res.body.rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining([returned.code, resolved.code]));
    expect(res.body.rows.find((r) => r.code === returned.code)).toMatchObject({ agencyId: PROVINCE_DESK, field: 'land' });
    expect(res.text).not.toContain(APPLICANT.fullName);
    expect(res.text).not.toContain(APPLICANT.identity.number);
    const received = await api('dashboardDossiers', { query: { figure: 'received', period: vnMonth() } }, IDENTITIES.admin);
    expect(received.body.rows.length).toBeGreaterThanOrEqual(2);
  });
  it('a lead drills into their own agency only', async () => {
    expect((await api('dashboardDossiers', { query: { figure: 'onTime', period: vnMonth(), agencyId: PROVINCE_DESK } }, IDENTITIES.leadX)).status).toBe(200);
    expect((await api('dashboardDossiers', { query: { figure: 'onTime', period: vnMonth(), agencyId: PROVINCE_DESK } }, IDENTITIES.leadY)).status).toBe(403);
    expect((await api('dashboardDossiers', { query: { figure: 'onTime', period: vnMonth() } }, IDENTITIES.leadX)).status).toBe(403);
  });
  it('a figure of a period needs the period; bad figures are refused', async () => {
    expect((await api('dashboardDossiers', { query: { figure: 'late' } }, IDENTITIES.monitor)).status).toBe(400);
    expect((await call('GET', '/dashboard/dossiers?figure=everything', IDENTITIES.monitor)).status).toBe(400);
  });
});

describe('exports', () => {
  it.each(DASHBOARD_TABLES.filter((t) => t !== 'dossiers'))('the %s table as CSV and PDF', async (table) => {
    const as = table === 'officers' ? IDENTITIES.leadX : IDENTITIES.monitor;
    const csv = await download('exportDashboard', { query: { table, format: 'csv' } }, as);
    expect(csv.status, csv.bytes.toString()).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const pdf = await download('exportDashboard', { query: { table, format: 'pdf' } }, as);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
  it('the drill-down list, with the same access rule', async () => {
    const csv = await download('exportDashboard', { query: { table: 'dossiers', format: 'csv', figure: 'finished', period: vnMonth(), agencyId: PROVINCE_DESK } }, IDENTITIES.monitor);
    expect(csv.status).toBe(200);
    expect(csv.bytes.toString('utf8')).toContain(returned.code);
    expect(csv.bytes.toString('utf8')).not.toContain(APPLICANT.fullName);
    expect((await download('exportDashboard', { query: { table: 'dossiers', format: 'csv', figure: 'finished', period: vnMonth(), agencyId: PROVINCE_DESK } }, IDENTITIES.leadY)).status).toBe(403);
    expect((await download('exportDashboard', { query: { table: 'agencies', format: 'xls' as 'csv' } }, IDENTITIES.monitor)).status).toBe(400);
  });
});

describe('paper rating slips keyed in by the desk', () => {
  it('the receiving desk keys a slip once, with who keyed it; others are refused; it reaches the roll-ups', async () => {
    const body = { requestId: rid('slip'), code: returned.code, satisfaction: 'satisfied' as const, officerAttitudeComplaint: false, criteria: { legalTime: 5, staffAttitude: 4 }, slipNumber: 'PDG-0001' };
    expect((await api('postPaperRating', { body }, IDENTITIES.citizenA)).status).toBe(403);
    expect((await api('postPaperRating', { body }, IDENTITIES.handlerY)).status).toBe(403);
    expect((await api('postPaperRating', { body: { ...body, code: resolved.code } }, IDENTITIES.receptionistX)).status).toBe(409);
    const rated = async () => ((await summedCounter(db, 'rollups', `${PROVINCE_DESK}_${vnMonth()}`))?.rated as number | undefined) ?? 0;
    const before = await rated();
    const res = await api('postPaperRating', { body }, IDENTITIES.receptionistX);
    expect(res.status, res.text).toBe(201);
    expect(res.body.rating).toMatchObject({ channel: 'paperSlip', keyedBy: IDENTITIES.receptionistX.uid });
    expect((await db.doc(`ratings/${returned.id}`).get()).data()).toMatchObject({ channel: 'paperSlip', keyedBy: IDENTITIES.receptionistX.uid, criteria: { legalTime: 5, staffAttitude: 4 }, slipNumber: 'PDG-0001' });
    expect((await api('postPaperRating', { body }, IDENTITIES.receptionistX)).body.duplicate).toBe(true);
    expect((await api('postPaperRating', { body: { ...body, requestId: rid('slip') } }, IDENTITIES.receptionistX)).status).toBe(409);
    await eventually(async () => ((await rated()) === before + 1 ? true : undefined), 'the slip in the roll-ups');
    const bad = await call('POST', '/desk/ratings', IDENTITIES.receptionistX, { ...body, requestId: rid('slip'), criteria: { legalTime: 9 } });
    expect(bad.status).toBe(400);
  });
});
