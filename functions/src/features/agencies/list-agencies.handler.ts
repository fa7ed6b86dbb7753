// GET /api/agencies — the public directory of the province's agencies (no sign-in, CDN-cacheable).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { invalidInput } from '../../platform/api-error.js';
import type { ApiRequest, ApiResult } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { StoredAgency, toAgencyPublic, type AgencyPublic } from './agency-public.js';

export const AGENCIES = 'agencies';
export const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=60, s-maxage=300' };

export const ListAgenciesQuery = z.strictObject({});

/**
 * Every agency, ordered by id. A province has a few hundred (after the 2025 mergers about 100 communes plus
 * departments), so one read of the collection, cached at the CDN, is cheaper than paging. A malformed
 * document is left out and logged rather than failing the whole directory.
 */
export async function readPublicAgencies(db: Firestore): Promise<AgencyPublic[]> {
  const snap = await db.collection(AGENCIES).orderBy('__name__').get();
  const items: AgencyPublic[] = [];
  for (const doc of snap.docs) {
    const parsed = StoredAgency.safeParse({ ...doc.data(), id: doc.id });
    if (parsed.success) items.push(toAgencyPublic(parsed.data));
    else logs.storedDocumentSkipped(`${AGENCIES}/${doc.id}`, 'malformed agency');
  }
  return items;
}

export async function listAgencies(req: ApiRequest, db: Firestore): Promise<ApiResult> {
  const parsed = ListAgenciesQuery.safeParse(req.query);
  if (!parsed.success) throw invalidInput(parsed.error);
  return { status: 200, headers: PUBLIC_CACHE, body: { items: await readPublicAgencies(db) } };
}
