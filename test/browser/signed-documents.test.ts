// Signed documents in the browser (issue 18): the land office's handler issues the electronic result on
// the officer page (the server produces and signs it), the desk returns it online, and the citizen
// downloads it from My dossiers; then anyone checks files on /xac-thuc/: the issued PDF (authentic), the
// same with one byte changed (invalid), a PDF signed with a province key but never issued (unknown), a
// plain PDF (unsigned), and the page opened from the result's QR code.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultListing } from '../../functions/src/contract/index.js';
import { LocalFileStore, localFileStoreRoot } from '../../functions/src/platform/file-store/index.js';
import { deploymentSigner } from '../../functions/src/platform/signing/index.js';
import { loadDemoData } from '../../seed/load.js';
import { minimalPdf } from '../fixtures/files.js';
import { act, api, download, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, signingLocation, signingPassphrase } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';
import { pdfsig } from '../support/pdfsig.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `ket-qua-${RUN}@example.vn`, password: 'mat-khau-ket-qua-1' };
const LAND_OFFICE = '000.00.14.H99';
const LAND_OFFICE_NAME = 'Văn phòng Đăng ký đất đai tỉnh Bình An';
let browser: Browser;
const contexts: BrowserContext[] = [];
let citizenUid: string;
let dossier: DossierRef;
let result: ResultListing;
let resultBytes: Buffer;

