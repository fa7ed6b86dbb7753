import { describe, expect, it } from 'vitest';
import {
  actor,
  CALENDAR,
  CODE,
  CONSULTED,
  DEPARTMENT,
  DESK,
  DOSSIER_IN,
  NOW,
  OFFICE,
  PENDING_TRANSFER,
  validPayload,
  vnTime,
} from '../../../../test/fixtures/lifecycle.js';
import type { Dossier } from '../dossier/dossier.js';
import type { ProcessStep } from '../procedure/step.js';
import { DOSSIER_STATUSES } from '../dossier/status-info.js';
import { DomainError } from '../shared/domain-error.js';
import { ActionType, RecordedResolve } from './actions.js';
import { decide, needsLegalTime, SERVICE_FIELDS, type ActionRequest, type DecisionFacts, type LegalTime } from './decide.js';
import { findTransition } from './table.js';
import { DossierEvent } from './event.js';

const LEGAL_TIME: LegalTime = { duration: { value: 8, unit: 'workingDays' }, workingHours: { periods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] } };
const FACTS: DecisionFacts = { calendar: CALENDAR, handoffCount: 0, legalTime: LEGAL_TIME, code: CODE };

/** The request a caller sends for an action: the valid payload without the fields only the service sets. */
function requestFor(type: ActionType): ActionRequest {
  const payload = validPayload(type) as Record<string, unknown>;
  const fields: readonly string[] = (SERVICE_FIELDS as Record<string, readonly string[]>)[type] ?? [];
  for (const field of fields) delete payload[field];
  return payload as ActionRequest;
}

// Written out by hand from the circulars (which form each step issues) and from what the applicant is told,
// so the tables in the code are checked against the law, not against themselves.
const SLIP_OF: Record<'nd61-2018' | 'nd118-2025', Partial<Record<ActionType, string>>> = {
  // Circular 01/2018: 05 is the control slip.
  'nd61-2018': { receive: '01', requestSupplement: '02', refuseAtReception: '03', extend: '04', transfer: '05', acknowledgeTransfer: '05' },
  // Circular 03/2025: 05 is the stop notice, 06 the control slip.
  'nd118-2025': {
    receive: '01',
    requestSupplement: '02',
    refuseAtReception: '03',
    extend: '04',
    confirmStop: '05',
    stop: '05',
    transfer: '06',
    acknowledgeTransfer: '06',
  },
};
const TOLD: ActionType[] = [
  'submit',
  'intake',
  'receive',
  'refuseAtReception',
  'requestSupplement',
  'submitSupplement',
  'requestPayment',
  'resolve',
  'extend',
  'returnResult',
  'withdraw',
  'stop',
  'requestStop',
  'confirmStop',
  'closeUnsupplemented',
  'succeedAgency',
];
/** Actions that exist only under Decree 118 (Art. 19.5 and 21). */
const DECREE_118_ONLY: ActionType[] = ['requestStop', 'confirmStop', 'closeUnsupplemented'];

const PENDING_STOP: Dossier = {
  ...DOSSIER_IN.processing,
  stopRequest: { requestedAt: vnTime('2026-07-15T08:00'), requestedBy: 'citizen-owner', via: 'online', reason: 'Không còn nhu cầu' },
};
const SUPPLEMENT_EXPIRED: Dossier = {
  ...DOSSIER_IN.awaitingSupplement,
  supplement: { ...DOSSIER_IN.awaitingSupplement.supplement!, expiresAt: vnTime('2026-07-15T09:00') },
};

