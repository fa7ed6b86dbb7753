// Where the accountability figures live. Every figure the leaders' dashboard and the transparency page show
// is read from these, so a read costs O(agencies × periods), never O(dossiers):
//   rollups/{agencyId}_{YYYY-MM}      counters of one agency and month (Vietnam time), with maps by field and procedure
//   rollups/{agencyId}_{YYYY}-W{ww}   the same per ISO week
//   rollups/{agencyId}_live           gauges that are not per period (in progress, feedback open / unpublished)
//   officerStats/{agencyId}_{YYYY-MM} per-officer counters of one agency and month (its leads only)
//   backlog/{agencyId}                overdue and due-soon dossiers now (from the sweep's flags), by field and procedure
//   dossierFacts/{dossierId}          one dossier's codes and period tags: the drill-down from a figure to its dossiers
//   feedback/{id}, feedback/{id}/private/sender, feedbackAnswers/{id}   feedback cases, their senders, published answers
//   evaluationSettings/current        an administrator's corrections of points, targets and thresholds
import { localDateOf } from '../domain/index.js';

export const ROLLUPS = 'rollups';
export const OFFICER_STATS = 'officerStats';
export const BACKLOG = 'backlog';
export const DOSSIER_FACTS = 'dossierFacts';
export const FEEDBACK = 'feedback';
export const FEEDBACK_ANSWERS = 'feedbackAnswers';
export const EVALUATION_SETTINGS = 'evaluationSettings';

export type PeriodKind = 'month' | 'week';

/** `YYYY-MM` of the instant in Vietnam. */
export const monthOf = (at: Date): string => localDateOf(at).slice(0, 7);

/** ISO 8601 week `YYYY-Www` of a local date `YYYY-MM-DD` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week of the instant in Vietnam. */
export const weekOf = (at: Date): string => isoWeekOfDate(localDateOf(at));

export const periodKindOf = (period: string): PeriodKind => (period.includes('-W') ? 'week' : 'month');
export const rollupId = (agencyId: string, period: string) => `${agencyId}_${period}`;
export const liveId = (agencyId: string) => `${agencyId}_live`;

/** The Monday (local date) of an ISO week, and the weeks from `from` to `to` inclusive. */
export function mondayOfIsoWeek(week: string): number {
  const [year, w] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * 86_400_000 + (w - 1) * 7 * 86_400_000;
}
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = mondayOfIsoWeek(from); t <= mondayOfIsoWeek(to) && out.length < 200; t += 7 * 86_400_000) {
    out.push(isoWeekOfDate(new Date(t).toISOString().slice(0, 10)));
  }
  return out;
}
