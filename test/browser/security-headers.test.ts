// The security headers of firebase.json in Chromium (issue 12, finding 11): every page still works under
// its Content-Security-Policy with no violation reported (signed-in pages included: Auth and Firestore
// against the emulators), a page of another origin cannot frame the officer or kiosk pages, and a page
// whose URL holds a lookup token sends no Referer. The headers themselves: test/emulator/hosting-headers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { admin, eventually, HOSTING_URL } from '../support/emulators.js';
import { authHeader, IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';

const PROCEDURE = '1.012792';
let browser: Browser;
let dossier: { id: string; code: string };
let token: string;
let attacker: Server;
let attackerUrl: string;

async function post(path: string, as: TestIdentity, body: unknown): Promise<{ dossier: { id: string; code: string; version: number } }> {
  const res = await fetch(`${HOSTING_URL}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authHeader(as)) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { dossier: { id: string; code: string; version: number } };
}

// Chromium reports each violation on the console ("Refused to …"); the page also gets a
// securitypolicyviolation event, which this init script (injected over the DevTools protocol, so not
// itself subject to the policy) writes to the console too, with the directive.
const REPORT_VIOLATIONS = `addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.effectiveDirective + ' ' + e.blockedURI));`;

/** A context whose pages record every CSP violation and every Referer they send. */
async function watchedContext(): Promise<{ context: BrowserContext; violations: string[]; referers: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: REPORT_VIOLATIONS });
  const violations: string[] = [];
  const referers: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    page.on('request', (r) => {
      const referer = r.headers()['referer'];
      if (referer) referers.push(`${r.url()} ← ${referer}`);
    });
  };
  context.on('page', watch);
  return { context, violations, referers };
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  const run = Date.now().toString(36);
  const created = await post('/dossiers', IDENTITIES.citizenA, {
    requestId: `browser-headers-${run}`,
    procedureCode: PROCEDURE,
    receivingAgencyId: '000.00.01.H99',
    applicant: { kind: 'person', fullName: 'Kiều Văn Nam', identity: { kind: 'citizenId', number: '038187001234' }, phone: '0977000222', address: { line: '5 Trần Phú', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } },
    components: [{ componentId: 'renewal-application', originals: 1 }, { componentId: 'certificate', originals: 1 }],
  });
  await post(`/dossiers/${created.dossier.id}/actions`, IDENTITIES.receptionistX, { requestId: `browser-headers-rcv-${run}`, expectedVersion: 1, action: { type: 'receive' } });
  dossier = created.dossier;
  token = signLookupToken(dossier.id, lookupSecret());
  browser = await launchBrowser();
  // Another origin (another port of this machine) that tries to frame the pages.
  attacker = createServer((req, res) => {
    const target = decodeURIComponent((req.url ?? '/').slice(1));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>trang giả</title><iframe id="victim" src="${HOSTING_URL}${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe('every page works under its policy, with no violation reported', () => {
  it('public pages: portal, procedure, lookup, transparency, rating', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    await page.click('#health-button');
    await page.locator('#health-output[data-state="ok"]').waitFor();
    await page.goto(`${HOSTING_URL}/thu-tuc/${PROCEDURE}`);
    await page.locator('#app[data-state="ok"]').waitFor();
    await page.goto(`${HOSTING_URL}/tra-cuu/${dossier.code}?t=${token}`);
    await page.locator('#result[data-state="ok"]').waitFor();
    await page.goto(`${HOSTING_URL}/minh-bach/`);
    await page.locator('#procedures[data-state="ok"]').waitFor();
    await page.locator('#on-time[data-state="ok"]').waitFor();
    await page.goto(`${HOSTING_URL}/danh-gia/${dossier.code}?t=${token}`);
    await page.locator('#app[data-state]').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('citizen pages signed in: my dossiers (Firestore live), the apply wizard (draft saved to Firestore)', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await signInCitizen(page, { email: 'congdan@motcua.demo', password: DEMO_PASSWORD });
    await page.locator('#app[data-state="ok"]').waitFor();
    await page.goto(`${HOSTING_URL}/nop-ho-so/${PROCEDURE}`);
    await page.locator('#step-agency').waitFor();
    await page.click('#next');
    await page.locator('#step-applicant').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the desk kiosk signed in with its account', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/kiosk/`);
    await page.locator('#kiosk-signin').waitFor();
    await page.fill('#kiosk-email', 'kiosk.tinh@motcua.demo');
    await page.fill('#kiosk-password', DEMO_PASSWORD);
    await page.click('#kiosk-signin button[type="submit"]');
    await page.locator('#kiosk-code').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the officer dashboard: live queue, a dossier and its receipt PDF', async () => {
    const { context, violations } = await watchedContext();
    const desk = await context.newPage();
    await desk.goto(`${HOSTING_URL}/can-bo/`);
    await desk.fill('#email', 'tiepnhan.tinh@motcua.demo');
    await desk.fill('#password', DEMO_PASSWORD);
    await desk.click('#login-form button[type="submit"]');
    await desk.locator('#signed-in:not([hidden])').waitFor();
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    // This test is about the policy, not the slip trigger's speed: under a full run's load the receipt can
    // take seconds to be made, so the page is opened once it exists (how the page follows a slip still
    // being made is the officer tests' concern).
    const { db } = admin();
    await eventually(async () => ((await db.collection(`dossiers/${dossier.id}/slips`).get()).docs.some((d) => d.id.startsWith('01-')) ? true : undefined), 'the receipt slip', 60_000);
    await desk.goto(`${HOSTING_URL}/can-bo/ho-so/${dossier.id}`);
    await desk.locator('[data-testid="status"][data-status="received"]').waitFor();
    // The receipt: fetched with the officer's token, opened as a PDF blob in a new tab (object-src blob:).
    const opened = context.waitForEvent('page');
    await desk.locator('button[data-slip^="01-"]').first().click();
    await desk.locator('[data-slip-link^="01-"][data-ready]').first().waitFor({ timeout: 45_000 });
    const pdfTab = await opened;
    expect(pdfTab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:5000\//);
    await pdfTab.waitForLoadState();
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('framing (clickjacking) is refused', () => {
  it.each(['/can-bo/', '/kiosk/', '/ho-so/', '/'])('another origin cannot frame %s', async (path) => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${attackerUrl}/${encodeURIComponent(path)}`);
    const frame = await (await page.waitForSelector('#victim')).contentFrame();
    // Chromium replaces a refused frame with its error page: the victim page never loads inside.
    await expect.poll(() => violations.some((v) => v.includes("frame-ancestors 'none'")), { timeout: 10_000 }).toBe(true);
    expect(frame).not.toBeNull();
    expect(await frame!.locator('#main, #login-form, #kiosk-signin').count()).toBe(0);
    await context.close();
  });

  it('the same page is shown normally when opened on its own (the check above is not vacuous)', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/can-bo/`);
    await page.locator('#login-form').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('no Referer leaves a page whose address holds a lookup token', () => {
  it('the rating page /danh-gia/<code>?t=… sends no Referer with any request', async () => {
    // This page has no <meta name="referrer">: only the Referrer-Policy header stands between the token
    // in its address and every request it makes (scripts, the API call, and any link followed).
    const { context, referers } = await watchedContext();
    const page = await context.newPage();
    let requests = 0;
    page.on('request', () => (requests += 1));
    await page.goto(`${HOSTING_URL}/danh-gia/${dossier.code}?t=${token}`);
    await page.locator('#app[data-state]').waitFor();
    expect(requests).toBeGreaterThan(2);
    // Leaving the page (a link, a script): the next page is not told where the visitor came from.
    await page.evaluate(() => (globalThis as unknown as { location: { assign(url: string): void } }).location.assign('/'));
    await page.locator('#catalog[data-state="ok"]').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { referrer: string } }).document.referrer)).toBe('');
    expect(referers).toEqual([]);
    await context.close();
  });
});