/** A dossier in which `type` can be applied by the first role the table allows, with that actor. */
function applicable(type: ActionType): { dossier: Dossier; who: ReturnType<typeof actor> } | undefined {
  for (const status of DOSSIER_STATUSES) {
    const transition = findTransition(status, type);
    if (!transition) continue;
    const role = transition.roles[0]!;
    const special: Partial<Record<ActionType, Dossier>> = {
      acknowledgeTransfer: PENDING_TRANSFER,
      provideOpinion: DOSSIER_IN.processing,
      confirmStop: PENDING_STOP,
      closeUnsupplemented: SUPPLEMENT_EXPIRED,
      // A withdrawal under Decree 118 happens before reception (afterwards the applicant asks to stop).
      withdraw: DOSSIER_IN.registered,
    };
    const dossier = special[type] ?? DOSSIER_IN[status];
    const agency = type === 'acknowledgeTransfer' ? OFFICE : type === 'provideOpinion' ? CONSULTED : undefined;
    return { dossier, who: actor(role, agency) };
  }
  return undefined;
}

describe.each(['nd118-2025', 'nd61-2018'] as const)('decide under %s: effects of every action', (ruleSet) => {
  for (const type of ActionType.options) {
    if (ruleSet === 'nd61-2018' && DECREE_118_ONLY.includes(type)) continue;
    it(`${type}: issues ${SLIP_OF[ruleSet][type] ?? 'no slip'}, ${TOLD.includes(type) ? 'tells' : 'does not tell'} the applicant`, () => {
      const found = applicable(type);
      expect(found, `a status allows ${type}`).toBeDefined();
      const dossier = { ...found!.dossier, ruleSet };
      const decision = decide(dossier, requestFor(type), found!.who, NOW, { ...FACTS, handoffCount: type === 'acknowledgeTransfer' ? 1 : 0 });
      if (!decision.ok) throw new Error(`${type} refused: ${decision.error.reason} ${decision.error.rule ?? ''}`);
      expect(decision.effects.slip).toBe(SLIP_OF[ruleSet][type]);
      expect(decision.effects.notifyApplicant).toBe(TOLD.includes(type));
      expect(decision.effects.alertReception).toBe(ruleSet === 'nd118-2025' && type === 'submit');
      expect(decision.event.type).toBe(type);
    });
  }

  it('a refused action has no effects, only the conflict', () => {
    const decision = decide({ ...DOSSIER_IN.returned, ruleSet }, requestFor('resolve'), actor('handler'), NOW, FACTS);
    expect(decision.ok).toBe(false);
    expect(decision).not.toHaveProperty('effects');
  });
});

