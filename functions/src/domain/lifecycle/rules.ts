// Who may act on which dossier, and the rules of Decree 61/2018 (as amended) that depend on history or time.
// State rules decide which actions are offered at all; payload rules check what the actor asked for.
import type { Dossier } from '../dossier/dossier.js';
import { answersOnlyRequested, supplementItemsProblem } from '../dossier/supplement.js';
import { behaviourOf } from '../rule-set/behaviour.js';
import { computeDeadline, localDateOf, previousWorkingDay, type WorkingCalendar, type WorkingHours } from '../time/index.js';
import type { ActionType, DossierAction } from './actions.js';
import type { Actor } from './actor.js';
import type { RuleCode } from './conflict.js';
import { actionsInStatus, findTransition, type AgencyScope } from './table.js';

export interface ActionContext {
  /** Needed for `extend` (the "1 working day before the due date" limit), the supplement window and calendar-aware flags. */
  readonly calendar?: WorkingCalendar;
  /** The receiving agency's hours, for periods counted in working time (default hours when absent). */
  readonly workingHours?: WorkingHours;
}

/** The agency holding the dossier: the one in its current step, or its receiving desk before reception. */
export function currentAgencyOf(dossier: Dossier): string {
  return dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
}

export function isInScope(dossier: Dossier, actor: Actor, scope: AgencyScope): boolean {
  switch (actor.role) {
    case 'citizen':
      return dossier.ownerUserId !== undefined && dossier.ownerUserId === actor.userId;
    case 'admin':
    case 'system':
      return true;
    case 'monitor':
    case 'kiosk':
      return false;
    case 'receptionist':
    case 'handler':
    case 'lead':
      if (actor.agencyId === undefined) return false;
      if (scope === 'receiving') return actor.agencyId === dossier.receivingAgencyId;
      if (scope === 'current') return actor.agencyId === currentAgencyOf(dossier);
      return dossier.opinions.some((o) => o.agencyId === actor.agencyId && o.answeredAt === undefined);
  }
}

/**
 * The agencies with a part in the dossier now: its desk, the competent agency, the agency holding it and
 * those whose opinion is still awaited. (Agencies that held it before stay in `agencyIds` as history.)
 */
