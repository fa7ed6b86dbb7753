// Who sees what of a feedback case: officers of the agency handling it see the case and the sender; an
// administrator too (province-wide, as for dossiers); monitors see lists and figures without the text or
// the sender; nobody else sees anything (a miss looks like an absent case).
import type { Caller } from '../../platform/auth.js';

export const OFFICER_ROLES = new Set(['receptionist', 'handler', 'lead']);

export function handlesCase(caller: Caller, agencyId: string): boolean {
  return (OFFICER_ROLES.has(caller.role) && caller.agencyId === agencyId) || caller.role === 'admin';
}

export function seesLists(caller: Caller): boolean {
  return OFFICER_ROLES.has(caller.role) || caller.role === 'admin' || caller.role === 'monitor';
}
