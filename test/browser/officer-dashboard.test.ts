// The officer dashboard in a real browser against the emulators: the live queue, one dossier's allowed
// actions with confirmation, the receipt PDF, a stale action, the land office resolving a transferred
// dossier, desk intake with a field error, tasks and statistics. axe-core and a screenshot on every view.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { api, landRenewal, rid, submit, tryAct, type DossierRef } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { showQueueRow } from '../support/queue.js';

const PROVINCE_DESK = '000.00.01.H99';
const LAND_OFFICE = '000.00.14.H99';
// Demo officers are invited by the seed (seed/officers.csv), so their uids are Auth's: looked up by email.
const RECEPTIONIST = { email: 'tiepnhan.tinh@motcua.demo', uid: '' };
const HANDLER = { email: 'thuly.vpdkdd@motcua.demo' };
const run = Date.now().toString(36);

let browser: Browser;
let desk: Page; // the receptionist's session, kept across tests like a real working day
let received: { id: string; code: string };

async function citizenSubmits(): Promise<DossierRef> {
  return submit(landRenewal(rid('officer-ui-submit'), { kind: 'person', fullName: 'Đỗ Thị Thu Hà', identity: { kind: 'citizenId', number: '038190001122' }, phone: '0988111222', address: { line: '5 Trần Phú', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } }));
}

/** What the server says about the dossier to `as` (the page must show the same). */
const serverView = async (id: string, as: TestIdentity = IDENTITIES.receptionistX) => (await api('getDossier', { params: { dossierId: id } }, as)).body;

const signIn = (email: string) => signInOfficer(browser, email);

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

const act = actInDashboard;

