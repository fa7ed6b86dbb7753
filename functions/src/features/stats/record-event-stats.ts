// Statistics trigger: every new dossier event moves the counters of its receiving agency, procedure field
// and month (Vietnam time). The handler is exported apart from the trigger so tests can replay an event.
import { FieldValue, Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { ActionType, AgencyId, DossierEvent, evaluateDossier, indexIncrements, isEvaluatedOn, Rating, type DossierIndices } from '../../domain/index.js';
import { fieldOf } from '../../store/reference-data.js';
import { revive } from '../../store/revive.js';
import { PROCESSED_EVENTS, RATINGS, STATS, statsDocId, statsMonthOf } from '../../store/stats.js';
import { shardDocId, shardOf } from '../../store/counter-shards.js';
import { expiresAfter, RETENTION_DAYS } from '../../store/retention.js';
import { logs } from '../../platform/logs.js';
import { counterDeltas, type DossierFacts } from './stats-counters.js';

const CONSUMER = 'stats';

/** Firestore hands back Timestamps; Dates are accepted too (an event built in memory). */
const StoredInstant = z.union([z.instanceof(Timestamp).transform((t) => t.toDate()), z.date()]);

/** The part of a stored event the statistics need. */
export const StatsEvent = z.object({ type: ActionType, at: StoredInstant });
export type StatsEvent = z.infer<typeof StatsEvent>;

/** The part of `dossiers/{id}` the statistics need. */
export const StatsDossier = z.object({
  receivingAgencyId: AgencyId,
  procedure: z.object({ code: z.string().min(1) }),
  receivedAt: StoredInstant.optional(),
  dueAt: StoredInstant.optional(),
  originalDueAt: StoredInstant.optional(),
});
export type StatsDossier = z.infer<typeof StatsDossier>;

export type StatsOutcome = 'counted' | 'duplicate' | 'ignored';

/**
 * Counts one event of `dossiers/{dossierId}/events/{eventId}`.
 *
 * The dossier document may already be at a later version than the event. That does not matter for the
 * facts read here: `dueAt`/`originalDueAt` change only on receive, submitSupplement, confirmPayment and
 * extend, none of which can follow a resolve (only returnResult can); and returned, withdrawn and stopped
 * are final, so at those events the document is exactly the state the event produced. `receivedAt` is
 * compared with the event time anyway.
 *
 * @idempotent by `processedEvents/stats_{dossierId}_{eventId}`: the marker is created in the same
 * transaction as the increments (on the event's shard `stats/{agencyId}_{field}_{month}_s{k}`); a replayed
 * event finds it and changes nothing.
 */
export async function recordEventStats(
  db: Firestore,
  input: { dossierId: string; eventId: string; event: DocumentData | undefined },
): Promise<StatsOutcome> {
  const event = StatsEvent.safeParse(input.event);
  if (!event.success) {
    logs.statsEventIgnored(input.dossierId, input.eventId, 'malformed event');
    return 'ignored';
  }
  const { type, at } = event.data;
  const dossierSnap = await db.collection('dossiers').doc(input.dossierId).get();
  const dossier = StatsDossier.safeParse(dossierSnap.data());
  if (!dossier.success) {
    logs.statsEventIgnored(input.dossierId, input.eventId, dossierSnap.exists ? 'malformed dossier' : 'no dossier');
    return 'ignored';
  }
  const { receivingAgencyId, procedure, ...dates } = dossier.data;
  const facts: DossierFacts = dates;
  const deltas = counterDeltas(type, at, facts);
  if (Object.keys(deltas).length === 0) return 'ignored'; // assign, transfer…: nothing to count, no marker

  const field = await fieldOf(db, procedure.code);
  const indices = isEvaluatedOn(type, dates.receivedAt, at) ? await scoreDossier(db, input.dossierId, input.eventId) : undefined;
  const month = statsMonthOf(at);
  const marker = db.collection(PROCESSED_EVENTS).doc(`${CONSUMER}_${input.dossierId}_${input.eventId}`);
  // One shard of the agency-field-month document, chosen by the event (store/counter-shards.ts): a busy desk's
  // events spread over the shards instead of queueing on one document. Only the marker is read in the
  // transaction; the counters are blind increments.
  const statsId = shardDocId(statsDocId(receivingAgencyId, field, month), shardOf(`${input.dossierId}/${input.eventId}`));
  const stats = db.collection(STATS).doc(statsId);
  const counted = await db.runTransaction(async (tx) => {
    if ((await tx.get(marker)).exists) return false;
    tx.create(marker, { consumer: CONSUMER, dossierId: input.dossierId, eventId: input.eventId, processedAt: FieldValue.serverTimestamp(), expiresAt: expiresAfter(new Date(), RETENTION_DAYS.processedEvent) });
    const inc = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, n]) => [k, FieldValue.increment(n)]));
    const evaluation = indices === undefined ? undefined : indexIncrements(indices);
    tx.set(
      stats,
      {
        agencyId: receivingAgencyId,
        field,
        month,
        ...inc(deltas),
        // Nested maps merge key by key, so these increments leave the other indices alone.
        ...(evaluation ? { indexSums: inc(evaluation.indexSums), indexCounts: inc(evaluation.indexCounts) } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    return true;
  });
  if (!counted) {
    logs.duplicateEvent('stats', `${input.dossierId}/${input.eventId}`);
    return 'duplicate';
  }
  logs.statsCounted(input.dossierId, input.eventId, statsId);
  if (indices !== undefined) logs.evaluationCounted(input.dossierId, input.eventId, JSON.stringify(indices));
  return 'counted';
}

/**
 * The Circular 01 scores of a finished dossier from its whole event log (append-only: at a finishing
 * event nothing can follow) and its rating, if one exists. Undefined, with a log line, when the log does
 * not parse or has a gap: such a dossier is counted but not scored rather than scored wrongly.
 */
async function scoreDossier(db: Firestore, dossierId: string, eventId: string): Promise<DossierIndices | undefined> {
  const dossier = db.collection('dossiers').doc(dossierId);
  const [eventsSnap, ratingSnap] = await Promise.all([dossier.collection('events').get(), db.collection(RATINGS).doc(dossierId).get()]);
  const events: DossierEvent[] = [];
  for (const doc of eventsSnap.docs) {
    const parsed = DossierEvent.safeParse(revive(doc.data()));
    if (!parsed.success) {
      logs.statsEventIgnored(dossierId, eventId, `not scored: event ${doc.id} does not parse`);
      return undefined;
    }
    events.push(parsed.data);
  }
  const versions = events.map((e) => e.version).sort((a, b) => a - b);
  if (versions.some((v, i) => v !== i + 1)) {
    logs.statsEventIgnored(dossierId, eventId, 'not scored: the event log has gaps');
    return undefined;
  }
  const rating = Rating.safeParse(revive(ratingSnap.data()));
  return evaluateDossier(events, rating.success ? rating.data : undefined);
}
