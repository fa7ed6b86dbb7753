// Roll-up trigger: every new dossier event moves the accountability roll-ups of its receiving agency (month
// and ISO week, by field and procedure), the live gauge, the per-officer figures, and the dossier's
// drill-down facts. Exported apart from the trigger so tests and the benchmark can replay an event.
import { FieldValue, Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  ActionType,
  AgencyId,
  DossierEvent,
  evaluateDossier,
  handledAtDesk,
  isEvaluatedOn,
  isProgressEnd,
  progressOf,
  Rating,
  SupplementClockPolicy,
  workingTimeBetween,
  type DossierProgress,
} from '../../domain/index.js';
import { logs } from '../../platform/logs.js';
import { fieldOf, workingCalendar, workingHoursOf } from '../../store/reference-data.js';
import { revive } from '../../store/revive.js';
import { DOSSIER_FACTS, liveId, monthOf, OFFICER_STATS, ROLLUPS, rollupId, weekOf } from '../../store/rollups.js';
import { PROCESSED_EVENTS, RATINGS } from '../../store/stats.js';
import { shardDocId, shardOf } from '../../store/counter-shards.js';
import { isEmpty, rollupDeltas, type RollupDeltas, type RollupFacts } from './rollup-deltas.js';

const CONSUMER = 'rollups';
const StoredInstant = z.union([z.instanceof(Timestamp).transform((t) => t.toDate()), z.date()]);

/** The part of a stored event the roll-ups need first (the whole log is parsed only at a finishing event). */
const RollupEvent = z.object({ type: ActionType, at: StoredInstant, payload: z.looseObject({ via: z.string().optional() }).optional() });

/** The part of `dossiers/{id}` the roll-ups need. */
export const RollupDossier = z.object({
  code: z.string().optional(),
  receivingAgencyId: AgencyId,
  channel: z.enum(['desk', 'post', 'online']),
  ruleSet: z.string(),
  procedure: z.object({ code: z.string().min(1), name: z.object({ vi: z.string(), en: z.string() }).optional(), supplementClockPolicy: SupplementClockPolicy.default('restart') }),
  receivedAt: StoredInstant.optional(),
  dueAt: StoredInstant.optional(),
  originalDueAt: StoredInstant.optional(),
  handlerId: z.string().optional(),
});

const COUNTED: ReadonlySet<ActionType> = new Set<ActionType>(['receive', 'refuseAtReception', 'resolve', 'returnResult', 'withdraw', 'stop', 'confirmStop', 'closeUnsupplemented']);

export type RollupOutcome = 'counted' | 'duplicate' | 'ignored';

/** Increments as Firestore field transforms, nested maps kept (a merge adds key by key). */
export function increments(counts: Record<string, number>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0).map(([k, n]) => [k, FieldValue.increment(n)]));
}

/**
 * Counts one event of `dossiers/{dossierId}/events/{eventId}`.
 * @idempotent by `processedEvents/rollups_{dossierId}_{eventId}`: the marker is created in the same
 * transaction as the increments (on the event's shard of each document); a replayed event finds it and changes nothing. Drill-down tags are added
 * with arrayUnion, which a replay could not double anyway.
 */
