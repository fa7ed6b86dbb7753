import { describe, expect, it } from 'vitest';
import { isOpenOn, receivingAgenciesFor } from '../domain/index.js';
import { StoredAgency, toAgencyPublic } from './agencies.js';

const base = {
  id: '000.00.01.H99',
  name: { vi: 'Trung tâm', en: 'Centre' },
  level: 'province',
  effectiveFrom: '2025-07-01',
  hasOneStopDesk: true,
  officers: [{ fullName: 'Nguyễn Thị Hồng', title: 'Chuyên viên', field: 'Đất đai', phone: '+842983800002' }],
};

describe('toAgencyPublic', () => {
  it('publishes the directory entries and nothing that is not on the list', () => {
    const stored = StoredAgency.parse({
      ...base,
      secretNote: 'nội bộ',
      officers: [{ ...base.officers[0], uid: 'demo-receptionist', email: 'a@b.vn' }],
    });
    const view = toAgencyPublic(stored);
    const text = JSON.stringify(view);
    for (const hidden of ['secretNote', 'nội bộ', 'demo-receptionist', 'a@b.vn']) expect(text).not.toContain(hidden);
    expect(view.officers).toEqual(base.officers);
    expect(Object.keys(view).sort()).toEqual(['effectiveFrom', 'hasOneStopDesk', 'id', 'level', 'name', 'officers']);
  });
});

describe('receivingAgenciesFor', () => {
  const now = new Date('2026-07-15T03:00:00Z');
  const agencies = [
    toAgencyPublic(StoredAgency.parse(base)),
    toAgencyPublic(StoredAgency.parse({ ...base, id: '000.00.10.H99', hasOneStopDesk: false })),
    toAgencyPublic(StoredAgency.parse({ ...base, id: '000.21.02.H99', level: 'commune' })),
    toAgencyPublic(StoredAgency.parse({ ...base, id: '000.30.00.H99', level: 'district', effectiveFrom: '2018-01-01', effectiveTo: '2025-06-30' })),
  ];
  it('keeps open agencies with a desk at a competent level', () => {
    expect(receivingAgenciesFor(agencies, ['province'], now).map((a) => a.id)).toEqual(['000.00.01.H99']);
    expect(receivingAgenciesFor(agencies, ['commune', 'district'], now).map((a) => a.id)).toEqual(['000.21.02.H99']);
    expect(receivingAgenciesFor(agencies, ['district'], new Date('2025-06-30T16:00:00Z')).map((a) => a.id)).toEqual(['000.30.00.H99']);
  });
  it('judges opening dates by the Vietnam date', () => {
    // 2025-06-30T17:00Z is 1 July 00:00 in Vietnam.
    expect(isOpenOn({ effectiveFrom: '2025-07-01' }, new Date('2025-06-30T16:59:59Z'))).toBe(false);
    expect(isOpenOn({ effectiveFrom: '2025-07-01' }, new Date('2025-06-30T17:00:00Z'))).toBe(true);
    expect(isOpenOn({ effectiveTo: '2025-06-30' }, new Date('2025-06-30T17:00:00Z'))).toBe(false);
  });
});
