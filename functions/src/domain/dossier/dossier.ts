// The dossier (hồ sơ): one application for one procedure, from draft to returned result. It is the state
// that `applyAction` folds the event log into; the service stores it (public projection + private part).
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { Applicant } from '../applicant/applicant.js';
import { DossierCode } from '../dossier-code/dossier-code.js';
import { DossierStatus } from './status.js';
import { ProcedureCode, SectoralPeriod, StopPolicy, SupplementClockPolicy, type Procedure } from '../procedure/procedure.js';
import { Bilingual } from '../shared/bilingual.js';
import { AmountVnd, EntityId, Instant, PlainText, UserId } from '../shared/primitives.js';
import { ComponentId } from '../procedure/component.js';
import { RuleSet } from '../rule-set/rule-set.js';
import { DossierComponents, type DossierComponent } from './component.js';
import { Filer } from './filer.js';

/**
 * One item of a supplement request (form 02): which document, what is missing or wrong in plain language.
 * A request names the component each item is about (dossier/supplement.ts); requests recorded before
 * that may lack it.
 */
export const SupplementItem = z.strictObject({
  componentId: ComponentId.optional().describe('Thành phần hồ sơ cần bổ sung / component asked for'),
  /** The document is not in the dossier yet: its component id is new (the officer names it). */
  isNew: z.boolean().optional().describe('Giấy tờ mới, chưa có trong hồ sơ / a document not yet in the dossier'),
  /** The files handed in before are superseded by the answer (kept on record, marked replaced). */
  replaceFiles: z.boolean().optional().describe('Thay tệp đã nộp / replaces the files handed in'),
  name: PlainText(255).describe('Giấy tờ cần bổ sung / document to add or fix'),
  problem: PlainText(1000).describe('Cần bổ sung, sửa gì / what is missing or wrong'),
});
export type SupplementItem = z.infer<typeof SupplementItem>;

export const Channel = z.enum(['desk', 'post', 'online']).describe('Kênh nộp / channel');
export type Channel = z.infer<typeof Channel>;

export const ResultDelivery = z
  .enum(['desk', 'post', 'online'])
  .describe('Nơi nhận kết quả / where the result is delivered');
export type ResultDelivery = z.infer<typeof ResultDelivery>;

/** The procedure version and rule set pinned when the dossier was created; they never change afterwards. */
export const PinnedProcedure = z.object({
  code: ProcedureCode,
  version: z.number().int().min(1),
  name: Bilingual,
  supplementClockPolicy: SupplementClockPolicy,
  supplementRequestWindow: SectoralPeriod.optional(),
  supplementExpiry: SectoralPeriod.optional(),
  stopPolicy: StopPolicy.optional(),
});
export type PinnedProcedure = z.infer<typeof PinnedProcedure>;

/** Where the dossier is in its inter-agency route: the agency holding it and that agency's sub-deadline. */
export const CurrentStep = z.object({
  agencyId: AgencyId,
  stepId: z.string().optional(),
  task: z.string().optional(),
  since: Instant.describe('Thời điểm giao / handed over at'),
  dueAt: Instant.optional().describe('Hạn của cơ quan này / this agency’s sub-deadline'),
  acknowledgedAt: Instant.optional().describe('Thời điểm nhận / acknowledged at'),
  acknowledgedBy: UserId.optional(),
  /** The paper dossier had to reach this agency by then (same day, next morning after 15:00, 1 working day across levels). */
  handOverBy: Instant.optional(),
});
export type CurrentStep = z.infer<typeof CurrentStep>;

export const SupplementRequest = z.object({
  requestedAt: Instant,
  requestedBy: UserId,
  /** Where the dossier returns when the supplement arrives: reception check again, or handling. */
  requestedInStatus: z.enum(['registered', 'processing']),
  items: z.array(SupplementItem).min(1),
  reason: z.string(),
  guidance: z.string().optional(),
  overrideReason: z.string().optional(),
  submittedAt: Instant.optional(),
  /** Decree 118 Art. 19.5: not completed by then, the dossier is closed (set by the service). */
  expiresAt: Instant.optional(),
});
export type SupplementRequest = z.infer<typeof SupplementRequest>;

