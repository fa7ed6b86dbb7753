import { describe, expect, it } from 'vitest';
import type { AgencyPublic } from '../../../functions/src/contract/index.js';
import { competentChoices, inOperation, needsCompetentChoice, otherDesks, receivesAnywhere } from './reception.js';

const agency = (id: string, level: AgencyPublic['level'], o: Partial<AgencyPublic> = {}): AgencyPublic => ({
  id,
  name: { vi: o.name?.vi ?? id, en: id },
  level,
  hasOneStopDesk: true,
  officers: [],
  ...o,
});

const CENTRE = agency('000.00.01.H99', 'province');
const LAND = agency('000.00.14.H99', 'province', { hasOneStopDesk: false });
const TAN_LAP = agency('000.21.03.H99', 'commune', { name: { vi: 'Ủy ban nhân dân xã Tân Lập', en: '' }, effectiveFrom: '2025-07-01' });
const AN_PHU = agency('000.21.02.H99', 'commune', { name: { vi: 'Ủy ban nhân dân xã An Phú', en: '' }, effectiveFrom: '2025-07-01' });
const DISTRICT = agency('000.20.00.H99', 'district', { effectiveTo: '2025-06-30' });
const ALL = [CENTRE, LAND, TAN_LAP, AN_PHU, DISTRICT];

const NOW = new Date('2026-12-02T02:00:00Z');
const communeProcedure = { ruleSet: 'nd118-2025', competentLevels: ['commune'] };

describe('reception anywhere in the province (Decree 118 Art. 14)', () => {
  it('any desk receives under Decree 118, except a procedure bound to the competent desk; only at its level under Decree 61', () => {
    expect(receivesAnywhere(communeProcedure)).toBe(true);
    expect(receivesAnywhere({ ...communeProcedure, receptionExceptions: ['onlineOnly'] })).toBe(true);
    expect(receivesAnywhere({ ...communeProcedure, receptionExceptions: ['onSite'] })).toBe(false);
    expect(receivesAnywhere({ ...communeProcedure, receptionExceptions: ['mobile'] })).toBe(false);
    expect(receivesAnywhere({ ...communeProcedure, ruleSet: 'nd61-2018' })).toBe(false);
    expect(receivesAnywhere({ ...communeProcedure, ruleSet: 'unknown' })).toBe(false);
  });

  it('asks for the competent agency only when the procedure names none and the desk is not at a competent level', () => {
    expect(needsCompetentChoice(communeProcedure, 'province')).toBe(true);
    expect(needsCompetentChoice(communeProcedure, 'commune')).toBe(false);
    expect(needsCompetentChoice({ ...communeProcedure, competentAgencyId: AN_PHU.id }, 'province')).toBe(false);
    expect(needsCompetentChoice({ ...communeProcedure, ruleSet: 'nd61-2018' }, 'province')).toBe(false);
    expect(needsCompetentChoice(communeProcedure, undefined)).toBe(false);
  });

  it('offers agencies of a competent level in operation, by name; other desks in operation', () => {
    expect(competentChoices(ALL, communeProcedure, NOW).map((a) => a.id)).toEqual([AN_PHU.id, TAN_LAP.id]);
    expect(otherDesks(ALL, new Set([AN_PHU.id, TAN_LAP.id]), NOW).map((a) => a.id)).toEqual([CENTRE.id]);
  });

  it('counts an agency in operation on the Vietnam date, both ends inclusive', () => {
    expect(inOperation(DISTRICT, new Date('2025-06-30T16:59:59Z'))).toBe(true); // 23:59 on 30/06 in Vietnam
    expect(inOperation(DISTRICT, new Date('2025-06-30T17:00:00Z'))).toBe(false); // 00:00 on 01/07
    expect(inOperation(AN_PHU, new Date('2025-06-30T17:00:00Z'))).toBe(true);
  });
});
