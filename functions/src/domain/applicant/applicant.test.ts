import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../shared/field-errors.js';
import { Applicant, TaxCode } from './applicant.js';
import { taxCodeCheckDigit, taxCodeProblem } from './tax-code.js';
import { CitizenIdNumber, IdentityDocument } from './identity.js';
import { PersonName } from './person-name.js';
import { VietnameseMobile, VietnamesePhone, normaliseVietnameseMobile } from './phone.js';

describe('PersonName', () => {
  it('stores decomposed (NFD) input composed (NFC), diacritics kept', () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Ánh');
    const parsed = PersonName.parse(nfd);
    expect(parsed).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
    expect(parsed.length).toBe(14);
    expect(PersonName.parse('Nguyễn Thị Ánh')).toBe(parsed);
  });

  it.each([
    'Trần Đức Thắng',
    'Phạm Thị Hương Giang',
    "O'Neil Trần",
    'Jean-Pierre Lê',
    'Ng. Văn A',
    'Đặng Hữu Phước',
    'Hoàng Thu Trang',
    'Ý Nhi',
    'Lò Văn Páo',
  ])('accepts %j', (name) => {
    expect(PersonName.safeParse(name).success).toBe(true);
  });

  it('trims and collapses spaces', () => {
    expect(PersonName.parse('  Lê   Minh\tChâu ')).toBe('Lê Minh Châu');
  });

  it.each([
    '',
    'A',
    'Nguyễn 2',
    'Lê_Văn',
    'Trần@Bình',
    '--',
    'A..B',
    "Lê ' Văn",
    '<script>',
    'x'.repeat(101),
  ])('rejects %j with a bilingual message', (name) => {
    const result = PersonName.safeParse(name);
    expect(result.success).toBe(false);
    if (!result.success) {
      const [first] = toFieldErrors(result.error);
      expect(first?.message.vi).toMatch(/Họ và tên/);
      expect(first?.message.en).toMatch(/full name/);
    }
  });
});

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['(091) 234-5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['0321234567', '+84321234567'],
    ['0561234567', '+84561234567'],
    ['0701234567', '+84701234567'],
    ['0861234567', '+84861234567'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseVietnameseMobile(input)).toBe(expected);
    expect(VietnameseMobile.parse(input)).toBe(expected);
  });

  it.each([
    ['0112345678', 'prefix 1 is not mobile'],
    ['0212345678', 'prefix 2 is a landline area'],
    ['0412345678', 'prefix 4 is not allocated to mobiles'],
    ['0612345678', 'prefix 6 is not allocated to mobiles'],
    ['091234567', 'too short'],
    ['09123456789', 'too long'],
    ['912345678', 'no trunk or country prefix'],
    ['+85912345678', 'another country'],
    ['0084912345678', 'international 00 prefix'],
    ['09l2345678', 'a letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => {
    expect(normaliseVietnameseMobile(input)).toBeUndefined();
    const result = VietnameseMobile.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(toFieldErrors(result.error)[0]?.message.vi).toContain('Số di động Việt Nam không hợp lệ');
  });

  it('desk phones may also be landlines (11 digits with a 02x area code)', () => {
    expect(VietnamesePhone.parse('0233 3852 123')).toBe('+842333852123');
    expect(VietnamesePhone.parse('024 3825 1234')).toBe('+842438251234');
    expect(VietnamesePhone.safeParse('0233385212').success).toBe(false);
    expect(VietnameseMobile.safeParse('0233 3852 123').success).toBe(false);
  });
});

describe('identity documents', () => {
  it('a citizen identity number is exactly 12 digits', () => {
    expect(CitizenIdNumber.parse(' 001190012345 ')).toBe('001190012345');
    for (const bad of ['00119001234', '0011900123456', '00119001234a', '123456789'])
      expect(CitizenIdNumber.safeParse(bad).success).toBe(false);
  });

  it('passports: 6–9 letters or digits, upper-cased, with an ISO country', () => {
    expect(IdentityDocument.parse({ kind: 'passport', number: 'c1234567', country: 'VNM' })).toEqual({
      kind: 'passport',
      number: 'C1234567',
      country: 'VNM',
    });
    expect(IdentityDocument.safeParse({ kind: 'passport', number: 'C12', country: 'VNM' }).success).toBe(
      false,
    );
    expect(IdentityDocument.safeParse({ kind: 'passport', number: 'C1234567', country: 'vn' }).success).toBe(
      false,
    );
  });
});

