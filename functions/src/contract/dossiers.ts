// Dossiers over HTTP: submission (online, desk intake), the dossier as its readers may see it, and every
// later action. Requests carry a client-generated `requestId` (8–64 of A–Z a–z 0–9 _ -): a retry with the
// same one returns the first answer and writes nothing.
import type { ApplicantInput } from '../domain/applicant/applicant.js';
import type { Dossier, ResultDelivery } from '../domain/dossier/dossier.js';
import type { ActionRequest } from '../domain/lifecycle/decide.js';
import type { ActionType } from '../domain/lifecycle/actions.js';
import type { ResultListing } from './results.js';
import type { Json } from './wire.js';

/** One component handed in: paper counts and the ids of files uploaded beforehand (POST /api/uploads). */
export type ComponentBody = {
  componentId: string;
  originals?: number;
  certifiedCopies?: number;
  copies?: number;
  uploadIds?: string[];
};

/** Filing on someone else's behalf: who files, and the authorisation uploaded beforehand. */
export type FilerBody = {
  fullName: string;
  identity: { kind: 'citizenId'; number: string } | { kind: 'passport'; number: string; country: string };
  phone: string;
  relation: 'authorised' | 'employee' | 'family';
  authorisationUploadIds: string[];
};

type ApplicationBody = {
  requestId: string;
  procedureCode: string;
  applicant: ApplicantInput;
  /** Present when the person filing is not the applicant (Decree 118 Art. 15). */
  filer?: FilerBody;
  components: ComponentBody[];
  resultDelivery?: ResultDelivery;
  /** Decree 118 Art. 14: the agency that decides, when the procedure does not name one (e.g. a commune). */
  competentAgencyId?: string;
};

/** POST /api/dossiers — a signed-in citizen applies online. */
export type SubmitDossierBody = ApplicationBody & { receivingAgencyId: string };

/** POST /api/desk/dossiers — a desk officer records a walk-in or postal application at their agency. */
export type IntakeDossierBody = ApplicationBody & { channel?: 'desk' | 'post' };

/**
 * An action as a client sends it: the lifecycle's action without the fields only the service sets (code,
 * due dates); a supplement names its components by upload ids instead of attachments.
 */
export type ActionBody =
  | Exclude<ActionRequest, { type: 'submit' | 'intake' | 'submitSupplement' }>
  | { type: 'submitSupplement'; components?: ComponentBody[] };

/** POST /api/dossiers/:dossierId/actions */
export type ActOnDossierBody = {
  requestId: string;
  /** The version the caller saw: a stale one is refused with the current status and allowed actions. */
  expectedVersion: number;
  action: Json<ActionBody>;
};

/** The dossier without personal data: what monitors see and what action answers carry. */
export type PublicDossierView = Json<Omit<Dossier, 'applicant' | 'components' | 'filer'>>;
/** The whole dossier, for its owner and the officers in scope. */
export type PersonalDossierView = Json<Dossier>;

/** One official slip of the dossier (its PDF: GET /api/dossiers/:dossierId/slips/:id). */
export type SlipListing = { id: string; form: string; version: number; createdAt: string | null };

/** GET /api/dossiers/:dossierId — with exactly the actions the caller may take now. */
export type DossierAnswer = {
  dossier: PublicDossierView & Partial<Pick<PersonalDossierView, 'applicant' | 'components' | 'filer'>>;
  allowedActions: ActionType[];
  slips: SlipListing[];
  /** Electronic results (Decree 118 Art. 22): for officers in scope, and for the applicant once returned. */
  results: ResultListing[];
};

/** The answer of a creation or an action (201 on creation, 200 after; `duplicate` on a retry). */
export type TransitionAnswer = {
  dossier: PublicDossierView;
  event: { version: number; type: ActionType; at: string; hash: string };
  allowedActions: ActionType[];
  duplicate?: true;
};

/**
 * 202 to a submission or a walk-in: it is stored, and its dossier code is being assigned (đang cấp mã).
 * The same request sent again (same requestId) answers 201 with the dossier once it is numbered; nothing
 * is filed twice. Answered when the desk's code allocator is busier than the handler's wait (ADR 0012).
 */
export type CodePendingAnswer = {
  pending: { dossierId: string; requestId: string; retryAfterSeconds: number; message: { vi: string; en: string } };
};

/** What POST /api/dossiers and POST /api/desk/dossiers answer: the numbered dossier (201), or 202 pending. */
export type SubmissionAnswer = TransitionAnswer | CodePendingAnswer;

/** `<form>-<version, 6 digits>`: the id of a slip, e.g. `01-000002`. */
export const slipId = (form: string, version: number): string => `${form}-${String(version).padStart(6, '0')}`;
