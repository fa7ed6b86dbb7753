import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../time/index.js';
import { Agency } from './agency.js';
import { checkPlacement, planMerger, previousDate } from './organisation.js';

const base = { level: 'commune' as const, effectiveFrom: '2025-07-01', hasOneStopDesk: true, workingHours: DEFAULT_WORKING_HOURS, officers: [] };
const PROVINCE: Agency = { ...base, id: '000.00.00.H99', name: { vi: 'UBND tỉnh', en: 'Province' }, level: 'province', kind: 'peoplesCommittee', hasOneStopDesk: false };
const CENTRE: Agency = { ...base, id: '000.00.01.H99', name: { vi: 'Trung tâm tỉnh', en: 'Centre' }, level: 'province', kind: 'provinceCentre', parentId: PROVINCE.id };
const A: Agency = { ...base, id: '000.21.02.H99', name: { vi: 'Xã A', en: 'A' }, kind: 'communeCentre', parentId: PROVINCE.id };
const B: Agency = { ...base, id: '000.21.03.H99', name: { vi: 'Xã B', en: 'B' }, kind: 'communeCentre', parentId: PROVINCE.id };
const POINT_OF_B: Agency = { ...base, id: '001.21.03.H99', name: { vi: 'Điểm tiếp nhận thôn 1', en: 'Point 1' }, kind: 'receptionPoint', parentId: B.id };
const all = (...agencies: Agency[]) => new Map(agencies.map((a) => [a.id, a]));
const ORG = all(PROVINCE, CENTRE, A, B, POINT_OF_B);

describe('Agency kinds', () => {
  it('accepts each kind at its levels and a centre only with a desk', () => {
    expect(Agency.safeParse(A).success).toBe(true);
    expect(Agency.safeParse({ ...A, kind: 'department' }).success).toBe(false);
    expect(Agency.safeParse({ ...CENTRE, hasOneStopDesk: false }).success).toBe(false);
    expect(Agency.safeParse({ ...A, kind: undefined }).success).toBe(true); // entered before kinds existed
  });
});

describe('checkPlacement', () => {
  it('accepts a well-placed agency', () => {
    expect(checkPlacement(POINT_OF_B, ORG)).toEqual([]);
  });
  it.each([
    ['a missing parent', { ...A, parentId: '000.99.00.H99' }],
    ['a parent chain looping back', { ...PROVINCE, parentId: A.id }],
    ['a reception point outside a centre', { ...POINT_OF_B, parentId: PROVINCE.id }],
    ['a parent that had ceased', { ...POINT_OF_B, effectiveFrom: '2026-01-01' }],
  ])('refuses %s', (_label, agency) => {
    const org = new Map(ORG);
    if (agency.id === POINT_OF_B.id && agency.effectiveFrom === '2026-01-01') org.set(B.id, { ...B, effectiveTo: '2025-12-31', successorId: A.id });
    org.set(agency.id, agency);
    expect(checkPlacement(agency, org).map((p) => p.path)).toContain('parentId');
  });
});

describe('planMerger', () => {
  it('closes the merged agency the day before, points it to its successor and moves what hung under it', () => {
    const plan = planMerger({ agency: B, successor: A, all: ORG, effectiveOn: '2026-12-01', today: '2026-12-03' });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.closed).toEqual({ ...B, effectiveTo: '2026-11-30', successorId: A.id });
    expect(plan.reparented).toEqual([{ ...POINT_OF_B, parentId: A.id }]);
    expect(Agency.safeParse(plan.closed).success).toBe(true);
  });

  it.each([
    ['into itself', { agency: A, successor: A }, 'successorId'],
    ['an agency already merged', { agency: { ...B, effectiveTo: '2026-06-30', successorId: CENTRE.id } }, 'agencyId'],
    ['into a successor that ceased', { successor: { ...A, effectiveTo: '2026-06-30', successorId: CENTRE.id } }, 'successorId'],
    ['ahead of its day', { effectiveOn: '2026-12-04' }, 'effectiveOn'],
    ['on the day the agency began', { effectiveOn: '2025-07-01' }, 'effectiveOn'],
    ['into an agency that sits under it', { agency: B, successor: POINT_OF_B }, 'successorId'],
  ])('refuses a merger %s', (_label, patch, path) => {
    const plan = planMerger({ agency: B, successor: A, all: ORG, effectiveOn: '2026-12-01', today: '2026-12-03', ...patch });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems.map((p) => p.path)).toContain(path);
  });

  it('counts the day before across a year and a leap day', () => {
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
    expect(previousDate('2028-03-01')).toBe('2028-02-29');
  });
});
