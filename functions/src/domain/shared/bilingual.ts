// Every text a person reads exists in Vietnamese and English. Vietnamese is the legal language, so it
// comes first everywhere (objects, messages, logs).
import { z } from 'zod';

export const Bilingual = z
  .strictObject({
    vi: z.string().trim().min(1, 'Cần nội dung tiếng Việt / Vietnamese text is required'),
    en: z.string().trim().min(1, 'Cần nội dung tiếng Anh / English text is required'),
  })
  .describe('Nội dung song ngữ / text in Vietnamese and English');
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * Separator of the two halves of a validation message. zod issues carry one string, so schema messages
 * are written "tiếng Việt / English" and `toFieldErrors` splits them again. The Vietnamese half never
 * contains this separator.
 */
export const MESSAGE_SEPARATOR = ' / ';

/** A zod message in the project's "vi / en" convention. */
export function bi(vi: string, en: string): string {
  return `${vi}${MESSAGE_SEPARATOR}${en}`;
}

/** Splits a "vi / en" message; a message without the separator is used for both languages. */
export function splitMessage(message: string): Bilingual {
  const at = message.indexOf(MESSAGE_SEPARATOR);
  if (at < 0) return { vi: message, en: message };
  return { vi: message.slice(0, at), en: message.slice(at + MESSAGE_SEPARATOR.length) };
}
