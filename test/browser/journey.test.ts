// The whole journey across people, each in their own browser: a citizen finds a procedure and applies
// online with attachments → the desk officer sees it appear in the queue without reloading, receives it
// and gets the receipt PDF → it is transferred to the land office, whose handler acknowledges and
// resolves it → the desk returns the result → the citizen opens the receipt's QR address and rates.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { minimalPdf } from '../fixtures/files.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { lookupSecret } from '../support/identity.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `journey-${RUN}@example.vn`, password: 'mat-khau-hanh-trinh-1' };
const LAND_OFFICE = '000.00.14.H99';
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  return context.newPage();
}

const officer = (email: string) => signInOfficer(browser, email);
const act = actInDashboard;

async function status(page: Page, value: string): Promise<void> {
  await page.locator(`[data-testid="status"][data-status="${value}"]`).waitFor();
}

async function accessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Phan Thị Ngọc', emailVerified: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('citizen → desk → land office → desk → citizen', () => {
  it('applies online, is received with a receipt, handled, returned, and rated from the QR address', async () => {
    const desk = await officer('tiepnhan.tinh@motcua.demo');
    await desk.locator('#queue-summary[data-loaded]').waitFor();

    // The citizen, on a phone: find the procedure, read it, apply.
    const citizen = await open({ width: 360, height: 740 });
    await citizen.goto(`${HOSTING_URL}/`);
    await citizen.locator('#catalog[data-state="ok"]').waitFor();
    await citizen.fill('#q', 'cap doi giay chung nhan');
    await expect.poll(() => citizen.locator('#catalog li').count()).toBe(1);
    await citizen.click('#catalog li a');
    await citizen.locator('#apply-link').click();
    await signInCitizen(citizen, CITIZEN);
    await citizen.locator('#step-agency').waitFor();
    await citizen.click('#next');
    await citizen.locator('#step-applicant').waitFor();
    await citizen.fill('#fullName', 'Phan Thị Ngọc');
    await citizen.fill('#idNumber', '079190005678');
    await citizen.fill('#phone', '0903 456 789');
    await citizen.fill('#email', CITIZEN.email);
    await citizen.fill('#addressLine', '8 đường Nguyễn Huệ');
    await citizen.selectOption('#communeName', 'Phường Đông Thành');
    await citizen.click('#next');
    await citizen.locator('#step-documents').waitFor();
    await citizen.setInputFiles('#files-renewal-application', { name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await citizen.locator('#uploaded-renewal-application li').waitFor();
    await citizen.setInputFiles('#files-certificate', { name: 'giay-chung-nhan-cu.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await citizen.locator('#uploaded-certificate li').waitFor();
    await citizen.click('#next');
    await citizen.locator('#step-delivery').waitFor();
    await citizen.check('#delivery-desk');
    await citizen.click('#next');
    await citizen.locator('#step-check').waitFor();
    await citizen.click('#submit');
    await citizen.locator('#submitted').waitFor();
    const code = (await citizen.locator('[data-testid="dossier-code"]').textContent()) ?? '';
    const id = ((await citizen.locator('#dossier-link').getAttribute('href')) ?? '').replace('/ho-so/', '');
    expect(code).toMatch(/^000\.00\.01\.H99-\d{6}-\d{4}$/);
    await accessible(citizen, 'journey-citizen-submitted');

    // The desk: the dossier appears in the live queue (no reload); receive it; the receipt is a PDF.
    const row = desk.locator(`tr[data-dossier-id="${id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await accessible(desk, 'journey-desk-queue');
    await row.locator('a.code').click();
    await status(desk, 'registered');
    expect(await desk.locator('[data-testid="applicant"]').textContent()).toContain('Phan Thị Ngọc');
    await act(desk, 'receive');
    await status(desk, 'received');
    const receiptHref = await desk.locator('[data-slip-link="01-000002"][data-ready]').getAttribute('href', { timeout: 45_000 });
    // Fetched from inside the page on purpose: the page's own link, as the officer's browser follows it.
    const head = await desk.evaluate(async (url) => String.fromCharCode(...new Uint8Array(await (await fetch(url!)).arrayBuffer()).slice(0, 5)), receiptHref);
    expect(head).toBe('%PDF-');
    // Files need the officer's token, so buttons fetch them: an attachment is saved, a slip opens to print.
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('[data-upload] >> nth=0')]);
    expect(['don-de-nghi.pdf', 'giay-chung-nhan-cu.pdf']).toContain(download.suggestedFilename());
    expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [slipTab] = await Promise.all([desk.context().waitForEvent('page'), desk.click('button[data-slip="01-000002"]')]);
    await slipTab.close();
    await accessible(desk, 'journey-desk-received');

    // Handling: the desk passes it to the land office, whose handler acknowledges and resolves it.
    await act(desk, 'transfer', async (p) => {
      // Decree 118 Art. 18, 20: the step of the procedure's process names the agency; the server sets its deadline.
      await p.selectOption('#action-form select[name="stepId"]', 'land-office-handling');
      await p.fill('#action-form textarea[name="task"]', 'Kiểm tra hồ sơ, in và ký Giấy chứng nhận mới');
    });
    await status(desk, 'processing');
    expect(await desk.locator('[data-testid="holder"]').textContent()).toContain(LAND_OFFICE);
    const handler = await officer('thuly.vpdkdd@motcua.demo');
    const handlerRow = handler.locator(`tr[data-dossier-id="${id}"]`);
    await handlerRow.waitFor({ timeout: 30_000 });
    await handlerRow.locator('a.code').click();
    await status(handler, 'processing');
    await act(handler, 'acknowledgeTransfer');
    await handler.locator('.action-buttons button[data-action="resolve"]').waitFor();
    await act(handler, 'resolve', async (p) => {
      await p.check('#action-form input[type="radio"][value="approved"]');
      await p.fill('#action-form textarea[name="summary"]', 'Đã cấp đổi Giấy chứng nhận');
    });
    await status(handler, 'resolved');

    // The desk returns the result.
    await desk.reload();
    await status(desk, 'resolved');
    await act(desk, 'returnResult');
    await status(desk, 'returned');
    // The result was handed over at the desk: the dossier is there now, not at the land office.
    expect(await desk.locator('[data-testid="holder"]').textContent()).not.toContain(LAND_OFFICE);
    expect(await desk.locator('[data-testid="holder"]').textContent()).toContain('000.00.01.H99');

    // The citizen opens the receipt's QR address, then rates from there.
    const token = signLookupToken(id, lookupSecret());
    await citizen.goto(`${HOSTING_URL}/tra-cuu/${code}?t=${token}`);
    await citizen.locator('#result[data-state="ok"]').waitFor();
    expect(await citizen.locator('[data-testid="status"]').textContent()).toContain('Đã trả kết quả');
    await accessible(citizen, 'journey-citizen-lookup-returned');
    await citizen.click('#rate-link');
    await citizen.locator('#app[data-state="form"]').waitFor();
    await citizen.check('#satisfaction');
    await citizen.check('#complaint');
    await citizen.click('#send-rating');
    await citizen.locator('#app[data-state="thanks"]').waitFor();
    await accessible(citizen, 'journey-citizen-rated');

    const { db } = admin();
    const rating = (await db.doc(`ratings/${id}`).get()).data();
    expect(rating).toMatchObject({ channel: 'online', satisfaction: 'verySatisfied', officerAttitudeComplaint: false });
    const events = await db.collection(`dossiers/${id}/events`).orderBy('version').get();
    expect(events.docs.map((e) => e.get('type'))).toEqual(['submit', 'receive', 'transfer', 'acknowledgeTransfer', 'resolve', 'returnResult']);
  });
});
