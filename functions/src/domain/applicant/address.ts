// Addresses go down to the commune (xã/phường/đặc khu), the lowest administrative unit. The district is
// kept only for addresses written before the two-tier reform of 01/07/2025.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

const Name = (what: { vi: string; en: string }) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, bi(`Cần ${what.vi}`, `${what.en} is required`))
    .max(100, bi(`${what.vi} tối đa 100 ký tự`, `${what.en} is at most 100 characters`));

export const Address = z
  .strictObject({
    line: Name({ vi: 'số nhà, đường, thôn/tổ', en: 'street address' }).describe(
      'Số nhà, đường, thôn/tổ dân phố / street address',
    ),
    communeName: Name({ vi: 'tên xã/phường', en: 'commune name' }).describe('Xã/phường/đặc khu / commune'),
    communeCode: z
      .string()
      .regex(/^\d{5}$/, bi('Mã xã gồm 5 chữ số', 'commune code is 5 digits'))
      .optional()
      .describe('Mã đơn vị hành chính cấp xã / commune code'),
    districtName: Name({ vi: 'tên quận/huyện', en: 'district name' })
      .optional()
      .describe('Quận/huyện (địa chỉ trước 01/07/2025) / district (pre-2025 addresses)'),
    provinceName: Name({ vi: 'tên tỉnh/thành phố', en: 'province name' }).describe(
      'Tỉnh/thành phố / province',
    ),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, bi('Mã tỉnh gồm 2 chữ số', 'province code is 2 digits'))
      .optional()
      .describe('Mã tỉnh / province code'),
  })
  .describe('Địa chỉ / address');
export type Address = z.infer<typeof Address>;
