// The lookup page sent with its answer drawn (issue 20): GET /tra-cuu/<code>?t= through Hosting →
// the api function's page renderer (platform/serve-pages.ts, features/lookup/lookup-page.ts). The page
// shows the same answer the API gives (it is the API's own, embedded once: the page's script does not ask
// again), escapes what it prints, keeps the page's security headers and is never cached.
import { beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, driveDossier, type DossierRef } from '../support/api.js';
import { admin, FUNCTIONS_URL } from '../support/emulators.js';
import { fetchPage, pageData } from '../support/server-pages.js';
import { lookupSecret } from '../support/identity.js';

const { db, auth } = admin();

const page = (path: string) => fetchPage(path);
/** The text of the answer section as drawn by the server. */
const resultOf = (html: string) => /<section id="result"[^>]*>(.*?)<\/section>/s.exec(html)?.[0] ?? '';

let returned: DossierRef;
let token: string;

beforeAll(async () => {
  await loadDemoData(db, auth);
  returned = await driveDossier({ until: 'returned' });
  token = signLookupToken(returned.id, lookupSecret());
});

describe('GET /tra-cuu/<code>?t= — the lookup page with its answer', () => {
  it('with the receipt token: the full answer drawn in Vietnamese, and the API answer embedded once for the script', async () => {
    const { res, html } = await page(`/tra-cuu/${encodeURIComponent(returned.code)}?t=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The page's own Content-Security-Policy from firebase.json applies to the rendered page too.
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    const data = pageData(html);
    const fromApi = await api('lookup', { params: { code: returned.code }, query: { t: token } });
    expect(data.status).toBe(200);
    expect(data.body).toEqual(fromApi.body);
    expect(data.body.view).toBe('full');
    const result = resultOf(html);
    expect(result).toContain('data-state="ok"');
    expect(result).toContain(`<dd>${returned.code}</dd>`);
    expect(result).toContain('data-testid="status"');
    expect(result).toContain((fromApi.body as { statusLabel: { vi: string } }).statusLabel.vi);
    expect(result).toContain((fromApi.body as { procedure: { name: { vi: string } } }).procedure.name.vi);
    // Returned and not yet rated: the way to rate is one tap away, with the same token.
    expect(result).toContain(`href="/danh-gia/${encodeURIComponent(returned.code)}?t=${token}"`);
    // The code is in the form, so a new lookup starts from it.
    expect(html).toContain(`<input id="code" value="${returned.code}"`);
  });

  it('with the code alone: the status only, nothing more', async () => {
    const { res, html } = await page(`/tra-cuu/${encodeURIComponent(returned.code)}`);
    expect(res.status).toBe(200);
    const data = pageData(html);
    expect(data.body.view).toBe('basic');
    const result = resultOf(html);
    expect(result).toContain('Quét mã QR trên giấy tiếp nhận');
    const full = await api('lookup', { params: { code: returned.code }, query: { t: token } });
    expect(result).not.toContain((full.body as { procedure: { name: { vi: string } } }).procedure.name.vi);
    expect(result).not.toContain('danh-gia');
  });

  it('an unknown code: 404 with the bilingual refusal, drawn and embedded', async () => {
    const { res, html } = await page('/tra-cuu/000.00.01.H99-351130-0998');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(pageData(html)).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect(resultOf(html)).toContain('data-state="error">Không tìm thấy hồ sơ có mã này');
  });

  it('a hostile code and query: refused (400), printed escaped, never run', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { res, html } = await page(`/tra-cuu/${encodeURIComponent(hostile)}?t=%3Cscript%3E`);
    expect(res.status).toBe(400);
    expect(html).not.toContain(hostile);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    // The embedded JSON cannot close its script block.
    const block = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(pageData(html)).toMatchObject({ status: 400, body: { error: { code: 'invalid-argument' } } });
  });

  it('the page’s own parameters (the contact confirmation `xn`) do not make the lookup invalid', async () => {
    const { res, html } = await page(`/tra-cuu/${encodeURIComponent(returned.code)}?t=${token}&xn=abc`);
    expect(res.status).toBe(200);
    expect(pageData(html).body.view).toBe('full');
  });

  it('bad percent-encoding in the address: refused with a 400, never a 500', async () => {
    // Straight to the function: the Hosting emulator itself fails on such an address (production Hosting
    // refuses it before any function); the function's HTTP layer refuses it before the page renderer.
    const res = await fetch(`${FUNCTIONS_URL}/api/tra-cuu/%E0%A4%A`, { headers: { 'x-forwarded-for': '198.19.0.1' } });
    expect(res.status).toBe(400);
  });
});

describe('GET /tra-cuu/ — where a code is typed', () => {
  it('is the page as built, whose form sends a code to /tra-cuu/ even before its script has arrived', async () => {
    for (const path of ['/tra-cuu/', '/tra-cuu']) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=60, s-maxage=300');
      expect(html, path).toContain('<form id="lookup-form" action="/tra-cuu/" novalidate>');
      expect(resultOf(html), path).toBe('<section id="result" aria-live="polite"></section>');
    }
  });

  it('a code sent by that form goes on to its lookup (303), trimmed and encoded; an empty or overlong one stays here', async () => {
    const sent = await page(`/tra-cuu/?code=${encodeURIComponent(' 000.00.01.H99-261203-0001 ')}`);
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe('/tra-cuu/000.00.01.H99-261203-0001');
    const hostile = await page(`/tra-cuu/?code=${encodeURIComponent('"><script>x</script>/../a')}`);
    expect(hostile.res.headers.get('location')).toBe(`/tra-cuu/${encodeURIComponent('"><script>x</script>/../a')}`);
    expect(hostile.html).not.toContain('<script>x');
    for (const query of ['?code=', `?code=${'9'.repeat(65)}`, '?code=a&code=b']) {
      const { res } = await page(`/tra-cuu/${query}`);
      expect(res.status, query).toBe(200);
    }
  });
});
