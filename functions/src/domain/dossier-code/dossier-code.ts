// Dossier code (mã hồ sơ): `<issuer>-<date>-<sequence>`, e.g. `000.00.01.H99-260715-0042`. Circular
// 01/2018 Art. 19: the receiving agency's identifier, YYMMDD and a 4-digit daily sequence. Decree 118/2025
// Art. 28: the competent agency's identifier (the DVCQG's for online filing), the reception date and the
// daily sequence — its exact widths are reported only, so the widths are a rule-set setting
// (`DossierCodeFormat`: 2- or 4-digit year, 4–9 digit sequence). The date is the reception date in Vietnam
// (UTC+7, whatever the host's time zone); the sequence restarts every day for every issuer and is never
// exhausted: past its width it simply takes more digits. Codes are guessable, so a code alone never
// unlocks dossier details (see lookup-token).
import { z } from 'zod';
import { AGENCY_ID_PATTERN } from '../agency/agency-id.js';
import { bi } from '../shared/bilingual.js';
import { DomainError } from '../shared/domain-error.js';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** An agency identifier (000.00.00.H56) or the portal's (G09.20), the date as YYMMDD or YYYYMMDD, a 4–12 digit sequence. */
const DOSSIER_CODE_PATTERN = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{2})-(\d{6}|\d{8})-(\d{4,12})$/;
/** The national portal's identifier (DVCQG) that prefixes codes of dossiers filed there (format reported). */
export const PORTAL_ISSUER_PATTERN = /^[A-Z]\d{2}\.\d{2}$/;

/** Widths of the parts, per rule set (rule-set/behaviour.ts); Circular 01's are the default. */
export type CodeWidths = { readonly yearDigits: 2 | 4; readonly sequenceWidth: number };
export const CIRCULAR_01_WIDTHS: CodeWidths = { yearDigits: 2, sequenceWidth: 4 };

export type DossierCodeErrorCode =
  | 'dossier-code-agency-invalid'
  | 'dossier-code-sequence-out-of-range'
  | 'dossier-code-date-invalid'
  | 'dossier-code-malformed';

export class DossierCodeError extends DomainError<DossierCodeErrorCode> {}

export interface ParsedDossierCode {
  readonly agencyCode: string;
  /** Reception date in Vietnam, `YYYY-MM-DD`. */
  readonly date: string;
  readonly sequence: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number, widths: CodeWidths = CIRCULAR_01_WIDTHS): string {
  if (!AGENCY_ID_PATTERN.test(agencyCode) && !PORTAL_ISSUER_PATTERN.test(agencyCode)) {
    throw new DossierCodeError(
      'dossier-code-agency-invalid',
      {
        vi: `Mã định danh cơ quan "${agencyCode}" không đúng định dạng 000.00.00.H56`,
        en: `Agency identifier "${agencyCode}" does not match the format 000.00.00.H56`,
      },
      { agencyCode },
    );
  }
  const ms = receivedAt instanceof Date ? receivedAt.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new DossierCodeError('dossier-code-date-invalid', {
      vi: 'Thời điểm tiếp nhận không hợp lệ',
      en: 'Invalid reception time',
    });
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new DossierCodeError(
      'dossier-code-sequence-out-of-range',
      {
        vi: `Số thứ tự hồ sơ phải là số nguyên dương (nhận được ${String(sequence)})`,
        en: `Dossier sequence must be a positive integer (got ${String(sequence)})`,
      },
      { sequence },
    );
  }
  // Shift to Vietnam wall-clock time and read it with UTC accessors: independent of the host's TZ.
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const year = widths.yearDigits === 4 ? pad(local.getUTCFullYear(), 4) : pad(local.getUTCFullYear() % 100, 2);
  // padStart never truncates: sequence 10000 of a 4-digit width prints as 10000, still unique and ordered.
  return `${agencyCode}-${year}${pad(local.getUTCMonth() + 1, 2)}${pad(local.getUTCDate(), 2)}-${pad(sequence, widths.sequenceWidth)}`;
}

/** Parses a dossier code; two-digit years are read as 20YY (codes exist since 2019). */
export function parseDossierCode(code: string): ParsedDossierCode {
  const match = DOSSIER_CODE_PATTERN.exec(code);
  if (!match) {
    throw new DossierCodeError(
      'dossier-code-malformed',
      {
        vi: `Mã hồ sơ "${code}" không đúng dạng <mã cơ quan>-<ngày>-<số thứ tự>, ví dụ 000.00.01.H99-260715-0042`,
        en: `Dossier code "${code}" does not match <agency id>-<date>-<sequence>, e.g. 000.00.01.H99-260715-0042`,
      },
      { code },
    );
  }
  const [, agencyCode = '', digits = '', seq = ''] = match;
  const year = digits.length === 8 ? digits.slice(0, 4) : `20${digits.slice(0, 2)}`;
  const [mm, dd] = [digits.slice(-4, -2), digits.slice(-2)];
  const date = `${year}-${mm}-${dd}`;
  const utc = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== date) {
    throw new DossierCodeError(
      'dossier-code-date-invalid',
      {
        vi: `Mã hồ sơ "${code}" chứa ngày không tồn tại`,
        en: `Dossier code "${code}" contains a date that does not exist`,
      },
      { code },
    );
  }
  const sequence = Number(seq);
  if (sequence < 1) {
    throw new DossierCodeError(
      'dossier-code-sequence-out-of-range',
      { vi: `Mã hồ sơ "${code}" có số thứ tự 0000`, en: `Dossier code "${code}" has sequence 0000` },
      { code },
    );
  }
  return { agencyCode, date, sequence };
}

/** Whether a string is a well-formed dossier code (format, real date, sequence ≥ 1). */
export function isDossierCode(code: string): boolean {
  try {
    parseDossierCode(code);
    return true;
  } catch {
    return false;
  }
}

export const DossierCode = z
  .string()
  .trim()
  .refine(
    isDossierCode,
    bi('Mã hồ sơ có dạng 000.00.01.H99-260715-0042', 'dossier code looks like 000.00.01.H99-260715-0042'),
  )
  .describe('Mã hồ sơ / dossier code');
export type DossierCode = z.infer<typeof DossierCode>;
