// The admin console /quan-tri/ in a real browser against the emulators: other accounts are told the page
// is for administrators; an administrator works every section with the keyboard at hand (Alt+1…7) —
// agencies (add, a refused save, a merger with an open dossier), officers (invite, change, deactivate),
// a new procedure version, a calendar swap and a refused one, branding (and the portal that shows it),
// code settings, the audit log — with axe-core and a screenshot on every state. The officer dashboard
// shows the next-year calendar warning. Agencies 000.21.8x.H99, procedure 1.999002.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { nextYearCalendarWarning, localDateOf } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { demoBranding } from '../../seed/data/branding.js';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { api, landRenewal, rid, submit } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const ADMIN_EMAIL = 'quantri@motcua.demo';
const PROVINCE = '000.00.00.H99';
const OLD = '000.21.81.H99';
const HEIR = '000.21.82.H99';
const ADDED = '000.21.83.H99';
const CODE = '1.999002';
const INVITED = `canbo.console.${Date.now().toString(36)}@motcua.demo`;

let browser: Browser;
let console_: Page;

async function signIn(email: string, path = '/quan-tri/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${HOSTING_URL}${path}`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#login-form button[type="submit"]');
  await page.locator('#signed-in:not([hidden])').waitFor();
  return page;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(await checkPage(page, name))).toBe('');
}

const commune = (vi: string) => ({
  name: { vi, en: vi },
  level: 'commune' as const,
  kind: 'communeCentre' as const,
  parentId: PROVINCE,
  effectiveFrom: '2025-07-01',
  hasOneStopDesk: true,
  workingHours: { periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] },
  officers: [],
});

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  // Two communes to merge (through the API, as the agencies test does) and an open dossier at the first.
  for (const [id, name] of [[OLD, 'Trung tâm Phục vụ hành chính công xã Bến Cũ'], [HEIR, 'Trung tâm Phục vụ hành chính công xã Bến Mới']] as const) {
    const res = await api('saveAgency', { params: { agencyId: id }, body: { requestId: rid('console-agency'), expectedUpdateTime: null, ...commune(name) } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(201);
  }
  await submit({ ...landRenewal(rid('console-merge')), receivingAgencyId: OLD });
  // A procedure of its own, so its new version touches nothing the other tests read.
  const land = (await api('adminGetProcedure', { params: { code: '1.012792' } }, IDENTITIES.admin)).body.procedure!;
  const { code: _code, version: _version, ...base } = land;
  // Its first document is sensitive and carries a note: a version written from the console keeps both.
  const [first, ...others] = base.components;
  const fields = { ...base, components: [{ ...first!, sensitive: true, note: { vi: 'Bản chụp hai mặt', en: 'Both sides' } }, ...others] };
  const created = await api('createProcedureVersion', { params: { code: CODE }, body: { requestId: rid('console-procedure'), basedOnVersion: null, ...fields } }, IDENTITIES.admin);
  expect(created.status, created.text).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  // The catalogue is shared with the tests that follow (they list it whole): the procedure of this file goes.
  await admin().db.recursiveDelete(admin().db.doc(`procedures/${CODE}`));
  const current = (await api('getBranding', {})).body;
  await api('saveBranding', { body: { requestId: rid('console-restore'), expectedUpdateTime: current.updateTime, ...demoBranding, logo: null } }, IDENTITIES.admin);
  await browser?.close();
});

