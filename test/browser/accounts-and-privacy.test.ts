// Accounts and personal data in Chromium against the Auth emulator and the local VNeID stand-in: a new
// account with its verification email, password reset, phone sign-in with a one-time code, VNeID sign-in,
// the privacy notice at first sign-in, consents, the profile, the download of one's data, a deletion
// request, and an organisation applicant in the wizard — with the bad input each of them must refuse
// (wrong codes, used links, throttling, an invalid tax code), in Vietnamese.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { admin, AUTH_HOST, eventually, HOSTING_URL, PROJECT_ID } from '../support/emulators.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { minimalPdf } from '../fixtures/files.js';

const RUN = Date.now().toString(36);
let browser: Browser;

type OobCode = { email: string; oobCode: string; requestType: string };
async function oobCodeFor(email: string, requestType: 'VERIFY_EMAIL' | 'PASSWORD_RESET'): Promise<string> {
  return eventually(async () => {
    const { oobCodes } = (await (await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`)).json()) as { oobCodes: OobCode[] };
    return oobCodes.filter((c) => c.email === email && c.requestType === requestType).at(-1)?.oobCode;
  }, `${requestType} code for ${email}`);
}

async function smsCodeFor(phoneNumber: string): Promise<string> {
  return eventually(async () => {
    const { verificationCodes } = (await (await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/verificationCodes`)).json()) as { verificationCodes: { phoneNumber: string; code: string }[] };
    return verificationCodes.filter((c) => c.phoneNumber === phoneNumber).at(-1)?.code;
  }, `SMS code for ${phoneNumber}`);
}

async function fresh(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  return context.newPage();
}

const statusOf = (page: Page, id: string) => page.locator(`#${id}`).textContent();

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a new account with email', () => {
  const email = `moi-${RUN}@example.vn`;

  it('signs up, confirms the address by the emailed link, refuses the link a second time, reads the notice', async () => {
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/dang-nhap/?cach=signup&next=/ho-so/`);
    await page.locator('#signup-form').waitFor();
    expect(describeViolations(await checkPage(page, 'dang-nhap-signup'))).toBe('');
    // Bad input first: the passwords differ; nothing is created.
    await page.fill('#signup-email', email);
    await page.fill('#signup-password', 'mat-khau-moi-1');
    await page.fill('#signup-confirm', 'mat-khau-khac');
    await page.click('#signup-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'signup-output')).toContain('không giống nhau');
    await page.fill('#signup-confirm', 'mat-khau-moi-1');
    await page.click('#signup-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'signup-output')).toContain('Đã tạo tài khoản');
    await page.waitForURL(`${HOSTING_URL}/ho-so/`);
    // First sign-in: the privacy notice, until read.
    await page.locator('#privacy-notice-panel').waitFor();
    expect(await page.locator('#privacy-notice-panel').textContent()).toContain('Nghị định 118/2025');
    await page.click('#notice-acknowledge');
    await page.locator('#privacy-notice-panel').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('#account-email').textContent()).toContain('chưa xác nhận');

    const oobCode = await oobCodeFor(email, 'VERIFY_EMAIL');
    await page.goto(`${HOSTING_URL}/dang-nhap/?mode=verifyEmail&oobCode=${oobCode}`);
    await expect.poll(() => statusOf(page, 'action-output')).toContain('Đã xác nhận email');
    // The same link again: used (an expired one reads the same).
    await page.goto(`${HOSTING_URL}/dang-nhap/?mode=verifyEmail&oobCode=${oobCode}`);
    await expect.poll(() => statusOf(page, 'action-output')).toContain('đã hết hạn hoặc đã được dùng');
    expect(describeViolations(await checkPage(page, 'dang-nhap-link-used'))).toBe('');
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await expect.poll(() => page.locator('#account-email').textContent()).toContain('đã xác nhận');
    // Read once: no notice on the next visit.
    expect(await page.locator('#privacy-notice-panel').count()).toBe(0);
    await page.context().close();
  });

  it('resets a forgotten password by the emailed link; a used link is refused; a wrong password too', async () => {
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/dang-nhap/?cach=reset`);
    await page.fill('#reset-email', email);
    await page.click('#reset-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'reset-output')).toContain('thư đặt lại mật khẩu đã được gửi');
    const oobCode = await oobCodeFor(email, 'PASSWORD_RESET');
    await page.goto(`${HOSTING_URL}/dang-nhap/?mode=resetPassword&oobCode=${oobCode}`);
    await page.locator('#new-password-form').waitFor();
    await page.fill('#new-password', 'ngan');
    await page.click('#new-password-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'action-output')).toContain('ít nhất 8 ký tự');
    await page.fill('#new-password', 'mat-khau-moi-2');
    await page.click('#new-password-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'action-output')).toContain('Đã đổi mật khẩu');
    await page.goto(`${HOSTING_URL}/dang-nhap/?mode=resetPassword&oobCode=${oobCode}`);
    await expect.poll(() => statusOf(page, 'action-output')).toContain('đã hết hạn hoặc đã được dùng');

    await page.goto(`${HOSTING_URL}/dang-nhap/?next=/ho-so/`);
    await page.fill('#email-address', email);
    await page.fill('#email-password', 'mat-khau-moi-1');
    await page.click('#email-form button[type="submit"]');
    await expect.poll(() => statusOf(page, 'email-output')).toContain('Email hoặc mật khẩu không đúng');
    await page.fill('#email-password', 'mat-khau-moi-2');
    await page.click('#email-form button[type="submit"]');
    await page.waitForURL(`${HOSTING_URL}/ho-so/`);
    await page.locator('#account-section').waitFor();
    await page.context().close();
  });
});

