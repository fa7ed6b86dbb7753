// Decree 118/2025 Art. 19.5: a dossier whose supplement was not completed within 15 days of the notice (or
// the procedure's sectoral period) is closed in the system. The request carries its expiry
// (`supplement.expiresAt`, set when it was made); this nightly job applies `closeUnsupplemented` as the
// system to every dossier past it, through the same transaction as any other action.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { WorkingCalendar } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import { logs } from '../../platform/logs.js';
import { DOSSIERS } from '../../store/dossiers.js';
import { runTransition } from '../../store/run-transition.js';

export type CloseExpiredDeps = { db: Firestore; calendar: WorkingCalendar };
export type CloseExpiredResult = { scheduleTime: string; due: number; closed: number; skipped: number };

const SYSTEM: Caller = { role: 'system', userId: 'system' };
const ScheduleTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });

/**
 * Closes every dossier whose supplement request expired by `scheduleTime`.
 * @idempotent by dossier: the request id is `close-expired-{dossierId}`, so a replayed run finds the first
 * answer; a dossier the applicant completed meanwhile is no longer awaiting a supplement and is skipped.
 */
export async function closeExpiredSupplements(deps: CloseExpiredDeps, scheduleTime: string): Promise<CloseExpiredResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const snap = await deps.db
    .collection(DOSSIERS)
    .where('status', '==', 'awaitingSupplement')
    .where('supplement.expiresAt', '<=', now)
    .get();
  let closed = 0;
  let skipped = 0;
  for (const doc of snap.docs) {
    const version = doc.get('version') as number;
    try {
      await runTransition(
        { db: deps.db, now: () => now, calendar: deps.calendar },
        {
          dossierId: doc.id,
          requestId: `close-expired-${doc.id}`,
          caller: SYSTEM,
          fingerprintOf: { closeUnsupplemented: doc.id },
          expectedVersion: version,
          prepare: async () => ({ request: { type: 'closeUnsupplemented' } }),
        },
      );
      closed += 1;
    } catch (err) {
      // Changed since the query (supplement completed, stopped…): nothing to close any more.
      if (!(err instanceof ApiError)) throw err;
      logs.storedDocumentSkipped(`${DOSSIERS}/${doc.id}`, `supplement expiry: ${err.code}`);
      skipped += 1;
    }
  }
  return { scheduleTime, due: snap.size, closed, skipped };
}
