// What a slip shows, as plain data: the renderers never read Firestore, so the same SlipData always gives
// the same PDF bytes. Texts are Vietnamese (the legal language of the forms); dates are instants,
// printed in Vietnam time.

// Form numbers, titles and who holds each form come from the dossier's form set (domain/forms): the
// loader puts the title in the data, so a renderer prints whatever set the dossier's rule set chose.
import type { FormNumber } from '../../domain/index.js';

/** The forms a transition issues as slips (the register, 06, is made on request). */
export const SLIP_FORMS = ['01', '02', '03', '04', '05'] as const satisfies readonly FormNumber[];
export type SlipForm = (typeof SLIP_FORMS)[number];

export type SlipAgency = {
  name: string;
  /** The governing body printed above the agency (e.g. the provincial People's Committee). */
  parentName?: string;
  phone?: string;
  /** Where the slip is signed, e.g. the province: "Bình An, ngày … tháng … năm …". */
  place?: string;
};

export type SlipApplicant = {
  name: string;
  address: string;
  phone: string;
  email?: string;
  /** "Số căn cước công dân: …" or "Mã số thuế: …", already labelled. */
  identity?: string;
};

export type SlipComponentRow = { name: string; originals: number; certifiedCopies: number; copies: number };

type SlipBase = {
  /** The form's title as its form set prints it. */
  title: string;
  agency: SlipAgency;
  code: string;
  applicant: SlipApplicant;
  procedureName: string;
  /** The event time: printed as the slip's date and used as the PDF creation date. */
  issuedAt: Date;
};

export type ReceiptSlip = SlipBase & {
  form: '01';
  components: SlipComponentRow[];
  sets: number;
  legalDuration: string;
  receivedAt: Date;
  dueAt: Date;
  resultDelivery: string;
  fee: string;
  lookupUrl: string;
  ratingUrl: string;
  register: { book: string; entry: string };
  officerName?: string;
};

export type SupplementSlip = SlipBase & {
  form: '02';
  items: { name: string; problem: string }[];
  reason: string;
  guidance?: string;
  officer: { name?: string; phone?: string };
  lookupUrl: string;
};

export type RefusalSlip = SlipBase & {
  form: '03';
  reason: string;
  /** Where the applicant can read the rules: legal basis and the public catalogue address. */
  rulesAt: string[];
  officerName?: string;
  lookupUrl: string;
};

export type ApologySlip = SlipBase & {
  form: '04';
  receivedAt?: Date;
  originalDueAt?: Date;
  reason: string;
  apology: string;
  newDueAt: Date;
};

export type HandoffRow = {
  fromAgency: string;
  toAgency: string;
  handedOverAt: Date;
  receivedAt?: Date;
  /** Sớm hạn / Đúng hạn / Quá hạn, once the agency has finished. */
  result?: string;
  note?: string;
};

export type ControlSlip = SlipBase & {
  form: '05';
  receivedAt?: Date;
  legalDuration: string;
  dueAt?: Date;
  /** When the handling agencies must hand the result back to the desk. */
  returnBy?: Date;
  components: SlipComponentRow[];
  handoffs: HandoffRow[];
  lookupUrl: string;
};

export type SlipData = ReceiptSlip | SupplementSlip | RefusalSlip | ApologySlip | ControlSlip;

export type RegisterRow = {
  code: string;
  procedure: string;
  applicant: string;
  receivedAt: Date;
  transferredAt?: Date;
  dueAt?: Date;
  resultReceivedAt?: Date;
  returnedAt?: Date;
  note?: string;
};

export type RegisterData = {
  form: '06';
  title: string;
  agency: SlipAgency;
  /** Vietnam dates, inclusive. */
  from: string;
  to: string;
  issuedAt: Date;
  rows: RegisterRow[];
};
