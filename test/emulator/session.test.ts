// The citizen's page session (issue 20): POST /api/session turns a fresh citizen sign-in into the
// `__session` cookie (features/session), and /ho-so/ with that cookie is sent by the api function with
// the citizen's list already drawn (features/dossiers/my-dossiers-page.ts), through Hosting as a browser
// gets it. Without a valid session — none, garbage, cleared, revoked, an officer — the page is the plain
// one the script signs in from, never an error page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MyDossiersAnswer } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, submitDossier, type DossierRef } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { cookieFor, freshToken, setCookieOf, startSession, valueOf } from '../support/page-session.js';

const { db, auth } = admin();

/** An ID token of `who` as if its sign-in were ten minutes old (the Auth emulator signs nothing: alg "none"). */
async function staleToken(who: TestIdentity): Promise<string> {
  const [header, payload] = (await freshToken(who)).split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, number>;
  const old = Math.floor(Date.now() / 1000) - 600;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, auth_time: old, iat: old + 1 })).toString('base64url')}.`;
}

const myDossiers = async (cookie?: string, path = '/ho-so/') => {
  const res = await fetch(`${HOSTING_URL}${path}`, { headers: cookie === undefined ? {} : { cookie: `__session=${cookie}` } });
  return { res, html: await res.text() };
};
const appOf = (html: string) => /<div id="app"[^>]*>.*?<\/div>\s*<div id="inbox"/s.exec(html)?.[0] ?? '';
const pageData = (html: string) => {
  const match = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  return match ? (JSON.parse(match[1]!) as { status: number; body: MyDossiersAnswer }) : undefined;
};

/** The page as built, with the script's sign-in: nothing of anyone drawn, nothing embedded. */
function expectPlainPage(res: Response, html: string): void {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(appOf(html)).toMatch(/^<div id="app"><p class="status" data-en="Loading…">Đang tải…<\/p><\/div>/);
  expect(pageData(html)).toBeUndefined();
  expect(html).not.toContain('dossier-list');
}

let ofA: DossierRef;
let ofB: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  [ofA, ofB] = await Promise.all([submitDossier(IDENTITIES.citizenA), submitDossier(IDENTITIES.citizenB)]);
});

describe('POST /api/session — the page-session cookie', () => {
  it('is set for a citizen just signed in: HttpOnly, Secure, SameSite=Strict, Path=/, five days', async () => {
    const res = await startSession(await freshToken(IDENTITIES.citizenA));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { session: { expiresAt: string } };
    expect(Date.parse(body.session.expiresAt) - Date.now()).toBeGreaterThan(5 * 24 * 3600 * 1000 - 60_000);
    const cookie = setCookieOf(res)!;
    expect(cookie).toBeDefined();
    const attributes = cookie.split(';').slice(1).map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=432000']));
    expect(valueOf(cookie).length).toBeGreaterThan(20);
    // `private`: Hosting drops Set-Cookie from answers a shared cache could keep.
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is refused for a sign-in older than five minutes (the token alone cannot be stretched into days)', async () => {
    const res = await startSession(await staleToken({ uid: 'test-session-old-sign-in' }));
    expect(res.status).toBe(401);
    expect(setCookieOf(res)).toBeUndefined();
    const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
    expect(body.error.code).toBe('unauthenticated');
    // Refused for its age (the account has no revocation: a user made without a password has no validSince).
    expect(body.error.message.en).toContain('This sign-in is not recent');
  });

  it("an older sign-in renews the browser's own valid session of the same account, and nothing else", async () => {
    const who = { uid: 'test-session-renewal' };
    const other = { uid: 'test-session-renewal-other' };
    const [mine, theirs] = await Promise.all([cookieFor(who), cookieFor(other)]);
    const stale = await staleToken(who);
    const renew = (cookie: string) =>
      fetch(`${HOSTING_URL}/api/session`, { method: 'POST', headers: { authorization: `Bearer ${stale}`, 'content-type': 'application/json', cookie: `__session=${cookie}` }, body: '{}' });
    const renewed = await renew(mine);
    expect(renewed.status, await renewed.clone().text()).toBe(200);
    const fresh = valueOf(setCookieOf(renewed)!);
    expect((await admin().auth.verifySessionCookie(fresh, true)).uid).toBe(who.uid);
    // Another account's cookie, a garbage one, or one revoked since: no renewal.
    for (const cookie of [theirs, 'not-a-session-cookie']) {
      const res = await renew(cookie);
      expect(res.status).toBe(401);
      expect(setCookieOf(res)).toBeUndefined();
    }
    await admin().auth.revokeRefreshTokens(other.uid);
    const afterRevocation = await fetch(`${HOSTING_URL}/api/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await staleToken(other)}`, 'content-type': 'application/json', cookie: `__session=${theirs}` },
      body: '{}',
    });
    expect(afterRevocation.status).toBe(401);
  });

  it('is refused to officers and desk devices (403, no cookie), and to anonymous callers (401)', async () => {
    for (const identity of [IDENTITIES.receptionistX, IDENTITIES.leadX, IDENTITIES.kioskX]) {
      const res = await startSession(await freshToken(identity));
      expect(res.status, identity.uid).toBe(403);
      expect(setCookieOf(res), identity.uid).toBeUndefined();
    }
    const anonymous = await fetch(`${HOSTING_URL}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(setCookieOf(anonymous)).toBeUndefined();
  });

  it('DELETE clears it (no token needed: the citizen has just signed out)', async () => {
    const res = await fetch(`${HOSTING_URL}/api/session`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const cookie = setCookieOf(res)!;
    expect(valueOf(cookie)).toBe('');
    expect(cookie).toContain('Max-Age=0');
    expect(cookie).toContain('Path=/');
  });
});

