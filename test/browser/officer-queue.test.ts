// Paging the officer queue in Chromium: an agency made up for this run with 120 open dossiers (and another
// agency's more urgent ones beside it); the receptionist sees the first 50, most overdue first, with the
// count of the tab; on the keyboard, ↓ past the last row reaches "Xem thêm" and Enter loads the next 50,
// in order, until none are left; the visible pages stay live (a dossier that becomes the most overdue
// appears on top, a status change on page 2 shows without reload); the other agency's never appear.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/officers.js';
import { loadDemoData } from '../../seed/load.js';
import { workByOf } from '../../functions/src/domain/index.js';
import { launchBrowser } from '../support/browser.js';
import { signInOfficer } from '../support/dashboard.js';
import { admin } from '../support/emulators.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const { db, auth } = admin();
const run = Date.now().toString(36).toUpperCase();
const AGENCY = `999.00.03.Q${run}`;
const OTHER = `999.00.04.Q${run}`;
const OFFICER = { uid: `q19-desk-${run}`.toLowerCase(), email: `q19-desk-${run}@motcua.demo`.toLowerCase() };
const NOW = Date.now();
const DAY = 86_400_000;

type Seed = { id: string; agencyId: string; dueAt: Date; status: string };
const mine: Seed[] = Array.from({ length: 120 }, (_, i) => ({
  id: `q19b-${run}-${String((i * 61) % 120).padStart(3, '0')}`,
  agencyId: AGENCY,
  // 10 overdue, then one due every few hours up to about 30 days ahead.
  dueAt: new Date(NOW + (i - 10) * 6 * 3_600_000 + 60_000),
  status: i % 4 === 3 ? 'received' : 'processing',
}));
const theirs: Seed[] = Array.from({ length: 5 }, (_, i) => ({ id: `q19b-${run}-other-${i}`, agencyId: OTHER, dueAt: new Date(NOW - (40 + i) * DAY), status: 'processing' }));
const expectedOrder = [...mine].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((s) => s.id);

function stored(s: Seed, n: number) {
  return {
    id: s.id,
    code: `${s.agencyId}-261201-${String(n).padStart(4, '0')}`,
    version: 3,
    status: s.status,
    channel: 'desk',
    resultDelivery: 'desk',
    procedure: { code: '1.012792', version: 1, name: { vi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', en: 'Replacement of a land-use right certificate' }, supplementClockPolicy: 'restart' },
    receivingAgencyId: s.agencyId,
    agencyIds: [s.agencyId],
    createdAt: new Date(NOW - 60 * DAY),
    updatedAt: new Date(NOW - 60 * DAY),
    receivedAt: new Date(NOW - 60 * DAY),
    dueAt: s.dueAt,
    workBy: workByOf(s), // as the server stores it (store/dossiers.ts)
    extensionCount: 0,
    supplementCount: { reception: 0, handling: 0 },
    opinions: [],
  };
}

let browser: Browser;
let desk: Page;
const rowIds = () => desk.locator('#queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dossier-id')));
const focusedRowId = () => desk.locator(':focus').evaluate((el) => el.closest('tr')?.getAttribute('data-dossier-id') ?? el.id);

beforeAll(async () => {
  await loadDemoData(db, auth);
  const batch = db.batch();
  [...mine, ...theirs].forEach((s, n) => batch.set(db.doc(`dossiers/${s.id}`), stored(s, n)));
  await batch.commit();
  await auth.createUser({ uid: OFFICER.uid, email: OFFICER.email, password: DEMO_PASSWORD, displayName: 'Cán bộ thử hàng đợi' });
  await auth.setCustomUserClaims(OFFICER.uid, { role: 'receptionist', agencyId: AGENCY });
  browser = await launchBrowser();
  desk = await signInOfficer(browser, OFFICER.email);
});
afterAll(async () => {
  await browser?.close();
  await auth.deleteUser(OFFICER.uid).catch(() => undefined);
  const batch = db.batch();
  for (const s of [...mine, ...theirs]) batch.delete(db.doc(`dossiers/${s.id}`));
  await batch.commit();
});

describe('the officer queue, page by page', () => {
  it('opens on the first 50, most overdue first, with the tab’s count; the other agency’s never appear', async () => {
    await desk.locator('#queue-summary[data-loaded]').waitFor();
    await expect.poll(rowIds).toEqual(expectedOrder.slice(0, 50));
    await expect.poll(() => desk.locator('.tabs button[data-tab="open"] .count').textContent()).toBe('(120)');
    expect(await desk.locator('#queue-summary').textContent()).toBe('Đang xem 50 / 120 hồ sơ');
    expect(await desk.locator(`tr[data-dossier-id="${expectedOrder[0]}"] [data-flag="overdue"]`).textContent()).toBe('Quá hạn');
    expect(await desk.locator('#queue-more').isVisible()).toBe(true);
    expect(describeViolations(await checkPage(desk, 'queue-paged'))).toBe('');
  });

  it('pages on from the keyboard: ↓ past the last row reaches “Xem thêm”, Enter loads the next 50 in order', async () => {
    await desk.click('#queue-title');
    await desk.keyboard.press('/');
    await desk.keyboard.press('ArrowDown');
    expect(await focusedRowId()).toBe(expectedOrder[0]);
    for (let i = 1; i < 50; i++) await desk.keyboard.press('ArrowDown');
    expect(await focusedRowId()).toBe(expectedOrder[49]);
    await desk.keyboard.press('ArrowDown');
    expect(await focusedRowId()).toBe('queue-more');
    await desk.keyboard.press('Enter');
    await expect.poll(rowIds).toEqual(expectedOrder.slice(0, 100));
    expect(await focusedRowId()).toBe('queue-more'); // still there: one more page
    await desk.keyboard.press('ArrowUp');
    expect(await focusedRowId()).toBe(expectedOrder[99]);
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    await expect.poll(rowIds).toEqual(expectedOrder);
    expect(await desk.locator('#queue-more').isHidden()).toBe(true);
    expect(await focusedRowId()).toBe(expectedOrder[119]); // the button went; the keyboard stays on the last row
    expect(await desk.locator('#queue-summary').textContent()).toBe('120 hồ sơ');
    expect((await rowIds()).filter((id) => id?.includes('-other-'))).toEqual([]);
  });

  it('keeps the visible pages live: a newly overdue dossier comes on top, a change on page 2 shows', async () => {
    const late: Seed = { id: `q19b-${run}-late`, agencyId: AGENCY, dueAt: new Date(NOW - 30 * DAY), status: 'processing' };
    mine.push(late);
    await db.doc(`dossiers/${late.id}`).set(stored(late, 500));
    await expect.poll(async () => (await rowIds())[0]).toBe(late.id);
    const onPage2 = expectedOrder[70]!;
    await db.doc(`dossiers/${onPage2}`).update({ status: 'awaitingPayment' });
    await expect.poll(() => desk.locator(`tr[data-dossier-id="${onPage2}"]`).getAttribute('data-status')).toBe('awaitingPayment');
    await expect.poll(() => desk.locator('.tabs button[data-tab="open"] .count').textContent(), { timeout: 15_000 }).toBe('(121)');
  });
});
