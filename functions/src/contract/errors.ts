// The one shape every client-facing error takes: a stable code, a message in Vietnamese and English, and
// field details. Client mistakes are 4xx with this body; a client can never cause a 500.
import type { Bilingual } from '../domain/shared/bilingual.js';

export const API_ERROR_STATUS = {
  'invalid-argument': 400,
  unauthenticated: 401,
  'permission-denied': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'resource-exhausted': 429,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** One field's problem: `path` is dotted (`applicant.phone`, `components.0.componentId`). */
export type FieldProblem = { path: string; message: Bilingual };

/** What some refusals add beside the message: each is present only where it applies. */
export type ApiErrorDetails = {
  /** Why a lifecycle action or a rating was refused: `staleVersion`, `ruleViolated`, `alreadyRated`… */
  reason?: string;
  /** The lifecycle rule that refused an action (e.g. `supplementOnlyOnce`), when one did. */
  rule?: string | null;
  currentStatus?: string;
  currentVersion?: number;
  /** The actions the caller may take instead (a refused action always says). */
  allowedActions?: string[];
  /** Rate limits: when to try again (also in the Retry-After header). */
  retryAfterSeconds?: number;
  /** Size limits, in bytes. */
  maxBytes?: number;
  totalBytes?: number;
};

/** The error body: code, bilingual message, field problems, and the details of the refusal. */
export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: Bilingual; fields: readonly FieldProblem[] } & ApiErrorDetails;
};
