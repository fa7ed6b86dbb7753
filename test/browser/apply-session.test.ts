// Applying online with a page session (issue 20), in a real browser against the emulators: a citizen signs
// in on the wizard (whose first question the server draws for anyone, and whose answer the sign-in keeps),
// the page asks for the session cookie, and from then on /nop-ho-so/<code> comes from the server with the
// citizen's first view already in its HTML (checked in the response as served). An answer
// given before the page's script has arrived is kept when the script takes over; a tap on "Tiếp tục"
// before it has arrived reloads with the answer and, once the script runs, goes on to the next step; a
// saved draft is offered from the first paint.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `apply-session-${RUN}@example.vn`, password: 'mat-khau-rat-dai-1' };
const CODE = '1.012790';
const WIZARD = `${HOSTING_URL}/nop-ho-so/${CODE}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;

const sessionCookie = async () => (await context.cookies(HOSTING_URL)).find((c) => c.name === '__session');
/** Holds the page's own scripts back until `release` is called (a slow link, as long as the test wants). */
async function holdScripts(): Promise<() => Promise<void>> {
  const held: (() => Promise<void>)[] = [];
  let open = false;
  await page.route('**/assets/*.js', (route) => {
    if (open) return route.continue();
    held.push(() => route.continue().catch(() => undefined)); // a request of a page since left: nothing to send
  });
  return async () => {
    open = true;
    await Promise.all(held.map((go) => go()));
    await page.unroute('**/assets/*.js');
  };
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, emailVerified: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('/nop-ho-so/<code> with a page session', () => {
  it('is served with the first question drawn; answers given before the script are kept; a draft is offered at once', async () => {
    // Before any sign-in: step 1 drawn for anyone; a desk chosen there is kept through the sign-in.
    let release = await holdScripts();
    const first = await page.goto(WIZARD, { waitUntil: 'commit' });
    const anonymous = await first!.text();
    expect(anonymous).toContain('<div id="app" data-state="agency">');
    expect(anonymous).not.toContain('Đăng nhập:');
    const offered = page.locator('#step-agency input[name="agency"]');
    await offered.last().waitFor();
    const kept = (await offered.last().getAttribute('value'))!;
    await offered.last().check();
    await release();
    await page.locator('#sign-in-form').waitFor();
    await page.fill('#sign-in-email', CITIZEN.email);
    await page.fill('#sign-in-password', CITIZEN.password);
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator('#app[data-drawn-by="page"] #step-agency').waitFor();
    expect(await page.locator(`#step-agency input[value="${kept}"]`).isChecked()).toBe(true);
    await expect.poll(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    // Served drawn for the citizen; a desk chosen while the scripts are still on their way is kept.
    release = await holdScripts();
    const served = await page.reload({ waitUntil: 'commit' });
    await page.locator('#step-agency input[name="agency"]').first().waitFor();
    const html = await served!.text();
    expect(served!.headers()['cache-control']).toBe('private, no-store');
    expect(html).toContain('data-state="agency"');
    expect(html).toContain(`Đăng nhập: ${CITIZEN.email}`);
    const desks = page.locator('#step-agency input[name="agency"]');
    const last = desks.last();
    const chosen = (await last.getAttribute('value'))!;
    await last.check();
    await release();
    // The script has taken over (its own drawing is on screen) and kept the choice.
    await page.locator('#app[data-drawn-by="page"] #step-agency').waitFor();
    expect(await page.locator(`#step-agency input[value="${chosen}"]`).isChecked()).toBe(true);

    // "Tiếp tục" before the script: the browser sends the form to the same address, the server draws the
    // choice again, and the script, once it runs, goes on to step 2.
    release = await holdScripts();
    await page.reload({ waitUntil: 'commit' });
    await page.locator(`#step-agency input[value="${chosen}"]`).check();
    await Promise.all([page.waitForURL(/\?agency=/, { waitUntil: 'commit' }), page.click('#next')]);
    expect(await page.locator(`#step-agency input[value="${chosen}"]`).isChecked()).toBe(true);
    await release();
    const competent = page.locator('#competent-block:not([hidden]) select');
    // A desk that does not decide the procedure asks for the agency that will (Decree 118 Art. 14) first.
    await Promise.race([page.locator('#step-applicant').waitFor(), competent.waitFor()]);
    if (await competent.isVisible()) {
      await competent.selectOption({ index: 1 });
      await page.click('#next');
    }
    await page.locator('#step-applicant').waitFor();
    expect(page.url()).toBe(`${WIZARD}#applicant`);

    // The step change saved a draft: the next visit is served with the offer to carry on with it.
    await page.locator('#save-status', { hasText: 'Đã lưu nháp' }).waitFor();
    const again = await page.goto(WIZARD);
    expect(await again!.text()).toContain('data-state="resume"');
    await page.click('#resume-draft');
    await page.locator('#step-applicant').waitFor();
  });
});
