// Official slips through the real Emulator Suite: a reception through the API makes the trigger render
// form 01, store it and record it; the PDF downloads for the people entitled to it, and a replayed
// request makes nothing new.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierPaymentReference, signLookupToken, verifyLookupToken } from '../../functions/src/domain/index.js';
import { readVietQr } from '../../functions/src/platform/vietqr.js';
import { generateSlip, type GenerateSlipDeps } from '../../functions/src/features/slips/generate-slip.js';
import { mediaBoxes, pdfText, qrCodesInPdf, qrOnPage1 } from '../support/pdf-probe.js';
import { localParam } from '../support/portal.js';
import { agencySlipSigner } from '../../functions/src/features/slips/slip-signer.js';
import { deploymentSigner } from '../../functions/src/platform/signing/index.js';
import { LocalFileStore, localFileStoreRoot } from '../../functions/src/platform/file-store/index.js';
import { loadDemoData } from '../../seed/load.js';
import { demoBranding } from '../../seed/data/branding.js';
import type { SaveBrandingBody } from '../../functions/src/contract/index.js';
import { act as applyAction, api, download, landRenewal, PROVINCE_DESK, rid, submit, type Action } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, signingLocation, signingPassphrase, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();

async function submitAndReceive(): Promise<{ id: string; code: string }> {
  const submitted = await submit(landRenewal(rid('slip-submit')));
  await applyAction(submitted, IDENTITIES.receptionistX, { type: 'receive' }, rid('slip-receive'));
  return { id: submitted.id, code: submitted.code };
}

/** A slip of the dossier, as `as` or with the receipt's token `t`. */
const slip = (dossierId: string, slipId: string, as?: TestIdentity, t?: string) =>
  download('downloadSlip', { params: { dossierId, slipId }, query: { t } }, as);
const register = (from: string, to: string, as: TestIdentity) => download('getRegister', { params: { agencyId: PROVINCE_DESK }, query: { from, to } }, as);

const testDeps = (): GenerateSlipDeps => ({
  db,
  files: new LocalFileStore(localFileStoreRoot()),
  now: () => new Date(),
  secret: lookupSecret,
  origin: () => 'http://127.0.0.1:5000',
  // The trigger's own signer (the test CA's key of the receiving agency, the demo's SIGNING_LOCATION), so a
  // replay here must give the trigger's bytes.
  signer: agencySlipSigner(deploymentSigner(new LocalFileStore(localFileStoreRoot()), signingPassphrase(), signingLocation())),
  // The demo fee account the trigger reads (functions/.env.local): the receipt's VietQR code pays into it.
  feeAccount: () => ({ bin: localParam('FEE_ACCOUNT_BIN'), accountNumber: localParam('FEE_ACCOUNT_NUMBER'), accountName: localParam('FEE_ACCOUNT_NAME') }),
});

let dossier: { id: string; code: string };
const SLIP_ID = '01-000002';
const REQUEST_ID = () => `${dossier.id}_000002`;
let slipRecord: { sha256: string; size: number; storagePath: string; form: string; eventType: string; createdAt: { toDate(): Date } };

beforeAll(async () => {
  await loadDemoData(db, auth);
  dossier = await submitAndReceive();
  slipRecord = await eventually(async () => {
    const snap = await db.doc(`dossiers/${dossier.id}/slips/${SLIP_ID}`).get();
    return snap.exists ? (snap.data() as typeof slipRecord) : undefined;
  }, 'the receipt (form 01) of the received dossier', 30_000);
});

describe('who may download a slip', () => {
  it('refuses citizen B, a monitor, an officer out of scope and anonymous callers alike (404)', async () => {
    for (const who of [IDENTITIES.citizenB, IDENTITIES.monitor, IDENTITIES.handlerY, undefined]) {
      const res = await slip(dossier.id, SLIP_ID, who);
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('not-found');
    }
  });

  it('refuses a wrong token, and a malformed slip id with a structured 400', async () => {
    const wrong = signLookupToken('some-other-dossier', lookupSecret());
    expect((await slip(dossier.id, SLIP_ID, undefined, wrong)).status).toBe(404);
    const bad = await slip(dossier.id, '06-1', IDENTITIES.citizenA);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields[0]?.path).toContain('slipId');
  });
});