describe('decide: service fields', () => {
  it('sets the dossier code the shell reserved on creation', () => {
    const decision = decide(DOSSIER_IN.draft, { type: 'submit' }, actor('citizen'), NOW, FACTS);
    expect(decision.ok && decision.dossier.code).toBe(CODE);
  });

  it('refuses a creation without a reserved code (the payload is invalid)', () => {
    const { code: _code, ...withoutCode } = FACTS;
    const decision = decide(DOSSIER_IN.draft, { type: 'submit' }, actor('citizen'), NOW, withoutCode);
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.error.reason).toBe('invalidPayload');
  });

  it('sets the due date at reception: 8 working days from Wednesday 09:40 is Monday 27/07 09:40', () => {
    const decision = decide(DOSSIER_IN.registered, { type: 'receive' }, actor('receptionist'), NOW, FACTS);
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.dossier.dueAt).toEqual(vnTime('2026-07-27T09:40'));
    expect(decision.dossier.originalDueAt).toEqual(vnTime('2026-07-27T09:40'));
    expect(decision.dossier.dueExplanation?.vi).toBeTruthy();
  });

  it('a supplement during handling restarts the clock from zero by default', () => {
    const decision = decide(DOSSIER_IN.awaitingSupplement, { type: 'submitSupplement' }, actor('citizen'), NOW, FACTS);
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.dossier.status).toBe('processing');
    expect(decision.dossier.dueAt).toEqual(vnTime('2026-07-27T09:40'));
  });

  it('a procedure that pauses the clock adds only the time the supplement took', () => {
    const pausing: Dossier = { ...DOSSIER_IN.awaitingSupplement, procedure: { ...DOSSIER_IN.awaitingSupplement.procedure, supplementClockPolicy: 'pause' } };
    const decision = decide(pausing, { type: 'submitSupplement' }, actor('citizen'), NOW, FACTS);
    if (!decision.ok) throw new Error(decision.error.reason);
    // Received Tuesday 14/07 09:00 + 8 working days = Friday 24/07 09:00; paused 08:00 → 09:40 on 15/07.
    expect(decision.dossier.dueAt).toEqual(vnTime('2026-07-24T10:40'));
  });

  it('a supplement asked for at the reception check sets no due date (reception will)', () => {
    const atReception: Dossier = {
      ...DOSSIER_IN.awaitingSupplement,
      receivedAt: undefined,
      dueAt: undefined,
      supplement: { ...DOSSIER_IN.awaitingSupplement.supplement!, requestedInStatus: 'registered' },
    };
    expect(needsLegalTime(atReception, 'submitSupplement')).toBe(false);
    const decision = decide(atReception, { type: 'submitSupplement' }, actor('citizen'), NOW, { calendar: CALENDAR, handoffCount: 0 });
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.dossier.status).toBe('registered');
    expect(decision.dossier.dueAt).toBeUndefined();
  });

  it('records a supplement’s files by id only: the log never copies file names, hashes or uploaders (issue 12, finding 7)', () => {
    const file = {
      id: 'upload-cccd-0001',
      fileName: 'CCCD 001190012345 Nguyen Thi Hoa.pdf',
      contentType: 'application/pdf' as const,
      size: 2048,
      sha256: 'a'.repeat(64),
      uploadedBy: 'citizen-uid-1',
      uploadedAt: NOW,
    };
    const additions = [{ componentId: 'application-form', originals: 0, certifiedCopies: 1, copies: 0, attachments: [file] }];
    const decision = decide(DOSSIER_IN.awaitingSupplement, { type: 'submitSupplement', additions }, actor('citizen'), NOW, FACTS);
    if (!decision.ok) throw new Error(decision.error.reason);
    // The dossier (its personal part) has the file; the event names it by id.
    expect(decision.dossier.components.find((c) => c.componentId === 'application-form')?.attachments).toEqual([file]);
    const recorded = decision.event.payload;
    if (recorded.type !== 'submitSupplement') throw new Error('not a supplement event');
    expect(recorded.components?.find((c) => c.componentId === 'application-form')).toEqual({ componentId: 'application-form', originals: 1, certifiedCopies: 1, copies: 0, attachmentIds: ['upload-cccd-0001'] });
    const text = JSON.stringify(decision.event);
    for (const personal of ['CCCD', '001190012345', 'Nguyen', 'a'.repeat(64), 'citizen-uid-1"', 'application/pdf']) expect(text).not.toContain(personal);
    expect(DossierEvent.safeParse(decision.event).success).toBe(true);
  });

  it('says when it needs the legal time, and refuses to guess without it', () => {
    expect(needsLegalTime(DOSSIER_IN.registered, 'receive')).toBe(true);
    expect(needsLegalTime(DOSSIER_IN.received, 'receive')).toBe(false);
    expect(needsLegalTime(DOSSIER_IN.processing, 'resolve')).toBe(false);
    expect(() => decide(DOSSIER_IN.registered, { type: 'receive' }, actor('receptionist'), NOW, { calendar: CALENDAR, handoffCount: 0 })).toThrow(DomainError);
  });

});

