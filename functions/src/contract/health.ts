// GET /api/health — whether the service answers; POST /api/health/pings proves the write and trigger path.
import type { Bilingual } from '../domain/shared/bilingual.js';

export type HealthAnswer = { status: 'ok'; service: 'motcua'; region: string; serverTime: string; message: Bilingual };
export type PingBody = { requestId: string; note?: string };
export type PingAnswer = { pingId: string; duplicate: boolean };
