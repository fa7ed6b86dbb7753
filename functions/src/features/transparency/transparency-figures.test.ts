import { describe, expect, it } from 'vitest';
import { aggregateAgencyEvaluation, evaluateDossier, type DossierIndices } from '../../domain/index.js';
import { indexIncrements, isEvaluatedOn } from '../../domain/index.js';
import { buildReport, resolveRange, StatsDoc, TransparencyQuery } from './transparency-figures.js';

const now = new Date('2026-11-30T18:00:00Z'); // 1 December 2026, 01:00 in Vietnam

describe('resolveRange', () => {
  const range = (q: object) => resolveRange(TransparencyQuery.parse(q), now);
  it('defaults to the last 6 months up to the current Vietnam month', () => {
    expect(range({})).toEqual({ ok: true, range: { from: '2026-07', to: '2026-12', months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] } });
  });
  it('crosses years; one month; up to 24', () => {
    const r = range({ from: '2025-11', to: '2026-02' });
    expect(r.ok && r.range.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(range({ from: '2026-03', to: '2026-03' }).ok).toBe(true);
    expect(range({ from: '2024-12', to: '2026-11' }).ok).toBe(true);
    expect(range({ to: '2026-02' })).toMatchObject({ range: { from: '2025-09' } });
    expect(range({ from: '2026-10' })).toMatchObject({ range: { from: '2026-10', to: '2026-12' } });
  });
  it('refuses a reversed range or more than 24 months', () => {
    expect(range({ from: '2026-05', to: '2026-04' })).toMatchObject({ ok: false, path: 'from' });
    expect(range({ from: '2024-11', to: '2026-11' })).toMatchObject({ ok: false, path: 'from' });
  });
  it.each([{ from: '2026-13' }, { from: '2026-7' }, { to: 'x' }, { month: '2026-01' }])('the query %o is refused', (q) => {
    expect(TransparencyQuery.safeParse(q).success).toBe(false);
  });
});

describe('index increments', () => {
  it('finished after reception only; refusals and withdrawals before reception are not scored', () => {
    const at = new Date('2026-07-10T03:00:00Z');
    expect(isEvaluatedOn('returnResult', new Date('2026-07-01T03:00:00Z'), at)).toBe(true);
    expect(isEvaluatedOn('stop', new Date('2026-07-01T03:00:00Z'), at)).toBe(true);
    expect(isEvaluatedOn('withdraw', undefined, at)).toBe(false);
    expect(isEvaluatedOn('refuseAtReception', undefined, at)).toBe(false);
    expect(isEvaluatedOn('resolve', new Date('2026-07-01T03:00:00Z'), at)).toBe(false);
  });
  it('adds a sum and a count per scored index, nothing for unscored ones', () => {
    expect(indexIncrements({ index1: 2, index2: 1, index3: 0, index4: 2, index7: 2 })).toEqual({
      indexSums: { index1: 2, index2: 1, index3: 0, index4: 2, index7: 2 },
      indexCounts: { index1: 1, index2: 1, index3: 1, index4: 1, index7: 1 },
    });
    expect(indexIncrements(evaluateDossier([]))).toEqual({ indexSums: { index3: 2, index4: 2 }, indexCounts: { index3: 1, index4: 1 } });
  });
});

describe('buildReport', () => {
  const range = { from: '2026-07', to: '2026-08', months: ['2026-07', '2026-08'] };
  const scored: DossierIndices[] = [
    { index1: 2, index2: 2, index3: 2, index4: 2, index7: 2 },
    { index1: 2, index2: 2, index3: 1, index4: 2, index7: 2 },
    { index1: 1, index2: 1, index3: 0, index4: 2, index7: 1 },
  ];
  const sums = scored.map(indexIncrements).reduce(
    (acc, inc) => {
      for (const [k, v] of Object.entries(inc.indexSums)) acc.indexSums[k] = (acc.indexSums[k] ?? 0) + v;
      for (const [k, v] of Object.entries(inc.indexCounts)) acc.indexCounts[k] = (acc.indexCounts[k] ?? 0) + v;
      return acc;
    },
    { indexSums: {} as Record<string, number>, indexCounts: {} as Record<string, number> },
  );
  const docs = [
    // Two procedure fields of one agency in July: summed.
    StatsDoc.parse({ agencyId: 'A', month: '2026-07', received: 3, resolvedEarly: 2, returned: 2, ...sums }),
    StatsDoc.parse({ agencyId: 'A', month: '2026-07', received: 1, resolvedOnTime: 1, resolvedLate: 1, rated: 2, satisfaction: { satisfied: 1, dissatisfied: 1 }, attitudeComplaints: 1 }),
    StatsDoc.parse({ agencyId: 'B', month: '2026-08', received: 2, inProgress: 2, updatedAt: 'x' }),
    StatsDoc.parse({ agencyId: 'B', month: '2026-09', received: 99 }), // outside the range
    StatsDoc.parse({ agencyId: 'C', month: '2026-08', received: 'lots', satisfaction: 'x' }), // malformed counters count as 0
  ];
  const report = buildReport(docs, range, new Map([['A', { vi: 'Cơ quan A', en: 'Agency A' }]]));

  it('sums per agency and month, every month listed, on-time rate of early + on time over resolved', () => {
    const a = report.agencies.find((x) => x.agencyId === 'A')!;
    expect(a.name).toEqual({ vi: 'Cơ quan A', en: 'Agency A' });
    expect(a.months.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
    expect(a.months[0]).toMatchObject({ received: 4, resolved: 4, resolvedOnTime: 3, resolvedEarly: 2, resolvedLate: 1, onTimeRate: 0.75, returned: 2 });
    expect(a.months[0]!.ratings).toEqual({ verySatisfied: 0, satisfied: 1, neutral: 0, dissatisfied: 1, veryDissatisfied: 0, total: 2, attitudeComplaints: 1 });
    expect(a.months[1]).toMatchObject({ received: 0, resolved: 0, onTimeRate: null });
    expect(a.months[1]!.indices.index1).toBeNull();
    expect(a.total.received).toBe(4);
  });

  it('index averages equal the domain aggregation; 5, 6, 8, 9 are null', () => {
    const a = report.agencies.find((x) => x.agencyId === 'A')!;
    const domain = aggregateAgencyEvaluation(scored).averages;
    expect(a.months[0]!.indices).toEqual({ ...domain, index5: null, index6: null, index8: null, index9: null });
    expect(a.months[0]!.indices.index3).toBe(1); // (2 + 1 + 0) / 3
    expect(a.months[0]!.evaluatedDossiers).toBe(3);
  });

  it('province totals add every agency; agencies without a name are listed with null', () => {
    expect(report.agencies.map((x) => x.agencyId)).toEqual(['A', 'B', 'C']);
    expect(report.agencies.find((x) => x.agencyId === 'B')!.name).toBeNull();
    expect(report.province.months.map((m) => m.received)).toEqual([4, 2]);
    expect(report.province.total).toMatchObject({ received: 6, resolved: 4, onTimeRate: 0.75 });
    expect(JSON.stringify(report)).not.toContain('99');
  });
});
