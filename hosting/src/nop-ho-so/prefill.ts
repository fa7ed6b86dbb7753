// A new application starts from what is known of the signed-in person: the profile they keep (with
// consent), what VNeID verified, and otherwise their account itself (its display name, the phone number a
// phone sign-in verified, its email). Name, ID number, phone (written the Vietnamese way) and address are
// pre-filled, still editable (and checked again by the server).
import type { ProfileAnswer } from '../../../functions/src/contract/index.js';
import { displayPhone } from '../shared/phone.js';
import { apiAs } from '../shared/session.js';
import type { Citizen } from '../shared/stored-session.js';
import type { PersonDraft } from './draft-store.js';

export async function profileDraft(user: Citizen): Promise<PersonDraft | undefined> {
  let answer: ProfileAnswer | undefined;
  try {
    answer = await apiAs(user, 'getProfile', {});
  } catch {
    answer = undefined; // the wizard works without it: the account still names the person
  }
  return profileDraftFrom(answer, user);
}

/** The pre-filled applicant from the profile answer (GET /api/me/profile, or as the server embedded it). */
export function profileDraftFrom(answer: ProfileAnswer | undefined, user: Pick<Citizen, 'displayName' | 'phoneNumber' | 'email'>): PersonDraft | undefined {
  const p = answer?.profile;
  const idNumber = answer?.vneid?.idNumber ?? p?.idNumber;
  const fullName = p?.fullName ?? answer?.vneid?.fullName ?? user.displayName ?? undefined;
  const phone = p?.phone ?? user.phoneNumber ?? undefined;
  const email = answer?.email ?? user.email ?? undefined;
  if (!fullName && !idNumber && !phone) return undefined;
  return {
    kind: 'person',
    ...(fullName ? { fullName } : {}),
    ...(idNumber ? { identity: { kind: 'citizenId', number: idNumber } } : {}),
    ...(phone ? { phone: displayPhone(phone) } : {}),
    ...(p ? { address: p.address } : {}),
    ...(email ? { email } : {}),
  };
}
