// @needs emulators
// What the citizen landing page `/` costs a cheap phone on slow 3G: (a) the JavaScript it loads, gzip KB
// (target ≤ 150 KB): the entry script and its modulepreloads from the built index.html, plus any script
// Chromium actually fetches while the page settles (lazy chunks); (b) first contentful paint in Debian
// Chromium throttled to "Slow 3G" (400 ms RTT, 400 kbit/s each way, cache off) against a plain static
// HTML page served by the same Hosting emulator in the same run (ratio of medians; target ≤ 2×).
// The hosting app is built first so the figures are those of the current source.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.js';
import { HOSTING_URL, ROOT } from '../test/support/emulators.js';
import { median, ms } from './_stats.js';

const ROUNDS = 7;
const JS_TARGET_KB = 150;
const FCP_TARGET_RATIO = 2;
// "Slow 3G": CDP throughput is in bytes per second.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

const DIST = join(ROOT, 'hosting', 'dist');
const PLAIN = join(DIST, 'bench-plain.html');

execFileSync('npm', ['run', '--silent', 'build', '-w', 'hosting'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const gzipKb = (urlPath: string): number => {
  const file = join(DIST, urlPath.replace(/^\//, ''));
  if (!existsSync(file)) throw new Error(`${urlPath} is not in hosting/dist`);
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
};

/** Scripts named by the built HTML: module entries and their modulepreloads (Vite's static imports). */
function staticScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href) found.add(href);
  }
  return [...found].filter((src) => src.startsWith('/'));
}

/** Every script Chromium fetches for `/` (unthrottled) until the network has been idle. */
async function recordedScripts(browser: Browser): Promise<string[]> {
  const page = await browser.newPage();
  const seen = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.request().resourceType() === 'script' && url.origin === HOSTING_URL) seen.add(url.pathname);
  });
  await page.goto(`${HOSTING_URL}/`, { waitUntil: 'networkidle' });
  await page.close();
  return [...seen];
}

async function firstContentfulPaint(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await page.goto(`${HOSTING_URL}${path}`, { waitUntil: 'load', timeout: 120_000 });
  // The test tsconfig has no DOM types: the in-page code is written against `globalThis`.
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        type Entry = { name: string; startTime: number };
        type Observer = new (cb: (list: { getEntries(): Entry[] }) => void) => { observe(o: unknown): void };
        const g = globalThis as unknown as { PerformanceObserver: Observer };
        new g.PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return fcp;
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
// A page with about as much visible text as a landing page header, no script, no stylesheet.
writeFileSync(
  PLAIN,
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Trang tĩnh / plain page</title></head><body><h1>Cổng dịch vụ công tỉnh Bình An</h1>' +
    '<p>Nộp hồ sơ, tra cứu tiến độ, đánh giá dịch vụ.</p></body></html>',
);
let browser: Browser | undefined;
try {
  browser = await launchBrowser();
  const declared = staticScripts(html);
  const recorded = await recordedScripts(browser);
  const all = [...new Set([...declared, ...recorded])].sort();
  const sizes = all.map((src) => ({ src, kb: gzipKb(src) }));
  const totalKb = sizes.reduce((sum, s) => sum + s.kb, 0);

  // Warm-up (the Hosting emulator's first answers are slower), then interleave the two pages.
  await firstContentfulPaint(browser, '/bench-plain.html');
  await firstContentfulPaint(browser, '/');
  const plain: number[] = [];
  const landing: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    plain.push(await firstContentfulPaint(browser, '/bench-plain.html'));
    landing.push(await firstContentfulPaint(browser, '/'));
  }
  const ratio = median(landing) / median(plain);

  console.log(`scripts loaded by / (${declared.length} named in index.html, ${recorded.length} fetched by Chromium):`);
  for (const s of sizes) console.log(`  ${s.src}: ${s.kb.toFixed(1)} KB gzip`);
  console.log(`JavaScript, gzip total: ${totalKb.toFixed(1)} KB (target ≤ ${JS_TARGET_KB} KB) ${totalKb <= JS_TARGET_KB ? 'OK' : 'OVER'}`);
  console.log(`first contentful paint, Slow 3G (400 ms RTT, 400 kbit/s), cache off, ${ROUNDS} rounds interleaved, medians:`);
  console.log(`  plain static page: ${ms(median(plain))} (${plain.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  landing page /:    ${ms(median(landing))} (${landing.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio: ${ratio.toFixed(2)}x (target ≤ ${FCP_TARGET_RATIO}x) ${ratio <= FCP_TARGET_RATIO ? 'OK' : 'OVER'}`);
  console.log(`citizen-page: ${totalKb.toFixed(1)} KB gzip JS, FCP ${ratio.toFixed(2)}x a plain page on slow 3G (${ms(median(landing))} median)`);
} finally {
  await browser?.close();
  rmSync(PLAIN, { force: true });
}
process.exit(0);
