import { describe, expect, it } from 'vitest';
import { resolveEvaluationSettings } from '../../domain/index.js';
import { addInto, breakdown, d766CountsOf, n, unitOf, withRanks, type Sums } from './dashboard-figures.js';
import { resolveDashboardRange } from './dashboard-range.js';
import { toCsv } from './export-tables.js';

const settings = resolveEvaluationSettings();

describe('sums of roll-up documents', () => {
  it('adds numeric leaves, nested maps included; metadata and malformed values count as nothing', () => {
    const s: Sums = {};
    addInto(s, { agencyId: 'A', period: '2026-07', received: 2, byField: { land: { received: 2 } }, feedback: { answered: 1 }, updatedAt: new Date() });
    addInto(s, { received: 3, byField: { land: { received: 'x' }, civilStatus: { received: 1 } }, rated: null });
    expect(s).toEqual({ received: 5, byField: { land: { received: 2 }, civilStatus: { received: 1 } }, feedback: { answered: 1 } });
    expect(n(s, 'byField', 'land', 'received')).toBe(2);
    expect(n(s, 'nothing', 'here')).toBe(0);
  });
  it('766 counts: procedures of the unit level, online ones used in the period', () => {
    const catalogue = { procedures: [
      { code: '1.000001', online: true, levels: ['province'] },
      { code: '1.000002', online: true, levels: ['commune'] },
      { code: '1.000003', online: false, levels: ['province', 'commune'] },
    ] };
    const s: Sums = { byProcedure: { '1.000001': { receivedOnline: 1 } }, finishedOnTime: 3, finishedLate: 1 };
    expect(d766CountsOf(s, catalogue, 'province')).toMatchObject({ procedures: 2, proceduresOnline: 1, proceduresOnlineUsed: 1, finished: 4, finishedOnTime: 3 });
    expect(d766CountsOf(s, catalogue, null)).toMatchObject({ procedures: 3, proceduresOnline: 2, proceduresOnlineUsed: 1 });
  });
  it('a unit: per period, totals, backlog and ranks', () => {
    const mk = (agencyId: string, onTime: number, late: number) =>
      unitOf({ agencyId, name: null, level: 'province', perPeriod: new Map([['2026-07', { received: 5, finishedOnTime: onTime, finishedLate: late }]]), live: { inProgress: 4, feedbackOpen: 1 }, backlog: { overdue: 2 } }, ['2026-06', '2026-07'], { procedures: [] }, settings);
    const [a, b] = withRanks([mk('A', 3, 1), mk('B', 4, 0)]);
    expect(a!.periods.map((p) => p.period)).toEqual(['2026-06', '2026-07']);
    expect(a!.periods[0]!.onTimeRate).toBeNull();
    expect(a!.total).toMatchObject({ received: 5, finished: 4, onTimeRate: 0.75 });
    expect(a!.backlog).toEqual({ overdue: 2, dueSoon: 0, inProgress: 4, feedbackOpen: 1, feedbackUnpublished: 0, feedbackOverdue: 0 });
    expect([a!.d766.rank, b!.d766.rank]).toEqual([2, 1]);
  });
  it('breakdown rows join the period figures and the backlog now', () => {
    const rows = breakdown({ byField: { land: { received: 2, finishedOnTime: 1, finishedLate: 1 } } }, { byField: { civilStatus: { overdue: 1 } } }, 'byField', new Map([['land', { vi: 'Đất đai', en: 'Land' }]]));
    expect(rows).toEqual([
      { key: 'civilStatus', label: null, received: 0, finishedOnTime: 0, finishedLate: 0, onTimeRate: null, overdue: 1, dueSoon: 0 },
      { key: 'land', label: { vi: 'Đất đai', en: 'Land' }, received: 2, finishedOnTime: 1, finishedLate: 1, onTimeRate: 0.5, overdue: 0, dueSoon: 0 },
    ]);
  });
});

describe('dashboard range', () => {
  const now = new Date('2026-12-03T03:00:00Z');
  it('defaults to 6 months or 8 weeks ending now; refuses a period of the other kind or too long a range', () => {
    expect(resolveDashboardRange({ view: 'month' }, now)).toMatchObject({ ok: true, range: { from: '2026-07', to: '2026-12' } });
    const weeks = resolveDashboardRange({ view: 'week' }, now);
    expect(weeks.ok && weeks.range.periods).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(resolveDashboardRange({ view: 'week', from: '2026-07' }, now)).toMatchObject({ ok: false, path: 'from' });
    expect(resolveDashboardRange({ view: 'month', from: '2024-01', to: '2026-12' }, now)).toMatchObject({ ok: false, path: 'from' });
    expect(resolveDashboardRange({ view: 'week', from: '2026-W10', to: '2026-W49' }, now)).toMatchObject({ ok: false, path: 'from' });
  });
});

describe('CSV', () => {
  it('quotes, escapes, starts with a BOM and neutralises formulas', () => {
    const csv = toCsv({ title: { vi: 't', en: 't' }, columns: ['a', 'b'], rows: [['x,y', '=1+1'], ['say "hi"', 'Đất đai']] }).toString('utf8');
    expect(csv).toBe('\uFEFFa,b\r\n"x,y",\'=1+1\r\n"say ""hi""",Đất đai\r\n');
  });
});
