import { describe, expect, it } from 'vitest';
import { D766_GROUP_LABELS, D766_SUB_INDICATOR_INFO, D766_SUB_INDICATORS } from './d766-labels.js';
import { pointsFor, rank766, score766, type D766Counts } from './decision-766.js';
import { D766_DEFAULTS, EvaluationSettings, resolveEvaluationSettings } from './evaluation-settings.js';

const zero: D766Counts = {
  finished: 0,
  finishedOnTime: 0,
  timeUsedPermilleSum: 0,
  timeUsedCount: 0,
  received: 0,
  receivedOnline: 0,
  receivedDigitised: 0,
  returned: 0,
  returnedOnline: 0,
  rated: 0,
  ratedNegative: 0,
  verifiedComplaints: 0,
  feedbackAnswered: 0,
  feedbackAnsweredOnTime: 0,
  feedbackRated: 0,
  feedbackSatisfied: 0,
  procedures: 0,
  proceduresOnline: 0,
  proceduresOnlineUsed: 0,
};

// A month of one agency, computed by hand (default points and targets):
//  2.1  8 of 10 on time                 0.8   × 14          = 11.2
//  2.2  average used 1.2 of the allowed  1/1.2 × 6          =  5
//  3.1  6 of 10 procedures online        0.6 ÷ 0.8 × 4      =  3
//  3.2  3 of 6 online services used      0.5 × 4            =  2
//  3.3  12 of 20 filed online            0.6 ≥ 0.5 → full   =  4
//  4.1  5 of 10 results online           0.5 × 6            =  3
//  4.2  14 of 20 digitised               0.7 ÷ 0.8 × 4      =  3.5
//  5.2  3 of 4 answers on time           0.75 × 6           =  4.5
//  5.3  1 of 2 senders satisfied         0.5 × 6            =  3
//  5.4  1 − (2/10 late + 1/5 unhappy)    0.6 ÷ 0.9 × 6      =  4
//  total 43.2 of 60 available points (100 in all) = 72%
const month: D766Counts = {
  ...zero,
  finished: 10,
  finishedOnTime: 8,
  timeUsedPermilleSum: 12_000,
  timeUsedCount: 10,
  received: 20,
  receivedOnline: 12,
  receivedDigitised: 14,
  returned: 10,
  returnedOnline: 5,
  rated: 5,
  ratedNegative: 1,
  feedbackAnswered: 4,
  feedbackAnsweredOnTime: 3,
  feedbackRated: 2,
  feedbackSatisfied: 1,
  procedures: 10,
  proceduresOnline: 6,
  proceduresOnlineUsed: 3,
};

