// The desk kiosk in a real browser on a landscape tablet: IT signs it in with the kiosk account, a
// citizen scans the receipt QR of a dossier whose result was returned, rates it, sees the thank-you
// screen, and the screen clears itself; a citizen who types the code instead proves holding the receipt
// with its printed rating code (issue 12, finding 3) before any form; a dossier already rated says so
// before the form (issue 20); errors go once fixed; "Tiếp tục" is in view at 1280×800; an officer's
// session on the kiosk page never collects ratings.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRatingCode, ratingCodeOf, signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import type { RatingState } from '../../functions/src/contract/index.js';
import { act as applyAction, api, landRenewal, submit, type Action, type DossierRef } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const KIOSK = { email: 'kiosk.tinh@motcua.demo', password: 'motcua-demo' };
const OFFICER = { email: 'tiepnhan.tinh@motcua.demo', password: 'motcua-demo' };
const TABLET = { width: 1280, height: 800 };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let returned: { id: string; code: string };
const runId = Date.now().toString(36);
let n = 0;

async function act(id: string, version: number, as: TestIdentity, action: Action): Promise<number> {
  return (await applyAction({ id, version }, as, action, `kiosk-${runId}-${n++}`)).version;
}

/** A land-certificate renewal submitted online and driven through the HTTP API to "result returned". */
async function returnedDossier(): Promise<DossierRef> {
  const dossier = await submit(landRenewal(`kiosk-${runId}-${n++}`, { kind: 'person', fullName: 'Đinh Văn Khải', identity: { kind: 'citizenId', number: '038187004455' }, phone: '0977000222', address: { line: '8 Trần Phú', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } }));
  let v = await act(dossier.id, dossier.version, IDENTITIES.receptionistX, { type: 'receive' });
  v = await act(dossier.id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
  v = await act(dossier.id, v, IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Đã cấp đổi' });
  await act(dossier.id, v, IDENTITIES.receptionistX, { type: 'returnResult', via: 'desk' });
  return dossier;
}

/** The rating state the lookup's full view gives with the receipt's token (undefined in the basic view). */
async function lookupRating(code: string, token: string): Promise<RatingState | undefined> {
  const { body } = await api('lookup', { params: { code }, query: { t: token } });
  return body.view === 'full' ? body.rating : undefined;
}

async function expectClean(name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

/** The control is wholly inside the 1280×800 viewport, without scrolling. */
async function expectInView(selector: string): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(TABLET.height);
}

async function signIn(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.locator('#kiosk-signin').waitFor();
  await p.fill('#kiosk-email', account.email);
  await p.fill('#kiosk-password', account.password);
  await p.click('#kiosk-signin button[type="submit"]');
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  returned = await returnedDossier();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('desk kiosk /kiosk/', () => {
  it('is signed in once by IT with the kiosk account, and stays signed in', async () => {
    await page.goto(`${HOSTING_URL}/kiosk/`);
    await page.locator('#kiosk-signin').waitFor();
    await expectClean('kiosk-setup');
    await signIn(page, { ...KIOSK, password: 'wrong-password' });
    await page.locator('#kiosk-signin-status:has-text("Sai thư điện tử hoặc mật khẩu.")').waitFor();
    await signIn(page, KIOSK);
    await page.locator('#kiosk-code').waitFor();
    await page.reload();
    await page.locator('#kiosk-code').waitFor(); // persisted on the device
    await expectClean('kiosk-start');
    await expectInView('#kiosk-go');
  });

  it('a scanned receipt QR is rated, thanked, and the screen clears itself', async () => {
    const token = signLookupToken(returned.id, lookupSecret());
    expect(await lookupRating(returned.code, token)).toEqual({ rateable: true, rated: false });
    // A handheld scanner "types" the QR address, then Enter.
    await page.locator('#kiosk-code').focus();
    await page.keyboard.type(`http://dichvucong.binhan.example/tra-cuu/${returned.code}?t=${token}`);
    await page.keyboard.press('Enter');
    await page.locator('#kiosk-rate').waitFor();
    expect(await page.locator('[data-testid="code"]').textContent()).toBe(returned.code);
    expect(await page.locator('[data-testid="procedure"]').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Đã trả kết quả');
    expect(await page.locator('.kiosk-level').count()).toBe(5);
    const box = await page.locator('.kiosk-level').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    expect(box!.width).toBeGreaterThanOrEqual(64);
    await expectClean('kiosk-rate');

    // Nothing chosen: a message next to each required choice.
    await page.click('#kiosk-submit');
    expect(await page.locator('#err-satisfaction').textContent()).toBe('Vui lòng chọn một mức độ hài lòng.');
    expect(await page.locator('#err-officerAttitudeComplaint').textContent()).toBe('Vui lòng chọn một trong hai ý về thái độ của cán bộ.');
    await expectClean('kiosk-rate-errors');
    // The staff question's answers say what they mean (not "Có / Không" to a question about complaints).
    expect(await page.locator('label[for="complaint-no"]').textContent()).toBe('Cán bộ có thái độ đúng mực — tôi không phản ánh');
    expect(await page.locator('label[for="complaint-yes"]').textContent()).toBe('Cán bộ có thái độ chưa đúng mực — tôi muốn phản ánh');

    // English on request, with the choices kept; a choice made clears its own error at once.
    await page.click('label[for="sat-satisfied"]');
    expect(await page.locator('#err-satisfaction').textContent()).toBe('');
    expect(await page.locator('#err-satisfaction').isVisible()).toBe(false);
    expect(await page.locator('#err-officerAttitudeComplaint').textContent()).not.toBe('');
    await page.click('#lang-switch');
    expect(await page.locator('label[for="sat-satisfied"]').textContent()).toContain('Satisfied');
    expect(await page.locator('#sat-satisfied').isChecked()).toBe(true);
    await expectClean('kiosk-rate-en');
    await page.click('#lang-switch');

    await page.click('label[for="complaint-no"]');
    await page.fill('#kiosk-comment', 'Cán bộ hướng dẫn tận tình.');
    await page.click('#kiosk-submit');
    await page.locator('[data-testid="thanks"]').waitFor();
    expect(await page.locator('[data-testid="thanks"] h2').textContent()).toBe('Cảm ơn ông/bà đã đánh giá!');
    await expectClean('kiosk-thanks');
    expect(await lookupRating(returned.code, token)).toEqual({ rateable: false, rated: true });

    // About 10 s without a touch: back to an empty start screen, nothing of this citizen left.
    await page.locator('#kiosk-code').waitFor({ timeout: 15_000 });
    expect(await page.inputValue('#kiosk-code')).toBe('');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(returned.code);
    expect(text).not.toContain('Cấp đổi');
  });

  it('a typed code asks for the receipt’s rating code first, and a dossier already rated says so before any form', async () => {
    // Digits only: the kiosk completes the code with its own agency.
    const [, date, seq] = /-(\d{6})-(\d{4})$/.exec(returned.code)!;
    for (const key of `${date}-${seq}`) await page.click(`#kiosk-start .kiosk-key:text-is("${key}")`);
    expect(await page.inputValue('#kiosk-code')).toBe(`${date}-${seq}`);
    await page.click('#kiosk-go');
    // A typed code proves nothing (codes are sequential): the receipt's rating code is asked for, no form yet.
    await page.locator('#kiosk-proof').waitFor();
    expect(await page.locator('#kiosk-rate').count()).toBe(0);
    await expectInView('#kiosk-proof-go');
    await page.click('#kiosk-proof-go');
    expect(await page.locator('#err-ratingCode').textContent()).toBe('Vui lòng nhập đủ 8 chữ số của mã đánh giá in trên giấy tiếp nhận.');
    expect(await page.getAttribute('#kiosk-rating-code', 'aria-invalid')).toBe('true');
    await expectClean('kiosk-rating-code-missing');
    // Typing clears the message: it was about what was there before.
    await page.click('#kiosk-proof .kiosk-key:text-is("1")');
    expect(await page.locator('#err-ratingCode').textContent()).toBe('');
    expect(await page.getAttribute('#kiosk-rating-code', 'aria-invalid')).toBeNull();
    const ratingCode = ratingCodeOf(returned.id, lookupSecret());
    const wrong = ratingCode === '00000000' ? '11111111' : '00000000';
    await page.fill('#kiosk-rating-code', wrong);
    await page.click('#kiosk-proof-go');
    await page.locator('#err-ratingCode:has-text("Mã đánh giá không khớp")').waitFor();
    await expectClean('kiosk-rating-code-wrong');
    await page.fill('#kiosk-rating-code', formatRatingCode(ratingCode)); // as printed: "1234 5678"
    await page.click('#kiosk-proof-go');
    await page.locator('[data-testid="already-rated"]').waitFor();
    expect(await page.locator('[data-testid="already-rated"] h2').textContent()).toBe('Hồ sơ này đã được đánh giá');
    await expectClean('kiosk-already-rated');
    await page.click('[data-testid="already-rated"] button');
    await page.locator('#kiosk-code').waitFor();
  });

  it('a scanned QR of a dossier already rated says so at once, without a form', async () => {
    await page.locator('#kiosk-code').focus();
    await page.keyboard.type(`http://dichvucong.binhan.example/tra-cuu/${returned.code}?t=${signLookupToken(returned.id, lookupSecret())}`);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="already-rated"]').waitFor();
    expect(await page.locator('#kiosk-rate').count()).toBe(0);
    await page.click('[data-testid="already-rated"] button');
    await page.locator('#kiosk-code').waitFor();
  });

  it('a citizen without the QR types the code and the receipt’s rating code, sees the procedure, and rates', async () => {
    const other = await returnedDossier();
    await page.fill('#kiosk-code', other.code);
    await page.keyboard.press('Enter');
    await page.locator('#kiosk-proof').waitFor();
    await page.fill('#kiosk-rating-code', ratingCodeOf(other.id, lookupSecret()));
    await page.keyboard.press('Enter');
    await page.locator('#kiosk-rate').waitFor();
    // The procedure is named (the rating code proved the receipt, so the kiosk may show it).
    expect(await page.locator('[data-testid="procedure"]').textContent()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    await page.click('label[for="sat-verySatisfied"]');
    await page.click('label[for="complaint-no"]');
    await page.click('#kiosk-submit');
    await page.locator('[data-testid="thanks"]').waitFor();
    expect(await lookupRating(other.code, signLookupToken(other.id, lookupSecret()))).toEqual({ rateable: false, rated: true });
    await page.click('[data-testid="thanks"] button');
    await page.locator('#kiosk-code').waitFor({ timeout: 15_000 });
  });

  it('says so when the code is not a dossier code or unknown', async () => {
    await page.fill('#kiosk-code', '12345');
    await page.keyboard.press('Enter');
    await page.locator('#kiosk-code-error:has-text("Mã hồ sơ không hợp lệ")').waitFor();
    await page.fill('#kiosk-code', '000.00.01.H99-200101-9999');
    await page.keyboard.press('Enter');
    await page.locator('#kiosk-code-error:has-text("Không tìm thấy hồ sơ")').waitFor();
    expect(await page.getAttribute('#kiosk-code', 'aria-invalid')).toBe('true');
    await expectClean('kiosk-unknown-code');
    await expectInView('#kiosk-go');
    // Correcting the code clears the message.
    await page.press('#kiosk-code', 'Backspace');
    expect(await page.locator('#kiosk-code-error').textContent()).toBe('');
    expect(await page.getAttribute('#kiosk-code', 'aria-invalid')).toBeNull();
  });

  it('refuses to collect ratings in an officer’s session', async () => {
    const officerContext = await browser.newContext({ viewport: TABLET });
    const officerPage = await officerContext.newPage();
    try {
      await officerPage.goto(`${HOSTING_URL}/kiosk/`);
      await signIn(officerPage, OFFICER);
      await officerPage.locator('[data-testid="refused"]').waitFor();
      expect(await officerPage.locator('[data-testid="refused"]').textContent()).toContain('không phải tài khoản máy đánh giá');
      expect(await officerPage.locator('#kiosk-code').count()).toBe(0);
      expect(await officerPage.locator('#kiosk-rate').count()).toBe(0);
      expect(describeViolations(await checkPage(officerPage, 'kiosk-refused-officer'))).toBe('');
    } finally {
      await officerContext.close();
    }
  });
});
