// The receipt's QR address in a real browser: with the token the citizen sees progress and the due date
// with its explanation; with the code alone only the status; with a notice's confirmation link (?xn=) the
// reader confirms the contact by pressing Confirm, never by merely opening it (issue 12, finding 12).
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactParam, signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { act, landRenewal, rid, submit } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, lookupSecret } from '../support/identity.js';

let browser: Browser;
let page: Page;
let dossier: { id: string; code: string };

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  const created = await submit(landRenewal(rid('browser-lookup'), { kind: 'person', fullName: 'Hoàng Thị Yến', identity: { kind: 'citizenId', number: '038187005566' }, phone: '0977000111', email: 'yen.hoang@example.vn', address: { line: '21 Lý Thường Kiệt', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } }));
  await act(created, IDENTITIES.receptionistX, { type: 'receive' }, rid('browser-receive'));
  dossier = created;
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

describe('public lookup page /tra-cuu', () => {
  it('opened from the QR (with the token) shows progress, the due date and how it was computed', async () => {
    const token = signLookupToken(dossier.id, lookupSecret());
    await page.goto(`${HOSTING_URL}/tra-cuu/${dossier.code}?t=${token}`);
    await page.locator('#result[data-state="ok"]').waitFor();
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận / Received');
    expect(await page.locator('[data-testid="procedure"]').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('[data-testid="explanation"]').textContent()).toContain('7 ngày làm việc');
    await page.setViewportSize({ width: 360, height: 740 }); // a cheap phone
    expect(describeViolations(await checkPage(page, 'tra-cuu-full'))).toBe('');
    const text = (await page.locator('#result').textContent()) ?? '';
    expect(text).not.toContain('Hoàng Thị Yến'); // never personal data
  });

  it('a notice’s confirmation link confirms the contact only when Confirm is pressed', async () => {
    const { db } = admin();
    const contact = contactParam(dossier.id, 'email', 'yen.hoang@example.vn', lookupSecret());
    await page.goto(`${HOSTING_URL}/tra-cuu/${dossier.code}?xn=${contact}`);
    await page.locator('#contact-confirm-button').waitFor();
    await page.locator('#result[data-state="ok"]').waitFor();
    // Opening the page (as a mail scanner would) confirmed nothing.
    expect((await db.doc(`dossiers/${dossier.id}/private/contacts`).get()).exists).toBe(false);
    expect(describeViolations(await checkPage(page, 'tra-cuu-confirm-contact'))).toBe('');
    await page.click('#contact-confirm-button');
    await page.locator('#contact-confirm-status[data-state="ok"]').waitFor();
    expect(await page.locator('#contact-confirm-status').textContent()).toContain('Đã xác nhận');
    expect((await db.doc(`dossiers/${dossier.id}/private/contacts`).get()).get('email.address')).toBe('yen.hoang@example.vn');
    expect(describeViolations(await checkPage(page, 'tra-cuu-contact-confirmed'))).toBe('');
  });

  it('typed code alone shows only the status', async () => {
    await page.goto(`${HOSTING_URL}/tra-cuu`);
    await page.fill('#code', dossier.code);
    await page.click('#lookup-form button[type="submit"]');
    await page.locator('#result[data-state="ok"]').waitFor();
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận / Received');
    expect(await page.locator('[data-testid="due"]').count()).toBe(0);
    expect(describeViolations(await checkPage(page, 'tra-cuu-status-only'))).toBe('');
  });

  it('says clearly when the code is empty or unknown', async () => {
    await page.goto(`${HOSTING_URL}/tra-cuu`);
    await page.click('#lookup-form button[type="submit"]');
    expect(await page.locator('#result[data-state="error"]').textContent()).toBe('Vui lòng nhập mã hồ sơ. / Please enter the dossier code.');
    await page.fill('#code', '000.00.01.H99-200101-9999');
    await page.click('#lookup-form button[type="submit"]');
    await page.locator('#result[data-state="error"]').waitFor();
    expect(await page.locator('#result').textContent()).toMatch(/không tìm thấy|Không tìm thấy/i);
  });
});
