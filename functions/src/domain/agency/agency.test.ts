import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../time/index.js';
import { Agency, findAgencyInForce, isAgencyActiveOn } from './agency.js';
import { AgencyId, isAgencyId } from './agency-id.js';

const agency: Agency = {
  id: '000.21.02.H99',
  name: { vi: 'UBND xã An Phú', en: 'An Phú Commune' },
  level: 'commune',
  parentId: '000.00.00.H99',
  effectiveFrom: '2025-07-01',
  hasOneStopDesk: true,
  workingHours: DEFAULT_WORKING_HOURS,
  officers: [{ fullName: 'Trần Văn Bình', title: 'Công chức', field: 'Hộ tịch', phone: '0298 3821 021' }],
};

describe('agency identifiers (Circular 10/2016, Decision 20/2020)', () => {
  it.each(['000.00.00.H56', '000.00.01.H99', '000.21.02.H99', '123.45.67.G01', '000.00.00.A01'])(
    'accepts %s',
    (id) => {
      expect(isAgencyId(id)).toBe(true);
      expect(AgencyId.safeParse(id).success).toBe(true);
    },
  );

  it.each([
    '',
    'H56',
    '000.00.00.h56',
    '000.00.00.H5',
    '000.00.00.H567',
    '0000.00.00.H56',
    '000.0.00.H56',
    '000.00.00.HH6',
    '000_00_00_H56',
    '000.00.00.H56\n',
    'ＡＢＣ',
  ])('rejects %j', (id) => {
    expect(isAgencyId(id)).toBe(false);
  });
});

describe('Agency', () => {
  it('normalises the published officer phone', () => {
    expect(Agency.parse(agency).officers[0]?.phone).toBe('+842983821021');
  });

  it.each([
    ['an end before the start', { effectiveTo: '2025-06-30' }, 'effectiveTo'],
    ['a successor without an end date', { successorId: '000.21.01.H99' }, 'successorId'],
    ['itself as parent', { parentId: '000.21.02.H99' }, 'id'],
    ['a district level still open', { level: 'district' }, 'effectiveTo'],
    [
      'an unpublished-field officer entry',
      {
        officers: [
          { fullName: 'Trần Văn Bình', title: 'CC', field: 'HT', phone: '0298 3821 021', email: 'x@y.vn' },
        ],
      },
      'officers.0',
    ],
  ])('refuses %s', (_label, patch, path) => {
    const result = Agency.safeParse({ ...agency, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('keeps a district only as history ending by 30/06/2025', () => {
    expect(
      Agency.safeParse({
        ...agency,
        level: 'district',
        effectiveFrom: '2018-01-01',
        effectiveTo: '2025-06-30',
      }).success,
    ).toBe(true);
    expect(
      Agency.safeParse({
        ...agency,
        level: 'district',
        effectiveFrom: '2018-01-01',
        effectiveTo: '2025-07-01',
      }).success,
    ).toBe(false);
  });

  it('follows successor links to the agency in force', () => {
    const district: Agency = {
      ...agency,
      id: '000.20.00.H99',
      level: 'district',
      effectiveFrom: '2018-01-01',
      effectiveTo: '2025-06-30',
      successorId: agency.id,
    };
    const all = new Map([district, agency].map((a) => [a.id, a]));
    expect(isAgencyActiveOn(district, '2025-06-30')).toBe(true);
    expect(isAgencyActiveOn(district, '2025-07-01')).toBe(false);
    expect(findAgencyInForce(all, district.id, '2024-01-01')?.id).toBe(district.id);
    expect(findAgencyInForce(all, district.id, '2026-01-01')?.id).toBe(agency.id);
    expect(findAgencyInForce(all, district.id, '2017-01-01')).toBeUndefined();
    const loop = new Map([
      ['000.01.00.H99', { ...district, id: '000.01.00.H99', successorId: '000.02.00.H99' }],
      ['000.02.00.H99', { ...district, id: '000.02.00.H99', successorId: '000.01.00.H99' }],
    ]);
    expect(findAgencyInForce(loop, '000.01.00.H99', '2026-01-01')).toBeUndefined();
  });
});
