// Applying online sent with the wizard's first view drawn (issue 20): GET /nop-ho-so/<code> through Hosting
// → the api function's page (features/dossiers/apply-page.ts). With the citizen's page session the page
// arrives with their saved draft offered, or the first question (where to submit) ready to answer, and
// what the script would ask for first embedded: the procedure (the API's answer), the directory, the
// citizen's own profile and draft — never anyone else's. Without a session: the first question for anyone
// (the script signs the citizen in after it, keeping the answer). Never kept by a cache.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencyPage, ProcedureDetail } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api } from '../support/api.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { cookieFor } from '../support/page-session.js';
import { pageData } from '../support/server-pages.js';

const { db, auth } = admin();
const CODE = '1.012790';
const A = IDENTITIES.citizenA;
const B = IDENTITIES.citizenB;

const applyPage = async (cookie?: string, query = '', code = CODE) => {
  const res = await fetch(`${HOSTING_URL}/nop-ho-so/${encodeURIComponent(code)}${query}`, { headers: cookie ? { cookie: `__session=${cookie}` } : {} });
  return { res, html: await res.text() };
};
const appOf = (html: string) => /<div id="app"[^>]*>.*?<\/main>/s.exec(html)?.[0] ?? '';
type ApplyData = { uid: string; agencies: AgencyPage['items']; profile: unknown; draft: (Record<string, unknown> & { id: string; updatedAt: string | null }) | null };
const applyData = (html: string): ApplyData | undefined => {
  const match = /<script type="application\/json" id="apply-data">(.*?)<\/script>/s.exec(html);
  return match ? (JSON.parse(match[1]!) as ApplyData) : undefined;
};
const checkedDesk = (html: string) => /<input type="radio" name="agency" id="agency-\d+" value="([^"]+)" checked>/.exec(html)?.[1];

/** The directory as the wizard gets it: the API's, without the officers and opening hours it never shows. */
const wizardDirectory = async () =>
  ((await api('listAgencies', {})).body as AgencyPage).items.map(({ officers: _o, workingHours: _h, ...agency }) => ({ ...agency, officers: [] }));

let detail: ProcedureDetail;
let cookieA: string;

beforeAll(async () => {
  await loadDemoData(db, auth);
  detail = (await api('getProcedure', { params: { code: CODE } })).body as ProcedureDetail;
  cookieA = await cookieFor(A);
  await db.doc(`drafts/${A.uid}_0`).delete();
});

