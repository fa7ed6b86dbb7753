// The rule sets differ in behaviour: each rule below runs under the rule set it belongs to, and the rules
// both share run under both. Dates are Vietnam time; the fixture dossier was received Tuesday 14/07/2026
// 09:00 and "now" is Wednesday 15/07 09:40.
import { describe, expect, it } from 'vitest';
import { actor, CALENDAR, CODE, DOSSIER_IN, NOW, validPayload, vnTime } from '../../../../test/fixtures/lifecycle.js';
import type { Dossier } from '../dossier/dossier.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import type { DossierActionInput } from './actions.js';
import { applyAction, type TransitionResult } from './apply.js';
import { decide, type DecisionFacts } from './decide.js';
import { allowedActions } from './rules.js';

const ctx = { calendar: CALENDAR };
const under = (ruleSet: RuleSet, d: Dossier): Dossier => ({ ...d, ruleSet });
const ok = (r: TransitionResult): Dossier => {
  if (!r.ok) throw new Error(r.error.message);
  return r.dossier;
};
const refusedRule = (r: TransitionResult) => (r.ok ? 'accepted' : r.error.rule ?? r.error.reason);
const supplement = validPayload('requestSupplement');
const HOURS = { periods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] };
const FACTS: DecisionFacts = { calendar: CALENDAR, handoffCount: 0, legalTime: { duration: { value: 8, unit: 'workingDays' }, workingHours: HOURS }, code: CODE };

describe.each(['nd61-2018', 'nd118-2025'] as const)('shared by both rule sets (%s)', (ruleSet) => {
  const processing = under(ruleSet, DOSSIER_IN.processing);

  it('a supplement after appraisal is asked within 3 working days of reception (Tue 09:00 → Fri 09:00)', () => {
    expect(refusedRule(applyAction(processing, supplement, actor('handler'), vnTime('2026-07-17T09:00'), ctx))).toBe('accepted');
    expect(refusedRule(applyAction(processing, supplement, actor('handler'), vnTime('2026-07-17T09:01'), ctx))).toBe('supplementWindowClosed');
    expect(allowedActions(processing, actor('handler'), vnTime('2026-07-20T08:00'), ctx)).not.toContain('requestSupplement');
  });

  it('a procedure with a sectoral window (or none) replaces the 3 days', () => {
    const ten = { ...processing, procedure: { ...processing.procedure, supplementRequestWindow: { value: 10, legalBasis: 'Luật Đất đai 2024' } } };
    expect(refusedRule(applyAction(ten, supplement, actor('handler'), vnTime('2026-07-27T09:00'), ctx))).toBe('accepted');
    const unlimited = { ...processing, procedure: { ...processing.procedure, supplementRequestWindow: { value: null, legalBasis: 'Luật chuyên ngành' } } };
    expect(refusedRule(applyAction(unlimited, supplement, actor('handler'), vnTime('2026-09-01T09:00'), ctx))).toBe('accepted');
  });

  it('the extension is sent at the latest the working day before the due date, once', () => {
    const extend = validPayload('extend');
    // Due Friday 24/07: Thursday 23/07 is the last day.
    expect(refusedRule(applyAction(processing, extend, actor('lead'), vnTime('2026-07-23T16:00'), ctx))).toBe('accepted');
    expect(refusedRule(applyAction(processing, extend, actor('lead'), vnTime('2026-07-24T08:00'), ctx))).toBe('extensionTooLate');
  });
});

describe('Decree 61/2018 (legacy)', () => {
  it('no stop request: a received dossier is withdrawn', () => {
    const received = under('nd61-2018', DOSSIER_IN.received);
    expect(refusedRule(applyAction(received, validPayload('requestStop'), actor('citizen'), NOW, ctx))).toBe('notUnderRuleSet');
    expect(ok(applyAction(received, validPayload('withdraw'), actor('citizen'), NOW, ctx)).status).toBe('withdrawn');
  });

  it('a supplement request does not expire, and an online dossier has no intake deadline', () => {
    const asked = decide(under('nd61-2018', DOSSIER_IN.processing), { ...(supplement as object), type: 'requestSupplement' } as never, actor('handler'), NOW, FACTS);
    expect(asked.ok && asked.dossier.supplement?.expiresAt).toBeUndefined();
    const submitted = decide(under('nd61-2018', DOSSIER_IN.draft), { type: 'submit' }, actor('citizen'), NOW, FACTS);
    expect(submitted.ok && submitted.dossier.intake).toBeUndefined();
    expect(submitted.ok && submitted.effects.alertReception).toBe(false);
  });
});

