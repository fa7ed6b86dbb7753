// What the national public service portal (DVCQG) is told about a dossier, as pure data. Two services, as
// the reference names them ("Sync with the national portal", reported from OpenCPS' adapter and the
// national index's formula document): `DongBoHoSoMC` carries the dossier and its status (a snapshot the
// portal upserts by MaHoSo), `CapNhatTienDoHoSoMC` one processing step. Field names are the reference's;
// where the reference gives a name but no values (KenhThucHien 1 desk · 2 online · 3 post, LoaiDoiTuong 1
// citizen · 2 business) its values are used, and the few fields it does not name (PhienBan, MaDonViXuLy,
// LoaiBoSung, NgayNopHoSo…) are marked as this product's own below. The HTTP envelope around these bodies is
// an adapter detail (features/portal-sync/portal-http.ts).
import { applicantDisplayName, type Applicant } from '../applicant/applicant.js';
import type { Dossier } from '../dossier/dossier.js';
import { STATUS_INFO, type DossierStatusName, type PortalStatusCode } from '../dossier/status-info.js';
import { ACTION_LABEL_TEXT } from '../lifecycle/action-labels.js';
import type { ActionType } from '../lifecycle/actions.js';
import { ROLE_LABELS } from '../lifecycle/actor.js';
import type { DossierEvent } from '../lifecycle/event.js';
import { portalTimeOrNull, formatPortalTime } from './portal-time.js';

export const PORTAL_SERVICES = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'] as const;
export type PortalService = (typeof PORTAL_SERVICES)[number];

/** KenhThucHien: how the dossier was filed. */
export const PORTAL_CHANNEL = { desk: 1, online: 2, post: 3 } as const satisfies Record<Dossier['channel'], number>;
/** LoaiDoiTuong: who files. */
export const PORTAL_APPLICANT_KIND = { person: 1, organisation: 2 } as const satisfies Record<Applicant['kind'], number>;

/** TaiLieuNop[]: one component handed in. */
export type PortalDocument = {
  MaThanhPhanHoSo: string;
  /** The first file's name, or null for paper only. */
  TenTepDinhKem: string | null;
  /** Ours: paper counts. */
  SoBanChinh: number;
  SoBanSao: number;
  /** The component was digitised (a scan or an upload is attached). */
  DuocSoHoa: boolean;
  /** Taken from the national data stores instead of asked of the applicant (Decree 118 Art. 17.1). Not yet: always false. */
  DuocLayTuKhoDMQG: boolean;
};

/** DanhSachLePhi[]: a fee or charge the dossier carries. */
export type PortalFee = {
  TenPhiLePhi: string;
  Gia: number;
  /** Ours: paid, when, and whether online (the national index's 3.6). */
  DaThanhToan: boolean;
  NgayThanhToan: string | null;
  ThanhToanTrucTuyen: boolean;
};

/**
 * DanhSachHoSoBoSung[]: a supplement round, or the one permitted extension, which the reference lists here
 * with its old and new appointment (NgayHenTraTruoc / NgayHenTraMoi). LoaiBoSung is ours.
 */
export type PortalSupplement = {
  LoaiBoSung: 'BoSungHoSo' | 'GiaHan';
  NoiDungBoSung: string;
  NgayBoSung: string;
  NgayTiepNhanBoSung: string | null;
  NgayHenTraTruoc: string | null;
  NgayHenTraMoi: string | null;
};

/** DanhSachGiayToKetQua[]: the result. */
export type PortalResult = {
  /** Decree 118 Art. 22: holder's ID number + result-type code; procedures carry no result-type code yet, so the procedure code stands in. */
  MaKetQua: string;
  TenGiayTo: string;
  /** The signed electronic result's address; results are not stored as files yet: null. */
  DuongDanTepTinKetQua: string | null;
  NgayCap: string;
};

