// The rules of the lifecycle that depend on history and time, and the shape of a refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dossier } from '../dossier/dossier.js';
import { ActionType, type DossierActionInput } from './actions.js';
import { Role, type Actor } from './actor.js';
import { applyAction, type TransitionResult } from './apply.js';
import { allowedActions } from './rules.js';
import { CALENDAR, CONSULTED, DEPARTMENT, DESK, DOSSIER_IN, DUE_AT, NOW, OFFICE, PENDING_TRANSFER, actor, validPayload, vnTime } from '../../../../test/fixtures/lifecycle.js';

const ctx = { calendar: CALENDAR };

function expectOk(result: TransitionResult): Dossier {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.dossier;
}

function expectRefused(result: TransitionResult) {
  if (result.ok) throw new Error('expected a conflict');
  return result.error;
}

const supplement = (
  extra: Partial<Extract<DossierActionInput, { type: 'requestSupplement' }>> = {},
): DossierActionInput => ({
  ...(validPayload('requestSupplement') as Extract<DossierActionInput, { type: 'requestSupplement' }>),
  ...extra,
});

describe('supplement under Decree 61 (legacy): once per stage unless a lead overrides with a reason', () => {
  const receptionist = actor('receptionist');
  const lead = actor('lead');
  const citizen = actor('citizen');
  const legacy = (d: Dossier): Dossier => ({ ...d, ruleSet: 'nd61-2018' });

  it('at reception: once, back to the reception check, then refused for the desk', () => {
    const asked = expectOk(applyAction(legacy(DOSSIER_IN.registered), supplement(), receptionist, NOW));
    expect(asked.status).toBe('awaitingSupplement');
    expect(asked.supplementCount).toEqual({ reception: 1, handling: 0 });
    const back = expectOk(applyAction(asked, { type: 'submitSupplement' }, citizen, NOW));
    expect(back.status).toBe('registered');
    expect(back.supplement?.submittedAt).toEqual(NOW);

    const again = expectRefused(applyAction(back, supplement(), receptionist, NOW));
    expect(again.rule).toBe('supplementAlreadyRequested');
    expect(again.allowedActions).not.toContain('requestSupplement');
    expect(again.allowedActions).toEqual(expect.arrayContaining(['receive', 'refuseAtReception']));
  });

  it('a lead needs a written reason to ask again, and then may', () => {
    const asked = expectOk(applyAction(legacy(DOSSIER_IN.registered), supplement(), receptionist, NOW));
    const back = expectOk(applyAction(asked, { type: 'submitSupplement' }, citizen, NOW));
    expect(allowedActions(back, lead, NOW)).toContain('requestSupplement');
    expect(expectRefused(applyAction(back, supplement(), lead, NOW)).rule).toBe('supplementAlreadyRequested');
    const overridden = expectOk(
      applyAction(back, supplement({ overrideReason: 'Người nộp nộp nhầm bản vẽ khi bổ sung' }), lead, NOW),
    );
    expect(overridden.supplementCount.reception).toBe(2);
    expect(overridden.supplement?.overrideReason).toBe('Người nộp nộp nhầm bản vẽ khi bổ sung');
  });

  it('the handling stage has its own single round; the clock restarts with the new due date', () => {
    const handler = actor('handler');
    const afterReception = legacy({ ...DOSSIER_IN.processing, supplementCount: { reception: 1, handling: 0 } });
    const asked = expectOk(applyAction(afterReception, supplement(), handler, NOW, ctx));
    expect(asked.supplementCount).toEqual({ reception: 1, handling: 1 });
    const newDue = vnTime('2026-07-29T10:00');
    const back = expectOk(
      applyAction(
        asked,
        { type: 'submitSupplement', due: { at: newDue, explanation: { vi: 'Tính lại', en: 'Restarted' } } },
        citizen,
        NOW,
      ),
    );
    expect(back.status).toBe('processing');
    expect(back.dueAt).toEqual(newDue);
    expect(back.originalDueAt).toEqual(newDue);
    expect(expectRefused(applyAction(back, supplement(), handler, NOW, ctx)).rule).toBe(
      'supplementAlreadyRequested',
    );
  });
});

