// A supplement round for two components, through both pages: the desk officer picks the documents from
// the dossier's components (the certificate to be handed in again, the application form to be completed),
// the citizen answers on a phone in "Hồ sơ của tôi", and each file lands under exactly the component it
// was asked for; the certificate's first file stays on record, marked replaced, on the officer's page.
// axe-core on every screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../fixtures/files.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { landRenewal, rid, submit, uploadPdf } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { actInDashboard, signInOfficer } from '../support/dashboard.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const RUN = Date.now().toString(36);
const CITIZEN = { email: `bo-sung-${RUN}@example.vn`, password: 'mat-khau-rat-dai-2', uid: `test-supplement-${RUN}` };
const IDENTITY = { uid: CITIZEN.uid, onlineSubmissionsPerDay: 100 };

let browser: Browser;
let desk: Page;
let phone: Page;

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

type StoredComponent = { componentId: string; attachments: { id: string; fileName: string; replacedAt?: unknown }[] };

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ uid: CITIZEN.uid, email: CITIZEN.email, password: CITIZEN.password, displayName: 'Trần Văn Bổ' });
  browser = await launchBrowser();
  desk = await signInOfficer(browser, 'tiepnhan.tinh@motcua.demo');
  phone = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('a supplement for two components', () => {
  it('the officer picks the documents, the citizen answers, each file lands under its own component', async () => {
    const form = await uploadPdf(IDENTITY, 'don-de-nghi.pdf');
    const certificate = await uploadPdf(IDENTITY, 'giay-chung-nhan-mo.pdf');
    const { id } = await submit(
      {
        ...landRenewal(rid('supp-two')),
        components: [
          { componentId: 'renewal-application', originals: 1, uploadIds: [form.uploadId] },
          { componentId: 'certificate', originals: 1, uploadIds: [certificate.uploadId] },
        ],
      },
      IDENTITY,
    );

    // The desk: items are chosen from the dossier's components; only the fields that apply are shown.
    await desk.goto(`${HOSTING_URL}/can-bo/ho-so/${id}`);
    await desk.locator('[data-testid="status"][data-status="registered"]').waitFor();
    await actInDashboard(desk, 'requestSupplement', async (p) => {
      const which = p.locator('#action-form select[name="items.0.componentId"]');
      const options = await which.locator('option').allTextContents();
      expect(options).toEqual(expect.arrayContaining([expect.stringContaining('Giấy chứng nhận'), expect.stringContaining('Giấy tờ khác')]));
      expect(await p.locator('#action-form input[name="items.0.name"]').isHidden()).toBe(true);
      // No earlier round: the reason for another round does not apply.
      expect(await p.locator('#action-form [name="overrideReason"]').count()).toBe(0);
      await which.selectOption('certificate');
      expect(await p.locator('#action-form select[name="items.0.replaceFiles"]').inputValue()).toBe('replace');
      await p.fill('#action-form input[name="items.0.problem"]', 'Bản chụp bị mờ, chụp lại rõ nét');
      await p.click('#action-form fieldset button.secondary');
      await p.locator('#action-form select[name="items.1.componentId"]').selectOption('renewal-application');
      await p.locator('#action-form select[name="items.1.replaceFiles"]').selectOption('add');
      await p.fill('#action-form input[name="items.1.problem"]', 'Thiếu trang 2 có chữ ký');
      await p.fill('#action-form textarea[name="reason"]', 'Thành phần hồ sơ chưa đạt');
      await expectAccessible(p, 'supplement-two-form');
    });
    await desk.locator('[data-testid="status"][data-status="awaitingSupplement"]').waitFor();
    const stored = (await admin().db.doc(`dossiers/${id}`).get()).get('supplement.items') as { componentId: string; replaceFiles?: boolean }[];
    expect(stored.map((i) => [i.componentId, i.replaceFiles])).toEqual([['certificate', true], ['renewal-application', false]]);

    // The citizen, on a phone.
    await phone.goto(`${HOSTING_URL}/ho-so/${id}`);
    await signInCitizen(phone, CITIZEN);
    await phone.locator('#supplement-form').waitFor();
    expect(await phone.locator('[data-item="certificate"]').textContent()).toContain('thay tệp đã nộp');
    await phone.setInputFiles('[data-item="certificate"] input[type="file"]', { name: 'giay-chung-nhan-ro.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await phone.locator('[data-item="certificate"] ul.files li').waitFor();
    await phone.setInputFiles('[data-item="renewal-application"] input[type="file"]', { name: 'don-trang-2.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await phone.locator('[data-item="renewal-application"] ul.files li').waitFor();
    await expectAccessible(phone, 'supplement-two-answer');
    await phone.click('#send-supplement');
    await phone.locator('#dossier-message[data-state="ok"]').waitFor();

    const personal = await admin().db.doc(`dossiers/${id}/private/personal`).get();
    const files = new Map((personal.get('components') as StoredComponent[]).map((c) => [c.componentId, c.attachments.map((a) => [a.fileName, a.replacedAt !== undefined])]));
    expect(files.get('certificate')).toEqual([['giay-chung-nhan-mo.pdf', true], ['giay-chung-nhan-ro.pdf', false]]);
    expect(files.get('renewal-application')).toEqual([['don-de-nghi.pdf', false], ['don-trang-2.pdf', false]]);

    // The officer sees the old certificate kept, marked replaced.
    await desk.reload();
    await desk.locator('[data-testid="status"][data-status="registered"]').waitFor();
    const replaced = desk.locator(`li[data-attachment="${certificate.uploadId}"] [data-testid="replaced"]`);
    expect(await replaced.textContent()).toContain('Đã được thay thế');
    expect(await desk.locator(`li[data-attachment="${form.uploadId}"] [data-testid="replaced"]`).count()).toBe(0);
    await expectAccessible(desk, 'supplement-two-replaced');
  });
});