/** DongBoHoSoMC: the dossier and its status. */
export type PortalDossier = {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  KenhThucHien: number;
  ChuHoSo: string;
  LoaiDoiTuong: number;
  Email: string | null;
  SoDienThoai: string;
  TrichYeuHoSo: string;
  /** Ours: when it was filed (online) or recorded (desk). */
  NgayNopHoSo: string | null;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  TrangThaiHoSo: PortalStatusCode;
  NgayTra: string | null;
  /** How the result is handed over: as KenhThucHien (1 at the desk · 2 online · 3 by post). */
  HinhThuc: number;
  /** End of processing as the national index reads it: resolved, else stopped, refused or withdrawn. */
  NgayKetThucXuLy: string | null;
  DonViXuLy: string;
  /** Ours: the identifier of DonViXuLy, and of the receiving desk (Decree 118 Art. 14: both appear in the sync). */
  MaDonViXuLy: string;
  MaDonViTiepNhan: string;
  TaiLieuNop: PortalDocument[];
  DanhSachLePhi: PortalFee[];
  DanhSachHoSoBoSung: PortalSupplement[];
  DanhSachGiayToKetQua: PortalResult[];
  HoSoCoThanhPhanSoHoa: boolean;
  DuocThanhToanTrucTuyen: boolean;
  TaiKhoanDuocXacThucVoiVNeID: boolean;
  /** Ours: the dossier version this snapshot is of, so the portal (and a replay) can tell old from new. */
  PhienBan: number;
};

/** CapNhatTienDoHoSoMC: one processing step. */
export type PortalProgress = {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: PortalStatusCode;
  NgayBatDau: string | null;
  NgayKetThucTheoQuyDinh: string | null;
  /** Ours: which action and which version of the dossier this step produced. */
  LoaiXuLy: ActionType;
  PhienBan: number;
};

export type PortalMessage = { readonly service: 'DongBoHoSoMC'; readonly body: PortalDossier } | { readonly service: 'CapNhatTienDoHoSoMC'; readonly body: PortalProgress };

/** What the mapping needs beyond the dossier: read (and cached) by the shell. */
export type PortalFacts = {
  /** The procedure's field (lĩnh vực) from the pinned version. */
  readonly field: string;
  /** An agency's published name, if known (the identifier is sent otherwise). */
  readonly agencyName: (agencyId: string) => string | undefined;
  /** The acting officer's display name, if known. */
  readonly actorName?: string | undefined;
  /** The applicant signed in with a VNeID-verified account (known for dossiers filed on the portal). */
  readonly vneidVerified?: boolean;
};

const statusCode = (status: DossierStatusName): PortalStatusCode => {
  const code = STATUS_INFO[status].portalCode;
  // A draft has no portal status: the shell never syncs one (there is no event of a draft).
  if (code === null) throw new RangeError(`status ${status} is never synced`);
  return code;
};

const FINAL_CLOSINGS: ReadonlySet<DossierStatusName> = new Set(['refused', 'withdrawn', 'stopped']);

/** The agency now holding the dossier: its current step, else the receiving desk. */
function holdingAgency(dossier: Pick<Dossier, 'currentStep' | 'receivingAgencyId'>): string {
  return dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
}

