// The periods a dashboard request covers: months `YYYY-MM` or ISO weeks `YYYY-Www`, in Vietnam time.
import { z } from 'zod';
import { AgencyId, bi, type Bilingual } from '../../domain/index.js';
import { monthOf, weekOf, weeksBetween } from '../../store/rollups.js';

export const MAX_MONTHS = 24;
export const MAX_WEEKS = 26;

const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, bi('Kỳ có dạng YYYY-MM hoặc YYYY-Www, ví dụ 2026-07 hay 2026-W27', 'a period looks like YYYY-MM or YYYY-Www, e.g. 2026-07 or 2026-W27'));

export const DashboardQuery = z.strictObject({
  view: z.enum(['month', 'week']).default('month').describe('Theo tháng hay tuần / by month or week'),
  from: Period.optional().describe('Từ kỳ / first period'),
  to: Period.optional().describe('Đến kỳ / last period'),
  agencyId: AgencyId.optional().describe('Một cơ quan / one agency'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

export type Range = { view: 'month' | 'week'; from: string; to: string; periods: string[] };
export type RangeResult = { ok: true; range: Range } | { ok: false; path: string; message: Bilingual };

const bad = (path: string, vi: string, en: string): RangeResult => ({ ok: false, path, message: { vi, en } });

/** Defaults: the 6 months, or the 8 weeks, ending with the current one. */
export function resolveDashboardRange(q: Pick<DashboardQuery, 'view' | 'from' | 'to'>, now: Date): RangeResult {
  const isWeek = (p: string) => p.includes('-W');
  for (const key of ['from', 'to'] as const) {
    const value = q[key];
    if (value !== undefined && isWeek(value) !== (q.view === 'week')) return bad(key, 'Kỳ không khớp với cách xem (tháng hay tuần)', 'the period does not match the view (month or week)');
  }
  if (q.view === 'month') {
    const to = q.to ?? monthOf(now);
    const from = q.from ?? monthAt(monthIndex(to) - 5);
    const span = monthIndex(to) - monthIndex(from) + 1;
    if (span < 1) return bad('from', 'Kỳ bắt đầu phải trước kỳ kết thúc', 'from must not be after to');
    if (span > MAX_MONTHS) return bad('from', `Xem tối đa ${MAX_MONTHS} tháng một lần`, `at most ${MAX_MONTHS} months at a time`);
    return { ok: true, range: { view: 'month', from, to, periods: Array.from({ length: span }, (_, i) => monthAt(monthIndex(from) + i)) } };
  }
  const to = q.to ?? weekOf(now);
  const from = q.from ?? weeksBefore(to, 7);
  if (from > to) return bad('from', 'Kỳ bắt đầu phải trước kỳ kết thúc', 'from must not be after to');
  const periods = weeksBetween(from, to);
  if (periods.length > MAX_WEEKS) return bad('from', `Xem tối đa ${MAX_WEEKS} tuần một lần`, `at most ${MAX_WEEKS} weeks at a time`);
  return { ok: true, range: { view: 'week', from, to, periods } };
}

function weeksBefore(week: string, count: number): string {
  // Seven days back per week, from the Monday of `week`.
  const year = Number(week.slice(0, 4));
  const w = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (w - 1 - count) * 7 * 86_400_000;
  return weekOf(new Date(monday + 12 * 3_600_000));
}
