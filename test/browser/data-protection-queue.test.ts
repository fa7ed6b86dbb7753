// The data protection officer's queue (/bao-ve-du-lieu/) in Chromium: an administrator sees the people's
// correction and deletion requests with their legal deadlines, is told beside the box when a message is
// missing (and nothing is recorded), replies, extends once, completes a correction, and completes a
// deletion only after a confirmation that says what is erased and what is kept. Someone who is not an
// administrator is told the page is not theirs. Accessibility checked with axe on each screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { loadDemoData } from '../../seed/load.js';
import { api, rid } from '../support/api.js';
import { launchBrowser, signInCitizen } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import type { TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const RUN = Date.now().toString(36);
const { db, auth } = admin();
let browser: Browser;
let correctionId: string;
let deletionId: string;
const deleter: TestIdentity = { uid: `dpo-delete-${RUN}` };

async function signInAt(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${HOSTING_URL}/bao-ve-du-lieu/`);
  await signInCitizen(page, { email, password });
  return page;
}

const entry = (page: Page, id: string) => page.locator(`li[data-request="${id}"]`);
const stored = async (id: string) => (await db.doc(`dataRequests/${id}`).get()).data()!;

beforeAll(async () => {
  await loadDemoData(db, auth);
  const corrector: TestIdentity = { uid: `dpo-correct-${RUN}` };
  const correction = await api('postDataRequest', { body: { requestId: rid('dpo-c'), kind: 'correction', details: 'Sửa số điện thoại thành 0912 000 333' } }, corrector);
  expect(correction.status, correction.text).toBe(201);
  correctionId = correction.body.request.id;
  await auth.createUser({ uid: deleter.uid, email: `${deleter.uid}@example.vn`, emailVerified: true });
  const deletion = await api('postDataRequest', { body: { requestId: rid('dpo-d'), kind: 'deletion', details: 'Xin xóa tài khoản của tôi' } }, deleter);
  expect(deletion.status, deletion.text).toBe(201);
  deletionId = deletion.body.request.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the data protection officer’s queue', () => {
  it('is not for a citizen: says so, shows no request', async () => {
    const email = `dpo-citizen-${RUN}@example.vn`;
    await auth.createUser({ email, password: 'mat-khau-cong-dan', emailVerified: true });
    const page = await signInAt(email, 'mat-khau-cong-dan');
    await expect.poll(() => page.locator('#queue-status').textContent()).toContain('dành cho quản trị viên');
    expect(await page.locator('li[data-request]').count()).toBe(0);
    await page.context().close();
  });

  it('an administrator replies, extends and completes a correction; an empty message is refused beside the box', async () => {
    const page = await signInAt('quantri@motcua.demo', DEMO_PASSWORD);
    await entry(page, correctionId).waitFor();
    // The administrator's own first sign-in shows the privacy notice like anyone's; read it.
    if (await page.locator('#notice-acknowledge').count()) await page.click('#notice-acknowledge');
    const row = entry(page, correctionId);
    expect(await row.locator('h3').textContent()).toContain('Yêu cầu chỉnh sửa dữ liệu');
    expect(await row.textContent()).toContain('Sửa số điện thoại thành 0912 000 333');
    expect(await row.textContent()).toContain(`dpo-correct-${RUN}`);
    expect(await row.locator('button[data-action]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action')))).toEqual(['reply', 'extend', 'complete', 'refuse']);
    expect(describeViolations(await checkPage(page, 'bao-ve-du-lieu-queue'))).toBe('');

    // No message: refused by the server, shown beside the box in Vietnamese, focused; nothing recorded.
    await row.locator('button[data-action="reply"]').click();
    const error = page.locator(`#message-${correctionId}-error`);
    await error.waitFor();
    expect(await error.textContent()).toContain('Không được để trống');
    expect(await page.locator(`#message-${correctionId}`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe(`message-${correctionId}`);
    expect((await stored(correctionId)).status).toBe('open');
    expect(describeViolations(await checkPage(page, 'bao-ve-du-lieu-missing-message'))).toBe('');

    await page.fill(`#message-${correctionId}`, 'Đã nhận yêu cầu, đang đối chiếu giấy tờ.');
    await row.locator('button[data-action="reply"]').click();
    await expect.poll(() => page.locator('#queue-status').textContent()).toContain('Đã gửi trả lời');
    await expect.poll(() => row.getAttribute('data-status')).toBe('replied');
    expect(await row.textContent()).toContain('Đã nhận yêu cầu, đang đối chiếu giấy tờ.');
    expect(await row.locator('button[data-action="reply"]').count()).toBe(0);

    await page.fill(`#message-${correctionId}`, 'Cần xác minh với cơ quan cấp căn cước.');
    await row.locator('button[data-action="extend"]').click();
    await expect.poll(() => page.locator('#queue-status').textContent()).toContain('Đã gia hạn thêm 15 ngày');
    await expect.poll(() => row.locator('button[data-action="extend"]').count()).toBe(0);
    expect(await row.textContent()).toContain('Hoàn thành trước (đã gia hạn)');
    expect((await stored(correctionId)).extensionReason).toBe('Cần xác minh với cơ quan cấp căn cước.');

    // In English too.
    await page.click('#lang-switch');
    await expect.poll(() => row.locator('h3').textContent()).toContain('Request to correct data');
    await page.click('#lang-switch');

    await page.fill(`#message-${correctionId}`, 'Đã sửa số điện thoại.');
    await row.locator('button[data-action="complete"]').click();
    await expect.poll(() => page.locator('#queue-status').textContent()).toContain('Đã hoàn thành yêu cầu');
    await expect.poll(() => entry(page, correctionId).count()).toBe(0);
    expect(await stored(correctionId)).toMatchObject({ status: 'completed', outcome: 'Đã sửa số điện thoại.' });
    await page.context().close();
  });

  it('completes a deletion only after confirming what is erased and what is kept', async () => {
    const page = await signInAt('quantri@motcua.demo', DEMO_PASSWORD);
    const row = entry(page, deletionId);
    await row.waitFor();
    expect(await row.locator('h3').textContent()).toContain('Yêu cầu xóa dữ liệu và tài khoản');
    await page.fill(`#message-${deletionId}`, 'Đã xóa tài khoản theo yêu cầu.');
    await row.locator('button[data-action="complete"]').click();
    const confirm = page.locator(`#confirm-${deletionId}`);
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('được giữ theo thời hạn của pháp luật về lưu trữ');
    expect(describeViolations(await checkPage(page, 'bao-ve-du-lieu-confirm-deletion'))).toBe('');
    // Changing one's mind erases nothing.
    await confirm.locator('button.secondary').click();
    await confirm.waitFor({ state: 'detached' });
    expect((await auth.getUser(deleter.uid)).uid).toBe(deleter.uid);

    await row.locator('button[data-action="complete"]').click();
    await page.click(`#confirm-${deletionId}-erase`);
    await expect.poll(() => page.locator('#queue-status').textContent()).toContain(`Đã xóa tài khoản ${deleter.uid}`);
    await expect.poll(() => entry(page, deletionId).count()).toBe(0);
    await expect(auth.getUser(deleter.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    expect((await stored(deletionId)).status).toBe('completed');
    await page.context().close();
  });
});