/** The link's first bytes, fetched from inside the page: the browser path is the point (its link, its session). */
async function pdfHead(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).getAttribute('href', { timeout: 45_000 });
  return page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
    return String.fromCharCode(...bytes.slice(0, 5));
  }, href);
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  RECEPTIONIST.uid = (await auth.getUserByEmail(RECEPTIONIST.email)).uid;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('officer dashboard /can-bo/', () => {
  it('tells a citizen and a desk kiosk that the page is for officers', async () => {
    const page = await signIn('congdan@motcua.demo');
    await page.locator('#not-officer:not([hidden])').waitFor();
    expect(await page.locator('#not-officer').textContent()).toContain('Trang này dành cho cán bộ');
    expect(await page.locator('#officer-nav').isHidden()).toBe(true);
    await expectAccessible(page, 'can-bo-not-officer');
    const kiosk = await signIn('kiosk.tinh@motcua.demo'); // the desk's rating device
    await kiosk.locator('#not-officer:not([hidden])').waitFor();
    expect(await kiosk.locator('#who').textContent()).toContain('Thiết bị tại quầy');
    expect(await kiosk.locator('#view').textContent()).toBe('');
  });

  it('shows a citizen submission in the receptionist queue without reload; receiving it makes the receipt PDF', async () => {
    // Two open dossiers of the agency near and past their due time (seeded: the API computes due dates
    // from now, so a late one cannot be made through it).
    const { db } = admin();
    const hour = 3_600_000;
    for (const [key, dueAt] of [['overdue', new Date(Date.now() - 2 * hour)], ['due-soon', new Date(Date.now() + 2 * hour)]] as const) {
      await db.doc(`dossiers/seed-${key}-${run}`).set({
        id: `seed-${key}-${run}`,
        code: `${PROVINCE_DESK}-250101-${key === 'overdue' ? '9001' : '9002'}`,
        version: 3,
        status: 'processing',
        channel: 'desk',
        resultDelivery: 'desk',
        procedure: { code: '1.012792', version: 1, name: { vi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', en: 'Replacement of a land-use right certificate' }, supplementClockPolicy: 'restart' },
        receivingAgencyId: PROVINCE_DESK,
        agencyIds: [PROVINCE_DESK],
        createdAt: new Date(Date.now() - 200 * hour),
        updatedAt: new Date(Date.now() - 100 * hour),
        receivedAt: new Date(Date.now() - 200 * hour),
        dueAt,
        workBy: dueAt, // the queue's order (store/dossiers.ts writes it with every dossier)
        extensionCount: 0,
        supplementCount: { reception: 0, handling: 0 },
        opinions: [],
      });
    }
    desk = await signIn(RECEPTIONIST.email);
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    // 50 a page, most overdue first: other files' late dossiers may come before these.
    await showQueueRow(desk, `seed-overdue-${run}`);
    await showQueueRow(desk, `seed-due-soon-${run}`);
    const overdue = desk.locator(`tr[data-dossier-id="seed-overdue-${run}"] [data-flag="overdue"]`);
    await overdue.waitFor();
    expect(await overdue.textContent()).toBe('Quá hạn'); // text, not colour alone
    expect(await desk.locator(`tr[data-dossier-id="seed-due-soon-${run}"] [data-flag="dueSoon"]`).textContent()).toBe('Sắp đến hạn');
    // Late work comes first, then what is due soon, then the rest.
    const order = await desk.locator('#queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dossier-id')));
    expect(order.indexOf(`seed-overdue-${run}`)).toBeLessThan(order.indexOf(`seed-due-soon-${run}`));
    await desk.click('.tabs button[data-tab="attention"]');
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    await showQueueRow(desk, `seed-due-soon-${run}`);
    await expect.poll(() => desk.locator('#queue-table tbody tr:not(.row-overdue):not(.row-dueSoon)').count()).toBe(0);
    expect(await desk.locator(`tr[data-dossier-id="seed-due-soon-${run}"]`).count()).toBe(1);
    await desk.click('.tabs button[data-tab="open"]');

    const submitted = await citizenSubmits();
    const row = desk.locator(`tr[data-dossier-id="${submitted.id}"]`);
    await row.waitFor({ timeout: 20_000 }); // the listener, not a reload
    expect(await row.locator('.badge-new').textContent()).toBe('Mới');
    expect(await row.textContent()).toContain('Mới đăng ký');
    await expectAccessible(desk, 'can-bo-queue');
    await desk.setViewportSize({ width: 360, height: 740 }); // a cheap phone
    await expectAccessible(desk, 'can-bo-queue-phone');
    await desk.setViewportSize({ width: 1280, height: 900 });
    // Keyboard only: "/" jumps to the search, the code narrows the list, ↓ reaches the row, Enter opens it.
    await desk.click('#queue-title');
    await desk.keyboard.press('/');
    expect(await desk.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('queue-search');
    await desk.keyboard.type(submitted.code);
    await expect.poll(() => desk.locator('#queue-table tbody tr').count()).toBe(1);
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    await desk.locator('[data-testid="status"][data-status="registered"]').waitFor();
    expect(desk.url()).toBe(`${HOSTING_URL}/can-bo/ho-so/${submitted.id}`);
    expect(await desk.locator('[data-testid="applicant"]').textContent()).toContain('Đỗ Thị Thu Hà');
    // Exactly the actions the lifecycle allows this officer now.
    const server = await serverView(submitted.id);
    const shown = await desk.locator('.action-buttons button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(shown.sort()).toEqual([...server.allowedActions].sort());
    expect(shown).toContain('receive');
    expect(shown).not.toContain('resolve');
    await expectAccessible(desk, 'can-bo-dossier-registered');

    // Nothing to fill in: one click opens the confirmation, in plain Vietnamese (no "phiên bản").
    await desk.click('.action-buttons button[data-action="receive"]');
    await desk.locator('#action-confirm:not([hidden])').waitFor();
    expect(await desk.locator('#action-form').isHidden()).toBe(true);
    const lines = (await desk.locator('#confirm-lines').textContent()) ?? '';
    expect(lines).toContain('của Đỗ Thị Thu Hà');
    expect(lines).not.toContain('phiên bản');
    expect(await desk.locator('#confirm-action').textContent()).toBe('Xác nhận tiếp nhận hồ sơ');
    expect(await desk.locator('#confirm-action').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(desk, 'can-bo-confirm');
    await desk.click('#confirm-action');
    await desk.locator('[data-testid="status"][data-status="received"]').waitFor();
    expect(await desk.locator('#dossier-notice [data-kind="ok"]').textContent()).toContain('Tiếp nhận hồ sơ');
    // The receipt to print, right beside the notice.
    expect(await desk.locator('#dossier-notice [data-kind="ok"] #print-receipt').textContent()).toBe('In giấy tiếp nhận');
    expect(await desk.locator('[data-testid="explanation"]').textContent()).toContain('7 ngày làm việc');
    expect(await pdfHead(desk, '[data-slip-link="01-000002"][data-ready]')).toBe('%PDF-');
    await expectAccessible(desk, 'can-bo-dossier-received');
    // Follow it: the user document lists it (the inbox fan-out reads that list).
    await desk.click('#dossier-follow');
    await desk.locator('#dossier-follow[aria-pressed="true"]').waitFor();
    const me = await admin().db.doc(`users/${RECEPTIONIST.uid}`).get();
    expect(me.get('followedDossierIds')).toContain(submitted.id);
    received = submitted;
  });

  it('says another officer acted first when the dossier changed under the form', async () => {
    const other = await citizenSubmits();
    await desk.goto(`${HOSTING_URL}/can-bo/ho-so/${other.id}`);
    await desk.locator('[data-testid="status"][data-status="registered"]').waitFor();
    await desk.click('.action-buttons button[data-action="refuseAtReception"]');
    // An empty required field is named next to it.
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('[data-error-for="reason"]:not([hidden])').waitFor();
    await expectAccessible(desk, 'can-bo-action-field-error');
    await desk.fill('#action-form textarea[name="reason"]', 'Thiếu bản gốc Giấy chứng nhận');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#confirm-action').waitFor();

    const first = await tryAct({ id: other.id, version: 1 }, IDENTITIES.leadX, { type: 'receive' }, rid('lead-first'));
    expect(first.status, first.text).toBe(200);

    await desk.click('#confirm-action');
    const conflict = desk.locator('#dossier-notice [data-kind="conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Cán bộ khác đã xử lý hồ sơ này trước bạn');
    expect(await conflict.textContent()).toContain('Đã tiếp nhận');
    await desk.locator('[data-testid="status"][data-status="received"]').waitFor(); // reloaded
    await expectAccessible(desk, 'can-bo-conflict');
  });

  it('transfers to the land office, whose handler acknowledges and resolves; the desk returns the result', async () => {
    await desk.goto(`${HOSTING_URL}/can-bo/ho-so/${received.id}`);
    await desk.locator('[data-testid="status"][data-status="received"]').waitFor();
    await act(desk, 'transfer', async (p) => {
      // Decree 118 Art. 18, 20: the step of the procedure's process names the agency; the server sets its deadline.
      await p.selectOption('#action-form select[name="stepId"]', 'land-office-handling');
      await p.fill('#action-form textarea[name="task"]', 'Kiểm tra, in và ký Giấy chứng nhận mới');
    });
    await desk.locator('#dossier-notice [data-kind="ok"]').waitFor();
    await desk.locator('[data-testid="status"][data-status="processing"]').waitFor();

    const handler = await signIn(HANDLER.email);
    const row = handler.locator(`tr[data-dossier-id="${received.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('a.code').click();
    await handler.locator('[data-testid="status"][data-status="processing"]').waitFor();
    const handlerActions = await handler.locator('.action-buttons button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(handlerActions).toEqual((await serverView(received.id, IDENTITIES.handlerY)).allowedActions);
    expect(handlerActions).toContain('acknowledgeTransfer');
    expect(handlerActions).not.toContain('resolve'); // not before the transfer is acknowledged
    await act(handler, 'acknowledgeTransfer');
    await handler.locator('.action-buttons button[data-action="resolve"]').waitFor();
    await expectAccessible(handler, 'can-bo-handler-dossier');
    // An approval states what was granted: without a summary the form refuses beside the field, sends
    // nothing, and points to where the signed result document is attached (issue 20).
    await handler.click('.action-buttons button[data-action="resolve"]');
    await handler.locator('#action-form[data-action="resolve"]').waitFor();
    await handler.check('#action-form input[type="radio"][value="approved"]');
    await handler.click('#action-form button[type="submit"]');
    await handler.locator('#action-form [data-error-for="summary"]:not([hidden])').waitFor();
    expect(await handler.locator('#action-form [data-error-for="summary"]').textContent()).toBe('Vui lòng điền mục này');
    expect(await handler.locator('#action-form textarea[name="summary"]').getAttribute('aria-invalid')).toBe('true');
    expect(await handler.locator('#action-confirm').isVisible()).toBe(false);
    expect(await handler.locator('#action-form [data-testid="result-document-hint"] a').getAttribute('href')).toBe('#dossier-results');
    await expectAccessible(handler, 'can-bo-resolve-without-summary');
    expect((await serverView(received.id, IDENTITIES.handlerY)).dossier.status).toBe('processing');
    await handler.reload();
    await handler.locator('.action-buttons button[data-action="resolve"]').waitFor();
    await act(handler, 'resolve', async (p) => {
      await p.check('#action-form input[type="radio"][value="approved"]');
      await p.fill('#action-form textarea[name="summary"]', 'Đã cấp đổi Giấy chứng nhận');
    });
    await handler.locator('[data-testid="status"][data-status="resolved"]').waitFor();
    expect(await handler.locator('[data-testid="resolution"]').textContent()).toContain('Đã cấp đổi Giấy chứng nhận');
    await expect.poll(() => handler.locator('#dossier-handoffs').textContent()).toContain(LAND_OFFICE);

    await desk.reload();
    await desk.locator('[data-testid="status"][data-status="resolved"]').waitFor();
    await act(desk, 'returnResult');
    await desk.locator('[data-testid="status"][data-status="returned"]').waitFor();
    expect(await desk.locator('[data-testid="no-actions"]').textContent()).toContain('Hồ sơ đã kết thúc');
    await expectAccessible(desk, 'can-bo-returned');
  });

  it('records a walk-in at the desk: the server’s field error sits next to the field, then the receipt prints', async () => {
    await desk.click('#officer-nav a[data-route="tiep-nhan"]');
    await desk.locator('#desk-form').waitFor();
    await desk.selectOption('#desk-form select[name="procedureCode"]', '1.012792');
    await desk.fill('#desk-form input[name="fullName"]', 'Phan Văn Khải');
    await desk.fill('#desk-form input[name="idNumber"]', '038085009988');
    await desk.fill('#desk-form input[name="phone"]', '12345');
    await desk.fill('#desk-form input[name="line"]', '8 Nguyễn Huệ');
    await desk.fill('#desk-form input[name="communeName"]', 'Phường Đông Thành');
    await desk.click('#desk-submit');
    const phoneError = desk.locator('[data-error-for="applicant.phone"]:not([hidden])');
    await phoneError.waitFor();
    expect((await phoneError.textContent())!.length).toBeGreaterThan(3);
    expect(await desk.locator('#desk-form input[name="phone"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(desk, 'can-bo-desk-field-error');

    await desk.fill('#desk-form input[name="phone"]', '0912345678');
    await desk.click('#desk-submit');
    const code = await desk.locator('[data-testid="desk-code"]').textContent();
    expect(code).toMatch(/^000\.00\.01\.H99-\d{6}-\d{4}$/);
    await desk.click('#desk-receive');
    await desk.click('#confirm-action');
    await desk.locator('[data-testid="desk-status"]').waitFor();
    expect(await desk.locator('[data-testid="desk-status"]').textContent()).toBe('Đã tiếp nhận');
    expect(await pdfHead(desk, '#receipt-link[data-ready]')).toBe('%PDF-');
    await expectAccessible(desk, 'can-bo-desk-receipt');
  });

  it('lists the sweep’s tasks linking to their dossiers', async () => {
    const { db } = admin();
    const due = new Date(Date.now() + 86_400_000);
    await db.doc(`tasks/${received.id}_extension`).set({
      kind: 'issueApology',
      level: null,
      dossierId: received.id,
      agencyId: PROVINCE_DESK,
      assigneeUids: [RECEPTIONIST.uid],
      dueAt: due,
      overdueWorkingDays: 0,
      createdAt: new Date(),
      state: 'open',
    });
    await desk.click('#officer-nav a[data-route="viec-can-lam"]');
    const task = desk.locator(`li[data-task="${received.id}_extension"]`);
    await task.waitFor();
    expect(await task.textContent()).toContain('Xin lỗi và hẹn lại ngày trả');
    expect(await task.locator('a').getAttribute('href')).toBe(`/can-bo/ho-so/${received.id}`);
    await expect.poll(() => task.locator('a').textContent()).toContain(received.code); // codes read better than ids
    await expectAccessible(desk, 'can-bo-tasks');
  });

  it('shows the agency’s monthly statistics with the on-time rate', async () => {
    const { db } = admin();
    const base = { agencyId: PROVINCE_DESK, refused: 0, returned: 0, withdrawn: 0, stopped: 0, updatedAt: new Date() };
    await db.doc(`stats/${PROVINCE_DESK}_land_2025-01`).set({ ...base, field: 'land', month: '2025-01', received: 10, resolvedEarly: 2, resolvedOnTime: 5, resolvedLate: 1, inProgress: 2 });
    await db.doc(`stats/${PROVINCE_DESK}_civilStatus_2025-01`).set({ ...base, field: 'civilStatus', month: '2025-01', received: 3, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgress: 3 });
    await db.doc(`stats/${PROVINCE_DESK}_land_2025-02`).set({ ...base, field: 'land', month: '2025-02', received: 0, resolvedEarly: 0, resolvedOnTime: 1, resolvedLate: 0, inProgress: -1 });
    await db.doc(`stats/${LAND_OFFICE}_land_2025-01`).set({ ...base, agencyId: LAND_OFFICE, field: 'land', month: '2025-01', received: 99, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgress: 0 });
    await desk.click('#officer-nav a[data-route="thong-ke"]');
    const jan = desk.locator('#stats-table tr[data-month="2025-01"]');
    await jan.waitFor();
    expect(await jan.locator('[data-col="received"]').textContent()).toBe('13'); // both fields, not the other agency
    expect(await jan.locator('[data-col="resolvedOnTime"]').textContent()).toBe('5');
    expect(await jan.locator('[data-col="inProgress"]').textContent()).toBe('5');
    expect(await jan.locator('[data-col="rate"]').textContent()).toBe('87,5 %');
    expect(await desk.locator('#stats-table tr[data-month="2025-02"] [data-col="inProgress"]').textContent()).toBe('4');
    await expectAccessible(desk, 'can-bo-stats');
    // The header's switch re-renders the view in English.
    await desk.click('#lang-switch');
    await expect.poll(() => desk.locator('#stats-title').textContent()).toContain('Monthly statistics');
    await desk.locator('#stats-table tr[data-month="2025-01"] [data-col="rate"]').waitFor();
    await expectAccessible(desk, 'can-bo-stats-en');
    await desk.click('#lang-switch');
    await expect.poll(() => desk.locator('#stats-title').textContent()).toContain('Thống kê theo tháng');
  });
});
