// What the public sees of an agency: its identity, contact, hours and the officer directory published at
// the desk (Decree 61/2018 Art. 9: full name, title, field, work phone). Never account data (uids, emails,
// roles): those live in Auth and `users/`, not in `agencies/`.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { AgencyPublic } from '../contract/index.js';
import { AgencyLevel, WorkingHours } from '../domain/index.js';
import { logs } from '../platform/logs.js';

export const AGENCIES = 'agencies';

const Text2 = z.object({ vi: z.string(), en: z.string() });
const DirectoryEntry = z.object({ fullName: z.string(), title: z.string(), field: z.string(), phone: z.string() });

/** The stored fields the public view reads; anything else in the document is dropped on parsing. */
export const StoredAgency = z.object({
  id: z.string().min(1),
  name: Text2,
  level: AgencyLevel,
  parentId: z.string().optional(),
  effectiveFrom: z.string().optional(),
  effectiveTo: z.string().optional(),
  successorId: z.string().optional(),
  hasOneStopDesk: z.boolean(),
  address: z.string().optional(),
  phone: z.string().optional(),
  workingHours: WorkingHours.optional(),
  officers: z.array(DirectoryEntry).default([]),
});
export type StoredAgency = z.infer<typeof StoredAgency>;

/** Copies field by field, so a field added to the stored agency is never published by accident. */
export function toAgencyPublic(a: StoredAgency): AgencyPublic {
  return {
    id: a.id,
    name: { vi: a.name.vi, en: a.name.en },
    level: a.level,
    ...(a.parentId !== undefined ? { parentId: a.parentId } : {}),
    ...(a.address !== undefined ? { address: a.address } : {}),
    ...(a.phone !== undefined ? { phone: a.phone } : {}),
    hasOneStopDesk: a.hasOneStopDesk,
    ...(a.workingHours !== undefined ? { workingHours: a.workingHours } : {}),
    officers: a.officers.map(({ fullName, title, field, phone }) => ({ fullName, title, field, phone })),
    ...(a.successorId !== undefined ? { successorId: a.successorId } : {}),
    ...(a.effectiveFrom !== undefined ? { effectiveFrom: a.effectiveFrom } : {}),
    ...(a.effectiveTo !== undefined ? { effectiveTo: a.effectiveTo } : {}),
  };
}

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
