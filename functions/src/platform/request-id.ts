// The client-generated id that makes a retried request safe (idempotency key), shared by every endpoint
// that writes.
import { z } from 'zod';
import { bi } from '../domain/index.js';

export const RequestId = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{8,64}$/,
    bi('Mã yêu cầu gồm 8–64 ký tự chữ, số, - hoặc _', 'requestId must be 8–64 letters, digits, - or _'),
  )
  .describe('Mã yêu cầu do máy khách sinh, để gửi lại an toàn / client-generated id that makes retries safe');
export type RequestId = z.infer<typeof RequestId>;