/** A route: the desk receives (1 working day), the land office appraises (5), the department approves (2). */
const ROUTE: ProcessStep[] = [
  { id: 'reception', role: 'reception', performer: { kind: 'receiving' }, description: { vi: 'Tiếp nhận', en: 'Reception' }, budget: { value: 1, unit: 'workingDays' } },
  { id: 'appraisal', role: 'appraisal', performer: { kind: 'agency', agencyId: OFFICE }, description: { vi: 'Thẩm định hồ sơ', en: 'Appraisal' }, budget: { value: 5, unit: 'workingDays' } },
  { id: 'approval', role: 'approval', performer: { kind: 'agency', agencyId: DEPARTMENT }, description: { vi: 'Phê duyệt', en: 'Approval' }, budget: { value: 2, unit: 'workingDays' } },
  { id: 'tax', role: 'opinion', performer: { kind: 'external', name: { vi: 'Cơ quan thuế', en: 'Tax office' } }, description: { vi: 'Xác định nghĩa vụ tài chính', en: 'Tax' }, budget: { value: 3, unit: 'workingDays' } },
];
const ROUTED: DecisionFacts = { ...FACTS, legalTime: { ...LEGAL_TIME, steps: ROUTE } };

describe('decide: the control slip (handoff rows)', () => {
  const transfer = { type: 'transfer' as const, stepId: 'appraisal' };


  it('the first transfer opens row 1 from the desk to the receiving agency, with its sub-deadline', () => {
    const decision = decide(DOSSIER_IN.processing, transfer, actor('handler'), NOW, ROUTED);
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.effects.handoffCount).toBe(1);
    expect(decision.effects.handoffs).toEqual([
      {
        kind: 'open',
        row: {
          n: 1,
          fromAgencyId: DESK,
          toAgencyId: OFFICE,
          task: 'Thẩm định hồ sơ',
          handedOverAt: NOW,
          handedOverBy: actor('handler').userId,
          // The appraisal step's 5 working days, from the hand-over (Wednesday 09:40).
          dueAt: vnTime('2026-07-22T09:40'),
          acknowledgedAt: null,
          acknowledgedBy: null,
          completedAt: null,
          result: null,
        },
      },
    ]);
  });

  it('the receiving agency acknowledges the open row', () => {
    const decision = decide(PENDING_TRANSFER, { type: 'acknowledgeTransfer' }, actor('receptionist', OFFICE), NOW, { ...FACTS, handoffCount: 1 });
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.effects.handoffs).toEqual([{ kind: 'acknowledge', n: 1, at: NOW, by: actor('receptionist', OFFICE).userId }]);
    expect(decision.effects.handoffCount).toBe(1);
  });

  const atOffice = (dueAt: Date): Dossier => ({
    ...PENDING_TRANSFER,
    currentStep: { ...PENDING_TRANSFER.currentStep!, dueAt, acknowledgedAt: vnTime('2026-07-15T08:10'), acknowledgedBy: 'receptionist-office' },
  });

  it('a resolution closes the open row: on time on its due day, early before it, late after it', () => {
    const resolve = { type: 'resolve' as const, outcome: 'approved' as const, summary: 'Cấp' };
    const close = (dueAt: Date) => {
      const decision = decide(atOffice(dueAt), resolve, actor('handler', OFFICE), NOW, { ...FACTS, handoffCount: 1 });
      if (!decision.ok) throw new Error(decision.error.reason);
      return decision.effects.handoffs;
    };
    expect(close(vnTime('2026-07-15T17:00'))).toEqual([{ kind: 'close', n: 1, completedAt: NOW, result: 'onTime' }]);
    expect(close(vnTime('2026-07-20T17:00'))).toEqual([{ kind: 'close', n: 1, completedAt: NOW, result: 'early' }]);
    expect(close(vnTime('2026-07-14T17:00'))).toEqual([{ kind: 'close', n: 1, completedAt: NOW, result: 'late' }]);
  });

  it('a second transfer closes row 1 and opens row 2 from the agency that held it', () => {
    const onward = { type: 'transfer' as const, toAgencyId: CONSULTED, task: 'Xác minh' };
    const decision = decide(atOffice(vnTime('2026-07-21T17:00')), onward, actor('handler', OFFICE), NOW, { ...ROUTED, handoffCount: 1 });
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.effects.handoffs.map((h) => h.kind)).toEqual(['close', 'open']);
    const opened = decision.effects.handoffs[1]!;
    expect(opened.kind === 'open' && [opened.row.n, opened.row.fromAgencyId, opened.row.toAgencyId]).toEqual([2, OFFICE, CONSULTED]);
    expect(decision.effects.handoffCount).toBe(2);
  });

  it('an approval without a summary of the result is refused beside the summary; a denial needs its reasons', () => {
    const bare = decide(DOSSIER_IN.processing, { type: 'resolve', outcome: 'approved' }, actor('handler'), NOW, FACTS);
    expect(!bare.ok && [bare.error.reason, bare.error.fieldErrors?.map((f) => f.path)]).toEqual(['invalidPayload', ['summary']]);
    const message = !bare.ok ? bare.error.fieldErrors?.[0]?.message : undefined;
    expect(message?.vi).toMatch(/tóm tắt kết quả/);
    expect(message?.en).toMatch(/summar/);
    const denied = decide(DOSSIER_IN.processing, { type: 'resolve', outcome: 'denied' }, actor('handler'), NOW, FACTS);
    expect(!denied.ok && denied.error.fieldErrors?.map((f) => f.path)).toEqual(['reason']);
    expect(decide(DOSSIER_IN.processing, { type: 'resolve', outcome: 'denied', reason: 'Không đủ điều kiện' }, actor('handler'), NOW, FACTS).ok).toBe(true);
  });

  it('a decision recorded before the summary was required still reads from the log', () => {
    expect(RecordedResolve.safeParse({ type: 'resolve', outcome: 'approved' }).success).toBe(true);
  });

  it('a dossier never transferred has no row to close', () => {
    const decision = decide(DOSSIER_IN.processing, { type: 'resolve', outcome: 'approved', summary: 'Cấp' }, actor('handler'), NOW, FACTS);
    expect(decision.ok && decision.effects.handoffs).toEqual([]);
  });
});

