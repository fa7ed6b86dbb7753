// Provisioning officers: only an administrator may; accounts are created by invitation only (the officer
// chooses a password through a one-time emailed link); an existing account is never promoted; a role or
// agency change ends the account's sessions at once, for the API and for Firestore (issue 12, findings 1
// and 5). Every attack here is the outside review's, run against the Auth, Firestore and Functions
// emulators; the invitation link is followed the way the officer's browser would (the Auth emulator
// keeps emailed codes at /emulator/v1/projects/<project>/oobCodes).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionOfficerBody } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, download } from '../support/api.js';
import { admin, AUTH_HOST, FIRESTORE_HOST, PROJECT_ID } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const AGENCY_X = '000.00.01.H99';
const AGENCY_JUSTICE = '000.00.13.H99';
const DOSSIER = 'test-officers-dossier-x';

const provision = (as: TestIdentity | undefined, body: ProvisionOfficerBody) => api('provisionOfficer', { body }, as);
/** For bodies that are wrong on purpose (a role that is not one, a field the contract does not have): the untyped call. */
const provisionRaw = (as: TestIdentity | undefined, body: unknown) => call('POST', '/admin/officers', as, body);

// ---- the Auth emulator's REST API, as a browser (the web SDK) calls it --------------------------------
const toolkit = (method: string) => `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-api-key`;
async function authCall(method: string, body: unknown): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const res = await fetch(toolkit(method), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { ok: res.ok, json: (await res.json()) as Record<string, unknown> };
}
async function signIn(email: string, password: string): Promise<string> {
  const { ok, json } = await authCall('signInWithPassword', { email, password, returnSecureToken: true });
  if (!ok) throw new Error(`sign-in of ${email} refused: ${JSON.stringify(json)}`);
  return json.idToken as string;
}
type OobCode = { email: string; requestType: string; oobCode: string; oobLink: string };
/** The password links "emailed" to `email` so far, oldest first. */
async function mailedLinks(email: string): Promise<OobCode[]> {
  const res = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  const { oobCodes } = (await res.json()) as { oobCodes: OobCode[] };
  return oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET');
}
/** What the officer's browser does on the link's page: choose a password with the code in the link. */
async function followLink(link: OobCode, newPassword: string): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const oobCode = new URL(link.oobLink).searchParams.get('oobCode');
  expect(oobCode).toBe(link.oobCode);
  return authCall('resetPassword', { oobCode, newPassword });
}
async function deleteByEmail(email: string): Promise<void> {
  await auth.getUserByEmail(email).then(
    (u) => Promise.all([auth.deleteUser(u.uid), db.doc(`users/${u.uid}`).delete()]),
    () => undefined,
  );
}

// ---- what a token opens -----------------------------------------------------------------------------
/** Any signed-in caller gets 404 for a missing upload; a refused token gets 401 first. */
async function apiStatus(idToken: string): Promise<{ status: number; code?: string }> {
  const res = await download('getUpload', { params: { uploadId: 'no-such-upload' } }, { idToken });
  return { status: res.status, code: res.body.error?.code };
}
/** A read straight from Firestore with the ID token, as the officer dashboard's SDK does: rules decide. */
async function firestoreRead(idToken: string, path: string): Promise<number> {
  const res = await fetch(`http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents/${path}`, {
    headers: { authorization: `Bearer ${idToken}` },
  });
  await res.arrayBuffer();
  return res.status;
}
/**
 * Revocation has one-second resolution (Auth's `validSince`, the token's `auth_time`): a token signed in
 * during the very second of a revocation still counts. Tests that revoke wait for the next second.
 */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));
const claimsOf = async (idToken: string) => {
  const decoded = await auth.verifyIdToken(idToken);
  return { role: decoded.role as unknown, agencyId: decoded.agencyId as unknown };
};

const officer: ProvisionOfficerBody = { email: 'canbo.moi@motcua.demo', displayName: 'Ngô Văn Tùng', role: 'handler', agencyId: AGENCY_JUSTICE };
const PASSWORD = 'mat-khau-cua-tung-2026';

beforeAll(async () => {
  await loadDemoData(db, auth);
  await Promise.all(
    ['canbo.moi@motcua.demo', 'tiepnhan.xa.moi@motcua.demo', 'canbo.dichuyen@motcua.demo', 'kiosk.quay2@motcua.demo', 'canbo.chuadung@motcua.demo'].map(
      deleteByEmail,
    ),
  );
  await db.doc(`dossiers/${DOSSIER}`).set({ agencyIds: [AGENCY_X], ownerUserId: 'test-officers-owner', status: 'received' });
});