describe('GET /ho-so/ — My dossiers with the list already drawn', () => {
  it("with citizen A's cookie: A's list (the API's own answer) drawn and embedded, none of B's, never cached", async () => {
    const cookie = await cookieFor(IDENTITIES.citizenA);
    const { res, html } = await myDossiers(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    // The page's own Content-Security-Policy from firebase.json applies to the drawn page too.
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const app = appOf(html);
    expect(app).toContain('data-state="ok"');
    expect(app).toContain(`data-uid="${IDENTITIES.citizenA.uid}"`);
    expect(app).toContain(`<li data-code="${ofA.code}"`);
    expect(app).toContain(`href="/ho-so/${ofA.id}"`);
    expect(app).toContain('<button type="button" class="link" id="sign-out">Đăng xuất</button>');
    expect(html).not.toContain(ofB.code);
    expect(html).not.toContain(ofB.id);
    const fromApi = await api('listMyDossiers', { query: {} }, IDENTITIES.citizenA);
    const data = pageData(html)!;
    expect(data.status).toBe(200);
    expect(data.body).toEqual(fromApi.body);
    expect(app).toContain(`<p id="dossier-count" role="status">${fromApi.body.items.length} hồ sơ</p>`);
    // /ho-so (no slash) is the same page; /ho-so/<id> is the static dossier page, never drawn with data.
    const bare = await myDossiers(cookie, '/ho-so');
    expect(appOf(bare.html)).toContain(`<li data-code="${ofA.code}"`);
    const one = await myDossiers(cookie, `/ho-so/${ofA.id}`);
    expect(one.res.status).toBe(200);
    expect(pageData(one.html)).toBeUndefined();
    expect(one.html).not.toContain(ofA.code);
  });

  it("with B's cookie, B's list and not A's", async () => {
    const { html } = await myDossiers(await cookieFor(IDENTITIES.citizenB));
    expect(appOf(html)).toContain(`<li data-code="${ofB.code}"`);
    expect(html).not.toContain(ofA.code);
  });

  it('without a cookie, with a garbage or empty one, or one cleared by DELETE: the plain page', async () => {
    const none = await myDossiers();
    expectPlainPage(none.res, none.html);
    for (const garbage of ['x', 'abc.def.ghi', 'eyJhbGciOiJub25lIn0.eyJ1aWQiOiJ0ZXN0LWNpdGl6ZW4tYSJ9.', '%3Cscript%3E', 'a'.repeat(5000)]) {
      const { res, html } = await myDossiers(garbage);
      expectPlainPage(res, html);
    }
    // What the browser sends once DELETE's Set-Cookie has emptied the cookie.
    const cleared = await fetch(`${HOSTING_URL}/api/session`, { method: 'DELETE' });
    const after = await myDossiers(valueOf(setCookieOf(cleared)!));
    expectPlainPage(after.res, after.html);
  });

  it("after the citizen's tokens are revoked (sign-out everywhere, a suspended account): the plain page", async () => {
    const who: TestIdentity = { uid: 'test-session-revoked' };
    const cookie = await cookieFor(who);
    const before = await myDossiers(cookie);
    expect(appOf(before.html)).toContain('data-state="ok"');
    // Revocation counts in whole seconds after the sign-in.
    await new Promise((r) => setTimeout(r, 1_100));
    await auth.revokeRefreshTokens(who.uid);
    const after = await myDossiers(cookie);
    expectPlainPage(after.res, after.html);
  });

  it('an account made an officer after its cookie was made gets the plain page', async () => {
    const who: TestIdentity = { uid: 'test-session-promoted' };
    const cookie = await cookieFor(who);
    await auth.setCustomUserClaims(who.uid, { role: 'handler', agencyId: '000.00.14.H99' });
    await new Promise((r) => setTimeout(r, 1_100));
    await auth.revokeRefreshTokens(who.uid); // as features/officers does on every role change
    const { res, html } = await myDossiers(cookie);
    expectPlainPage(res, html);
  });

  it('escapes what it prints: a hostile account id (shown when there is no email or phone) and procedure name', async () => {
    const uid = `x"><img src=x onerror=alert(1)>&'`;
    const who: TestIdentity = { uid };
    const cookie = await cookieFor(who);
    await db.doc('dossiers/session-hostile-name').set({
      ownerUserId: uid,
      status: 'registered',
      version: 1,
      createdAt: new Date(),
      procedure: { code: '1.999999', name: { vi: '</div><script>alert(2)</script>', en: 'x' } },
    });
    const { html } = await myDossiers(cookie);
    const app = appOf(html);
    expect(app).toContain('data-state="ok"');
    expect(app).not.toContain('<img');
    expect(app).not.toContain('<script>alert(2)');
    expect(app).toContain('&lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(app).toContain('x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;');
    // The embedded answer cannot close its script block either.
    expect(html).not.toContain('</script><script>alert(2)');
    expect(pageData(html)!.body.items[0]!.procedure.name.vi).toBe('</div><script>alert(2)</script>');
  });
});
