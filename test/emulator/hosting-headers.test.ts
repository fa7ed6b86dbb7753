// Security headers of every page, through the Hosting emulator (issue 12, finding 11): officer and kiosk
// pages could be framed, and lookup tokens in URLs could leak through the Referer header. Each page gets
// a Content-Security-Policy fitted to what its built HTML and code load (firebase.json), no page may be
// framed, and no request carries a Referer. The browser side (pages still work, no violation, framing
// refused, no Referer sent) is test/browser/security-headers.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTING_URL, ROOT } from '../support/emulators.js';

const emulators = (JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: Record<string, { port: number }> }).emulators;
const AUTH = [
  'https://identitytoolkit.googleapis.com',
  'https://securetoken.googleapis.com',
  `http://127.0.0.1:${emulators.auth!.port}`,
  `http://localhost:${emulators.auth!.port}`,
];
const FIRESTORE = ['https://firestore.googleapis.com', `http://127.0.0.1:${emulators.firestore!.port}`, `http://localhost:${emulators.firestore!.port}`];

// The public citizen pages start their one API request from an inline script, allowed by its hash and by
// nothing else inline (hosting/inline/early-fetch.js, hosting/vite.config.ts; issue 20).
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const EARLY = hashOf(readFileSync(join(ROOT, 'hosting', 'inline', 'early-fetch.js'), 'utf8'));

type Page = { paths: string[]; dist: string; inlineStyle: boolean; connect: string[]; object: string; frame: string; script?: string[] };
// What each page is allowed beyond 'self', and why (see hosting/src/<page>):
const PAGES: Record<string, Page> = {
  // Landing, lookup, procedure, rating and my dossiers carry their CSS inline (first paint on slow 3G: hosting/vite.config.ts).
  portal: { paths: ['/', '/index.html', '/mot-duong-dan-khong-co'], dist: 'portal.html', inlineStyle: true, connect: [], object: "'none'", frame: "'none'", script: [EARLY] },
  // A dossier's lookup, a procedure and the landing page are drawn by the api function (platform/serve-pages.ts): Hosting's headers apply to them too.
  lookup: { paths: ['/tra-cuu', '/tra-cuu/000.00.01.H99-351130-0997?t=secret-token'], dist: 'tra-cuu.html', inlineStyle: true, connect: [], object: "'none'", frame: "'none'", script: [EARLY] },
  procedure: { paths: ['/thu-tuc/1.000001'], dist: 'thu-tuc/index.html', inlineStyle: true, connect: [], object: "'none'", frame: "'none'", script: [EARLY] },
  transparency: { paths: ['/minh-bach/'], dist: 'minh-bach/index.html', inlineStyle: false, connect: [], object: "'none'", frame: "'none'" },
  verification: { paths: ['/xac-thuc/', '/xac-thuc/ABCDEFGHJKLM'], dist: 'xac-thuc/index.html', inlineStyle: false, connect: [], object: "'none'", frame: "'none'" },
  // Sign-in only (Firebase Auth).
  kiosk: { paths: ['/kiosk/', '/kiosk'], dist: 'kiosk/index.html', inlineStyle: false, connect: AUTH, object: "'none'", frame: "'none'" },
  rating: { paths: ['/danh-gia/000.00.01.H99-351130-0997?t=x'], dist: 'danh-gia/index.html', inlineStyle: true, connect: AUTH, object: "'none'", frame: "'none'", script: [EARLY] },
  // The feedback form sends as the signed-in citizen when there is one; the answers and one's own case need no sign-in.
  feedback: { paths: ['/phan-anh/', '/phan-anh/gui', '/phan-anh/theo-doi/abc?t=x'], dist: 'phan-anh/index.html', inlineStyle: false, connect: AUTH, object: "'none'", frame: "'none'" },
  // Staff sign-in; exports are downloaded as blobs through a link (no frame, no object).
  leaders: { paths: ['/lanh-dao/', '/lanh-dao/phan-anh', '/lanh-dao/phieu-danh-gia'], dist: 'lanh-dao/index.html', inlineStyle: false, connect: AUTH, object: "'none'", frame: "'none'" },
  // The sign-in page: Firebase Auth, and reCAPTCHA for the phone number (loaded only in production: the
  // emulators skip app verification), whose script and frame come from Google.
  signIn: {
    paths: ['/dang-nhap/', '/dang-nhap/vneid?code=x&state=y', '/dang-nhap/?mode=verifyEmail&oobCode=x'],
    dist: 'dang-nhap/index.html',
    inlineStyle: false,
    connect: AUTH,
    object: "'none'",
    frame: 'https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/',
    script: ['https://www.google.com/recaptcha/', 'https://www.gstatic.com/recaptcha/'],
  },
  // The data protection officer's queue: sign-in and the API only.
  dataRequests: { paths: ['/bao-ve-du-lieu/'], dist: 'bao-ve-du-lieu/index.html', inlineStyle: false, connect: AUTH, object: "'none'", frame: "'none'" },
  // Sign-in and live Firestore.
  apply: { paths: ['/nop-ho-so/1.000001'], dist: 'nop-ho-so/index.html', inlineStyle: true, connect: [...AUTH, ...FIRESTORE], object: "'none'", frame: "'none'", script: [EARLY] },
  // Slips open as PDF blobs (a new tab; at the desk, a print frame).
  // (blob: in connect-src: reading back the page's own PDF copy, harmless.)
  myDossiers: { paths: ['/ho-so/', '/ho-so', '/ho-so/abc'], dist: 'ho-so.html', inlineStyle: true, connect: [...AUTH, ...FIRESTORE, 'blob:'], object: 'blob:', frame: "'none'" },
  officer: { paths: ['/can-bo/', '/can-bo/ho-so/abc', '/can-bo/tiep-nhan'], dist: 'can-bo/index.html', inlineStyle: false, connect: [...AUTH, ...FIRESTORE, 'blob:'], object: 'blob:', frame: 'blob:' },
  // Sign-in only: every read and write goes through the API (the logo preview is a data: image).
  admin: { paths: ['/quan-tri/', '/quan-tri', '/quan-tri/lich'], dist: 'quan-tri/index.html', inlineStyle: false, connect: AUTH, object: "'none'", frame: "'none'" },
};

