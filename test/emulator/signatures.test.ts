// Signed documents through the real Emulator Suite (issue 18): slips signed with the receiving agency's
// certificate, desk scans with the receiving officer's, electronic results with the handling agency's —
// each checked by poppler's pdfsig — and the public verification of them (valid, tampered, unknown).
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeDossierBody, ResultListing } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { minimalPdf, minimalPng } from '../fixtures/files.js';
import { act, api, numbered, APPLICANT, download, driveDossier, landRenewal, rid, tryAct, upload, uploadPdf, type DossierRef } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, resolveSeedReceptionist, SEED_RECEPTIONIST, type TestIdentity } from '../support/identity.js';
import { pdfsig } from '../support/pdfsig.js';

const { db, auth } = admin();
const PROVINCE_CENTRE_NAME = 'Trung tâm Phục vụ hành chính công tỉnh Bình An';
const DETAILS = {
  typeCode: 'KQ.1012792',
  typeName: 'Giấy chứng nhận quyền sử dụng đất',
  title: 'Giấy chứng nhận quyền sử dụng đất (cấp đổi)',
  summary: 'Cấp đổi Giấy chứng nhận cho thửa đất số 12, tờ bản đồ số 5',
  validFrom: '2026-12-03',
  scope: 'Sử dụng trên toàn quốc',
} as const;

/** POST /api/verifications with one PDF, from a client address of the test's own (its own rate-limit bucket). */
async function verify(pdf: Buffer, ip: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'tai-lieu.pdf');
  return api('verifyDocument', { body: form }, undefined, { 'x-forwarded-for': `${ip}, 10.0.0.1` });
}

const issue = (d: Pick<DossierRef, 'id'>, as: TestIdentity = IDENTITIES.leadX, requestId = rid('result'), extra: { uploadId?: string } = {}) =>
  api('issueResult', { params: { dossierId: d.id }, body: { requestId, details: DETAILS, ...extra } }, as);

const resultPdf = (d: Pick<DossierRef, 'id'>, r: Pick<ResultListing, 'id'>, as: Parameters<typeof download>[2]) => download('downloadResult', { params: { dossierId: d.id, resultId: r.id } }, as);

beforeAll(async () => {
  await loadDemoData(db, auth);
  await resolveSeedReceptionist(auth);
});

describe('slips', () => {
  it('are signed with the receiving agency certificate when issued', async () => {
    const d = await driveDossier({ until: 'received' });
    const record = await eventually(async () => {
      const snap = await db.doc(`dossiers/${d.id}/slips/01-000002`).get();
      return snap.exists ? snap.data() : undefined;
    }, 'the receipt of the received dossier');
    expect(record.signer.name).toBe(PROVINCE_CENTRE_NAME);
    const res = await download('downloadSlip', { params: { dossierId: d.id, slipId: '01-000002' } }, IDENTITIES.citizenA);
    expect(res.status).toBe(200);
    expect(pdfsig(res.bytes)).toEqual([expect.objectContaining({ commonName: PROVINCE_CENTRE_NAME, validation: 'Signature is Valid.', coverage: 'Total document signed', type: 'ETSI.CAdES.detached' })]);
    const checked = await verify(res.bytes, '198.51.100.1');
    expect(checked.body).toMatchObject({ verdict: 'authentic', issued: { kind: 'slip', issuer: { vi: PROVINCE_CENTRE_NAME } } });
  });
});

describe('desk scans', () => {
  const intakeBody = (uploadIds: string[]): IntakeDossierBody => {
    const { receivingAgencyId: _desk, resultDelivery: _r, ...rest } = landRenewal(rid('intake'));
    return { ...rest, channel: 'desk', components: [{ componentId: 'renewal-application', originals: 1, uploadIds }, { componentId: 'certificate', originals: 1 }] };
  };

  it('are signed with the receiving officer certificate when attached at intake (an image becomes a signed PDF)', async () => {
    const pdf = await uploadPdf(SEED_RECEPTIONIST, 'don-de-nghi.pdf');
    const png = await upload(SEED_RECEPTIONIST, [{ name: 'file', fileName: 'giay-chung-nhan.png', contentType: 'image/png', bytes: minimalPng() }]);
    expect(png.status, png.text).toBe(201);
    const res = await api('intakeDossier', { body: intakeBody([pdf.uploadId, png.body.uploads[0]!.uploadId]) }, SEED_RECEPTIONIST);
    expect(res.status, res.text).toBe(201);
    const view = await api('getDossier', { params: { dossierId: numbered(res).dossier.id } }, SEED_RECEPTIONIST);
    const attachments = view.body.dossier.components!.flatMap((c) => c.attachments);
    expect(attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ['don-de-nghi.pdf', 'application/pdf'],
      ['giay-chung-nhan.pdf', 'application/pdf'],
    ]);
    for (const a of attachments) {
      const file = await download('getUpload', { params: { uploadId: a.id } }, SEED_RECEPTIONIST);
      expect(file.status).toBe(200);
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(a.sha256);
      expect(pdfsig(file.bytes)).toEqual([expect.objectContaining({ commonName: 'Nguyễn Thị Hồng', validation: 'Signature is Valid.', coverage: 'Total document signed' })]);
    }
    // The original hash stays on the upload for the audit trail.
    expect((await db.doc(`uploads/${pdf.uploadId}`).get()).get('signature')).toMatchObject({ signedBy: SEED_RECEPTIONIST.uid, originalSha256: pdf.sha256 });
  });

  it('are refused, with nothing written, when the officer has no certificate', async () => {
    const file = await uploadPdf(IDENTITIES.receptionistX, 'scan.pdf');
    const body = intakeBody([file.uploadId]);
    const res = await api('intakeDossier', { body }, IDENTITIES.receptionistX);
    expect(res.status).toBe(409);
    expect(res.body.error?.message.vi).toMatch(/chứng thư số/);
    expect((await db.doc(`uploads/${file.uploadId}`).get()).get('dossierId')).toBeNull();
    // Without files the same officer still records walk-ins.
    expect((await api('intakeDossier', { body: intakeBody([]) }, IDENTITIES.receptionistX)).status).toBe(201);
  });
});

