import { describe, expect, it } from 'vitest';
import { actor, CALENDAR, DESK, DOSSIER_IN, OFFICE, vnTime } from '../../../../test/fixtures/lifecycle.js';
import type { Dossier } from '../dossier/dossier.js';
import { decide, type ActionRequest, type DecisionFacts } from '../lifecycle/decide.js';
import type { Actor } from '../lifecycle/actor.js';
import type { DossierEvent } from '../lifecycle/event.js';
import { formatPortalTime, parsePortalTime, portalTimeOrNull } from './portal-time.js';
import { portalMessagesFor, portalServicesFor, snapshotAt, toPortalDossier, toPortalProgress, type PortalFacts } from './portal-dossier.js';
import { indicatorPoints, syncShare } from './sync-share.js';

const NAMES: Record<string, string> = { [DESK]: 'Trung tâm Phục vụ hành chính công tỉnh', [OFFICE]: 'Sở Tài nguyên và Môi trường' };
const FACTS: PortalFacts = { field: 'land', agencyName: (id) => NAMES[id] };
const DECISION: DecisionFacts = { calendar: CALENDAR, handoffCount: 0 };

/** Applies one action with the real lifecycle and returns the dossier after it and its event. */
function step(d: Dossier, request: ActionRequest, who: Actor, at: Date, facts: Partial<DecisionFacts> = {}): { dossier: Dossier; event: DossierEvent } {
  const decision = decide(d, request, who, at, { ...DECISION, ...facts });
  if (!decision.ok) throw new Error(`${request.type} refused: ${decision.error.reason} ${decision.error.rule ?? ''}`);
  return { dossier: decision.dossier, event: decision.event };
}

