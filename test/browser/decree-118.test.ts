// Decree 118/2025 on the pages (docs/DECREE-118.md), in Debian Chromium against the emulators: the citizen
// asks to stop a received dossier on /ho-so/ (withdrawal is offered only before reception), the desk sees
// the request and confirms it, form 05 downloads on both pages and the lookup says so (Art. 21); the desk
// records a stop request for an applicant in person; the online intake deadline in the queue (Art. 17.2);
// transfers name a step of the procedure's process and show the deadline the server computed, in
// sequence and in parallel (Art. 18, 20); desk intake attaches scans per component, each with who made
// it (Art. 17.1), for a commune procedure received at the province centre (Art. 14); the wizard lets the
// applicant name the competent commune (Art. 14). axe-core and a screenshot on every state shown.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkingCalendar, Calendar, computeDeadline, Procedure, signLookupToken, type ProcedureInput } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { minimalPdf } from '../fixtures/files.js';
import { act, api, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { pdfText } from '../support/pdf-probe.js';
import { showQueueRow } from '../support/queue.js';
import { JUSTICE, LAND_OFFICE, routedProcedure } from '../fixtures/routed-procedure.js';

const PROVINCE_DESK = '000.00.01.H99';
const AN_PHU = '000.21.02.H99';
/** The seed invites its officers: the uid is the Auth emulator's, read in beforeAll. */
const RECEPTIONIST = { email: 'tiepnhan.tinh@motcua.demo', uid: '', name: 'Nguyễn Thị Hồng' };
const RUN = Date.now().toString(36);
const CITIZEN = { email: `d118-${RUN}@example.vn`, password: 'mat-khau-rat-dai-118' };
const PHONE = { width: 360, height: 740 };

/** A provincial procedure handled by the land office (3 working days) with justice's legal check (2) in parallel or after. */
const ROUTED: ProcedureInput = routedProcedure('9.990218', { vi: 'Thủ tục thử nghiệm liên thông (trình duyệt)', en: 'Inter-agency test procedure (browser)' });

let browser: Browser;
let citizenContext: BrowserContext;
let citizen: Page;
let desk: Page;
let citizenId: TestIdentity;

const { db, auth } = admin();

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

const serverDossier = async (id: string) => (await api('getDossier', { params: { dossierId: id } }, IDENTITIES.receptionistX)).body;

async function demoCalendar() {
  const snap = await db.collection('calendars').get();
  return buildWorkingCalendar(snap.docs.map((d) => Calendar.parse(d.data())));
}

/** The bytes behind a link of the page, fetched from inside the page (its own link, its own session). */
async function bytesOf(page: Page, selector: string): Promise<Buffer> {
  const href = await page.locator(selector).getAttribute('href', { timeout: 45_000 });
  const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url!)).arrayBuffer())), href);
  return Buffer.from(bytes);
}

async function openOfficerDossier(page: Page, id: string, status: string): Promise<void> {
  await page.goto(`${HOSTING_URL}/can-bo/ho-so/${id}`);
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
}

