// My dossiers with a page session (issue 20), in a real browser against the emulators: a citizen signs in
// on /ho-so/, the page asks for the session cookie once, and from then on /ho-so/ comes from the server
// with the list already in its HTML (checked in the response as served, not in the DOM the script drew);
// the page still works on top of it (the list stays while Auth loads, a dossier opens) and signing out
// removes the cookie, so the next load is the plain page again.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { submitDossier, type DossierRef } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { admin, AUTH_HOST, HOSTING_URL } from '../support/emulators.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `session-${RUN}@example.vn`, password: 'mat-khau-rat-dai-1' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dossier: DossierRef;

const sessionCookie = async () => (await context.cookies(HOSTING_URL)).find((c) => c.name === '__session');

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, emailVerified: true });
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...CITIZEN, returnSecureToken: true }),
  });
  const { idToken } = (await res.json()) as { idToken: string };
  dossier = await submitDossier({ idToken });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('/ho-so/ with a page session', () => {
  it('after a sign-in on the page, a reload is served with the list drawn, and the page keeps working', async () => {
    const first = await page.goto(`${HOSTING_URL}/ho-so/`);
    expect(await first!.text()).not.toContain('dossier-list');
    await page.locator('#sign-in-form').waitFor();
    await page.fill('#sign-in-email', CITIZEN.email);
    await page.fill('#sign-in-password', CITIZEN.password);
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator(`#dossier-list li[data-code="${dossier.code}"]`).waitFor();
    // The page asked for its session once the citizen was known: an HttpOnly, SameSite=Strict cookie.
    await expect.poll(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: true });

    const served = await page.reload();
    const html = await served!.text();
    expect(served!.headers()['cache-control']).toBe('private, no-store');
    expect(html).toContain('<div id="app" data-state="ok"');
    expect(html).toContain(`<li data-code="${dossier.code}"`);
    expect(html).toContain(`Đăng nhập: ${CITIZEN.email}`);
    // Drawn from the first paint and kept while Auth restores the citizen: never the loading line again.
    await page.locator(`#dossier-list li[data-code="${dossier.code}"]`).waitFor();
    expect(await page.locator('#app').getAttribute('data-state')).toBe('ok');
    // The sections the script adds under the list once the citizen is known still come.
    await page.locator('#prefs-form').waitFor();
    expect(await page.locator(`#dossier-list li[data-code="${dossier.code}"]`).count()).toBe(1);
    // The language switch redraws the server's list from the same view.
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('#dossier-count').textContent()).toBe('1 dossier');
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('#dossier-count').textContent()).toBe('1 hồ sơ');

    // A drawn page renews its session once a day: with the day's mark gone, the next load asks again.
    await page.evaluate(() => localStorage.removeItem('motcua.pageSessionRenewedAt'));
    const renewal = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/session' && r.method() === 'POST');
    await page.reload();
    expect((await (await renewal).response())!.status()).toBe(200);
    await page.locator(`#dossier-list li[data-code="${dossier.code}"]`).waitFor();

    // A dossier opens from the drawn list.
    await page.click(`#dossier-list li[data-code="${dossier.code}"] a.procedure`);
    await page.waitForURL(`${HOSTING_URL}/ho-so/${dossier.id}`);
    await page.locator('[data-testid="receiving-agency"]').waitFor();

    // Sign out from the list: the cookie goes, and the next load is the plain page.
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await page.locator('#sign-out').waitFor();
    await page.click('#sign-out');
    await page.locator('#sign-in-form').waitFor();
    await expect.poll(sessionCookie).toBeUndefined();
    const after = await page.reload();
    const plain = await after!.text();
    expect(plain).not.toContain('dossier-list');
    expect(plain).not.toContain(dossier.code);
    await page.locator('#sign-in-form').waitFor();
  });
});
