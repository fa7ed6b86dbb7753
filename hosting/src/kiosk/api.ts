// Every call the desk kiosk makes to /api, and the answers it reads (docs/API.md): the public lookup of
// the scanned code, and the rating, sent with the kiosk account's token (channel `deskDevice`).
import type { User } from 'firebase/auth';
import type { FullView, LookupView, RatingBody } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';
import { apiAs } from '../shared/session.js';
import type { Scanned } from './scan.js';

export type { FullView, LookupView };

/** GET /api/lookup/:code, with the receipt's token when the QR code carried one. */
export const lookUp = (scanned: Scanned): Promise<LookupView> => api('lookup', { params: { code: scanned.code }, query: scanned.token ? { t: scanned.token } : {} });

/**
 * GET /api/lookup/:code?r= with the kiosk's token: the rating code typed from the receipt proves holding it,
 * so the answer is the full view (procedure, whether already rated) before the citizen fills in anything.
 */
export const lookUpWithRatingCode = (kiosk: User, code: string, ratingCode: string): Promise<LookupView> => apiAs(kiosk, 'lookup', { params: { code }, query: { r: ratingCode } });

/** POST /api/ratings; the body's requestId makes a second press of "send" harmless. */
export const sendRating = (kiosk: User, body: RatingBody): Promise<unknown> => apiAs(kiosk, 'postRating', { body });