export const OpinionRequest = z.object({
  agencyId: AgencyId,
  question: z.string(),
  requestedAt: Instant,
  requestedBy: UserId,
  dueAt: Instant,
  /** Set when the agency works in parallel with the lead: its row of the control slip. */
  handoffN: z.number().int().min(1).optional(),
  answeredAt: Instant.optional(),
  answer: z.string().optional(),
});
export type OpinionRequest = z.infer<typeof OpinionRequest>;

export const PaymentRequest = z.object({
  amountVnd: AmountVnd,
  description: z.string(),
  requestedAt: Instant,
  paidAt: Instant.optional(),
  reference: z.string().optional(),
  /** Confirmed by the system on a payment gateway's or bank's signed notice: paid online (national index 3.6). */
  paidOnline: z.boolean().optional(),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

/** The one permitted new appointment (form 04): apology, reason, old and new dates. */
export const Extension = z.object({
  at: Instant,
  by: UserId,
  previousDueAt: Instant,
  newDueAt: Instant,
  reason: z.string(),
  apology: z.string(),
});
export type Extension = z.infer<typeof Extension>;

/** The applicant's request to stop processing (Decree 118 Art. 21), until an officer confirms it. */
export const StopRequest = z.object({
  requestedAt: Instant,
  requestedBy: UserId,
  /** Who asked: the applicant online, or a desk officer for an applicant at the desk. */
  via: z.enum(['online', 'desk']),
  reason: z.string(),
  confirmedAt: Instant.optional(),
  confirmedBy: UserId.optional(),
  papersReturned: z.boolean().optional(),
  feesRefunded: z.boolean().optional(),
});
export type StopRequest = z.infer<typeof StopRequest>;

/** Decree 118 Art. 17.2: an online dossier must be seen within hours and decided within working hours. */
export const OnlineIntake = z.object({
  alertAt: Instant.describe('Cảnh báo nếu chưa xử lý / escalate if untouched by'),
  decideBy: Instant.describe('Hạn tiếp nhận hoặc trả lại / accept or return by'),
});
export type OnlineIntake = z.infer<typeof OnlineIntake>;

/** The dossier's line in the agency's yearly register (sổ theo dõi hồ sơ): printed on the receipt. */
export const RegisterEntry = z.object({ agencyId: AgencyId, year: z.number().int(), number: z.number().int().min(1) });
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const Resolution = z.object({
  outcome: z.enum(['approved', 'denied']),
  at: Instant,
  by: UserId,
  agencyId: AgencyId.optional(),
  reason: z.string().optional(),
  summary: z.string().optional(),
});
export type Resolution = z.infer<typeof Resolution>;

export const Dossier = z.object({
  id: EntityId,
  code: DossierCode.optional().describe('Mã hồ sơ, cấp khi nộp / dossier code, issued on submission'),
  /** Incremented by every applied action: the optimistic-concurrency token of the lifecycle service. */
  version: z.number().int().min(0),
  status: DossierStatus,
  channel: Channel,
  resultDelivery: ResultDelivery,
  procedure: PinnedProcedure,
  ruleSet: RuleSet,
  receivingAgencyId: AgencyId.describe('Cơ quan tiếp nhận / receiving agency'),
  /** Decree 118 Art. 14: the unit that decides, when it is not the receiving desk (absent on older dossiers). */
  competentAgencyId: AgencyId.optional().describe('Cơ quan có thẩm quyền giải quyết / competent agency'),
  /** Every agency that has held or been consulted on the dossier (for access rules and statistics). */
  agencyIds: z.array(AgencyId).min(1),
  currentStep: CurrentStep.optional(),
  handlerId: UserId.optional(),
  /** The citizen's account, if submitted online or claimed; walk-in dossiers may have none. */
  ownerUserId: UserId.optional(),
  /**
   * For a filing on someone else's behalf: the applicant's account when its VNeID-verified ID number is the
   * applicant's (they see the dossier as the owner does).
   */
  principalUserId: UserId.optional(),
  /** Submitted in a session authenticated by the national electronic identity (VNeID): the national index counts it. */
  vneidAuthenticated: z.boolean().optional(),
  applicant: Applicant,
  /** Who filed, when not the applicant (with the authorisation); personal data. */
  filer: Filer.optional(),
  components: DossierComponents,
  createdAt: Instant,
  updatedAt: Instant,
  submittedAt: Instant.optional(),
  receivedAt: Instant.optional(),
  dueAt: Instant.optional().describe('Hạn trả kết quả hiện hành / current due time'),
  dueExplanation: Bilingual.optional().describe('Cách tính hạn / how the due time was computed'),
  /** The due time before any extension: what form 04 calls the original appointment. */
  originalDueAt: Instant.optional(),
  extensionCount: z.number().int().min(0),
  extension: Extension.optional(),
  /** Supplement rounds, at the reception check and after reception (each limited to one). */
  supplementCount: z.strictObject({ reception: z.number().int().min(0), handling: z.number().int().min(0) }),
  supplement: SupplementRequest.optional(),
  stopRequest: StopRequest.optional(),
  intake: OnlineIntake.optional(),
  registerEntry: RegisterEntry.optional(),
  opinions: z.array(OpinionRequest),
  payment: PaymentRequest.optional(),
  resolution: Resolution.optional(),
  resultReturnedAt: Instant.optional(),
  closedAt: Instant.optional().describe('Thời điểm kết thúc (trả, rút, dừng, từ chối) / closed at'),
  closingReason: z.string().optional(),
});
export type Dossier = z.infer<typeof Dossier>;

export interface NewDossierInput {
  readonly id: string;
  readonly procedure: Procedure;
  readonly receivingAgencyId: string;
  readonly competentAgencyId?: string;
  readonly applicant: Dossier['applicant'];
  readonly filer?: Filer;
  readonly principalUserId?: string;
  readonly vneidAuthenticated?: boolean;
  readonly components: readonly DossierComponent[];
  readonly channel: Channel;
  readonly resultDelivery: ResultDelivery;
  readonly ownerUserId?: string;
  readonly now: Date;
}

/** A draft pinned to the given procedure version; `submit` or `intake` turns it into a registered dossier. */
export function newDraftDossier(input: NewDossierInput): Dossier {
  return {
    id: input.id,
    version: 0,
    status: 'draft',
    channel: input.channel,
    resultDelivery: input.resultDelivery,
    procedure: {
      code: input.procedure.code,
      version: input.procedure.version,
      name: input.procedure.name,
      supplementClockPolicy: input.procedure.supplementClockPolicy,
      ...(input.procedure.supplementRequestWindow ? { supplementRequestWindow: input.procedure.supplementRequestWindow } : {}),
      ...(input.procedure.supplementExpiry ? { supplementExpiry: input.procedure.supplementExpiry } : {}),
      stopPolicy: input.procedure.stopPolicy,
    },
    ruleSet: input.procedure.ruleSet,
    receivingAgencyId: input.receivingAgencyId,
    ...(input.competentAgencyId === undefined ? {} : { competentAgencyId: input.competentAgencyId }),
    // The competent agency joins when the dossier is routed to it (its officers then see it).
    agencyIds: [input.receivingAgencyId],
    ...(input.ownerUserId === undefined ? {} : { ownerUserId: input.ownerUserId }),
    ...(input.principalUserId === undefined ? {} : { principalUserId: input.principalUserId }),
    ...(input.vneidAuthenticated ? { vneidAuthenticated: true } : {}),
    applicant: input.applicant,
    ...(input.filer === undefined ? {} : { filer: input.filer }),
    components: [...input.components],
    createdAt: input.now,
    updatedAt: input.now,
    extensionCount: 0,
    supplementCount: { reception: 0, handling: 0 },
    opinions: [],
  };
}
