import { describe, expect, it } from 'vitest';
import { displayPhone, normaliseVietnameseMobile, signedInAs, telHref } from './phone.js';

describe('phone numbers as people dial them', () => {
  it('groups a landline (0 + 10 digits) and a mobile (0 + 9 digits) given in E.164', () => {
    expect(displayPhone('+842983800100')).toBe('0298 3800 100');
    expect(displayPhone('+84912345678')).toBe('0912 345 678');
  });

  it('leaves a national number of another length as it is, and an already national one grouped the same', () => {
    expect(displayPhone('1022')).toBe('1022');
    expect(displayPhone('02983800100')).toBe('0298 3800 100');
  });

  it('prints a mobile the Vietnamese way however it was stored or typed', () => {
    expect(displayPhone('+84987654321')).toBe('0987 654 321');
    expect(displayPhone('84987654321')).toBe('0987 654 321');
    expect(displayPhone('0987.654.321')).toBe('0987 654 321');
    expect(displayPhone('+84 987 654 321')).toBe('0987 654 321');
    expect(displayPhone('gọi tổng đài')).toBe('gọi tổng đài');
  });

  it('names a phone-number account by its number, the Vietnamese way', () => {
    expect(signedInAs({ email: null, phoneNumber: '+84987654321', uid: 'u1' })).toBe('0987 654 321');
    expect(signedInAs({ email: 'a@b.vn', phoneNumber: '+84987654321', uid: 'u1' })).toBe('a@b.vn');
    expect(signedInAs({ email: null, phoneNumber: null, uid: 'u1' })).toBe('u1');
  });

  it('dials digits and the leading + only', () => {
    expect(telHref('+84 298 3800 100')).toBe('tel:+842983800100');
    expect(telHref('0298.3800.100')).toBe('tel:02983800100');
  });
});

describe('normaliseVietnameseMobile (the sign-in form’s first check)', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['+84 912.345.678', '+84912345678'],
    ['84912345678', '+84912345678'],
  ])('%j → %j', (input, expected) => expect(normaliseVietnameseMobile(input)).toBe(expected));
  it.each(['0212345678', '091234567', '+85912345678', 'abc'])('refuses %j', (input) => expect(normaliseVietnameseMobile(input)).toBeUndefined());
});