describe('Decree 118/2025: supplements (Art. 11.2.c, 19.5)', () => {
  it('only once: a lead cannot ask again, with or without a reason', () => {
    const asked = ok(applyAction(DOSSIER_IN.registered, supplement, actor('receptionist'), NOW, ctx));
    const back = ok(applyAction(asked, { type: 'submitSupplement' }, actor('citizen'), NOW, ctx));
    const withReason = { ...(supplement as object), overrideReason: 'Bổ sung chưa đủ' } as DossierActionInput;
    expect(refusedRule(applyAction(back, withReason, actor('lead'), NOW, ctx))).toBe('supplementOnlyOnce');
    expect(allowedActions(back, actor('lead'), NOW, ctx)).not.toContain('requestSupplement');
  });

  it('the request carries its expiry: 15 days after the notice, to the close of that day (15/07 → Thu 30/07 17:00)', () => {
    const asked = decide(DOSSIER_IN.processing, { ...(supplement as object), type: 'requestSupplement' } as never, actor('handler'), NOW, FACTS);
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.dossier.supplement?.expiresAt).toEqual(vnTime('2026-07-30T17:00'));
  });

  it('a sectoral period replaces the 15 days; an expiry on a day off moves to the next working day', () => {
    const procedure = { ...DOSSIER_IN.processing.procedure, supplementExpiry: { value: 10, legalBasis: 'Luật chuyên ngành' } };
    const asked = decide({ ...DOSSIER_IN.processing, procedure }, { ...(supplement as object), type: 'requestSupplement' } as never, actor('handler'), NOW, FACTS);
    // 15/07 + 10 days = Saturday 25/07 → Monday 27/07 at closing time.
    expect(asked.ok && asked.dossier.supplement?.expiresAt).toEqual(vnTime('2026-07-27T17:00'));
  });

  const awaiting = (requestedIn: 'registered' | 'processing'): Dossier => ({
    ...DOSSIER_IN.awaitingSupplement,
    ...(requestedIn === 'registered' ? { receivedAt: undefined, dueAt: undefined } : {}),
    supplement: { ...DOSSIER_IN.awaitingSupplement.supplement!, requestedInStatus: requestedIn, expiresAt: vnTime('2026-07-30T17:00') },
  });

  it('the scheduled job closes a dossier whose supplement did not come: stopped after reception, refused before', () => {
    const close = { type: 'closeUnsupplemented' } as const;
    expect(refusedRule(applyAction(awaiting('processing'), close, actor('system'), vnTime('2026-07-30T16:59'), ctx))).toBe('supplementNotExpired');
    const stopped = ok(applyAction(awaiting('processing'), close, actor('system'), vnTime('2026-07-30T17:00'), ctx));
    expect(stopped.status).toBe('stopped');
    expect(stopped.closingReason).toContain('Không bổ sung');
    expect(ok(applyAction(awaiting('registered'), close, actor('system'), vnTime('2026-07-31T00:30'), ctx)).status).toBe('refused');
  });

  it('only the system closes it', () => {
    const r = applyAction(awaiting('processing'), { type: 'closeUnsupplemented' }, actor('lead'), vnTime('2026-08-01T08:00'), ctx);
    expect(r.ok ? 'accepted' : r.error.reason).toBe('roleNotAllowed');
  });
});

