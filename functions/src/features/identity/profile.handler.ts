// The signed-in person's profile (GET/PUT /api/me/profile): name as on the ID, ID number, phone, address to
// the commune. Its legal basis is consent (purpose `profile`, features/privacy): saving needs it, and
// withdrawing it erases the profile. A session authenticated by VNeID shows the verified ID number, and a
// profile may not claim another one.
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { CitizenIdNumber, mask, PersonName, VietnameseMobile, Address } from '../../domain/index.js';
import type { ProfileAnswer, ProfileBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { userRef, verifiedIdentity } from '../../store/identity.js';
import { consentRef } from '../../store/privacy.js';
import { revive } from '../../store/revive.js';

export type ProfileDeps = { db: Firestore; auth: Auth; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

export const ProfileRequest = z.strictObject({
  fullName: PersonName,
  idNumber: CitizenIdNumber,
  phone: VietnameseMobile,
  address: Address.pick({ line: true, communeName: true, provinceName: true }).strict(),
});
type _ProfileAgrees = Agrees<SameShape<z.input<typeof ProfileRequest>, ProfileBody>>;

// As stored (extra fields such as updatedAt are left out of the answer).
const StoredProfile = z.object({
  fullName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  address: z.object({ line: z.string(), communeName: z.string(), provinceName: z.string() }),
});

async function answer(deps: ProfileDeps, caller: Caller): Promise<ProfileAnswer> {
  const [userSnap, consentSnap, verified, account] = await Promise.all([
    userRef(deps.db, caller.userId).get(),
    consentRef(deps.db, caller.userId, 'profile').get(),
    verifiedIdentity(deps.db, caller),
    deps.auth.getUser(caller.userId).catch(() => undefined),
  ]);
  const profile = StoredProfile.safeParse(userSnap.get('profile'));
  return {
    uid: caller.userId,
    email: account?.email ?? null,
    signInMethod: caller.signInProvider ?? null,
    emailVerified: account?.emailVerified ?? false,
    vneid: verified ? { idNumber: verified.idNumber, fullName: verified.fullName, verifiedAt: verified.verifiedAt.toISOString() } : null,
    profile: profile.success ? profile.data : null,
    profileConsent: consentSnap.get('granted') === true,
  };
}

/** GET /api/me/profile */
export async function getProfile(req: ApiRequest, deps: ProfileDeps): Promise<Reply<'getProfile'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: await answer(deps, caller) };
}

/** PUT /api/me/profile — needs the `profile` consent; a VNeID session keeps its verified ID number. */
export async function putProfile(req: ApiRequest, deps: ProfileDeps): Promise<Reply<'putProfile'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const body = parseInput(ProfileRequest, req.body);
  const verified = await verifiedIdentity(deps.db, caller);
  if (verified && verified.idNumber !== body.idNumber) {
    const message = {
      vi: `Số định danh phải là số đã xác thực qua VNeID (${mask(verified.idNumber)}).`,
      en: `The ID number must be the one verified by VNeID (${mask(verified.idNumber)}).`,
    };
    throw new ApiError('invalid-argument', { vi: 'Thông tin định danh không khớp.', en: 'The identity details do not match.' }, [{ path: 'idNumber', message }]);
  }
  await deps.db.runTransaction(async (tx) => {
    const consent = revive((await tx.get(consentRef(deps.db, caller.userId, 'profile'))).data());
    if (consent?.granted !== true) {
      throw new ApiError('conflict', {
        vi: 'Hãy đồng ý cho lưu hồ sơ cá nhân trước khi lưu (mục Dữ liệu cá nhân).',
        en: 'Agree to keeping your profile first (Personal data section).',
      }, [], { reason: 'consentRequired' });
    }
    tx.set(userRef(deps.db, caller.userId), { profile: { ...body, updatedAt: deps.now() } }, { merge: true });
  });
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: await answer(deps, caller) };
}
