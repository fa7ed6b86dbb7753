// Dossier code (mã hồ sơ), Circular 01/2018/TT-VPCP Art. 19: `<agency identifier>-<YYMMDD>-<NNNN>`, e.g.
// `000.00.01.H99-260715-0042`. The date is the reception date in Vietnam (UTC+7, whatever the host's
// time zone); the sequence restarts at 0001 every day for every agency. Codes are guessable, so a code
// alone never unlocks dossier details (see lookup-token).
import { z } from 'zod';
import { AGENCY_ID_PATTERN } from '../agency/agency-id.js';
import { bi } from '../shared/bilingual.js';
import { DomainError } from '../shared/domain-error.js';

export const MAX_DAILY_SEQUENCE = 9999;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DOSSIER_CODE_PATTERN = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

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

export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  if (!AGENCY_ID_PATTERN.test(agencyCode)) {
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
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new DossierCodeError(
      'dossier-code-sequence-out-of-range',
      sequence > MAX_DAILY_SEQUENCE
        ? {
            vi: `Đã hết số thứ tự hồ sơ trong ngày của cơ quan ${agencyCode}: tối đa ${MAX_DAILY_SEQUENCE} hồ sơ mỗi ngày`,
            en: `Agency ${agencyCode} has used up its daily dossier numbers: at most ${MAX_DAILY_SEQUENCE} dossiers a day`,
          }
        : {
            vi: `Số thứ tự hồ sơ phải là số nguyên từ 1 đến ${MAX_DAILY_SEQUENCE} (nhận được ${String(sequence)})`,
            en: `Dossier sequence must be an integer from 1 to ${MAX_DAILY_SEQUENCE} (got ${String(sequence)})`,
          },
      { sequence },
    );
  }
  // Shift to Vietnam wall-clock time and read it with UTC accessors: independent of the host's TZ.
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const yy = pad(local.getUTCFullYear() % 100, 2);
  return `${agencyCode}-${yy}${pad(local.getUTCMonth() + 1, 2)}${pad(local.getUTCDate(), 2)}-${pad(sequence, 4)}`;
}

/** Parses a dossier code; two-digit years are read as 20YY (codes exist since 2019). */
export function parseDossierCode(code: string): ParsedDossierCode {
  const match = DOSSIER_CODE_PATTERN.exec(code);
  if (!match) {
    throw new DossierCodeError(
      'dossier-code-malformed',
      {
        vi: `Mã hồ sơ "${code}" không đúng dạng <mã cơ quan>-<YYMMDD>-<NNNN>, ví dụ 000.00.01.H99-260715-0042`,
        en: `Dossier code "${code}" does not match <agency id>-<YYMMDD>-<NNNN>, e.g. 000.00.01.H99-260715-0042`,
      },
      { code },
    );
  }
  const [, agencyCode = '', yy = '', mm = '', dd = '', seq = ''] = match;
  const date = `20${yy}-${mm}-${dd}`;
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
