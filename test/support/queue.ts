// The officer queue shows 50 dossiers a page, overdue work first: a browser test looking for its own row
// pages on with "Xem thêm" until the row is there, as an officer would.
import type { Locator, Page } from 'playwright-core';

/** The queue row of a dossier, paging on until it shows (fails after `timeoutMs`). */
export async function showQueueRow(page: Page, dossierId: string, timeoutMs = 30_000): Promise<Locator> {
  const row = page.locator(`tr[data-dossier-id="${dossierId}"]`);
  const more = page.locator('#queue-more:not([hidden])');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await row.count()) > 0) return row;
    if ((await more.count()) > 0) {
      const rows = page.locator('#queue-table tbody tr');
      const before = await rows.count();
      await more.click();
      // The next page's listener answers: more rows, or no further page.
      for (let i = 0; i < 40 && (await rows.count()) <= before && (await more.count()) > 0; i++) await page.waitForTimeout(250);
    } else {
      await page.waitForTimeout(250);
    }
  }
  throw new Error(`dossier ${dossierId} is not in the queue after ${timeoutMs} ms of paging`);
}