describe('Decision 766 scores', () => {
  const settings = resolveEvaluationSettings().d766;
  const result = score766(month, settings);
  const points = Object.fromEntries(result.subIndicators.map((s) => [s.id, s.kind === 'scored' ? s.points : null]));

  it('scores every sub-indicator it has data for, by hand', () => {
    expect(points).toMatchObject({ '2.1': 11.2, '2.2': 5, '3.1': 3, '3.2': 2, '3.3': 4, '4.1': 3, '4.2': 3.5, '5.2': 4.5, '5.3': 3, '5.4': 4 });
    expect(result).toMatchObject({ points: 43.2, availablePoints: 60, maxPoints: 100, percent: 0.72 });
  });

  it('shows what the product does not hold as no data with the reason, never zero or full points', () => {
    for (const id of ['1.1', '1.2', '1.3', '1.4', '3.5', '3.6', '4.3', '4.4', '4.5', '4.6'] as const) {
      const s = result.subIndicators.find((x) => x.id === id)!;
      expect(s.kind, id).toBe('noData');
      expect(s.kind === 'noData' && s.reason.vi.length > 0 && s.reason.en.length > 0).toBe(true);
    }
    expect(result.groups.find((g) => g.group === 'transparency')).toEqual({ group: 'transparency', points: 0, maxPoints: 18, availablePoints: 0 });
  });

  it('sums the groups: the legal totals 18 / 20 / 22 / 22 (12 + 10) / 18', () => {
    const max = Object.fromEntries(result.groups.map((g) => [g.group, g.maxPoints]));
    expect(max).toEqual({ transparency: 18, progress: 20, digitisation: 22, onlineServices: 12, onlinePayment: 10, satisfaction: 18 });
    expect(result.groups.find((g) => g.group === 'progress')).toMatchObject({ points: 16.2, availablePoints: 20 });
    expect(result.groups.find((g) => g.group === 'satisfaction')).toMatchObject({ points: 11.5, availablePoints: 18 });
  });

  it('an empty period is no data everywhere, not zero', () => {
    const empty = score766(zero, settings);
    expect(empty.subIndicators.every((s) => s.kind === 'noData')).toBe(true);
    expect(empty).toMatchObject({ points: 0, availablePoints: 0, percent: null });
  });

  it('reaching the target earns the full points; points follow the configured values', () => {
    expect(pointsFor(0.5, { points: 4, target: 0.5 })).toBe(4);
    expect(pointsFor(0.9, { points: 4, target: 0.5 })).toBe(4);
    expect(pointsFor(0.25, { points: 4, target: 0.5 })).toBe(2);
    const custom = resolveEvaluationSettings(EvaluationSettings.parse({ decision766: { subIndicators: { '2.1': { points: 10, target: 0.9 } } } }));
    const s = score766(month, custom.d766).subIndicators.find((x) => x.id === '2.1')!;
    expect(s).toMatchObject({ kind: 'scored', points: 8.89, maxPoints: 10, target: 0.9 });
    expect(custom.d766['2.2']).toEqual(D766_DEFAULTS['2.2']);
  });

  it('2.2 is full within the legal time; 5.4 counts verified complaints as unhappy', () => {
    const quick = score766({ ...month, timeUsedPermilleSum: 6_000 }, settings).subIndicators.find((x) => x.id === '2.2')!;
    expect(quick).toMatchObject({ kind: 'scored', rate: 1, points: 6 });
    // 1 − (0.2 + (1 + 1) / (5 + 1)) = 0.4667 → 0.4667 ÷ 0.9 × 6 = 3.11
    const complained = score766({ ...month, verifiedComplaints: 1 }, settings).subIndicators.find((x) => x.id === '5.4')!;
    expect(complained).toMatchObject({ kind: 'scored', rate: 0.4667, points: 3.11 });
  });

  it('refuses settings that are not a rate or a known sub-indicator', () => {
    expect(EvaluationSettings.safeParse({ decision766: { subIndicators: { '2.1': { points: 10, target: 0 } } } }).success).toBe(false);
    expect(EvaluationSettings.safeParse({ decision766: { subIndicators: { '9.9': { points: 1, target: 1 } } } }).success).toBe(false);
    expect(EvaluationSettings.safeParse({ circular01: { index5: { full: 0.5, half: 0.8 } } }).success).toBe(false);
    expect(EvaluationSettings.safeParse({ circular01: { classThresholds: { excellent: 12, good: 15, fair: 9, average: 6 } } }).success).toBe(false);
    expect(EvaluationSettings.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('ranks by share of the available points, ties share a rank, no data is unranked', () => {
    expect(rank766([{ percent: 0.72 }, { percent: 0.8 }, { percent: 0.72 }, { percent: null }, { percent: 0.5 }])).toEqual([2, 1, 2, null, 4]);
  });

  it('every sub-indicator has a group, label and formula in both languages', () => {
    for (const id of D766_SUB_INDICATORS) {
      const info = D766_SUB_INDICATOR_INFO[id];
      expect(D766_GROUP_LABELS[info.group].vi.length).toBeGreaterThan(0);
      expect(info.label.en.length * info.formula.vi.length).toBeGreaterThan(0);
    }
  });
});