const actionsShown = (page: Page) => page.locator('.action-buttons button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

beforeAll(async () => {
  await loadDemoData(db, auth);
  RECEPTIONIST.uid = (await auth.getUserByEmail(RECEPTIONIST.email)).uid;
  const p = Procedure.parse(ROUTED);
  await db.doc(`procedures/${p.code}`).set(p);
  await db.doc(`procedures/${p.code}/versions/${p.version}`).set(p);
  // A password account applies once its email is verified (issue 15).
  const user = await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Trương Thị Lan', emailVerified: true });
  citizenId = { uid: user.uid };
  browser = await launchBrowser();
  desk = await signInOfficer(browser, RECEPTIONIST.email);
  citizenContext = await browser.newContext({ viewport: PHONE });
  citizen = await citizenContext.newPage();
  await citizen.goto(`${HOSTING_URL}/ho-so/`);
  await signInCitizen(citizen, CITIZEN);
  await citizen.locator('#dossier-count').waitFor();
});
afterAll(async () => {
  await browser?.close();
  // The test procedure leaves the catalogue other tests read (its dossiers stay, as history does).
  await db.recursiveDelete(db.doc(`procedures/${ROUTED.code}`));
});

describe('stop processing at the applicant’s request (Art. 21)', () => {
  let d: DossierRef;
  const reason = 'Gia đình thay đổi kế hoạch, không cấp đổi nữa';

  it('before reception the citizen may only withdraw; the queue shows the time left to accept or return the online dossier', async () => {
    d = await submit(landRenewal(rid('d118-stop')), citizenId);
    await citizen.goto(`${HOSTING_URL}/ho-so/${d.id}`);
    await citizen.locator('#own-actions[data-action="withdraw"]').waitFor();
    expect(await citizen.locator('#own-actions [data-action="requestStop"]').count()).toBe(0);

    // Art. 17.2: the desk sees how long it has to accept or return it, and it comes first among the new ones.
    const intake = (await db.doc(`dossiers/${d.id}`).get()).get('intake') as { decideBy: { toDate(): Date } };
    await desk.goto(`${HOSTING_URL}/can-bo/`);
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    await desk.click('.tabs button[data-tab="registered"]');
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    await showQueueRow(desk, d.id); // by intake deadline, 50 a page: earlier ones may fill the first
    const cell = desk.locator(`tr[data-dossier-id="${d.id}"] [data-testid="intake"]`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-decide-by')).toBe(intake.decideBy.toDate().toISOString());
    expect(await cell.textContent()).toMatch(/^Tiếp nhận hoặc trả lại trước \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(còn /);
    const order = await desk.locator('#queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-intake')));
    // Rows without an intake deadline (desk intakes) come after every one with a deadline.
    const firstWithout = order.indexOf(null);
    expect(firstWithout === -1 || order.slice(firstWithout).every((x) => x === null)).toBe(true);
    expect(order).toContain('pending');
    await expectAccessible(desk, 'd118-queue-intake');
    await desk.click('.tabs button[data-tab="open"]');

    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
  });

  it('after reception the citizen asks to stop, with a reason checked beside its field; the page says it awaits confirmation', async () => {
    const section = citizen.locator('#own-actions[data-action="requestStop"]');
    await section.waitFor();
    expect(await citizen.locator('[data-action="withdraw"]').count()).toBe(0); // Decree 118: no withdrawal after reception
    await expectAccessible(citizen, 'd118-citizen-may-stop');

    await citizen.click('#own-action-open');
    await citizen.click('#own-action-next');
    const error = citizen.locator('#own-action-reason-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Nêu lý do bạn đề nghị dừng giải quyết hồ sơ');
    const input = citizen.locator('#own-action-reason');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain('own-action-reason-error');
    await expectAccessible(citizen, 'd118-citizen-stop-error');

    await citizen.fill('#own-action-reason', reason);
    await citizen.click('#own-action-next');
    await citizen.locator('#own-action-confirm').waitFor();
    expect(await citizen.locator('#own-action-confirm').textContent()).toContain(reason);
    await expectAccessible(citizen, 'd118-citizen-stop-confirm');
    await citizen.click('#own-action-send');
    await citizen.locator('#dossier-message[data-state="ok"]').waitFor();
    const pending = citizen.locator('#stop-request[data-state="pending"]');
    await pending.waitFor();
    expect(await pending.locator('[data-testid="stop-state"]').textContent()).toBe('Đang chờ xác nhận dừng');
    expect(await pending.locator('[data-testid="stop-reason"]').textContent()).toBe(reason);
    expect(await citizen.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận'); // still open until confirmed
    await expectAccessible(citizen, 'd118-citizen-stop-pending');

    const server = await serverDossier(d.id);
    expect(server.dossier.stopRequest).toMatchObject({ via: 'online', reason, requestedBy: citizenId.uid });
    d = { ...d, version: server.dossier.version };

    // The receipt's QR (token): the lookup says a stop was asked for, never the reason.
    const token = signLookupToken(d.id, lookupSecret());
    const lookup = await citizenContext.newPage();
    await lookup.goto(`${HOSTING_URL}/tra-cuu/${d.code}?t=${token}`);
    await lookup.locator('#result[data-state="ok"]').waitFor();
    expect(await lookup.locator('[data-testid="stop-request"]').textContent()).toContain('đang chờ xác nhận dừng');
    expect(await lookup.locator('#result').textContent()).not.toContain(reason);
    await expectAccessible(lookup, 'd118-lookup-stop-pending');
    await lookup.close();
  });

  it('the desk sees the pending request and confirms it, papers and fees as the procedure provides: status 8 and form 05', async () => {
    await openOfficerDossier(desk, d.id, 'received');
    const request = desk.locator('#stop-request[data-state="pending"]');
    expect(await request.locator('[data-testid="stop-state"]').textContent()).toBe('Đang chờ xác nhận dừng');
    expect(await request.locator('[data-testid="stop-reason"]').textContent()).toBe(reason);
    expect(await request.locator('[data-testid="stop-via"]').getAttribute('data-via')).toBe('online');
    expect(await actionsShown(desk)).toEqual(expect.arrayContaining(['confirmStop']));
    expect(await actionsShown(desk)).not.toContain('requestStop'); // one request at a time
    await expectAccessible(desk, 'd118-desk-stop-pending');

    await desk.click('.action-buttons button[data-action="confirmStop"]');
    await desk.locator('#action-form[data-action="confirmStop"]').waitFor();
    expect(await desk.locator('#action-form [data-testid="stop-recap"]').textContent()).toContain(reason);
    // The land renewal carries the default policy: papers handed back, fees kept.
    expect(await desk.locator('#action-form input[name="papersReturned"]').isChecked()).toBe(true);
    expect(await desk.locator('#action-form input[name="feesRefunded"]').isChecked()).toBe(false);
    await desk.fill('#action-form textarea[name="note"]', 'Đã trả bản gốc Giấy chứng nhận cho người nộp');
    await expectAccessible(desk, 'd118-desk-confirm-stop-form');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden])').waitFor();
    expect(await desk.locator('#confirm-lines').textContent()).toContain('mẫu 05');
    await desk.click('#confirm-action');
    await desk.locator('[data-testid="status"][data-status="stopped"]').waitFor();
    expect(await desk.locator('[data-testid="status"]').textContent()).toBe('Dừng xử lý');
    expect(await desk.locator('#stop-request[data-state="confirmed"] [data-testid="papers-returned"]').textContent()).toBe('có');

    const slip = `05-${String(d.version + 1).padStart(6, '0')}`;
    const pdf = await bytesOf(desk, `[data-slip-link="${slip}"][data-ready]`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(await desk.locator(`button[data-slip="${slip}"]`).textContent()).toBe('Thông báo dừng giải quyết hồ sơ (mẫu 05)');
    await expectAccessible(desk, 'd118-desk-stopped');

    const server = await serverDossier(d.id);
    expect(server.dossier.status).toBe('stopped');
    expect(server.dossier.stopRequest).toMatchObject({ confirmedBy: RECEPTIONIST.uid, papersReturned: true, feesRefunded: false });
    expect(server.allowedActions).toEqual([]);
    d = { ...d, version: server.dossier.version };
  });

  it('the citizen sees the stop confirmed and downloads form 05; the lookup shows the stopped status', async () => {
    await expect.poll(() => citizen.locator('[data-testid="status"]').textContent(), { timeout: 20_000 }).toBe('Dừng xử lý');
    const confirmed = citizen.locator('#stop-request[data-state="confirmed"]');
    await confirmed.waitFor();
    expect(await confirmed.locator('[data-testid="papers-returned"]').textContent()).toBe('Được trả lại');
    expect(await confirmed.locator('[data-testid="fees-refunded"]').textContent()).toBe('Không hoàn trả');
    expect(await citizen.locator('#own-actions').count()).toBe(0);
    const slip = citizen.locator(`#slips button[data-slip="05-${String(d.version).padStart(6, '0')}"]`);
    await slip.waitFor({ timeout: 30_000 });
    expect(await slip.textContent()).toBe('Thông báo dừng giải quyết hồ sơ (mẫu 05)');
    await slip.click();
    await citizen.locator('#slip-status[data-state="ok"]').waitFor();
    expect(await citizen.locator('#slip-status').textContent()).toMatch(/Đã tải phiếu \(\d+ KB\)/);
    await expectAccessible(citizen, 'd118-citizen-stopped');

    const lookup = await citizenContext.newPage();
    await lookup.goto(`${HOSTING_URL}/tra-cuu/${d.code}`);
    await lookup.locator('#result[data-state="ok"]').waitFor();
    expect(await lookup.locator('[data-testid="status"]').textContent()).toBe('Dừng xử lý');
    const token = signLookupToken(d.id, lookupSecret());
    await lookup.goto(`${HOSTING_URL}/tra-cuu/${d.code}?t=${token}`);
    await lookup.locator('[data-testid="stop-request"]').waitFor();
    expect(await lookup.locator('[data-testid="stop-request"]').textContent()).toContain('đã dừng giải quyết theo đề nghị');
    await expectAccessible(lookup, 'd118-lookup-stopped');
    await lookup.close();
  });

  it('the desk records the request of an applicant who came in person, then confirms it as it happened', async () => {
    let walkIn = await submit(landRenewal(rid('d118-stop-desk')));
    walkIn = await act(walkIn, IDENTITIES.receptionistX, { type: 'receive' });
    await openOfficerDossier(desk, walkIn.id, 'received');
    expect(await actionsShown(desk)).toContain('requestStop');
    expect(await actionsShown(desk)).not.toContain('confirmStop'); // nothing to confirm yet
    await desk.click('.action-buttons button[data-action="requestStop"]');
    await desk.click('#action-form button[type="submit"]');
    const error = desk.locator('#action-form [data-error-for="reason"]:not([hidden])');
    await error.waitFor();
    expect(await error.textContent()).toBe('Vui lòng điền mục này');
    expect(await desk.locator('#action-form textarea[name="reason"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(desk, 'd118-desk-request-stop-error');
    await desk.fill('#action-form textarea[name="reason"]', 'Công dân đến quầy đề nghị dừng vì đã bán thửa đất');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden]) #confirm-action').click();
    const pending = desk.locator('#stop-request[data-state="pending"]');
    await pending.waitFor();
    expect(await pending.locator('[data-testid="stop-via"]').getAttribute('data-via')).toBe('desk');
    expect((await serverDossier(walkIn.id)).dossier.stopRequest).toMatchObject({ via: 'desk', requestedBy: RECEPTIONIST.uid });
    await expectAccessible(desk, 'd118-desk-request-stop-recorded');

    // The papers stay with the agency this time (say, a sectoral rule): the officer says so.
    await actInDashboard(desk, 'confirmStop', async (p) => {
      await p.uncheck('#action-form input[name="papersReturned"]');
    });
    await desk.locator('[data-testid="status"][data-status="stopped"]').waitFor();
    expect((await serverDossier(walkIn.id)).dossier.stopRequest).toMatchObject({ papersReturned: false, feesRefunded: false });
  });
});

describe('transfers with deadlines computed from the procedure’s process (Art. 18, 20)', () => {
  it('in sequence: the step names the agency, no deadline is typed, and the computed sub-deadline is shown', async () => {
    let d = await submit(landRenewal(rid('d118-transfer')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    await openOfficerDossier(desk, d.id, 'received');
    await desk.click('.action-buttons button[data-action="transfer"]');
    await desk.locator('#action-form[data-action="transfer"]').waitFor();
    expect(await desk.locator('#action-form input[type="datetime-local"]').count()).toBe(0); // the server computes it
    const step = desk.locator('#action-form select[name="stepId"]');
    expect(await step.inputValue()).toBe('land-office-handling'); // the next step of the route
    expect(await step.locator('option:checked').textContent()).toContain('6 ngày làm việc');
    expect(await desk.locator('#action-form select[name="toAgencyId"]').isHidden()).toBe(true); // only outside the route
    await expectAccessible(desk, 'd118-transfer-form');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden])').waitFor();
    expect(await desk.locator('#confirm-lines').textContent()).toContain('hệ thống tính');
    await desk.click('#confirm-action');
    const notice = desk.locator('#dossier-notice [data-kind="ok"]');
    await notice.waitFor();
    await desk.locator('[data-testid="status"][data-status="processing"]').waitFor();

    const server = (await serverDossier(d.id)).dossier;
    expect(server.currentStep).toMatchObject({ agencyId: LAND_OFFICE, stepId: 'land-office-handling' });
    const expected = computeDeadline({ start: new Date(server.currentStep!.since), duration: { value: 6, unit: 'workingDays' }, calendar: await demoCalendar() }).dueAt;
    expect(server.currentStep!.dueAt).toBe(expected.toISOString());
    expect(await desk.locator('[data-testid="step-due"]').getAttribute('data-due')).toBe(expected.toISOString());
    expect(await notice.textContent()).toContain(`Hạn của Văn phòng Đăng ký đất đai`);
    await expect.poll(() => desk.locator('#dossier-handoffs').textContent(), { timeout: 20_000 }).toContain(LAND_OFFICE);
    await expectAccessible(desk, 'd118-transferred');
  });

  it('in parallel: the lead step and another step each get their own computed deadline', async () => {
    let d = await submit({ ...landRenewal(rid('d118-parallel')), procedureCode: ROUTED.code, components: [{ componentId: 'application', originals: 1 }] });
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    await openOfficerDossier(desk, d.id, 'received');
    await desk.click('.action-buttons button[data-action="transfer"]');
    await desk.locator('#action-form[data-action="transfer"]').waitFor();
    expect(await desk.locator('#action-form select[name="stepId"]').inputValue()).toBe('appraisal');
    await desk.check('#action-form input[name="parallel"]');
    // Nothing chosen to work in parallel: said beside the list.
    await desk.click('#action-form button[type="submit"]');
    const error = desk.locator('#action-form [data-error-for="parallelWith"]:not([hidden])');
    await error.waitFor();
    expect(await error.textContent()).toBe('Chọn ít nhất một cơ quan phối hợp');
    await expectAccessible(desk, 'd118-parallel-error');
    await desk.check('#action-form input[data-parallel-step="legal-check"]');
    await desk.click('#action-form button[type="submit"]');
    await desk.locator('#action-confirm:not([hidden])').waitFor();
    expect(await desk.locator('#confirm-lines').textContent()).toContain('Song song: Kiểm tra pháp lý');
    await desk.click('#confirm-action');
    const notice = desk.locator('#dossier-notice [data-kind="ok"]');
    await notice.waitFor();

    const server = (await serverDossier(d.id)).dossier;
    const calendar = await demoCalendar();
    const since = new Date(server.currentStep!.since);
    expect(server.currentStep).toMatchObject({ agencyId: LAND_OFFICE, stepId: 'appraisal', dueAt: computeDeadline({ start: since, duration: { value: 3, unit: 'workingDays' }, calendar }).dueAt.toISOString() });
    const parallel = server.opinions.find((o) => o.agencyId === JUSTICE);
    expect(parallel).toMatchObject({ handoffN: 2, dueAt: computeDeadline({ start: since, duration: { value: 2, unit: 'workingDays' }, calendar }).dueAt.toISOString() });
    expect(await notice.textContent()).toContain('(song song)');
    await expect.poll(() => desk.locator('#dossier-handoffs tbody tr').count(), { timeout: 20_000 }).toBe(2);
    await expectAccessible(desk, 'd118-parallel-transferred');
  });
});

describe('desk intake of a commune procedure at the province centre (Art. 14, 17.1)', () => {
  it('names the competent commune and attaches a scan per component, recorded with who scanned it', async () => {
    await desk.goto(`${HOSTING_URL}/can-bo/tiep-nhan`);
    await desk.locator('#desk-form').waitFor();
    // A commune procedure: received here under Art. 14, decided by the commune the desk names.
    await desk.locator('#desk-form select[name="procedureCode"] option[value="1.012790"]').waitFor({ state: 'attached' });
    await desk.selectOption('#desk-form select[name="procedureCode"]', '1.012790');
    const competent = desk.locator('#desk-form select[name="competentAgencyId"]');
    await competent.waitFor();
    await desk.locator(`#desk-form select[name="competentAgencyId"] option[value="${AN_PHU}"]`).waitFor({ state: 'attached' });
    await desk.fill('#desk-form input[name="fullName"]', 'Hồ Văn Tài');
    await desk.fill('#desk-form input[name="idNumber"]', '038085004455');
    await desk.fill('#desk-form input[name="phone"]', '0912000111');
    await desk.fill('#desk-form input[name="line"]', 'Thôn Phú Lợi');
    await desk.fill('#desk-form input[name="communeName"]', 'Xã An Phú');

    // A file that is not a scan is refused beside its input, before any upload.
    await desk.setInputFiles('#comp-0-scan', { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải bản quét') });
    const scanError = desk.locator('#comp-0-scan-error:not([hidden])');
    await scanError.waitFor();
    expect(await scanError.textContent()).toContain('không phải PDF, JPEG hoặc PNG');
    expect(await desk.locator('#comp-0-scan').getAttribute('aria-invalid')).toBe('true');
    await desk.setInputFiles('#comp-0-scan', [
      { name: 'don-dang-ky-04dk.pdf', mimeType: 'application/pdf', buffer: minimalPdf() },
      { name: 'don-dang-ky-trang-2.pdf', mimeType: 'application/pdf', buffer: minimalPdf() },
    ]);
    // Two uploads through the functions emulator; an upload error would show beside the input instead.
    const scans = async () => (await desk.locator('#comp-0-scan-files li').count()) || (await desk.locator('#comp-0-scan-error').textContent());
    await expect.poll(scans, { timeout: 45_000 }).toBe(2);
    expect(await desk.locator('#comp-0-scan-error').isHidden()).toBe(true);

    // The competent commune is required here: said beside its field.
    await desk.click('#desk-submit');
    const competentError = desk.locator('#desk-form [data-error-for="competentAgencyId"]:not([hidden])');
    await competentError.waitFor();
    expect(await competentError.textContent()).toBe('Vui lòng điền mục này');
    await expectAccessible(desk, 'd118-desk-intake-errors');
    await desk.selectOption('#desk-form select[name="competentAgencyId"]', AN_PHU);
    await desk.click('#desk-submit');
    const code = (await desk.locator('[data-testid="desk-code"]').textContent()) ?? '';
    expect(code).toMatch(/^000\.00\.01\.H99-\d{6}-\d+$/);
    await expectAccessible(desk, 'd118-desk-intake-recorded');

    const id = ((await desk.locator('#desk-result a[href^="/can-bo/ho-so/"]').getAttribute('href')) ?? '').replace('/can-bo/ho-so/', '');
    const personal = await db.doc(`dossiers/${id}/private/personal`).get();
    const [application] = personal.get('components') as { componentId: string; attachments: { fileName: string; uploadedBy: string; sha256: string }[] }[];
    expect(application!.componentId).toBe('application-form');
    expect(application!.attachments.map((a) => a.fileName)).toEqual(['don-dang-ky-04dk.pdf', 'don-dang-ky-trang-2.pdf']);
    for (const a of application!.attachments) {
      expect(a.uploadedBy).toBe(RECEPTIONIST.uid);
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await db.doc(`dossiers/${id}`).get()).get('competentAgencyId')).toBe(AN_PHU);

    await desk.click('#desk-result a[href^="/can-bo/ho-so/"]');
    await desk.locator('[data-testid="status"][data-status="registered"]').waitFor();
    expect(await desk.locator('[data-testid="competent-agency"]').textContent()).toBe(`Ủy ban nhân dân xã An Phú (${AN_PHU})`);
    const scanned = desk.locator('[data-testid="uploaded-by"]');
    await expect.poll(() => scanned.count(), { timeout: 20_000 }).toBe(2);
    expect(await scanned.first().textContent()).toContain(`bạn (${RECEPTIONIST.name})`);
    expect(await scanned.first().getAttribute('data-uid')).toBe(RECEPTIONIST.uid);
    await expectAccessible(desk, 'd118-desk-scans-on-dossier');
  });
});

describe('the wizard names the competent commune when the desk chosen does not decide (Art. 14)', () => {
  it('applies at the province centre for a commune procedure, choosing the commune; the dossier shows it', async () => {
    await citizen.goto(`${HOSTING_URL}/nop-ho-so/1.012790`);
    await citizen.locator('#step-agency').waitFor();
    // The commune desks first (they decide it), then the other desks of the province.
    const centre = citizen.locator(`input[name="agency"][value="${PROVINCE_DESK}"]`);
    expect(await citizen.locator(`input[name="agency"][value="${AN_PHU}"]`).count()).toBe(1);
    expect(await citizen.locator('#competent-block').isHidden()).toBe(true);
    await citizen.check(`input[name="agency"][value="${AN_PHU}"]`);
    expect(await citizen.locator('#competent-block').isHidden()).toBe(true); // a commune desk decides it itself
    await centre.check();
    await citizen.locator('#competent-block:not([hidden])').waitFor();
    await citizen.click('#next');
    const error = citizen.locator('#competentAgencyId-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Chọn cơ quan có thẩm quyền giải quyết hồ sơ');
    expect(await citizen.locator('#competentAgencyId').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(citizen, 'd118-apply-competent-error');
    await citizen.selectOption('#competentAgencyId', AN_PHU);
    await expectAccessible(citizen, 'd118-apply-competent-chosen');
    await citizen.click('#next');

    await citizen.locator('#step-applicant').waitFor();
    await citizen.fill('#fullName', 'Trương Thị Lan');
    await citizen.fill('#idNumber', '079190005566');
    await citizen.fill('#phone', '0912 888 777');
    await citizen.fill('#addressLine', 'Thôn Phú Lợi');
    await citizen.selectOption('#communeName', 'Xã An Phú');
    await citizen.click('#next');
    await citizen.locator('#step-documents').waitFor();
    await citizen.setInputFiles('#files-application-form', { name: 'don-04-dk.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await citizen.locator('#uploaded-application-form li').waitFor();
    await citizen.click('#next');
    await citizen.locator('#step-delivery').waitFor();
    await citizen.check('#delivery-desk');
    await citizen.click('#next');
    await citizen.locator('#step-check').waitFor();
    expect(await citizen.locator('[data-testid="check-agency"]').textContent()).toBe('Trung tâm Phục vụ hành chính công tỉnh Bình An');
    expect(await citizen.locator('[data-testid="check-competent"]').textContent()).toBe('Ủy ban nhân dân xã An Phú');
    await expectAccessible(citizen, 'd118-apply-check');
    await citizen.click('#submit');
    await citizen.locator('#submitted').waitFor();
    const id = ((await citizen.locator('#dossier-link').getAttribute('href')) ?? '').replace('/ho-so/', '');
    const stored = await db.doc(`dossiers/${id}`).get();
    expect(stored.get('receivingAgencyId')).toBe(PROVINCE_DESK);
    expect(stored.get('competentAgencyId')).toBe(AN_PHU);

    await citizen.click('#dossier-link');
    const shown = citizen.locator('[data-testid="competent-agency"]');
    await expect.poll(() => shown.textContent(), { timeout: 20_000 }).toBe('Ủy ban nhân dân xã An Phú');
    expect(await citizen.locator('[data-testid="receiving-agency"]').textContent()).toBe('Trung tâm Phục vụ hành chính công tỉnh Bình An');
    await expectAccessible(citizen, 'd118-my-dossier-competent');
  });
});
