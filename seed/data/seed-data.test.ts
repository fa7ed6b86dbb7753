// Every demo object must pass its schema exactly as stored (parse output equals input: no silent
// normalisation), ids must be unique and every referenced id must exist.
import { describe, expect, it } from 'vitest';
import { Agency, Procedure, procedureVersionId, toFieldErrors } from '../../functions/src/domain/index.js';
import { demoAgencies } from './agencies.js';
import { demoProcedures } from './procedures.js';

const REQUIRED_AGENCY_IDS = [
  '000.00.00.H99',
  '000.00.01.H99',
  '000.00.10.H99',
  '000.00.11.H99',
  '000.00.12.H99',
  '000.00.13.H99',
  '000.00.14.H99',
  '000.21.01.H99',
  '000.21.02.H99',
  '000.21.03.H99',
];

describe('demo agencies', () => {
  it.each(demoAgencies.map((a) => [a.id, a] as const))(
    '%s passes the Agency schema unchanged',
    (_id, agency) => {
      const parsed = Agency.safeParse(agency);
      expect(parsed.success ? [] : toFieldErrors(parsed.error)).toEqual([]);
      expect(parsed.data).toEqual(agency);
    },
  );

  it('has unique ids, including every id the demo accounts use', () => {
    const ids = demoAgencies.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_AGENCY_IDS) expect(ids).toContain(id);
  });

  it('references only existing parents and successors', () => {
    const ids = new Set(demoAgencies.map((a) => a.id));
    for (const a of demoAgencies) {
      if (a.parentId !== undefined) expect(ids, `${a.id} parent`).toContain(a.parentId);
      if (a.successorId !== undefined) expect(ids, `${a.id} successor`).toContain(a.successorId);
    }
  });

  it('gives every commune a one-stop desk and the service centre one too', () => {
    for (const a of demoAgencies.filter((x) => x.level === 'commune' || x.id === '000.00.01.H99'))
      expect(a.hasOneStopDesk, a.id).toBe(true);
  });

  it('keeps the district level only as history with a successor', () => {
    for (const a of demoAgencies.filter((x) => x.level === 'district')) {
      expect(a.effectiveTo).toBeDefined();
      expect(a.successorId).toBeDefined();
    }
  });
});

describe('demo procedures', () => {
  it.each(demoProcedures.map((p) => [procedureVersionId(p.code, p.version), p] as const))(
    '%s passes the Procedure schema unchanged',
    (_id, procedure) => {
      const parsed = Procedure.safeParse(procedure);
      expect(parsed.success ? [] : toFieldErrors(parsed.error)).toEqual([]);
      expect(parsed.data).toEqual(procedure);
    },
  );

  it('has at least 12 procedures, unique by code and version', () => {
    const ids = demoProcedures.map((p) => procedureVersionId(p.code, p.version));
    expect(new Set(demoProcedures.map((p) => p.code)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers land, construction, business, civil status and justice', () => {
    const fields = new Set(demoProcedures.map((p) => p.field));
    for (const f of [
      'land',
      'construction',
      'enterpriseRegistration',
      'civilStatus',
      'judicialRecord',
      'certification',
    ] as const)
      expect(fields).toContain(f);
  });

  it('names only existing agencies in its steps', () => {
    const ids = new Set(demoAgencies.map((a) => a.id));
    for (const p of demoProcedures) {
      for (const s of p.steps)
        if (s.performer.kind === 'agency') expect(ids, `${p.code} ${s.id}`).toContain(s.performer.agencyId);
    }
  });

  it('has at least two inter-agency procedures', () => {
    const interAgency = demoProcedures.filter(
      (p) =>
        p.steps.some((s) => s.performer.kind === 'agency' || s.performer.kind === 'external') &&
        p.steps.some((s) => s.performer.kind === 'receiving'),
    );
    expect(interAgency.length).toBeGreaterThanOrEqual(2);
  });

  it('versions of one code do not overlap in time', () => {
    const byCode = new Map<string, Procedure[]>();
    for (const p of demoProcedures) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
    for (const [code, versions] of byCode) {
      const sorted = [...versions].sort((a, b) => a.version - b.version);
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        expect(previous?.effectiveTo, code).toBeDefined();
        expect(sorted[i]!.effectiveFrom > previous!.effectiveTo!, code).toBe(true);
      }
    }
  });
});
