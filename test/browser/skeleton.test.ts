// The walking skeleton in a real browser: a Hosting page calls the `api` function and shows the answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { demoAccounts, DEMO_PASSWORD } from '../../seed/data/officers.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

describe('citizen portal', () => {
  it('checks the connection through the api function and shows the bilingual answer', async () => {
    await page.goto(`${HOSTING_URL}/`);
    await expect(page.title()).resolves.toContain('Cổng dịch vụ công');
    await page.click('#health-button');
    const output = page.locator('#health-output[data-state="ok"]');
    await output.waitFor();
    expect(await output.textContent()).toContain('Hệ thống đang hoạt động. / The system is up.');
  });
});

describe('citizen portal catalogue', () => {
  it('lists the demo procedures in Vietnamese', async () => {
    await page.goto(`${HOSTING_URL}/`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    const items = await page.locator('#catalog li').allTextContents();
    expect(items.length).toBe(Math.min(50, new Set(demoProcedures.map((p) => p.code)).size));
    const birth = demoProcedures.find((p) => p.field === 'civilStatus')!;
    expect(items.some((text) => text.startsWith(birth.name.vi))).toBe(true);
  });
});

describe('officer dashboard', () => {
  it('signs a demo lead in and shows the role and agency from the claims', async () => {
    const lead = demoAccounts.find((a) => a.role === 'lead')!;
    await page.goto(`${HOSTING_URL}/can-bo/`);
    await page.fill('#email', lead.email);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#login-form button[type="submit"]');
    const who = page.locator('#who');
    await page.locator('#signed-in:not([hidden])').waitFor();
    await expect.poll(() => who.textContent()).toContain('Lãnh đạo / Lead');
    expect(await who.textContent()).toContain(lead.agencyId!);
    await page.click('#logout');
    await page.locator('#signed-out:not([hidden])').waitFor();
  });

  it('says so, in both languages, when the password is wrong', async () => {
    await page.goto(`${HOSTING_URL}/can-bo/`);
    await page.fill('#email', demoAccounts[0]!.email);
    await page.fill('#password', 'not-the-password');
    await page.click('#login-form button[type="submit"]');
    await page.locator('#login-output[data-state="error"]').waitFor();
    expect(await page.locator('#login-output').textContent()).toBe('Email hoặc mật khẩu không đúng. / Wrong email or password.');
  });

  it('is served at /can-bo/ and reaches the same function', async () => {
    await page.goto(`${HOSTING_URL}/can-bo/`);
    await page.click('#health-button');
    await page.locator('#health-output[data-state="ok"]').waitFor();
    expect(await page.locator('#login-form').isVisible()).toBe(true);
  });
});
