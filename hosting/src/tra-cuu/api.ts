// The one call of the lookup page: GET /api/lookup/:code, with the receipt's token when the page was
// opened from its QR code (docs/API.md). No Firebase SDK: one small script for a cheap phone.
import { callApi } from '../shared/api.js';
import type { LookupView } from '../shared/lookup-view.js';

export type { LookupView };

export const lookUp = (code: string, token: string | null): Promise<LookupView> =>
  callApi<LookupView>(`/lookup/${encodeURIComponent(code)}${token ? `?t=${encodeURIComponent(token)}` : ''}`);
