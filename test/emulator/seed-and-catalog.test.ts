// The demo province through the emulators: the seed loads idempotently, demo logins work against the
// Auth emulator with their claims, and the public catalogue endpoint pages and filters it.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAgencies } from '../../seed/data/agencies.js';
import { demoCalendars } from '../../seed/data/calendars.js';
import { demoAccounts, DEMO_PASSWORD } from '../../seed/data/officers.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData, isSeeded } from '../../seed/load.js';
import type { ListProceduresQuery, ProcedurePage } from '../../functions/src/contract/index.js';
import { api, call } from '../support/api.js';
import { admin, AUTH_HOST } from '../support/emulators.js';

const { db, auth } = admin();
const codes = [...new Set(demoProcedures.map((p) => p.code))].sort();

async function signIn(email: string, password: string): Promise<{ status: number; idToken?: string }> {
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string };
  return { status: res.status, idToken: body.idToken };
}

const getCatalog = (query: ListProceduresQuery = {}) => api('listProcedures', { query });

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('demo seed', () => {
  it('writes every agency, calendar and procedure, and marks itself loaded', async () => {
    expect(await isSeeded(db)).toBe(true);
    expect((await db.collection('agencies').count().get()).data().count).toBeGreaterThanOrEqual(demoAgencies.length);
    expect((await db.doc(`calendars/${demoCalendars[0]!.year}`).get()).get('holidays')).toEqual(demoCalendars[0]!.holidays);
    const landCode = demoProcedures.find((p) => p.field === 'land')!.code;
    expect((await db.doc(`procedures/${landCode}`).get()).get('field')).toBe('land');
  });

  it('is idempotent: a second load creates no account and changes no document content', async () => {
    const before = (await db.doc(`agencies/${demoAgencies[0]!.id}`).get()).data();
    const again = await loadDemoData(db, auth);
    expect(again.accountsCreated).toBe(0);
    expect((await db.doc(`agencies/${demoAgencies[0]!.id}`).get()).data()).toEqual(before);
  });

  it.each(demoAccounts.map((a) => [a.email, a] as const))('%s signs in and carries its role', async (_email, account) => {
    const { status, idToken } = await signIn(account.email, DEMO_PASSWORD);
    expect(status).toBe(200);
    const decoded = await auth.verifyIdToken(idToken!);
    if (account.role === 'citizen') expect(decoded.role).toBeUndefined();
    else expect({ role: decoded.role as unknown, agencyId: decoded.agencyId as unknown }).toEqual({ role: account.role, agencyId: account.agencyId });
  });

  it('refuses a wrong password', async () => {
    expect((await signIn(demoAccounts[0]!.email, 'wrong-password')).status).toBe(400);
  });

  it('gives every officer an agency that exists in the seed', () => {
    const ids = new Set(demoAgencies.map((a) => a.id));
    for (const account of demoAccounts.filter((a) => a.role !== 'citizen')) expect(ids.has(account.agencyId!)).toBe(true);
  });
});

describe('GET /api/procedures', () => {
  it('lists the catalogue in code order with bilingual names and durations', async () => {
    const res = await getCatalog({ limit: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('s-maxage');
    const page = res.body;
    expect(page.items.map((i) => i.code)).toEqual(codes);
    expect(page.items.length).toBeGreaterThanOrEqual(12);
    expect(page.items.every((i) => i.name.vi.length > 0 && /ngày|giờ/.test(i.durationText.vi))).toBe(true);
    expect(page.nextAfter).toBeNull();
  });

  it('pages with a cursor without losing or repeating an item', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ProcedurePage = (await getCatalog({ limit: 5, ...(after ? { after } : {}) })).body;
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((i) => i.code));
      after = page.nextAfter;
    } while (after);
    expect(seen).toEqual(codes);
  });

  it('filters by field', async () => {
    const page = (await getCatalog({ field: 'civilStatus' })).body;
    expect(page.items.length).toBe(new Set(demoProcedures.filter((p) => p.field === 'civilStatus').map((p) => p.code)).size);
    expect(page.items.every((i) => i.field === 'civilStatus')).toBe(true);
  });

  it.each(['?limit=0', '?limit=abc', '?field=nope', '?after=DROP', '?unknown=1'])('rejects %s with a structured 400', async (query) => {
    const res = await call('GET', `/procedures${query}`); // raw query strings, unknown keys among them
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.length).toBeGreaterThan(0);
  });
});
