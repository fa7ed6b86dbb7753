// Branding (settings/branding) through the real Emulator Suite: public to read, an administrator's to
// change (bad input refused field by field, stale saves refused, retries harmless), the logo served as an
// image, and the branding used at once by a slip (the place before its date, the hotline, the address in
// its QR code) and by a notification (subject, lookup address, hotline). Then the audit log that recorded
// all of it. The demo branding is put back at the end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveBrandingBody } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { demoBranding } from '../../seed/data/branding.js';
import { act, api, APPLICANT, call, download, landRenewal, rid, submit } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { pdfText, qrOnPage1 } from '../support/pdf-probe.js';

const { db, auth } = admin();
const run = Date.now().toString(36);
const ORIGIN = 'https://dichvucong.thunghiem.gov.vn';
const BRAND = { provinceName: { vi: 'tỉnh Thử Nghiệm', en: 'Thử Nghiệm province' }, placeName: 'Thử Nghiệm', hotline: '1900 1234', publicOrigin: ORIGIN };

function tinyPng(): string {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return PNG.sync.write(png).toString('base64');
}

const branding = async () => (await api('getBranding', {})).body;
/** Saves as `as` (no default: a refusal test passes undefined for an anonymous caller). */
const saveAs = (as: TestIdentity | undefined, body: Omit<SaveBrandingBody, 'requestId' | 'expectedUpdateTime'>) =>
  branding().then((current) => api('saveBranding', { body: { requestId: rid('brand'), expectedUpdateTime: current.updateTime, ...body } }, as));
const save = (body: Omit<SaveBrandingBody, 'requestId' | 'expectedUpdateTime'>) => saveAs(IDENTITIES.admin, body);

beforeAll(async () => {
  await loadDemoData(db, auth);
});

afterAll(async () => {
  const res = await save({ ...demoBranding, logo: null });
  expect(res.status, res.text).toBe(200);
});

