// Vietnamese full names keep their diacritics exactly. Input may arrive decomposed (NFD, e.g. from macOS
// or some IMEs); it is stored composed (NFC) so that equal names compare equal and sort correctly.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

// Words of letters (any script; after NFC every Vietnamese letter is one code point, combining marks are
// kept for other languages), joined inside a word by ' - or . and separated by single spaces:
// "Nguyễn Thị Ánh", "Jean-Pierre", "O'Neil", "Ng. Văn A" are fine; "Nguyễn 2", "--" or "A..B" are not.
const WORD = String.raw`[\p{L}\p{M}]+(?:[.'-][\p{L}\p{M}]+)*\.?`;
const NAME_PATTERN = new RegExp(`^${WORD}(?: ${WORD})*$`, 'u');

export const PersonName = z
  .string()
  .normalize('NFC')
  .trim()
  .overwrite((s) => s.replace(/\s+/gu, ' '))
  .min(2, bi('Họ và tên quá ngắn', 'full name is too short'))
  .max(100, bi('Họ và tên tối đa 100 ký tự', 'full name is at most 100 characters'))
  .regex(
    NAME_PATTERN,
    bi(
      "Họ và tên chỉ gồm chữ cái, dấu cách và các dấu ' - .",
      "full name may contain only letters, spaces and ' - .",
    ),
  )
  .describe('Họ và tên (giữ nguyên dấu) / full name (diacritics kept)');
export type PersonName = z.infer<typeof PersonName>;