describe('GET /nop-ho-so/<code> — the wizard with its first view', () => {
  it('without a session: the first question drawn for anyone (the sign-in comes next), the procedure and directory embedded, nothing personal', async () => {
    const { res, html } = await applyPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    const app = appOf(html);
    expect(app).toMatch(/^<div id="app" data-state="agency">/);
    expect(app).toContain('<form id="step-agency" novalidate>');
    expect(app).toContain('Để nộp, bạn đăng nhập bằng tài khoản công dân; lựa chọn ở bước này được giữ lại.');
    expect(app).not.toContain('Đăng nhập:');
    for (const desk of detail.receivingAgencies) expect(app).toContain(`value="${desk.id}"`);
    expect(pageData(html)).toEqual({ status: 200, body: (await api('getProcedure', { params: { code: CODE } })).body });
    expect(applyData(html)).toEqual({ uid: null, agencies: await wizardDirectory(), profile: null, draft: null });
    expect(html).not.toMatch(/<link rel="stylesheet"/);
  });

  it("with A's session and no draft: the first question drawn for A, with the fee; A's profile and the directory embedded", async () => {
    const { res, html } = await applyPage(cookieA);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const app = appOf(html);
    expect(app).toContain(`data-state="agency" data-uid="${A.uid}"`);
    expect(app).toContain('<form id="step-agency" novalidate>');
    expect(app).toContain('<h2 id="step-title" tabindex="-1">Nơi nộp hồ sơ</h2>');
    expect(app).toContain(`href="/thu-tuc/${CODE}"`);
    expect(app).toContain('id="wizard-fee"');
    for (const desk of detail.receivingAgencies) expect(app).toContain(`value="${desk.id}"`);
    expect(app).toContain('<button type="submit" id="next">Tiếp tục</button>');
    const data = applyData(html)!;
    expect(data.uid).toBe(A.uid);
    expect(data.draft).toBeNull();
    expect(data.agencies).toEqual(await wizardDirectory());
    expect(data.profile).toEqual((await api('getProfile', {}, A)).body);
    expect(pageData(html)).toMatchObject({ status: 200, body: { procedure: { code: CODE } } });
  });

  it("with a saved draft: A is offered it (A's own, never B's), and its content is embedded for the script", async () => {
    const updatedAt = new Date('2026-12-01T03:04:00Z');
    await db.doc(`drafts/${A.uid}_0`).set({ ownerUserId: A.uid, procedureCode: CODE, receivingAgencyId: detail.receivingAgencies[0]!.id, resultDelivery: 'online', createdAt: updatedAt, updatedAt });
    await db.doc(`drafts/${B.uid}_0`).set({ ownerUserId: B.uid, procedureCode: CODE, applicant: { kind: 'person', fullName: 'Người Thứ Hai Bí Mật' }, createdAt: updatedAt, updatedAt });
    try {
      const { html } = await applyPage(cookieA);
      const app = appOf(html);
      expect(app).toContain(`data-state="resume" data-uid="${A.uid}"`);
      expect(app).toContain('Bạn có hồ sơ nháp chưa nộp');
      expect(app).toContain('Lưu lần cuối lúc 10:04 01/12/2026.'); // Vietnam time
      expect(applyData(html)!.draft).toEqual({ id: `${A.uid}_0`, receivingAgencyId: detail.receivingAgencies[0]!.id, resultDelivery: 'online', updatedAt: updatedAt.toISOString() });
      expect(html).not.toContain('Người Thứ Hai Bí Mật');
      // B sees B's own.
      const ofB = await applyPage(await cookieFor(B));
      expect(applyData(ofB.html)!.draft).toMatchObject({ id: `${B.uid}_0`, applicant: { fullName: 'Người Thứ Hai Bí Mật' } });
    } finally {
      await Promise.all([db.doc(`drafts/${A.uid}_0`).delete(), db.doc(`drafts/${B.uid}_0`).delete()]);
    }
  });

  it('a step-1 form sent before the script ran (answers in the query): drawn again with the desk chosen; anything else chooses nothing', async () => {
    const desk = detail.receivingAgencies[0]!.id;
    expect(checkedDesk((await applyPage(cookieA, `?agency=${encodeURIComponent(desk)}&competentAgencyId=`)).html)).toBe(desk);
    // Not a desk offered, a list, an overlong value: nothing preselected, no error page, nothing written.
    for (const query of ['?agency=khong-co-noi-nay', `?agency=${desk}&agency=${desk}`, `?agency=${'x'.repeat(200)}`]) {
      const { res, html } = await applyPage(cookieA, query);
      expect(res.status, query).toBe(200);
      expect(appOf(html), query).toContain('data-state="agency"');
      if (detail.receivingAgencies.length > 1) expect(checkedDesk(html), query).toBeUndefined();
    }
    expect((await db.collection('drafts').where('ownerUserId', '==', A.uid).get()).size).toBe(0);
  });

  it('an unknown or hostile procedure code: the page as built with the refusal embedded for the script, nothing drawn', async () => {
    for (const code of ['9.999999', '"><script>alert(1)</script>']) {
      const { res, html } = await applyPage(cookieA, '', code);
      expect(res.status, code).toBe(200);
      expect(appOf(html), code).toMatch(/^<div id="app"><p class="status"/);
      expect(pageData(html).status, code).toBeGreaterThanOrEqual(400);
      expect(html).not.toContain('<script>alert(1)');
      expect(applyData(html)).toBeUndefined();
    }
  });
});
