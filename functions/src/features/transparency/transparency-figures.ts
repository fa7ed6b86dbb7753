// Public transparency figures (Decree 61/2018 Art. 31–32, Circular 01/2018): per agency and month, and
// province-wide, summed from the statistics documents `stats/{agencyId}_{field}_{YYYY-MM}` written by
// the stats trigger and the rating endpoint. Pure: the handler reads the documents, this adds them up.
// Counts only: no dossier, no person, no comment.
import { z } from 'zod';
import {
  averageIndexScore,
  bi,
  localDateOf,
  SATISFACTION_SCALE,
  type Bilingual,
  type Satisfaction,
} from '../../domain/index.js';
import { PER_DOSSIER_INDICES, type PerDossierIndex } from '../../domain/index.js';
import type { Figures, TransparencyReport } from '../../contract/index.js';

export const MAX_MONTHS = 24;
export const DEFAULT_MONTHS = 6;

const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bi('Tháng có dạng YYYY-MM, ví dụ 2026-07', 'a month looks like YYYY-MM, e.g. 2026-07'));

export const TransparencyQuery = z.strictObject({
  from: YearMonth.optional().describe('Từ tháng (YYYY-MM) / first month'),
  to: YearMonth.optional().describe('Đến tháng (YYYY-MM), mặc định tháng hiện tại / last month, default this month'),
});
export type TransparencyQuery = z.infer<typeof TransparencyQuery>;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The current month in Vietnam. */
export const vietnamMonthOf = (now: Date) => localDateOf(now).slice(0, 7);

export type MonthRange = { from: string; to: string; months: string[] };

/**
 * The months asked for: `to` defaults to the current Vietnam month, `from` to the 6 months ending at `to`.
 * Refused (as field issues) when `from` is after `to` or the range spans more than 24 months.
 */
export function resolveRange(query: TransparencyQuery, now: Date): { ok: true; range: MonthRange } | { ok: false; path: string; message: Bilingual } {
  const to = query.to ?? (query.from !== undefined && monthIndex(query.from) > monthIndex(vietnamMonthOf(now)) ? query.from : vietnamMonthOf(now));
  const from = query.from ?? monthOf(monthIndex(to) - (DEFAULT_MONTHS - 1));
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1) return { ok: false, path: 'from', message: { vi: 'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc', en: 'from must not be after to' } };
  if (span > MAX_MONTHS) {
    return { ok: false, path: 'from', message: { vi: `Xem tối đa ${MAX_MONTHS} tháng một lần`, en: `at most ${MAX_MONTHS} months at a time` } };
  }
  return { ok: true, range: { from, to, months: Array.from({ length: span }, (_, i) => monthOf(monthIndex(from) + i)) } };
}

const Count = z.number().finite().catch(0).default(0);
const Counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>).catch({} as never).default({} as never);

const SATISFACTION_LEVELS = Object.keys(SATISFACTION_SCALE) as Satisfaction[];

/** The fields of a stats document the page uses; missing or malformed counters count as 0. */
export const StatsDoc = z.object({
  agencyId: z.string(),
  month: z.string(),
  received: Count,
  refused: Count,
  resolvedEarly: Count,
  resolvedOnTime: Count,
  resolvedLate: Count,
  returned: Count,
  withdrawn: Count,
  stopped: Count,
  rated: Count,
  attitudeComplaints: Count,
  satisfaction: Counts(SATISFACTION_LEVELS),
  indexSums: Counts(PER_DOSSIER_INDICES),
  indexCounts: Counts(PER_DOSSIER_INDICES),
});
export type StatsDoc = z.infer<typeof StatsDoc>;

type Sums = Omit<StatsDoc, 'agencyId' | 'month' | 'satisfaction' | 'indexSums' | 'indexCounts'> & {
  satisfaction: Record<Satisfaction, number>;
  indexSums: Record<PerDossierIndex, number>;
  indexCounts: Record<PerDossierIndex, number>;
};

const zeroOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const SCALARS = ['received', 'refused', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'returned', 'withdrawn', 'stopped', 'rated', 'attitudeComplaints'] as const;

function emptySums(): Sums {
  return {
    ...zeroOf(SCALARS),
    satisfaction: zeroOf(SATISFACTION_LEVELS),
    indexSums: zeroOf(PER_DOSSIER_INDICES),
    indexCounts: zeroOf(PER_DOSSIER_INDICES),
  };
}

function add(into: Sums, doc: StatsDoc | Sums): void {
  for (const k of SCALARS) into[k] += doc[k];
  for (const k of SATISFACTION_LEVELS) into.satisfaction[k] += doc.satisfaction[k] ?? 0;
  for (const k of PER_DOSSIER_INDICES) {
    into.indexSums[k] += doc.indexSums[k] ?? 0;
    into.indexCounts[k] += doc.indexCounts[k] ?? 0;
  }
}

export function figuresOf(s: Sums): Figures {
  const resolvedOnTime = s.resolvedEarly + s.resolvedOnTime;
  const resolved = resolvedOnTime + s.resolvedLate;
  const perDossier = Object.fromEntries(
    PER_DOSSIER_INDICES.map((k) => [k, averageIndexScore(s.indexSums[k], s.indexCounts[k]) ?? null]),
  ) as Record<PerDossierIndex, number | null>;
  return {
    received: s.received,
    resolved,
    resolvedOnTime,
    resolvedEarly: s.resolvedEarly,
    resolvedLate: s.resolvedLate,
    onTimeRate: resolved === 0 ? null : Math.round((resolvedOnTime / resolved) * 10_000) / 10_000,
    returned: s.returned,
    refused: s.refused,
    withdrawn: s.withdrawn,
    stopped: s.stopped,
    ratings: { ...s.satisfaction, total: s.rated, attitudeComplaints: s.attitudeComplaints },
    evaluatedDossiers: s.indexCounts.index3,
    indices: {
      index1: perDossier.index1,
      index2: perDossier.index2,
      index3: perDossier.index3,
      index4: perDossier.index4,
      index5: null,
      index6: null,
      index7: perDossier.index7,
      index8: null,
      index9: null,
    },
  };
}

/**
 * Sums the documents per agency and month (over procedure fields) and province-wide. Every month of the
 * range appears, with zeros where nothing happened; agencies appear when they have any document in it.
 */
export function buildReport(docs: readonly StatsDoc[], range: MonthRange, names: ReadonlyMap<string, Bilingual>): TransparencyReport {
  const inRange = new Set(range.months);
  const perAgency = new Map<string, Map<string, Sums>>();
  const province = new Map(range.months.map((m) => [m, emptySums()]));
  for (const doc of docs) {
    if (!inRange.has(doc.month)) continue;
    let months = perAgency.get(doc.agencyId);
    if (!months) perAgency.set(doc.agencyId, (months = new Map(range.months.map((m) => [m, emptySums()]))));
    add(months.get(doc.month)!, doc);
    add(province.get(doc.month)!, doc);
  }
  const rows = (months: Map<string, Sums>) => {
    const total = emptySums();
    const list = range.months.map((month) => {
      add(total, months.get(month)!);
      return { month, ...figuresOf(months.get(month)!) };
    });
    return { months: list, total: figuresOf(total) };
  };
  const agencies = [...perAgency.keys()].sort().map((agencyId) => ({ agencyId, name: names.get(agencyId) ?? null, ...rows(perAgency.get(agencyId)!) }));
  return { from: range.from, to: range.to, months: range.months, agencies, province: rows(province) };
}
