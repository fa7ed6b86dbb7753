import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, invalidInput } from './api-error.js';

describe('ApiError', () => {
  it('maps each code to its HTTP status and serialises the one error shape', () => {
    const err = new ApiError('conflict', { vi: 'Xung đột', en: 'Conflict' }, [], { currentStatus: 'received' });
    expect(err.status).toBe(409);
    expect(err.toBody()).toEqual({ error: { code: 'conflict', message: { vi: 'Xung đột', en: 'Conflict' }, fields: [], currentStatus: 'received' } });
  });

  it('turns a zod failure into a 400 with bilingual field details', () => {
    const schema = z.strictObject({ phone: z.string().regex(/^\+84\d{9}$/, 'Số điện thoại không hợp lệ / invalid phone number') });
    const result = schema.safeParse({ phone: '123', extra: 1 });
    expect(result.success).toBe(false);
    const err = invalidInput(result.error!);
    expect(err.status).toBe(400);
    expect(err.fields).toContainEqual({ path: 'phone', message: { vi: 'Số điện thoại không hợp lệ', en: 'invalid phone number' } });
    expect(err.fields.find((f) => f.path === '')?.message.vi).toContain('extra');
  });
});
