// The dashboard's figures from roll-up documents. Pure: the handler reads the documents, this adds them
// up per agency and for the province, and derives the on-time rates, the Decision 766 scores with their
// rank, the Circular 01 report of legacy dossiers, the feedback figures and the breakdowns by field and
// procedure. Counters are summed leaf by leaf; a malformed (non-number) value counts as nothing.
import {
  circular01Report,
  PROCEDURE_FIELDS,
  rank766,
  score766,
  type Bilingual,
  type D766Counts,
  type ResolvedEvaluationSettings,
} from '../../domain/index.js';
import type { BacklogFigures, BreakdownRow, C01View, D766View, DashboardUnit, FeedbackFigures, ProgressFigures } from '../../contract/index.js';

export type Sums = { [key: string]: number | Sums };

const META = new Set(['agencyId', 'period', 'kind', 'updatedAt', 'month', 'at', 'field']);

/** Adds every numeric leaf of `from` into `into` (nested maps recursively). */
export function addInto(into: Sums, from: unknown, depth = 0): void {
  if (from === null || typeof from !== 'object' || depth > 4) return;
  for (const [key, value] of Object.entries(from as Record<string, unknown>)) {
    if (depth === 0 && META.has(key)) continue;
    if (typeof value === 'number' && Number.isFinite(value)) {
      const prev = into[key];
      into[key] = (typeof prev === 'number' ? prev : 0) + value;
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
      const prev = into[key];
      const child: Sums = prev !== undefined && typeof prev === 'object' ? prev : {};
      into[key] = child;
      addInto(child, value, depth + 1);
    }
  }
}

/** A number at a path of the sums (0 when absent). */
export function n(s: Sums | undefined, ...path: string[]): number {
  let at: number | Sums | undefined = s;
  for (const key of path) at = at !== undefined && typeof at === 'object' ? at[key] : undefined;
  return typeof at === 'number' ? at : 0;
}
const child = (s: Sums, key: string): Sums => {
  const v = s[key];
  return v !== undefined && typeof v === 'object' ? v : {};
};

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export function progressOfSums(s: Sums): ProgressFigures {
  const finishedOnTime = n(s, 'finishedOnTime');
  const finishedLate = n(s, 'finishedLate');
  return {
    received: n(s, 'received'),
    receivedOnline: n(s, 'receivedOnline'),
    finished: finishedOnTime + finishedLate,
    finishedOnTime,
    finishedLate,
    onTimeRate: rate(finishedOnTime, finishedOnTime + finishedLate),
    returned: n(s, 'returned'),
    rated: n(s, 'rated'),
    ratedNegative: n(s, 'ratedNegative'),
  };
}

export function feedbackOfSums(s: Sums): FeedbackFigures {
  const f = child(s, 'feedback');
  return {
    received: n(f, 'received'),
    answered: n(f, 'answered'),
    answeredOnTime: n(f, 'answeredOnTime'),
    refused: n(f, 'refused'),
    published: n(f, 'published'),
    publishedOnTime: n(f, 'publishedOnTime'),
    rated: n(f, 'rated'),
    satisfied: n(f, 'satisfied'),
    verifiedComplaints: n(f, 'verifiedComplaints'),
  };
}

/** The catalogue facts 3.1 and 3.2 need: procedures for the unit, those offered online. */
export type CatalogueFacts = { procedures: readonly { code: string; online: boolean; levels: readonly string[] }[] };

export function d766CountsOf(s: Sums, catalogue: CatalogueFacts, level: string | null): D766Counts {
  const mine = catalogue.procedures.filter((p) => level === null || p.levels.includes(level));
  const online = mine.filter((p) => p.online);
  const byProcedure = child(s, 'byProcedure');
  return {
    finished: n(s, 'finishedOnTime') + n(s, 'finishedLate'),
    finishedOnTime: n(s, 'finishedOnTime'),
    timeUsedPermilleSum: n(s, 'timeUsedPermilleSum'),
    timeUsedCount: n(s, 'timeUsedCount'),
    received: n(s, 'received'),
    receivedOnline: n(s, 'receivedOnline'),
    receivedDigitised: n(s, 'receivedDigitised'),
    returned: n(s, 'returned'),
    returnedOnline: n(s, 'returnedOnline'),
    rated: n(s, 'rated'),
    ratedNegative: n(s, 'ratedNegative'),
    verifiedComplaints: n(s, 'feedback', 'verifiedComplaints'),
    feedbackAnswered: n(s, 'feedback', 'answered'),
    feedbackAnsweredOnTime: n(s, 'feedback', 'answeredOnTime'),
    feedbackRated: n(s, 'feedback', 'rated'),
    feedbackSatisfied: n(s, 'feedback', 'satisfied'),
    procedures: mine.length,
    proceduresOnline: online.length,
    proceduresOnlineUsed: online.filter((p) => n(byProcedure, p.code, 'receivedOnline') > 0).length,
  };
}

