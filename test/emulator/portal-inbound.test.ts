// Dossiers filed on the national portal: the local stand-in signs and posts them to POST /api/portal/dossiers
// as the portal would; they land in the chosen desk's queue as online dossiers with the portal's code and
// the Decree 118 intake deadlines, and flow back to the portal through the sync. Duplicates, forged or stale
// signatures and malformed filings are refused with a clear error and write nothing. docs/SYNC.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { filingHeaders, sampleFiling } from '../../scripts/lib/portal-stand-in.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, API_URL, landRenewal, rid, submit } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { devSecret, fileOnPortal, portalMessages } from '../support/portal.js';

const { db, auth } = admin();
const DESK = '000.00.01.H99';

beforeAll(async () => {
  await loadDemoData(db, auth);
});

/** Posts a filing with the given raw body and headers (for signatures that are wrong on purpose). */
async function postFiling(body: string, headers: Record<string, string>): Promise<{ status: number; body: { error?: { code: string; reason?: string; fields: { path: string }[] } } }> {
  const res = await fetch(`${API_URL}/portal/dossiers`, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; reason?: string; fields: { path: string }[] } } };
}

/** Nothing of a refused filing was written: no dossier with its code, no filing record, no counter of the portal's day. */
async function nothingWritten(code: string): Promise<void> {
  expect((await db.collection('dossiers').where('code', '==', code).get()).size).toBe(0);
  expect((await db.collection('portalFilings').where('code', '==', code).get()).size).toBe(0);
}

describe('a dossier filed on the national portal', () => {
  it('lands in the desk’s queue as an online dossier with the portal’s code and the intake deadlines', async () => {
    const before = Date.now();
    const filed = await fileOnPortal();
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.filing.MaHoSo as string;
    const answer = filed.body as { dossierId: string; code: string; status: string; receivingAgencyId: string; intake: { alertAt: string; decideBy: string } };
    expect(answer).toMatchObject({ code, status: 'registered', receivingAgencyId: DESK });
    // Decree 118 Art. 17.2: escalated after 2 hours, decided within 8 working hours.
    const alertAt = new Date(answer.intake.alertAt).getTime();
    expect(alertAt - before).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(alertAt - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    expect(new Date(answer.intake.decideBy).getTime()).toBeGreaterThan(alertAt);

    const dossier = (await db.doc(`dossiers/${answer.dossierId}`).get()).data()!;
    expect(dossier).toMatchObject({ code, channel: 'online', status: 'registered', version: 1, receivingAgencyId: DESK, competentAgencyId: '000.00.14.H99', resultDelivery: 'desk' });
    expect(dossier.ownerUserId).toBeUndefined();
    const personal = (await db.doc(`dossiers/${answer.dossierId}/private/personal`).get()).data()!;
    expect(personal.applicant).toMatchObject({ kind: 'person', fullName: 'Đỗ Văn Minh', identity: { kind: 'citizenId', number: '001092003456' }, phone: '+84987654321' });
    expect(personal.components.map((c: { componentId: string }) => c.componentId)).toEqual(['renewal-application', 'certificate']);
    const event = (await db.doc(`dossiers/${answer.dossierId}/events/000001`).get()).data()!;
    expect(event).toMatchObject({ type: 'submit', actor: { role: 'system', userId: 'dvcqg' } });
    const record = (await db.doc(`portalFilings/${answer.dossierId}`).get()).data()!;
    expect(record).toMatchObject({ code, vneidVerified: true });
    expect(record.documents).toEqual([
      { componentId: 'renewal-application', fileName: 'don-de-nghi.pdf', url: 'https://dichvucong.gov.vn/tep/don-de-nghi.pdf' },
      { componentId: 'certificate', fileName: 'giay-chung-nhan.pdf', url: 'https://dichvucong.gov.vn/tep/giay-chung-nhan.pdf' },
    ]);

    // The desk is alerted at once, sees it in its queue, and receives it.
    const alert = await eventually(async () => (await db.doc(`notificationRequests/${answer.dossierId}_000001_reception`).get()).data(), 'the desk’s alert');
    expect(alert).toMatchObject({ audience: 'reception', receivingAgencyId: DESK });
    const seen = await api('getDossier', { params: { dossierId: answer.dossierId } }, IDENTITIES.receptionistX);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.allowedActions).toContain('receive');
    await act({ id: answer.dossierId, version: 1 }, IDENTITIES.receptionistX, { type: 'receive' }, rid('portal-receive'));

    // And it flows back to the portal: filed (1), then received (2), with the VNeID flag the portal gave.
    const back = await eventually(
      async () => {
        const m = (await portalMessages(code, 'DongBoHoSoMC')).filter((x) => !x.replay);
        return m.length >= 2 ? m : undefined;
      },
      'the portal to hear of the filed dossier and its reception',
      80_000,
    );
    expect(back.map((m) => m.body.TrangThaiHoSo)).toEqual([1, 2]);
    expect(back[0]!.body).toMatchObject({ KenhThucHien: 2, TaiKhoanDuocXacThucVoiVNeID: true, ChuHoSo: 'Đỗ Văn Minh' });
  });

  it('refuses a duplicate with a clear error, whether it is the same filing again or another one with the same code', async () => {
    const first = await fileOnPortal();
    expect(first.status).toBe(201);
    const id = (first.body as { dossierId: string }).dossierId;
    const again = await fileOnPortal({ filing: first.filing });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'alreadyFiled', dossierId: id, samePayload: true });
    const other = await fileOnPortal({ filing: { ...first.filing, ChuHoSo: 'Người Khác' } });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ reason: 'alreadyFiled', dossierId: id });
    // Nothing was written by either: still one event, the first applicant.
    expect((await db.collection(`dossiers/${id}/events`).get()).size).toBe(1);
    expect((await db.doc(`dossiers/${id}/private/personal`).get()).get('applicant.fullName')).toBe('Đỗ Văn Minh');
  });

  it('refuses a code that a dossier of this system already has', async () => {
    const local = await submit(landRenewal(rid('portal-taken')));
    const filed = await fileOnPortal({ overrides: { MaHoSo: local.code } });
    expect(filed.status).toBe(409);
    expect(filed.body.error).toMatchObject({ reason: 'alreadyFiled', dossierId: local.id, samePayload: false });
    expect((await db.collection('dossiers').where('code', '==', local.code).get()).size).toBe(1);
  });
});

