// Daily use on a 360 px phone (issue 20, the citizen items): everyday names find the procedure; the
// wizard shows the fee and how to pay, fills the person in from the account, offers the province's
// communes as a list, does not ask a fully online procedure for paper copies, links the blank form,
// tells upload failures in plain words naming the file and lets a slow upload be cancelled; "Hồ sơ của
// tôi" keeps the code whole with a copy button, says the due date is paused while documents are awaited
// and why it changed once they came, tells the decision in plain words and the timeline in plain steps.
// axe-core on every changed screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../fixtures/files.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { act, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const PHONE = { width: 360, height: 740 };
const RUN = Date.now().toString(36);
const CITIZEN = { email: `hang-ngay-${RUN}@example.vn`, password: 'mat-khau-rat-dai-3', uid: `test-daily-${RUN}`, displayName: 'Phạm Thị Mai' };
const IDENTITY = { uid: CITIZEN.uid, onlineSubmissionsPerDay: 100 };

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function expectAccessible(name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

/** How many line boxes the element takes (an inline element broken across lines has one rect per line), and whether it runs off the screen. */
async function keptWhole(selector: string): Promise<{ lines: number; overflows: boolean; text: string }> {
  // The test tsconfig has no DOM types: the in-page code is written against `globalThis`.
  return page.locator(selector).first().evaluate((node) => {
    type El = { getClientRects(): { length: number }; getBoundingClientRect(): { right: number }; textContent: string | null };
    const g = globalThis as unknown as { document: { documentElement: { clientWidth: number } } };
    const el = node as unknown as El;
    return { lines: el.getClientRects().length, overflows: el.getBoundingClientRect().right > g.document.documentElement.clientWidth, text: el.textContent ?? '' };
  });
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ uid: CITIZEN.uid, email: CITIZEN.email, password: CITIZEN.password, displayName: CITIZEN.displayName, emailVerified: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the portal search', () => {
  it('finds a procedure by the names people use, with or without marks, and ranks it first', async () => {
    await page.goto(`${HOSTING_URL}/`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    await page.fill('#q', 'sổ đỏ');
    await expect.poll(() => page.locator('#catalog li').first().getAttribute('data-code')).toBe('1.012790');
    await page.fill('#q', 'so hong');
    await expect.poll(() => page.locator('#catalog li').first().getAttribute('data-code')).toBe('1.012790');
    await page.fill('#q', 'cap lai so');
    await expect.poll(() => page.locator('#catalog li').first().getAttribute('data-code')).toBe('1.012792');
    expect(await page.locator('#catalog li').first().locator('a').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await expectAccessible('daily-search-synonym');
  });
});

describe('applying online on a phone', () => {
  it('shows the fee, pre-fills the person, lists the communes, skips paper counts, links the blank form and explains upload failures', async () => {
    await page.goto(`${HOSTING_URL}/nop-ho-so/1.012792`);
    await signInCitizen(page, CITIZEN);

    // Step 1: what it costs and how to pay, before anything is asked.
    await page.locator('#step-agency').waitFor();
    expect(await page.locator('#wizard-fee [data-testid="fee-total"]').textContent()).toBe('50.000 đ');
    expect(await page.locator('#wizard-fee [data-testid="how-to-pay"]').textContent()).toContain('VietQR');
    await expectAccessible('daily-apply-fee');
    await page.click('#next');

    // Step 2: the account fills the name and email in; the phone hint does not promise SMS (off by default).
    await page.locator('#step-applicant').waitFor();
    expect(await page.inputValue('#fullName')).toBe(CITIZEN.displayName);
    expect(await page.inputValue('#email')).toBe(CITIZEN.email);
    const hint = (await page.locator('#phone-hint').textContent()) ?? '';
    expect(hint).not.toContain('Để nhận tin nhắn về hồ sơ');
    expect(hint).toContain('muốn nhận thêm tin nhắn SMS');
    // The commune is chosen from the province's list; another province opens a text field.
    const communes = await page.locator('#communeName option').allTextContents();
    expect(communes).toEqual(expect.arrayContaining(['Phường Đông Thành', 'Xã An Phú', 'Xã Tân Lập']));
    expect(await page.locator('#communeOther').isVisible()).toBe(false);
    await page.selectOption('#communeName', '__other__');
    expect(await page.locator('#communeOther').isVisible()).toBe(true);
    await page.click('#next');
    expect(await page.locator('#communeOther-error').textContent()).toContain('Nhập tên xã/phường');
    await page.selectOption('#communeName', 'Xã An Phú');
    await page.fill('#idNumber', '079190007788');
    await page.fill('#phone', '+84987654321');
    await page.fill('#addressLine', 'Thôn Phú Lợi');
    await expectAccessible('daily-apply-applicant');
    await page.click('#next');

    // Step 3: fully online, so no paper counts; the blank form is linked beside its document.
    await page.locator('#step-documents').waitFor();
    expect(await page.locator('#step-documents .counts-row').count()).toBe(0);
    const template = page.locator('a[data-template="renewal-application"]');
    expect(await template.textContent()).toContain('Mẫu số 11/ĐK');
    expect(await template.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await page.locator('a[data-template="certificate"]').count()).toBe(0);

    // A file named .pdf that is not a PDF: said in plain words, naming the file.
    await page.setInputFiles('#files-renewal-application', { name: 'so-do-chup.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ảnh chụp màn hình, không phải PDF') });
    await expect.poll(() => page.locator('#files-renewal-application-error').textContent()).toContain('Tệp “so-do-chup.pdf” không phải PDF thật');
    // Over the limit: what to do about it.
    await page.setInputFiles('#files-renewal-application', { name: 'ban-quet-600dpi.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 0x20) });
    await expect.poll(() => page.locator('#files-renewal-application-error').textContent()).toContain('ban-quet-600dpi.pdf');
    expect(await page.locator('#files-renewal-application-error').textContent()).toContain('150–200 dpi');

    // A slow upload shows its percentage and can be cancelled: the server never answers here.
    await page.route('**/api/uploads', () => undefined);
    await page.setInputFiles('#files-renewal-application', { name: 'don-11-dk.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('[data-testid="upload-percent"]').waitFor();
    expect(await page.locator('[data-testid="upload-percent"]').textContent()).toMatch(/^\d{1,3}%$/);
    await expectAccessible('daily-apply-uploading');
    await page.click('button.cancel-upload');
    await expect.poll(() => page.locator('[data-testid="upload-cancelled"]').textContent()).toContain('Đã hủy tải lên tệp “don-11-dk.pdf”');
    expect(await page.locator('#uploaded-renewal-application').count()).toBe(0);
    expect(await page.locator('#files-renewal-application-error').isVisible()).toBe(false);
    await page.unroute('**/api/uploads');

    await page.setInputFiles('#files-renewal-application', { name: 'don-11-dk.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('#uploaded-renewal-application li').waitFor();
    await page.setInputFiles('#files-certificate', { name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('#uploaded-certificate li').waitFor();
    await expectAccessible('daily-apply-documents');
    await page.click('#next');
    await page.locator('#step-delivery').waitFor();
    await page.check('#delivery-online');
    await page.click('#next');

    // The check page: the phone the Vietnamese way, files without paper counts, the fee again.
    await page.locator('#step-check').waitFor();
    expect(await page.locator('[data-testid="check-phone"]').textContent()).toBe('0987 654 321');
    const docs = (await page.locator('[data-testid="check-documents"]').textContent()) ?? '';
    expect(docs).toContain('don-11-dk.pdf');
    expect(docs).not.toContain('bản chính');
    expect(await page.locator('#check-fee [data-testid="fee-total"]').textContent()).toBe('50.000 đ');
    await expectAccessible('daily-apply-check');
  });
});

describe('"Hồ sơ của tôi" on a phone', () => {
  let d: DossierRef;

  it('pauses the due date while documents are awaited, keeps the code whole with a copy button, and says what to do', async () => {
    d = await submit(landRenewal(rid('daily')), IDENTITY);
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    d = await act(d, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    d = await act(d, IDENTITIES.leadX, {
      type: 'requestSupplement',
      items: [{ componentId: 'certificate', name: 'Giấy chứng nhận đã cấp', problem: 'Bản chụp bị mờ' }],
      reason: 'Cần bản chụp rõ nét',
    });

    await page.goto(`${HOSTING_URL}/ho-so/`);
    const item = page.locator(`#dossier-list li[data-code="${d.code}"]`);
    await item.waitFor();
    expect(await item.locator('.due').textContent()).toBe('Hẹn trả: Tạm dừng — tính lại khi bổ sung đủ');
    expect(await item.locator('[data-testid="to-do"]').textContent()).toContain('Cần bổ sung giấy tờ');
    await expect.poll(() => keptWhole(`#dossier-list li[data-code="${d.code}"] .dossier-code`)).toEqual({ lines: 1, overflows: false, text: d.code });
    await item.locator('button.copy-code').click();
    await expect.poll(() => item.locator('.copy-status').textContent()).toBe('Đã chép mã hồ sơ.');
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(d.code);
    // SMS is opt-in, as the wizard's hint says.
    expect(await page.locator('#prefs-form input[name="sms"]').isChecked()).toBe(false);
    await expectAccessible('daily-my-dossiers-paused');

    await item.locator('a.procedure').click();
    await page.locator('#supplement-form').waitFor();
    expect(await page.locator('[data-testid="due"]').getAttribute('data-due')).toBe('paused');
    expect(await page.locator('[data-testid="due"]').textContent()).toBe('Tạm dừng — tính lại khi bổ sung đủ');
    expect(await page.locator('[data-testid="explanation"]').textContent()).toContain('không tính trong lúc chờ bạn bổ sung');
    // The page redraws as the live answers arrive: measure again until an attached element answers.
    await expect.poll(() => keptWhole('.code-line .dossier-code')).toEqual({ lines: 1, overflows: false, text: d.code });
    await expectAccessible('daily-my-dossier-paused');
  });

  it('explains the new date once the documents came, tells the decision and shows plain steps and the fee', async () => {
    d = await act(d, IDENTITY, { type: 'submitSupplement' });
    await page.locator('#due-changed').waitFor();
    expect(await page.locator('#due-changed').textContent()).toContain('Ngày hẹn đã được tính lại khi bạn gửi đủ giấy tờ bổ sung');
    expect(await page.locator('[data-testid="due"]').getAttribute('data-due')).toBe('set');
    expect(await page.locator('[data-testid="explanation"]').textContent()).not.toBe('');

    await act(d, IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Cấp đổi Giấy chứng nhận số phát hành AB 123456' });
    await page.locator('#decision').waitFor();
    expect(await page.locator('[data-testid="decision-outcome"]').textContent()).toBe('Hồ sơ được chấp thuận.');
    expect(await page.locator('[data-testid="decision-summary"]').textContent()).toBe('Cấp đổi Giấy chứng nhận số phát hành AB 123456');

    const steps = await page.locator('#timeline li strong').allTextContents();
    expect(steps).toEqual([
      'Bạn đã nộp hồ sơ trực tuyến',
      'Hồ sơ đã được tiếp nhận',
      'Cán bộ bắt đầu giải quyết hồ sơ',
      'Cơ quan đề nghị bạn bổ sung giấy tờ',
      'Bạn đã gửi giấy tờ bổ sung',
      'Hồ sơ đã có kết quả giải quyết',
    ]);
    expect(steps.join(' ')).not.toContain('Giải quyết (phê duyệt hoặc từ chối)');

    await page.locator('#procedure-fee').waitFor();
    expect(await page.locator('#procedure-fee [data-testid="fee-total"]').textContent()).toBe('50.000 đ');
    expect(await page.locator('#procedure-fee [data-testid="how-to-pay"]').textContent()).toContain('VietQR');
    await expectAccessible('daily-my-dossier-decided');
  });
});