describe('extension: once, with apology and a later date, until 1 working day before the due date', () => {
  const lead = actor('lead');
  const extend = (newDueAt: Date): DossierActionInput => ({
    ...(validPayload('extend') as Extract<DossierActionInput, { type: 'extend' }>),
    newDueAt,
  });
  const dueOn = (dueAt: Date): Dossier => ({ ...DOSSIER_IN.processing, dueAt, originalDueAt: dueAt });

  it('records the apology and keeps the original appointment', () => {
    const next = expectOk(applyAction(DOSSIER_IN.processing, validPayload('extend'), lead, NOW, ctx));
    expect(next.extensionCount).toBe(1);
    expect(next.dueAt).toEqual(vnTime('2026-07-29T16:10'));
    expect(next.originalDueAt).toEqual(DUE_AT);
    expect(next.extension).toMatchObject({
      previousDueAt: DUE_AT,
      newDueAt: vnTime('2026-07-29T16:10'),
      by: lead.userId,
    });
    expect(next.dueExplanation?.vi).toContain('Chờ kết quả đo đạc');
  });

  it('only once', () => {
    const once = expectOk(applyAction(DOSSIER_IN.processing, validPayload('extend'), lead, NOW, ctx));
    const twice = expectRefused(applyAction(once, extend(vnTime('2026-08-05T16:00')), lead, NOW, ctx));
    expect(twice.rule).toBe('extensionAlreadyUsed');
    expect(twice.allowedActions).not.toContain('extend');
  });

  it('the new date must be later than the current due time', () => {
    expect(expectRefused(applyAction(DOSSIER_IN.processing, extend(DUE_AT), lead, NOW, ctx)).rule).toBe(
      'extensionNotLater',
    );
  });

  // Due Monday 27/07/2026: the last day for an apology is Friday 24/07 (the weekend does not count).
  it.each([
    ['Thursday before', '2026-07-23T10:00', true],
    ['Friday, last working day before', '2026-07-24T16:59', true],
    ['Saturday', '2026-07-25T09:00', false],
    ['the due date itself', '2026-07-27T08:00', false],
  ])('due Monday 27/07, asked on %s → allowed %s', (_label, at, allowed) => {
    const result = applyAction(
      dueOn(vnTime('2026-07-27T16:00')),
      extend(vnTime('2026-07-31T16:00')),
      lead,
      vnTime(at),
      ctx,
    );
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.rule).toBe('extensionTooLate');
  });

  it('holidays count: due Fri 04/09/2026 after the National Day break → last day Tue 01/09', () => {
    const dossier = dueOn(vnTime('2026-09-04T10:00'));
    expect(
      applyAction(dossier, extend(vnTime('2026-09-10T10:00')), lead, vnTime('2026-09-01T16:00'), ctx).ok,
    ).toBe(true);
    expect(
      expectRefused(
        applyAction(dossier, extend(vnTime('2026-09-10T10:00')), lead, vnTime('2026-09-02T09:00'), ctx),
      ).rule,
    ).toBe('extensionTooLate');
  });

  it('needs the working calendar and a due date', () => {
    expect(expectRefused(applyAction(DOSSIER_IN.processing, validPayload('extend'), lead, NOW)).rule).toBe(
      'calendarRequired',
    );
    const { dueAt: _d, ...noDue } = DOSSIER_IN.processing;
    expect(expectRefused(applyAction(noDue, validPayload('extend'), lead, NOW, ctx)).rule).toBe('noDueDate');
  });

  it('a handler may not sign the apology', () => {
    expect(
      expectRefused(applyAction(DOSSIER_IN.processing, validPayload('extend'), actor('handler'), NOW, ctx))
        .reason,
    ).toBe('roleNotAllowed');
  });
});

