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

/**
 * The error body. Conflicts add `reason`, `currentStatus`, `currentVersion` and `allowedActions`; rate
 * limits add `retryAfterSeconds`; size limits add `maxBytes`.
 */
export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: Bilingual; fields: readonly FieldProblem[] } & Record<string, unknown>;
};
