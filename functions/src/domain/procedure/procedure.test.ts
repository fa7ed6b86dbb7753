import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../shared/field-errors.js';
import { Procedure, findProcedureVersionOn, procedureVersionId, totalFeeVnd } from './procedure.js';

const base = {
  code: '1.001193',
  version: 1,
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  field: 'civilStatus',
  competentLevels: ['commune'],
  ruleSet: 'nd118-2025',
  effectiveFrom: '2025-07-01',
  legalDuration: { value: 1, unit: 'workingDays' },
  fees: [],
  components: [
    {
      id: 'declaration',
      name: { vi: 'Tờ khai', en: 'Declaration' },
      originals: 1,
      certifiedCopies: 0,
      copies: 0,
      mandatory: true,
    },
  ],
  onlineLevel: 'full',
  steps: [
    {
      id: 'reception',
      role: 'reception',
      performer: { kind: 'receiving' },
      description: { vi: 'Tiếp nhận', en: 'Reception' },
      budget: { value: 0.5, unit: 'workingDays' },
    },
    {
      id: 'handling',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: { vi: 'Thụ lý', en: 'Handling' },
      budget: { value: 0.5, unit: 'workingDays' },
    },
  ],
  legalBasis: ['Luật Hộ tịch năm 2014'],
};

describe('Procedure', () => {
  it('defaults the supplement clock policy to restart (Decree 61/2018 Art. 19(4))', () => {
    expect(Procedure.parse(base).supplementClockPolicy).toBe('restart');
    expect(Procedure.parse({ ...base, supplementClockPolicy: 'pause' }).supplementClockPolicy).toBe('pause');
  });

  it.each([
    ['a malformed code', { code: '1004227' }, 'code'],
    ['step budgets beyond the legal time', { legalDuration: { value: 0.5, unit: 'workingDays' } }, 'steps'],
    ['a district level under the 2025 rule set', { competentLevels: ['district'] }, 'competentLevels'],
    ['a 2025 rule set before it existed', { effectiveFrom: '2025-06-30' }, 'effectiveFrom'],
    ['duplicate component ids', { components: [base.components[0], base.components[0]] }, 'components'],
    [
      'a component with no copies at all',
      { components: [{ ...base.components[0], originals: 0 }] },
      'components.0.originals',
    ],
    ['an unknown field', { field: 'astrology' }, 'field'],
    ['a negative fee', { fees: [{ amountVnd: -1, description: { vi: 'x', en: 'x' } }] }, 'fees.0.amountVnd'],
    [
      'a fee in fractions of a đồng',
      { fees: [{ amountVnd: 1.5, description: { vi: 'x', en: 'x' } }] },
      'fees.0.amountVnd',
    ],
    ['an end before the start', { effectiveTo: '2025-01-01' }, 'effectiveTo'],
  ])('refuses %s', (_label, patch, path) => {
    const result = Procedure.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldErrors(result.error).map((e) => e.path)).toContain(path);
  });

  it('accepts mixed step units (checked later by the deadline engine)', () => {
    const steps = [{ ...base.steps[0], budget: { value: 2, unit: 'workingHours' } }, base.steps[1]];
    expect(Procedure.safeParse({ ...base, steps }).success).toBe(true);
  });

  it('finds the version in force on a date', () => {
    const v1 = Procedure.parse({
      ...base,
      ruleSet: 'nd61-2018',
      competentLevels: ['district'],
      effectiveFrom: '2021-01-01',
      effectiveTo: '2025-06-30',
    });
    const v2 = Procedure.parse({ ...base, version: 2 });
    expect(findProcedureVersionOn([v1, v2], '2024-12-31')?.version).toBe(1);
    expect(findProcedureVersionOn([v1, v2], '2025-07-01')?.version).toBe(2);
    expect(findProcedureVersionOn([v1, v2], '2020-01-01')).toBeUndefined();
    expect(procedureVersionId(v2.code, v2.version)).toBe('1.001193@v2');
  });

  it('totals fees', () => {
    expect(
      totalFeeVnd({
        fees: [
          { amountVnd: 50_000, description: { vi: 'a', en: 'a' } },
          { amountVnd: 100_000, description: { vi: 'b', en: 'b' } },
        ],
      }),
    ).toBe(150_000);
  });
});
