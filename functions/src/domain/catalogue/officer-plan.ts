// An officers file → the invitations to send. Officer accounts are only ever created by invitation
// (features/officers): a new address gets an account without a password and an emailed one-time link;
// an existing officer account has its role or agency changed (its sessions then end); an existing
// account that is not an officer's is never given a role, and its row is rejected.
import { z } from 'zod';
import type { Bilingual } from '../shared/bilingual.js';
import { parseStaffRole, type StaffRole } from './choices.js';
import { OFFICER_COLUMNS, headerOf, type OfficerColumn } from './columns.js';
import { countOutcomes, type OutcomeCounts, type RowProblem, type RowReport } from './report.js';
import { cleanCell } from './text.js';

export type OfficerRow = { readonly row: number; readonly cells: Partial<Record<OfficerColumn, string>> };

/** An Auth account already holding the address: its claims and whether it has chosen a password. */
export type ExistingAccount = { readonly role?: unknown; readonly agencyId?: unknown; readonly displayName?: string };

export type OfficerInvite = { readonly row: number; readonly email: string; readonly displayName: string; readonly role: StaffRole; readonly agencyId: string };
export type OfficerPlan = { readonly rows: readonly RowReport[]; readonly invites: readonly OfficerInvite[]; readonly counts: OutcomeCounts };

const header = (key: OfficerColumn) => headerOf(OFFICER_COLUMNS, key);
const Email = z.email().max(254);

export const ACCOUNT_EXISTS: Bilingual = {
  vi: 'Địa chỉ email này đã có một tài khoản không phải của cán bộ; tài khoản có sẵn không bao giờ được cấp quyền. Hãy kiểm tra tài khoản đó hoặc dùng địa chỉ khác.',
  en: 'This email address already has an account that is not an officer account; an existing account is never given a role. Check that account or use another address.',
};

export function normaliseEmail(value: string | undefined): string {
  return cleanCell(value).toLowerCase();
}

export function planOfficerImport(input: {
  rows: readonly OfficerRow[];
  /** Accounts already holding the file's addresses (lower-case email → account). */
  accounts: ReadonlyMap<string, ExistingAccount>;
  agencyIds: ReadonlySet<string>;
}): OfficerPlan {
  const reports: RowReport[] = [];
  const invites: OfficerInvite[] = [];
  const counts = new Map<string, number[]>();
  for (const row of input.rows) {
    const email = normaliseEmail(row.cells.email);
    counts.set(email, [...(counts.get(email) ?? []), row.row]);
  }
  for (const row of input.rows) {
    const problems: RowProblem[] = [];
    const email = normaliseEmail(row.cells.email);
    if (!Email.safeParse(email).success) problems.push({ column: header('email'), message: { vi: `Email "${email}" không hợp lệ`, en: `invalid email "${email}"` } });
    const same = counts.get(email) ?? [];
    if (email !== '' && same.length > 1) problems.push({ column: header('email'), message: { vi: `Email ${email} xuất hiện ở nhiều dòng (${same.join(', ')})`, en: `email ${email} is on several rows (${same.join(', ')})` } });
    const displayName = cleanCell(row.cells.displayName);
    if (displayName.length < 2 || displayName.length > 100) problems.push({ column: header('displayName'), message: { vi: 'Họ và tên từ 2 đến 100 ký tự', en: 'the name must have 2 to 100 characters' } });
    const role = parseStaffRole(row.cells.role ?? '');
    if (!role.ok) problems.push({ column: header('role'), message: role.reason });
    const agencyId = cleanCell(row.cells.agencyId);
    if (!input.agencyIds.has(agencyId)) problems.push({ column: header('agencyId'), message: { vi: `Không có cơ quan mã "${agencyId}"`, en: `no agency "${agencyId}"` } });
    const existing = input.accounts.get(email);
    const isOfficer = existing !== undefined && typeof existing.role === 'string' && (['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk'] as unknown[]).includes(existing.role);
    if (existing && !isOfficer) problems.push({ column: header('email'), message: ACCOUNT_EXISTS });
    if (problems.length > 0 || !role.ok) {
      reports.push({ row: row.row, ...(email ? { key: email } : {}), outcome: 'rejected', problems, notes: [] });
      continue;
    }
    const unchanged = existing !== undefined && existing.role === role.value && existing.agencyId === agencyId && existing.displayName === displayName;
    reports.push({ row: row.row, key: email, outcome: unchanged ? 'unchanged' : existing ? 'changed' : 'new', problems: [], notes: [] });
    if (!unchanged) invites.push({ row: row.row, email, displayName, role: role.value, agencyId });
  }
  return { rows: reports, invites, counts: countOutcomes(reports) };
}