describe('POST /api/admin/officers: who may', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a citizen', IDENTITIES.citizenA, 403],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
    ['a desk kiosk', IDENTITIES.kioskX, 403],
  ] as const)('refuses %s', async (_who, as, status) => {
    expect((await provision(as, officer)).status).toBe(status);
    await expect(auth.getUserByEmail(officer.email)).rejects.toMatchObject({ code: 'auth/user-not-found' });
  });

  it.each([
    [{ ...officer, role: 'citizen' }, 'role'],
    [{ ...officer, agencyId: '000.00.99.H99' }, 'agencyId'],
    [{ ...officer, email: 'not-an-email' }, 'email'],
    // The administrator never chooses (so never knows) an officer's password.
    [{ ...officer, initialPassword: 'mat-khau-du-dai' }, ''],
  ])('rejects %j at %j, creating nothing', async (body, path) => {
    const res = await provisionRaw(IDENTITIES.admin, body);
    expect(res.status).toBe(400);
    expect(res.body.error!.fields.map((f) => f.path)).toContain(path);
    await expect(auth.getUserByEmail(officer.email)).rejects.toMatchObject({ code: 'auth/user-not-found' });
  });
});

describe('invitation', () => {
  let uid: string;

  it('creates the account with its claims and no password, and has Firebase email a one-time link', async () => {
    const res = await provision(IDENTITIES.admin, officer);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, invitationSent: true, sessionsRevoked: false });
    uid = res.body.uid;
    const user = await auth.getUser(uid);
    expect(user.customClaims).toEqual({ role: 'handler', agencyId: AGENCY_JUSTICE });
    expect(user.emailVerified).toBe(false);
    expect(user.providerData.map((p) => p.providerId)).not.toContain('password');
    expect((await db.doc(`users/${uid}`).get()).data()).toMatchObject({ displayName: 'Ngô Văn Tùng', role: 'handler', agencyId: AGENCY_JUSTICE });
    // Nobody can sign in to it yet: it has no password to guess.
    expect((await authCall('signInWithPassword', { email: officer.email, password: 'motcua-demo', returnSecureToken: true })).ok).toBe(false);
    const links = await mailedLinks(officer.email);
    expect(links).toHaveLength(1);
    expect(new URL(links[0]!.oobLink).searchParams.get('continueUrl')).toBe('http://127.0.0.1:5000/can-bo/');
  });

  it('the officer follows the link once, chooses a password, and signs in with the role and agency', async () => {
    const [link] = await mailedLinks(officer.email);
    expect((await followLink(link!, PASSWORD)).ok).toBe(true);
    const idToken = await signIn(officer.email, PASSWORD);
    expect(await claimsOf(idToken)).toEqual({ role: 'handler', agencyId: AGENCY_JUSTICE });
    expect((await auth.getUser(uid)).emailVerified).toBe(true); // the link proved the mailbox
    expect(await apiStatus(idToken)).toEqual({ status: 404, code: 'not-found' });
    // One time only: the same link cannot set another password (someone who saw it later).
    const again = await followLink(link!, 'mat-khau-ke-gian-2026');
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again.json)).toContain('INVALID_OOB_CODE');
    expect((await authCall('signInWithPassword', { email: officer.email, password: 'mat-khau-ke-gian-2026', returnSecureToken: true })).ok).toBe(false);
  });

  it('sends the link again to an invited officer who has not used it, not to one who has', async () => {
    const unused = { ...officer, email: 'canbo.chuadung@motcua.demo', displayName: 'Lý Thị Hạnh' };
    expect((await provision(IDENTITIES.admin, unused)).status).toBe(201);
    const again = await provision(IDENTITIES.admin, unused);
    expect(again).toMatchObject({ status: 200, body: { created: false, invitationSent: true, sessionsRevoked: false } });
    expect(await mailedLinks(unused.email)).toHaveLength(2);
    // The officer above has chosen a password: re-provisioning the same role sends nothing, ends nothing.
    const before = await mailedLinks(officer.email);
    const idToken = await signIn(officer.email, PASSWORD);
    const same = await provision(IDENTITIES.admin, officer);
    expect(same).toMatchObject({ status: 200, body: { uid, created: false, invitationSent: false, sessionsRevoked: false } });
    expect(await mailedLinks(officer.email)).toHaveLength(before.length);
    expect(await apiStatus(idToken)).toEqual({ status: 404, code: 'not-found' });
  });

  it('a desk kiosk is invited to the kiosk page', async () => {
    const kiosk: ProvisionOfficerBody = { email: 'kiosk.quay2@motcua.demo', displayName: 'Thiết bị đánh giá — quầy 2', role: 'kiosk', agencyId: AGENCY_X };
    expect((await provision(IDENTITIES.admin, kiosk)).status).toBe(201);
    const [link] = await mailedLinks(kiosk.email);
    expect(new URL(link!.oobLink).searchParams.get('continueUrl')).toBe('http://127.0.0.1:5000/kiosk/');
  });
});

