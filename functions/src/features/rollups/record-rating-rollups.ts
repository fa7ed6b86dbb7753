// Ratings in the roll-ups: every rating stored in `ratings/{dossierId}` (online, at the desk device, or a
// paper slip keyed in by the desk) adds to its agency's month and week, and to the figures of the officers
// who dealt with the applicant (the one who received the dossier and the one who handled it), which only
// the agency's leads see.
import { FieldValue, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AgencyId, Satisfaction } from '../../domain/index.js';
import { logs } from '../../platform/logs.js';
import { revive } from '../../store/revive.js';
import { monthOf, OFFICER_STATS, ROLLUPS, rollupId, weekOf } from '../../store/rollups.js';
import { PROCESSED_EVENTS } from '../../store/stats.js';
import { shardDocId, shardOf } from '../../store/counter-shards.js';
import { increments, type RollupOutcome } from './record-event-rollups.js';

const StoredRating = z.object({ agencyId: AgencyId, ratedAt: z.date(), satisfaction: Satisfaction, officerAttitudeComplaint: z.boolean(), complaintVerification: z.string().optional() });

const NEGATIVE = new Set(['dissatisfied', 'veryDissatisfied']);

/** What one rating adds: to the agency's periods, and to each officer who dealt with the applicant. */
export function ratingDeltas(r: { satisfaction: string; officerAttitudeComplaint: boolean }): { counters: Record<string, number>; officer: Record<string, number> } {
  const negative = NEGATIVE.has(r.satisfaction) ? 1 : 0;
  const complaint = r.officerAttitudeComplaint ? 1 : 0;
  return {
    counters: { rated: 1, ratedNegative: negative, attitudeComplaints: complaint },
    officer: { rated: 1, ratedNegative: negative, complaints: complaint },
  };
}

/** @idempotent by `processedEvents/rollups_rating_{dossierId}` (a dossier is rated once). */
export async function recordRatingRollups(db: Firestore, dossierId: string, data: DocumentData | undefined): Promise<RollupOutcome> {
  const parsed = StoredRating.safeParse(revive(data));
  if (!parsed.success) {
    logs.rollupsIgnored('rating', dossierId, 'malformed rating');
    return 'ignored';
  }
  const rating = parsed.data;
  const [dossier, receive] = await Promise.all([
    db.collection('dossiers').doc(dossierId).get(),
    db.collection('dossiers').doc(dossierId).collection('events').where('type', '==', 'receive').limit(1).get(),
  ]);
  const officers = [...new Set([receive.docs[0]?.get('actor.userId') as unknown, dossier.get('handlerId') as unknown].filter((u): u is string => typeof u === 'string' && u !== ''))];
  const { counters, officer } = ratingDeltas(rating);
  const marker = db.collection(PROCESSED_EVENTS).doc(`rollups_rating_${dossierId}`);
  const month = monthOf(rating.ratedAt);
  // Ratings come in bursts after a desk's peak: on a shard of each document, like the dossier events.
  const shard = shardOf(`rating/${dossierId}`);
  const counted = await db.runTransaction(async (tx) => {
    if ((await tx.get(marker)).exists) return false;
    tx.create(marker, { consumer: 'rollups', dossierId, eventId: 'rating', processedAt: FieldValue.serverTimestamp() });
    for (const period of [month, weekOf(rating.ratedAt)]) {
      tx.set(
        db.collection(ROLLUPS).doc(shardDocId(rollupId(rating.agencyId, period), shard)),
        {
          agencyId: rating.agencyId,
          period,
          kind: period.includes('-W') ? 'week' : 'month',
          ...increments(counters),
          satisfaction: { [rating.satisfaction]: FieldValue.increment(1) },
          updatedAt: FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
    }
    if (officers.length > 0) {
      tx.set(
        db.collection(OFFICER_STATS).doc(shardDocId(rollupId(rating.agencyId, month), shard)),
        { agencyId: rating.agencyId, month, officers: Object.fromEntries(officers.map((uid) => [uid, increments(officer)])) },
        { merge: true },
      );
    }
    return true;
  });
  if (!counted) {
    logs.duplicateEvent('rollups', `rating/${dossierId}`);
    return 'duplicate';
  }
  logs.rollupsCounted('rating', dossierId, rating.agencyId);
  return 'counted';
}
