// Officer accounts in the admin console, through the Auth, Firestore and Functions emulators: the list,
// a change of role or agency and a deactivation (each ends the account's sessions at once, for the API
// and for Firestore), the refusals (not an officer's account, an administrator locking themselves out,
// non-admins, bad input), retries, and the audit of who changed what. Accounts: *.admin14@motcua.demo.
import { beforeAll, describe, expect, it } from 'vitest';
import type { UpdateOfficerBody } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, rid } from '../support/api.js';
import { admin, AUTH_HOST, HOSTING_URL, PROJECT_ID } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const JUSTICE = '000.00.13.H99';
const LAND = '000.00.14.H99';
const EMAIL = 'thuly.admin14@motcua.demo';
const PASSWORD = 'mat-khau-admin14-2026';

const update = (uid: string, body: UpdateOfficerBody, as: TestIdentity = IDENTITIES.admin) => api('updateOfficer', { params: { uid }, body }, as);
const toolkit = (method: string) => `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-api-key`;
async function authCall(method: string, body: unknown): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const res = await fetch(toolkit(method), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { ok: res.ok, json: (await res.json()) as Record<string, unknown> };
}
async function signIn(): Promise<string> {
  const { ok, json } = await authCall('signInWithPassword', { email: EMAIL, password: PASSWORD, returnSecureToken: true });
  if (!ok) throw new Error(`sign-in refused: ${JSON.stringify(json)}`);
  return json.idToken as string;
}
async function invitations(email: string): Promise<{ oobLink: string; oobCode: string }[]> {
  const res = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobLink: string; oobCode: string }[] };
  return oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET');
}
/** The officer's own session: a request the API and one Firestore read the rules decide. */
const apiStatus = async (idToken: string) => (await fetch(`${HOSTING_URL}/api/calendars/warning`, { headers: { authorization: `Bearer ${idToken}` } })).status;
/** Revocation has one-second resolution: a token signed in that second still counts. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));

let uid: string;
/** The demo's justice handler, invited by the seed (its uid is the Auth emulator's). */
let justiceHandler: string;

beforeAll(async () => {
  await loadDemoData(db, auth);
  justiceHandler = (await auth.getUserByEmail('thuly.stp@motcua.demo')).uid;
  await auth.getUserByEmail(EMAIL).then(
    (u) => Promise.all([auth.deleteUser(u.uid), db.doc(`users/${u.uid}`).delete()]),
    () => undefined,
  );
});

describe('who may manage officers', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a citizen', IDENTITIES.citizenA, 403],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
    ['a desk kiosk', IDENTITIES.kioskX, 403],
  ] as const)('refuses %s', async (_who, as, status) => {
    expect((await api('listOfficers', {}, as)).status).toBe(status);
    expect((await api('updateOfficer', { params: { uid: justiceHandler }, body: { requestId: rid('forbidden'), role: 'admin' } }, as)).status).toBe(status);
    expect((await auth.getUser(justiceHandler)).customClaims?.role).toBe('handler');
  });
});

describe('inviting, with a retry', () => {
  it('invites through POST /api/admin/officers once per requestId, audited', async () => {
    const requestId = rid('invite');
    const body = { requestId, email: EMAIL, displayName: 'Hà Văn Thử', role: 'handler' as const, agencyId: JUSTICE };
    const first = await api('provisionOfficer', { body }, IDENTITIES.admin);
    expect(first.status, first.text).toBe(201);
    uid = first.body.uid;
    const again = await api('provisionOfficer', { body }, IDENTITIES.admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ uid, created: true, invitationSent: true, duplicate: true });
    expect(await invitations(EMAIL)).toHaveLength(1); // the retry sent no second link
    const entry = await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get();
    expect(entry.data()).toMatchObject({ action: 'officer.provision', target: { kind: 'officer', id: EMAIL }, after: { uid, role: 'handler', agencyId: JUSTICE } });
    // The officer chooses a password through the link.
    const [link] = await invitations(EMAIL);
    expect((await authCall('resetPassword', { oobCode: link!.oobCode, newPassword: PASSWORD })).ok).toBe(true);
  });

  it('lists the account with its state (invited until the link is used, then active)', async () => {
    const page = await api('listOfficers', { query: { agencyId: JUSTICE } }, IDENTITIES.admin);
    expect(page.status, page.text).toBe(200);
    expect(page.body.officers).toEqual(expect.arrayContaining([
      { uid, email: EMAIL, displayName: 'Hà Văn Thử', role: 'handler', agencyId: JUSTICE, status: 'active' },
      expect.objectContaining({ uid: justiceHandler, role: 'handler', agencyId: JUSTICE }),
    ]));
    expect(page.body.officers.every((o) => o.agencyId === JUSTICE)).toBe(true);
    // Every page, 50 a page (other tests invite officers of their own).
    const all: { uid: string; role: string }[] = [];
    for (let after: string | undefined, pages = 0; pages < 100; pages++) {
      const page = await api('listOfficers', { query: after ? { after } : {} }, IDENTITIES.admin);
      expect(page.status, page.text).toBe(200);
      all.push(...page.body.officers);
      if (!page.body.nextAfter) break;
      after = page.body.nextAfter;
    }
    expect(all.map((o) => o.role)).toEqual(expect.arrayContaining(['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk']));
    expect(all.map((o) => o.uid)).not.toContain('demo-citizen');
    expect((await call('GET', '/admin/officers?agencyId=H99', IDENTITIES.admin)).status).toBe(400);
  });

  it('answers one account’s row by uid (the console keeps an account it just changed in view), never a citizen’s', async () => {
    const one = await api('listOfficers', { query: { uid } }, IDENTITIES.admin);
    expect(one.body).toEqual({ officers: [{ uid, email: EMAIL, displayName: 'Hà Văn Thử', role: 'handler', agencyId: JUSTICE, status: 'active' }], nextAfter: null });
    expect((await api('listOfficers', { query: { uid, agencyId: LAND } }, IDENTITIES.admin)).body.officers).toEqual([]);
    expect((await api('listOfficers', { query: { uid: 'demo-citizen' } }, IDENTITIES.admin)).body.officers).toEqual([]);
    expect((await api('listOfficers', { query: { uid: 'no-such-account' } }, IDENTITIES.admin)).body.officers).toEqual([]);
    expect((await call('GET', '/admin/officers?uid=a%2Fb', IDENTITIES.admin)).status).toBe(400);
    expect((await api('listOfficers', { query: { uid } }, IDENTITIES.leadX)).status).toBe(403);
  });
});

