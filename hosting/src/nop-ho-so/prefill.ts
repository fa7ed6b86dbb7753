// A new application starts from the profile the person keeps (with consent) or from what VNeID verified:
// name, ID number, phone and address pre-filled, still editable (and checked again by the server).
import type { User } from 'firebase/auth';
import type { ProfileAnswer } from '../../../functions/src/contract/index.js';
import { displayPhone } from '../shared/phone.js';
import { apiAs } from '../shared/session.js';
import type { PersonDraft } from './draft-store.js';

export async function profileDraft(user: User): Promise<PersonDraft | undefined> {
  let answer: ProfileAnswer;
  try {
    answer = await apiAs(user, 'getProfile', {});
  } catch {
    return undefined; // the wizard works without it
  }
  const p = answer.profile;
  const idNumber = answer.vneid?.idNumber ?? p?.idNumber;
  const fullName = p?.fullName ?? answer.vneid?.fullName ?? undefined;
  if (!p && !idNumber) return undefined;
  return {
    kind: 'person',
    ...(fullName ? { fullName } : {}),
    ...(idNumber ? { identity: { kind: 'citizenId', number: idNumber } } : {}),
    ...(p ? { phone: displayPhone(p.phone), address: p.address } : {}),
    ...(answer.email ? { email: answer.email } : {}),
  };
}