describe('form 01 from a reception', () => {
  it('is recorded with its event and stored bytes whose sha256 the owner’s download matches', async () => {
    expect(slipRecord).toMatchObject({ form: '01', eventType: 'receive', storagePath: `slips/${dossier.id}/${SLIP_ID}.pdf` });
    const event = await db.doc(`dossiers/${dossier.id}/events/000002`).get();
    expect(slipRecord.createdAt.toDate().getTime()).toBe(event.get('at').toDate().getTime());
    expect((await db.doc(`slipRequests/${REQUEST_ID()}`).get()).get('state')).toBe('done');

    const res = await slip(dossier.id, SLIP_ID, IDENTITIES.citizenA);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    expect(res.bytes.length).toBe(slipRecord.size);
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(slipRecord.sha256);

    const text = pdfText(res.bytes).replace(/[ \t]+/g, ' ');
    expect(text).toContain(`Mã hồ sơ: ${dossier.code}`);
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Thị Hoà');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    const qr = qrOnPage1(res.bytes)!;
    expect(qr.startsWith(`http://127.0.0.1:5000/tra-cuu/${dossier.code}?t=`)).toBe(true);
    expect(verifyLookupToken(dossier.id, new URL(qr).searchParams.get('t')!, lookupSecret())).toBe(true);
  });

  it('carries, between the signatures, the VietQR code that pays the procedure’s fee, referenced by the dossier code', async () => {
    const res = await slip(dossier.id, SLIP_ID, IDENTITIES.citizenA);
    // Here: the code is printed, and it says what it pays. The one page is asserted below, under a branding
    // this file sets itself (other files change it), and on the fullest fixed content in render-slip.test.ts.
    const codes = qrCodesInPdf(res.bytes);
    expect(codes).toHaveLength(2);
    expect(codes[0]).toContain(`/tra-cuu/${dossier.code}?t=`);
    // The land renewal charges 50.000 đồng (seed/procedures.csv); the account is the parameters' (the demo's).
    expect(readVietQr(codes[1]!)).toEqual({ bin: localParam('FEE_ACCOUNT_BIN'), accountNumber: localParam('FEE_ACCOUNT_NUMBER'), amountVnd: 50_000, purpose: dossierPaymentReference(dossier.code) });
    expect(pdfText(res.bytes)).toContain(`Nội dung ${dossierPaymentReference(dossier.code)}`);
  });

  it('downloads with the token of the QR code, without signing in', async () => {
    const token = signLookupToken(dossier.id, lookupSecret());
    const res = await slip(dossier.id, SLIP_ID, undefined, token);
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(slipRecord.sha256);
  });

  it('is reprinted by an officer in scope: the same bytes', async () => {
    const res = await slip(dossier.id, SLIP_ID, IDENTITIES.receptionistX);
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(slipRecord.sha256);
  });

  it('a replayed request creates nothing new', async () => {
    const before = await db.doc(`slipRequests/${REQUEST_ID()}`).get();
    const slipBefore = await db.doc(`dossiers/${dossier.id}/slips/${SLIP_ID}`).get();
    expect(await generateSlip(testDeps(), REQUEST_ID())).toBe('duplicate');
    expect(await generateSlip(testDeps(), REQUEST_ID())).toBe('duplicate');
    const after = await db.doc(`slipRequests/${REQUEST_ID()}`).get();
    const slipAfter = await db.doc(`dossiers/${dossier.id}/slips/${SLIP_ID}`).get();
    expect(after.updateTime!.isEqual(before.updateTime!)).toBe(true);
    expect(slipAfter.updateTime!.isEqual(slipBefore.updateTime!)).toBe(true);
    expect((await db.collection(`dossiers/${dossier.id}/slips`).get()).size).toBe(1);
  });

  it('concurrent deliveries of a fresh request render it once, with the same bytes as the trigger', async () => {
    // A copy of the real request under a new dossier version id would not match an event; instead take
    // the stored request back to `pending` and deliver it twice at once.
    const ref = db.doc(`slipRequests/${REQUEST_ID()}`);
    await ref.update({ state: 'pending', leaseUntil: null });
    await db.doc(`dossiers/${dossier.id}/slips/${SLIP_ID}`).delete();
    const outcomes = await Promise.all([generateSlip(testDeps(), REQUEST_ID()), generateSlip(testDeps(), REQUEST_ID())]);
    expect(outcomes.filter((o) => o === 'generated')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'busy' || o === 'duplicate')).toHaveLength(1);
    const again = await db.doc(`dossiers/${dossier.id}/slips/${SLIP_ID}`).get();
    expect(again.get('sha256')).toBe(slipRecord.sha256); // deterministic: same event, same bytes
    expect((await ref.get()).get('state')).toBe('done');
  });

  it('a request whose dossier is gone is marked failed with the error, not retried forever', async () => {
    const id = `missing_${Date.now()}_000001`;
    await db.doc(`slipRequests/${id}`).set({ dossierId: `missing${Date.now()}`, version: 1, eventType: 'receive', at: new Date(), state: 'pending', form: '01' });
    // The trigger also receives this creation: whichever delivery takes the lease records the failure.
    expect(['failed', 'busy', 'duplicate']).toContain(await generateSlip(testDeps(), id));
    const snap = await eventually(async () => {
      const s = await db.doc(`slipRequests/${id}`).get();
      return s.get('state') === 'failed' ? s : undefined;
    }, 'the failed state');
    expect(snap.get('error.message')).toContain('slip source missing');
    expect(await generateSlip(testDeps(), id)).toBe('duplicate');
  });
});

