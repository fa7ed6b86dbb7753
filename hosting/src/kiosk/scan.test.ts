import { describe, expect, it } from 'vitest';
import { parseScan } from './scan.js';

const AGENCY = '000.00.01.H99';

describe('parseScan (kiosk code field)', () => {
  it('takes the code and token from the receipt QR address a scanner types', () => {
    expect(parseScan('https://dichvucong.example/tra-cuu/000.00.01.H99-261128-0007?t=abc_DEF-123', AGENCY)).toEqual({
      code: '000.00.01.H99-261128-0007',
      token: 'abc_DEF-123',
    });
    expect(parseScan('http://127.0.0.1:5000/danh-gia/000.21.02.H99-261128-0001?t=x', AGENCY)).toEqual({
      code: '000.21.02.H99-261128-0001',
      token: 'x',
    });
  });

  it('accepts a typed full code, in either case, without a token', () => {
    expect(parseScan(' 000.00.01.h99-261128-0042 ', AGENCY)).toEqual({ code: '000.00.01.H99-261128-0042', token: null });
  });

  it('completes digits only with the desk’s own agency', () => {
    expect(parseScan('261128-0042', AGENCY)).toEqual({ code: '000.00.01.H99-261128-0042', token: null });
    expect(parseScan('2611280042', AGENCY)).toEqual({ code: '000.00.01.H99-261128-0042', token: null });
  });

  it('takes codes whose sequence widened past 9999, and the portal’s codes', () => {
    expect(parseScan('https://x/tra-cuu/000.00.01.H99-261128-10000?t=abc', AGENCY)).toEqual({ code: '000.00.01.H99-261128-10000', token: 'abc' });
    expect(parseScan('261128-10001', AGENCY)).toEqual({ code: '000.00.01.H99-261128-10001', token: null });
    expect(parseScan('G09.20-20261128-000123', AGENCY)).toEqual({ code: 'G09.20-20261128-000123', token: null });
  });

  it('refuses anything else', () => {
    for (const bad of ['', '   ', '12345', 'hello', 'https://x/tra-cuu/not-a-code?t=1', '000.00.01.H99-261128-42']) {
      expect(parseScan(bad, AGENCY)).toBeNull();
    }
  });

  it('drops a malformed token but keeps the code', () => {
    expect(parseScan('https://x/tra-cuu/000.00.01.H99-261128-0007?t=<script>', AGENCY)).toEqual({
      code: '000.00.01.H99-261128-0007',
      token: null,
    });
  });
});