/** Directive name → its sources, from a policy string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const COMMON = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
};

describe.each(Object.entries(PAGES))('%s page', (_name, page) => {
  it.each(page.paths)('%s: the common headers and its own policy', async (path) => {
    const res = await fetch(`${HOSTING_URL}${path}`);
    // Pages the api function draws answer with the API's status: these name a dossier and a procedure that do not exist.
    expect(res.status).toBe(/^\/(?:tra-cuu|thu-tuc|danh-gia)\//.test(path) ? 404 : 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    for (const [key, value] of Object.entries(COMMON)) expect(res.headers.get(key), key).toBe(value);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", ...(page.script ?? [])]);
    expect(csp.get('style-src')).toEqual(page.inlineStyle ? ["'self'", "'unsafe-inline'"] : ["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", ...page.connect]);
    expect(csp.get('object-src')).toEqual([page.object]);
    expect(csp.get('frame-src')).toEqual(page.frame.split(' '));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('its built HTML needs nothing more: no inline script but the one its policy names by hash, inline CSS only where the policy allows it', () => {
    const html = readFileSync(join(ROOT, 'hosting', 'dist', page.dist), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    let inline = 0;
    for (const [, attrs, body] of scripts) {
      if (body!.trim() !== '') {
        inline += 1;
        expect(attrs).toBe('');
        expect(page.script ?? []).toContain(hashOf(body!));
        continue;
      }
      expect(attrs).toMatch(/\bsrc="\/assets\//);
    }
    expect(inline).toBe(page.script?.includes(EARLY) ? 1 : 0);
    expect(/<style\b/.test(html)).toBe(page.inlineStyle);
    expect(/\son[a-z]+=/i.test(html)).toBe(false); // no inline event handlers
    expect(/\sstyle=/i.test(html)).toBe(false);
  });
});

describe('the API', () => {
  it('answers with a policy that allows nothing and cannot be framed', async () => {
    const res = await fetch(`${HOSTING_URL}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('assets', () => {
  it('keep their long cache and get nosniff', async () => {
    const html = readFileSync(join(ROOT, 'hosting', 'dist', 'portal.html'), 'utf8');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await fetch(`${HOSTING_URL}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
