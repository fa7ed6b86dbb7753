// Public catalogue detail and agency directory through Hosting → api function → Firestore, plus the
// additions to the dossier view (its slips) and to the lookup's full view (whether it can be rated).
import { beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { demoAccounts } from '../../seed/data/officers.js';
import { demoAgencies } from '../../seed/data/agencies.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, driveDossier, fullView } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const getProcedure = (code: string) => api('getProcedure', { params: { code } });
const getDossier = (dossierId: string, as: TestIdentity) => api('getDossier', { params: { dossierId } }, as);
const lookup = (code: string, t?: string) => api('lookup', { params: { code }, query: { t } });

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('GET /api/procedures/:code', () => {
  it('the procedure in force, its summary with competent levels, and where to hand it in', async () => {
    const res = await getProcedure('1.012792');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300');
    const seeded = demoProcedures.filter((p) => p.code === '1.012792').sort((a, b) => b.version - a.version)[0]!;
    expect(res.body.procedure).toMatchObject({ code: '1.012792', version: seeded.version, name: seeded.name, steps: seeded.steps.map((s) => ({ id: s.id })) });
    expect(res.body.summary).toMatchObject({ code: '1.012792', version: seeded.version, competentLevels: ['province'], field: seeded.field });
    const ids = res.body.receivingAgencies.map((a) => a.id);
    expect(ids).toContain('000.00.01.H99'); // province service centre: a desk at province level
    expect(ids).not.toContain('000.00.10.H99'); // a department without a desk
    expect(ids).not.toContain('000.21.01.H99'); // a commune
    expect(ids).not.toContain('000.20.00.H99'); // the abolished district
    const centre = res.body.receivingAgencies.find((a) => a.id === '000.00.01.H99');
    expect(centre).toMatchObject({ hasOneStopDesk: true, level: 'province', name: demoAgencies.find((a) => a.id === '000.00.01.H99')!.name });
  });

  it('a commune procedure lists the commune desks', async () => {
    const res = await getProcedure('1.012790');
    expect(res.status).toBe(200);
    const ids = res.body.receivingAgencies.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['000.21.01.H99', '000.21.02.H99', '000.21.03.H99']));
    expect(ids).not.toContain('000.00.01.H99');
  });

  it('the list summaries carry competent levels too', async () => {
    const res = await api('listProcedures', { query: { limit: 100 } });
    expect(res.status).toBe(200);
    for (const item of res.body.items) {
      // procedures/{code} holds the latest version (an older one may have had other levels).
      const seeded = demoProcedures.filter((p) => p.code === item.code).sort((a, b) => b.version - a.version)[0];
      if (seeded) expect(item.competentLevels, item.code).toEqual(seeded.competentLevels);
    }
  });

  it('an unknown code is a structured 404', async () => {
    const res = await getProcedure('9.999999');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not-found', message: { vi: expect.any(String), en: expect.any(String) }, fields: [] });
  });

  // Raw paths: `?x=1` is an unknown query key, which the typed call could not send.
  it.each(['1.01279', '1.0127920', 'abc', '1-012792', '1.012792?x=1'])('%s → a structured 400 naming the field', async (code) => {
    const res = await call('GET', `/procedures/${code}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.map((f) => f.path)[0]).toMatch(/^(params\.code|query)/);
  });
});

describe('GET /api/agencies', () => {
  it('every agency with public fields only: the published directory, no account data', async () => {
    const res = await api('listAgencies', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300');
    const items = res.body.items;
    const ids = items.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    for (const seeded of demoAgencies) {
      const item = items.find((a) => a.id === seeded.id);
      expect(item, seeded.id).toMatchObject({ name: seeded.name, level: seeded.level, hasOneStopDesk: seeded.hasOneStopDesk, officers: seeded.officers });
      if (seeded.successorId) expect(item).toMatchObject({ successorId: seeded.successorId, effectiveTo: seeded.effectiveTo });
    }
    const { text } = res;
    for (const account of demoAccounts) {
      expect(text).not.toContain((await auth.getUserByEmail(account.email)).uid);
      expect(text).not.toContain(account.email);
    }
  });

  it('refuses query parameters it does not know', async () => {
    const res = await call('GET', '/agencies?level=province'); // a query key the route does not take: untyped
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
  });
});

describe('GET /api/dossiers/:id lists its slips', () => {
  it('after reception: the receipt (form 01), with id, form, version and time', async () => {
    const d = await driveDossier({ until: 'received' });
    const slips = await eventually(async () => {
      const res = await getDossier(d.id, IDENTITIES.citizenA);
      expect(res.status).toBe(200);
      const list = res.body.slips;
      return list.length > 0 ? list : undefined;
    }, 'form 01 to be listed');
    expect(slips).toEqual([{ id: '01-000002', form: '01', version: 2, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string }]);
    const officer = await getDossier(d.id, IDENTITIES.receptionistX);
    expect(officer.body.slips).toEqual(slips);
  });

  it('a dossier without slips has an empty list', async () => {
    const d = await driveDossier({ until: 'submitted' });
    const res = await getDossier(d.id, IDENTITIES.citizenA);
    expect(res.body.slips).toEqual([]);
  });
});

describe('lookup: whether the dossier can be rated (full view only)', () => {
  it('in progress: not rateable; returned: rateable; the basic view says nothing about it', async () => {
    const open = await driveDossier({ until: 'received' });
    const token = (id: string) => signLookupToken(id, lookupSecret());
    const openView = await lookup(open.code, token(open.id));
    expect(fullView(openView.body).rating).toEqual({ rateable: false, rated: false });
    const done = await driveDossier();
    const doneView = await lookup(done.code, token(done.id));
    expect(doneView.status).toBe(200);
    expect(doneView.body).toMatchObject({ status: 'returned', rating: { rateable: true, rated: false } });
    const basic = await lookup(done.code);
    expect(basic.body.view).toBe('basic');
    expect('rating' in basic.body).toBe(false);
  });
});
