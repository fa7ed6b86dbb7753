// Gathers what one slip shows from Firestore (dossier, its event, the pinned procedure version, agency
// names, handoff rows) and turns it into plain SlipData. The event fixes the slip's content in time:
// payload fields and dates come from the event, and handoff rows later than the event are left out,
// so rendering the same request again gives the same bytes.
import type { Firestore } from 'firebase-admin/firestore';
import {
  applicantDisplayName,
  dossierPaymentReference,
  formatRatingCode,
  ratingCodeOf,
  findForm,
  formSetOf,
  STATUS_INFO,
  type FormNumber,
  signLookupToken,
  type Address,
  type Agency,
  type Applicant,
  type Filer,
  type Dossier,
  type DossierEvent,
  type Procedure,
} from '../../domain/index.js';
import { formatDuration } from '../../domain/time/duration.js';
import { readBrand } from '../../store/branding.js';
import { findAgency, procedureVersion } from '../../store/reference-data.js';
import { dossierRef, eventRef, joinDossier, personalRef } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';
import { bankNameOf, feeAccountProblem, vietQrPayload, type FeeAccount } from '../../platform/vietqr.js';
import type { HandoffRow, SlipAgency, SlipApplicant, SlipComponentRow, SlipData, SlipFeeQr } from './slip-data.js';
import { lookupUrl, procedureUrl, ratingUrl } from './slip-links.js';
import { date } from './slip-time.js';

export type SlipRequest = { dossierId: string; version: number; form: FormNumber; eventType: string; at: Date };

export const RESULT_DELIVERY_LABELS = {
  desk: 'Bộ phận Một cửa (nhận trực tiếp)',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (Cổng dịch vụ công)',
} as const satisfies Record<Dossier['resultDelivery'], string>;

