// The single place where a zod failure becomes field details a person can read. The HTTP layer sends
// these to the client; forms show each message next to its field.
import type { z } from 'zod';
import { MESSAGE_SEPARATOR, splitMessage, type Bilingual } from './bilingual.js';

export interface FieldError {
  /** Dotted path, e.g. `applicant.phone` or `components.0.attachments.1.size`; `''` for the whole input. */
  readonly path: string;
  readonly message: Bilingual;
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => String(key)).join('.'),
    message: messageOf(issue),
  }));
}

// Messages written by our schemas are "vi / en"; zod's built-in messages are English only, so those are
// rebuilt from the issue's data.
function messageOf(issue: z.core.$ZodIssue): Bilingual {
  if (issue.message.includes(MESSAGE_SEPARATOR)) return splitMessage(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'Thông tin bắt buộc', en: 'Required' }
        : { vi: `Sai kiểu dữ liệu (cần ${issue.expected})`, en: `Wrong type (expected ${issue.expected})` };
    case 'too_small':
      return issue.origin === 'string'
        ? {
            vi: `Cần ít nhất ${String(issue.minimum)} ký tự`,
            en: `At least ${String(issue.minimum)} characters`,
          }
        : issue.origin === 'array'
          ? { vi: `Cần ít nhất ${String(issue.minimum)} mục`, en: `At least ${String(issue.minimum)} items` }
          : {
              vi: `Giá trị tối thiểu là ${String(issue.minimum)}`,
              en: `Must be at least ${String(issue.minimum)}`,
            };
    case 'too_big':
      return issue.origin === 'string'
        ? { vi: `Tối đa ${String(issue.maximum)} ký tự`, en: `At most ${String(issue.maximum)} characters` }
        : issue.origin === 'array'
          ? { vi: `Tối đa ${String(issue.maximum)} mục`, en: `At most ${String(issue.maximum)} items` }
          : {
              vi: `Giá trị tối đa là ${String(issue.maximum)}`,
              en: `Must be at most ${String(issue.maximum)}`,
            };
    case 'invalid_format':
      return { vi: `Sai định dạng (${issue.format})`, en: `Invalid format (${issue.format})` };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được phép: ${issue.keys.join(', ')}`,
        en: `Fields not allowed: ${issue.keys.join(', ')}`,
      };
    case 'invalid_value':
      return {
        vi: `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(', ')}`,
        en: `Invalid value; expected one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return {
        vi: 'Dữ liệu không khớp với dạng nào được chấp nhận',
        en: 'Input matches none of the accepted shapes',
      };
    case 'not_multiple_of':
      return {
        vi: `Phải là bội số của ${String(issue.divisor)}`,
        en: `Must be a multiple of ${String(issue.divisor)}`,
      };
    default:
      return { vi: 'Dữ liệu không hợp lệ', en: issue.message || 'Invalid input' };
  }
}