describe('phone sign-in', () => {
  it('refuses a bad number and a wrong code, says when attempts are throttled, then signs in', async () => {
    const page = await fresh();
    const phone = `+8498${String(Date.now()).slice(-7)}`;
    await page.goto(`${HOSTING_URL}/dang-nhap/?cach=phone&next=/ho-so/`);
    await page.fill('#phone-number', '0212 345 678');
    await page.click('#phone-send');
    await expect.poll(() => statusOf(page, 'phone-output')).toContain('Số di động Việt Nam không hợp lệ');

    // The Auth service's answer when a number asks too often (the emulator never throttles): the page says
    // to wait, in Vietnamese.
    await page.route('**/accounts:sendVerificationCode**', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 400, message: 'TOO_MANY_ATTEMPTS_TRY_LATER', errors: [] } }) }),
    );
    await page.fill('#phone-number', `0${phone.slice(3)}`);
    await page.click('#phone-send');
    await expect.poll(() => statusOf(page, 'phone-output')).toContain('Bạn đã thử quá nhiều lần');
    await page.unroute('**/accounts:sendVerificationCode**');

    await page.click('#phone-send');
    await page.locator('#phone-code-block:not([hidden])').waitFor();
    await page.fill('#phone-code', '000000');
    await page.click('#phone-confirm');
    await expect.poll(() => statusOf(page, 'phone-output')).toContain('Mã xác thực không đúng');
    await page.fill('#phone-code', await smsCodeFor(phone));
    await page.click('#phone-confirm');
    await page.waitForURL(`${HOSTING_URL}/ho-so/`);
    await expect.poll(() => page.locator('#account-method').textContent()).toContain('số điện thoại');
    await page.context().close();
  });
});

