// Officers follow single dossiers: each transition of a followed dossier reaches their inbox (fan-out.ts).
// The list lives on `users/{uid}.followedDossierIds`, so the fan-out finds followers with one
// `array-contains` query and the dossier document (rewritten by every action) is left alone.
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { OFFICER_ROLES } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { dossierNotFound } from '../../platform/conflicts.js';
import { dossierAccess } from '../../domain/index.js';
import { DossierIdParam } from '../../platform/params.js';
import { dossierRef } from '../../store/dossiers.js';
import { parseInput } from '../../platform/parse.js';
import type { FollowBody as FollowBodyContract } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

export type FollowDeps = { db: Firestore; caller: (req: ApiRequest) => Promise<Caller> };

/** A user document must stay small: a desk follows a handful of difficult dossiers, not its whole queue. */
export const MAX_FOLLOWED_DOSSIERS = 200;

export const FollowBody = z.strictObject({
  follow: z.boolean({ error: 'Chọn theo dõi hoặc bỏ theo dõi / follow must be true or false' }),
});

const WATCHERS = new Set<string>([...OFFICER_ROLES, 'admin', 'monitor']);

/**
 * `PUT /api/dossiers/:dossierId/follow` with `{ follow }`: officers whose agency holds the dossier,
 * monitors and admins. Citizens already hear about their own dossiers.
 * @idempotent setting the same value again changes nothing.
 */
export async function putDossierFollow(req: ApiRequest, deps: FollowDeps): Promise<Reply<'followDossier'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const { follow } = parseInput(FollowBody, req.body);
  const userRef = deps.db.doc(`users/${caller.userId}`);
  await deps.db.runTransaction(async (tx) => {
    const [dossier, user] = await Promise.all([tx.get(dossierRef(deps.db, dossierId)), tx.get(userRef)]);
    const data = dossier.data() as { ownerUserId?: string; agencyIds?: string[] } | undefined;
    if (!data || !WATCHERS.has(caller.role) || dossierAccess({ ownerUserId: data.ownerUserId, agencyIds: data.agencyIds ?? [] }, caller) === 'none') {
      throw dossierNotFound();
    }
    const followed = (user.get('followedDossierIds') as string[] | undefined) ?? [];
    if (follow && !followed.includes(dossierId) && followed.length >= MAX_FOLLOWED_DOSSIERS) {
      throw new ApiError('conflict', {
        vi: `Bạn đang theo dõi tối đa ${MAX_FOLLOWED_DOSSIERS} hồ sơ; hãy bỏ theo dõi hồ sơ đã xong.`,
        en: `You already follow the maximum of ${MAX_FOLLOWED_DOSSIERS} dossiers; unfollow finished ones.`,
      }, [], { reason: 'tooManyFollowed' });
    }
    tx.set(userRef, { followedDossierIds: follow ? FieldValue.arrayUnion(dossierId) : FieldValue.arrayRemove(dossierId) }, { merge: true });
  });
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { dossierId, following: follow } };
}

type _FollowAgrees = Agrees<SameShape<z.input<typeof FollowBody>, FollowBodyContract>>;
