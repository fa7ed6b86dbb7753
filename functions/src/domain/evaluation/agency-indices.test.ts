import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../lifecycle/event.js';
import { circular01Report, classifyWith, handledAtDesk, scoreByRate, type Circular01Counts } from './agency-indices.js';
import { C01_DEFAULTS, EvaluationSettings, resolveEvaluationSettings } from './evaluation-settings.js';

const c01 = resolveEvaluationSettings().c01;
const DESK = '000.00.01.H99';

describe('Circular 01 agency-level indices', () => {
  it.each([
    [10, 10, 2],
    [9, 10, 1], // exactly 90 %: meets the 1-point threshold of index 8
    [8, 10, 0],
  ])('index 8 thresholds: %i of %i → %i', (n, d, score) => {
    expect(scoreByRate(n, d, C01_DEFAULTS.index8)).toBe(score);
  });
  it('no denominator, no score', () => {
    expect(scoreByRate(0, 0, C01_DEFAULTS.index5)).toBeUndefined();
  });

  it('index 5 for one dossier: received and returned by the desk, nobody else faced the applicant', () => {
    const ev = (type: string, agencyId: string): DossierEvent => ({ payload: { type }, actor: { role: 'receptionist', userId: 'u', agencyId } }) as unknown as DossierEvent;
    expect(handledAtDesk([ev('receive', DESK), ev('returnResult', DESK)], DESK, 2)).toBe(true);
    expect(handledAtDesk([ev('receive', DESK), ev('returnResult', '000.00.14.H99')], DESK, 2)).toBe(false);
    expect(handledAtDesk([ev('receive', DESK), ev('returnResult', DESK)], DESK, 1)).toBe(false);
    expect(handledAtDesk([ev('receive', DESK), ev('stop', DESK)], DESK, 2)).toBe(true);
  });

  // By hand: averages 1.5 + 1.4 + 1.7 + 2 + 1.2 (indices 1, 2, 3, 4, 7); index 5: 8 of 10 at the desk
  // (≥ 0.7 → 1); index 6: published online only → 1; index 8: 9 of 10 → 1; index 9: 3 of 12 online
  // (≥ 0.2 → 1). Total 7.8 + 4 = 11.8 → fair (9 ≤ 11.8 < 12).
  const counts: Circular01Counts = {
    indexSums: { index1: 15, index2: 14, index3: 17, index4: 20, index7: 12 },
    indexCounts: { index1: 10, index2: 10, index3: 10, index4: 10, index7: 10 },
    evaluated: 10,
    atDesk: 8,
    received: 12,
    receivedOnline: 3,
    feedbackAnswered: 10,
    feedbackAnsweredOnTime: 9,
  };
  it('scores all nine and classifies the total', () => {
    const r = circular01Report(counts, DESK, c01);
    expect(r.indices).toEqual({ index1: 1.5, index2: 1.4, index3: 1.7, index4: 2, index5: 1, index6: 1, index7: 1.2, index8: 1, index9: 1 });
    expect(r.total).toBe(11.8);
    expect(r.classification).toBe('fair');
  });
  it('a desk recorded as posting its procedures gets index 6 = 2; thresholds come from the settings', () => {
    const settings = resolveEvaluationSettings(
      EvaluationSettings.parse({ circular01: { postedAtDesk: [DESK], index9: { full: 0.25, half: 0.1 }, classThresholds: { excellent: 16, good: 13, fair: 10, average: 7 } } }),
    ).c01;
    const r = circular01Report(counts, DESK, settings);
    expect(r.indices.index6).toBe(2);
    expect(r.indices.index9).toBe(2);
    expect(r.total).toBe(13.8);
    expect(r.classification).toBe('good');
  });
  it('without finished or received dossiers there is no total, and it says why', () => {
    const r = circular01Report({ ...counts, indexSums: {}, indexCounts: {}, evaluated: 0, atDesk: 0, received: 0, receivedOnline: 0, feedbackAnswered: 0, feedbackAnsweredOnTime: 0 }, DESK, c01);
    expect(r.indices).toMatchObject({ index1: null, index5: null, index8: 2, index9: null });
    expect(r.total).toBeNull();
    expect(r.classification).toBeNull();
    expect(r.missing.index5?.en).toContain('no dossier');
  });
  it.each([
    [18, 'excellent'],
    [15, 'excellent'],
    [14.9, 'good'],
    [12, 'good'],
    [9, 'fair'],
    [6, 'average'],
    [5.9, 'weak'],
  ] as const)('class of %s with the default bounds: %s', (total, cls) => {
    expect(classifyWith(total, c01.classThresholds)).toBe(cls);
  });
});
