import { describe, expect, it } from 'vitest';
import { decideReception, type ReceptionInput } from './reception.js';

const NOW = new Date('2026-07-15T02:40:00Z');
const PROVINCE_CENTRE = { id: '000.00.01.H99', level: 'province', hasOneStopDesk: true };
const LAND_OFFICE = { id: '000.00.14.H99', level: 'province', hasOneStopDesk: false };
const COMMUNE_A = { id: '000.21.02.H99', level: 'commune', hasOneStopDesk: true };
const COMMUNE_B = { id: '000.22.03.H99', level: 'commune', hasOneStopDesk: true };
const MERGED_AWAY = { id: '000.30.00.H99', level: 'commune', hasOneStopDesk: true, effectiveTo: '2025-06-30' };

const provincial = { competentLevels: ['province'], competentAgencyId: LAND_OFFICE.id };
const communal = { competentLevels: ['commune'] };

const input = (over: Partial<ReceptionInput>): ReceptionInput => ({
  receptionAnywhere: true,
  procedure: provincial,
  channel: 'desk',
  receiving: PROVINCE_CENTRE,
  competent: undefined,
  now: NOW,
  ...over,
});

describe('Decree 118/2025 Art. 14: reception regardless of administrative boundary', () => {
  it('a commune centre receives a provincial procedure; the named department decides it', () => {
    expect(decideReception(input({ receiving: COMMUNE_A }))).toEqual({ ok: true, competentAgencyId: LAND_OFFICE.id });
  });

  it('a commune procedure filed at another commune goes to the commune chosen as competent', () => {
    expect(decideReception(input({ procedure: communal, receiving: COMMUNE_B, competent: COMMUNE_A }))).toEqual({ ok: true, competentAgencyId: COMMUNE_A.id });
  });

  it('without a choice, a commune desk is competent for its own commune procedures; the province centre must say which commune', () => {
    expect(decideReception(input({ procedure: communal, receiving: COMMUNE_A }))).toEqual({ ok: true, competentAgencyId: COMMUNE_A.id });
    const missing = decideReception(input({ procedure: communal, receiving: PROVINCE_CENTRE }));
    expect(!missing.ok && missing.problem.field).toBe('competentAgencyId');
  });

  it('a chosen agency must be at a competent level and in operation', () => {
    const wrongLevel = decideReception(input({ procedure: communal, receiving: COMMUNE_B, competent: PROVINCE_CENTRE }));
    expect(!wrongLevel.ok && wrongLevel.problem.field).toBe('competentAgencyId');
    const gone = decideReception(input({ procedure: communal, receiving: COMMUNE_B, competent: MERGED_AWAY }));
    expect(!gone.ok && gone.problem.field).toBe('competentAgencyId');
  });

  it('only an agency with a one-stop desk in operation receives', () => {
    for (const receiving of [LAND_OFFICE, MERGED_AWAY, undefined]) {
      const r = decideReception(input({ receiving }));
      expect(!r.ok && r.problem.field).toBe('receivingAgencyId');
    }
  });

  it('exceptions (Art. 14.3): an on-site procedure only at the competent agency’s desk; an online-only one only online', () => {
    const onSite = { ...communal, receptionExceptions: ['onSite' as const] };
    expect(decideReception(input({ procedure: onSite, receiving: COMMUNE_A, competent: COMMUNE_A })).ok).toBe(true);
    const elsewhere = decideReception(input({ procedure: onSite, receiving: COMMUNE_B, competent: COMMUNE_A }));
    expect(!elsewhere.ok && elsewhere.problem.message.vi).toContain('Điều 14');
    const onlineOnly = { ...provincial, receptionExceptions: ['onlineOnly' as const] };
    expect(!decideReception(input({ procedure: onlineOnly })).ok).toBe(true);
    expect(decideReception(input({ procedure: onlineOnly, channel: 'online' })).ok).toBe(true);
  });
});

describe('Decree 61/2018 (legacy): only at a desk of a competent level', () => {
  it('a commune desk does not receive a provincial procedure', () => {
    const r = decideReception(input({ receptionAnywhere: false, receiving: COMMUNE_A }));
    expect(!r.ok && r.problem.message.en).toBe('this procedure is not received at that level');
  });

  it('the province centre receives it, and the named department decides it', () => {
    expect(decideReception(input({ receptionAnywhere: false }))).toEqual({ ok: true, competentAgencyId: LAND_OFFICE.id });
  });
});