describe('decide: routing with computed deadlines (Decree 118 Art. 18, 20)', () => {
  const transfer = () => ({ type: 'transfer' as const, stepId: 'appraisal' });
  it('a transfer naming only the agency takes the next step that agency performs', () => {
    const decision = decide(DOSSIER_IN.processing, { type: 'transfer', toAgencyId: DEPARTMENT }, actor('handler'), NOW, ROUTED);
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.dossier.currentStep).toMatchObject({ agencyId: DEPARTMENT, stepId: 'approval', task: 'Phê duyệt', dueAt: vnTime('2026-07-17T09:40') });
  });

  it('a step done outside the platform cannot be a transfer target; a transfer names a step or an agency', () => {
    const external = decide(DOSSIER_IN.processing, { type: 'transfer', stepId: 'tax' }, actor('handler'), NOW, ROUTED);
    expect(!external.ok && external.error.rule).toBe('stepHasNoAgency');
    const nothing = decide(DOSSIER_IN.processing, { type: 'transfer' }, actor('handler'), NOW, ROUTED);
    expect(!nothing.ok && nothing.error.rule).toBe('transferTargetMissing');
  });

  it('an agency without a step of the route gets the dossier without a sub-deadline', () => {
    const decision = decide(DOSSIER_IN.processing, { type: 'transfer', toAgencyId: CONSULTED, task: 'Xác minh' }, actor('handler'), NOW, ROUTED);
    expect(decision.ok && decision.dossier.currentStep?.dueAt).toBeUndefined();
  });

  const paper = (receivedAt: Date): Dossier => ({
    ...DOSSIER_IN.processing,
    channel: 'desk',
    receivedAt,
    currentStep: { agencyId: DESK, since: receivedAt, acknowledgedAt: receivedAt, acknowledgedBy: 'receptionist-desk' },
  });
  const levels = (desk: string, office: string) => new Map([[DESK, { level: desk }], [OFFICE, { level: office }]]);

  it('a paper dossier leaves the desk the same day when received before 15:00, else the next morning', () => {
    const sameDay = decide(paper(vnTime('2026-07-14T10:00')), transfer(), actor('handler'), vnTime('2026-07-14T11:00'), { ...ROUTED, agencies: levels('province', 'province') });
    if (!sameDay.ok) throw new Error(sameDay.error.reason);
    expect(sameDay.dossier.currentStep?.handOverBy).toEqual(vnTime('2026-07-14T17:00'));
    expect(sameDay.effects.handoffs[0]).toMatchObject({ kind: 'open', row: { handOverBy: vnTime('2026-07-14T17:00'), handOverResult: 'onTime' } });
    const afterCutOff = decide(paper(vnTime('2026-07-14T16:00')), transfer(), actor('handler'), vnTime('2026-07-16T08:00'), { ...ROUTED, agencies: levels('province', 'province') });
    expect(afterCutOff.ok && afterCutOff.effects.handoffs[0]).toMatchObject({ row: { handOverBy: vnTime('2026-07-15T07:00'), handOverResult: 'late' } });
  });

  it('across levels the paper dossier has one working day', () => {
    const decision = decide(paper(vnTime('2026-07-14T16:00')), transfer(), actor('handler'), vnTime('2026-07-15T10:00'), { ...ROUTED, agencies: levels('commune', 'province') });
    expect(decision.ok && decision.dossier.currentStep?.handOverBy).toEqual(vnTime('2026-07-15T16:00'));
  });

  it('an online dossier has no paper to carry', () => {
    const decision = decide(DOSSIER_IN.processing, transfer(), actor('handler'), NOW, { ...ROUTED, agencies: levels('province', 'province') });
    expect(decision.ok && decision.dossier.currentStep?.handOverBy).toBeUndefined();
  });

  it('in parallel: the lead holds the dossier, each other agency gets its row and its own deadline, and closes it when done', () => {
    const decision = decide(DOSSIER_IN.processing, { type: 'transfer', stepId: 'appraisal', parallelWith: [{ stepId: 'approval' }] }, actor('handler'), NOW, ROUTED);
    if (!decision.ok) throw new Error(decision.error.reason);
    expect(decision.dossier.currentStep?.agencyId).toBe(OFFICE);
    expect(decision.effects.handoffs.map((h) => h.kind === 'open' && [h.row.n, h.row.toAgencyId, h.row.dueAt])).toEqual([
      [1, OFFICE, vnTime('2026-07-22T09:40')],
      [2, DEPARTMENT, vnTime('2026-07-17T09:40')],
    ]);
    const task = decision.dossier.opinions.find((o) => o.agencyId === DEPARTMENT);
    expect(task).toMatchObject({ handoffN: 2, dueAt: vnTime('2026-07-17T09:40'), question: 'Phê duyệt' });

    // The department answers on Monday 20/07, after its Friday deadline: its row closes late.
    const acknowledged: Dossier = { ...decision.dossier, currentStep: { ...decision.dossier.currentStep!, acknowledgedAt: NOW, acknowledgedBy: 'receptionist-office' } };
    const done = decide(acknowledged, { type: 'provideOpinion', answer: 'Đồng ý' }, actor('handler', DEPARTMENT), vnTime('2026-07-20T09:00'), { ...ROUTED, handoffCount: 2 });
    if (!done.ok) throw new Error(done.error.reason);
    expect(done.effects.handoffs).toEqual([{ kind: 'close', n: 2, completedAt: vnTime('2026-07-20T09:00'), result: 'late' }]);
  });

  it('an agency appears once in a parallel transfer', () => {
    const decision = decide(DOSSIER_IN.processing, { type: 'transfer', stepId: 'appraisal', parallelWith: [{ agencyId: OFFICE }] }, actor('handler'), NOW, ROUTED);
    expect(!decision.ok && decision.error.rule).toBe('parallelAgencyRepeated');
  });
});