export async function recordEventRollups(db: Firestore, input: { dossierId: string; eventId: string; event: DocumentData | undefined }): Promise<RollupOutcome> {
  const source = `${input.dossierId}/${input.eventId}`;
  const event = RollupEvent.safeParse(input.event);
  if (!event.success) {
    logs.rollupsIgnored('event', source, 'malformed event');
    return 'ignored';
  }
  const { type, at } = event.data;
  if (!COUNTED.has(type)) return 'ignored';
  const dossierRef = db.collection('dossiers').doc(input.dossierId);
  const parsed = RollupDossier.safeParse((await dossierRef.get()).data());
  if (!parsed.success) {
    logs.rollupsIgnored('event', source, 'no or malformed dossier');
    return 'ignored';
  }
  const dossier = parsed.data;
  const agencyId = dossier.receivingAgencyId;
  const facts: RollupFacts = {
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    originalDueAt: dossier.originalDueAt,
    channel: dossier.channel,
    legacy: dossier.ruleSet === 'nd61-2018',
    handlerId: dossier.handlerId,
    returnedVia: event.data.payload?.via,
  };
  if (type === 'receive') facts.digitised = await isDigitised(db, input.dossierId);
  const finishing = isProgressEnd(type) || isEvaluatedOn(type, dossier.receivedAt, at);
  if (finishing && dossier.receivedAt !== undefined && dossier.receivedAt.getTime() <= at.getTime()) {
    const log = await eventLog(db, input.dossierId, source);
    if (log) {
      if (isProgressEnd(type)) {
        const progress = await progressAt(db, log, dossier.procedure.supplementClockPolicy, agencyId);
        // Only the event that ends the dossier counts it (a return after a resolve does not).
        if (progress && progress.finishedBy === type && progress.finishedAt.getTime() === at.getTime()) facts.progress = progress;
      }
      if (isEvaluatedOn(type, dossier.receivedAt, at)) {
        const [ratingSnap, factsSnap] = await Promise.all([db.collection(RATINGS).doc(input.dossierId).get(), db.collection(DOSSIER_FACTS).doc(input.dossierId).get()]);
        const rating = Rating.safeParse(revive(ratingSnap.data()));
        const indices = evaluateDossier(log, rating.success ? rating.data : undefined);
        // A complaint about staff verified through feedback before the dossier finished: index 7 is 0.
        facts.indices = factsSnap.get('c01.index7Verified') === true ? { ...indices, index7: 0 } : indices;
        facts.atDesk = handledAtDesk(log, agencyId, facts.indices.index4);
      }
    }
  }
  const deltas = rollupDeltas(type, at, facts);
  if (isEmpty(deltas)) return 'ignored';
  const field = await fieldOf(db, dossier.procedure.code);
  const marker = db.collection(PROCESSED_EVENTS).doc(`${CONSUMER}_${input.dossierId}_${input.eventId}`);
  const counted = await db.runTransaction(async (tx) => {
    if ((await tx.get(marker)).exists) return false;
    tx.create(marker, { consumer: CONSUMER, dossierId: input.dossierId, eventId: input.eventId, processedAt: FieldValue.serverTimestamp() });
    writeDeltas(db, tx, { agencyId, field, procedureCode: dossier.procedure.code, at, deltas, handlerId: dossier.handlerId, shard: shardOf(source) });
    const periods = [monthOf(at), weekOf(at)];
    tx.set(
      db.collection(DOSSIER_FACTS).doc(input.dossierId),
      {
        dossierId: input.dossierId,
        code: dossier.code ?? null,
        agencyId,
        field,
        procedureCode: dossier.procedure.code,
        procedureName: dossier.procedure.name ?? null,
        channel: dossier.channel,
        ruleSet: dossier.ruleSet,
        ...(type === 'receive' ? { receivedAt: at } : {}),
        ...(deltas.timeliness ? { finishedAt: at, timeliness: deltas.timeliness } : {}),
        // Where index 7 was counted, so a complaint verified later can take it back (feedback).
        ...(facts.indices ? { c01: { index7: facts.indices.index7 ?? null, periods, legacy: facts.legacy } } : {}),
        ...(deltas.tags.length ? { tags: FieldValue.arrayUnion(...deltas.tags.flatMap((tag) => periods.map((p) => `${tag}:${p}`))) } : {}),
      },
      { merge: true },
    );
    return true;
  });
  if (!counted) {
    logs.duplicateEvent(CONSUMER, source);
    return 'duplicate';
  }
  logs.rollupsCounted('event', source, agencyId);
  return 'counted';
}

type Tx = FirebaseFirestore.Transaction;

/**
 * The month and week documents, the live gauge and the officer's month, as blind increments (merge), each on
 * shard `w.shard` of its document (store/counter-shards.ts): readers add the shards up.
 */
