// The citizen's journey in a real browser against the emulators: find a procedure, read its details,
// sign in and apply (with a file, field errors, a saved draft resumed after a reload, check-your-answers),
// follow the dossier live, answer a supplement request, and rate once the result is returned. Officer
// steps go through the HTTP API with test identities.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { act as applyAction, type Action } from '../support/api.js';
import { admin, eventually, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const PROCEDURE = '1.012792'; // Cấp đổi Giấy chứng nhận quyền sử dụng đất: province level, 2 documents, 50,000 đ
const PHONE = { width: 360, height: 740 };
const RUN = Date.now().toString(36);
const CITIZEN = { email: `citizen-${RUN}@example.vn`, password: 'mat-khau-rat-dai-1' };

/** A minimal valid one-page PDF (the server checks the content, not the name). */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 100 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let citizenUid: string;
let dossier: { id: string; code: string };

/** An officer's step through the HTTP API, at the version the dossier has now (the citizen's steps go through the page). */
async function act(as: TestIdentity, action: Action): Promise<number> {
  const { db } = admin();
  const version = ((await db.doc(`dossiers/${dossier.id}`).get()).get('version') as number) ?? 0;
  return (await applyAction({ id: dossier.id, version }, as, action, `cp-${RUN}-${action.type}-${version}`)).version;
}

async function expectAccessible(name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  citizenUid = (await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Lê Thị Thu', emailVerified: true })).uid;
  browser = await launchBrowser();
  // One browser context for the whole journey: the sign-in and language choice carry over like a real phone.
  context = await browser.newContext({ viewport: PHONE });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await context.newPage();
});
afterEach(async () => {
  await page?.close();
});

describe('landing page /', () => {
  it('shows the header, the search form and the catalogue listed before any script runs, and ships little JavaScript', async () => {
    // The api function sends the landing page with the catalogue in it (docs/adr/0014): a phone without
    // (or still waiting for) the script can already open a procedure.
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const bare = await noJs.newPage();
    await bare.goto(`${HOSTING_URL}/`);
    expect(await bare.locator('h1').textContent()).toBe('Thủ tục hành chính');
    expect(await bare.locator('#search-form #q').count()).toBe(1);
    expect(await bare.locator('#catalog[data-state="ok"] a[href^="/thu-tuc/"]').count()).toBeGreaterThan(0);
    expect(await bare.locator(`#catalog a[href="/thu-tuc/${PROCEDURE}"]`).textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await noJs.close();

    let scriptBytes = 0;
    const scripts: string[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') {
        scripts.push(res.url());
        void res.body().then((b) => (scriptBytes += b.length));
      }
    });
    await page.goto(`${HOSTING_URL}/`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    // Uncompressed: the Firebase SDK or zod alone would be far larger than this.
    expect(scriptBytes).toBeLessThan(40_000);
    await expectAccessible('portal-catalogue-phone');
  });

  it('finds a procedure by its unaccented name and by field, and says when nothing matches', async () => {
    await page.goto(`${HOSTING_URL}/`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    await page.fill('#q', 'cap doi giay chung nhan quyen su dung dat');
    await expect.poll(() => page.locator('#catalog li').count()).toBe(1);
    expect(await page.locator('#catalog li a').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('#catalog li a').getAttribute('href')).toBe(`/thu-tuc/${PROCEDURE}`);
    expect(page.url()).toContain('q=cap+doi');

    await page.fill('#q', 'dat dai');
    await page.selectOption('#field', 'land');
    await expect.poll(() => page.locator('#catalog li').count()).toBeGreaterThan(0);
    const land = await page.locator('#catalog li .meta').allTextContents();
    expect(land.every((m) => m.startsWith('Đất đai'))).toBe(true);

    await page.fill('#q', '');
    await page.selectOption('#field', 'civilStatus');
    await expect.poll(() => page.locator('#catalog li a').allTextContents()).toContain('Đăng ký khai sinh');
    expect(await page.locator('#catalog li a').allTextContents()).not.toContain('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await expectAccessible('portal-filtered-civil-status');

    // By level of government: birth registration is a commune matter, the land certificate a province one.
    await page.selectOption('#field', '');
    expect(await page.locator('#level-filter').isVisible()).toBe(true);
    await page.selectOption('#level', 'commune');
    await expect.poll(() => page.locator('#catalog li a').allTextContents()).toContain('Đăng ký khai sinh');
    expect(await page.locator('#catalog li a').allTextContents()).not.toContain('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await page.selectOption('#level', 'province');
    await expect.poll(() => page.locator('#catalog li a').allTextContents()).toContain('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('#catalog li a').allTextContents()).not.toContain('Đăng ký khai sinh');
    await page.selectOption('#level', '');

    await page.fill('#q', 'khong co thu tuc nay');
    await expect.poll(() => page.locator('#result-count').textContent()).toContain('Không tìm thấy thủ tục nào');
    await expectAccessible('portal-no-result');
  });

  it('switches to English', async () => {
    await page.goto(`${HOSTING_URL}/?q=khai+sinh`);
    await page.locator('#catalog[data-state="ok"]').waitFor();
    await page.click('#lang-switch');
    expect(await page.locator('h1').textContent()).toBe('Administrative procedures');
    expect(await page.locator('label[for="q"]').textContent()).toBe('Search for a procedure by name');
    await expect.poll(() => page.locator('#catalog li a').allTextContents()).toContain('Birth registration');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible('portal-english');
    await page.click('#lang-switch'); // back to Vietnamese for the rest of the journey
    expect(await page.locator('h1').textContent()).toBe('Thủ tục hành chính');
  });
});

describe('procedure details /thu-tuc/<code>', () => {
  it('shows the documents, the fee, the legal time in plain words, where to submit and the apply button', async () => {
    await page.goto(`${HOSTING_URL}/thu-tuc/${PROCEDURE}`);
    await page.locator('#app[data-state="ok"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    const components = await page.locator('#components li').allTextContents();
    expect(components).toHaveLength(2);
    expect(components[0]).toContain('Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)');
    expect(components[0]).toContain('1 bản chính');
    expect(await page.locator('#fees').textContent()).toContain('50.000 đ');
    expect(await page.locator('#legal-time').textContent()).toBe('7 ngày làm việc');
    expect(await page.locator('.explain').textContent()).toContain('không tính thứ Bảy, Chủ nhật');
    expect(await page.locator('#agencies').textContent()).toContain('Trung tâm Phục vụ hành chính công tỉnh Bình An');
    expect(await page.locator('#legal-basis').textContent()).toContain('Luật Đất đai năm 2024');
    expect(await page.locator('#apply-link').getAttribute('href')).toBe(`/nop-ho-so/${PROCEDURE}`);
    await expectAccessible('procedure-detail-phone');
  });

  it('says so when the code is unknown', async () => {
    await page.goto(`${HOSTING_URL}/thu-tuc/9.999999`);
    await page.locator('#app[data-state="error"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy thủ tục');
    await expectAccessible('procedure-not-found');
  });
});

describe('applying online /nop-ho-so/<code>', () => {
  it('signs in, fills every step with an attachment, shows field errors, saves a draft that survives a reload, and submits', async () => {
    await page.goto(`${HOSTING_URL}/nop-ho-so/${PROCEDURE}`);
    await page.locator('#sign-in-form').waitFor();
    await expectAccessible('apply-sign-in');
    await signInCitizen(page, { email: CITIZEN.email, password: 'not-the-password' });
    await page.locator('#sign-in-output[data-state="error"]').waitFor();
    await signInCitizen(page, CITIZEN);

    // Step 1: the receiving agency (the only province desk is chosen already).
    await page.locator('#step-agency').waitFor();
    expect(await page.locator('#agency-0').isChecked()).toBe(true);
    await expectAccessible('apply-agency');
    await page.click('#next');

    // Step 2: the applicant, with a CCCD that is too short (caught here) and a phone the server refuses.
    await page.locator('#step-applicant').waitFor();
    await page.fill('#fullName', 'Lê Thị Thu');
    await page.fill('#idNumber', '07919000');
    await page.fill('#phone', '0112345678');
    await page.fill('#email', 'thu.le@example.vn');
    await page.fill('#addressLine', '12 đường Hòa Bình');
    await page.selectOption('#communeName', 'Phường Đông Thành');
    await page.click('#next');
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#idNumber-error').textContent()).toContain('Số căn cước công dân gồm đúng 12 chữ số');
    expect(await page.locator('#idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#idNumber');
    await expectAccessible('apply-applicant-errors');
    await page.fill('#idNumber', '079190001234');
    await page.click('#next');

    // Step 3: documents. A text file is refused before upload; PDFs upload with progress.
    await page.locator('#step-documents').waitFor();
    await page.setInputFiles('#files-renewal-application', { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
    expect(await page.locator('#files-renewal-application-error').textContent()).toContain('không phải PDF, JPEG hoặc PNG');
    await page.click('#next');
    expect(await page.locator('#files-certificate-error').textContent()).toContain('Tải lên bản chụp hoặc bản quét');
    await page.setInputFiles('#files-renewal-application', { name: 'don-11-dk.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Don dang ky') });
    await page.locator('#uploaded-renewal-application li').waitFor();
    await page.setInputFiles('#files-certificate', { name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Giay chung nhan') });
    await page.locator('#uploaded-certificate li').waitFor();
    expect(await page.locator('#uploaded-certificate').textContent()).toContain('giay-chung-nhan.pdf');
    await expectAccessible('apply-documents');
    await page.click('#next');

    // Step 4: result delivery, then the check page.
    await page.locator('#step-delivery').waitFor();
    await expectAccessible('apply-delivery');
    await page.check('#delivery-online');
    await page.click('#next');
    await page.locator('#step-check').waitFor();
    expect(await page.locator('[data-testid="check-id"]').textContent()).toBe('079190001234');

    // The draft is in Firestore; a reload offers to resume it.
    const { db } = admin();
    const drafts = await eventually(async () => {
      const snap = await db.collection('drafts').where('ownerUserId', '==', citizenUid).get();
      return snap.docs.find((d) => d.get('resultDelivery') === 'online');
    }, 'the saved draft');
    expect(drafts.get('applicant.identity.number')).toBe('079190001234');
    await page.reload();
    await page.locator('#resume').waitFor();
    await expectAccessible('apply-resume');
    await page.click('#resume-draft');
    await page.locator('#step-check').waitFor();
    expect(await page.locator('[data-testid="check-documents"]').textContent()).toContain('don-11-dk.pdf');
    await expectAccessible('apply-check');

    // The server refuses the phone: the error is shown beside the phone input, on the applicant step.
    await page.click('#submit');
    await page.locator('#step-applicant .error-summary').waitFor();
    expect(await page.locator('#phone-error').textContent()).toContain('Số di động Việt Nam không hợp lệ');
    await expectAccessible('apply-server-field-error');
    // Switching the language keeps the server's error on screen, in the other language, and back again.
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('#phone-error').textContent()).toContain('invalid Vietnamese mobile number');
    expect(await page.locator('#phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#step-applicant .error-summary a').first().getAttribute('href')).toBe('#phone');
    expect(await page.inputValue('#fullName')).toBe('Lê Thị Thu');
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('#phone-error').textContent()).toContain('Số di động Việt Nam không hợp lệ');
    expect(await page.locator('#phone').getAttribute('aria-invalid')).toBe('true');
    await page.fill('#phone', '0912 345 678');
    expect(await page.locator('#next').textContent()).toBe('Lưu và quay lại trang kiểm tra');
    await page.click('#next');
    await page.locator('#step-check').waitFor();

    // A "change" link goes to the step and back to the check page.
    await page.click('[data-testid="check-delivery"] + dd a.change');
    await page.locator('#step-delivery').waitFor();
    await page.check('#delivery-desk');
    await page.click('#next');
    await page.locator('#step-check').waitFor();
    expect(await page.locator('[data-testid="check-delivery"]').textContent()).toBe('Nhận trực tiếp tại Bộ phận Một cửa');

    await page.click('#submit');
    await page.locator('#submitted').waitFor();
    const code = (await page.locator('[data-testid="dossier-code"]').textContent()) ?? '';
    expect(code).toMatch(/^000\.00\.01\.H99-\d{6}-\d{4}$/);
    expect(await page.locator('[data-testid="due"]').textContent()).toContain('7 ngày làm việc');
    const href = (await page.locator('#dossier-link').getAttribute('href')) ?? '';
    dossier = { id: href.replace('/ho-so/', ''), code };
    await expectAccessible('apply-submitted');

    const stored = await db.doc(`dossiers/${dossier.id}/private/personal`).get();
    expect(stored.get('applicant.phone')).toBe('+84912345678');
    expect((stored.get('components') as { attachments: unknown[] }[]).map((c) => c.attachments.length)).toEqual([1, 1]);
    expect((await db.collection('drafts').where('ownerUserId', '==', citizenUid).get()).size).toBe(0);
  });
});

describe('my dossiers /ho-so/', () => {
  it('lists the dossier and follows it live; the citizen answers a supplement request in the page', async () => {
    await page.goto(`${HOSTING_URL}/ho-so/`);
    const item = page.locator(`#dossier-list li[data-code="${dossier.code}"]`);
    await item.waitFor();
    expect(await item.locator('[data-testid="status"]').textContent()).toBe('Mới đăng ký');
    expect(await item.textContent()).toContain('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await expectAccessible('my-dossiers-list');

    await act(IDENTITIES.receptionistX, {
      type: 'requestSupplement',
      items: [{ componentId: 'certificate', name: 'Giấy chứng nhận đã cấp', problem: 'Bản chụp bị mờ, không đọc được số vào sổ' }],
      reason: 'Bản chụp Giấy chứng nhận không rõ',
    });
    await expect.poll(() => item.getAttribute('data-status')).toBe('awaitingSupplement');
    expect(await item.locator('[data-testid="status"]').textContent()).toBe('Yêu cầu bổ sung');

    // The list says what to do now, and keeps the code whole.
    expect(await item.locator('[data-testid="to-do"]').textContent()).toContain('Cần bổ sung giấy tờ');
    expect(await item.locator('.due').getAttribute('data-due')).toBe('none');
    await page.click(`#dossier-list li[data-code="${dossier.code}"] a.procedure`);
    await page.locator('#supplement-form').waitFor();
    expect(await page.locator('[data-testid="supplement-reason"]').textContent()).toBe('Bản chụp Giấy chứng nhận không rõ');
    expect(await page.locator('#supplement-form').textContent()).toContain('Bản chụp bị mờ, không đọc được số vào sổ');
    await expectAccessible('my-dossier-supplement');
    await page.click('#send-supplement');
    expect(await page.locator('#supplement-files-0-error').textContent()).toContain('Tải lên: Giấy chứng nhận đã cấp');
    await page.setInputFiles('#supplement-files-0', { name: 'giay-chung-nhan-ro.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Ban ro net') });
    await page.locator('[data-item="certificate"] ul.files li').waitFor();
    await page.click('#send-supplement');
    await page.locator('#dossier-message[data-state="ok"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="status"]').textContent()).toBe('Mới đăng ký');
    const personal = await admin().db.doc(`dossiers/${dossier.id}/private/personal`).get();
    const certificate = (personal.get('components') as { componentId: string; attachments: { fileName: string }[] }[]).find((c) => c.componentId === 'certificate')!;
    expect(certificate.attachments.map((a) => a.fileName)).toEqual(['giay-chung-nhan.pdf', 'giay-chung-nhan-ro.pdf']);

    // Received: the due date and its explanation appear live, with the timeline.
    await act(IDENTITIES.receptionistX, { type: 'receive' });
    await expect.poll(() => page.locator('[data-testid="status"]').textContent()).toBe('Đã tiếp nhận');
    expect(await page.locator('[data-testid="explanation"]').textContent()).toContain('7 ngày làm việc');
    // In plain steps from the citizen's side, not the officers' button labels.
    expect(await page.locator('#timeline li').allTextContents()).toEqual([
      expect.stringContaining('Bạn đã nộp hồ sơ trực tuyến'),
      expect.stringContaining('Cơ quan đề nghị bạn bổ sung giấy tờ'),
      expect.stringContaining('Bạn đã gửi giấy tờ bổ sung'),
      expect.stringContaining('Hồ sơ đã được tiếp nhận'),
    ]);
    await expectAccessible('my-dossier-received');

    // The receipt (form 01), made by the slip trigger, is listed and downloads with the citizen's token.
    const receipt = page.locator('#slips button[data-slip^="01-"]');
    await receipt.waitFor({ timeout: 20_000 });
    await receipt.click();
    await page.locator('#slip-status[data-state="ok"]').waitFor();
    expect(await page.locator('#slip-status').textContent()).toMatch(/Đã tải phiếu \(\d+ KB\)/);
    await expectAccessible('my-dossier-slips');
  });
});

describe('rating /danh-gia/<code>', () => {
  it('is refused before the result is returned; from the receipt QR it submits once, then says it is already rated', async () => {
    // The owner, signed in, before the result is returned.
    await page.goto(`${HOSTING_URL}/danh-gia/${dossier.code}`);
    await page.locator('#app[data-state="form"]').waitFor();
    await page.click('#send-rating');
    expect(await page.locator('#satisfaction-error').textContent()).toContain('Chọn một mức độ hài lòng');
    await expectAccessible('rating-errors');
    await page.check('#satisfaction-satisfied');
    await page.check('#complaint');
    await page.click('#send-rating');
    await page.locator('#app[data-state="notRateable"]').waitFor();
    expect(await page.locator('#outcome').textContent()).toContain('sau khi đã trả kết quả');
    await expectAccessible('rating-not-rateable');

    await act(IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    await act(IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Cấp đổi Giấy chứng nhận' });
    await act(IDENTITIES.receptionistX, { type: 'returnResult', via: 'desk' });

    // From the receipt's QR code (token): the procedure and status, the scale, the attitude question.
    const token = signLookupToken(dossier.id, lookupSecret());
    await page.goto(`${HOSTING_URL}/danh-gia/${dossier.code}?t=${token}`);
    await page.locator('#app[data-state="form"]').waitFor();
    expect(await page.locator('[data-testid="procedure"]').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã trả kết quả');
    expect(await page.locator('#rating-form legend').first().textContent()).toBe('Bạn hài lòng thế nào với việc giải quyết hồ sơ?');
    expect(await page.locator('input[name="satisfaction"]').count()).toBe(5);
    await page.check('#satisfaction');
    await page.check('#complaint');
    await page.fill('#comment', 'Cán bộ hướng dẫn tận tình.');
    await expectAccessible('rating-form');
    await page.click('#send-rating');
    await page.locator('#app[data-state="thanks"]').waitFor();
    await expectAccessible('rating-thanks');
    const rating = await admin().db.doc(`ratings/${dossier.id}`).get();
    expect(rating.get('satisfaction')).toBe('verySatisfied');

    // The same QR again: already rated, said at once.
    await page.goto(`${HOSTING_URL}/danh-gia/${dossier.code}?t=${token}`);
    await page.locator('#app[data-state="alreadyRated"]').waitFor();
    expect(await page.locator('#outcome').textContent()).toContain('đã được đánh giá');
    await expectAccessible('rating-already-rated');

    // From My dossiers (owner, no token): the server answers that it is rated already.
    await page.goto(`${HOSTING_URL}/ho-so/${dossier.id}`);
    await page.locator('#rate-link').waitFor();
    await page.click('#rate-link');
    await page.locator('#app[data-state="form"]').waitFor();
    await page.check('#satisfaction-neutral');
    await page.check('#complaint');
    await page.click('#send-rating');
    await page.locator('#app[data-state="alreadyRated"]').waitFor();
  });
});
