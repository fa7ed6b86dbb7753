// The public transparency page in a real browser, on a cheap phone and on a desktop: procedures with
// their fees (paged), the officer directory of every desk, the on-time rate per agency and month as a
// chart with its table, and the Circular 01 index labels. Figures are checked against the seeded data
// and against the statistics the triggers wrote for dossiers driven through the HTTP API here. On a phone
// the tables are cards, the chart's text is at least 12 px, every desk is listed and a figure that cannot
// be computed says why in a sentence (issue 20).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_INDEX_LABELS } from '../../functions/src/domain/evaluation/index-labels.js';
import { localDateOf, signLookupToken } from '../../functions/src/domain/index.js';
import { demoAgencies } from '../../seed/data/agencies.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { launchBrowser } from '../support/browser.js';
import { act as applyAction, api, landRenewal, submit, type Action } from '../support/api.js';
import { admin, eventually, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';
import { checkPage, describeViolations } from '../support/page-checks.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const DESK = '000.00.01.H99';
/** Extra catalogue entries so the list needs a second page (50 a page); removed afterwards. */
const EXTRA = Array.from({ length: 40 }, (_, i) => `9.9${String(i).padStart(5, '0')}`);

let browser: Browser;
let page: Page;
const runId = Date.now().toString(36);
let n = 0;

const act = async (id: string, version: number, as: TestIdentity, action: Action) =>
  (await applyAction({ id, version }, as, action, `transp-${runId}-${n++}`)).version;

async function receivedDossier(): Promise<string> {
  const dossier = await submit(landRenewal(`transp-${runId}-${n++}`, { kind: 'person', fullName: 'Lý Thị Thu', identity: { kind: 'citizenId', number: '038187007788' }, phone: '0977000333', address: { line: '3 Hùng Vương', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } }));
  await act(dossier.id, dossier.version, IDENTITIES.receptionistX, { type: 'receive' });
  return dossier.id;
}

type MonthTotals = { received: number; resolved: number; onTime: number; late: number };
/** The desk's counters for this month, summed over procedure fields, as the stats trigger wrote them. */
async function deskMonth(month: string): Promise<MonthTotals> {
  const { db } = admin();
  const docs = (await db.collection('stats').where('agencyId', '==', DESK).get()).docs.filter((d) => d.get('month') === month);
  const sum = (field: string) => docs.reduce((s, d) => s + ((d.get(field) as number | undefined) ?? 0), 0);
  const onTime = sum('resolvedEarly') + sum('resolvedOnTime');
  const late = sum('resolvedLate');
  return { received: sum('received'), resolved: onTime + late, onTime, late };
}

const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
const percent = (x: number) => `${String(Math.round(x * 1000) / 10).replace('.', ',')}%`;

let month: string;
let totals: MonthTotals;

beforeAll(async () => {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  const template = demoProcedures.find((p) => p.code === '1.012792')!;
  const batch = db.batch();
  for (const code of EXTRA) batch.set(db.doc(`procedures/${code}`), { ...template, code, name: { vi: `Thủ tục thử ${code}`, en: `Test procedure ${code}` } });
  await batch.commit();

  month = localDateOf(new Date()).slice(0, 7);
  const before = await deskMonth(month);
  // Two dossiers received at the desk this month; one of them resolved at once (well before its due date).
  await receivedDossier();
  const resolvedId = await receivedDossier();
  const v = await act(resolvedId, 2, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
  await act(resolvedId, v, IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Đã cấp đổi' });
  // A third one returned and rated online with its receipt token, so the ratings table has something to count.
  const ratedId = await receivedDossier();
  let w = await act(ratedId, 2, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
  w = await act(ratedId, w, IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Đã cấp đổi' });
  await act(ratedId, w, IDENTITIES.receptionistX, { type: 'returnResult', via: 'desk' });
  const code = (await db.doc(`dossiers/${ratedId}`).get()).get('code') as string;
  const rated = await api('postRating', {
    body: { requestId: `transp-${runId}-${n++}`, code, token: signLookupToken(ratedId, lookupSecret()), channel: 'online', satisfaction: 'verySatisfied', officerAttitudeComplaint: false },
  });
  expect(rated.status, rated.text).toBe(201);
  totals = await eventually(async () => {
    const now = await deskMonth(month);
    return now.received >= before.received + 3 && now.resolved >= before.resolved + 2 ? now : undefined;
  }, 'the stats trigger counted the driven dossiers');
  expect(totals.onTime).toBeGreaterThanOrEqual(before.onTime + 1);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: PHONE });
});
afterAll(async () => {
  const { db } = admin();
  const batch = db.batch();
  for (const code of EXTRA) batch.delete(db.doc(`procedures/${code}`));
  await batch.commit();
  await browser?.close();
});

describe('transparency page /minh-bach/', () => {
  it('lists every procedure with its fees, 50 at a time', async () => {
    await page.goto(`${HOSTING_URL}/minh-bach/`);
    await page.locator('#procedures[data-state="ok"]').waitFor();
    const rows = page.locator('[data-testid="procedures"] tbody tr');
    expect(await rows.count()).toBe(50);
    await page.click('#procedures-more');
    const total = new Set([...demoProcedures.map((p) => p.code), ...EXTRA]).size;
    await page.waitForFunction((count) => {
      const g = globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } };
      return g.document.querySelectorAll('[data-testid="procedures"] tbody tr').length === count;
    }, total);
    expect(await page.locator('#procedures-more').count()).toBe(0);
    for (const p of demoProcedures) {
      const fee = p.fees.reduce((s, f) => s + f.amountVnd, 0);
      expect(await page.locator(`tr[data-code="${p.code}"] [data-testid="fee"]`).textContent(), p.code).toBe(fee > 0 ? vnd(fee) : 'Không thu');
    }
    expect(describeViolations(await checkPage(page, 'minh-bach-procedures-phone'))).toBe('');
  });

  it('publishes the officer directory of every open one-stop desk', async () => {
    await page.locator('#directory[data-state="ok"]').waitFor();
    const desks = demoAgencies.filter((a) => a.hasOneStopDesk && !a.effectiveTo);
    expect(desks.length).toBeGreaterThan(0);
    for (const agency of desks) {
      const article = page.locator(`#directory article[data-agency="${agency.id}"]`);
      expect(await article.locator('h3').textContent()).toBe(agency.name.vi);
      const names = await article.locator('[data-testid="officers"] tbody tr td:first-child').allTextContents();
      expect(names).toEqual(agency.officers.map((o) => o.fullName));
    }
    expect(await page.locator('#directory').textContent()).not.toContain('@'); // no account data
  });

  it('shows this month’s on-time rate of the desk as a chart and a table with the counted figures', async () => {
    await page.locator('#on-time[data-state="ok"]').waitFor();
    const block = page.locator(`#on-time article[data-agency="${DESK}"]`);
    const row = block.locator(`tr[data-month="${month}"]`);
    const cells = await row.locator('td').allTextContents();
    const rate = totals.onTime / totals.resolved;
    expect(cells).toEqual([String(totals.received), String(totals.resolved), String(totals.onTime), String(totals.late), percent(rate)]);
    // The bar of the last month (the current one) carries the same figure as the table.
    const bars = block.locator('svg rect.bar');
    expect(Number(await bars.last().getAttribute('data-value'))).toBeCloseTo(rate * 100, 5);
    expect(await block.locator('svg').getAttribute('aria-describedby')).toBe(await block.locator('table').getAttribute('id'));
    expect(describeViolations(await checkPage(page, 'minh-bach-on-time-phone'))).toBe('');
  });

  it('on a phone: cards instead of wide tables, chart labels of 12 px or more, every desk listed', async () => {
    await page.locator('#on-time[data-state="ok"]').waitFor();
    // Nothing wider than the screen: the page never scrolls sideways, and no box hides a column off-screen.
    const overflow = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number }> } };
      const boxes = Array.from(g.document.querySelectorAll('.scroll')).filter((b) => b.scrollWidth > b.clientWidth + 1).length;
      return { page: g.document.documentElement.scrollWidth, boxes };
    });
    expect(overflow).toEqual({ page: PHONE.width, boxes: 0 });
    // The fee of a procedure is on screen, labelled, in its card.
    const fee = page.locator('[data-testid="procedures"] tbody tr').first().locator('[data-testid="fee"]');
    expect(await fee.getAttribute('data-label')).toBe('Phí, lệ phí');
    const box = (await fee.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // Chart text as rendered: its font size times the SVG's scale on screen.
    const sizes = await page.evaluate(() => {
      type El = { getScreenCTM(): { a: number } | null; ownerSVGElement: El | null };
      const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<El> }; getComputedStyle(e: El): { fontSize: string } };
      return Array.from(g.document.querySelectorAll('#on-time svg text')).map((t) => parseFloat(g.getComputedStyle(t).fontSize) * (t.ownerSVGElement!.getScreenCTM()?.a ?? 0));
    });
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // Every open one-stop desk is in the on-time figures; one without dossiers says so in a sentence.
    const desks = demoAgencies.filter((a) => a.hasOneStopDesk && !a.effectiveTo);
    for (const agency of desks) {
      const article = page.locator(`#on-time article[data-agency="${agency.id}"]`);
      expect(await article.count(), agency.id).toBe(1);
      const hasFigures = (await article.locator('table').count()) === 1;
      if (!hasFigures) expect(await article.locator('[data-testid="no-figures"]').textContent()).toMatch(/^Chưa có hồ sơ nào .+\.$/);
    }
    expect(describeViolations(await checkPage(page, 'minh-bach-cards-phone'))).toBe('');
  });

  it('names the nine Circular 01 indices, with scores or "not computed"', async () => {
    await page.locator('#scores[data-state="ok"]').waitFor();
    const labels = await page.locator('[data-testid="indices"] tbody th').allTextContents();
    expect(labels).toEqual(Object.values(EVALUATION_INDEX_LABELS).map((l, i) => `${i + 1}. ${l.vi}`));
    const cells = await page.locator('[data-testid="indices"] tbody td').allTextContents();
    // A figure that cannot be computed is a sentence saying why, not a bare mark.
    for (const cell of cells) expect(cell).toMatch(/^(Chưa tính được: .+\.|[0-2],\d)$/);
    // Indices 5, 6, 8 and 9 need agency-level inputs the system does not hold.
    for (const key of ['index5', 'index6', 'index8', 'index9']) {
      for (const cell of await page.locator(`[data-testid="indices"] tr[data-index="${key}"] td`).allTextContents()) expect(cell).toBe('Chưa tính được: hệ thống không có số liệu của chỉ số này.');
    }
    await page.click('#lang-switch');
    expect(await page.locator('[data-testid="indices"] tbody th').first().textContent()).toBe(`1. ${EVALUATION_INDEX_LABELS.index1.en}`);
    await page.click('#lang-switch');
  });

  it('counts the ratings by satisfaction level', async () => {
    // Every rating in this emulator run was given in the last six months, so the province total is all of them.
    const stored = (await admin().db.collection('ratings').count().get()).data().count;
    const totalRow = page.locator('[data-testid="ratings"] tr[data-level="total"] td');
    expect(await totalRow.first().textContent()).toBe(String(stored));
    const levels = await page.locator('[data-testid="ratings"] tbody tr:not([data-level="total"]) td:first-of-type').allTextContents();
    expect(levels.reduce((sum, x) => sum + Number(x), 0)).toBe(stored);
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="ratings"] tbody th').first().textContent()).toBe('Rất hài lòng');
    // The desk's column: its "very satisfied" ratings, as stored (the one given above among them).
    // Header cells: the level, the province, then one per agency; data cells start at the province.
    const column = (await page.locator('[data-testid="ratings"] thead th').allTextContents()).indexOf(demoAgencies.find((a) => a.id === DESK)!.name.vi);
    expect(column).toBeGreaterThan(1);
    const deskVerySatisfied = (await admin().db.collection('ratings').where('agencyId', '==', DESK).where('satisfaction', '==', 'verySatisfied').count().get()).data().count;
    expect(await page.locator(`[data-testid="ratings"] tr[data-level="verySatisfied"] td:nth-of-type(${column})`).textContent()).toBe(String(deskVerySatisfied));
  });

  it('reads well on a desktop and in English', async () => {
    await page.setViewportSize(DESKTOP);
    expect(describeViolations(await checkPage(page, 'minh-bach-desktop'))).toBe('');
    await page.click('#lang-switch');
    expect(await page.locator('#procedures h2').textContent()).toBe('Procedures and fees');
    expect(await page.locator('#directory h2').textContent()).toBe('Officers at the one-stop desks');
    expect(describeViolations(await checkPage(page, 'minh-bach-desktop-en'))).toBe('');
    await page.click('#lang-switch');
  });
});