describe('portal time (yyyyMMddHHmmss, Vietnam time)', () => {
  it('writes the Vietnam wall clock, whatever the host zone', () => {
    expect(formatPortalTime(new Date('2026-12-03T02:05:09.999Z'))).toBe('20261203090509');
    // 17:00 UTC on 31 December is already New Year's day in Vietnam.
    expect(formatPortalTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(portalTimeOrNull(undefined)).toBeNull();
  });

  it('reads back what it writes, and refuses moments that do not exist', () => {
    const at = new Date('2026-07-15T01:40:12Z');
    expect(parsePortalTime(formatPortalTime(at))?.toISOString()).toBe('2026-07-15T01:40:12.000Z');
    for (const bad of ['20260230090000', '20261203240000', '2026120309050', '2026-12-03 09:05', '202612030905xx']) expect(parsePortalTime(bad)).toBeUndefined();
    expect(() => formatPortalTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('which services a transition is synced through', () => {
  it.each([
    ['submit', 'draft', 'registered', ['DongBoHoSoMC']],
    ['intake', 'draft', 'registered', ['DongBoHoSoMC']],
    ['receive', 'registered', 'received', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ['assign', 'received', 'processing', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ['assign', 'processing', 'processing', ['CapNhatTienDoHoSoMC']],
    ['transfer', 'processing', 'processing', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ['acknowledgeTransfer', 'processing', 'processing', ['CapNhatTienDoHoSoMC']],
    ['requestOpinion', 'processing', 'processing', ['CapNhatTienDoHoSoMC']],
    ['provideOpinion', 'processing', 'processing', ['CapNhatTienDoHoSoMC']],
    ['extend', 'processing', 'processing', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ['requestPayment', 'processing', 'awaitingPayment', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ['returnResult', 'resolved', 'returned', ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
  ] as const)('%s (%s → %s): %j', (type, from, to, services) => {
    expect(portalServicesFor({ type, from, to })).toEqual(services);
  });
});

describe('a dossier through its life, as the portal sees it', () => {
  // Submitted online, received, assigned, asked to pay, paid through the gateway, extended, resolved, returned.
  const draft: Dossier = { ...DOSSIER_IN.draft, channel: 'online', components: [{ componentId: 'application-form', originals: 1, certifiedCopies: 0, copies: 1, attachments: [{ id: 'up1', fileName: 'don.pdf', contentType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64) }] }] };
  const legalTime = { duration: { value: 8, unit: 'workingDays' as const }, workingHours: { periods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] } };
  const submitted = step(draft, { type: 'submit' }, actor('citizen'), vnTime('2026-07-14T08:00'), { code: '000.00.01.H99-260714-0007', legalTime });
  const receivedAt = vnTime('2026-07-14T09:00');
  const received = step(submitted.dossier, { type: 'receive' }, actor('receptionist'), receivedAt, { legalTime });
  const assigned = step(received.dossier, { type: 'assign', handlerId: 'handler-desk' }, actor('lead'), vnTime('2026-07-14T10:00'));
  const asked = step(assigned.dossier, { type: 'requestPayment', amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' }, actor('handler'), vnTime('2026-07-15T08:00'));
  const paid = step(asked.dossier, { type: 'confirmPayment', reference: 'VNPAY 14831393' }, actor('system'), vnTime('2026-07-15T08:20'));
  const extended = step(paid.dossier, { type: 'extend', newDueAt: vnTime('2026-07-28T16:00'), reason: 'Chờ ý kiến Sở Xây dựng', apology: 'Xin lỗi ông/bà' }, actor('lead'), vnTime('2026-07-22T09:00'));
  const resolved = step(extended.dossier, { type: 'resolve', outcome: 'approved', summary: 'Giấy chứng nhận quyền sử dụng đất' }, actor('handler'), vnTime('2026-07-27T15:00'));
  const returned = step(resolved.dossier, { type: 'returnResult', via: 'desk' }, actor('receptionist'), vnTime('2026-07-28T08:00'));

  it('creation: status 1, filed online, nothing received yet', () => {
    expect(portalMessagesFor(submitted.dossier, submitted.event, FACTS)).toEqual([
      {
        service: 'DongBoHoSoMC',
        body: {
          MaHoSo: '000.00.01.H99-260714-0007',
          MaTTHC: '1.012790',
          TenTTHC: 'Cấp Giấy chứng nhận lần đầu',
          MaLinhVuc: 'land',
          KenhThucHien: 2,
          ChuHoSo: 'Nguyễn Thị Ánh',
          LoaiDoiTuong: 1,
          Email: null,
          SoDienThoai: '+84912345678',
          TrichYeuHoSo: 'Cấp Giấy chứng nhận lần đầu — Nguyễn Thị Ánh',
          NgayNopHoSo: '20260714080000',
          NgayTiepNhan: null,
          NgayHenTra: null,
          TrangThaiHoSo: 1,
          NgayTra: null,
          HinhThuc: 1,
          NgayKetThucXuLy: null,
          DonViXuLy: 'Trung tâm Phục vụ hành chính công tỉnh',
          MaDonViXuLy: DESK,
          MaDonViTiepNhan: DESK,
          TaiLieuNop: [{ MaThanhPhanHoSo: 'application-form', TenTepDinhKem: 'don.pdf', SoBanChinh: 1, SoBanSao: 1, DuocSoHoa: true, DuocLayTuKhoDMQG: false }],
          DanhSachLePhi: [],
          DanhSachHoSoBoSung: [],
          DanhSachGiayToKetQua: [],
          HoSoCoThanhPhanSoHoa: true,
          DuocThanhToanTrucTuyen: false,
          TaiKhoanDuocXacThucVoiVNeID: false,
          PhienBan: 1,
        },
      },
    ]);
  });

  it('reception: status 2 with the reception time and the appointment, and the desk officer’s step', () => {
    const [dossier, progress] = portalMessagesFor(received.dossier, received.event, { ...FACTS, actorName: 'Trần Văn Bình' });
    expect(dossier?.service).toBe('DongBoHoSoMC');
    expect(dossier?.body).toMatchObject({ TrangThaiHoSo: 2, NgayTiepNhan: '20260714090000', NgayHenTra: expect.stringMatching(/^\d{14}$/), PhienBan: 2 });
    expect(progress).toEqual({
      service: 'CapNhatTienDoHoSoMC',
      body: {
        MaHoSo: '000.00.01.H99-260714-0007',
        NguoiXuLy: 'Trần Văn Bình',
        ChucDanh: 'Công chức Bộ phận Một cửa',
        ThoiDiemXuLy: '20260714090000',
        PhongBanXuLy: 'Trung tâm Phục vụ hành chính công tỉnh',
        NoiDungXuLy: 'Tiếp nhận hồ sơ',
        TrangThai: 2,
        NgayBatDau: '20260714090000',
        NgayKetThucTheoQuyDinh: formatPortalTime(received.dossier.dueAt!),
        LoaiXuLy: 'receive',
        PhienBan: 2,
      },
    });
  });

  it('a fee asked (status 6) then paid online through the gateway', () => {
    expect(toPortalDossier(asked.dossier, FACTS)).toMatchObject({
      TrangThaiHoSo: 6,
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp giấy chứng nhận', Gia: 150_000, DaThanhToan: false, NgayThanhToan: null, ThanhToanTrucTuyen: false }],
      DuocThanhToanTrucTuyen: false,
    });
    expect(toPortalDossier(paid.dossier, FACTS)).toMatchObject({
      TrangThaiHoSo: 4,
      DanhSachLePhi: [{ Gia: 150_000, DaThanhToan: true, NgayThanhToan: '20260715082000', ThanhToanTrucTuyen: true }],
      DuocThanhToanTrucTuyen: true,
    });
  });

  it('a fee confirmed by an officer at the desk is paid, not online', () => {
    const atDesk = step(asked.dossier, { type: 'confirmPayment', reference: 'BL 0001' }, actor('handler'), vnTime('2026-07-15T09:00'));
    expect(toPortalDossier(atDesk.dossier, FACTS)).toMatchObject({ DanhSachLePhi: [{ DaThanhToan: true, ThanhToanTrucTuyen: false }], DuocThanhToanTrucTuyen: false });
  });

  it('the extension carries the old and the new appointment', () => {
    const body = toPortalDossier(extended.dossier, FACTS);
    expect(body.NgayHenTra).toBe('20260728160000');
    expect(body.DanhSachHoSoBoSung).toEqual([
      { LoaiBoSung: 'GiaHan', NoiDungBoSung: 'Chờ ý kiến Sở Xây dựng', NgayBoSung: '20260722090000', NgayTiepNhanBoSung: null, NgayHenTraTruoc: formatPortalTime(received.dossier.dueAt!), NgayHenTraMoi: '20260728160000' },
    ]);
  });

  it('the result: status 9 with the end of processing and the result document, then 10 when returned', () => {
    expect(toPortalDossier(resolved.dossier, FACTS)).toMatchObject({
      TrangThaiHoSo: 9,
      NgayKetThucXuLy: '20260727150000',
      DanhSachGiayToKetQua: [{ MaKetQua: '001190012345.1.012790', TenGiayTo: 'Giấy chứng nhận quyền sử dụng đất', DuongDanTepTinKetQua: null, NgayCap: '20260727150000' }],
    });
    expect(toPortalDossier(returned.dossier, FACTS)).toMatchObject({ TrangThaiHoSo: 10, NgayTra: '20260728080000', NgayKetThucXuLy: '20260727150000', PhienBan: 8 });
  });

  it('a supplement round and a transfer to another agency', () => {
    const processing = DOSSIER_IN.processing;
    const supplement = step(processing, { type: 'requestSupplement', items: [{ componentId: 'so-do-thua-dat', isNew: true, name: 'Sơ đồ thửa đất', problem: 'Thiếu chữ ký' }], reason: 'Thiếu sơ đồ' }, actor('handler'), vnTime('2026-07-15T10:00'));
    expect(toPortalDossier(supplement.dossier, FACTS)).toMatchObject({
      TrangThaiHoSo: 5,
      DanhSachHoSoBoSung: [{ LoaiBoSung: 'BoSungHoSo', NoiDungBoSung: 'Thiếu sơ đồ; Sơ đồ thửa đất: Thiếu chữ ký', NgayBoSung: '20260715100000', NgayTiepNhanBoSung: null }],
    });
    const transfer = step(processing, { type: 'transfer', toAgencyId: OFFICE, task: 'Thẩm định hồ sơ' }, actor('handler'), vnTime('2026-07-15T10:00'), { agencies: new Map(), legalTime: { duration: { value: 8, unit: 'workingDays' }, workingHours: { periods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] } } });
    const [dossier, progress] = portalMessagesFor(transfer.dossier, transfer.event, FACTS);
    expect(dossier?.body).toMatchObject({ DonViXuLy: 'Sở Tài nguyên và Môi trường', MaDonViXuLy: OFFICE, MaDonViTiepNhan: DESK });
    expect(progress?.body).toMatchObject({ NoiDungXuLy: 'Chuyển xử lý: Thẩm định hồ sơ', NguoiXuLy: 'Chuyên viên thụ lý', PhongBanXuLy: 'Trung tâm Phục vụ hành chính công tỉnh', NgayBatDau: '20260715100000' });
  });

  it('a refusal at reception ends processing at the refusal', () => {
    expect(toPortalDossier(DOSSIER_IN.refused, FACTS)).toMatchObject({ TrangThaiHoSo: 3, NgayKetThucXuLy: '20260715083000' });
  });

  it('never syncs a draft or a dossier without a code', () => {
    expect(() => toPortalDossier(DOSSIER_IN.draft, FACTS)).toThrow(RangeError);
    expect(() => toPortalProgress({ ...DOSSIER_IN.draft, status: 'registered' }, submitted.event, FACTS)).toThrow(RangeError);
  });

  describe('snapshotAt (the reconciliation rebuilding a lost request)', () => {
    const now = returned.dossier;
    it('gives back the state right after each event of the log', () => {
      for (const [label, s] of [['submitted', submitted], ['received', received], ['asked', asked], ['paid', paid], ['extended', extended], ['resolved', resolved]] as const) {
        const rebuilt = snapshotAt(now, s.event);
        expect(toPortalDossier(rebuilt, FACTS), label).toEqual(toPortalDossier(s.dossier, FACTS));
      }
    });
    it('an extension granted later gives back the due date before it', () => {
      expect(snapshotAt(now, paid.event).dueAt).toEqual(received.dossier.dueAt);
      expect(snapshotAt(now, paid.event).extension).toBeUndefined();
    });
  });
});

describe('the sync share and its points (national index 1.4)', () => {
  it('synced ÷ received, capped at 1, null without receptions', () => {
    expect(syncShare(0, 0)).toBeNull();
    expect(syncShare(2, 3)).toBe(0.6667);
    expect(syncShare(5, 4)).toBe(1);
  });
  it('full points at the target, proportional below it', () => {
    expect(indicatorPoints(1, 6)).toBe(6);
    expect(indicatorPoints(0.9, 6)).toBe(5.4);
    expect(indicatorPoints(0.4, 10, 0.8)).toBe(5);
    expect(indicatorPoints(null, 6)).toBeNull();
  });
});
