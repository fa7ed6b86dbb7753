import { describe, expect, it } from 'vitest';
import type { Dossier } from '../dossier/dossier.js';
import type { DossierEvent } from '../lifecycle/event.js';
import type { DossierActionInput } from '../lifecycle/actions.js';
import type { Actor } from '../lifecycle/actor.js';
import { applyAction } from '../lifecycle/apply.js';
import { CALENDAR, DESK, DOSSIER_IN, OFFICE, DEPARTMENT, actor, validPayload, vnTime } from '../../../../test/fixtures/lifecycle.js';
import { EVALUATION_CLASS_LABELS, aggregateAgencyEvaluation, classifyEvaluationTotal } from './aggregate.js';
import {
  evaluateDossier,
  scoreFeedbackHandlingIndex,
  scorePublicationIndex,
  type DossierIndices,
} from './indices.js';
import { Rating, RatingSubmission, SATISFACTION_SCALE } from './rating.js';

type Step = [at: string, action: DossierActionInput, who: Actor];

/** Runs actions from a registered dossier and returns the events, as the service would store them. */
/** Circular 01/2018's indices evaluate dossiers handled under Decree 61/2018: replay under that rule set. */
function history(steps: Step[]): DossierEvent[] {
  let dossier: Dossier = { ...DOSSIER_IN.registered, ruleSet: 'nd61-2018' };
  const events: DossierEvent[] = [];
  for (const [at, action, who] of steps) {
    const result = applyAction(dossier, action, who, vnTime(at), { calendar: CALENDAR });
    if (!result.ok) throw new Error(result.error.message);
    dossier = result.dossier;
    events.push(result.event);
  }
  return events;
}

// Due Friday 24/07/2026 16:10.
const receive: Step = ['2026-07-14T09:00', validPayload('receive'), actor('receptionist')];
const assign: Step = ['2026-07-14T10:00', validPayload('assign'), actor('lead')];
const resolveAt = (at: string, who: Actor = actor('handler')): Step => [at, validPayload('resolve'), who];

const rating = (verification: Rating['complaintVerification']): Rating => ({
  dossierId: 'dossier-1',
  agencyId: DESK,
  channel: 'online',
  ratedAt: vnTime('2026-07-25T09:00'),
  satisfaction: verification === 'none' ? 'verySatisfied' : 'dissatisfied',
  officerAttitudeComplaint: verification !== 'none',
  complaintVerification: verification,
});

describe('index 1 (total time) and index 7 (attitude)', () => {
  it.each([
    ['early', '2026-07-23T15:00', 2],
    ['on the due date', '2026-07-24T16:50', 1],
    ['late', '2026-07-27T08:00', 0],
  ])('resolved %s → %i', (_label, at, score) => {
    const indices = evaluateDossier(history([receive, assign, resolveAt(at)]));
    expect(indices.index1).toBe(score);
    expect(indices.index7).toBe(score);
  });

  it('a verified complaint gives index 7 = 0; a pending or dismissed one does not', () => {
    const events = history([receive, assign, resolveAt('2026-07-20T10:00')]);
    expect(evaluateDossier(events, rating('verified')).index7).toBe(0);
    expect(evaluateDossier(events, rating('pending')).index7).toBe(2);
    expect(evaluateDossier(events, rating('dismissed')).index7).toBe(2);
  });

  it('an extension does not make a late dossier on time', () => {
    const extend: Step = ['2026-07-20T10:00', validPayload('extend'), actor('lead')];
    expect(evaluateDossier(history([receive, assign, extend, resolveAt('2026-07-28T10:00')])).index1).toBe(0);
  });

  it('not resolved yet → undefined', () => {
    const indices = evaluateDossier(history([receive, assign]));
    expect(indices.index1).toBeUndefined();
    expect(indices.index2).toBeUndefined();
    expect(indices.index7).toBeUndefined();
  });
});