export const TIMELINESS_LABELS = { early: 'Sớm hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const;

export function formatAddress(address: Address): string {
  return [address.line, address.communeName, address.districtName, address.provinceName].filter(Boolean).join(', ');
}

const FILER_RELATION_LABELS = { authorised: 'theo giấy ủy quyền', employee: 'nhân viên của tổ chức, theo giấy giới thiệu/ủy quyền', family: 'người thân, theo giấy ủy quyền' } as const;

/** "Trần Văn Bình, CCCD 038085004321, theo giấy ủy quyền": the filer line of a filing on someone's behalf. */
export function slipFiler(filer: Filer): string {
  const id = filer.identity.kind === 'citizenId' ? `CCCD ${filer.identity.number}` : `hộ chiếu ${filer.identity.number}`;
  return `${filer.fullName}, ${id}, ĐT ${filer.phone}, ${FILER_RELATION_LABELS[filer.relation]}`;
}

export function slipApplicant(applicant: Applicant, filer?: Filer): SlipApplicant {
  const identity =
    applicant.kind === 'person'
      ? applicant.identity.kind === 'citizenId'
        ? `Số căn cước công dân: ${applicant.identity.number}`
        : `Hộ chiếu số: ${applicant.identity.number} (${applicant.identity.country})`
      : `Mã số thuế: ${applicant.taxCode}; người đại diện: ${applicant.representative.fullName}, ${applicant.representative.title}`;
  return {
    name: applicantDisplayName(applicant),
    address: formatAddress(applicant.address),
    phone: applicant.phone,
    ...(applicant.email ? { email: applicant.email } : {}),
    identity,
    ...(filer ? { filer: slipFiler(filer) } : {}),
  };
}

const vnd = (amount: number) => `${amount.toLocaleString('de-DE')} đồng`; // 1.000.000 đồng

export function feeText(procedure: Pick<Procedure, 'fees'>): string {
  return procedure.fees.length === 0 ? 'Không thu phí' : procedure.fees.map((f) => `${vnd(f.amountVnd)} (${f.description.vi})`).join('; ');
}

/**
 * The VietQR block of a receipt: the procedure's fees in one transfer, referenced by the dossier code. None
 * when nothing is charged, or when the configured account cannot make a valid code (no code rather than a
 * wrong one; the fee line still says what is due).
 */
export function receiptFeeQr(procedure: Pick<Procedure, 'fees'>, code: string, account: FeeAccount | undefined): SlipFeeQr | undefined {
  const amountVnd = procedure.fees.reduce((sum, f) => sum + f.amountVnd, 0);
  if (amountVnd <= 0 || !account || feeAccountProblem(account)) return undefined;
  const reference = dossierPaymentReference(code);
  return {
    payload: vietQrPayload(account, amountVnd, reference),
    amount: vnd(amountVnd),
    reference,
    bankName: bankNameOf(account.bin),
    accountNumber: account.accountNumber,
    accountName: account.accountName,
  };
}

export function componentRows(dossier: Pick<Dossier, 'components'>, procedure: Pick<Procedure, 'components'>): SlipComponentRow[] {
  const names = new Map(procedure.components.map((c) => [c.id, c.name.vi]));
  return dossier.components.map((c) => ({
    name: names.get(c.componentId) ?? c.componentId,
    originals: c.originals,
    certifiedCopies: c.certifiedCopies,
    copies: c.copies,
  }));
}

export async function agencyOf(db: Firestore, id: string): Promise<SlipAgency> {
  const agency: Agency | undefined = await findAgency(db, id);
  if (!agency) return { name: id };
  const parent = agency.parentId ? await findAgency(db, agency.parentId) : undefined;
  return { name: agency.name.vi, ...(parent ? { parentName: parent.name.vi } : {}), ...(agency.phone ? { phone: agency.phone } : {}) };
}

async function displayNameOf(db: Firestore, uid: string): Promise<string | undefined> {
  const name: unknown = (await db.doc(`users/${uid}`).get()).get('displayName');
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

async function handoffRows(db: Firestore, dossierId: string, until: Date): Promise<HandoffRow[]> {
  const snap = await dossierRef(db, dossierId).collection('handoffs').orderBy('n').get();
  const rows: HandoffRow[] = [];
  for (const doc of snap.docs) {
    const h = revive(doc.data()) as {
      fromAgencyId: string;
      toAgencyId: string;
      handedOverAt: Date;
      acknowledgedAt: Date | null;
      completedAt: Date | null;
      result: keyof typeof TIMELINESS_LABELS | null;
      task?: string;
    };
    if (h.handedOverAt > until) continue; // later than the event this slip records
    const [from, to] = await Promise.all([agencyOf(db, h.fromAgencyId), agencyOf(db, h.toAgencyId)]);
    const done = h.completedAt !== null && h.completedAt <= until;
    rows.push({
      fromAgency: from.name,
      toAgency: to.name,
      handedOverAt: h.handedOverAt,
      ...(h.acknowledgedAt && h.acknowledgedAt <= until ? { receivedAt: h.acknowledgedAt } : {}),
      ...(done && h.result ? { result: TIMELINESS_LABELS[h.result] } : {}),
      ...(h.task ? { note: h.task } : {}),
    });
  }
  return rows;
}

export class SlipSourceMissing extends Error {
  constructor(what: string) {
    super(`slip source missing: ${what}`);
    this.name = 'SlipSourceMissing';
  }
}

/** Everything the renderer needs for one slip request. */
export async function loadSlipData(
  db: Firestore,
  request: SlipRequest,
  links: { origin: string; secret: string; feeAccount?: FeeAccount },
): Promise<SlipData> {
  const [publicSnap, personalSnap, eventSnap] = await db.getAll(
    dossierRef(db, request.dossierId),
    personalRef(db, request.dossierId),
    eventRef(db, request.dossierId, request.version),
  );
  if (!publicSnap!.exists) throw new SlipSourceMissing(`dossier ${request.dossierId}`);
  if (!eventSnap!.exists) throw new SlipSourceMissing(`event ${request.version} of ${request.dossierId}`);
  const { dossier } = joinDossier(publicSnap!.data()!, personalSnap!.data());
  const event = revive(eventSnap!.data()) as DossierEvent;
  if (!dossier.code) throw new SlipSourceMissing(`code of ${request.dossierId}`);
  const procedure = await procedureVersion(db, dossier.procedure.code, dossier.procedure.version);
  // The province's branding (settings/branding): the place before the date, the hotline, the public address.
  const [desk, brand] = await Promise.all([agencyOf(db, dossier.receivingAgencyId), readBrand(db)]);
  const agency: SlipAgency = { ...desk, ...(brand ? { place: brand.placeName } : {}), ...(brand?.hotline ? { hotline: brand.hotline } : {}) };
  const origin = brand?.publicOrigin ?? links.origin;
  const token = signLookupToken(dossier.id, links.secret);
  const form = findForm(formSetOf(dossier.ruleSet), request.form);
  if (!form) throw new SlipSourceMissing(`form ${request.form} in the form set of ${request.dossierId}`);
  const competent = dossier.competentAgencyId && dossier.competentAgencyId !== dossier.receivingAgencyId ? await agencyOf(db, dossier.competentAgencyId) : undefined;
  const base = {
    form: request.form,
    title: form.title,
    ...(competent ? { competentAgency: competent.name } : {}),
    agency,
    code: dossier.code,
    applicant: slipApplicant(dossier.applicant, dossier.filer),
    procedureName: dossier.procedure.name.vi,
    issuedAt: event.at,
  };
  const lookup = lookupUrl(origin, dossier.code, token);
  const officerName = await displayNameOf(db, event.actor.userId);
  const legalDuration = formatDuration(procedure.legalDuration, 'vi');
  const p = event.payload;
  switch (form.purpose) {
    case 'receipt': {
      const dueAt = p.type === 'receive' ? p.due.at : dossier.originalDueAt ?? dossier.dueAt;
      if (!dueAt) throw new SlipSourceMissing(`due date of ${request.dossierId}`);
      const feeQr = receiptFeeQr(procedure, dossier.code, links.feeAccount);
      return {
        ...base,
        purpose: 'receipt',
        components: componentRows(dossier, procedure),
        sets: 1,
        legalDuration,
        receivedAt: event.at,
        dueAt,
        resultDelivery: RESULT_DELIVERY_LABELS[dossier.resultDelivery],
        fee: feeText(procedure),
        lookupUrl: lookup,
        ratingUrl: ratingUrl(origin, dossier.code, token),
        ratingCode: formatRatingCode(ratingCodeOf(dossier.id, links.secret)),
        register: {
          book: `Sổ theo dõi hồ sơ năm ${dossier.registerEntry?.year ?? date(event.at).slice(6)}`,
          // Older dossiers were received before register entries were numbered: their code stands in.
          entry: dossier.registerEntry ? String(dossier.registerEntry.number) : dossier.code,
        },
        ...(officerName ? { officerName } : {}),
        ...(feeQr ? { feeQr } : {}),
      };
    }
    case 'supplementRequest': {
      if (p.type !== 'requestSupplement') throw new SlipSourceMissing(`supplement request in event ${request.version}`);
      return {
        ...base,
        purpose: 'supplementRequest',
        items: p.items.map((i) => ({ name: i.name, problem: i.problem })),
        reason: p.reason,
        ...(p.guidance ? { guidance: p.guidance } : {}),
        officer: { ...(officerName ? { name: officerName } : {}), ...(agency.phone ? { phone: agency.phone } : {}) },
        lookupUrl: lookup,
      };
    }
    case 'refusal': {
      if (p.type !== 'refuseAtReception') throw new SlipSourceMissing(`refusal in event ${request.version}`);
      return {
        ...base,
        purpose: 'refusal',
        reason: p.reason,
        rulesAt: [...procedure.legalBasis, procedureUrl(origin, procedure.code)],
        ...(officerName ? { officerName } : {}),
        lookupUrl: lookup,
      };
    }
    case 'apology': {
      if (p.type !== 'extend') throw new SlipSourceMissing(`extension in event ${request.version}`);
      const previous = dossier.extension?.previousDueAt ?? dossier.originalDueAt;
      return {
        ...base,
        purpose: 'apology',
        proposesExtension: formSetOf(dossier.ruleSet).id === 'tt03-2025',
        ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
        ...(previous ? { originalDueAt: previous } : {}),
        reason: p.reason,
        apology: p.apology,
        newDueAt: p.newDueAt,
      };
    }
    case 'controlSlip': {
      const handoffs = await handoffRows(db, dossier.id, event.at);
      const returnBy = handoffs.length > 0 ? dossier.currentStep?.dueAt : undefined;
      return {
        ...base,
        purpose: 'controlSlip',
        ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
        legalDuration,
        ...(dossier.originalDueAt ?? dossier.dueAt ? { dueAt: (dossier.originalDueAt ?? dossier.dueAt)! } : {}),
        ...(returnBy ? { returnBy } : {}),
        components: componentRows(dossier, procedure),
        handoffs,
        lookupUrl: lookup,
      };
    }
    case 'stopNotice': {
      const stop = dossier.stopRequest;
      return {
        ...base,
        purpose: 'stopNotice',
        ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
        ...(stop ? { requestedAt: stop.requestedAt } : {}),
        stageReached: STATUS_INFO[event.from].label.vi,
        reason: stop?.reason ?? (p.type === 'stop' ? p.reason : dossier.closingReason ?? ''),
        ...(stop?.papersReturned !== undefined ? { papersReturned: stop.papersReturned } : {}),
        ...(stop?.feesRefunded !== undefined ? { feesRefunded: stop.feesRefunded } : {}),
        lookupUrl: lookup,
      };
    }
    case 'register':
      throw new SlipSourceMissing(`a transition never issues the register (${request.form})`);
  }
}
