// Health check and ping: the walking skeleton that proves every wire (HTTPS → Firestore → trigger).
// The handlers take their dependencies so unit tests and the emulator test run the same code.
// GET /health is public and read-only. POST /health/pings writes a document and fires a trigger, so
// only an administrator may send one: anonymous pings were a free write (and trigger run) per request.
import { z } from 'zod';
import type { Firestore } from 'firebase-admin/firestore';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { RequestId } from '../../platform/request-id.js';
import { expiresAfter, RETENTION_DAYS } from '../../store/retention.js';
import type { PingBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

export const HEALTH_PINGS = 'healthPings';

export type HealthDeps = { db: () => Firestore; now: () => Date; region: string; caller: (req: ApiRequest) => Promise<Caller> };

export function getHealth(deps: Pick<HealthDeps, 'now' | 'region'>): Reply<'health'> {
  return {
    status: 200,
    body: {
      status: 'ok',
      service: 'motcua',
      region: deps.region,
      serverTime: deps.now().toISOString(),
      message: { vi: 'Hệ thống đang hoạt động.', en: 'The system is up.' },
    },
  };
}

export const PingRequest = z.strictObject({
  requestId: RequestId,
  note: z.string().max(200, 'Ghi chú tối đa 200 ký tự / note must be at most 200 characters').optional(),
});
export type PingRequest = z.infer<typeof PingRequest>;

/**
 * Records a ping; the Firestore trigger acknowledges it. Administrators only (checked before the body).
 * @idempotent by `requestId`: the document id is the request id, so a retry returns the first answer.
 */
export async function postPing(req: ApiRequest, deps: HealthDeps): Promise<Reply<'postPing'>> {
  requireRole(await deps.caller(req), ['admin']);
  const parsed = PingRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const { requestId, note } = parsed.data;
  const ref = deps.db().collection(HEALTH_PINGS).doc(requestId);
  const createdAt = deps.now();
  const firstTime = await deps.db().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists) return false;
    tx.create(ref, { note: note ?? null, createdAt, expiresAt: expiresAfter(createdAt, RETENTION_DAYS.healthPing) });
    return true;
  });
  if (!firstTime) {
    const existing = await ref.get();
    const data = existing.data();
    if (data?.note !== (note ?? null)) {
      throw new ApiError('conflict', {
        vi: 'Mã yêu cầu này đã được dùng cho một yêu cầu khác.',
        en: 'This requestId was already used for a different request.',
      });
    }
  }
  return { status: firstTime ? 201 : 200, body: { pingId: requestId, duplicate: !firstTime } };
}

type _PingAgrees = Agrees<SameShape<z.input<typeof PingRequest>, PingBody>>;