describe('index 2 (each agency vs its allotted time): the worst step counts', () => {
  const transfer = (at: string, to: string, due: string, who: Actor): Step => [
    at,
    { type: 'transfer', toAgencyId: to, task: 'Thẩm định', dueAt: vnTime(due) },
    who,
  ];
  const ack = (at: string, agency: string): Step => [
    at,
    { type: 'acknowledgeTransfer' },
    actor('handler', agency),
  ];

  it.each([
    ['both agencies early', '2026-07-16T10:00', '2026-07-20T10:00', 2],
    ['the office on its due date', '2026-07-17T16:00', '2026-07-20T10:00', 1],
    ['the department late on its step, dossier still early', '2026-07-16T10:00', '2026-07-22T10:00', 0],
  ])('%s → %i', (_label, handover, resolved, score) => {
    const events = history([
      receive,
      transfer('2026-07-14T10:00', OFFICE, '2026-07-17T17:00', actor('receptionist')),
      ack('2026-07-14T11:00', OFFICE),
      transfer(handover, DEPARTMENT, '2026-07-21T17:00', actor('handler', OFFICE)),
      ack(handover.replace(/T\d\d/, 'T16').replace(':00', ':30'), DEPARTMENT),
      resolveAt(resolved, actor('lead', DEPARTMENT)),
    ]);
    expect(evaluateDossier(events).index2).toBe(score);
  });

  it('without sub-deadlines, index 2 equals index 1', () => {
    const indices = evaluateDossier(history([receive, assign, resolveAt('2026-07-24T10:00')]));
    expect(indices.index2).toBe(indices.index1);
  });
});

describe('index 3 (contacts) and index 4 (agencies dealt with)', () => {
  it.each([
    [0, 2],
    [1, 1],
    [2, 0],
  ])('%i supplement round(s) → %i', (rounds, score) => {
    const steps: Step[] = [];
    for (let i = 0; i < rounds; i++) {
      const overrideReason = i > 0 ? { overrideReason: 'Lần bổ sung trước chưa đủ' } : {};
      steps.push([
        '2026-07-14T08:10',
        { ...(validPayload('requestSupplement') as object), ...overrideReason } as DossierActionInput,
        actor('lead'),
      ]);
      steps.push(['2026-07-14T08:20', { type: 'submitSupplement' }, actor('citizen')]);
    }
    expect(evaluateDossier(history([...steps, receive])).index3).toBe(score);
  });

  it('only the desk → 2; one more agency dealing with the applicant → 1; two → 0', () => {
    const base = [
      receive,
      [
        '2026-07-14T10:00',
        { type: 'transfer', toAgencyId: OFFICE, task: 'Xử lý' },
        actor('receptionist'),
      ] as Step,
      ['2026-07-14T11:00', { type: 'acknowledgeTransfer' }, actor('handler', OFFICE)] as Step,
    ];
    expect(evaluateDossier(history(base)).index4).toBe(2);
    const officeAsksPayment: Step = [
      '2026-07-15T10:00',
      validPayload('requestPayment'),
      actor('handler', OFFICE),
    ];
    const paid: Step = ['2026-07-16T10:00', validPayload('confirmPayment'), actor('system')];
    expect(evaluateDossier(history([...base, officeAsksPayment, paid])).index4).toBe(1);
    const toDepartment: Step = [
      '2026-07-16T11:00',
      { type: 'transfer', toAgencyId: DEPARTMENT, task: 'Phê duyệt' },
      actor('handler', OFFICE),
    ];
    const departmentAck: Step = [
      '2026-07-16T12:00',
      { type: 'acknowledgeTransfer' },
      actor('lead', DEPARTMENT),
    ];
    const departmentSupplement: Step = [
      '2026-07-16T14:00',
      validPayload('requestSupplement'),
      actor('lead', DEPARTMENT),
    ];
    expect(
      evaluateDossier(
        history([...base, officeAsksPayment, paid, toDepartment, departmentAck, departmentSupplement]),
      ).index4,
    ).toBe(0);
  });
});