export function involvedAgencies(dossier: Dossier): string[] {
  const ids = [dossier.receivingAgencyId, dossier.competentAgencyId, dossier.currentStep?.agencyId, ...dossier.opinions.filter((o) => o.answeredAt === undefined).map((o) => o.agencyId)];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** Supplement rounds are counted separately at the reception check and after reception. */
export function supplementPhaseOf(dossier: Dossier): 'reception' | 'handling' {
  return dossier.status === 'registered' ? 'reception' : 'handling';
}

const NEEDS_ACKNOWLEDGED_STEP: ReadonlySet<ActionType> = new Set([
  'assign',
  'transfer',
  'requestOpinion',
  'requestSupplement',
  'requestPayment',
  'resolve',
  'extend',
]);

/** Rules that depend only on the dossier, the actor and the time: an action failing one is not offered. */
export function checkStateRules(
  type: ActionType,
  dossier: Dossier,
  actor: Actor,
  now: Date,
  context: ActionContext,
): RuleCode | undefined {
  if (
    dossier.status === 'processing' &&
    NEEDS_ACKNOWLEDGED_STEP.has(type) &&
    dossier.currentStep !== undefined &&
    dossier.currentStep.acknowledgedAt === undefined
  ) {
    return 'transferNotAcknowledged';
  }
  switch (type) {
    case 'acknowledgeTransfer':
      return dossier.currentStep === undefined || dossier.currentStep.acknowledgedAt !== undefined
        ? 'nothingToAcknowledge'
        : undefined;
    case 'requestSupplement':
      return supplementStateRule(dossier, actor, now, context);
    case 'withdraw':
      // Under Decree 118 a received dossier is stopped at the applicant's request, not withdrawn.
      return behaviourOf(dossier.ruleSet).applicantStop && dossier.receivedAt !== undefined ? 'useStopRequest' : undefined;
    case 'requestStop':
      if (!behaviourOf(dossier.ruleSet).applicantStop) return 'notUnderRuleSet';
      if (dossier.receivedAt === undefined) return 'notYetReceived';
      return pendingStop(dossier) ? 'stopAlreadyRequested' : undefined;
    case 'confirmStop':
      if (!behaviourOf(dossier.ruleSet).applicantStop) return 'notUnderRuleSet';
      return pendingStop(dossier) ? undefined : 'noStopRequest';
    case 'closeUnsupplemented': {
      const expiresAt = dossier.supplement?.expiresAt;
      return expiresAt !== undefined && now.getTime() >= expiresAt.getTime() ? undefined : 'supplementNotExpired';
    }
    case 'extend': {
      if (dossier.extensionCount >= 1) return 'extensionAlreadyUsed';
      if (dossier.dueAt === undefined) return 'noDueDate';
      if (context.calendar === undefined) return 'calendarRequired';
      // The apology must reach the applicant at least one working day before the due date.
      const lastDay = previousWorkingDay(localDateOf(dossier.dueAt), context.calendar);
      return localDateOf(now) <= lastDay ? undefined : 'extensionTooLate';
    }
    default:
      return undefined;
  }
}

const pendingStop = (dossier: Dossier): boolean => dossier.stopRequest !== undefined && dossier.stopRequest.confirmedAt === undefined;

/**
 * "Hướng dẫn một lần, đầy đủ": one round per stage. Decree 61 practice let a lead ask again with a written
 * reason (checked on the payload); Decree 118 allows one request, full stop. A request after appraisal
 * must come within the rule set's window from reception, unless the procedure carries a sectoral period.
 */
function supplementStateRule(dossier: Dossier, actor: Actor, now: Date, context: ActionContext): RuleCode | undefined {
  const behaviour = behaviourOf(dossier.ruleSet).supplement;
  if (dossier.supplementCount[supplementPhaseOf(dossier)] >= 1) {
    if (!behaviour.leadMayRepeat) return 'supplementOnlyOnce';
    if (actor.role !== 'lead') return 'supplementAlreadyRequested';
  }
  const sectoral = dossier.procedure.supplementRequestWindow;
  const windowDays = sectoral ? sectoral.value : behaviour.afterReceptionWithinWorkingDays;
  if (supplementPhaseOf(dossier) === 'handling' && windowDays !== null && dossier.receivedAt !== undefined) {
    if (context.calendar === undefined) return 'calendarRequired';
    const closes = computeDeadline({
      start: dossier.receivedAt,
      duration: { value: windowDays, unit: 'workingDays' },
      calendar: context.calendar,
      ...(context.workingHours ? { workingHours: context.workingHours } : {}),
    }).dueAt;
    if (now.getTime() > closes.getTime()) return 'supplementWindowClosed';
  }
  return undefined;
}

/** Rules on what the actor asked for. */
export function checkPayloadRules(
  action: DossierAction,
  dossier: Dossier,
  actor: Actor,
  now: Date,
): RuleCode | undefined {
  switch (action.type) {
    case 'requestSupplement':
      // A repeat round (allowed to a lead by the state rules, where the rule set permits) needs its reason.
      return dossier.supplementCount[supplementPhaseOf(dossier)] >= 1 &&
        (actor.role !== 'lead' || action.overrideReason === undefined)
        ? 'supplementAlreadyRequested'
        : supplementItemsProblem(action.items, dossier.components);
    case 'submitSupplement':
      // The answer lands on the documents asked for, and nowhere else.
      return action.components !== undefined && dossier.supplement !== undefined && !answersOnlyRequested(dossier.supplement.items, dossier.components, action.components)
        ? 'supplementNotRequested'
        : undefined;
    case 'extend':
      return dossier.dueAt !== undefined && action.newDueAt.getTime() <= dossier.dueAt.getTime()
        ? 'extensionNotLater'
        : undefined;
    case 'resolve':
      return action.outcome === 'denied' &&
        dossier.dueAt !== undefined &&
        now.getTime() > dossier.dueAt.getTime()
        ? 'denialAfterDeadline'
        : undefined;
    case 'transfer': {
      if (action.toAgencyId === undefined) return action.stepId === undefined ? 'transferTargetMissing' : 'stepHasNoAgency';
      if (action.toAgencyId === currentAgencyOf(dossier)) return 'transferToSelf';
      const parallel = action.parallelWith ?? [];
      if (parallel.some((p) => p.agencyId === undefined)) return 'stepHasNoAgency';
      const ids = parallel.map((p) => p.agencyId);
      return ids.includes(action.toAgencyId) || new Set(ids).size !== ids.length ? 'parallelAgencyRepeated' : undefined;
    }
    case 'succeedAgency':
      if (action.fromAgencyId === action.toAgencyId) return 'mergeIntoSelf';
      return involvedAgencies(dossier).includes(action.fromAgencyId) ? undefined : 'agencyNotInvolved';
    case 'requestOpinion':
      if (action.agencyId === currentAgencyOf(dossier)) return 'opinionOfSelf';
      return dossier.opinions.some((o) => o.agencyId === action.agencyId && o.answeredAt === undefined)
        ? 'opinionAlreadyPending'
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The actions this actor may take on this dossier now (role, scope and state rules). The officer UI shows
 * exactly these buttons; a refused action lists them.
 */
export function allowedActions(
  dossier: Dossier,
  actor: Actor,
  now: Date,
  context: ActionContext = {},
): ActionType[] {
  return actionsInStatus(dossier.status).filter((type) => {
    const transition = findTransition(dossier.status, type);
    return (
      transition !== undefined &&
      transition.roles.includes(actor.role) &&
      isInScope(dossier, actor, transition.scope) &&
      checkStateRules(type, dossier, actor, now, context) === undefined
    );
  });
}