describe('account adoption (the attack of finding 1)', () => {
  it('a stranger who signs up first with the officer’s address never receives the role', async () => {
    const target: ProvisionOfficerBody = { email: 'tiepnhan.xa.moi@motcua.demo', displayName: 'Trịnh Văn Lâm', role: 'receptionist', agencyId: AGENCY_X };
    // The stranger guesses the address the province will use and registers it (self-registration is open).
    const signUp = await authCall('signUp', { email: target.email, password: 'ke-gian-dang-ky-truoc', returnSecureToken: true });
    expect(signUp.ok).toBe(true);
    const strangerUid = signUp.json.localId as string;

    const res = await provision(IDENTITIES.admin, target);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', reason: 'accountExists' });
    expect(res.body.error!.message.vi).toContain('không bao giờ được cấp quyền');
    expect(res.body.error!.message.en).toContain('never given a role');
    expect(res.body.error!.fields.map((f) => f.path)).toEqual(['email']);

    // Nothing changed: no claims, no mirror document, no link; the stranger is still a citizen.
    expect((await auth.getUser(strangerUid)).customClaims ?? {}).toEqual({});
    expect((await db.doc(`users/${strangerUid}`).get()).exists).toBe(false);
    expect(await mailedLinks(target.email)).toHaveLength(0);
    const strangerToken = await signIn(target.email, 'ke-gian-dang-ky-truoc');
    expect(await claimsOf(strangerToken)).toEqual({ role: undefined, agencyId: undefined });
    expect(await firestoreRead(strangerToken, `dossiers/${DOSSIER}`)).toBe(403);

    // Trying again (an administrator who did not read the message) changes nothing either.
    expect((await provision(IDENTITIES.admin, { ...target, role: 'admin' })).status).toBe(409);
    expect((await auth.getUser(strangerUid)).customClaims ?? {}).toEqual({});
  });

  it('an existing citizen account is not promoted either', async () => {
    const citizen = await auth.getUserByEmail('congdan@motcua.demo');
    const res = await provision(IDENTITIES.admin, { email: 'congdan@motcua.demo', displayName: 'Bùi Thị Mai', role: 'lead', agencyId: AGENCY_X });
    expect(res.status).toBe(409);
    expect((await auth.getUser(citizen.uid)).customClaims ?? {}).toEqual({});
  });
});

describe('stale roles (the attack of finding 5): a change ends the sessions within seconds', () => {
  const mover: ProvisionOfficerBody = { email: 'canbo.dichuyen@motcua.demo', displayName: 'Đoàn Minh Quân', role: 'lead', agencyId: AGENCY_X };
  const password = 'mat-khau-cua-quan-2026';
  let oldToken: string;

  beforeAll(async () => {
    expect((await provision(IDENTITIES.admin, mover)).status).toBe(201);
    const [link] = await mailedLinks(mover.email);
    expect((await followLink(link!, password)).ok).toBe(true);
    oldToken = await signIn(mover.email, password);
    // Before the move: a lead of agency X reads X's dossier, through the API and through Firestore.
    expect(await apiStatus(oldToken)).toEqual({ status: 404, code: 'not-found' });
    expect(await firestoreRead(oldToken, `dossiers/${DOSSIER}`)).toBe(200);
    await nextSecond();
  });

  it('moved to another agency and demoted: the old token opens nothing, the new sign-in has the new role', async () => {
    const res = await provision(IDENTITIES.admin, { ...mover, role: 'handler', agencyId: AGENCY_JUSTICE });
    expect(res).toMatchObject({ status: 200, body: { created: false, invitationSent: false, sessionsRevoked: true } });

    // The old ID token has not expired (an hour), yet neither the API nor the rules take it any more.
    const refused = await apiStatus(oldToken);
    expect(refused).toEqual({ status: 401, code: 'unauthenticated' });
    expect(await firestoreRead(oldToken, `dossiers/${DOSSIER}`)).toBe(403);
    const refusal = await download('getUpload', { params: { uploadId: 'x' } }, { idToken: oldToken });
    expect(refusal.body.error?.message.en).toContain('the account was changed (role, agency)');

    const newToken = await signIn(mover.email, password);
    expect(await claimsOf(newToken)).toEqual({ role: 'handler', agencyId: AGENCY_JUSTICE });
    expect(await apiStatus(newToken)).toEqual({ status: 404, code: 'not-found' });
    expect(await firestoreRead(newToken, `dossiers/${DOSSIER}`)).toBe(403); // X's dossier is no longer theirs
  });

  it('any revocation, or a disabled account, ends a staff token', async () => {
    const idToken = await signIn(mover.email, password);
    expect(await apiStatus(idToken)).toEqual({ status: 404, code: 'not-found' });
    await nextSecond();
    await auth.revokeRefreshTokens((await auth.getUserByEmail(mover.email)).uid);
    expect(await apiStatus(idToken)).toEqual({ status: 401, code: 'unauthenticated' });
    // A disabled staff account is refused the same way.
    const again = await signIn(mover.email, password);
    await auth.updateUser((await auth.getUserByEmail(mover.email)).uid, { disabled: true });
    expect(await apiStatus(again)).toEqual({ status: 401, code: 'unauthenticated' });
    await auth.updateUser((await auth.getUserByEmail(mover.email)).uid, { disabled: false });
  });
});
