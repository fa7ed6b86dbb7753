// GET /api/me/dossiers — the caller's own dossiers, newest first, for "Hồ sơ của tôi" at first paint. The
// page used to open two Firestore listeners before showing anything, which meant loading the Firestore SDK
// (≈ 134 KB gzip) on a slow phone before the list appeared (issue 20); one API answer is lighter, and the
// listener now only takes over after the page is usable.
// Authorization does not rest on the security rules: the queries themselves ask only for dossiers whose
// `ownerUserId` or `principalUserId` is the caller's uid, so nobody can list anyone else's.
import { FieldPath, type DocumentData, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { MyDossierItem, MyDossiersQuery } from '../../contract/index.js';
import { refuseKiosk } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { DOSSIERS } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';
import type { DossierDeps } from './dossier-deps.js';

/** A cursor is the last item's creation instant and id: `2026-12-03T08:15:00.000Z_<id>`. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)_([A-Za-z0-9_-]{1,64})$/;

export const MyDossiersRequest = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'Số hồ sơ mỗi trang là số nguyên / the page size is a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'Ít nhất 1 / at least 1').max(100, 'Nhiều nhất 100 / at most 100'))
    .optional()
    .describe('Số hồ sơ mỗi trang (1–100, mặc định 50) / page size (1–100, default 50)'),
  after: z
    .string()
    .regex(CURSOR, 'Con trỏ không hợp lệ: dùng nextAfter của trang trước / invalid cursor: pass the previous page’s nextAfter')
    .optional(),
});
type _MyDossiersAgrees = Agrees<SameShape<z.input<typeof MyDossiersRequest>, MyDossiersQuery>>;

const DEFAULT_LIMIT = 50;

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

/** The fields the list shows, from the dossier's public document (revived: Timestamps become Dates). */
function itemOf(id: string, raw: DocumentData): MyDossierItem {
  const d = revive(raw) as Record<string, unknown> & {
    code?: string;
    version?: number;
    status: MyDossierItem['status'];
    procedure: { code: string; name: MyDossierItem['procedure']['name'] };
    supplement?: { requestedAt?: unknown; submittedAt?: unknown };
    stopRequest?: { requestedAt?: unknown; confirmedAt?: unknown };
  };
  return {
    id,
    code: d.code ?? null,
    version: d.version ?? 0,
    status: d.status,
    procedure: { code: d.procedure.code, name: d.procedure.name },
    createdAt: iso(d.createdAt) ?? new Date(0).toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    supplement: d.supplement ? { requestedAt: iso(d.supplement.requestedAt) ?? '', submittedAt: iso(d.supplement.submittedAt) } : null,
    stopRequest: d.stopRequest ? { requestedAt: iso(d.stopRequest.requestedAt) ?? '', confirmedAt: iso(d.stopRequest.confirmedAt) } : null,
  };
}

/** Newest first; equal instants by id, descending, as the queries order them. */
const newestFirst = (a: MyDossierItem, b: MyDossierItem): number =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

const cursorOf = (item: MyDossierItem): string => `${item.createdAt}_${item.id}`;

/**
 * Indexes: dossiers (ownerUserId ASC, createdAt DESC) and (principalUserId ASC, createdAt DESC) —
 * firestore.indexes.json. Both queries start after the same cursor in the same order, so merging each
 * one's first `limit` gives the true first `limit` of the union.
 */
export async function listMyDossiers(req: ApiRequest, deps: Pick<DossierDeps, 'db' | 'caller'>): Promise<Reply<'listMyDossiers'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { limit = DEFAULT_LIMIT, after } = parseInput(MyDossiersRequest, req.query);
  const cursor = after ? CURSOR.exec(after) : null;
  const pageOf = (field: 'ownerUserId' | 'principalUserId'): Query => {
    let q = deps.db.collection(DOSSIERS).where(field, '==', caller.userId).orderBy('createdAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
    if (cursor) q = q.startAfter(new Date(cursor[1]!), cursor[2]!);
    return q.limit(limit + 1);
  };
  const [own, onBehalf] = await Promise.all([pageOf('ownerUserId').get(), pageOf('principalUserId').get()]);
  const byId = new Map<string, MyDossierItem>();
  for (const doc of [...own.docs, ...onBehalf.docs]) if (!byId.has(doc.id)) byId.set(doc.id, itemOf(doc.id, doc.data()));
  const all = [...byId.values()].sort(newestFirst);
  const items = all.slice(0, limit);
  const last = items[items.length - 1];
  return {
    status: 200,
    // Personal data: never kept by Hosting's CDN or a shared cache.
    headers: { 'Cache-Control': 'private, no-store' },
    body: { items, nextAfter: all.length > limit && last ? cursorOf(last) : null },
  };
}
