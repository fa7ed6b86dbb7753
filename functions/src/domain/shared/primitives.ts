// Small value schemas used by several concepts.
import { z } from 'zod';
import { bi } from './bilingual.js';

/** An instant. Accepts a Date (from storage) or an ISO-8601 string with an offset (from JSON). */
export const Instant = z
  .union([
    z.date(),
    z.iso.datetime({
      offset: true,
      error: bi('Thời điểm phải theo ISO 8601 có múi giờ', 'instant must be ISO 8601 with an offset'),
    }),
  ])
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .describe('Thời điểm / instant');
export type Instant = z.infer<typeof Instant>;

/** Free text written by a person (reasons, notes): trimmed, NFC, not blank. */
export const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, bi('Không được để trống', 'must not be blank'))
    .max(max, bi(`Tối đa ${max} ký tự`, `at most ${max} characters`));

/** Stable identifiers made by the system (user ids, dossier ids): no spaces, no path separators. */
export const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, bi('Mã định danh không hợp lệ', 'invalid identifier'))
  // Firestore reserves ids of the form __…__ (a read of one fails): refused here, never a 500 (the fuzz test found `__0__`).
  .refine((id) => !/^__.*__$/.test(id), { error: bi('Mã định danh không hợp lệ', 'invalid identifier') });
export type EntityId = z.infer<typeof EntityId>;

/** User ids come from the identity provider (Firebase Auth allows up to 128 characters of any kind). */
export const UserId = z
  .string()
  .min(1, bi('Thiếu mã người dùng', 'user id is required'))
  .max(128, bi('Mã người dùng tối đa 128 ký tự', 'user id is at most 128 characters'))
  .regex(
    /^[^/\s]+$/u,
    bi('Mã người dùng không được chứa dấu / hoặc khoảng trắng', 'user id must not contain / or spaces'),
  );
export type UserId = z.infer<typeof UserId>;

/** Amount of money in Vietnamese đồng (no minor unit). */
export const AmountVnd = z
  .number()
  .int(bi('Số tiền phải là số nguyên đồng', 'amount must be whole đồng'))
  .min(0, bi('Số tiền không được âm', 'amount must not be negative'))
  .describe('Số tiền (đồng) / amount in VND');
export type AmountVnd = z.infer<typeof AmountVnd>;
