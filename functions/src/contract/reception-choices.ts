// Where a dossier may be handed in and who decides it, as the pages offer the choice (Decree 118/2025
// Art. 14): any one-stop desk of the province receives a procedure, except one bound to the competent
// agency's own desk (mobile, on-site); when the procedure names no competent agency and the receiving desk
// is not at a level that handles it, the applicant or the desk names the competent one (a commune for a
// commune procedure). The server decides again (domain/reception/reception.ts `decideReception`); this
// only shapes the forms — the wizard's first step drawn by the server (contract/views/apply-view.ts) and
// by the page, and the officer's walk-in form.
import type { AgencyPublic } from './catalog.js';
import { RULE_SET_BEHAVIOUR } from './facts.js';

/** What the rule needs of a procedure (the catalogue's procedure or its Firestore document). */
export type ReceptionProcedure = {
  ruleSet?: string;
  competentLevels: readonly string[];
  competentAgencyId?: string;
  receptionExceptions?: readonly string[];
};

/** Today's date in Vietnam, `YYYY-MM-DD` (agencies open and close on dates). */
function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** In operation on today's Vietnam date (both ends inclusive), as the server's `isOpenOn`. */
export function inOperation(agency: Pick<AgencyPublic, 'effectiveFrom' | 'effectiveTo'>, now: Date): boolean {
  const today = vnToday(now);
  return (agency.effectiveFrom === undefined || agency.effectiveFrom <= today) && (agency.effectiveTo === undefined || today <= agency.effectiveTo);
}

/** Whether any desk of the province may receive the procedure (its rule set, and no desk-bound exception). */
export function receivesAnywhere(procedure: ReceptionProcedure): boolean {
  const behaviour = procedure.ruleSet !== undefined && Object.hasOwn(RULE_SET_BEHAVIOUR, procedure.ruleSet) ? RULE_SET_BEHAVIOUR[procedure.ruleSet as keyof typeof RULE_SET_BEHAVIOUR] : undefined;
  return behaviour?.receptionAnywhere === true && !(procedure.receptionExceptions ?? []).some((e) => e === 'mobile' || e === 'onSite');
}

/** The competent agency must be named: the procedure names none and the receiving desk is not at a competent level. */
export function needsCompetentChoice(procedure: ReceptionProcedure, receivingLevel: string | undefined): boolean {
  return procedure.competentAgencyId === undefined && receivesAnywhere(procedure) && receivingLevel !== undefined && !procedure.competentLevels.includes(receivingLevel);
}

/** The agencies that may be named competent: in operation, at a level that handles the procedure, by name. */
export function competentChoices(agencies: readonly AgencyPublic[], procedure: ReceptionProcedure, now: Date): AgencyPublic[] {
  return agencies.filter((a) => procedure.competentLevels.includes(a.level) && inOperation(a, now)).sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
}

/** One-stop desks in operation other than `except` (the desks of the procedure's own level, listed first). */
export function otherDesks(agencies: readonly AgencyPublic[], except: ReadonlySet<string>, now: Date): AgencyPublic[] {
  return agencies.filter((a) => a.hasOneStopDesk && !except.has(a.id) && inOperation(a, now));
}

/** The desks that receive the procedure: its own level's first, then (Art. 14) every other desk of the province. */
export function desksFor(
  procedure: ReceptionProcedure,
  own: readonly AgencyPublic[],
  directory: readonly AgencyPublic[],
  now: Date,
): AgencyPublic[] {
  if (!receivesAnywhere(procedure)) return [...own];
  return [...own, ...otherDesks(directory, new Set(own.map((a) => a.id)), now)];
}
