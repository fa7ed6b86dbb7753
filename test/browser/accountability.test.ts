// Feedback and the province dashboard in a real browser against the emulators: the public feedback form
// (a phone), the sender's own page, its handling by the desk and the responsible agency's lead on
// /lanh-dao/, the public answers page, and the dashboard for a monitor and a lead with its charts,
// drill-down and exports. axe-core and a screenshot on every state shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { loadDemoData } from '../../seed/load.js';
import { driveDossier, type DossierRef } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const PHONE = { width: 360, height: 740 };
const DEPARTMENT = '000.00.10.H99'; // its lead is the demo account lanhdao.snnmt
const run = Date.now().toString(36);
const SUBJECT = `Hướng dẫn chưa đầy đủ ${run}`;

let browser: Browser;
let trackPath: string;
let dossier: DossierRef;

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

async function signIn(email: string, path = '/lanh-dao/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${HOSTING_URL}${path}`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#login-form button[type="submit"]');
  await page.locator('#signed-in:not([hidden])').waitFor();
  return page;
}

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  browser = await launchBrowser();
  dossier = await driveDossier();
});
afterAll(async () => {
  await browser?.close();
});

describe('the public feedback form /phan-anh/gui', () => {
  it('asks for a contact without sign-in, then sends and gives the tracking link', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/phan-anh/gui`);
    await page.locator('#feedback-form').waitFor();
    await page.locator('#as-anonymous').waitFor();
    await expectAccessible(page, 'feedback-form');
    await page.selectOption('#fb-category', 'staffConduct');
    await page.fill('#fb-subject', SUBJECT);
    await page.fill('#fb-body', 'Tôi phải đi lại ba lần vì cán bộ không hướng dẫn một lần đầy đủ.');
    await page.click('#feedback-form button[type="submit"]');
    await expect.poll(() => page.locator('#fb-email-error').textContent()).toContain('email');
    await expectAccessible(page, 'feedback-form-error');
    await page.fill('#fb-name', 'Phan Văn Gửi');
    await page.fill('#fb-email', `gui.${run}@example.vn`);
    await page.click('#feedback-form button[type="submit"]');
    await page.locator('#track-link').waitFor();
    trackPath = (await page.locator('#track-link').getAttribute('href'))!;
    expect(trackPath).toMatch(/^\/phan-anh\/theo-doi\/[A-Za-z0-9_-]+\?t=/);
    await expectAccessible(page, 'feedback-sent');

    await page.goto(`${HOSTING_URL}${trackPath}`);
    await expect.poll(() => page.locator('#track-status').textContent()).toContain('Đã tiếp nhận');
    expect(await page.content()).not.toContain(`gui.${run}@example.vn`);
    await expectAccessible(page, 'feedback-track');
    await context.close();
  });
});

describe('handling on /lanh-dao/phan-anh', () => {
  it('the desk sees the sender, classifies and assigns the case to the department', async () => {
    const page = await signIn('tiepnhan.tinh@motcua.demo', '/lanh-dao/phan-anh');
    const item = page.locator('#feedback-list li', { hasText: SUBJECT });
    await item.waitFor();
    await expectAccessible(page, 'feedback-list');
    await item.locator('button').click();
    await expect.poll(() => page.locator('#case-sender').textContent()).toContain('Phan Văn Gửi');
    await expectAccessible(page, 'feedback-case');
    await page.fill('#classify-agency', DEPARTMENT);
    await page.click('#classify-form button[type="submit"]');
    await expect.poll(() => page.locator('#step-output').textContent()).toMatch(/Đã lưu|Saved/);
    await page.context().close();
  });

  it('the department’s lead answers (verified) and publishes without personal data', async () => {
    const page = await signIn('lanhdao.snnmt@motcua.demo', '/lanh-dao/phan-anh');
    const item = page.locator('#feedback-list li', { hasText: SUBJECT });
    await item.waitFor();
    await item.locator('button').click();
    await page.locator('#answer-form').waitFor();
    await page.fill('#answer-text', 'Đã xác minh; cán bộ đã được nhắc nhở. Xin lỗi ông.');
    await page.check('#answer-verified');
    await page.click('#answer-form button[type="submit"]');
    await page.locator('#publish-form').waitFor();
    await expectAccessible(page, 'feedback-answered');
    await page.fill('#publish-question', `Cán bộ hướng dẫn chưa một lần đầy đủ (${run}).`);
    await page.fill('#publish-answer', 'Đã xác minh và nhắc nhở cán bộ.');
    await page.click('#publish-form button[type="submit"]');
    await expect.poll(() => page.locator('#case-status').textContent()).toContain('Đã công khai');
    await page.context().close();
  });

  it('the public answers page shows it, and the sender rates the answer', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${HOSTING_URL}/phan-anh/`);
    const answer = page.locator('#answers li', { hasText: run });
    await answer.waitFor();
    expect(await answer.textContent()).toContain('Đã xác minh và nhắc nhở cán bộ.');
    expect(await page.content()).not.toMatch(/Phan Văn Gửi|example\.vn/);
    await expectAccessible(page, 'feedback-answers');
    await page.goto(`${HOSTING_URL}${trackPath}`);
    await page.locator('#rate-answer').waitFor();
    await page.locator('#rate-answer button').first().click();
    await expect.poll(() => page.locator('#track-output').textContent()).toMatch(/Cảm ơn|Thank/);
    await expectAccessible(page, 'feedback-rated');
    await context.close();
  });
});