export function toPortalDossier(dossier: Dossier, facts: PortalFacts): PortalDossier {
  if (dossier.code === undefined) throw new RangeError('a dossier without a code is never synced');
  const applicant = dossier.applicant;
  const holder = holdingAgency(dossier);
  const supplements: PortalSupplement[] = [];
  if (dossier.supplement) {
    supplements.push({
      LoaiBoSung: 'BoSungHoSo',
      NoiDungBoSung: [dossier.supplement.reason, ...dossier.supplement.items.map((i) => `${i.name}: ${i.problem}`)].join('; '),
      NgayBoSung: formatPortalTime(dossier.supplement.requestedAt),
      NgayTiepNhanBoSung: portalTimeOrNull(dossier.supplement.submittedAt),
      NgayHenTraTruoc: null,
      NgayHenTraMoi: null,
    });
  }
  if (dossier.extension) {
    supplements.push({
      LoaiBoSung: 'GiaHan',
      NoiDungBoSung: dossier.extension.reason,
      NgayBoSung: formatPortalTime(dossier.extension.at),
      NgayTiepNhanBoSung: null,
      NgayHenTraTruoc: formatPortalTime(dossier.extension.previousDueAt),
      NgayHenTraMoi: formatPortalTime(dossier.extension.newDueAt),
    });
  }
  const payment = dossier.payment;
  const fees: PortalFee[] = payment
    ? [
        {
          TenPhiLePhi: payment.description,
          Gia: payment.amountVnd,
          DaThanhToan: payment.paidAt !== undefined,
          NgayThanhToan: portalTimeOrNull(payment.paidAt),
          ThanhToanTrucTuyen: payment.paidOnline === true,
        },
      ]
    : [];
  const resolution = dossier.resolution;
  const results: PortalResult[] =
    resolution?.outcome === 'approved'
      ? [
          {
            MaKetQua: `${holderIdOf(applicant)}.${dossier.procedure.code}`,
            TenGiayTo: resolution.summary ?? dossier.procedure.name.vi,
            DuongDanTepTinKetQua: null,
            NgayCap: formatPortalTime(resolution.at),
          },
        ]
      : [];
  const endedAt = resolution?.at ?? (FINAL_CLOSINGS.has(dossier.status) ? dossier.closedAt : undefined);
  return {
    MaHoSo: dossier.code,
    MaTTHC: dossier.procedure.code,
    TenTTHC: dossier.procedure.name.vi,
    MaLinhVuc: facts.field,
    KenhThucHien: PORTAL_CHANNEL[dossier.channel],
    ChuHoSo: applicantDisplayName(applicant),
    LoaiDoiTuong: PORTAL_APPLICANT_KIND[applicant.kind],
    Email: applicant.email ?? null,
    SoDienThoai: applicant.phone,
    TrichYeuHoSo: `${dossier.procedure.name.vi} — ${applicantDisplayName(applicant)}`,
    NgayNopHoSo: portalTimeOrNull(dossier.submittedAt),
    NgayTiepNhan: portalTimeOrNull(dossier.receivedAt),
    NgayHenTra: portalTimeOrNull(dossier.dueAt),
    TrangThaiHoSo: statusCode(dossier.status),
    NgayTra: portalTimeOrNull(dossier.resultReturnedAt),
    HinhThuc: PORTAL_CHANNEL[dossier.resultDelivery],
    NgayKetThucXuLy: portalTimeOrNull(endedAt),
    DonViXuLy: facts.agencyName(holder) ?? holder,
    MaDonViXuLy: holder,
    MaDonViTiepNhan: dossier.receivingAgencyId,
    TaiLieuNop: dossier.components.map((c) => ({
      MaThanhPhanHoSo: c.componentId,
      TenTepDinhKem: c.attachments[0]?.fileName ?? null,
      SoBanChinh: c.originals,
      SoBanSao: c.certifiedCopies + c.copies,
      DuocSoHoa: c.attachments.length > 0,
      DuocLayTuKhoDMQG: false,
    })),
    DanhSachLePhi: fees,
    DanhSachHoSoBoSung: supplements,
    DanhSachGiayToKetQua: results,
    HoSoCoThanhPhanSoHoa: dossier.components.some((c) => c.attachments.length > 0),
    DuocThanhToanTrucTuyen: payment?.paidOnline === true,
    TaiKhoanDuocXacThucVoiVNeID: facts.vneidVerified === true,
    PhienBan: dossier.version,
  };
}

/** The holder's identity number (Decree 118 Art. 22): the citizen ID or passport, the tax code of an organisation. */
function holderIdOf(applicant: Applicant): string {
  return applicant.kind === 'person' ? applicant.identity.number : applicant.taxCode;
}

/** One processing step: who did what, when, in which unit, and the step's legal window. */
export function toPortalProgress(after: Dossier, event: DossierEvent, facts: PortalFacts): PortalProgress {
  if (after.code === undefined) throw new RangeError('a dossier without a code is never synced');
  const actor = event.actor;
  const unit = actor.agencyId !== undefined ? (facts.agencyName(actor.agencyId) ?? actor.agencyId) : ROLE_LABELS[actor.role].vi;
  const label = ACTION_LABEL_TEXT[event.type].vi;
  const task = event.payload.type === 'transfer' && event.payload.task ? `: ${event.payload.task}` : '';
  const step = after.currentStep;
  return {
    MaHoSo: after.code,
    NguoiXuLy: facts.actorName ?? (actor.role === 'citizen' ? applicantDisplayName(after.applicant) : ROLE_LABELS[actor.role].vi),
    ChucDanh: ROLE_LABELS[actor.role].vi,
    ThoiDiemXuLy: formatPortalTime(event.at),
    PhongBanXuLy: unit,
    NoiDungXuLy: `${label}${task}`,
    TrangThai: statusCode(event.to),
    NgayBatDau: portalTimeOrNull(step?.since ?? after.receivedAt ?? after.submittedAt),
    NgayKetThucTheoQuyDinh: portalTimeOrNull(step?.dueAt ?? after.dueAt),
    LoaiXuLy: event.type,
    PhienBan: event.version,
  };
}

