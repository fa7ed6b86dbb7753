// The one shape every client-facing error takes: a stable code, a message in Vietnamese and English,
// and field details. Client mistakes are 4xx with this body; nothing a client sends may become a 500.
import type { z } from 'zod';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from '../contract/errors.js';
import { toFieldErrors, type Bilingual, type FieldError } from '../domain/index.js';

export type { ApiErrorCode, Bilingual, FieldError };

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

  toBody(): ApiErrorBody {
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
