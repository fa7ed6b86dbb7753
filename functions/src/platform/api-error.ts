// The one shape every client-facing error takes: a stable code, a message in Vietnamese and English,
// and field details. Client mistakes are 4xx with this body; nothing a client sends may become a 500.
import type { z } from 'zod';
import { toFieldErrors, type Bilingual, type FieldError } from '../domain/index.js';

export type { Bilingual, FieldError };

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

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly bilingual: Bilingual,
    readonly fields: readonly FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(bilingual.en);
    this.name = 'ApiError';
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  toBody(): { error: { code: ApiErrorCode; message: Bilingual; fields: readonly FieldError[] } & Record<string, unknown> } {
    return { error: { code: this.code, message: this.bilingual, fields: this.fields, ...this.details } };
  }
}

export function invalidInput(error: z.ZodError): ApiError {
  return new ApiError(
    'invalid-argument',
    { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' },
    toFieldErrors(error),
  );
}