/** Internal steps that change neither the status nor what the portal shows of the dossier: a progress row only. */
const STEP_ONLY: ReadonlySet<ActionType> = new Set<ActionType>(['acknowledgeTransfer', 'requestOpinion', 'provideOpinion']);
/** Creation: the dossier itself, no step yet. */
const CREATION: ReadonlySet<ActionType> = new Set<ActionType>(['submit', 'intake']);

/**
 * Which services one transition is synced through. Every transition is synced (creation, status changes,
 * steps, supplements, the extension, fees, the result): the dossier snapshot whenever the status or what the
 * portal shows of the dossier may change, and a progress row for every step after creation.
 */
export function portalServicesFor(event: Pick<DossierEvent, 'type' | 'from' | 'to'>): PortalService[] {
  const services: PortalService[] = [];
  const stepOnly = STEP_ONLY.has(event.type) || (event.type === 'assign' && event.from === event.to);
  if (!stepOnly) services.push('DongBoHoSoMC');
  if (!CREATION.has(event.type)) services.push('CapNhatTienDoHoSoMC');
  return services;
}

/** The messages of one transition, in the order they are delivered (the dossier before its step). */
export function portalMessagesFor(after: Dossier, event: DossierEvent, facts: PortalFacts): PortalMessage[] {
  return portalServicesFor(event).map((service) =>
    service === 'DongBoHoSoMC' ? { service, body: toPortalDossier(after, facts) } : { service, body: toPortalProgress(after, event, facts) },
  );
}

/**
 * The dossier as it stood right after `event`, rebuilt from the dossier now and that event, for the
 * reconciliation job when a sync request of an older version is missing (written before the sync existed,
 * or lost). Fields set later than the event are dropped, the status and version are the event's, and an
 * extension granted later gives back its previous due date. Personal data and identity are today's.
 */
export function snapshotAt(current: Dossier, event: Pick<DossierEvent, 'version' | 'to' | 'at'>): Dossier {
  const t = event.at.getTime();
  const by = (at: Date | undefined): at is Date => at !== undefined && at.getTime() <= t;
  const extensionLater = current.extension !== undefined && !by(current.extension.at);
  const received = by(current.receivedAt);
  const snapshot: Dossier = {
    ...current,
    version: event.version,
    status: event.to,
    updatedAt: event.at,
    extensionCount: extensionLater ? current.extensionCount - 1 : current.extensionCount,
  };
  const drop = (key: keyof Dossier) => delete (snapshot as Partial<Dossier>)[key];
  if (!by(current.submittedAt)) drop('submittedAt');
  if (!received) {
    drop('receivedAt');
    drop('dueAt');
    drop('dueExplanation');
    drop('originalDueAt');
    drop('registerEntry');
  } else if (extensionLater) {
    snapshot.dueAt = current.extension!.previousDueAt;
  }
  if (extensionLater) drop('extension');
  if (!by(current.resolution?.at)) drop('resolution');
  if (!by(current.resultReturnedAt)) drop('resultReturnedAt');
  if (!by(current.closedAt)) {
    drop('closedAt');
    drop('closingReason');
  }
  if (current.supplement) {
    if (!by(current.supplement.requestedAt)) drop('supplement');
    else if (!by(current.supplement.submittedAt)) {
      const { submittedAt: _later, ...rest } = current.supplement;
      snapshot.supplement = rest;
    }
  }
  if (current.payment) {
    if (!by(current.payment.requestedAt)) drop('payment');
    else if (!by(current.payment.paidAt)) {
      const { paidAt: _paid, reference: _ref, paidOnline: _online, ...rest } = current.payment;
      snapshot.payment = rest;
    }
  }
  return snapshot;
}