export function d766ViewOf(counts: D766Counts, settings: ResolvedEvaluationSettings): Omit<D766View, 'rank'> {
  const r = score766(counts, settings.d766);
  return {
    points: r.points,
    maxPoints: r.maxPoints,
    availablePoints: r.availablePoints,
    percent: r.percent,
    groups: r.groups.map((g) => ({ ...g })),
    subIndicators: r.subIndicators.map((x) => ({ ...x })),
  };
}

export function legacyViewOf(s: Sums, agencyId: string | null, settings: ResolvedEvaluationSettings): C01View {
  const legacy = child(s, 'legacy');
  const r = circular01Report(
    {
      indexSums: child(s, 'legacyIndexSums') as Record<string, number>,
      indexCounts: child(s, 'legacyIndexCounts') as Record<string, number>,
      evaluated: n(legacy, 'evaluated'),
      atDesk: n(legacy, 'atDesk'),
      received: n(legacy, 'received'),
      receivedOnline: n(legacy, 'receivedOnline'),
      feedbackAnswered: n(s, 'feedback', 'answered'),
      feedbackAnsweredOnTime: n(s, 'feedback', 'answeredOnTime'),
    },
    agencyId ?? undefined,
    settings.c01,
  );
  return { indices: { ...r.indices }, missing: { ...r.missing }, total: r.total, classification: r.classification, evaluatedDossiers: n(legacy, 'evaluated') };
}

export type UnitInput = {
  agencyId: string | null;
  name: Bilingual | null;
  level: string | null;
  perPeriod: Map<string, Sums>;
  live: Sums;
  backlog: Sums;
};

export function unitOf(u: UnitInput, periods: readonly string[], catalogue: CatalogueFacts, settings: ResolvedEvaluationSettings): Omit<DashboardUnit, 'd766'> & { d766: Omit<D766View, 'rank'> } {
  const total: Sums = {};
  for (const p of periods) addInto(total, u.perPeriod.get(p));
  const backlog: BacklogFigures = {
    overdue: n(u.backlog, 'overdue'),
    dueSoon: n(u.backlog, 'dueSoon'),
    inProgress: n(u.live, 'inProgress'),
    feedbackOpen: n(u.live, 'feedbackOpen'),
    feedbackUnpublished: n(u.live, 'feedbackUnpublished'),
    feedbackOverdue: n(u.backlog, 'feedbackOverdue'),
  };
  return {
    agencyId: u.agencyId,
    name: u.name,
    periods: periods.map((period) => ({ period, ...progressOfSums(u.perPeriod.get(period) ?? {}) })),
    total: progressOfSums(total),
    backlog,
    feedback: feedbackOfSums(total),
    d766: d766ViewOf(d766CountsOf(total, catalogue, u.level), settings),
    legacy: legacyViewOf(total, u.agencyId, settings),
  };
}

/** Ranks the agencies' 766 scores (ties share a rank; no data, no rank). */
export function withRanks<T extends { d766: Omit<D766View, 'rank'> }>(units: T[]): (Omit<T, 'd766'> & { d766: D766View })[] {
  const ranks = rank766(units.map((u) => u.d766));
  return units.map((u, i) => ({ ...u, d766: { ...u.d766, rank: ranks[i] ?? null } }));
}

/** Rows by field or by procedure over the range, with the backlog now. */
export function breakdown(totals: Sums, backlog: Sums, key: 'byField' | 'byProcedure', labels: ReadonlyMap<string, Bilingual>): BreakdownRow[] {
  const progress = child(totals, key);
  const now = child(backlog, key);
  const keys = [...new Set([...Object.keys(progress), ...Object.keys(now)])].sort();
  return keys.map((k) => {
    const onTime = n(progress, k, 'finishedOnTime');
    const late = n(progress, k, 'finishedLate');
    return { key: k, label: labels.get(k) ?? null, received: n(progress, k, 'received'), finishedOnTime: onTime, finishedLate: late, onTimeRate: rate(onTime, onTime + late), overdue: n(now, k, 'overdue'), dueSoon: n(now, k, 'dueSoon') };
  });
}

export const FIELD_LABELS: ReadonlyMap<string, Bilingual> = new Map(Object.entries(PROCEDURE_FIELDS));
