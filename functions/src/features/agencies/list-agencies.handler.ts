// GET /api/agencies — the public directory of the province's agencies (no sign-in, CDN-cacheable).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { PUBLIC_CACHE } from '../../platform/cache.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { readPublicAgencies } from '../../store/agencies.js';

export const ListAgenciesQuery = z.strictObject({});

export async function listAgencies(req: ApiRequest, db: Firestore): Promise<Reply<'listAgencies'>> {
  parseInput(ListAgenciesQuery, req.query);
  return { status: 200, headers: PUBLIC_CACHE, body: { items: await readPublicAgencies(db) } };
}
