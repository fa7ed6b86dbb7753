// The citizen's inbox and channel choices on /ho-so/: a transition made by an officer appears without a
// reload, is marked read from the page, and the channel form saves through the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { act, landRenewal, rid, submit } from '../support/api.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { admin, eventually, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `inbox-${RUN}@example.vn`, password: 'mat-khau-rat-dai-2' };
let browser: Browser;
let page: Page;
let uid: string;

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  uid = (await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, emailVerified: true })).uid;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 360, height: 740 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('inbox on /ho-so/', () => {
  it('shows a new notification live, marks it read, and saves channel choices', async () => {
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await signInCitizen(page, CITIZEN);
    await page.locator('#prefs-form').waitFor();

    // The citizen submits (through the API, as this account) and the desk receives it.
    const me: TestIdentity = { uid };
    const created = await submit(landRenewal(rid('inbox-submit')), me);
    await act(created, IDENTITIES.receptionistX, { type: 'receive' }, rid('inbox-receive'));
    const unread = page.locator('#inbox-list li.unread');
    await eventually(async () => ((await unread.count()) >= 2 ? true : undefined), 'two unread entries (submitted, received)');
    expect(await page.locator('#inbox-list').textContent()).toContain('đã được tiếp nhận');
    expect(describeViolations(await checkPage(page, 'ho-so-inbox'))).toBe('');

    await unread.first().locator('button.mark-read').click();
    await eventually(async () => ((await page.locator('#inbox-list li.read').count()) === 1 ? true : undefined), 'one entry read');
    const { db } = admin();
    const read = await db.collection('notifications').where('recipientUid', '==', uid).where('channel', '==', 'inApp').get();
    expect(read.docs.filter((d) => d.get('readAt')).length).toBe(1);

    await page.check('#prefs-form input[name="zalo"]');
    await page.uncheck('#prefs-form input[name="email"]');
    await page.click('#prefs-form button[type="submit"]');
    await page.locator('#prefs-form [role="status"][data-state="ok"]').waitFor();
    expect((await db.doc(`users/${uid}`).get()).get('notificationPrefs')).toEqual({ inApp: true, email: false, sms: false, zalo: true });
  });
});