describe('reading the branding', () => {
  it('is public: the demo province, no logo yet', async () => {
    const res = await api('getBranding', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    expect(res.body).toMatchObject({ configured: true, provinceName: demoBranding.provinceName, placeName: 'Bình An', hotline: '1900 0298', logoUrl: null });
    expect((await download('getBrandingLogo', {})).status).toBe(404);
  });
});

describe('changing the branding', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
  ] as const)('refuses %s, changing nothing', async (_who, as, status) => {
    expect((await saveAs(as, BRAND)).status).toBe(status);
    expect((await branding()).placeName).toBe('Bình An');
  });

  it.each([
    ['an origin with a path', { publicOrigin: 'https://dichvucong.gov.vn/portal' }, 'publicOrigin'],
    ['an origin that is no URL', { publicOrigin: 'dichvucong' }, 'publicOrigin'],
    ['a hotline with letters', { hotline: 'gọi 1900' }, 'hotline'],
    ['a blank province name', { provinceName: { vi: ' ', en: 'x' } }, 'provinceName.vi'],
    ['a logo that is not the image it claims', { logo: { contentType: 'image/png', base64: Buffer.from('<svg onload=alert(1)>').toString('base64') } }, 'logo'],
    ['a logo over 100 KB', { logo: { contentType: 'image/jpeg', base64: Buffer.alloc(110_000, 0xff).toString('base64') } }, 'logo.base64'],
    ['an SVG logo', { logo: { contentType: 'image/svg+xml', base64: 'PHN2Zz4=' } }, 'logo.contentType'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('refuses %s with a bilingual field error', async (_label, patch, path) => {
    const current = await branding();
    const res = await call('PUT', '/admin/branding', IDENTITIES.admin, { requestId: rid('brand-bad'), expectedUpdateTime: current.updateTime, ...BRAND, ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.fields.every((f) => f.message.vi && f.message.en)).toBe(true);
    expect((await branding()).updateTime).toBe(current.updateTime);
  });

  it('saves the province’s name, place, hotline, address and logo; the logo is served as the image', async () => {
    const logo = tinyPng();
    const res = await save({ ...BRAND, logo: { contentType: 'image/png', base64: logo } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.branding).toMatchObject({ ...BRAND, configured: true, logoUrl: '/api/branding/logo?v=1' });
    expect(await branding()).toMatchObject({ placeName: 'Thử Nghiệm', logoUrl: '/api/branding/logo?v=1' });
    const image = await download('getBrandingLogo', { query: { v: '1' } });
    expect(image.status).toBe(200);
    expect(image.contentType).toBe('image/png');
    expect(image.bytes.toString('base64')).toBe(logo);
    // A save without `logo` keeps it; a stale save is refused.
    const stale = await api('saveBranding', { body: { requestId: rid('brand-stale'), expectedUpdateTime: '2020-01-01T00:00:00.000Z', ...BRAND } }, IDENTITIES.admin);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.reason).toBe('staleDocument');
    const kept = await save(BRAND);
    expect(kept.body.branding.logoUrl).toBe('/api/branding/logo?v=1');
  });

  it('a slip uses it at once: the place before the date, the hotline, the public address in the QR code', async () => {
    const dossier = await submit(landRenewal(rid('brand-slip')));
    await act(dossier, IDENTITIES.receptionistX, { type: 'receive' }, rid('brand-receive'));
    const slip = await eventually(async () => {
      const res = await download('downloadSlip', { params: { dossierId: dossier.id, slipId: '01-000002' } }, IDENTITIES.citizenA);
      return res.status === 200 ? res.bytes : undefined;
    }, 'the receipt of the branded province');
    const text = pdfText(slip).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Thử Nghiệm, ngày');
    expect(text).toContain('Đường dây nóng / Hotline: 1900 1234');
    expect(qrOnPage1(slip)!.startsWith(`${ORIGIN}/tra-cuu/${dossier.code}?t=`)).toBe(true);
  });

  it('a notification uses it at once: the province in the subject, the lookup address and hotline in the email', async () => {
    const mailDir = process.env.MAIL_CATCHER_DIR;
    expect(mailDir, 'MAIL_CATCHER_DIR: run through `npm test -- --emulator`').toBeTruthy();
    const email = `brand.${run}@example.vn`;
    const dossier = await submit(landRenewal(rid('brand-mail'), { ...APPLICANT, email }));
    const mail = await eventually(async () => {
      for (const file of readdirSync(mailDir!)) {
        const parsed = await simpleParser(readFileSync(join(mailDir!, file)));
        if ((Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text === email) return parsed;
      }
      return undefined;
    }, 'the email of the branded province');
    expect(mail.subject).toBe(`[Một cửa tỉnh Thử Nghiệm] Hồ sơ ${dossier.code}`);
    expect(mail.text).toContain(`Tra cứu hồ sơ: ${ORIGIN}/tra-cuu/${dossier.code}`);
    expect(mail.text).toContain('Đường dây nóng: 1900 1234');
    expect(mail.text).toContain('Hotline: 1900 1234');
  });
});

describe('the audit log', () => {
  it('lists who changed what, newest first, to administrators only, filtered by kind', async () => {
    const res = await api('listAudit', { query: { targetKind: 'branding' } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(200);
    expect(res.body.entries.length).toBeGreaterThanOrEqual(2);
    expect(res.body.entries.every((e) => e.target.kind === 'branding' && e.action === 'branding.save')).toBe(true);
    const [latest] = res.body.entries;
    expect(latest).toMatchObject({ actor: { userId: IDENTITIES.admin.uid, role: 'admin' }, summary: { vi: 'Cập nhật nhận diện: tỉnh Thử Nghiệm' } });
    // The logo is recorded by its size, not its bytes.
    expect(latest!.after).toMatchObject({ placeName: 'Thử Nghiệm', logo: { contentType: 'image/png', version: 1 } });
    const times = res.body.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = await api('listAudit', {}, IDENTITIES.admin);
    expect(all.body.entries.length).toBeGreaterThanOrEqual(res.body.entries.length);
    if (all.body.nextBefore) {
      const older = await api('listAudit', { query: { before: all.body.nextBefore } }, IDENTITIES.admin);
      expect(older.body.entries.every((e) => Date.parse(e.at) < Date.parse(all.body.nextBefore!))).toBe(true);
    }
    for (const [as, status] of [[IDENTITIES.leadX, 403], [IDENTITIES.monitor, 403], [undefined, 401]] as const) {
      expect((await api('listAudit', {}, as)).status).toBe(status);
    }
    expect((await call('GET', '/admin/audit?targetKind=dossier', IDENTITIES.admin)).status).toBe(400);
  });
});
