// A procedure's page sent with its content drawn (issue 20): GET /thu-tuc/<code> through Hosting → the api
// function's page renderer (features/catalog/procedure-page.ts). The content is the API answer printed by
// the contract's procedureView(); the answer is embedded once for the page's script; the page is public
// and CDN-cacheable like the API answer; a refusal is drawn and never cached.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { api } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { fetchPage, pageData } from '../support/server-pages.js';

const { db, auth } = admin();
const CODE = '1.012790';

const page = (path: string) => fetchPage(path);
const appOf = (html: string) => /<div id="app"[^>]*>(.*)<\/div>\s*<p><a href="\/"/s.exec(html)?.[0] ?? '';

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('GET /thu-tuc/<code> — the procedure page with its content', () => {
  it('the procedure drawn in Vietnamese (name, documents, fee, where to apply), its title, the API answer embedded, CDN-cacheable', async () => {
    const { res, html } = await page(`/thu-tuc/${CODE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    const fromApi = await api('getProcedure', { params: { code: CODE } });
    expect(pageData(html)).toEqual({ status: 200, body: fromApi.body });
    const seeded = demoProcedures.filter((p) => p.code === CODE).sort((a, b) => b.version - a.version)[0]!;
    const app = appOf(html);
    expect(app).toContain('data-state="ok"');
    expect(app).toContain(`<h1 id="procedure-name">${seeded.name.vi}</h1>`);
    for (const c of seeded.components) expect(app).toContain(`data-component="${c.id}"`);
    expect(app).toContain(`href="/nop-ho-so/${CODE}"`);
    expect(app).toContain('id="agencies"');
    expect(html).toContain(`<title>${seeded.name.vi}</title>`);
    // Its CSS is in the page: nothing holds the first paint back for another round trip.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
  });

  it('an unknown code: 404, "not found" drawn, not cached', async () => {
    const { res, html } = await page('/thu-tuc/9.999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(appOf(html)).toContain('data-state="error"><h1>Không tìm thấy thủ tục</h1>');
    expect(pageData(html)).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });

  it('a hostile code: refused (400) and printed nowhere unescaped', async () => {
    const hostile = '"><script>alert(1)</script>';
    const { res, html } = await page(`/thu-tuc/${encodeURIComponent(hostile)}`);
    expect(res.status).toBe(400);
    expect(html).not.toContain('<script>alert(1)');
    expect(appOf(html)).toContain('data-state="error"');
  });
});