describe('refusal after appraisal only before the deadline', () => {
  const handler = actor('handler');
  const deny = { type: 'resolve', outcome: 'denied', reason: 'Đất đang có tranh chấp' } as const;

  it('a denial before the due time is accepted, and on the due minute too', () => {
    expect(expectOk(applyAction(DOSSIER_IN.processing, deny, handler, NOW)).resolution).toMatchObject({
      outcome: 'denied',
      reason: 'Đất đang có tranh chấp',
    });
    expect(applyAction(DOSSIER_IN.processing, deny, handler, DUE_AT).ok).toBe(true);
  });

  it('a denial after the due time is refused; an approval is not', () => {
    const late = new Date(DUE_AT.getTime() + 60_000);
    expect(expectRefused(applyAction(DOSSIER_IN.processing, deny, handler, late)).rule).toBe(
      'denialAfterDeadline',
    );
    expect(applyAction(DOSSIER_IN.processing, validPayload('resolve'), handler, late).ok).toBe(true);
  });

  it('a denial without reasons is invalid input', () => {
    const error = expectRefused(
      applyAction(DOSSIER_IN.processing, { type: 'resolve', outcome: 'denied' }, handler, NOW),
    );
    expect(error.reason).toBe('invalidPayload');
    expect(error.fieldErrors.map((f) => f.path)).toContain('reason');
  });
});

describe('inter-agency routing', () => {
  it('transfer → the receiver must acknowledge before handling; the sender loses the dossier', () => {
    const transferred = expectOk(
      applyAction(DOSSIER_IN.processing, validPayload('transfer'), actor('handler'), NOW),
    );
    expect(transferred.currentStep).toMatchObject({
      agencyId: OFFICE,
      since: NOW,
      dueAt: vnTime('2026-07-21T17:00'),
    });
    expect(transferred.currentStep?.acknowledgedAt).toBeUndefined();
    expect(transferred.handlerId).toBeUndefined();
    expect(transferred.agencyIds).toContain(OFFICE);

    expect(
      expectRefused(applyAction(transferred, validPayload('resolve'), actor('handler'), NOW)).reason,
    ).toBe('outOfScope');
    const officeHandler = actor('handler', OFFICE);
    const early = expectRefused(applyAction(transferred, validPayload('resolve'), officeHandler, NOW));
    expect(early.rule).toBe('transferNotAcknowledged');
    expect(early.allowedActions).toEqual(['acknowledgeTransfer']);

    const acknowledged = expectOk(
      applyAction(transferred, { type: 'acknowledgeTransfer' }, officeHandler, NOW),
    );
    expect(acknowledged.currentStep).toMatchObject({
      acknowledgedAt: NOW,
      acknowledgedBy: officeHandler.userId,
    });
    expect(
      expectRefused(applyAction(acknowledged, { type: 'acknowledgeTransfer' }, officeHandler, NOW)).rule,
    ).toBe('nothingToAcknowledge');
    expect(expectOk(applyAction(acknowledged, validPayload('resolve'), officeHandler, NOW)).status).toBe(
      'resolved',
    );
  });

  it('no transfer to the agency already holding the dossier', () => {
    const toSelf = { type: 'transfer', toAgencyId: DESK, task: 'Xử lý' } as const;
    expect(expectRefused(applyAction(DOSSIER_IN.processing, toSelf, actor('handler'), NOW)).rule).toBe(
      'transferToSelf',
    );
  });

  it('opinions: asked once per agency at a time, answered by that agency only', () => {
    const lead = actor('lead');
    const asked = expectOk(applyAction(DOSSIER_IN.processing, validPayload('requestOpinion'), lead, NOW));
    expect(asked.opinions.map((o) => o.agencyId)).toEqual([CONSULTED, DEPARTMENT]);
    expect(asked.agencyIds).toContain(DEPARTMENT);
    expect(expectRefused(applyAction(asked, validPayload('requestOpinion'), lead, NOW)).rule).toBe(
      'opinionAlreadyPending',
    );
    expect(
      expectRefused(
        applyAction(
          asked,
          { type: 'requestOpinion', agencyId: DESK, question: 'Ý kiến?', dueAt: NOW },
          lead,
          NOW,
        ),
      ).rule,
    ).toBe('opinionOfSelf');

    expect(
      expectRefused(applyAction(asked, validPayload('provideOpinion'), actor('handler', OFFICE), NOW)).reason,
    ).toBe('outOfScope');
    const answered = expectOk(
      applyAction(asked, validPayload('provideOpinion'), actor('handler', DEPARTMENT), NOW),
    );
    expect(answered.opinions.find((o) => o.agencyId === DEPARTMENT)).toMatchObject({
      answeredAt: NOW,
      answer: 'Phù hợp quy hoạch',
    });
    expect(answered.opinions.find((o) => o.agencyId === CONSULTED)?.answeredAt).toBeUndefined();
  });

  it('payment: awaiting payment, then back to processing with the service’s new due date', () => {
    const waiting = expectOk(
      applyAction(DOSSIER_IN.processing, validPayload('requestPayment'), actor('handler'), NOW),
    );
    expect(waiting.status).toBe('awaitingPayment');
    const due = {
      at: vnTime('2026-07-27T10:00'),
      explanation: { vi: 'Không tính thời gian chờ nộp', en: 'Waiting time not counted' },
    };
    const paid = expectOk(
      applyAction(waiting, { type: 'confirmPayment', reference: 'KB-1', due }, actor('system'), NOW),
    );
    expect(paid.status).toBe('processing');
    expect(paid.payment).toMatchObject({ paidAt: NOW, reference: 'KB-1' });
    expect(paid.dueAt).toEqual(due.at);
  });
});