export function writeDeltas(db: Firestore, tx: Tx, w: { agencyId: string; field: string; procedureCode: string; at: Date; deltas: RollupDeltas; handlerId?: string | undefined; shard: number }): void {
  const { agencyId, deltas: d } = w;
  for (const period of [monthOf(w.at), weekOf(w.at)]) {
    tx.set(
      db.collection(ROLLUPS).doc(shardDocId(rollupId(agencyId, period), w.shard)),
      {
        agencyId,
        period,
        kind: period.includes('-W') ? 'week' : 'month',
        ...increments(d.counters),
        ...(Object.keys(d.indexSums).length ? { indexSums: increments(d.indexSums), indexCounts: increments(d.indexCounts) } : {}),
        ...(Object.keys(d.c01).length ? { c01: increments(d.c01) } : {}),
        // Maps are kept two levels deep at most: a merge of increments three levels down (legacy.indexSums.index1)
        // replaced the map instead of adding to it (seen on the emulator), so the legacy sums have their own maps.
        ...(Object.keys(d.legacy.counts).length ? { legacy: increments(d.legacy.counts) } : {}),
        ...(Object.keys(d.legacy.indexCounts).length ? { legacyIndexSums: increments(d.legacy.indexSums), legacyIndexCounts: increments(d.legacy.indexCounts) } : {}),
        // Map keys are values (a field name, a procedure code such as 1.004227), never field paths.
        ...(Object.keys(d.byField).length ? { byField: { [w.field]: increments(d.byField) } } : {}),
        ...(Object.keys(d.byProcedure).length ? { byProcedure: { [w.procedureCode]: increments(d.byProcedure) } } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
  }
  if (Object.keys(d.live).length) {
    tx.set(db.collection(ROLLUPS).doc(shardDocId(liveId(agencyId), w.shard)), { agencyId, period: 'live', kind: 'live', ...increments(d.live), updatedAt: FieldValue.serverTimestamp() }, { merge: true });
  }
  if (w.handlerId && Object.keys(d.officer).length) {
    const month = monthOf(w.at);
    tx.set(db.collection(OFFICER_STATS).doc(shardDocId(rollupId(agencyId, month), w.shard)), { agencyId, month, officers: { [w.handlerId]: increments(d.officer) } }, { merge: true });
  }
}

/** Every component handed in has at least one file (scanned at the desk or uploaded online). */
async function isDigitised(db: Firestore, dossierId: string): Promise<boolean> {
  const components = (await db.doc(`dossiers/${dossierId}/private/personal`).get()).get('components') as unknown;
  if (!Array.isArray(components) || components.length === 0) return false;
  return components.every((c) => Array.isArray((c as { attachments?: unknown }).attachments) && (c as { attachments: unknown[] }).attachments.length > 0);
}

/** The whole event log, or undefined (logged) when it does not parse or has a gap: counted but not scored. */
async function eventLog(db: Firestore, dossierId: string, source: string): Promise<DossierEvent[] | undefined> {
  const snap = await db.collection('dossiers').doc(dossierId).collection('events').get();
  const events: DossierEvent[] = [];
  for (const doc of snap.docs) {
    const parsed = DossierEvent.safeParse(revive(doc.data()));
    if (!parsed.success) {
      logs.rollupsIgnored('event', source, `not scored: event ${doc.id} does not parse`);
      return undefined;
    }
    events.push(parsed.data);
  }
  const versions = events.map((e) => e.version).sort((a, b) => a - b);
  if (versions.some((v, i) => v !== i + 1)) {
    logs.rollupsIgnored('event', source, 'not scored: the event log has gaps');
    return undefined;
  }
  return events;
}

async function progressAt(db: Firestore, log: DossierEvent[], policy: 'restart' | 'pause', agencyId: string): Promise<DossierProgress | undefined> {
  const [calendar, hours] = await Promise.all([workingCalendar(db), workingHoursOf(db, agencyId)]);
  try {
    return progressOf(log, policy, (from, to) => workingTimeBetween(from, to, calendar, hours).milliseconds);
  } catch {
    // A year without calendar data: the dossier is still judged by its dates, without the time used.
    const byDates = progressOf(log, policy, () => 0);
    return byDates && { ...byDates, usedPermille: null };
  }
}
