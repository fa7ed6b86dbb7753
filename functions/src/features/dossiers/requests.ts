// What clients send to the dossier endpoints. Strict: an unknown field is an error, not ignored.
import { z } from 'zod';
import {
  ActionType,
  AgencyId,
  Applicant,
  ComponentId,
  FilerInput,
  EntityId,
  ProcedureCode,
  ResultDelivery,
} from '../../domain/index.js';
import { RequestId } from '../../platform/request-id.js';
import type { ComponentBody, IntakeDossierBody, SubmitDossierBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

const Count = z.number().int().min(0).max(20);

export const ComponentInput = z.strictObject({
  componentId: ComponentId,
  originals: Count.default(0),
  certifiedCopies: Count.default(0),
  copies: Count.default(0),
  uploadIds: z.array(EntityId).max(20).default([]).describe('Tệp đã tải lên / uploaded files'),
});
export type ComponentInput = z.infer<typeof ComponentInput>;

const ApplicationFields = {
  requestId: RequestId,
  procedureCode: ProcedureCode,
  applicant: Applicant,
  filer: FilerInput.optional().describe('Người nộp thay / filing on behalf'),
  components: z.array(ComponentInput).max(50),
  resultDelivery: ResultDelivery.default('desk'),
  /** Decree 118 Art. 14: the agency that decides, when the procedure does not name one (e.g. a commune). */
  competentAgencyId: AgencyId.optional().describe('Cơ quan có thẩm quyền giải quyết / competent agency'),
};

/** Online submission by a signed-in citizen. */
export const SubmitDossierRequest = z.strictObject({
  ...ApplicationFields,
  receivingAgencyId: AgencyId.describe('Nơi nộp / receiving agency'),
});
export type SubmitDossierRequest = z.infer<typeof SubmitDossierRequest>;

/** A walk-in or postal application recorded by a desk officer of their own agency. */
export const IntakeDossierRequest = z.strictObject({
  ...ApplicationFields,
  channel: z.enum(['desk', 'post']).default('desk'),
});
export type IntakeDossierRequest = z.infer<typeof IntakeDossierRequest>;

/** Any other action on an existing dossier; the payload is checked by the lifecycle. */
export const ActOnDossierRequest = z.strictObject({
  requestId: RequestId,
  expectedVersion: z.number().int().min(0).describe('Phiên bản hồ sơ bạn đang xem / the version you saw'),
  action: z.looseObject({ type: ActionType }),
});
export type ActOnDossierRequest = z.infer<typeof ActOnDossierRequest>;

/**
 * Answering a supplement request: what the applicant adds, per component — paper counts handed in and
 * files uploaded beforehand (`POST /api/uploads`). The server turns upload ids into attachments, as on
 * submission; a client never sends attachment details itself.
 */
export const SubmitSupplementInput = z.strictObject({
  type: z.literal('submitSupplement'),
  components: z.array(ComponentInput).max(50).optional().describe('Giấy tờ bổ sung / documents added'),
});
export type SubmitSupplementInput = z.infer<typeof SubmitSupplementInput>;

// The contract (contract/dossiers.ts) states the same bodies for pages and tests.
type _SubmitAgrees = Agrees<SameShape<z.input<typeof SubmitDossierRequest>, SubmitDossierBody>>;
type _IntakeAgrees = Agrees<SameShape<z.input<typeof IntakeDossierRequest>, IntakeDossierBody>>;
type _ComponentAgrees = Agrees<SameShape<z.input<typeof ComponentInput>, ComponentBody>>;