describe('who may act', () => {
  it('a citizen acts only on their own dossier', () => {
    const stranger: Actor = { role: 'citizen', userId: 'someone-else' };
    const error = expectRefused(applyAction(DOSSIER_IN.registered, validPayload('withdraw'), stranger, NOW));
    expect(error.reason).toBe('outOfScope');
    expect(error.rule).toBe('notOwner');
    expect(error.allowedActions).toEqual([]);
    const { ownerUserId: _o, ...walkIn } = DOSSIER_IN.registered;
    expect(expectRefused(applyAction(walkIn, validPayload('withdraw'), actor('citizen'), NOW)).reason).toBe(
      'outOfScope',
    );
  });

  it('officers of another agency are out of scope and are offered nothing', () => {
    const outsider = actor('receptionist', OFFICE);
    const error = expectRefused(applyAction(DOSSIER_IN.registered, validPayload('receive'), outsider, NOW));
    expect(error.reason).toBe('outOfScope');
    expect(error.allowedActions).toEqual([]);
  });

  it('an officer without an agency is out of scope', () => {
    const error = expectRefused(
      applyAction(DOSSIER_IN.registered, validPayload('receive'), { role: 'receptionist', userId: 'x' }, NOW),
    );
    expect(error.reason).toBe('outOfScope');
  });
});

