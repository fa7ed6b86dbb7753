// @needs emulators
// What every citizen page costs a cheap phone: the portal `/`, a procedure `/thu-tuc/<code>`, applying
// `/nop-ho-so/<code>` and "Hồ sơ của tôi" `/ho-so/` (signed in), the lookup `/tra-cuu/<code>?t=` and the
// rating `/danh-gia/<code>?t=`. For each, in Debian Chromium throttled to "Slow 3G" (400 ms RTT,
// 400 kbit/s each way, cache off) with a 4× CPU slowdown (Chrome DevTools Protocol):
//   (a) time until usable — until the page's own "ready" mark is in the DOM (the catalogue listed, the
//       wizard's first step, the dossier list, the lookup answer, the rating form) — as a ratio of the
//       same measure for a plain static HTML page served by the same Hosting emulator in the same run
//       (its heading in the DOM; ratio of medians; target ≤ 2×);
//   (b) the JavaScript fetched before that moment, gzip KB of the built files (target ≤ 60 KB); what a
//       page loads after it is usable (a live-update SDK, say) is printed apart and not counted; with it,
//       the time those bytes alone take at 400 kbit/s, as a share of the plain page (a floor: the signed-in
//       pages need the Auth SDK, ≈ 27 KB gzip, to call the API as the citizen).
// The hosting app is built first so the figures are those of the current source. Signed-in pages keep
// their sign-in in the browser context (IndexedDB), as a returning citizen's phone does, and the page
// session made at that sign-in (docs/adr/0014); the wizard is measured once more without that session.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signLookupToken } from '../functions/src/domain/index.js';
import { loadDemoData } from '../seed/load.js';
import { launchBrowser, signInCitizen } from '../test/support/browser.js';
import { driveDossier } from '../test/support/api.js';
import { admin, HOSTING_URL, ROOT } from '../test/support/emulators.js';
import { lookupSecret } from '../test/support/identity.js';
import { median, ms } from './_stats.js';

const ROUNDS = 3;
const JS_TARGET_KB = 60;
const USABLE_TARGET_RATIO = 2;
const CPU_SLOWDOWN = 4;
// "Slow 3G": CDP throughput is in bytes per second.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const PROCEDURE = '1.012790';
const CITIZEN = { email: `bench-citizen-${Date.now().toString(36)}@example.vn`, password: 'mat-khau-bench-dai-1' };

const DIST = join(ROOT, 'hosting', 'dist');
const PLAIN = join(DIST, 'bench-plain.html');

