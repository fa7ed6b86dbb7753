// Identity documents of a person applicant.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

/** Căn cước công dân / căn cước: 12 digits (the old 9-digit CMND is no longer accepted). */
export const CitizenIdNumber = z
  .string()
  .trim()
  .regex(
    /^\d{12}$/,
    bi('Số căn cước công dân gồm đúng 12 chữ số', 'citizen identity number must be exactly 12 digits'),
  )
  .describe('Số căn cước công dân / citizen identity number');

/** Passport numbers: Vietnamese ones are a letter and 7 digits; foreign ones 6–9 letters or digits. */
export const PassportNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9]{6,9}$/,
    bi('Số hộ chiếu gồm 6–9 chữ cái hoặc chữ số', 'passport number is 6–9 letters or digits'),
  )
  .describe('Số hộ chiếu / passport number');

export const IdentityDocument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('citizenId'), number: CitizenIdNumber }),
  z.strictObject({
    kind: z.literal('passport'),
    number: PassportNumber,
    country: z
      .string()
      .regex(
        /^[A-Z]{3}$/,
        bi('Mã quốc gia gồm 3 chữ cái (ISO 3166-1 alpha-3)', 'country is a 3-letter ISO 3166-1 code'),
      )
      .describe('Quốc gia cấp / issuing country'),
  }),
]);
export type IdentityDocument = z.infer<typeof IdentityDocument>;
