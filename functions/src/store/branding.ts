// The province's branding, stored once in `settings/branding` and read by everything that names the
// province: the pages (through GET /api/branding), the slips (the place before the date, the hotline, the
// QR address) and the notifications (subject, hotline, lookup address). Cached per instance like other
// reference data, and checked against its stamp on every read, so a change shows at once.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Bilingual } from '../domain/index.js';
import { logs } from '../platform/logs.js';
import { readStamps } from './reference-stamps.js';

export const BRANDING = 'settings/branding';

const Text2 = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** The stored document; the logo's bytes ride in it (at most 100 KB, read by GET /api/branding/logo). */
export const StoredBranding = z.object({
  provinceName: Text2,
  placeName: z.string().min(1),
  hotline: z.string().optional(),
  publicOrigin: z.string().optional(),
  logo: z.object({ contentType: z.enum(['image/png', 'image/jpeg']), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array), version: z.number().int() }).optional(),
});
export type StoredBranding = z.infer<typeof StoredBranding>;

/** What slips and notifications use (no logo bytes). */
export type Brand = { provinceName: Bilingual; placeName: string; hotline?: string; publicOrigin?: string };

type Cached = { value: StoredBranding | undefined; updateTime: string | null; stamp: number; until: number };
let cache: Cached | undefined;
const FIVE_MINUTES = 5 * 60_000;

/** The stored branding with its update time; undefined when none was ever saved (or it is unreadable). */
export async function readBranding(db: Firestore, now = Date.now()): Promise<{ value: StoredBranding | undefined; updateTime: string | null }> {
  const stamp = (await readStamps(db)).branding;
  if (cache && cache.stamp === stamp && cache.until > now) return cache;
  const snap = await db.doc(BRANDING).get();
  const parsed = snap.exists ? StoredBranding.safeParse(snap.data()) : undefined;
  if (parsed && !parsed.success) logs.storedDocumentSkipped(BRANDING, 'malformed branding');
  cache = { value: parsed?.success ? parsed.data : undefined, updateTime: snap.updateTime?.toDate().toISOString() ?? null, stamp, until: now + FIVE_MINUTES };
  return cache;
}

/** The branding slips and notifications print, or undefined (they then name no province). */
export async function readBrand(db: Firestore): Promise<Brand | undefined> {
  const { value } = await readBranding(db);
  if (!value) return undefined;
  return {
    provinceName: value.provinceName,
    placeName: value.placeName,
    ...(value.hotline ? { hotline: value.hotline } : {}),
    ...(value.publicOrigin ? { publicOrigin: value.publicOrigin } : {}),
  };
}
