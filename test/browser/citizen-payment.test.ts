// Paying a fee in the citizen portal, in a real browser against the emulators and the local stand-in
// (which plays the payment gateway and the collecting bank): the fee notice on My dossiers with its VietQR
// code, paid by a bank transfer from that code, then by the gateway's signed redirect and back; each time the
// e-receipt appears without a reload. Then the officer sees the payment and the sync status, and an
// administrator the province-wide sync health. Officer steps before the payment go through the HTTP API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QRPay } from 'vietnam-qr-pay';
import { loadDemoData } from '../../seed/load.js';
import { act, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { signInOfficer } from '../support/dashboard.js';
import { admin, eventually, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { bankTransfer, localParam } from '../support/portal.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `pay-${RUN}@example.vn`, password: 'mat-khau-rat-dai-3' };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let me: TestIdentity;
let paidByGateway: DossierRef | undefined;

/** A dossier of this citizen, received, assigned, and asked to pay the renewal fee (status 6). */
async function awaitingFee(amountVnd: number): Promise<DossierRef> {
  let d = await submit(landRenewal(rid('pay-submit')), me);
  d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
  d = await act(d, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
  return act(d, IDENTITIES.leadX, { type: 'requestPayment', amountVnd, description: 'Lệ phí cấp đổi Giấy chứng nhận' });
}

async function receipts(dossierId: string) {
  return (await admin().db.collection('receipts').where('dossierId', '==', dossierId).get()).docs.map((r) => r.data());
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  me = { uid: (await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Trần Thị Bích' })).uid };
  browser = await launchBrowser();
  // One context: the sign-in survives the trip to the gateway and back, as on a real phone.
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  await page.goto(`${HOSTING_URL}/ho-so/`);
  await signInCitizen(page, CITIZEN);
  await page.locator('#prefs-form').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('paying a fee on My dossiers', () => {
  it('by bank transfer: the notice shows the VietQR code of the amount and reference; the transfer brings the e-receipt live', async () => {
    const d = await awaitingFee(75_000);
    await page.goto(`${HOSTING_URL}/ho-so/${d.id}`);
    const notice = page.locator('#fee-notice[data-state="open"]');
    await notice.waitFor();
    expect(await page.locator('[data-testid="fee-amount"]').textContent()).toBe('75.000 đ');
    expect(await page.locator('[data-testid="fee-words"]').textContent()).toBe('Bảy mươi lăm nghìn đồng');
    const reference = (await page.locator('[data-testid="fee-reference"]').textContent())!;
    expect(reference).toBe(`${d.code.replace(/[.-]/g, '')}V${d.version}`);
    expect(await page.locator('[data-testid="qr-content"]').textContent()).toBe(reference);

    // The code the citizen scans: an SVG image, and the NAPAS payload it encodes pays this amount with this reference.
    const img = page.locator('#fee-qr img');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // The browser decoded the image (a broken data: URL has no width).
    expect(await img.evaluate((el) => { const i = el as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; })).toBe(true);
    const payload = (await img.getAttribute('data-payload'))!;
    const qr = new QRPay(payload);
    expect([qr.isValid, qr.consumer.bankNumber, qr.amount, qr.additionalData.purpose]).toEqual([true, localParam('FEE_ACCOUNT_NUMBER'), '75000', reference]);
    expect(await page.locator('#pay-gateway').isVisible()).toBe(true);
    expect(describeViolations(await checkPage(page, 'ho-so-fee-notice'))).toBe('');

    // The citizen's banking app pays it; the bank tells the system; the page shows the receipt without a reload.
    expect((await bankTransfer(payload)).answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const receipt = page.locator('#receipts article.receipt');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.locator('[data-testid="receipt-method"]').textContent()).toBe('Chuyển khoản ngân hàng (VietQR)');
    expect(await receipt.locator('[data-testid="receipt-words"]').textContent()).toBe('Bảy mươi lăm nghìn đồng');
    const [stored] = await receipts(d.id);
    expect(await receipt.getAttribute('data-receipt')).toBe(stored!.number);
    await page.locator('#fee-notice[data-state="paid"]').waitFor();
    expect(await page.locator('#fee-qr').count()).toBe(0);
    expect(await page.locator('#pay-gateway').count()).toBe(0);
    await eventually(async () => ((await page.locator('[data-testid="status"]').textContent()) === 'Đang xử lý' ? true : undefined), 'the dossier back in progress');
    expect(describeViolations(await checkPage(page, 'ho-so-fee-receipt'))).toBe('');
  });

  it('through the gateway: a signed redirect to the gateway, pay there, back with the verified result and the e-receipt', async () => {
    const d = await awaitingFee(50_000);
    await page.goto(`${HOSTING_URL}/ho-so/${d.id}`);
    await page.locator('#fee-notice[data-state="open"]').waitFor();
    await Promise.all([page.waitForURL((url) => url.href.startsWith(localParam('PAYMENT_GATEWAY_URL'))), page.click('#pay-gateway')]);
    // The gateway (the stand-in) accepted the signature: it shows the order.
    expect(await page.locator('#amount').textContent()).toBe('50.000 đ');
    expect(await page.locator('#order').textContent()).toBe(`${d.code.replace(/[.-]/g, '')}V${d.version}`);

    await Promise.all([page.waitForURL(`${HOSTING_URL}/ho-so/${d.id}**`), page.click('#pay')]);
    const back = page.locator('#payment-return');
    await back.waitFor();
    expect(await back.getAttribute('data-state')).toBe('ok');
    expect(await back.textContent()).toContain('Thanh toán thành công');
    // The result is dropped from the address once read: a reload does not show it again.
    await eventually(async () => (new URL(page.url()).search === '' ? true : undefined), 'the gateway’s parameters gone from the address');
    const receipt = page.locator('#receipts article.receipt');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.locator('[data-testid="receipt-method"]').textContent()).toBe('Thanh toán trực tuyến qua cổng thanh toán');
    expect(await receipt.locator('[data-testid="receipt-amount"]').textContent()).toBe('50.000 đ');
    const [stored] = await receipts(d.id);
    expect(stored).toMatchObject({ method: 'gateway', amountVnd: 50_000, payer: 'Nguyễn Thị Hoà' });
    expect(await receipt.getAttribute('data-receipt')).toBe(stored!.number);
    expect(describeViolations(await checkPage(page, 'ho-so-gateway-return'))).toBe('');
    paidByGateway = d;
  });

  it('a forged result on the address is shown as not valid, and changes nothing', async () => {
    const d = await awaitingFee(50_000);
    const reference = `${d.code.replace(/[.-]/g, '')}V${d.version}`;
    const forged = new URLSearchParams({ vnp_Amount: '5000000', vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: reference, vnp_TmnCode: 'MOTCUA01', vnp_SecureHash: 'ab'.repeat(64) });
    await page.goto(`${HOSTING_URL}/ho-so/${d.id}?${forged.toString()}`);
    const back = page.locator('#payment-return');
    await back.waitFor();
    expect(await back.getAttribute('data-state')).toBe('error');
    expect(await back.textContent()).toContain('sai chữ ký');
    await page.locator('#fee-notice[data-state="open"]').waitFor();
    expect(await receipts(d.id)).toEqual([]);
  });
});

describe('what officers see', () => {
  it('the desk sees the payment and the sync status of the dossier; an administrator the province-wide sync health', async () => {
    const d = paidByGateway;
    if (!d) throw new Error('the gateway payment test did not leave a paid dossier');
    const officer = await signInOfficer(browser, 'tiepnhan.tinh@motcua.demo');
    await officer.goto(`${HOSTING_URL}/can-bo/ho-so/${d.id}`);
    await officer.locator('#dossier-payment [data-testid="fee-state"]').waitFor();
    expect(await officer.locator('#dossier-payment [data-testid="fee-state"]').textContent()).toContain('Đã thanh toán');
    expect(await officer.locator('#dossier-payment .receipt-line').textContent()).toContain('50.000 đ');
    const sync = officer.locator('#dossier-sync [data-testid="sync-state"]');
    await sync.waitFor();
    expect(['Đã đồng bộ', 'Đang chờ gửi']).toContain(await sync.textContent());
    // Only administrators retry.
    expect(await officer.locator('#dossier-sync [data-action="retry-sync"]').count()).toBe(0);
    expect(describeViolations(await checkPage(officer, 'can-bo-dossier-payment-sync'))).toBe('');
    await officer.context().close();

    const overseer = await signInOfficer(browser, 'quantri@motcua.demo');
    await overseer.locator('#sync-figures').waitFor();
    expect(Number(await overseer.locator('#sync-figures [data-figure="pending"]').textContent())).toBeGreaterThanOrEqual(0);
    expect(await overseer.locator('#sync-figures [data-figure="share"]').textContent()).toMatch(/%|—/);
    await overseer.locator('#sync-share, #sync-failing, #sync-failing-none').first().waitFor();
    expect(describeViolations(await checkPage(overseer, 'can-bo-sync-health'))).toBe('');
    await overseer.context().close();
  });
});
