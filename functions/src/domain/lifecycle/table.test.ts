// Exhaustive check of the transition table: every status × action × role. An allowed combination gives
// the table's next status; every other one gives a TransitionConflict listing exactly the actions the
// table offers this actor (oracle written out below, independently of rules.ts).
import { describe, expect, it } from 'vitest';
import { Dossier } from '../dossier/dossier.js';
import { ActionType } from './actions.js';
import { Role, type Actor } from './actor.js';
import { applyAction } from './apply.js';
import { TransitionConflict } from './conflict.js';
import { DossierStatus } from '../dossier/status.js';
import { LIFECYCLE, findTransition, type AgencyScope, type Transition } from './table.js';
import { CALENDAR, CONSULTED, DESK, DOSSIER_IN, NOW, OFFICE, PENDING_TRANSFER, actor, validPayload } from '../../../../test/fixtures/lifecycle.js';

/** Fixture and actor's agency for a combination: the actor sits where the action's scope points. */
function setup(status: DossierStatus, type: ActionType, role: Role): { dossier: Dossier; who: Actor } {
  const pending = status === 'processing' && type === 'acknowledgeTransfer';
  const dossier = pending ? PENDING_TRANSFER : DOSSIER_IN[status];
  const scope: AgencyScope = findTransition(status, type)?.scope ?? 'current';
  const agency = scope === 'consulted' ? CONSULTED : scope === 'receiving' ? DESK : pending ? OFFICE : DESK;
  return { dossier, who: actor(role, agency) };
}

// Actions a fixture deliberately cannot offer because of its history (see rules.ts for the rules).
const BLOCKED_WHILE_PENDING: readonly ActionType[] = [
  'assign',
  'transfer',
  'requestOpinion',
  'requestSupplement',
  'requestPayment',
  'resolve',
  'extend',
];

/**
 * Rules of the fixtures' rule set (Decree 118, rule-set/behaviour.ts) that refuse an action the table
 * offers, written out from the decree: a received dossier is stopped on request, not withdrawn (Art. 21);
 * a stop is confirmed only when asked for; a dossier is closed for a missing supplement only once its
 * time has run out (Art. 19.5). The fixtures carry no stop request and no supplement expiry.
 */
function blockedByRuleSet(dossier: Dossier, type: ActionType): string | undefined {
  if (type === 'withdraw' && dossier.receivedAt !== undefined) return 'useStopRequest';
  if (type === 'requestStop' && dossier.receivedAt === undefined) return 'notYetReceived';
  if (type === 'confirmStop') return 'noStopRequest';
  if (type === 'closeUnsupplemented') return 'supplementNotExpired';
  return undefined;
}

function expectedAllowed(dossier: Dossier, who: Actor): ActionType[] {
  const row: Partial<Record<ActionType, Transition>> = LIFECYCLE[dossier.status];
  const holder = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
  const pending = dossier.currentStep !== undefined && dossier.currentStep.acknowledgedAt === undefined;
  return (Object.entries(row) as [ActionType, Transition][])
    .filter(([type, t]) => {
      if (!t.roles.includes(who.role)) return false;
      const inScope =
        who.role === 'citizen' ||
        who.role === 'admin' ||
        who.role === 'system' ||
        (t.scope === 'receiving' && who.agencyId === dossier.receivingAgencyId) ||
        (t.scope === 'current' && who.agencyId === holder) ||
        (t.scope === 'consulted' &&
          dossier.opinions.some((o) => o.agencyId === who.agencyId && o.answeredAt === undefined));
      if (!inScope) return false;
      if (blockedByRuleSet(dossier, type) !== undefined) return false;
      if (dossier.status === 'processing' && type === 'acknowledgeTransfer') return pending;
      if (dossier.status === 'processing' && pending) return !BLOCKED_WHILE_PENDING.includes(type);
      return true;
    })
    .map(([type]) => type);
}

const cases = DossierStatus.options.flatMap((status) =>
  ActionType.options.flatMap((type) => Role.options.map((role) => [status, type, role] as const)),
);

describe('transition table: every status × action × role', () => {
  it('covers all combinations', () => {
    expect(cases).toHaveLength(11 * 22 * 8); // statuses × actions × roles (kiosk included: refused everywhere)
  });

  it.each(cases)('%s · %s · %s', (status, type, role) => {
    const { dossier, who } = setup(status, type, role);
    const result = applyAction(dossier, validPayload(type), who, NOW, { calendar: CALENDAR });
    const transition = findTransition(status, type);
    const blocked = blockedByRuleSet(dossier, type);
    if (transition !== undefined && transition.roles.includes(role) && blocked !== undefined) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      // A refusal by a rule: either the rule named above, or the actor is outside the action's scope.
      if (result.error.reason === 'ruleViolated') expect(result.error.rule).toBe(blocked);
      else expect(result.error.reason).toBe('outOfScope');
      expect([...result.error.allowedActions].sort()).toEqual(expectedAllowed(dossier, who).sort());
    } else if (transition !== undefined && transition.roles.includes(role)) {
      expect(result.ok ? undefined : result.error.messages.en).toBeUndefined();
      if (!result.ok) return;
      const next = transition.next === 'resume' ? dossier.supplement?.requestedInStatus : transition.next === 'same' ? status : transition.next;
      expect(result.dossier.status).toBe(next);
      expect(result.dossier.version).toBe(dossier.version + 1);
      expect(result.event).toMatchObject({
        type,
        from: status,
        to: next,
        version: dossier.version + 1,
        at: NOW,
        actor: who,
      });
      expect(Dossier.safeParse(result.dossier).success).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(TransitionConflict);
      expect(result.error.status).toBe(status);
      expect(result.error.reason).toBe(transition === undefined ? 'notInStatus' : 'roleNotAllowed');
      expect([...result.error.allowedActions].sort()).toEqual(expectedAllowed(dossier, who).sort());
    }
  });
});

describe('table shape', () => {
  it('final statuses offer no action, every other status offers at least one', () => {
    for (const status of DossierStatus.options) {
      const count = Object.keys(LIFECYCLE[status]).length;
      expect(count === 0, status).toBe(['refused', 'withdrawn', 'stopped', 'returned'].includes(status));
    }
  });

  it('monitors and kiosks never act; every action is reachable from some status', () => {
    const used = new Set<string>();
    for (const status of DossierStatus.options) {
      for (const [type, t] of Object.entries(LIFECYCLE[status]) as [string, Transition][]) {
        expect(t.roles).not.toContain('monitor');
        expect(t.roles).not.toContain('kiosk');
        used.add(type);
      }
    }
    expect([...used].sort()).toEqual([...ActionType.options].sort());
  });

  it('every status except draft is reachable', () => {
    const reached = new Set<string>(['draft']);
    for (const status of DossierStatus.options) {
      for (const t of Object.values(LIFECYCLE[status]) as Transition[])
        if (t.next !== 'resume' && t.next !== 'same' && t.next !== 'closeOut') reached.add(t.next);
    }
    expect([...reached].sort()).toEqual([...DossierStatus.options].sort());
  });
});
