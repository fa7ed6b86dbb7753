// Provisioning officers: only an administrator may, and the claims it sets are what the API trusts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import type { ProvisionOfficerBody } from '../../functions/src/contract/index.js';
import { api, call } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const provision = (as: TestIdentity | undefined, body: ProvisionOfficerBody) => api('provisionOfficer', { body }, as);
const officer: ProvisionOfficerBody = { email: 'canbo.moi@motcua.demo', displayName: 'Ngô Văn Tùng', role: 'handler', agencyId: '000.00.13.H99', initialPassword: 'mat-khau-du-dai' };

beforeAll(async () => {
  await loadDemoData(db, auth);
  await auth.getUserByEmail(officer.email).then((u) => auth.deleteUser(u.uid), () => undefined);
});

describe('POST /api/admin/officers', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a citizen', IDENTITIES.citizenA, 403],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
  ] as const)('refuses %s', async (_who, as, status) => {
    expect((await provision(as, officer)).status).toBe(status);
    await expect(auth.getUserByEmail(officer.email)).rejects.toMatchObject({ code: 'auth/user-not-found' });
  });

  it('creates the account with its claims, then updates the same account', async () => {
    const first = await provision(IDENTITIES.admin, officer);
    expect(first.status).toBe(201);
    const user = await auth.getUser(first.body.uid);
    expect(user.customClaims).toEqual({ role: 'handler', agencyId: '000.00.13.H99' });
    expect((await db.doc(`users/${user.uid}`).get()).get('displayName')).toBe('Ngô Văn Tùng');

    const again = await provision(IDENTITIES.admin, { ...officer, role: 'lead' });
    expect(again.status).toBe(200);
    expect(again.body.uid).toBe(first.body.uid);
    expect((await auth.getUser(first.body.uid)).customClaims).toEqual({ role: 'lead', agencyId: '000.00.13.H99' });
  });

  it.each([
    [{ ...officer, role: 'citizen' }, 'role'],
    [{ ...officer, agencyId: '000.00.99.H99' }, 'agencyId'],
    [{ ...officer, email: 'not-an-email' }, 'email'],
    [{ ...officer, initialPassword: 'short' }, 'initialPassword'],
  ])('rejects %j at %s', async (body, path) => {
    const res = await call('POST', '/admin/officers', IDENTITIES.admin, body); // a role outside the contract among them: untyped
    expect(res.status).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
  });
});
