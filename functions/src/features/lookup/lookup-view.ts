// What the public lookup shows. Two views, per Circular 01/2018 Art. 16: a bare code shows only how far
// the dossier has got; the code with its lookup token (the receipt's QR) shows the progress in detail.
// Neither ever shows personal data: no applicant, no officer, and no free text a person wrote (reasons,
// tasks, apologies), since such text may name people.
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  DossierStatus,
  findPortalStatusCode,
  STATUS_INFO,
  STEP_ROLE_LABELS,
  type StepRole,
  type Bilingual,
} from '../../domain/index.js';
import { ratingState } from '../../domain/index.js';
import type { AgencyRef, BasicView, FullView } from '../../contract/index.js';

const StoredInstant = z.union([z.instanceof(Timestamp).transform((t) => t.toDate()), z.date()]);
const Text2 = z.object({ vi: z.string(), en: z.string() });

/** The fields of `dossiers/{id}` the lookup reads (other fields are dropped on parsing). */
export const LookupDossier = z.object({
  code: z.string(),
  status: DossierStatus,
  procedure: z.object({ code: z.string(), version: z.number().int(), name: Text2 }),
  receivingAgencyId: z.string(),
  /** Older dossiers may lack it: they are collected at the desk, as before the choice existed. */
  resultDelivery: z.enum(['desk', 'post', 'online']).default('desk'),
  currentStep: z
    .object({ agencyId: z.string(), stepId: z.string().optional(), since: StoredInstant, dueAt: StoredInstant.optional() })
    .optional(),
  receivedAt: StoredInstant.optional(),
  dueAt: StoredInstant.optional(),
  dueExplanation: Text2.optional(),
  extensionCount: z.number().int().default(0),
  resultReturnedAt: StoredInstant.optional(),
  /** Only the time: the applicant's reason is their own words and is not shown. */
  stopRequest: z.object({ requestedAt: StoredInstant }).optional(),
});
export type LookupDossier = z.infer<typeof LookupDossier>;

/** One step of the procedure's published process (catalogue data, public). */
export type PublishedStep = { id: string; role: StepRole; description: Bilingual };

/**
 * Finished from the citizen's point of view: the agency's work is over, with a result to collect
 * (resolved, returned) or without one (refused, withdrawn, stopped).
 */
const COMPLETED: ReadonlySet<DossierStatus> = new Set(['resolved', 'returned', 'refused', 'withdrawn', 'stopped']);

/** Shown instead of an extension's explanation, which the service may have built from the written reason. */
export const EXTENDED_EXPLANATION: Bilingual = {
  vi: 'Cơ quan giải quyết đã gửi phiếu xin lỗi và hẹn lại ngày trả kết quả (chỉ được hẹn lại một lần).',
  en: 'The agency sent a letter of apology with a new appointment date (a new date may be set only once).',
};

const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export function basicView(d: LookupDossier): BasicView {
  return { view: 'basic', code: d.code, status: d.status, statusLabel: STATUS_INFO[d.status].label, completed: COMPLETED.has(d.status) };
}

export function fullView(
  d: LookupDossier,
  context: {
    agencyNames: ReadonlyMap<string, Bilingual>;
    steps: readonly PublishedStep[];
    rated: boolean;
    /** The receiving desk's published address (public agency data). */
    receivingAddress?: string | undefined;
    /** The due date the receipt printed (the receive event's), if the dossier was received. */
    receiptDueAt?: Date | undefined;
  },
): FullView {
  const agency = (id: string): AgencyRef => ({ id, name: context.agencyNames.get(id) ?? null });
  const current = d.currentStep;
  const published = current?.stepId === undefined ? undefined : context.steps.find((s) => s.id === current.stepId);
  const extended = d.extensionCount > 0;
  const { view: _basic, ...basic } = basicView(d);
  return {
    view: 'full',
    ...basic,
    nationalStatusCode: findPortalStatusCode(d.status) ?? null,
    procedure: { code: d.procedure.code, name: d.procedure.name },
    receivingAgency: agency(d.receivingAgencyId),
    currentAgency: current === undefined ? null : agency(current.agencyId),
    step:
      current === undefined
        ? null
        : {
            id: current.stepId ?? null,
            role: published?.role ?? null,
            roleLabel: published === undefined ? null : STEP_ROLE_LABELS[published.role],
            description: published?.description ?? null,
            since: current.since.toISOString(),
            dueAt: iso(current.dueAt),
          },
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    dueExplanation: extended ? EXTENDED_EXPLANATION : (d.dueExplanation ?? null),
    extended,
    resultReturnedAt: iso(d.resultReturnedAt),
    stopRequestedAt: iso(d.stopRequest?.requestedAt),
    rating: ratingState(d.status, context.rated),
    receiptDueAt: iso(context.receiptDueAt),
    collect: { via: d.resultDelivery, agency: agency(d.receivingAgencyId), address: context.receivingAddress ?? null },
  };
}
