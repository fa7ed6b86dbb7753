// The rules of the electronic result that pages need too (zod-free, re-exported by the contract): its
// document code, who issues it and when, who sees it, and what returning online requires (Decree 118 Art. 22).
import type { Applicant } from '../applicant/applicant.js';
import type { Dossier, ResultDelivery } from '../dossier/dossier.js';
import type { Actor } from '../lifecycle/actor.js';
import type { Bilingual } from '../shared/bilingual.js';

/** Who the result is issued to: the applicant (a person by ID number, an organisation by tax code). */
export type ResultHolder = { name: string; idNumber: string };

export function holderOf(applicant: Applicant): ResultHolder {
  return applicant.kind === 'person'
    ? { name: applicant.fullName, idNumber: applicant.identity.number }
    : { name: applicant.name, idNumber: applicant.taxCode };
}

/**
 * The document code of an electronic result: the holder's identification number and the result-type code
 * (Art. 22). The law fixes the two parts, not a separator; a hyphen keeps the ID number readable.
 */
export function resultDocumentCode(holder: Pick<ResultHolder, 'idNumber'>, typeCode: string): string {
  return `${holder.idNumber}-${typeCode}`;
}

/**
 * Who may issue the result: the handler or lead of the agency now holding the dossier, while it is being
 * handled or once decided (before it is returned). Returns why not, or undefined.
 */
export function resultIssueProblem(
  dossier: Pick<Dossier, 'status' | 'receivingAgencyId'> & { currentStep?: { agencyId: string } | undefined },
  actor: Pick<Actor, 'role' | 'agencyId'>,
): { reason: 'role' | 'agency' | 'status'; message: Bilingual } | undefined {
  if (actor.role !== 'handler' && actor.role !== 'lead') {
    return { reason: 'role', message: { vi: 'Chỉ chuyên viên thụ lý hoặc lãnh đạo ban hành kết quả.', en: 'Only the handling officer or a lead issues the result.' } };
  }
  const holding = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
  if (actor.agencyId !== holding) {
    return { reason: 'agency', message: { vi: 'Hồ sơ không do cơ quan của bạn đang giải quyết.', en: 'Your agency is not handling this dossier now.' } };
  }
  if (dossier.status !== 'processing' && dossier.status !== 'resolved') {
    return {
      reason: 'status',
      message: { vi: 'Chỉ ban hành kết quả khi hồ sơ đang giải quyết hoặc đã có quyết định, trước khi trả.', en: 'A result is issued while the dossier is handled or decided, before it is returned.' },
    };
  }
  return undefined;
}

/** The applicant sees the electronic result once the desk has returned it (Art. 22: returned online). */
export function applicantSeesResults(dossier: Pick<Dossier, 'status'>): boolean {
  return dossier.status === 'returned';
}

/**
 * Returning online means handing over the electronic result: without one on record, the desk must return
 * on paper (at the desk or by post). Returns why not, or undefined.
 */
export function onlineReturnProblem(via: ResultDelivery, electronicResults: number): Bilingual | undefined {
  if (via !== 'online' || electronicResults > 0) return undefined;
  return {
    vi: 'Hồ sơ chưa có kết quả điện tử được ký số: hãy ban hành kết quả điện tử trước, hoặc trả bản giấy.',
    en: 'The dossier has no signed electronic result yet: issue it first, or return the paper result.',
  };
}
