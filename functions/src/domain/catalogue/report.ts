// What an import says about each row: accepted as new, changed (a new version, or an updated record),
// unchanged, or rejected with every reason found. Row numbers are those a spreadsheet shows (the header
// row included), so an operator can go straight to the row.
import type { Bilingual } from '../shared/bilingual.js';

export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'rejected';
export const ROW_OUTCOMES = ['new', 'changed', 'unchanged', 'rejected'] as const satisfies readonly RowOutcome[];

export const OUTCOME_LABELS = {
  new: { vi: 'Mới', en: 'new' },
  changed: { vi: 'Thay đổi', en: 'changed' },
  unchanged: { vi: 'Không đổi', en: 'unchanged' },
  rejected: { vi: 'Bị từ chối', en: 'rejected' },
} as const satisfies Record<RowOutcome, Bilingual>;

/** One reason a row was refused, with the column it is about when there is one. */
export type RowProblem = { readonly column?: string; readonly message: Bilingual };

export type RowReport = {
  readonly row: number;
  /** What the row is about: a procedure code, an agency id, an email. */
  readonly key?: string;
  readonly outcome: RowOutcome;
  readonly problems: readonly RowProblem[];
  /** Procedures: the version this row is (or becomes). */
  readonly version?: number;
  /** What is worth knowing but does not stop the row (no English text: the Vietnamese is used, …). */
  readonly notes: readonly Bilingual[];
};

export type OutcomeCounts = Record<RowOutcome, number>;

export function countOutcomes(rows: readonly Pick<RowReport, 'outcome'>[]): OutcomeCounts {
  const counts: OutcomeCounts = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return counts;
}

/** "dòng 12 (1.001193): bị từ chối — Thời hạn giải quyết: …" in one language, for a terminal. */
export function describeRow(report: RowReport, lang: keyof Bilingual): string {
  const what = report.key ? ` (${report.key}${report.version ? ` v${report.version}` : ''})` : '';
  const row = lang === 'vi' ? `dòng ${report.row}` : `row ${report.row}`;
  const problems = report.problems.map((p) => (p.column ? `${p.column}: ${p.message[lang]}` : p.message[lang])).join('; ');
  return `${row}${what}: ${OUTCOME_LABELS[report.outcome][lang]}${problems ? ` — ${problems}` : ''}`;
}

/** JSON with keys in a fixed order, for comparing stored and imported records by content. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