describe('Decree 118/2025: stop processing at the applicant’s request (Art. 21)', () => {
  const reason = { type: 'requestStop', reason: 'Không còn nhu cầu' } as const;

  it('the applicant asks online; the desk confirms; the dossier stops, with what is handed back', () => {
    const asked = ok(applyAction(DOSSIER_IN.processing, reason, actor('citizen'), NOW, ctx));
    expect(asked.status).toBe('processing');
    expect(asked.stopRequest).toMatchObject({ via: 'online', reason: 'Không còn nhu cầu', requestedBy: actor('citizen').userId });
    expect(refusedRule(applyAction(asked, reason, actor('citizen'), NOW, ctx))).toBe('stopAlreadyRequested');
    const stopped = ok(applyAction(asked, { type: 'confirmStop' }, actor('receptionist'), NOW, ctx));
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopRequest).toMatchObject({ confirmedBy: actor('receptionist').userId, papersReturned: true, feesRefunded: false });
    expect(stopped.closedAt).toEqual(NOW);
  });

  it('the desk may ask on behalf of an applicant who came in person', () => {
    expect(ok(applyAction(DOSSIER_IN.awaitingPayment, reason, actor('receptionist'), NOW, ctx)).stopRequest?.via).toBe('desk');
  });

  it('from valid reception until the result is issued: not before, not after', () => {
    expect(refusedRule(applyAction(DOSSIER_IN.registered, reason, actor('citizen'), NOW, ctx))).toBe('notInStatus');
    expect(refusedRule(applyAction(DOSSIER_IN.resolved, reason, actor('citizen'), NOW, ctx))).toBe('notInStatus');
    const atReception: Dossier = { ...DOSSIER_IN.awaitingSupplement, receivedAt: undefined, supplement: { ...DOSSIER_IN.awaitingSupplement.supplement!, requestedInStatus: 'registered' } };
    expect(refusedRule(applyAction(atReception, reason, actor('citizen'), NOW, ctx))).toBe('notYetReceived');
  });

  it('nothing to confirm without a request; a received dossier is no longer withdrawn, one not yet received still is', () => {
    expect(refusedRule(applyAction(DOSSIER_IN.processing, { type: 'confirmStop' }, actor('receptionist'), NOW, ctx))).toBe('noStopRequest');
    expect(refusedRule(applyAction(DOSSIER_IN.processing, validPayload('withdraw'), actor('citizen'), NOW, ctx))).toBe('useStopRequest');
    expect(ok(applyAction(DOSSIER_IN.registered, validPayload('withdraw'), actor('citizen'), NOW, ctx)).status).toBe('withdrawn');
  });
});

describe('Decree 118/2025: online intake (Art. 17.2)', () => {
  it('an online dossier filed Monday 20:00 alerts the desk, escalates at 22:00 and must be decided by Tuesday 17:00', () => {
    const filed = vnTime('2026-07-13T20:00');
    const decision = decide(DOSSIER_IN.draft, { type: 'submit' }, actor('citizen'), filed, FACTS);
    if (!decision.ok) throw new Error(decision.error.message);
    // 8 working hours from the next opening (Tuesday 07:00): 4.5 h in the morning + 3.5 h in the afternoon.
    expect(decision.dossier.intake).toEqual({ alertAt: vnTime('2026-07-13T22:00'), decideBy: vnTime('2026-07-14T17:00') });
    expect(decision.effects.alertReception).toBe(true);
  });

  it('a walk-in needs no intake deadline', () => {
    const decision = decide(DOSSIER_IN.draft, { type: 'intake', channel: 'desk' }, actor('receptionist'), NOW, FACTS);
    expect(decision.ok && decision.dossier.intake).toBeUndefined();
    expect(decision.ok && decision.effects.alertReception).toBe(false);
  });
});

describe('the register entry (Circular 03 form 01: "số thứ tự trong sổ")', () => {
  it('reception records the entry the shell reserved in the agency’s yearly register', () => {
    const decision = decide(DOSSIER_IN.registered, { type: 'receive' }, actor('receptionist'), NOW, { ...FACTS, registerEntry: { agencyId: '000.00.01.H99', year: 2026, number: 4187 } });
    expect(decision.ok && decision.dossier.registerEntry).toEqual({ agencyId: '000.00.01.H99', year: 2026, number: 4187 });
  });
});
