// What the transparency page has loaded — the procedures page by page, the agencies' directory, the
// figures of the last six months — and what failed, per section: each section loads on its own.
import { describeError, type Bilingual } from '../shared/api.js';
import { fetchAgencies, fetchFigures, fetchProcedures, type AgencyPublic, type ProcedureSummary, type Transparency } from './api.js';

export type Section = 'procedures' | 'agencies' | 'figures';

export const data: {
  procedures: ProcedureSummary[];
  /** Where the next page of procedures starts; null when all are loaded. */
  nextAfter: string | null;
  agencies: AgencyPublic[] | null;
  figures: Transparency | null;
  errors: Partial<Record<Section, Bilingual>>;
} = { procedures: [], nextAfter: null, agencies: null, figures: null, errors: {} };

/** `YYYY-MM` in Vietnam, `back` months before the current one. */
export function vietnamMonth(back: number, now = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The next page of procedures (the first one at the start). */
export async function loadProcedures(): Promise<void> {
  delete data.errors.procedures;
  try {
    const page = await fetchProcedures(data.nextAfter);
    data.procedures.push(...page.items);
    data.nextAfter = page.nextAfter;
  } catch (err) {
    data.errors.procedures = describeError(err);
  }
}

export async function loadAgencies(): Promise<void> {
  try {
    data.agencies = await fetchAgencies();
  } catch (err) {
    data.errors.agencies = describeError(err);
  }
}

/** The current month and the five before it. */
export async function loadFigures(): Promise<void> {
  try {
    data.figures = await fetchFigures(vietnamMonth(5), vietnamMonth(0));
  } catch (err) {
    data.errors.figures = describeError(err);
  }
}