describe('electronic results', () => {
  let d: DossierRef;
  let result: ResultListing;

  beforeAll(async () => {
    d = await driveDossier({ until: 'resolved' });
  });

  it('cannot be returned online before one is issued', async () => {
    const res = await tryAct(d, IDENTITIES.receptionistX, { type: 'returnResult', via: 'online' });
    expect(res.status).toBe(409);
    expect(res.body.error?.fields?.[0]?.path).toBe('action.via');
  });

  it('are issued by the lead of the handling agency, signed with the agency certificate', async () => {
    expect((await issue(d, IDENTITIES.receptionistX)).status).toBe(403); // the desk does not issue results
    expect((await issue(d, IDENTITIES.leadY)).status).toBe(404); // an agency out of scope learns nothing
    const requestId = rid('result');
    const res = await issue(d, IDENTITIES.leadX, requestId);
    expect(res.status, res.text).toBe(201);
    result = res.body.result;
    expect(result).toMatchObject({ documentCode: `${APPLICANT.identity.number}-KQ.1012792`, holderName: APPLICANT.fullName, source: 'generated', validUntil: null, signer: { name: PROVINCE_CENTRE_NAME } });
    // A retry answers the same result.
    const again = await issue(d, IDENTITIES.leadX, requestId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, result: { id: result.id, sha256: result.sha256 } });
    const pdf = await resultPdf(d, result, IDENTITIES.leadX);
    expect(pdf.status).toBe(200);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(result.sha256);
    expect(pdfsig(pdf.bytes)).toEqual([expect.objectContaining({ commonName: PROVINCE_CENTRE_NAME, validation: 'Signature is Valid.', coverage: 'Total document signed' })]);
  });

  it('may be an uploaded PDF, which the system signs', async () => {
    const file = await uploadPdf(IDENTITIES.leadX, 'quyet-dinh.pdf');
    const res = await issue(d, IDENTITIES.leadX, rid('result'), { uploadId: file.uploadId });
    expect(res.status, res.text).toBe(201);
    expect(res.body.result.source).toBe('uploaded');
    const pdf = await resultPdf(d, res.body.result, IDENTITIES.leadX);
    expect(pdfsig(pdf.bytes)[0]).toMatchObject({ validation: 'Signature is Valid.' });
    // The upload now belongs to the dossier: it cannot be issued twice.
    expect((await issue(d, IDENTITIES.leadX, rid('result'), { uploadId: file.uploadId })).status).toBe(400);
    // A PDF someone already signed would lose that signature: refused with the reason.
    const signedUpload = await upload(IDENTITIES.leadX, [{ name: 'file', fileName: 'da-ky.pdf', contentType: 'application/pdf', bytes: pdf.bytes }]);
    expect(signedUpload.status, signedUpload.text).toBe(201);
    const refused = await issue(d, IDENTITIES.leadX, rid('result'), { uploadId: signedUpload.body.uploads[0]!.uploadId });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.fields?.[0]?.message.en).toMatch(/already signed/);
  });

  it('reach the citizen once returned online; another citizen learns nothing', async () => {
    const before = await api('getDossier', { params: { dossierId: d.id } }, IDENTITIES.citizenA);
    expect(before.body.results).toEqual([]);
    expect((await resultPdf(d, result, IDENTITIES.citizenA)).status).toBe(404);
    const current = await api('getDossier', { params: { dossierId: d.id } }, IDENTITIES.receptionistX);
    d = await act({ ...d, version: current.body.dossier.version }, IDENTITIES.receptionistX, { type: 'returnResult', via: 'online' });
    const after = await api('getDossier', { params: { dossierId: d.id } }, IDENTITIES.citizenA);
    expect(after.body.results.map((r) => r.id)).toContain(result.id);
    const mine = await resultPdf(d, result, IDENTITIES.citizenA);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect(createHash('sha256').update(mine.bytes).digest('hex')).toBe(result.sha256);
    for (const who of [IDENTITIES.citizenB, IDENTITIES.handlerY, IDENTITIES.monitor, undefined]) {
      const res = await resultPdf(d, result, who);
      expect(res.status, JSON.stringify(who)).toBe(who === undefined ? 401 : 404);
    }
    // Officers in scope still read it; monitors see figures, not results.
    expect((await resultPdf(d, result, IDENTITIES.receptionistX)).status).toBe(200);
    expect((await api('getDossier', { params: { dossierId: d.id } }, IDENTITIES.monitor)).body.results).toEqual([]);
    // The citizen is told of the return (the applicant's notification of the returnResult event).
    await eventually(async () => ((await db.collection('notificationRequests').doc(`${d.id}_${String(d.version).padStart(6, '0')}`).get()).exists ? true : undefined), 'the return notification request');
  });

  it('cannot be issued once the dossier is returned', async () => {
    expect((await issue(d, IDENTITIES.leadX)).status).toBe(409);
  });

  describe('verification', () => {
    it('says authentic for the issued PDF, and tells nothing about the dossier', async () => {
      const pdf = (await resultPdf(d, result, IDENTITIES.citizenA)).bytes;
      const res = await verify(pdf, '198.51.100.2');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        verdict: 'authentic',
        sha256: result.sha256,
        issued: { kind: 'result', title: DETAILS.typeName, issuer: { vi: PROVINCE_CENTRE_NAME }, signed: true },
        signatures: [{ valid: true, trusted: true, coversWholeDocument: true, signer: { name: PROVINCE_CENTRE_NAME }, problem: null }],
      });
      for (const secret of [APPLICANT.fullName, APPLICANT.identity.number, d.code, d.id]) expect(res.text).not.toContain(secret);
    });

    it('says invalid for a changed byte, and unknown for a document the province never issued', async () => {
      const pdf = Buffer.from((await resultPdf(d, result, IDENTITIES.citizenA)).bytes);
      const at = pdf.indexOf('stream') + 20;
      pdf[at] = pdf[at]! ^ 0x01;
      const tampered = await verify(pdf, '198.51.100.3');
      expect(tampered.body).toMatchObject({ verdict: 'invalid', issued: null, signatures: [{ valid: false, problem: 'digest-mismatch' }] });
      expect(pdfsig(pdf)[0]!.validation).toBe('Digest Mismatch.');
      const stranger = await verify(minimalPdf(), '198.51.100.3');
      expect(stranger.body).toMatchObject({ verdict: 'unsigned', issued: null, signatures: [] });
    });

    it('looks a document up by its verification code (the QR code) or its SHA-256', async () => {
      for (const ref of [result.verifyCode, result.sha256]) {
        const res = await api('lookupDocument', { params: { ref } }, undefined, { 'x-forwarded-for': '198.51.100.4' });
        expect(res.status, res.text).toBe(200);
        expect(res.body.issued).toMatchObject({ kind: 'result', sha256: result.sha256 });
      }
      const none = await api('lookupDocument', { params: { ref: 'ABCDEFGHJKLM' } }, undefined, { 'x-forwarded-for': '198.51.100.4' });
      expect(none.body).toEqual({ ref: 'ABCDEFGHJKLM', issued: null });
      expect((await api('lookupDocument', { params: { ref: 'not a code' } }, undefined, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(400);
    });

    it('checks the upload: one PDF in `file`, within 10 MB, else a bilingual 4xx', async () => {
      const ip = '198.51.100.5';
      const headers = { 'x-forwarded-for': ip };
      const json = await api('verifyDocument', { body: undefined as unknown as FormData }, undefined, headers);
      expect(json.status).toBe(400);
      const png = new FormData();
      png.append('file', new Blob([new Uint8Array(minimalPng())], { type: 'image/png' }), 'x.png');
      const notPdf = await api('verifyDocument', { body: png }, undefined, headers);
      expect(notPdf.status).toBe(415);
      expect(notPdf.body.error?.message).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
      const two = new FormData();
      for (const n of ['a', 'b']) two.append('file', new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }), `${n}.pdf`);
      expect((await api('verifyDocument', { body: two }, undefined, headers)).status).toBe(400);
      const big = new FormData();
      big.append('file', new Blob([new Uint8Array(Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024)]))], { type: 'application/pdf' }), 'big.pdf');
      expect((await api('verifyDocument', { body: big }, undefined, headers)).status).toBe(413);
    });

    it('is rate-limited per client', async () => {
      const ip = '198.51.100.6';
      // The count is per minute: start with time to spare, so the eleven requests share one window.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 20_000) await new Promise((r) => setTimeout(r, left + 100));
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await api('lookupDocument', { params: { ref: result.sha256 } }, undefined, { 'x-forwarded-for': ip })).status);
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect((await api('lookupDocument', { params: { ref: result.sha256 } }, undefined, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
    }, 90_000);
  });
});
