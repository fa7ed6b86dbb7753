// The walking skeleton in a real browser: a Hosting page calls the `api` function and shows the answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { HOSTING_URL, requireEmulators } from '../support/emulators.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireEmulators();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
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

describe('officer dashboard', () => {
  it('is served at /can-bo/ and reaches the same function', async () => {
    await page.goto(`${HOSTING_URL}/can-bo/`);
    await page.click('#health-button');
    await page.locator('#health-output[data-state="ok"]').waitFor();
    expect(await page.locator('#login-form').isVisible()).toBe(true);
  });
});
