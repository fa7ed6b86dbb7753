// The demo province as files in the national formats (seed/agencies.csv, seed/procedures.csv,
// seed/officers.csv), read through the import's own reader and plan, so the demo and a real province
// load the same way. Tests and benchmarks that need the objects take them from here (seed/data/*).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency, Procedure } from '../functions/src/domain/index.js';
import {
  AGENCY_COLUMNS,
  OFFICER_COLUMNS,
  PROCEDURE_COLUMNS,
  describeRow,
  planAgencyImport,
  planOfficerImport,
  planProcedureImport,
  type OfficerInvite,
  type RowReport,
} from '../functions/src/domain/catalogue/index.js';
import { readImportRows } from '../functions/src/platform/table-file.js';

export const SEED_FILES = {
  agencies: join(import.meta.dirname, 'agencies.csv'),
  procedures: join(import.meta.dirname, 'procedures.csv'),
  officers: join(import.meta.dirname, 'officers.csv'),
} as const;

/** Every seed row has its own dates; this only dates rows that would not. */
const SEED_DAY = '2025-07-01';

/** A seed row the import rejects is a broken demo: say which and why. */
export function assertAccepted(file: string, rows: readonly RowReport[]): void {
  const rejected = rows.filter((r) => r.outcome === 'rejected');
  if (rejected.length > 0) throw new Error(`${file}: ${rejected.map((r) => describeRow(r, 'en')).join('\n')}`);
}

export async function readSeedAgencies(): Promise<Agency[]> {
  const file = await readImportRows(readFileSync(SEED_FILES.agencies), AGENCY_COLUMNS);
  const plan = planAgencyImport({ rows: file.rows, stored: new Map(), today: SEED_DAY });
  assertAccepted(SEED_FILES.agencies, plan.rows);
  return plan.writes.map((w) => w.agency);
}

export async function readSeedProcedures(agencies: readonly Agency[]): Promise<Procedure[]> {
  const file = await readImportRows(readFileSync(SEED_FILES.procedures), PROCEDURE_COLUMNS);
  const plan = planProcedureImport({ rows: file.rows, stored: new Map(), agencies: agencies.map((a) => ({ id: a.id, name: a.name })), today: SEED_DAY });
  assertAccepted(SEED_FILES.procedures, plan.rows);
  return plan.writes.flatMap((w) => w.versions);
}

export async function readSeedOfficers(agencies: readonly Agency[]): Promise<OfficerInvite[]> {
  const file = await readImportRows(readFileSync(SEED_FILES.officers), OFFICER_COLUMNS);
  const plan = planOfficerImport({ rows: file.rows, accounts: new Map(), agencyIds: new Set(agencies.map((a) => a.id)) });
  assertAccepted(SEED_FILES.officers, plan.rows);
  return [...plan.invites];
}
