import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DossierCodeError,
  DossierCode,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
} from './dossier-code.js';

const at = (iso: string) => new Date(iso);

describe('formatDossierCode', () => {
  it('uses the date in Vietnam, whatever the host time zone', () => {
    // 17:30 UTC on 14/07 is 00:30 on 15/07 in Vietnam.
    expect(formatDossierCode('000.00.01.H99', at('2026-07-14T17:30:00Z'), 42)).toBe(
      '000.00.01.H99-260715-0042',
    );
    expect(formatDossierCode('000.00.01.H99', at('2026-07-14T16:59:59Z'), 1)).toBe(
      '000.00.01.H99-260714-0001',
    );
    expect(formatDossierCode('000.21.02.H99', at('2026-12-31T17:00:00Z'), 9999)).toBe(
      '000.21.02.H99-270101-9999',
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('sequence %s is a typed error', (sequence) => {
    const call = () => formatDossierCode('000.00.01.H99', at('2026-07-15T02:00:00Z'), sequence);
    expect(call).toThrow(DossierCodeError);
    try {
      call();
    } catch (error) {
      expect((error as DossierCodeError).code).toBe('dossier-code-sequence-out-of-range');
    }
  });

  it('never runs out: past 9999 the sequence takes a fifth digit, and the code still parses', () => {
    const code = formatDossierCode('000.00.01.H99', at('2026-07-15T02:00:00Z'), 10_000);
    expect(code).toBe('000.00.01.H99-260715-10000');
    expect(parseDossierCode(code)).toEqual({ agencyCode: '000.00.01.H99', date: '2026-07-15', sequence: 10_000 });
    expect(parseDossierCode(formatDossierCode('000.00.01.H99', at('2026-07-15T02:00:00Z'), 123_456)).sequence).toBe(123_456);
  });

  it('takes the rule set’s widths: a 4-digit year and a 7-digit sequence (the reported Decree 118 pattern)', () => {
    const code = formatDossierCode('000.00.14.H99', at('2026-06-09T03:00:00Z'), 92_637, { yearDigits: 4, sequenceWidth: 7 });
    expect(code).toBe('000.00.14.H99-20260609-0092637');
    expect(parseDossierCode(code)).toEqual({ agencyCode: '000.00.14.H99', date: '2026-06-09', sequence: 92_637 });
  });

  it('accepts the national portal as issuer (online filing, Decree 118 Art. 28)', () => {
    expect(formatDossierCode('G09.20', at('2026-06-09T03:00:00Z'), 92_637, { yearDigits: 4, sequenceWidth: 7 })).toBe('G09.20-20260609-0092637');
    expect(isDossierCode('G09.20-20260609-0092637')).toBe(true);
  });

  it.each([
    '',
    '000.00.00.h56',
    '000.00.00.H5',
    '00.00.00.H56',
    '000.000.00.H56',
    '000.00.00.56H',
    '000-00-00-H56',
    ' 000.00.00.H56',
    '000.00.00.H56 ',
    '000.00.00.HH6',
    'G01',
  ])('malformed agency identifier %j is a typed error', (agency) => {
    expect(() => formatDossierCode(agency, at('2026-07-15T02:00:00Z'), 1)).toThrow(
      expect.objectContaining({ code: 'dossier-code-agency-invalid' }),
    );
  });

  it('rejects an invalid date', () => {
    expect(() => formatDossierCode('000.00.01.H99', new Date(Number.NaN), 1)).toThrow(
      expect.objectContaining({ code: 'dossier-code-date-invalid' }),
    );
  });
});

describe('parseDossierCode', () => {
  it('reads agency, date and sequence', () => {
    expect(parseDossierCode('000.00.01.H99-260715-0042')).toEqual({
      agencyCode: '000.00.01.H99',
      date: '2026-07-15',
      sequence: 42,
    });
  });

  it.each([
    ['000.00.01.H99-260715-042', 'dossier-code-malformed'],
    ['000.00.01.H99-2607150042', 'dossier-code-malformed'],
    ['000.00.01.h99-260715-0042', 'dossier-code-malformed'],
    ['000.00.01.H99-260230-0001', 'dossier-code-date-invalid'],
    ['000.00.01.H99-261301-0001', 'dossier-code-date-invalid'],
    ['000.00.01.H99-260715-0000', 'dossier-code-sequence-out-of-range'],
    ['', 'dossier-code-malformed'],
  ])('%j → %s', (code, errorCode) => {
    expect(() => parseDossierCode(code)).toThrow(expect.objectContaining({ code: errorCode }));
    expect(isDossierCode(code)).toBe(false);
  });

  it('round trip: parse(format(a, t, n)) gives back a, the Vietnam date of t and n', () => {
    const agency = fc
      .tuple(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(
        ([a, b, c, l, d]) =>
          `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${l}${String(d).padStart(2, '0')}`,
      );
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T16:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(agency, instant, fc.integer({ min: 1, max: 9999 }), (a, t, n) => {
        const code = formatDossierCode(a, t, n);
        const vietnamDate = new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        expect(parseDossierCode(code)).toEqual({ agencyCode: a, date: vietnamDate, sequence: n });
        expect(DossierCode.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('codes of one agency and day sort by sequence', () => {
    const t = at('2026-07-15T02:00:00Z');
    const codes = [12, 3, 999, 1000, 1].map((n) => formatDossierCode('000.00.01.H99', t, n));
    expect([...codes].sort()).toEqual(
      [1, 3, 12, 999, 1000].map((n) => formatDossierCode('000.00.01.H99', t, n)),
    );
  });
});