execFileSync('npm', ['run', '--silent', 'build', '-w', 'hosting'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const gzipKb = (urlPath: string): number => {
  const file = join(DIST, urlPath.replace(/^\//, ''));
  if (!existsSync(file)) throw new Error(`${urlPath} is not in hosting/dist`);
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
};

/** `withoutSession`: opened without the page-session cookie (a first visit, or a sign-in older than its 5 days). */
type Target = { name: string; path: string; ready: string; signedIn?: boolean; withoutSession?: boolean };

/**
 * Records, from the first script on, when `selector` first matches (performance.now(), ms since the
 * navigation started) in `__usableAt`. Runs before the page's own scripts. A string, not a function:
 * tsx names functions with a helper that does not exist in the page.
 */
const watchFor = (selector: string): string => `(() => {
  const selector = ${JSON.stringify(selector)};
  const check = () => {
    if (window.__usableAt === undefined && document.querySelector(selector)) window.__usableAt = performance.now();
    return window.__usableAt !== undefined;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

type Sample = { usableMs: number; scriptsBefore: string[]; scriptsAfter: string[] };

async function measure(context: BrowserContext, target: Target, throttled: boolean): Promise<Sample> {
  const page: Page = await context.newPage();
  await page.addInitScript({ content: watchFor(target.ready) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const cookies = target.withoutSession ? await context.cookies() : [];
  if (target.withoutSession) await context.clearCookies();
  await page.goto(`${HOSTING_URL}${target.path}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => (globalThis as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, { timeout: 180_000 });
  // What comes after the page is usable (lazy chunks) is listed apart; give it a moment to start.
  await page.waitForTimeout(throttled ? 0 : 1500);
  const result = await page.evaluate(() => {
    const g = globalThis as unknown as { __usableAt: number; performance: { getEntriesByType(t: string): { name: string; startTime: number }[] } };
    const scripts = g.performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname));
    const timeline = [...g.performance.getEntriesByType('navigation'), ...g.performance.getEntriesByType('resource')].map((e) => {
      const r = e as unknown as { name: string; startTime: number; responseStart: number; responseEnd: number; encodedBodySize: number };
      return `${new URL(r.name).pathname.slice(0, 40).padEnd(40)} start ${r.startTime.toFixed(0).padStart(5)} first byte ${r.responseStart.toFixed(0).padStart(5)} end ${r.responseEnd.toFixed(0).padStart(5)} ${(r.encodedBodySize / 1024).toFixed(1)} KB`;
    });
    return { usableMs: g.__usableAt, timeline, scripts: scripts.map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })) };
  });
  if (target.withoutSession) await context.addCookies(cookies);
  // MOTCUA_BENCH_DETAIL=1 prints each throttled load's requests: where the time before "usable" goes.
  if (throttled && process.env.MOTCUA_BENCH_DETAIL) console.log(`${target.name}: usable at ${result.usableMs.toFixed(0)} ms\n  ${result.timeline.join('\n  ')}`);
  await page.close();
  const own = result.scripts.filter((s) => s.path.startsWith('/assets/'));
  return {
    usableMs: result.usableMs,
    scriptsBefore: [...new Set(own.filter((s) => s.start <= result.usableMs).map((s) => s.path))].sort(),
    scriptsAfter: [...new Set(own.filter((s) => s.start > result.usableMs).map((s) => s.path))].sort(),
  };
}

// A plain page with about as much visible text as a page header, no script, no stylesheet.
writeFileSync(
  PLAIN,
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Trang tĩnh / plain page</title></head><body><h1>Cổng dịch vụ công tỉnh Bình An</h1>' +
    '<p>Nộp hồ sơ, tra cứu tiến độ, đánh giá dịch vụ.</p></body></html>',
);