describe('what is not the portal’s, or not a filing', () => {
  const secret = () => devSecret('PORTAL_INBOUND_SECRET');

  it('refuses an unsigned, forged or stale request (401), before reading it', async () => {
    const filing = sampleFiling();
    const body = JSON.stringify(filing);
    const code = filing.MaHoSo as string;
    const cases: [string, Record<string, string>][] = [
      ['unsigned', { 'content-type': 'application/json' }],
      ['another secret', filingHeaders(body, 'not-the-shared-secret')],
      ['stale', filingHeaders(body, secret(), new Date(Date.now() - 10 * 60_000))],
      ['another body', filingHeaders(JSON.stringify({ ...filing, ChuHoSo: 'X' }), secret())],
    ];
    for (const [label, headers] of cases) {
      const res = await postFiling(body, headers);
      expect([label, res.status, res.body.error?.code]).toEqual([label, 401, 'unauthenticated']);
    }
    await nothingWritten(code);
  });

  it.each([
    ['an unknown field', { Extra: 1 }, ''],
    ['a bad identity number', { SoGiayTo: '12345' }, 'SoGiayTo'],
    ['a time that does not exist', { NgayNopHoSo: '20261332250000' }, 'NgayNopHoSo'],
    ['a malformed code', { MaHoSo: 'HS-001' }, 'MaHoSo'],
    ['an unknown procedure', { MaTTHC: '9.999999' }, 'MaTTHC'],
    ['a component the procedure does not have', { TaiLieuNop: [{ MaThanhPhanHoSo: 'renewal-application', SoBanChinh: 1 }, { MaThanhPhanHoSo: 'certificate', SoBanChinh: 1 }, { MaThanhPhanHoSo: 'passport-photo', SoBanChinh: 1 }] }, 'TaiLieuNop.2.MaThanhPhanHoSo'],
    ['a mandatory component missing', { TaiLieuNop: [{ MaThanhPhanHoSo: 'renewal-application', SoBanChinh: 1 }] }, 'TaiLieuNop'],
    ['a desk that does not receive dossiers', { MaDonViTiepNhan: '000.00.00.H99' }, 'MaDonViTiepNhan'],
    ['a file link that is not http(s)', { TaiLieuNop: [{ MaThanhPhanHoSo: 'renewal-application', DuongDanTep: 'file:///etc/passwd' }] }, 'TaiLieuNop.0.DuongDanTep'],
  ])('refuses %s (400 at %j) and writes nothing', async (_label, overrides, path) => {
    const filing = sampleFiling(overrides);
    const body = JSON.stringify(filing);
    const res = await postFiling(body, filingHeaders(body, secret()));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    if (typeof filing.MaHoSo === 'string' && filing.MaHoSo.startsWith('G09')) await nothingWritten(filing.MaHoSo);
  });

  it('refuses garbage of any shape with a structured 400, never a 500', async () => {
    for (const body of ['[]', '{}', '{"LoaiDoiTuong": 3}', '{"MaHoSo": {"$gt": ""}}', '[{"MaHoSo": 1}]']) {
      const res = await postFiling(body, filingHeaders(body, secret()));
      expect([body, res.status, res.body.error?.code]).toEqual([body, 400, 'invalid-argument']);
    }
    // Not a JSON object or array: refused by the platform's body parser before any code of ours runs.
    for (const body of ['not json', '"a string"']) {
      const raw = await fetch(`${API_URL}/portal/dossiers`, { method: 'POST', headers: filingHeaders(body, secret()), body });
      expect([body, raw.status]).toEqual([body, 400]);
    }
  });
});
