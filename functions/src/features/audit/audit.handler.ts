// GET /api/admin/audit — the audit log of administrative changes (store/admin-write.ts), newest first,
// 50 a page; filtered by what was changed (agency, officer, procedure, calendar, branding, settings).
// Index: auditLog (target.kind ASC, at DESC) — firestore.indexes.json.
import type { Firestore, Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { AuditEntryView } from '../../contract/index.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { AUDIT_LOG } from '../../store/admin-write.js';
import { revive } from '../../store/revive.js';

const PAGE = 50;

export const AuditQuery = z.strictObject({
  before: z.iso.datetime({ offset: true }).optional().describe('Các mục trước thời điểm này / entries before this instant'),
  targetKind: z.enum(['agency', 'officer', 'procedure', 'calendar', 'branding', 'ruleSetSettings']).optional(),
});

export type AuditDeps = { db: Firestore; caller: (req: ApiRequest) => Promise<Caller> };

export async function listAudit(req: ApiRequest, deps: AuditDeps): Promise<Reply<'listAudit'>> {
  requireRole(await deps.caller(req), ['admin']);
  const query = parseInput(AuditQuery, req.query);
  let q: Query = deps.db.collection(AUDIT_LOG);
  if (query.targetKind) q = q.where('target.kind', '==', query.targetKind);
  q = q.orderBy('at', 'desc');
  if (query.before) q = q.where('at', '<', new Date(query.before));
  const snap = await q.limit(PAGE + 1).get();
  const docs = snap.docs.slice(0, PAGE);
  const entries = docs.map((doc): AuditEntryView => {
    const e = revive(doc.data()) as Omit<AuditEntryView, 'id' | 'at'> & { at: Date };
    return { id: doc.id, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, summary: e.summary, before: e.before ?? null, after: e.after ?? null };
  });
  const last = entries[entries.length - 1];
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { entries, nextBefore: snap.docs.length > PAGE && last ? last.at : null } };
}
