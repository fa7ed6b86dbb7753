// Debian Chromium driven by playwright-core (no browser download: it is not possible on these machines).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('No Chromium found: install Debian\'s `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Without the background-networking flags Chromium floods the closed network with refused connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in with email and password on the sign-in form of the light-Auth pages (citizen-session.ts: /ho-so/,
 * /nop-ho-so/, and /bao-ve-du-lieu/ for the data-protection officer): waits for the form, fills it and
 * submits. What the page shows next differs from page to page (the list, the wizard's first step, an
 * error), so waiting for it is the caller's.
 */
export async function signInCitizen(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.locator('#sign-in-form').waitFor();
  await page.fill('#sign-in-email', account.email);
  await page.fill('#sign-in-password', account.password);
  await page.click('#sign-in-form button[type="submit"]');
}
