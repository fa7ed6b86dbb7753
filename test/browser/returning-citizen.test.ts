// A returning citizen's pages do not wait for Auth's account check (issue 20, shared/stored-session.ts):
// at every start the Auth SDK asks Auth's server about the stored account (accounts:lookup) before it
// reports the user; "Hồ sơ của tôi" and the apply wizard send their first signed-in requests with the
// token the SDK stored, while that check is under way. Here the check is held back for a few seconds (the
// real request, delayed in the browser) and the pages' requests must start before it is let through.
// And the stored token alone never shows anything: an account deleted since the last visit gets the
// sign-in form, not the list the token could still fetch.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';

const RUN = Date.now().toString(36);
const PROCEDURE = '1.012790';
const HOLD_MS = 4_000;

let browser: Browser;

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A citizen signed in once in a fresh browser context (the session stays in its IndexedDB). */
async function returningCitizen(name: string): Promise<{ context: BrowserContext; uid: string }> {
  const citizen = { uid: `test-returning-${name}-${RUN}`, email: `quay-lai-${name}-${RUN}@example.vn`, password: 'mat-khau-rat-dai-7' };
  await admin().auth.createUser({ ...citizen, displayName: 'Lê Văn Tâm', emailVerified: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${HOSTING_URL}/ho-so/`);
  await page.locator('#sign-in-form').waitFor();
  await page.fill('#sign-in-email', citizen.email);
  await page.fill('#sign-in-password', citizen.password);
  await page.click('#sign-in-form button[type="submit"]');
  await page.locator('#app[data-state="ok"]').waitFor();
  await page.close();
  return { context, uid: citizen.uid };
}

/**
 * Opens `path` with Auth's account check held back HOLD_MS; answers when it was let through (ms since the
 * page was opened) and, for each request the page sent before that, its URL and start.
 */
async function openWithCheckHeldBack(context: BrowserContext, path: string): Promise<{ page: Page; releasedAt: () => number | undefined; requests: { url: string; at: number }[] }> {
  const page = await context.newPage();
  const opened = Date.now();
  let releasedAt: number | undefined;
  const requests: { url: string; at: number }[] = [];
  page.on('request', (request: Request) => requests.push({ url: request.url(), at: Date.now() - opened }));
  await page.route('**/accounts:lookup*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    releasedAt = Date.now() - opened;
    await route.continue();
  });
  await page.goto(`${HOSTING_URL}${path}`);
  return { page, releasedAt: () => releasedAt, requests };
}

describe('a returning citizen', () => {
  it('"my dossiers" asks for the list while Auth still checks the stored account', async () => {
    const { context } = await returningCitizen('list');
    // Without its page session (expired, or never made: a sign-in restored from an earlier day), the page is
    // drawn by its script; with one the server draws the list (test/browser/my-dossiers-session.test.ts).
    await context.clearCookies();
    const { page, releasedAt, requests } = await openWithCheckHeldBack(context, '/ho-so/');
    await page.locator('#app[data-state="ok"]').waitFor({ timeout: 30_000 });
    const released = releasedAt();
    expect(released, 'the account check ran').toBeDefined();
    const list = requests.find((r) => new URL(r.url).pathname === '/api/me/dossiers');
    expect(list, 'the list was asked').toBeDefined();
    expect(list!.at).toBeLessThan(released!);
    await context.close();
  });

  it('the apply wizard asks for the profile and the saved draft while Auth still checks the stored account', async () => {
    const { context } = await returningCitizen('apply');
    // Without a page session; with one the server draws the first view (test/browser/apply-session.test.ts).
    await context.clearCookies();
    const { page, releasedAt, requests } = await openWithCheckHeldBack(context, `/nop-ho-so/${PROCEDURE}`);
    // The server draws step 1 for anyone; the script's own view comes once it knows the citizen.
    await page.locator('#app[data-drawn-by="page"][data-state]:not([data-state="error"]):not([data-state="loading"])').waitFor({ timeout: 30_000 });
    const released = releasedAt();
    expect(released, 'the account check ran').toBeDefined();
    const profile = requests.find((r) => new URL(r.url).pathname === '/api/me/profile');
    const draft = requests.find((r) => r.url.includes('/documents:runQuery'));
    expect(profile, 'the profile was asked').toBeDefined();
    expect(draft, 'the saved draft was looked up').toBeDefined();
    expect(profile!.at).toBeLessThan(released!);
    expect(draft!.at).toBeLessThan(released!);
    await context.close();
  });

  it('whose account was deleted since gets the sign-in form, not the list the stored token fetched', async () => {
    const { context, uid } = await returningCitizen('deleted');
    await admin().auth.deleteUser(uid);
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await page.locator('#sign-in-form').waitFor({ timeout: 30_000 });
    expect(await page.locator('#app[data-state="ok"]').count()).toBe(0);
    await context.close();
  });
});
