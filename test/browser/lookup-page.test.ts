// The receipt's QR address in a real browser: with the token the citizen sees progress and the due date
// with its explanation; with the code alone only the status; with a notice's confirmation link (?xn=) the
// reader confirms the contact by pressing Confirm, never by merely opening it (issue 12, finding 12).
// Vietnamese first, English on request (one language on a phone, not every label twice); where to
// collect the result; why the due date differs from the receipt's (issue 20).
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactParam, signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { act, api, landRenewal, rid, submit } from '../support/api.js';
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
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận');
    expect(await page.locator('[data-testid="procedure"]').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('[data-testid="explanation"]').textContent()).toContain('7 ngày làm việc');
    // Where to collect the result: the receiving desk, by name, with the receipt.
    const collect = (await page.locator('[data-testid="collect"]').textContent()) ?? '';
    expect(collect).toMatch(/^Tại .+\. Mang theo giấy tiếp nhận\.$/);
    // Received as printed: nothing differs from the receipt, so nothing to explain.
    expect(await page.locator('[data-testid="due-change"]').count()).toBe(0);
    // One language: no label carries its translation beside it.
    const terms = await page.locator('#result dt').allTextContents();
    expect(terms.length).toBeGreaterThan(4);
    for (const term of terms) expect(term).not.toContain(' / ');
    await page.setViewportSize({ width: 360, height: 740 }); // a cheap phone
    expect(describeViolations(await checkPage(page, 'tra-cuu-full'))).toBe('');
    const text = (await page.locator('#result').textContent()) ?? '';
    expect(text).not.toContain('Hoàng Thị Yến'); // never personal data
    // English on request, the whole answer at once; remembered on the device, so switched back after.
    await page.click('#lang-switch');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Received');
    expect(await page.locator('h1').textContent()).toBe('Track a dossier');
    expect(await page.locator('#result dt').allTextContents()).toContain('Where to collect the result');
    expect(await page.locator('[data-testid="collect"]').textContent()).toMatch(/^At .+\. Bring your receipt\.$/);
    expect(describeViolations(await checkPage(page, 'tra-cuu-full-en'))).toBe('');
    await page.click('#lang-switch');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận');
  });

  it('explains why the due date is not the one on the receipt after a new appointment', async () => {
    let d = await submit(landRenewal(rid('browser-lookup-ext')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' }, rid('browser-receive'));
    d = await act(d, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' }, rid('browser-assign'));
    const dueAt = (await api('getDossier', { params: { dossierId: d.id } }, IDENTITIES.leadX)).body.dossier.dueAt!;
    const newDue = new Date(new Date(dueAt).getTime() + 2 * 86_400_000);
    await act(d, IDENTITIES.leadX, { type: 'extend', newDueAt: newDue.toISOString(), reason: 'Chờ xác minh của xã', apology: 'Xin lỗi ông/bà vì sự chậm trễ' }, rid('browser-extend'));
    await page.goto(`${HOSTING_URL}/tra-cuu/${d.code}?t=${signLookupToken(d.id, lookupSecret())}`);
    await page.locator('#result[data-state="ok"]').waitFor();
    const change = (await page.locator('[data-testid="due-change"]').textContent()) ?? '';
    const [, printed] = /^Giấy tiếp nhận hẹn (\d\d:\d\d \d\d\/\d\d\/\d{4})\. Cơ quan giải quyết đã gửi phiếu xin lỗi và hẹn lại ngày trả kết quả\.$/.exec(change) ?? [];
    expect(printed, change).toBeDefined();
    const due = (await page.locator('[data-testid="due"]').textContent()) ?? '';
    expect(due).not.toBe(printed);
    // The receipt's date is the one set at reception, the due date shown the new appointment (both in Vietnam time).
    const vn = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
    expect(printed!.slice(6, 8)).toBe(vn(dueAt).slice(8, 10)); // the day of the month
    expect(due.slice(6, 8)).toBe(vn(newDue.toISOString()).slice(8, 10));
    expect(change).not.toContain('Chờ xác minh của xã'); // the written reason may name people: never shown
    expect(describeViolations(await checkPage(page, 'tra-cuu-due-changed'))).toBe('');
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
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận');
    expect(await page.locator('[data-testid="due"]').count()).toBe(0);
    expect(await page.locator('[data-testid="collect"]').count()).toBe(0);
    expect(describeViolations(await checkPage(page, 'tra-cuu-status-only'))).toBe('');
  });

  it('a code sent before the page script has arrived (or without script) still finds the dossier', async () => {
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(`${HOSTING_URL}/tra-cuu/`);
    await page.fill('#code', dossier.code);
    await Promise.all([page.waitForURL(`${HOSTING_URL}/tra-cuu/${dossier.code}`), page.click('#lookup-form button[type="submit"]')]);
    // Drawn by the server: the status, nothing more (no token).
    await page.locator('#result[data-state="ok"]').waitFor();
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận');
    expect(await page.locator('[data-testid="due"]').count()).toBe(0);
  });

  it('says clearly when the code is empty or unknown', async () => {
    await page.goto(`${HOSTING_URL}/tra-cuu`);
    await page.click('#lookup-form button[type="submit"]');
    expect(await page.locator('#result[data-state="error"]').textContent()).toBe('Vui lòng nhập mã hồ sơ.');
    await page.fill('#code', '000.00.01.H99-200101-9999');
    await page.click('#lookup-form button[type="submit"]');
    await page.locator('#result[data-state="error"]').waitFor();
    expect(await page.locator('#result').textContent()).toMatch(/không tìm thấy|Không tìm thấy/i);
  });
});
