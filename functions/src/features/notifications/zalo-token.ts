// The Zalo Official Account's access token (valid about 25 hours) and its single-use refresh token, kept
// in `system/zaloOaToken`. Only one instance refreshes at a time (a lease in a transaction): a refresh
// token used twice is rejected by Zalo and the OA would have to be authorised again by hand.
// First setup: an operator stores the refresh token from the OA authorisation (docs/NOTIFICATIONS.md).
import { randomUUID } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { postToProvider } from './provider-http.js';
import { DeliveryError } from './channel-ports.js';

export const ZALO_TOKEN_DOC = 'system/zaloOaToken';
/** Refresh this long before expiry, so a message never goes out with a token about to lapse. */
const EARLY_MS = 5 * 60_000;
const LEASE_MS = 60_000;

export type ZaloTokenSettings = { db: Firestore; now: () => Date; oauthBaseUrl: string; appId: string; appSecret: string };

const Stored = z.looseObject({
  accessToken: z.string().optional(),
  refreshToken: z.string().min(1),
  expiresAt: z.custom<{ toDate(): Date }>().optional(),
  refreshLease: z.string().nullable().optional(),
  refreshingUntil: z.custom<{ toDate(): Date }>().optional(),
});

const Refreshed = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(), // Zalo sends seconds as a string
});

export function zaloTokenSource(settings: ZaloTokenSettings): (opts: { rejected?: string }) => Promise<string> {
  const ref = settings.db.doc(ZALO_TOKEN_DOC);
  let cached: { token: string; until: number } | undefined;

  return async ({ rejected }) => {
    const now = settings.now().getTime();
    if (cached && cached.token !== rejected && cached.until > now) return cached.token;
    const lease = randomUUID();
    const step = await settings.db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      const parsed = Stored.safeParse(snap.data());
      if (!parsed.success) return { kind: 'unconfigured' as const, why: snap.exists ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'missing' };
      const s = parsed.data;
      const expiresAt = s.expiresAt?.toDate().getTime() ?? 0;
      if (s.accessToken && s.accessToken !== rejected && expiresAt - EARLY_MS > now) {
        return { kind: 'valid' as const, token: s.accessToken, until: expiresAt - EARLY_MS };
      }
      if ((s.refreshingUntil?.toDate().getTime() ?? 0) > now) return { kind: 'busy' as const };
      tx.update(ref, { refreshLease: lease, refreshingUntil: new Date(now + LEASE_MS) });
      return { kind: 'refresh' as const, refreshToken: s.refreshToken };
    });
    if (step.kind === 'unconfigured') throw new DeliveryError('permanent', `Zalo OA not authorised: ${ZALO_TOKEN_DOC} ${step.why}`);
    if (step.kind === 'busy') throw new DeliveryError('temporary', 'another instance is refreshing the Zalo token');
    if (step.kind === 'valid') {
      cached = { token: step.token, until: step.until };
      return step.token;
    }

    let refreshed: z.infer<typeof Refreshed>;
    try {
      const raw = await postToProvider(`${settings.oauthBaseUrl}/v4/oa/access_token`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: settings.appSecret },
        body: new URLSearchParams({ refresh_token: step.refreshToken, app_id: settings.appId, grant_type: 'refresh_token' }).toString(),
      });
      const parsed = Refreshed.safeParse(raw);
      if (!parsed.success) throw new DeliveryError('temporary', `Zalo token refresh refused: ${JSON.stringify(raw).slice(0, 200)}`);
      refreshed = parsed.data;
    } catch (err) {
      // Give the lease back so the next attempt may try again at once.
      await settings.db.runTransaction(async (tx) => {
        if ((await tx.get(ref)).get('refreshLease') === lease) tx.update(ref, { refreshLease: null, refreshingUntil: null });
      });
      throw err;
    }
    const expiresAt = settings.now().getTime() + refreshed.expires_in * 1000;
    await ref.update({
      accessToken: refreshed.access_token,
      refreshToken: refreshed.refresh_token,
      expiresAt: new Date(expiresAt),
      refreshedAt: settings.now(),
      refreshLease: null,
      refreshingUntil: null,
    });
    cached = { token: refreshed.access_token, until: expiresAt - EARLY_MS };
    return refreshed.access_token;
  };
}
