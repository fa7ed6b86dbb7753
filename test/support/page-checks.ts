// Checks every browser test applies to a page it shows: axe-core accessibility (WCAG 2.1 A and AA rules)
// with zero serious or critical violations, and a screenshot saved with the test output.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './emulators.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page; returns the serious and critical violations (an empty list passes). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, not added as an inline <script>: the pages' Content-Security-
  // Policy (firebase.json) refuses inline scripts, and it must stay on while the tests run.
  await page.evaluate(AXE_SOURCE);
  // The test tsconfig has no DOM types: the in-page code is written against `globalThis`.
  const violations = await page.evaluate(async () => {
    type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    const g = globalThis as unknown as { axe: Axe; document: unknown };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Readable one-line-per-problem summary for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** Full-page screenshot at test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Both checks at once: `await checkPage(page, 'portal-home')` then assert on the returned list. */
export async function checkPage(page: Page, name: string): Promise<AxeViolation[]> {
  await saveScreenshot(page, name);
  return seriousA11yViolations(page);
}
