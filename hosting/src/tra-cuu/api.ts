// The one call of the lookup page: GET /api/lookup/:code, with the receipt's token when the page was
// opened from its QR code (docs/API.md). No Firebase SDK: one small script for a cheap phone.
import type { LookupView } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { LookupView };

export const lookUp = (code: string, token: string | null): Promise<LookupView> => api('lookup', { params: { code }, query: token ? { t: token } : {} });
