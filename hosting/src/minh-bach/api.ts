// Every call the transparency page makes to /api, and the answers it reads (docs/API.md). No sign-in
// and no Firebase SDK: plain fetch keeps the page light on a cheap phone.
import type { AgencyPublic } from '../shared/agency-public.js';
import { callApi, type Bilingual } from '../shared/api.js';
import type { ProcedurePage, ProcedureSummary } from '../shared/procedure-list.js';

export type { AgencyPublic, ProcedureSummary };

export type Figures = {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** resolvedOnTime / resolved, 0–1; null when nothing was resolved. */
  onTimeRate: number | null;
  ratings: Record<string, number>;
  indices: Record<string, number | null>;
};
export type MonthFigures = Figures & { month: string };
export type AgencyFigures = { agencyId: string; name: Bilingual | null; months: MonthFigures[]; total: Figures };
/** GET /api/transparency: monthly figures per agency and province-wide. */
export type Transparency = {
  from: string;
  to: string;
  agencies: AgencyFigures[];
  province: { months: MonthFigures[]; total: Figures };
  indexLabels?: Record<string, Bilingual>;
  satisfactionLabels?: Record<string, Bilingual>;
};

/** GET /api/procedures, the page after `after` (the server's default page size). */
export const fetchProcedures = (after: string | null): Promise<ProcedurePage> => callApi<ProcedurePage>(`/procedures${after ? `?after=${encodeURIComponent(after)}` : ''}`);

/** GET /api/agencies: the agencies with their desks, hours and published officers. */
export const fetchAgencies = async (): Promise<AgencyPublic[]> => (await callApi<{ items: AgencyPublic[] }>('/agencies')).items;

/** Months as `YYYY-MM`. */
export const fetchFigures = (from: string, to: string): Promise<Transparency> => callApi<Transparency>(`/transparency?from=${from}&to=${to}`);