describe('TaxCode', () => {
  it.each([
    ['0100109106', '0100109106'],
    ['0123456787', '0123456787'],
    ['0123456787-001', '0123456787-001'],
    ['0123456787001', '0123456787-001'],
    [' 0300588569 ', '0300588569'],
  ])('%j → %j', (input, expected) => {
    expect(TaxCode.parse(input)).toBe(expected);
  });
  it.each([
    ['012345678', /10 chữ số/],
    ['01234567890', /10 chữ số/],
    ['0123456787-01', /10 chữ số/],
    ['0123456787_001', /10 chữ số/],
    ['ABCDEFGHIJ', /10 chữ số/],
    ['0123456789', /chữ số kiểm tra/],
    ['0100109107', /chữ số kiểm tra/],
    ['3901234567', /chữ số kiểm tra/],
    ['0100000000', /không có mã số thuế/],
    ['0123456787-000', /001 đến 999/],
  ])('rejects %j with a bilingual reason', (input, reason) => {
    const result = TaxCode.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      const [first] = toFieldErrors(result.error);
      expect(first?.message.vi).toMatch(reason);
      expect(first?.message.en.length).toBeGreaterThan(10);
    }
  });
  it('the check digit matches codes issued to real enterprises, and none exists for remainder 0', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(taxCodeCheckDigit('030058856')).toBe(9);
    expect(taxCodeCheckDigit('010124814')).toBe(1);
    expect(taxCodeCheckDigit('390123456')).toBeUndefined();
    expect(taxCodeProblem('3901234560')).toBe('checksum');
  });
});

describe('Applicant', () => {
  const person = {
    kind: 'person',
    fullName: 'Bùi Thị Mai'.normalize('NFD'),
    identity: { kind: 'citizenId', number: '079190001234' },
    dateOfBirth: '1990-05-20',
    phone: '0987 654 321',
    email: ' Mai.Bui@Example.VN ',
    address: { line: '15 đường Hòa Bình', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
  };

  it('normalises a person applicant', () => {
    expect(Applicant.parse(person)).toMatchObject({
      fullName: 'Bùi Thị Mai',
      phone: '+84987654321',
      email: 'mai.bui@example.vn',
    });
  });

  it('is strict: unknown fields are refused with their names', () => {
    const result = Applicant.safeParse({ ...person, role: 'admin' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(toFieldErrors(result.error)).toContainEqual({
        path: '',
        message: { vi: 'Trường không được phép: role', en: 'Fields not allowed: role' },
      });
  });

  it('lists every bad field with its path', () => {
    const result = Applicant.safeParse({
      ...person,
      phone: '123',
      email: 'not-an-email',
      address: { ...person.address, communeName: '' },
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(
        toFieldErrors(result.error)
          .map((e) => e.path)
          .sort(),
      ).toEqual(['address.communeName', 'email', 'phone']);
  });

  it('accepts an organisation with its representative', () => {
    const organisation = {
      kind: 'organisation',
      name: 'Công ty TNHH Nông sản Bình An',
      taxCode: '3901234577',
      representative: { fullName: 'Trương Văn Đạt', title: 'Giám đốc' },
      phone: '+84 903 111 222',
      address: { line: 'Khu công nghiệp Tân Lập', communeName: 'Xã Tân Lập', provinceName: 'Tỉnh Bình An' },
    };
    expect(Applicant.parse(organisation)).toMatchObject({ taxCode: '3901234577', phone: '+84903111222' });
    expect(Applicant.safeParse({ ...organisation, taxCode: '12345' }).success).toBe(false);
  });
});