describe('the dashboard /lanh-dao/', () => {
  it('a monitor sees figures, charts with their tables, drills into a figure and exports a table', async () => {
    const page = await signIn('giamsat@motcua.demo');
    await page.locator('#t-agencies').waitFor({ timeout: 60_000 });
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(2);
    expect(await page.locator('svg.chart').first().getAttribute('aria-describedby')).toBe('t-agencies');
    expect(await page.locator('#t-d766-detail').textContent()).toContain('Không có dữ liệu');
    await expectAccessible(page, 'dashboard-monitor');
    const drill = page.locator('#t-agencies button[data-drill^="received:000.00.01.H99"]');
    await drill.click();
    await page.locator('#t-drill').waitFor();
    // Other tests add dossiers at this desk this month: walk the pages (50 each) to this one.
    for (let pages = 1; !(await page.locator('#t-drill').textContent())?.includes(dossier.code) && pages < 20; pages++) {
      const before = await page.locator('#t-drill').textContent();
      await page.locator('#drill-next').click();
      await expect.poll(() => page.locator('#t-drill').textContent()).not.toBe(before);
    }
    expect(await page.locator('#t-drill').textContent()).toContain(dossier.code);
    await expectAccessible(page, 'dashboard-drill');
    const download = page.waitForEvent('download');
    await page.click('button[data-export="agencies-csv"]');
    expect((await download).suggestedFilename()).toBe('agencies.csv');
    await page.selectOption('#view-select', 'week');
    await page.click('#dashboard-controls button[type="submit"]');
    await expect.poll(() => page.locator('#t-trend tbody tr').count()).toBe(8);
    await expectAccessible(page, 'dashboard-weekly');
    await page.context().close();
  });

  it('a lead sees the officers of their agency; a desk officer is not offered the dashboard', async () => {
    const lead = await signIn('lanhdao.snnmt@motcua.demo');
    await lead.locator('#t-officers').waitFor({ timeout: 60_000 });
    await expectAccessible(lead, 'dashboard-lead');
    await lead.context().close();
    const desk = await signIn('tiepnhan.tinh@motcua.demo');
    await desk.locator('#leader-nav a').first().waitFor();
    expect(await desk.locator('#leader-nav').textContent()).not.toContain('Số liệu');
    await desk.locator('#slip-form, #feedback-list').first().waitFor({ state: 'attached' }); // the list may be empty
    await desk.goto(`${HOSTING_URL}/lanh-dao/phieu-danh-gia`);
    await desk.locator('#slip-form').waitFor();
    await expectAccessible(desk, 'paper-slip-form');
    await desk.context().close();
  });
});