describe('changing role and agency', () => {
  it('moves the officer to another agency as a lead: claims, mirror, sessions ended for the API and Firestore', async () => {
    const before = await signIn();
    expect(await apiStatus(before)).toBe(200);
    await nextSecond();
    const requestId = rid('move');
    const res = await update(uid, { requestId, role: 'lead', agencyId: LAND });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ sessionsRevoked: true, officer: { uid, role: 'lead', agencyId: LAND, status: 'active' } });
    expect((await auth.getUser(uid)).customClaims).toEqual({ role: 'lead', agencyId: LAND });
    const mirror = (await db.doc(`users/${uid}`).get()).data()!;
    expect(mirror).toMatchObject({ role: 'lead', agencyId: LAND, disabled: false });
    expect(typeof mirror.tokensValidAfter).toBe('number');
    // The session signed in before the change is over everywhere; a new one carries the new claims.
    expect(await apiStatus(before)).toBe(401);
    const after = await signIn();
    expect(await apiStatus(after)).toBe(200);
    const entry = (await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get()).data()!;
    expect(entry).toMatchObject({ action: 'officer.update', before: { role: 'handler', agencyId: JUSTICE, active: true }, after: { role: 'lead', agencyId: LAND, active: true } });
    expect(entry.summary.vi).toContain('vai trò handler → lead');
    // A retry: the first answer, nothing revoked again.
    const validAfter = (await auth.getUser(uid)).tokensValidAfterTime;
    const again = await update(uid, { requestId, role: 'lead', agencyId: LAND });
    expect(again.body).toMatchObject({ duplicate: true, sessionsRevoked: true });
    expect((await auth.getUser(uid)).tokensValidAfterTime).toBe(validAfter);
    expect(await apiStatus(after)).toBe(200);
  });

  it('deactivates the account (no session, no sign-in) and reactivates it', async () => {
    const session = await signIn();
    await nextSecond();
    const off = await update(uid, { requestId: rid('off'), active: false });
    expect(off.status, off.text).toBe(200);
    expect(off.body.officer.status).toBe('disabled');
    expect((await auth.getUser(uid)).disabled).toBe(true);
    expect(await apiStatus(session)).toBe(401);
    expect((await authCall('signInWithPassword', { email: EMAIL, password: PASSWORD, returnSecureToken: true })).ok).toBe(false);
    const listed = (await api('listOfficers', { query: { agencyId: LAND } }, IDENTITIES.admin)).body.officers.find((o) => o.uid === uid);
    expect(listed?.status).toBe('disabled');
    const on = await update(uid, { requestId: rid('on'), active: true });
    expect(on.body.officer.status).toBe('active');
    expect(await apiStatus(await signIn())).toBe(200);
  });
});

describe('refusals', () => {
  it.each([
    [{ role: 'citizen' }, 'role'],
    [{ agencyId: 'H99' }, 'agencyId'],
    [{}, 'role'],
    [{ active: 'no' }, 'active'],
    [{ role: 'lead', password: 'x' }, ''],
  ])('rejects %j with a field error at %j', async (patch, path) => {
    const res = await call('PUT', `/admin/officers/${uid}`, IDENTITIES.admin, { requestId: rid('bad'), ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.message.vi).toBeTruthy();
  });

  it('refuses an agency that does not exist, a citizen’s account and an unknown uid', async () => {
    const agency = await update(uid, { requestId: rid('no-agency'), agencyId: '000.99.99.H99' });
    expect(agency.status).toBe(400);
    expect(agency.body.error?.fields[0]?.path).toBe('agencyId');
    const citizen = await update(IDENTITIES.citizenA.uid, { requestId: rid('citizen'), role: 'handler', agencyId: JUSTICE });
    expect(citizen.status).toBe(409);
    expect(citizen.body.error?.reason).toBe('notOfficer');
    expect((await auth.getUser(IDENTITIES.citizenA.uid)).customClaims?.role).toBeUndefined();
    expect((await update('no-such-uid-admin14', { requestId: rid('nobody'), active: false })).status).toBe(404);
  });

  it('an administrator cannot remove their own role or deactivate themselves', async () => {
    for (const body of [{ role: 'lead' as const }, { active: false }]) {
      const res = await update(IDENTITIES.admin.uid, { requestId: rid('self'), ...body });
      expect(res.status).toBe(409);
      expect(res.body.error?.reason).toBe('selfLockout');
    }
    expect((await auth.getUser(IDENTITIES.admin.uid)).customClaims?.role).toBe('admin');
  });
});