describe('VNeID sign-in (the local stand-in)', () => {
  it('signs in through the provider’s pages and shows the verified ID number', async () => {
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await page.locator('#sign-in-form').waitFor();
    await page.click('#sign-in-vneid');
    await page.locator('#vneid-sign-in').click();
    // The stand-in's development pages (oidc-provider): the login is the ID number, then consent.
    await page.locator('input[name="login"]').waitFor();
    await page.fill('input[name="login"]', '052170009876');
    await page.fill('input[name="password"]', 'bat-ky');
    await page.click('button[type="submit"]');
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    await page.waitForURL(`${HOSTING_URL}/ho-so/`);
    await expect.poll(() => page.locator('#account-vneid').textContent()).toContain('052170009876');
    expect(await page.locator('#account-method').textContent()).toContain('VNeID');
    await page.context().close();
  });

  it('a replayed return link is refused with the way to start again', async () => {
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/dang-nhap/vneid?code=abc&state=${'s'.repeat(32)}`);
    await expect.poll(() => statusOf(page, 'vneid-output')).toContain('đã hết hạn hoặc đã được dùng');
    expect(await page.locator('a[href="/dang-nhap/"]').count()).toBe(1);
    await page.context().close();
  });
});

describe('applying with a VNeID-verified account', () => {
  it('refuses an application under another ID number beside the field and files nothing', async () => {
    const { db } = admin();
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/nop-ho-so/1.012792`);
    await page.locator('#sign-in-form').waitFor();
    await page.click('#sign-in-vneid');
    await page.locator('#vneid-sign-in').click();
    await page.locator('input[name="login"]').waitFor();
    await page.fill('input[name="login"]', '038085004321');
    await page.fill('input[name="password"]', 'bat-ky');
    await page.click('button[type="submit"]');
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    await page.waitForURL(`${HOSTING_URL}/nop-ho-so/1.012792`);
    await page.locator('#step-agency').waitFor();
    await page.click('#agency-0');
    await page.click('#next');
    await page.locator('#step-applicant').waitFor();
    // The verified number is filled in (the account's first request linked it); the applicant types someone else's.
    expect(await page.inputValue('#idNumber')).toBe('038085004321');
    const uid = await eventually(async () => (await db.doc('vneidIdentities/038085004321').get()).get('uid') as string | undefined, 'the VNeID identity linked to the account');
    const filed = async () => (await db.collection('dossiers').where('ownerUserId', '==', uid).get()).size;
    const before = await filed();
    await page.fill('#fullName', 'Trần Văn Bình');
    await page.fill('#idNumber', '079190001234');
    await page.fill('#phone', '0912 000 111');
    await page.fill('#addressLine', '3 Nguyễn Huệ');
    await page.selectOption('#communeName', 'Phường Đông Thành');
    await page.click('#next');
    await page.locator('#step-documents').waitFor();
    await page.setInputFiles('#files-renewal-application', { name: 'don.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('#uploaded-renewal-application li').waitFor();
    await page.setInputFiles('#files-certificate', { name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('#uploaded-certificate li').waitFor();
    await page.click('#next');
    await page.locator('#step-delivery').waitFor();
    await page.check('#delivery-desk');
    await page.click('#next');
    await page.locator('#step-check').waitFor();
    await page.click('#submit');

    await page.locator('#step-applicant .error-summary').waitFor();
    expect(await page.locator('#idNumber-error').textContent()).toContain('không khớp với tài khoản định danh điện tử');
    expect(await page.locator('#idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(describeViolations(await checkPage(page, 'nop-ho-so-vneid-mismatch'))).toBe('');
    // (The English wording of the same refusal is checked in test/emulator/vneid.test.ts.)
    expect(await filed()).toBe(before);
    await page.context().close();
  });
});

describe('personal data on /ho-so/', () => {
  it('consent unlocks the profile, bad input is refused per field, withdrawal erases it; download and requests', async () => {
    const { auth } = admin();
    const email = `rieng-tu-${RUN}@example.vn`;
    await auth.createUser({ email, password: 'mat-khau-rieng-1', emailVerified: true });
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/ho-so/`);
    await signInCitizen(page, { email, password: 'mat-khau-rieng-1' });
    await page.locator('#notice-acknowledge').click();
    await page.locator('#consents').waitFor();
    // Nothing pre-ticked; saving the profile waits for consent.
    expect(await page.isChecked('#consent-profile')).toBe(false);
    expect(await page.isChecked('#consent-satisfactionSurvey')).toBe(false);
    expect(await page.isDisabled('#profile-save')).toBe(true);
    await page.check('#consent-profile');
    await expect.poll(() => page.isDisabled('#profile-save')).toBe(false);

    await page.fill('#profile-fullName', 'Đặng Thu Trang');
    await page.fill('#profile-idNumber', '123');
    await page.fill('#profile-phone', '0977 111 222');
    await page.fill('#profile-line', '9 Lý Thường Kiệt');
    await page.fill('#profile-commune', 'Phường Đông Thành');
    await page.click('#profile-save');
    await page.locator('#profile-idNumber-error').waitFor();
    expect(await page.locator('#profile-idNumber-error').textContent()).toContain('12 chữ số');
    await page.fill('#profile-idNumber', '034190002468');
    await page.click('#profile-save');
    await expect.poll(() => page.locator('#profile-status').textContent()).toContain('Đã lưu hồ sơ cá nhân');
    expect(describeViolations(await checkPage(page, 'ho-so-privacy'))).toBe('');

    // Withdrawing is one click, like giving: the profile is gone.
    await page.uncheck('#consent-profile');
    await expect.poll(() => page.locator('#privacy-status').textContent()).toContain('Đã rút lại');
    await expect.poll(() => page.inputValue('#profile-idNumber')).toBe('');

    const download = page.waitForEvent('download');
    await page.click('#export-my-data');
    const file = await (await download).path();
    const data = JSON.parse(await readFile(file!, 'utf8')) as { account: { email: string }; consentLog: { purpose: string; granted: boolean }[] };
    expect(data.account.email).toBe(email);
    expect(data.consentLog.map((c) => c.granted).sort()).toEqual([false, true]);

    await page.click('#send-data-request');
    await page.locator('.error-summary').waitFor();
    await page.check('#request-kind-deletion');
    expect(await page.locator('#deletion-scope').textContent()).toContain('được giữ');
    await page.fill('#request-details', 'Xin xóa tài khoản của tôi');
    await page.click('#send-data-request');
    await page.locator('#data-requests li[data-status="open"]').waitFor();
    expect(await page.locator('#data-requests').textContent()).toContain('Xóa dữ liệu và tài khoản');
    await page.context().close();
  });
});

describe('an organisation applicant in the wizard', () => {
  it('refuses a tax code whose check digit is wrong, beside the field, and goes on once it is right', async () => {
    const { auth } = admin();
    const email = `to-chuc-${RUN}@example.vn`;
    await auth.createUser({ email, password: 'mat-khau-to-chuc', emailVerified: true });
    const page = await fresh();
    await page.goto(`${HOSTING_URL}/nop-ho-so/1.012792`);
    await signInCitizen(page, { email, password: 'mat-khau-to-chuc' });
    await page.locator('#step-agency').waitFor();
    await page.click('#agency-0');
    await page.click('#next');
    await page.locator('#step-applicant').waitFor();
    expect(await page.locator('#privacy-notice-details').count()).toBe(1);
    await page.check('#applicant-kind-organisation');
    await page.locator('#taxCode').waitFor();
    await page.fill('#orgName', 'Công ty TNHH Nông sản Bình An');
    await page.fill('#taxCode', '0100109107');
    await page.fill('#repName', 'Trương Văn Đạt');
    await page.fill('#repTitle', 'Giám đốc');
    await page.fill('#phone', '0903 111 222');
    await page.fill('#addressLine', 'Khu công nghiệp Tân Lập');
    await page.selectOption('#communeName', 'Xã Tân Lập');
    await page.click('#next');
    await page.locator('#taxCode-error').waitFor();
    expect(await page.locator('#taxCode-error').textContent()).toContain('chữ số kiểm tra');
    expect(describeViolations(await checkPage(page, 'nop-ho-so-organisation'))).toBe('');
    await page.fill('#taxCode', '0100109106');
    await page.click('#next');
    await page.locator('#step-documents').waitFor();
    await page.context().close();
  });
});