describe('applyAction', () => {
  it('receives: due date, explanation, original due date and the desk as first holder', () => {
    const receptionist = actor('receptionist');
    const next = expectOk(applyAction(DOSSIER_IN.registered, validPayload('receive'), receptionist, NOW));
    expect(next).toMatchObject({
      status: 'received',
      receivedAt: NOW,
      dueAt: DUE_AT,
      originalDueAt: DUE_AT,
      dueExplanation: { vi: '8 ngày làm việc', en: '8 working days' },
    });
    expect(next.currentStep).toEqual({
      agencyId: DESK,
      since: NOW,
      acknowledgedAt: NOW,
      acknowledgedBy: receptionist.userId,
    });
  });

  it('never mutates its input', () => {
    const frozen = deepFreeze(structuredClone(DOSSIER_IN.processing));
    const before = structuredClone(frozen);
    for (const type of ActionType.options) applyAction(frozen, validPayload(type), actor('lead'), NOW, ctx);
    expect(frozen).toEqual(before);
  });

  it('accepts ISO strings for dates in the payload and stores Dates', () => {
    const next = expectOk(
      applyAction(
        DOSSIER_IN.registered,
        { type: 'receive', due: { at: '2026-07-24T16:10:00+07:00', explanation: { vi: 'a', en: 'b' } } },
        actor('receptionist'),
        NOW,
      ),
    );
    expect(next.dueAt).toEqual(DUE_AT);
  });

  it('an unknown action is not in the status; a conflict explains itself in both languages', () => {
    const error = expectRefused(
      applyAction(
        DOSSIER_IN.received,
        { type: 'fly' } as unknown as DossierActionInput,
        actor('lead'),
        NOW,
        ctx,
      ),
    );
    expect(error.reason).toBe('notInStatus');
    expect(error.code).toBe('transition-conflict');
    expect(error.messages.vi).toContain('Trạng thái hiện tại: Đã tiếp nhận');
    expect(error.messages.vi).toContain('Phân công thụ lý');
    expect(error.messages.en).toContain('Current status: Received');
    expect(error.messages.en).toContain('Assign a handler');
    expect(error.details).toMatchObject({ status: 'received', action: 'fly' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'an action named %j is simply not in the status',
    (type) => {
      const error = expectRefused(
        applyAction(
          DOSSIER_IN.processing,
          { type } as unknown as DossierActionInput,
          actor('lead'),
          NOW,
          ctx,
        ),
      );
      expect(error.reason).toBe('notInStatus');
    },
  );

  it('a final status offers nothing', () => {
    const error = expectRefused(
      applyAction(DOSSIER_IN.returned, validPayload('withdraw'), actor('citizen'), NOW),
    );
    expect(error.allowedActions).toEqual([]);
    expect(error.messages.en).toContain('Allowed actions: none');
  });

  it('rejects an invalid clock reading', () => {
    expect(() =>
      applyAction(
        DOSSIER_IN.registered,
        validPayload('receive'),
        actor('receptionist'),
        new Date(Number.NaN),
      ),
    ).toThrow(/Invalid action time/);
  });

  it('property: any sequence of actions by anyone keeps a valid dossier and a gap-free version', () => {
    const agencies = [DESK, OFFICE, DEPARTMENT, CONSULTED];
    const step = fc.record({
      type: fc.constantFrom(...ActionType.options),
      role: fc.constantFrom(...Role.options),
      agency: fc.constantFrom(...agencies),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(DOSSIER_IN.draft, DOSSIER_IN.registered, DOSSIER_IN.processing, PENDING_TRANSFER),
        fc.array(step, { maxLength: 25 }),
        (start, steps) => {
          let dossier = start;
          for (const s of steps) {
            const who = actor(s.role, s.agency);
            const allowed = allowedActions(dossier, who, NOW, ctx);
            const payload =
              s.type === 'transfer'
                ? {
                    ...validPayload('transfer'),
                    toAgencyId: agencies.find((a) => a !== (dossier.currentStep?.agencyId ?? DESK)) ?? OFFICE,
                  }
                : validPayload(s.type);
            const result = applyAction(dossier, payload as DossierActionInput, who, NOW, ctx);
            if (result.ok) {
              // Anything that succeeds was offered; an offered action may still fail on its payload.
              expect(allowed).toContain(s.type);
              expect(result.dossier.version).toBe(dossier.version + 1);
              expect(result.event.version).toBe(result.dossier.version);
              expect(Dossier.safeParse(result.dossier).success).toBe(true);
              dossier = result.dossier;
            } else {
              expect(result.error.allowedActions).toEqual(allowed);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
