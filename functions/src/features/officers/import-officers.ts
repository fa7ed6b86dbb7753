// Imports an officers file (CSV or XLSX; docs/IMPORT.md) through the invitation flow, one officer at a
// time: a new address gets an account without a password and Firebase Auth's one-time link; a role or
// agency change ends the officer's sessions; an address that already has a non-officer account is
// rejected (an existing account is never given a role). Nothing here sets a password.
// @idempotent by email (inviteOfficer): the same file again finds every officer unchanged.
import type { Auth } from 'firebase-admin/auth';
import { OFFICER_COLUMNS, normaliseEmail, planOfficerImport, type ExistingAccount } from '../../domain/catalogue/index.js';
import { readImportRows } from '../../platform/table-file.js';
import { readStoredAgencies } from '../../store/catalogue-records.js';
import { startImportJob, type ImportProgress, type ImportResult } from '../../store/imports.js';
import { inviteOfficer, type ProvisionDeps } from './provision-officer.handler.js';

export type ImportOfficersDeps = Omit<ProvisionDeps, 'caller'> & { by: string; onProgress?: (progress: ImportProgress) => void };

async function existingAccounts(auth: Auth, emails: string[]): Promise<Map<string, ExistingAccount>> {
  const out = new Map<string, ExistingAccount>();
  for (let i = 0; i < emails.length; i += 100) {
    const { users } = await auth.getUsers(emails.slice(i, i + 100).map((email) => ({ email })));
    for (const u of users) {
      if (u.email) out.set(u.email.toLowerCase(), { role: u.customClaims?.role, agencyId: u.customClaims?.agencyId, ...(u.displayName ? { displayName: u.displayName } : {}) });
    }
  }
  return out;
}

export async function importOfficers(bytes: Uint8Array, options: { dryRun: boolean; fileName: string }, deps: ImportOfficersDeps): Promise<ImportResult> {
  const file = await readImportRows(bytes, OFFICER_COLUMNS);
  const emails = [...new Set(file.rows.map((r) => normaliseEmail(r.cells.email)).filter((e) => e.includes('@')))];
  const [accounts, agencies] = await Promise.all([existingAccounts(deps.auth, emails), readStoredAgencies(deps.db)]);
  const plan = planOfficerImport({ rows: file.rows, accounts, agencyIds: new Set(agencies.keys()) });
  const result: ImportResult = {
    kind: 'officers',
    dryRun: options.dryRun,
    format: file.format,
    headerRow: file.headerRow,
    columns: file.columns,
    rows: plan.rows,
    counts: plan.counts,
    documents: 0,
  };
  if (options.dryRun || plan.invites.length === 0) return result;
  const total = plan.invites.length;
  const job = await startImportJob(deps.db, { kind: 'officers', bytes, fileName: options.fileName, by: deps.by, now: deps.now, total, counts: plan.counts, rows: plan.rows });
  let done = 0;
  try {
    for (const invite of plan.invites) {
      await inviteOfficer({ email: invite.email, displayName: invite.displayName, role: invite.role, agencyId: invite.agencyId }, deps.by, deps);
      done += 1;
      await job.progress(done, done);
      deps.onProgress?.({ kind: 'officers', done, total, documents: done });
    }
    await job.finish('done');
    return { ...result, documents: done, jobId: job.id, ...(job.previous && job.previous.state !== 'done' ? { resumed: job.previous } : {}) };
  } catch (err) {
    await job.finish('failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}
