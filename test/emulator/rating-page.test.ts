// The rating page sent with its form drawn (issue 20): GET /danh-gia/<code>?t= through Hosting → the api
// function's page renderer (features/ratings/rating-page.ts), and the form posting itself there when the
// page's script has not arrived: the answers go through the rating API's own handler, once, and the
// browser is sent back to the page (POST/redirect/GET), which thanks the citizen.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signLookupToken } from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { driveDossier, type DossierRef } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { fetchPage } from '../support/server-pages.js';
import { lookupSecret } from '../support/identity.js';

const { db, auth } = admin();

const get = (path: string) => fetchPage(path);
const post = (path: string, fields: Record<string, string>) => fetchPage(path, fields);
const appOf = (html: string) => /<div id="app"[^>]*>.*?<\/main>/s.exec(html)?.[0] ?? '';

let returned: DossierRef;
let token: string;
let address: string;

beforeAll(async () => {
  await loadDemoData(db, auth);
  returned = await driveDossier({ until: 'returned' });
  token = signLookupToken(returned.id, lookupSecret());
  address = `/danh-gia/${encodeURIComponent(returned.code)}?t=${token}`;
});

describe('GET/POST /danh-gia/<code>?t= — the rating page with its form', () => {
  it('the form drawn, posting to the page itself with a request id; the lookup answer embedded; never cached', async () => {
    const { res, html } = await get(address);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    const app = appOf(html);
    expect(app).toContain('data-state="form"');
    expect(app).toContain(`<form id="rating-form" novalidate method="post" action="${address.replace(/&/g, '&amp;')}">`);
    expect(app).toMatch(/<input type="hidden" name="requestId" value="[0-9a-f-]{36}">/);
    expect(app).toContain(`<dd data-testid="code">${returned.code}</dd>`);
    expect(html).toContain('id="page-data"');
  });

  it('a form without the required choices: drawn again with why, what was chosen kept, nothing stored', async () => {
    const { res, html } = await post(address, { requestId: randomUUID(), complaint: 'no', comment: 'Nhanh' });
    expect(res.status).toBe(400);
    const app = appOf(html);
    expect(app).toContain('data-state="error"');
    expect(app).toMatch(/<input type="radio" name="complaint" id="complaint" value="no" checked>/);
    expect(app).toContain('>Nhanh</textarea>');
    expect((await db.doc(`ratings/${returned.id}`).get()).exists).toBe(false);
  });

  it('a complete form: stored once (the same request again counts once), back to the page, which thanks', async () => {
    const fields = { requestId: randomUUID(), satisfaction: 'verySatisfied', complaint: 'no', comment: '' };
    const sent = await post(address, fields);
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe(`${address}&da-gui=1`);
    const stored = await db.doc(`ratings/${returned.id}`).get();
    expect(stored.get('satisfaction')).toBe('verySatisfied');
    expect(stored.get('officerAttitudeComplaint')).toBe(false);
    // A reload of the POST (or a double tap): the same answer, no second rating.
    const again = await post(address, fields);
    expect(again.res.status).toBe(303);
    const thanks = await get(sent.res.headers.get('location')!);
    expect(appOf(thanks.html)).toContain('data-state="thanks"');
    expect(appOf(thanks.html)).toContain('Cảm ơn bạn đã đánh giá');
    // Opened again later: already rated, no form.
    const later = await get(address);
    expect(appOf(later.html)).toContain('data-state="alreadyRated"');
    expect(appOf(later.html)).not.toContain('<form');
  });

  it('an unknown dossier: 404 with "not found" drawn; without a token the page is the owner’s, sent as built', async () => {
    const missing = await get(`/danh-gia/000.00.01.H99-351130-0996?t=${token}`);
    expect(missing.res.status).toBe(404);
    expect(appOf(missing.html)).toContain('data-state="notFound"');
    const owner = await get(`/danh-gia/${encodeURIComponent(returned.code)}`);
    expect(owner.res.status).toBe(200);
    expect(owner.html).not.toContain('id="page-data"');
    expect(appOf(owner.html)).toContain('Đang tải…');
  });
});