describe('agency-level indices', () => {
  it.each([
    [true, true, 2],
    [true, false, 1],
    [false, true, 1],
    [false, false, 0],
  ])('index 6: posted %s, online %s → %i', (postedAtDesk, publishedOnline, score) => {
    expect(scorePublicationIndex({ postedAtDesk, publishedOnline })).toBe(score);
  });

  it.each([
    [10, 10, 2],
    [0, 0, 2],
    [9, 10, 1],
    [89, 100, 0],
    [90, 100, 1],
    [99, 100, 1],
  ])('index 8: %i of %i on time → %i', (onTime, total, score) => {
    expect(scoreFeedbackHandlingIndex(onTime, total)).toBe(score);
  });
});

describe('classification of an agency total (out of 18)', () => {
  it.each([
    [18, 'excellent'],
    [15, 'excellent'],
    [14.9, 'good'],
    [12, 'good'],
    [11.9, 'fair'],
    [9, 'fair'],
    [8.9, 'average'],
    [6, 'average'],
    [5.9, 'weak'],
    [0, 'weak'],
  ] as const)('%d → %s', (total, cls) => {
    expect(classifyEvaluationTotal(total)).toBe(cls);
    expect(EVALUATION_CLASS_LABELS[cls].vi.length).toBeGreaterThan(0);
  });
});

describe('aggregation per agency', () => {
  const d = (index1: 0 | 1 | 2, index3: 0 | 1 | 2 = 2): DossierIndices => ({
    index1,
    index2: index1,
    index3,
    index4: 2,
    index7: index1,
  });

  it('averages to one decimal, half up, computed exactly', () => {
    // 29 points over 20 dossiers = 1.45 → 1.5 (floating point would give 1.4).
    const dossiers = [...Array.from({ length: 9 }, () => d(2)), ...Array.from({ length: 11 }, () => d(1))];
    expect(aggregateAgencyEvaluation(dossiers).averages.index1).toBe(1.5);
    // 2 / 3 = 0.666… → 0.7; 1 / 3 → 0.3.
    expect(aggregateAgencyEvaluation([d(2), d(0), d(0)]).averages.index1).toBe(0.7);
    expect(aggregateAgencyEvaluation([d(1), d(0), d(0)]).averages.index1).toBe(0.3);
  });

  it('adds the agency-level indices and classifies the total', () => {
    const result = aggregateAgencyEvaluation([d(2), d(2), d(1, 1)], {
      index5: 2,
      index6: 1,
      index8: 1,
      index9: 1.5,
    });
    expect(result.averages).toEqual({ index1: 1.7, index2: 1.7, index3: 1.7, index4: 2, index7: 1.7 });
    expect(result.total).toBe(14.3);
    expect(result.classification).toBe('good');
  });

  it('ignores unresolved dossiers per index; no total without agency-level indices', () => {
    const open: DossierIndices = {
      index1: undefined,
      index2: undefined,
      index3: 2,
      index4: 2,
      index7: undefined,
    };
    const result = aggregateAgencyEvaluation([d(2), open]);
    expect(result.dossierCount).toBe(2);
    expect(result.averages.index1).toBe(2);
    expect(result.averages.index3).toBe(2);
    expect(result.total).toBeUndefined();
    expect(result.classification).toBeUndefined();
    expect(aggregateAgencyEvaluation([]).averages.index1).toBeUndefined();
  });
});

describe('ratings', () => {
  it('has the five levels in order, in both languages', () => {
    expect(Object.values(SATISFACTION_SCALE).map((l) => l.vi)).toEqual([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
      'Rất không hài lòng',
    ]);
  });

  it('a submission is strict and carries no identity of the rater', () => {
    expect(
      RatingSubmission.safeParse({ satisfaction: 'satisfied', officerAttitudeComplaint: false }).success,
    ).toBe(true);
    expect(
      RatingSubmission.safeParse({ satisfaction: 'satisfied', officerAttitudeComplaint: false, userId: 'u1' })
        .success,
    ).toBe(false);
    expect(
      RatingSubmission.safeParse({ satisfaction: 'great', officerAttitudeComplaint: false }).success,
    ).toBe(false);
  });

  it('verification state matches whether a complaint was made', () => {
    expect(Rating.safeParse(rating('verified')).success).toBe(true);
    expect(Rating.safeParse({ ...rating('none'), complaintVerification: 'pending' }).success).toBe(false);
  });
});
