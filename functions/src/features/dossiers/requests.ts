// What clients send to the dossier endpoints. Strict: an unknown field is an error, not ignored.
import { z } from 'zod';
import {
  ActionType,
  AgencyId,
  Applicant,
  ComponentId,
  EntityId,
  ProcedureCode,
  ResultDelivery,
  bi,
} from '../../domain/index.js';

export const RequestId = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{8,64}$/,
    bi('Mã yêu cầu gồm 8–64 ký tự chữ, số, - hoặc _', 'requestId must be 8–64 letters, digits, - or _'),
  )
  .describe('Mã yêu cầu do máy khách sinh, để gửi lại an toàn / client-generated id that makes retries safe');

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
  components: z.array(ComponentInput).max(50),
  resultDelivery: ResultDelivery.default('desk'),
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

export const DossierIdParam = z.strictObject({ dossierId: EntityId });