let browser: Browser | undefined;
try {
  const { db, auth } = admin();
  await loadDemoData(db, auth);
  await auth.createUser({ email: CITIZEN.email, password: CITIZEN.password, displayName: 'Người dùng đo', emailVerified: true });
  // A dossier returned to its applicant: the lookup shows it in full and the rating form opens for it.
  const returned = await driveDossier({ until: 'returned' });
  const code = (await db.doc(`dossiers/${returned.id}`).get()).get('code') as string;
  const token = signLookupToken(returned.id, lookupSecret());

  const plain: Target = { name: 'plain page', path: '/bench-plain.html', ready: 'h1' };
  const targets: Target[] = [
    { name: 'portal /', path: '/', ready: '[data-state="ok"] a[href^="/thu-tuc/"]' },
    { name: 'procedure /thu-tuc/', path: `/thu-tuc/${PROCEDURE}`, ready: '#app[data-state="ok"]' },
    { name: 'apply /nop-ho-so/', path: `/nop-ho-so/${PROCEDURE}`, ready: '#app[data-state]:not([data-state="error"]):not([data-state="loading"])', signedIn: true },
    // The same, signed in but without a page session: step 1 is drawn for anyone, the script then signs in.
    { name: 'apply, no session', path: `/nop-ho-so/${PROCEDURE}`, ready: '#app[data-state]:not([data-state="error"]):not([data-state="loading"])', signedIn: true, withoutSession: true },
    { name: 'my dossiers /ho-so/', path: '/ho-so/', ready: '#app[data-state="ok"]', signedIn: true },
    { name: 'lookup /tra-cuu/', path: `/tra-cuu/${encodeURIComponent(code)}?t=${token}`, ready: '#result[data-state="ok"]' },
    { name: 'rating /danh-gia/', path: `/danh-gia/${encodeURIComponent(code)}?t=${token}`, ready: '#app[data-state="form"]' },
  ];

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Sign the citizen in once (unthrottled), as on their own phone; later visits find the session.
  const signIn = await context.newPage();
  await signIn.goto(`${HOSTING_URL}/ho-so/`);
  await signInCitizen(signIn, CITIZEN);
  await signIn.locator('#app[data-state="ok"]').waitFor({ timeout: 60_000 });
  await signIn.close();

  // JavaScript per page, unthrottled: what is fetched before the page is usable, and after.
  const js = new Map<string, { before: string[]; after: string[] }>();
  for (const t of targets) {
    const s = await measure(context, t, false);
    js.set(t.name, { before: s.scriptsBefore, after: s.scriptsAfter });
  }
  // Warm-up (the Hosting emulator's and the functions' first answers are slower), then rounds that
  // interleave the plain page with every citizen page.
  await measure(context, plain, true);
  for (const t of targets) await measure(context, t, true);
  const times = new Map<string, number[]>([[plain.name, []], ...targets.map((t) => [t.name, []] as [string, number[]])]);
  for (let i = 0; i < ROUNDS; i++) {
    for (const t of [plain, ...targets]) times.get(t.name)!.push((await measure(context, t, true)).usableMs);
  }

  const base = median(times.get(plain.name)!);
  console.log(`time until usable, Slow 3G (400 ms RTT, 400 kbit/s), ${CPU_SLOWDOWN}× CPU slowdown, cache off, ${ROUNDS} rounds interleaved, medians:`);
  console.log(`  ${plain.name.padEnd(22)} ${ms(base)} (${times.get(plain.name)!.map((x) => x.toFixed(0)).join(', ')})`);
  let worstRatio = 0;
  let worstKb = 0;
  let over = 0;
  const rows: string[] = [];
  for (const t of targets) {
    const samples = times.get(t.name)!;
    const ratio = median(samples) / base;
    const { before, after } = js.get(t.name)!;
    const kb = before.reduce((sum, src) => sum + gzipKb(src), 0);
    const later = after.reduce((sum, src) => sum + gzipKb(src), 0);
    const ok = ratio <= USABLE_TARGET_RATIO && kb <= JS_TARGET_KB;
    if (!ok) over += 1;
    worstRatio = Math.max(worstRatio, ratio);
    worstKb = Math.max(worstKb, kb);
    console.log(`  ${t.name.padEnd(22)} ${ms(median(samples))} (${samples.map((x) => x.toFixed(0)).join(', ')})`);
    // What the JavaScript alone costs on this link, before any round trip or CPU: the floor under the
    // ratio that no request ordering can remove (60 KB at 400 kbit/s is 1.2 s, twice a plain page).
    const wireMs = ((kb * 1024 * 8) / (400 * 1000)) * 1000;
    rows.push(
      `  ${t.name.padEnd(22)} ${ratio.toFixed(2)}× the plain page, JS before usable ${kb.toFixed(1)} KB gzip (${before.length} files; ${wireMs.toFixed(0)} ms on the wire = ${(wireMs / base).toFixed(2)}× the plain page)` +
        `${after.length > 0 ? `, then ${later.toFixed(1)} KB more (${after.length} files)` : ''} ${ok ? 'OK' : 'OVER'}`,
    );
  }
  console.log(`per page (targets: ≤ ${USABLE_TARGET_RATIO}× the plain page, ≤ ${JS_TARGET_KB} KB gzip JS before usable):`);
  for (const r of rows) console.log(r);
  console.log(`citizen-page: ${targets.length} pages, worst ${worstRatio.toFixed(2)}× a plain page and ${worstKb.toFixed(1)} KB gzip JS before usable; ${over === 0 ? 'every page within target' : `${over} page(s) over target`}`);
} finally {
  await browser?.close();
  rmSync(PLAIN, { force: true });
}
process.exit(0);
