// Driving the officer dashboard (/can-bo/) in browser tests: a signed-in officer in their own browser
// context, and one lifecycle action through the page (its form, then the confirmation).
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { HOSTING_URL } from './emulators.js';

/** A desktop-size session signed in with a demo officer account (closed with the browser). */
export async function signInOfficer(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${HOSTING_URL}/can-bo/`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#login-form button[type="submit"]');
  await page.locator('#signed-in:not([hidden])').waitFor();
  return page;
}

/**
 * Takes an action on the dossier page: opens it; an action with nothing to fill in (receive, acknowledge,
 * return) shows its confirmation at once, and is confirmed unless `fill` is given (then "change" opens
 * the form); otherwise `fill` completes the form, which is continued and confirmed.
 */
export async function actInDashboard(page: Page, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.click(`.action-buttons button[data-action="${action}"]`);
  await page.locator(`#action-form[data-action="${action}"]`).waitFor({ state: 'attached' });
  const confirm = page.locator('#action-confirm:not([hidden]) #confirm-action');
  if (await confirm.isVisible()) {
    if (!fill) {
      await confirm.click();
      return;
    }
    await page.click('#action-confirm button.secondary');
  }
  await page.locator(`#action-form[data-action="${action}"]`).waitFor();
  await fill?.(page);
  await page.click('#action-form button[type="submit"]');
  await confirm.click();
}
