// Vietnamese phone numbers, stored in E.164 (+84…) so that SMS gateways and duplicate checks see one form.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

// After the 2018 renumbering every mobile number is 0 + 9 digits, its network prefix starting with 3, 5, 7,
// 8 or 9. Landlines are 0 + 2xx area code: 11 digits in all.
const MOBILE_NATIONAL = /^[35789]\d{8}$/;
const LANDLINE_NATIONAL = /^2\d{9}$/;

/** Strips the separators people type (spaces, dots, dashes, parentheses) and the country or trunk prefix. */
function nationalPart(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/gu, '');
  if (/^\+84\d+$/.test(compact)) return compact.slice(3);
  if (/^84\d+$/.test(compact)) return compact.slice(2);
  if (/^0\d+$/.test(compact)) return compact.slice(1);
  return undefined;
}

/** `0912 345 678`, `84912345678`, `+84 912 345 678` → `+84912345678`; anything else → undefined. */
export function normaliseVietnameseMobile(input: string): string | undefined {
  const national = nationalPart(input);
  return national !== undefined && MOBILE_NATIONAL.test(national) ? `+84${national}` : undefined;
}

/** Mobile or landline (desk and officer phones are often landlines). */
export function normaliseVietnamesePhone(input: string): string | undefined {
  const national = nationalPart(input);
  return national !== undefined && (MOBILE_NATIONAL.test(national) || LANDLINE_NATIONAL.test(national))
    ? `+84${national}`
    : undefined;
}

function phoneSchema(normalise: (input: string) => string | undefined, message: string, description: string) {
  return z
    .string()
    .transform((input, ctx) => {
      const normalised = normalise(input);
      if (normalised === undefined) {
        ctx.issues.push({ code: 'custom', message, input });
        return z.NEVER;
      }
      return normalised;
    })
    .describe(description);
}

export const VietnameseMobile = phoneSchema(
  normaliseVietnameseMobile,
  bi(
    'Số di động Việt Nam không hợp lệ (ví dụ 0912 345 678)',
    'invalid Vietnamese mobile number (e.g. 0912 345 678)',
  ),
  'Số điện thoại di động / mobile phone',
);
export type VietnameseMobile = z.infer<typeof VietnameseMobile>;

export const VietnamesePhone = phoneSchema(
  normaliseVietnamesePhone,
  bi('Số điện thoại Việt Nam không hợp lệ', 'invalid Vietnamese phone number'),
  'Số điện thoại / phone',
);
export type VietnamesePhone = z.infer<typeof VietnamesePhone>;