describe('register 06 on demand', () => {
  const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  it('lists the received dossier for an officer of the agency', async () => {
    const res = await register(today(), today(), IDENTITIES.receptionistX);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    const text = pdfText(res.bytes).replace(/[ \t]+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain(dossier.code);
  });

  it('refuses officers of another agency and citizens (403), and bad periods (400)', async () => {
    expect((await register(today(), today(), IDENTITIES.handlerY)).status).toBe(403);
    expect((await register(today(), today(), IDENTITIES.citizenA)).status).toBe(403);
    const reversed = await register('2026-12-01', '2026-11-01', IDENTITIES.receptionistX);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error?.fields[0]?.path).toContain('to');
    expect((await register('2026-13-01', '2026-12-01', IDENTITIES.monitor)).status).toBe(400);
  });
});

describe('forms 03 and 05 from other transitions', () => {
  async function submitOnly(): Promise<{ id: string; code: string }> {
    const { id, code } = await submit(landRenewal(rid('slip-submit')));
    return { id, code };
  }
  const act = async (id: string, version: number, as: TestIdentity, action: Action) => (await applyAction({ id, version }, as, action, rid('slip-act'))).version;
  const slipOf = (id: string, slipId: string) =>
    eventually(async () => {
      const snap = await db.doc(`dossiers/${id}/slips/${slipId}`).get();
      return snap.exists ? (snap.data() as { sha256: string; form: string }) : undefined;
    }, `slip ${slipId} of ${id}`, 30_000);

  it('a refusal at reception gives form 03 with the reason, downloadable with the token', async () => {
    const { id, code } = await submitOnly();
    const reason = 'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận.';
    await act(id, 1, IDENTITIES.receptionistX, { type: 'refuseAtReception', reason });
    const record = await slipOf(id, '03-000002');
    expect(record.form).toBe('03');
    const res = await slip(id, '03-000002', undefined, signLookupToken(id, lookupSecret()));
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(record.sha256);
    const text = pdfText(res.bytes).replace(/[ \t]+/g, ' ');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan');
  });

  it('a transfer gives the control slip (form 06 of Circular 03/2025) with the handoff row; the token does not open it, the receiving officer may', async () => {
    const { id } = await submitOnly();
    let v = await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' });
    v = await act(id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    v = await act(id, v, IDENTITIES.leadX, {
      type: 'transfer',
      toAgencyId: '000.00.14.H99',
      task: 'Thẩm định hồ sơ gia hạn',
    });
    const slipId = `06-${String(v).padStart(6, '0')}`;
    const record = await slipOf(id, slipId);
    expect(record.form).toBe('06');
    const token = signLookupToken(id, lookupSecret());
    expect((await slip(id, slipId, undefined, token)).status).toBe(404);
    const res = await slip(id, slipId, IDENTITIES.handlerY);
    expect(res.status).toBe(200);
    // The control slip is the agencies' own: the applicant, signed in, neither sees it listed nor opens it;
    // the receipt stays theirs.
    expect((await slip(id, slipId, IDENTITIES.citizenA)).status).toBe(404);
    const mine = await eventually(async () => {
      const answer = await api('getDossier', { params: { dossierId: id } }, IDENTITIES.citizenA);
      return answer.body.slips.some((s) => s.form === '01') ? answer : undefined;
    }, 'the receipt listed for the applicant');
    expect(mine.body.slips.map((s) => s.id)).not.toContain(slipId);
    const theirs = await api('getDossier', { params: { dossierId: id } }, IDENTITIES.leadX);
    expect(theirs.body.slips.map((s) => s.id)).toContain(slipId);
    const text = pdfText(res.bytes).replace(/[ \t]+/g, ' ');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Nhận: Văn phòng Đăng ký đất đai tỉnh');
    expect(text).toContain('Thẩm định'); // the task, wrapped in the note column
    expect(qrOnPage1(res.bytes)).toContain('/tra-cuu/');
  });
});

describe('the printed receipt of a signing desk under a branding with a hotline', () => {
  // The branding this test prints under is its own: a hotline and a long public address (other test files
  // change the branding and put the demo's back; loadDemoData above wrote the demo's). The demo's comes back
  // after it, whatever happens.
  const LONG_ORIGIN = 'https://dichvucong.motcua.tinhbinhan.gov.vn';
  const HOTLINE = '+84 (263) 3822-1111';
  const A5 = '0 0 419.53 595.28';
  const saveBranding = async (body: Omit<SaveBrandingBody, 'requestId' | 'expectedUpdateTime'>) => {
    const current = (await api('getBranding', {})).body;
    const res = await api('saveBranding', { body: { requestId: rid('slip-brand'), expectedUpdateTime: current.updateTime, ...body } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(200);
  };
  afterAll(async () => {
    await saveBranding({ ...demoBranding, logo: null });
  });

  it('is one A5 page: signed, the hotline, the lookup address short, both codes, both signatures', async () => {
    await saveBranding({ ...demoBranding, hotline: HOTLINE, publicOrigin: LONG_ORIGIN, logo: null });
    const applicant = {
      kind: 'organisation',
      name: 'Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xây dựng Phương Nam Đắk Lắk',
      taxCode: '0100109106',
      representative: { fullName: 'Nguyễn Trần Phương Thảo Quỳnh Hương', title: 'Giám đốc', identity: { kind: 'citizenId', number: '031080002222' } },
      phone: '0903111222',
      email: 'phongphaply.congtyphuongnam@example.vn',
      address: { line: 'Số 123/45 đường Nguyễn Thị Minh Khai, Khu phố 7', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
    } as const;
    const submitted = await submit({ ...landRenewal(rid('slip-full')), applicant });
    await applyAction(submitted, IDENTITIES.receptionistX, { type: 'receive' }, rid('slip-full-receive'));
    const record = await eventually(async () => {
      const snap = await db.doc(`dossiers/${submitted.id}/slips/01-000002`).get();
      return snap.exists ? (snap.data() as { signer: { name: string } | null }) : undefined;
    }, 'the receipt under the test branding', 30_000);
    expect(record.signer?.name).toBe('Trung tâm Phục vụ hành chính công tỉnh Bình An'); // a desk that signs
    const res = await slip(submitted.id, '01-000002', IDENTITIES.citizenA);
    expect(res.status).toBe(200);
    expect(mediaBoxes(res.bytes)).toEqual([A5]);
    const text = pdfText(res.bytes).replace(/\s+/g, ' ');
    for (const line of [
      `Tra cứu hồ sơ / Lookup: dichvucong.motcua.tinhbinhan.gov.vn/tra-cuu/${submitted.code}`,
      `Đường dây nóng / Hotline: ${HOTLINE}`,
      `Người nộp hồ sơ: ${applicant.name}`,
      'Quyển sổ:',
      'Số thứ tự trong sổ:',
      '7. Phí, lệ phí: 50.000 đồng',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ]) {
      expect(text, `missing: ${line}`).toContain(line);
    }
    const codes = qrCodesInPdf(res.bytes);
    expect(codes).toHaveLength(2);
    expect(codes[0]!.startsWith(`${LONG_ORIGIN}/tra-cuu/${submitted.code}?t=`)).toBe(true);
    expect(readVietQr(codes[1]!)?.amountVnd).toBe(50_000);
  });
});
