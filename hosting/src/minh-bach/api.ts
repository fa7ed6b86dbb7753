// Every call the transparency page makes to /api, and the answers it reads (docs/API.md). No sign-in
// and no Firebase SDK: plain fetch keeps the page light on a cheap phone.
import type { AgencyFigures, AgencyPublic, Figures, MonthFigures, ProcedurePage, ProcedureSummary, TransparencyAnswer } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { AgencyFigures, AgencyPublic, Figures, MonthFigures, ProcedureSummary };
/** GET /api/transparency: monthly figures per agency and province-wide. */
export type Transparency = TransparencyAnswer;

/** GET /api/procedures, the page after `after` (the server's default page size). */
export const fetchProcedures = (after: string | null): Promise<ProcedurePage> => api('listProcedures', { query: after ? { after } : {} });

/** GET /api/agencies: the agencies with their desks, hours and published officers. */
export const fetchAgencies = async (): Promise<AgencyPublic[]> => (await api('listAgencies', {})).items;

/** Months as `YYYY-MM`. */
export const fetchFigures = (from: string, to: string): Promise<Transparency> => api('transparency', { query: { from, to } });
