import { describe, expect, it } from 'vitest';
import { looksLikeIdCardQr, parseIdCardQr, splitAddress } from './id-card-qr.js';

describe('chip ID card QR', () => {
  it('reads the seven fields of a new card', () => {
    expect(parseIdCardQr('038190003344||Ngô Văn Khải|15031990|Nam|Số 12 Lê Lợi, Phường Đông Thành, Tỉnh Bình An|01072024')).toEqual({
      idNumber: '038190003344',
      fullName: 'Ngô Văn Khải',
      dateOfBirth: '1990-03-15',
      sex: 'Nam',
      address: { line: 'Số 12 Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
      issuedOn: '2024-07-01',
    });
  });

  it('keeps the old ID number and drops the district of an older card; ignores the scanner’s Enter', () => {
    const card = parseIdCardQr('001190012345|012345678|Nguyễn  Thị Hoa|29021992|Nữ|Thôn 3, Xã An Phú, Huyện Đông Sơn, Tỉnh Bình An|10082021\r\n');
    expect(card).toMatchObject({ oldIdNumber: '012345678', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1992-02-29' });
    expect(card?.address).toEqual({ line: 'Thôn 3', communeName: 'Xã An Phú', provinceName: 'Tỉnh Bình An' });
  });

  it.each([
    ['six fields', '038190003344||Ngô Văn Khải|15031990|Nam|Tỉnh Bình An'],
    ['an 11-digit ID', '03819000334||Ngô Văn Khải|15031990|Nam|Phường A, Tỉnh B|01072024'],
    ['an old ID that is not 9 digits', '038190003344|12345|Ngô Văn Khải|15031990|Nam|Phường A, Tỉnh B|01072024'],
    ['a birth date that does not exist', '038190003344||Ngô Văn Khải|30021990|Nam|Phường A, Tỉnh B|01072024'],
    ['an empty name', '038190003344|||15031990|Nam|Phường A, Tỉnh B|01072024'],
    ['an address without a province', '038190003344||Ngô Văn Khải|15031990|Nam|Bình An|01072024'],
    ['a phone number', '0912345678'],
  ])('refuses %s whole', (_, text) => {
    expect(parseIdCardQr(text)).toBeUndefined();
  });

  it('uses the part before the province as the commune when none is named so', () => {
    expect(splitAddress('12 Lê Lợi, Đông Thành, Bình An')).toEqual({ line: '12 Lê Lợi', communeName: 'Đông Thành', provinceName: 'Bình An' });
    expect(splitAddress('Phường Đông Thành, Tỉnh Bình An')).toEqual({ line: 'Phường Đông Thành', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' });
  });

  it('recognises the start of a scan', () => {
    expect(looksLikeIdCardQr('038190003344|')).toBe(true);
    expect(looksLikeIdCardQr('0381900033')).toBe(false);
  });
});