describe('admin console /quan-tri/', () => {
  it('tells an officer that the page is for administrators, and shows them nothing else', async () => {
    const page = await signIn('tiepnhan.tinh@motcua.demo');
    await page.locator('#not-admin:not([hidden])').waitFor();
    expect(await page.locator('#not-admin').textContent()).toContain('Trang này dành cho quản trị viên hệ thống');
    expect(await page.locator('#admin-nav').isHidden()).toBe(true);
    expect(await page.locator('#view').textContent()).toBe('');
    await expectAccessible(page, 'quan-tri-not-admin');
  });

  it('signs the administrator in, names the province, warns about next year’s calendar and moves between sections with Alt+N', async () => {
    console_ = await signIn(ADMIN_EMAIL);
    await console_.locator(`li[data-agency="${PROVINCE}"]`).waitFor();
    await expect.poll(() => console_.locator('[data-brand="title-admin"]').textContent()).toBe('Quản trị hệ thống một cửa tỉnh Bình An');
    const calendars = (await api('adminListCalendars', {}, IDENTITIES.admin)).body.calendars;
    const warning = nextYearCalendarWarning(calendars, new Date());
    if (warning) {
      await console_.locator('#calendar-warning:not([hidden])').waitFor();
      expect(await console_.locator('#calendar-warning').textContent()).toContain(String(warning.year));
    } else {
      expect(await console_.locator('#calendar-warning').isHidden()).toBe(true);
    }
    await expectAccessible(console_, 'quan-tri-agencies');
    await console_.keyboard.press('Alt+4');
    await console_.waitForURL(`${HOSTING_URL}/quan-tri/lich`);
    await console_.locator('form[aria-labelledby="calendar-title"]').waitFor();
    await console_.keyboard.press('Alt+1');
    await console_.waitForURL(`${HOSTING_URL}/quan-tri/co-quan`);
    await console_.locator(`li[data-agency="${OLD}"]`).waitFor();
  });

  it('links to the personal data requests queue, which opens with the same administrator signed in', async () => {
    const link = console_.locator('#admin-nav a[href="/bao-ve-du-lieu/"]');
    expect(await link.textContent()).toBe('Yêu cầu về dữ liệu cá nhân');
    await link.click();
    await console_.waitForURL(`${HOSTING_URL}/bao-ve-du-lieu/`);
    await console_.locator('#queue-empty, #data-request-queue').first().waitFor();
    expect(await console_.locator('#sign-out').isHidden()).toBe(false);
    await console_.goBack();
    await console_.waitForURL(`${HOSTING_URL}/quan-tri/co-quan`);
    await console_.locator(`li[data-agency="${OLD}"]`).waitFor();
  });

  it('agencies: a refused save shows the problem at its field; a good one appears in the tree under its parent', async () => {
    await console_.click('#add-agency');
    const form = console_.locator('form.agency-form');
    await form.locator('[data-path="agencyId"]').fill(ADDED);
    await form.locator('[data-path="name.vi"]').fill('Điểm tiếp nhận Bến Cũ');
    await form.locator('[data-path="name.en"]').fill('Bến Cũ reception point');
    await form.locator('[data-path="kind"]').selectOption('receptionPoint');
    await form.locator('[data-path="parentId"]').selectOption(PROVINCE);
    await form.locator('[data-path="effectiveFrom"]').fill('2026-01-01');
    await form.locator('[data-path="phone"]').fill('12');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-error-for="phone"]:not([hidden])').waitFor();
    expect(await form.locator('[data-path="phone"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(console_, 'quan-tri-agency-error');
    await form.locator('[data-path="phone"]').fill('0298 3821 083');
    await form.locator('button[type="submit"]').click();
    // Under the province's committee a reception point is refused: it belongs to a service centre.
    await form.locator('[data-error-for="parentId"]:not([hidden])').waitFor();
    await form.locator('[data-path="parentId"]').selectOption(HEIR);
    await form.locator('button[type="submit"]').click();
    await console_.locator(`li[data-agency="${HEIR}"] li[data-agency="${ADDED}"]`).waitFor();
    expect(await console_.locator('.done').textContent()).toContain('Đã lưu Điểm tiếp nhận Bến Cũ');
  });

  it('agencies: merges a commune into its successor with a confirmation; its open dossier moves, the old name stays as history', async () => {
    await console_.click(`button[data-merge="${OLD}"]`);
    const form = console_.locator('form.merge-form');
    await form.locator('[data-path="successorId"]').selectOption(HEIR);
    await form.locator('[data-path="basis"]').fill('Nghị quyết thử nghiệm về sắp xếp đơn vị hành chính cấp xã');
    await form.locator('button[type="submit"]').click();
    await console_.locator('#confirm-merge').waitFor();
    expect(await form.locator('.confirm').textContent()).toContain('Không hoàn tác được');
    await expectAccessible(console_, 'quan-tri-merge-confirm');
    await console_.click('#confirm-merge');
    const result = console_.locator('#merge-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('đã chuyển 1 hồ sơ');
    const old = console_.locator(`li[data-agency="${OLD}"]`);
    await old.locator('.notice').waitFor();
    expect(await old.textContent()).toContain('Trung tâm Phục vụ hành chính công xã Bến Cũ');
    expect(await old.locator('.notice').textContent()).toContain(`sáp nhập vào Trung tâm Phục vụ hành chính công xã Bến Mới`);
    expect(await old.locator(`button[data-edit="${OLD}"]`).count()).toBe(0);
    const moved = await admin().db.collection('dossiers').where('receivingAgencyId', '==', HEIR).get();
    expect(moved.size).toBe(1);
    await expectAccessible(console_, 'quan-tri-merged');
  });

  it('officers: invites one, changes the role and agency, deactivates with a confirmation', async () => {
    // More than a page of accounts that sort before any Auth uid: the one just invited is past page one
    // and must still come into view. Their agency exists nowhere, so no other test's fan-out reaches them.
    const fillers = Array.from({ length: 55 }, (_, i) => admin().db.doc(`users/00-console-filler-${String(i).padStart(2, '0')}`));
    const batch = admin().db.batch();
    fillers.forEach((ref, i) => batch.set(ref, { role: 'handler', agencyId: '000.00.99.Z99', displayName: `Cán bộ mẫu ${i}`, email: `filler${i}@motcua.demo` }));
    await batch.commit();
    onTestFinished(async () => {
      const cleanup = admin().db.batch();
      fillers.forEach((ref) => cleanup.delete(ref));
      await cleanup.commit();
    });
    await console_.keyboard.press('Alt+2');
    await console_.locator('table.officers tbody tr').first().waitFor();
    await expectAccessible(console_, 'quan-tri-officers');
    await console_.click('#invite-officer');
    const invite = console_.locator('form[aria-labelledby="invite-title"]');
    await invite.locator('[data-path="email"]').fill(INVITED);
    await invite.locator('[data-path="displayName"]').fill('Cao Thị Thử');
    await invite.locator('[data-path="role"]').selectOption('handler');
    await invite.locator('[data-path="agencyId"]').selectOption('000.00.13.H99');
    await invite.locator('button[type="submit"]').click();
    await console_.locator('.done').filter({ hasText: `Đã gửi lời mời tới ${INVITED}` }).waitFor();
    const uid = (await admin().auth.getUserByEmail(INVITED)).uid;
    const row = console_.locator(`tr[data-uid="${uid}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Đã mời, chưa đặt mật khẩu');

    await row.locator(`button[data-change="${uid}"]`).click();
    const change = console_.locator('form[aria-labelledby="change-title"]');
    await change.locator('[data-path="role"]').selectOption('lead');
    await change.locator('[data-path="agencyId"]').selectOption('000.00.14.H99');
    await expectAccessible(console_, 'quan-tri-officer-change');
    await change.locator('button[type="submit"]').click();
    await console_.locator('.done').filter({ hasText: 'các phiên đăng nhập đã kết thúc' }).waitFor();
    expect((await admin().auth.getUser(uid)).customClaims).toEqual({ role: 'lead', agencyId: '000.00.14.H99' });

    await console_.locator(`button[data-toggle="${uid}"]`).click();
    await console_.locator('#confirm-toggle').click();
    await console_.locator(`tr[data-uid="${uid}"]`).filter({ hasText: 'Đã vô hiệu hoá' }).waitFor();
    expect((await admin().auth.getUser(uid)).disabled).toBe(true);
  });

  it('procedures: opens one, shows its versions and writes the next one from it', async () => {
    await console_.keyboard.press('Alt+3');
    await console_.locator('input[data-path="code"]').fill(CODE);
    await console_.locator('form[role="search"] button[type="submit"]').click();
    await console_.locator('table.versions tr[data-version="1"]').waitFor();
    await expectAccessible(console_, 'quan-tri-procedure');
    await console_.click('#new-version');
    const form = console_.locator('form.procedure-form');
    expect(await form.locator('[data-path="name.vi"]').inputValue()).toBe('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(await form.locator('[data-path="components.1.id"]').inputValue()).toBe('certificate');
    // Too short for its steps: refused at the steps.
    await form.locator('[data-path="legalDuration.value"]').fill('2');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-error-for="steps"]:not([hidden])').waitFor();
    await expectAccessible(console_, 'quan-tri-procedure-error');
    await form.locator('[data-path="legalDuration.value"]').fill('8');
    await form.locator('[data-path="fees.0.amountVnd"]').fill('70000');
    await form.locator('button[type="submit"]').click();
    await console_.locator('.done').filter({ hasText: `Đã tạo phiên bản 2 của thủ tục ${CODE}` }).waitFor();
    await console_.locator('table.versions tr[data-version="2"]').waitFor();
    const stored = (await admin().db.doc(`procedures/${CODE}`).get()).data()!;
    expect(stored).toMatchObject({ version: 2, legalDuration: { value: 8, unit: 'workingDays' }, fees: [{ amountVnd: 70_000 }] });
    expect(stored.components[0]).toMatchObject({ sensitive: true, note: { vi: 'Bản chụp hai mặt', en: 'Both sides' } });
  });

  it('calendars: a make-up day on a weekday is refused at its field; a swap (day off + Saturday worked) is saved', async () => {
    await console_.keyboard.press('Alt+4');
    await console_.locator('form[aria-labelledby="calendar-title"]').waitFor();
    await console_.locator('select[data-path="year"]').selectOption('2027');
    const form = console_.locator('form[aria-labelledby="calendar-title"]');
    await form.locator('h3').filter({ hasText: '2027' }).waitFor();
    await console_.click('#add-swap');
    const off = form.locator('[data-path="holidays"] > li').last();
    const worked = form.locator('[data-path="makeUpWorkingDays"] > li').last();
    await off.locator('[data-key="date"]').fill('2027-12-27'); // a Monday
    await worked.locator('[data-key="date"]').fill('2027-12-22'); // a Wednesday: already a working day
    await form.locator('button[type="submit"]').click();
    await worked.locator('.field-error:not([hidden])').first().waitFor();
    await expectAccessible(console_, 'quan-tri-calendar-error');
    await worked.locator('[data-key="date"]').fill('2027-12-18'); // a Saturday
    await form.locator('button[type="submit"]').click();
    await console_.locator('.done').filter({ hasText: 'Đã lưu lịch năm 2027' }).waitFor();
    const stored = (await admin().db.doc('calendars/2027').get()).data()!;
    expect(stored.holidays).toContainEqual({ date: '2027-12-27', name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' } });
    expect(stored.makeUpWorkingDays).toContainEqual({ date: '2027-12-18', name: { vi: 'Làm bù cho ngày nghỉ hoán đổi', en: 'Make-up day for the swapped day off' } });
    await expectAccessible(console_, 'quan-tri-calendar');
  });

  it('branding: a new hotline is saved and every page shows it at once', async () => {
    await console_.keyboard.press('Alt+5');
    const form = console_.locator('form[aria-labelledby="branding-title"]');
    await form.waitFor();
    expect(await form.locator('[data-path="provinceName.vi"]').inputValue()).toBe('tỉnh Bình An');
    await form.locator('[data-path="publicOrigin"]').fill('https://dichvucong.binhan.gov.vn/duong-dan');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-error-for="publicOrigin"]:not([hidden])').waitFor();
    await expectAccessible(console_, 'quan-tri-branding-error');
    await form.locator('[data-path="publicOrigin"]').fill('');
    await form.locator('[data-path="hotline"]').fill('1900 5555');
    await form.locator('button[type="submit"]').click();
    await console_.locator('.done').filter({ hasText: 'Đã lưu' }).waitFor();
    await expectAccessible(console_, 'quan-tri-branding');

    const portal = await console_.context().newPage();
    await portal.goto(`${HOSTING_URL}/`);
    await portal.locator('[data-brand="hotline"]:not([hidden])').filter({ hasText: '1900 5555' }).waitFor();
    await expect.poll(() => portal.locator('a.home').textContent()).toBe('Cổng dịch vụ công tỉnh Bình An');
    await expect.poll(() => portal.title()).toBe('Cổng dịch vụ công — tỉnh Bình An');
    await portal.close();
  });

  it('code settings: a malformed portal identifier is refused at its field', async () => {
    await console_.keyboard.press('Alt+6');
    const form = console_.locator('form[data-rule-set="nd118-2025"]');
    await form.locator('[data-path="onlineIssuer"]').fill('cổng quốc gia');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-error-for="onlineIssuer"]:not([hidden])').waitFor();
    expect(await form.locator('[data-error-for="onlineIssuer"]').textContent()).toContain('G09.20');
    await expectAccessible(console_, 'quan-tri-settings');
  });

  it('audit log: who changed what, newest first, with the record before and after', async () => {
    await console_.keyboard.press('Alt+7');
    await console_.locator('ol.audit li').first().waitFor();
    const text = await console_.locator('ol.audit').textContent();
    for (const expected of ['Cập nhật nhận diện', 'Lịch làm việc năm 2027', `Thủ tục ${CODE}: phiên bản 2`, 'Sáp nhập', 'Thêm cơ quan Điểm tiếp nhận Bến Cũ', 'vô hiệu hoá']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Đặng Hữu Phước'); // the demo administrator, by name
    await console_.locator('select[data-path="kind"]').selectOption('calendar');
    await expect.poll(() => console_.locator('ol.audit li:not([data-action="calendar.save"])').count()).toBe(0);
    expect(await console_.locator('ol.audit li[data-action="calendar.save"]').count()).toBeGreaterThan(0);
    await console_.locator('ol.audit li details summary').first().click();
    await expectAccessible(console_, 'quan-tri-audit');
  });

  it('the officer dashboard shows the next-year calendar warning too', async () => {
    const officer = await signIn('tiepnhan.tinh@motcua.demo', '/can-bo/');
    const calendars = (await api('adminListCalendars', {}, IDENTITIES.admin)).body.calendars;
    const warning = nextYearCalendarWarning(calendars, new Date());
    if (warning) {
      await officer.locator('#calendar-warning:not([hidden])').waitFor();
      expect(await officer.locator('#calendar-warning').textContent()).toContain(`năm ${warning.year}`);
    } else {
      await officer.locator('#queue-summary[data-loaded]').waitFor();
      expect(await officer.locator('#calendar-warning').isHidden()).toBe(true);
    }
    expect(localDateOf(new Date())).toMatch(/^\d{4}-/);
    await expectAccessible(officer, 'can-bo-calendar-warning');
  });
});
