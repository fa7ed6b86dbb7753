// Every call the landing page makes to /api, and the answers it reads (docs/API.md): plain fetch, no
// Firebase SDK, no zod. (The "check connection" button in the footer is the shared health-check widget.)
import type { ProcedurePage, ProcedureSummary } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { ProcedureSummary };

/** The whole catalogue, 100 at a time (a province publishes hundreds; the list endpoint pages by code). */
export async function fetchCatalogue(): Promise<ProcedureSummary[]> {
  const items: ProcedureSummary[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: ProcedurePage = await api('listProcedures', { query: { limit: 100, ...(after ? { after } : {}) } });
    items.push(...page.items);
    after = page.nextAfter;
    if (!after) break;
  }
  return items;
}
