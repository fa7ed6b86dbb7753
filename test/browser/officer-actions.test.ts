// The dossier page's action forms driven through the page, as the desk would: a supplement request
// (first sent empty: each required field says so beside itself), a refusal at reception, an extension
// with its apology, and a withdrawal. Each checks the dossier the server now holds, not only the page,
// and the official slip (forms 02, 03, 04) as a PDF. axe-core and a screenshot on every error and result.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { api, landRenewal, rid, submit } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const PROVINCE_DESK = '000.00.01.H99';
const RECEPTIONIST = 'tiepnhan.tinh@motcua.demo';
const run = Date.now().toString(36);
// Only a lead may extend (functions/src/domain/lifecycle/table.ts) and the demo lead sits in another
// agency, so the test makes a lead of the province desk in the Auth emulator.
const DESK_LEAD = { email: `lanhdao-${run}@example.vn`, uid: `test-desk-lead-${run}` };

let browser: Browser;
let desk: Page;

async function citizenSubmits(): Promise<string> {
  const { id } = await submit(landRenewal(rid('officer-actions-submit'), { kind: 'person', fullName: 'Ngô Văn Khải', identity: { kind: 'citizenId', number: '038190003344' }, phone: '0988333444', address: { line: '12 Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } }));
  return id;
}

const serverDossier = async (id: string) => (await api('getDossier', { params: { dossierId: id } }, IDENTITIES.receptionistX)).body;

async function openDossier(page: Page, id: string, status: string): Promise<void> {
  await page.goto(`${HOSTING_URL}/can-bo/ho-so/${id}`);
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

/** The slip's link appears once the trigger made it; its bytes, fetched from inside the page (the browser path is the point), start like a PDF. */
async function slipHead(page: Page, slip: string): Promise<string> {
  const href = await page.locator(`[data-slip-link="${slip}"][data-ready]`).getAttribute('href', { timeout: 45_000 });
  return page.evaluate(async (url) => String.fromCharCode(...new Uint8Array(await (await fetch(url!)).arrayBuffer()).slice(0, 5)), href);
}

/** The error line beside the input for `path`: shown, in Vietnamese, and the input marked invalid. */
async function expectFieldError(page: Page, control: string, path: string, text: string): Promise<void> {
  const line = page.locator(`#action-form [data-error-for="${path}"]`);
  expect(await line.isVisible()).toBe(true);
  expect(await line.textContent()).toBe(text);
  const input = page.locator(`#action-form ${control}`);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  // Beside the input: the same field wrapper, and named by the input's aria-describedby.
  const lineId = await line.getAttribute('id');
  expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(lineId);
}

const actionsShown = (page: Page) => page.locator('.action-buttons button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

/** `YYYY-MM-DDTHH:mm` in Vietnam time (UTC+7, no daylight saving), as a datetime-local input takes it. */
const vnLocal = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ uid: DESK_LEAD.uid, email: DESK_LEAD.email, password: DEMO_PASSWORD, displayName: 'Lãnh đạo Trung tâm' });
  await auth.setCustomUserClaims(DESK_LEAD.uid, { role: 'lead', agencyId: PROVINCE_DESK });
  browser = await launchBrowser();
  desk = await signInOfficer(browser, RECEPTIONIST);
});
afterAll(async () => {
  await browser?.close();
});

describe('officer dossier page: action forms', () => {
  it('requests a supplement at reception: empty form names each required field, then form 02', async () => {
    const id = await citizenSubmits();
    await openDossier(desk, id, 'registered');
    await desk.click('.action-buttons button[data-action="requestSupplement"]');
    await desk.locator('#action-form[data-action="requestSupplement"]').waitFor();
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-form [data-error-for="reason"]:not([hidden])').waitFor();
    await expectFieldError(desk, 'textarea[name="reason"]', 'reason', 'Vui lòng điền mục này');
    const items = desk.locator('#action-form [data-error-for="items"]');
    expect(await items.isVisible()).toBe(true);
    expect(await items.textContent()).toBe('Cần ít nhất một giấy tờ');
    expect(await desk.locator('#action-form [data-path="items"]').getAttribute('aria-invalid')).toBe('true');
    expect(await desk.locator('#action-confirm').isHidden()).toBe(true); // nothing sent
    await expectAccessible(desk, 'can-bo-supplement-errors');

    // One item half filled: the missing half is named beside its own input.
    await desk.locator('#action-form select[name="items.0.componentId"]').selectOption('certificate');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-form [data-error-for="items.0.problem"]:not([hidden])').waitFor();
    await expectFieldError(desk, 'input[name="items.0.problem"]', 'items.0.problem', 'Vui lòng điền mục này');
    expect(await desk.locator('#action-form [data-error-for="items"]').isHidden()).toBe(true);
    await expectAccessible(desk, 'can-bo-supplement-item-error');

    await desk.fill('#action-form input[name="items.0.problem"]', 'Chỉ nộp bản chụp, cần bản gốc');
    await desk.fill('#action-form textarea[name="reason"]', 'Hồ sơ thiếu bản gốc Giấy chứng nhận');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden]) #confirm-action').click();
    await desk.locator('[data-testid="status"][data-status="awaitingSupplement"]').waitFor();
    expect(await desk.locator('#dossier-notice [data-kind="ok"]').textContent()).toContain('Trạng thái: Yêu cầu bổ sung');
    expect(await slipHead(desk, '02-000002')).toBe('%PDF-');
    const d = (await serverDossier(id)).dossier;
    expect(d.status).toBe('awaitingSupplement');
    expect(d.supplementCount.reception).toBe(1);
    const events = await admin().db.collection(`dossiers/${id}/events`).orderBy('version').get();
    const request = events.docs.at(-1)!;
    expect(request.get('type')).toBe('requestSupplement');
    expect(JSON.stringify(request.data())).toContain('Chỉ nộp bản chụp, cần bản gốc');
    await expectAccessible(desk, 'can-bo-supplement-done');
  });

  it('refuses at reception with reasons: status refused and form 03', async () => {
    const id = await citizenSubmits();
    await openDossier(desk, id, 'registered');
    await desk.click('.action-buttons button[data-action="refuseAtReception"]');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-form [data-error-for="reason"]:not([hidden])').waitFor();
    await expectFieldError(desk, 'textarea[name="reason"]', 'reason', 'Vui lòng điền mục này');
    await expectAccessible(desk, 'can-bo-refuse-error');
    await desk.fill('#action-form textarea[name="reason"]', 'Thủ tục không thuộc thẩm quyền của cơ quan');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden]) #confirm-action').click();
    await desk.locator('[data-testid="status"][data-status="refused"]').waitFor();
    expect(await slipHead(desk, '03-000002')).toBe('%PDF-');
    expect((await serverDossier(id)).dossier.status).toBe('refused');
    expect(await actionsShown(desk)).toEqual([]);
    await expectAccessible(desk, 'can-bo-refused');
  });

  it('extends a received dossier once: new due date, "extended", form 04, no second extension', async () => {
    const id = await citizenSubmits();
    await openDossier(desk, id, 'registered');
    await actInDashboard(desk, 'receive');
    await desk.locator('[data-testid="status"][data-status="received"]').waitFor();
    expect(await actionsShown(desk)).not.toContain('extend'); // a receptionist may not extend

    const lead = await signInOfficer(browser, DESK_LEAD.email);
    await openDossier(lead, id, 'received');
    expect(await actionsShown(lead)).toContain('extend');
    const before = (await serverDossier(id)).dossier;
    const oldDue = new Date(before.dueAt ?? NaN);
    const oldDueText = await lead.locator('[data-testid="due"]').textContent();
    expect(await lead.locator('[data-testid="extended"]').count()).toBe(0);

    await lead.click('.action-buttons button[data-action="extend"]');
    await lead.click('#action-form button[type="submit"]');
    await lead.locator('#action-form [data-error-for="newDueAt"]:not([hidden])').waitFor();
    await expectFieldError(lead, 'input[name="newDueAt"]', 'newDueAt', 'Vui lòng điền mục này');
    await expectFieldError(lead, 'textarea[name="reason"]', 'reason', 'Vui lòng điền mục này');
    await expectFieldError(lead, 'textarea[name="apology"]', 'apology', 'Vui lòng điền mục này');
    await expectAccessible(lead, 'can-bo-extend-errors');

    // A date not later than the due time: the server refuses and says why above the buttons.
    await lead.fill('#action-form input[name="newDueAt"]', vnLocal(new Date(oldDue.getTime() - 3_600_000)));
    await lead.fill('#action-form textarea[name="reason"]', 'Cần xác minh ranh giới thửa đất tại thực địa');
    await lead.fill('#action-form textarea[name="apology"]', 'Trung tâm xin lỗi ông vì sự chậm trễ này');
    await lead.click('#action-form button[type="submit"]');
    await lead.locator('#action-confirm:not([hidden]) #confirm-action').click();
    const summary = lead.locator('#action-form:not([hidden]) .form-summary:not([hidden])');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Ngày hẹn mới phải sau hạn hiện tại');
    expect((await serverDossier(id)).dossier.version).toBe(before.version); // refused, nothing changed
    await expectAccessible(lead, 'can-bo-extend-server-error');

    // Ten days after the due time, on the minute (the input has no seconds).
    const newDue = new Date(Math.floor((oldDue.getTime() + 10 * 86_400_000) / 60_000) * 60_000);
    await lead.fill('#action-form input[name="newDueAt"]', vnLocal(newDue));
    await lead.click('#action-form button[type="submit"]');
    await lead.locator('#action-confirm:not([hidden]) #confirm-action').click();
    await lead.locator('#dossier-notice [data-kind="ok"]').waitFor();
    await lead.locator('[data-testid="extended"]').waitFor();
    const after = (await serverDossier(id)).dossier;
    expect(new Date(after.dueAt ?? NaN).getTime()).toBe(newDue.getTime());
    expect(after.extensionCount).toBe(1);
    expect(after.status).toBe('received');
    const dueText = (await lead.locator('[data-testid="due"]').textContent()) ?? '';
    expect(dueText).not.toBe(oldDueText);
    expect(dueText).toContain('hẹn ban đầu');
    expect(await lead.locator('[data-testid="extended"]').textContent()).toContain('Đã gia hạn');
    expect(await slipHead(lead, `04-${String(after.version).padStart(6, '0')}`)).toBe('%PDF-');
    expect(await actionsShown(lead)).not.toContain('extend');
    await expectAccessible(lead, 'can-bo-extended');
  });

  it('withdraws a dossier not yet received, with a reason: closed, no actions left', async () => {
    // Decree 118 Art. 21: once received, a dossier is stopped at the applicant's request, not withdrawn.
    const id = await citizenSubmits();
    await openDossier(desk, id, 'registered');
    const allowed = (await serverDossier(id)).allowedActions;
    expect(allowed).toContain('withdraw');
    expect(allowed).not.toContain('stop'); // stopping is for leads
    await actInDashboard(desk, 'withdraw', async (p) => {
      await p.fill('#action-form textarea[name="reason"]', 'Công dân đề nghị rút hồ sơ tại quầy');
    });
    await desk.locator('[data-testid="status"][data-status="withdrawn"]').waitFor();
    expect(await desk.locator('[data-testid="no-actions"]').textContent()).toContain('Hồ sơ đã kết thúc');
    expect(await desk.locator('.action-buttons').count()).toBe(0);
    const after = await serverDossier(id);
    expect(after.dossier.status).toBe('withdrawn');
    expect(after.allowedActions).toEqual([]);
    await expectAccessible(desk, 'can-bo-withdrawn');
  });
});