async function open(viewport = { width: 360, height: 740 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

async function accessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  citizenUid = (await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Đỗ Văn Khoa' })).uid;
  browser = await launchBrowser();
  // Online application, received at the province centre, passed to the land office and acknowledged there.
  dossier = await submit({ ...landRenewal(rid('kq-submit')), resultDelivery: 'online' }, { uid: citizenUid });
  dossier = await act(dossier, IDENTITIES.receptionistX, { type: 'receive' });
  dossier = await act(dossier, IDENTITIES.receptionistX, { type: 'transfer', toAgencyId: LAND_OFFICE, task: 'Cấp đổi Giấy chứng nhận' });
  dossier = await act(dossier, IDENTITIES.handlerY, { type: 'acknowledgeTransfer' });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('electronic result', () => {
  it('is issued on the officer page, returned online by the desk and downloaded by the citizen', async () => {
    const handler = await signInOfficer(browser, 'thuly.vpdkdd@motcua.demo');
    await handler.goto(`${HOSTING_URL}/can-bo/ho-so/${dossier.id}`);
    const form = handler.locator('#result-form');
    await form.waitFor();
    await accessible(handler, 'result-form');
    // A missing field is said beside it, by the server's bilingual error.
    await form.locator('button[type="submit"]').click();
    await handler.locator('#result-form .field-error:not([hidden])').first().waitFor();
    await handler.fill('#result-form input[name="typeCode"]', 'KQ.1012792');
    await handler.fill('#result-form input[name="typeName"]', 'Giấy chứng nhận quyền sử dụng đất');
    await handler.fill('#result-form input[name="title"]', 'Giấy chứng nhận quyền sử dụng đất (cấp đổi)');
    await handler.fill('#result-form textarea[name="summary"]', 'Cấp đổi Giấy chứng nhận cho thửa đất số 12, tờ bản đồ số 5');
    await form.locator('button[type="submit"]').click();
    await handler.locator('#results-list li[data-result]').waitFor();
    expect(await handler.locator('#dossier-notice').textContent()).toContain('001190012345-KQ.1012792');
    await accessible(handler, 'result-issued');
    const listed = await api('getDossier', { params: { dossierId: dossier.id } }, IDENTITIES.handlerY);
    result = listed.body.results[0]!;
    expect(result).toMatchObject({ typeCode: 'KQ.1012792', source: 'generated', signer: { name: LAND_OFFICE_NAME } });
    await actInDashboard(handler, 'resolve', async (p) => {
      await p.check('#action-form input[type="radio"][value="approved"]'); // nothing is pre-selected (issue 20)
      await p.fill('#action-form textarea[name="summary"]', 'Đã cấp đổi Giấy chứng nhận');
    });
    await handler.locator('[data-testid="status"][data-status="resolved"]').waitFor();

    // The desk returns it online (the form offers online, since an electronic result exists).
    const desk = await signInOfficer(browser, 'tiepnhan.tinh@motcua.demo');
    await desk.goto(`${HOSTING_URL}/can-bo/ho-so/${dossier.id}`);
    await desk.locator('#dossier-results li[data-result]').waitFor();
    await actInDashboard(desk, 'returnResult', async (p) => {
      expect(await p.locator('#action-form select[name="via"]').inputValue()).toBe('online');
    });
    await desk.locator('[data-testid="status"][data-status="returned"]').waitFor();

    // The citizen, on a phone: My dossiers shows the result with its code, and downloads the signed PDF.
    const citizen = await open();
    await citizen.goto(`${HOSTING_URL}/ho-so/${dossier.id}`);
    await signInCitizen(citizen, CITIZEN);
    const card = citizen.locator(`#results article[data-result="${result.id}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('[data-testid="result-code"]').textContent()).toBe(result.documentCode);
    await accessible(citizen, 'my-dossier-result');
    const [saved] = await Promise.all([citizen.waitForEvent('download'), card.locator('button[data-download-result]').click()]);
    await citizen.locator('#result-status[data-state="ok"]').waitFor();
    resultBytes = await readFile((await saved.path())!);
    expect(pdfsig(resultBytes)).toEqual([expect.objectContaining({ commonName: LAND_OFFICE_NAME, validation: 'Signature is Valid.', coverage: 'Total document signed' })]);
    expect(await card.locator('a[href^="/xac-thuc/"]').getAttribute('href')).toBe(`/xac-thuc/${result.verifyCode}`);
  });
});

describe('/xac-thuc/', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open();
    if (!resultBytes) resultBytes = (await download('downloadResult', { params: { dossierId: dossier.id, resultId: result.id } }, IDENTITIES.handlerY)).bytes;
  });

  async function check(name: string, bytes: Buffer): Promise<string> {
    await page.goto(`${HOSTING_URL}/xac-thuc/`);
    await page.setInputFiles('#file', { name, mimeType: 'application/pdf', buffer: bytes });
    await page.click('#verify-form button[type="submit"]');
    const verdict = page.locator('#verdict [data-verdict]');
    await verdict.waitFor();
    return (await verdict.getAttribute('data-verdict')) ?? '';
  }

  it('says a PDF the province issued is authentic, with its signer and time, and nothing about the dossier', async () => {
    expect(await check('ket-qua.pdf', resultBytes)).toBe('authentic');
    const text = (await page.locator('#verdict').textContent()) ?? '';
    expect(text).toContain(LAND_OFFICE_NAME);
    expect(text).toContain(result.sha256);
    for (const secret of [result.documentCode, 'Nguyễn Thị Hoà', dossier.code]) expect(text).not.toContain(secret);
    await accessible(page, 'verify-authentic');
  });

  it('says a PDF with one byte changed is invalid', async () => {
    const tampered = Buffer.from(resultBytes);
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = tampered[at]! ^ 0x01;
    expect(await check('sua.pdf', tampered)).toBe('invalid');
    expect(await page.locator('#verdict').textContent()).toContain('Nội dung tệp đã bị thay đổi sau khi ký');
    await accessible(page, 'verify-invalid');
  });

  it('says a PDF signed with a province key but never issued is unknown, and a plain PDF unsigned', async () => {
    const stray = await deploymentSigner(new LocalFileStore(localFileStoreRoot()), signingPassphrase(), signingLocation()).sign(minimalPdf(), {
      as: { kind: 'agency', agencyId: LAND_OFFICE },
      reason: 'not issued through the system',
      signedAt: new Date(),
    });
    expect(await check('la.pdf', stray.bytes)).toBe('unknown');
    await accessible(page, 'verify-unknown');
    expect(await check('khong-ky.pdf', minimalPdf())).toBe('unsigned');
    // English on request.
    await page.click('#lang-switch');
    expect(await page.locator('#verdict h2').textContent()).toBe('The file carries no digital signature.');
    await page.click('#lang-switch');
  });

  it('opened from the result QR code, shows what the province issued under that code', async () => {
    await page.goto(`${HOSTING_URL}/xac-thuc/${result.verifyCode}`);
    await page.locator('#issued[data-state="found"]').waitFor();
    expect(await page.locator('[data-testid="issued-by"]').textContent()).toBe(LAND_OFFICE_NAME);
    await accessible(page, 'verify-qr');
    await page.goto(`${HOSTING_URL}/xac-thuc/ABCDEFGHJKLM`);
    await page.locator('#issued[data-state="missing"]').waitFor();
  });
});
