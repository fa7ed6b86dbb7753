// The code allocator: turns the submissions queued for one issuer's day (store/code-queue.ts) into
// dossiers, oldest first, numbering them from the day's counter (store/dossier-codes.ts). ADR 0012.
//
// One batch is one transaction: it reads the counter and the oldest queued entries (up to BATCH_SIZE),
// plans every creation with all its reads (planTransition), then writes the dossiers, the counter once,
// the desk's quota documents once, and deletes the entries. So the counter takes one write per batch, not
// one per dossier, and codes are gap-free and unique because a code exists only in the commit that moves
// the counter past it. Whoever runs a batch (the handler that queued a submission, the queue trigger, an
// instance of any process) contends only with other batches of the same day; a loser's transaction
// retries and finds the entries gone. A process that dies mid-batch commits nothing: its entries stay
// queued for the next batch.
import type { DocumentReference, DocumentSnapshot, Firestore, Timestamp, Transaction } from 'firebase-admin/firestore';
import { formatDossierCode, newDraftDossier, type Procedure, type WorkingCalendar } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import { parseInput } from '../../platform/parse.js';
import { attachUploads } from '../../store/attach-uploads.js';
import { codeQueueRef, entryExpiry, queuedOf, readEntry, type QueuedSubmission } from '../../store/code-queue.js';
import { COUNTERS } from '../../store/dossier-codes.js';
import { countOnline, onlineQuotaOf, onlineQuotaRefs } from '../../store/intake-quotas.js';
import { procedureVersion, workingCalendar } from '../../store/reference-data.js';
import { planTransition, type TransitionPlan } from '../../store/run-transition.js';
import { quotaExhausted, sensitiveUploadIds, toDossierParts, uploadIdsOf } from './creation.js';
import { IntakeDossierRequest, SubmitDossierRequest } from './requests.js';

/** Entries numbered per transaction: ~8 writes each, well inside a commit's limits, and a few seconds' peak. */
export const BATCH_SIZE = 50;

export type AllocatorDeps = {
  db: Firestore;
  batchSize?: number;
  /**
   * Called inside the batch's transaction once every creation is planned, before anything is written:
   * the test kills a process here to prove a batch that dies commits nothing.
   */
  onPlanned?: (planned: number) => Promise<void>;
  /**
   * Where the time to code goes (the desk-burst bench): told when a batch commits and when the desk's
   * lease changes hands. Epoch milliseconds, so the bench lines up the events of several processes.
   */
  trace?: (event: CodeTrace) => void;
};

/** What `trace` is told. */
export type CodeTrace =
  | { kind: 'queued'; dossierId: string; at: number }
  | { kind: 'batch'; issuerDay: string; startedAt: number; plannedAt: number; committedAt: number; attempts: number; ids: string[] }
  | { kind: 'lease'; took: boolean; at: number }
  | { kind: 'release'; at: number };

export type BatchResult = { taken: number; created: number; refused: number };

/** The counter of an issuer's day: the same document the handler used to number from (counterRef). */
const counterOf = (db: Firestore, issuerDay: string) => db.collection(COUNTERS).doc(issuerDay);

/** A refusal to tell the caller: an ApiError, or a rule of the domain that refused the request. */
function refusalOf(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  const e = error as { name?: unknown; code?: unknown; messages?: { vi?: unknown; en?: unknown } };
  if (typeof e.code === 'string' && typeof e.messages?.vi === 'string' && typeof e.messages.en === 'string') {
    return new ApiError('invalid-argument', { vi: e.messages.vi, en: e.messages.en }, [], { reason: e.code });
  }
  return undefined; // a failed read, an aborted transaction…: let the transaction retry
}

/** Quota documents of the online entries of a batch, read once and counted in memory as the batch goes. */
class BatchQuotas {
  private readonly snaps = new Map<string, DocumentSnapshot>();
  private readonly added = new Map<string, { ref: DocumentReference; n: number; scope: Parameters<typeof countOnline>[2]; at: Date }>();

  static async read(db: Firestore, tx: Transaction, entries: readonly QueuedSubmission[]): Promise<BatchQuotas> {
    const quotas = new BatchQuotas();
    const refs = new Map<string, DocumentReference>();
    for (const e of entries) if (e.quota) for (const r of onlineQuotaRefs(db, JSON.parse(e.callerJson).userId as string, e.receivingAgencyId, e.queuedAt)) refs.set(r.path, r);
    if (refs.size > 0) for (const snap of await tx.getAll(...refs.values())) quotas.snaps.set(snap.ref.path, snap);
    return quotas;
  }

  /** `earlier`: when planning in parallel, the submissions assumed counted before this one in the batch. */
  check(db: Firestore, e: QueuedSubmission, uid: string, earlier?: { account: number; agency: number }): () => void {
    if (!e.quota) return () => undefined;
    const refs = onlineQuotaRefs(db, uid, e.receivingAgencyId, e.queuedAt);
    const [account, agency] = refs;
    const pending = earlier ?? { account: this.added.get(account.path)?.n ?? 0, agency: this.added.get(agency.path)?.n ?? 0 };
    const decision = onlineQuotaOf(refs.map((r) => this.snaps.get(r.path)), e.quota, e.queuedAt, pending);
    if (!decision.ok) throw quotaExhausted(decision, e.queuedAt);
    // Counted only once the creation is decided.
    return () => {
      this.add(account, { scope: 'account', uid }, e.queuedAt);
      this.add(agency, { scope: 'agency', agencyId: e.receivingAgencyId }, e.queuedAt);
    };
  }

  private add(ref: DocumentReference, scope: Parameters<typeof countOnline>[2], at: Date) {
    const prev = this.added.get(ref.path);
    this.added.set(ref.path, { ref, scope, at, n: (prev?.n ?? 0) + 1 });
  }

  write(tx: Transaction): void {
    for (const { ref, scope, at, n } of this.added.values()) countOnline(tx, ref, scope, at, n);
  }
}

/** The creation of one queued entry, planned inside the batch's transaction with the given sequence. */
async function planEntry(
  db: Firestore,
  tx: Transaction,
  dossierId: string,
  e: QueuedSubmission,
  sequence: number,
  calendar: WorkingCalendar,
  quotas: BatchQuotas,
  usedUploads: Set<string>,
  earlier?: { account: number; agency: number },
): Promise<{ plan: TransitionPlan; uploads: string[]; counted: () => void }> {
  const caller = JSON.parse(e.callerJson) as Caller;
  const raw: unknown = JSON.parse(e.bodyJson);
  // The same schema as the handler: the same body, hence the same fingerprint and the same dossier.
  const body = e.kind === 'submit' ? parseInput(SubmitDossierRequest, raw) : parseInput(IntakeDossierRequest, raw);
  const procedure: Procedure = await procedureVersion(db, e.procedureCode, e.procedureVersion);
  const uploads = uploadIdsOf(body);
  const reused = uploads.filter((id) => usedUploads.has(id));
  if (reused.length > 0) {
    // Two queued submissions of one batch naming the same file: the first one has it.
    throw new ApiError(
      'conflict',
      { vi: 'Tệp đã được đính kèm vào một hồ sơ khác.', en: 'The file is already attached to a dossier.' },
      reused.map((id) => ({ path: `uploadIds.${uploads.indexOf(id)}`, message: { vi: 'Tệp đã được đính kèm', en: 'already attached' } })),
    );
  }
  let counted: () => void = () => undefined;
  const plan = await planTransition(
    { db, now: () => e.queuedAt, calendar },
    {
      dossierId,
      requestId: e.requestId,
      caller,
      fingerprintOf: { kind: e.kind, body },
      expectedVersion: undefined,
      draft: async (txn, now) =>
        newDraftDossier({
          id: dossierId,
          procedure,
          receivingAgencyId: e.receivingAgencyId,
          competentAgencyId: e.competentAgencyId,
          applicant: body.applicant,
          ...(await toDossierParts(db, txn, caller, procedure, body.components, body.filer)),
          ...e.identity,
          channel: e.channel,
          resultDelivery: body.resultDelivery,
          ...(e.kind === 'submit' ? { ownerUserId: caller.userId } : {}),
          now,
        }),
      prepare: async (_draft, txn, now) => {
        counted = quotas.check(db, e, caller.userId, earlier);
        const code = formatDossierCode(e.issuer, now, sequence, e.format); // never runs out: widens past its width
        const request = e.kind === 'submit' ? { type: 'submit' as const } : { type: 'intake' as const, channel: (body as IntakeDossierRequest).channel };
        const sensitive = sensitiveUploadIds(procedure, body);
        return { request, code, writes: [() => attachUploads(txn, uploads, dossierId, db, sensitive)] };
      },
    },
    tx,
    e.queuedAt,
  );
  return { plan, uploads, counted };
}

/**
 * Numbers one batch of the issuer's day: the oldest queued entries, in the order they were accepted.
 * @idempotent by the entries themselves: an entry is deleted in the commit that creates its dossier, so a
 * replayed trigger or a second allocator finds nothing left to do; a creation already made (a retried
 * request queued again) is answered from its idempotency record and takes no code.
 */
export async function allocateBatch(deps: AllocatorDeps, issuerDay: string): Promise<BatchResult> {
  const { db } = deps;
  const size = deps.batchSize ?? BATCH_SIZE;
  const startedAt = Date.now();
  const probe = { attempts: 0, plannedAt: 0, ids: [] as string[] };
  const result = await db.runTransaction(
    async (tx) => {
      probe.attempts += 1;
      const counterRef = counterOf(db, issuerDay);
      const [counterSnap, queued] = await Promise.all([tx.get(counterRef), tx.get(queuedOf(db, issuerDay, size))]);
      if (queued.empty) return { taken: 0, created: 0, refused: 0 };
      const entries = queued.docs.map((d) => ({ id: d.id, ref: d.ref, entry: readEntry(d) }));
      const calendar = await workingCalendar(db);
      const quotas = await BatchQuotas.read(db, tx, entries.map((e) => e.entry));
      const start = (counterSnap.get('next') as number | undefined) ?? 0;
      let next = start;
      const usedUploads = new Set<string>();
      let plans: TransitionPlan[] = [];
      let refusals: { ref: DocumentReference; error: ApiError }[] = [];
      let lastAt = entries[0]!.entry.queuedAt;
      // Fast path: plan every entry at once (their reads in parallel), each with the code it gets if all
      // are created. Kept only if that holds: every plan a creation, no refusal, no upload named twice.
      const parallel = await Promise.all(
        entries.map(({ id, entry }, k) => {
          const uid = (JSON.parse(entry.callerJson) as Caller).userId;
          const before = entries.slice(0, k).filter((o) => o.entry.quota);
          const earlier = {
            account: before.filter((o) => (JSON.parse(o.entry.callerJson) as Caller).userId === uid).length,
            agency: before.filter((o) => o.entry.receivingAgencyId === entry.receivingAgencyId).length,
          };
          return planEntry(db, tx, id, entry, start + k + 1, calendar, quotas, new Set(), earlier).catch((error: unknown) => {
            if (!refusalOf(error)) throw error;
            return undefined;
          });
        }),
      );
      const uploads = parallel.flatMap((p) => p?.uploads ?? []);
      if (parallel.every((p) => p?.plan.reply.status === 201) && new Set(uploads).size === uploads.length) {
        plans = parallel.map((p) => p!.plan);
        for (const p of parallel) p!.counted();
        next = start + entries.length;
        lastAt = entries[entries.length - 1]!.entry.queuedAt;
      } else {
        // Slow path: one after another, each knowing what the earlier ones took (codes, quota, uploads).
        plans = [];
        refusals = [];
        for (const { id, ref, entry } of entries) {
          try {
            const { plan, uploads: named, counted } = await planEntry(db, tx, id, entry, next + 1, calendar, quotas, usedUploads);
            plans.push(plan);
            if (plan.reply.status === 201) {
              next += 1; // the code planned above is taken; a duplicate (already created) takes none
              counted();
              for (const u of named) usedUploads.add(u);
              lastAt = entry.queuedAt;
            }
          } catch (error) {
            const refusal = refusalOf(error);
            if (!refusal) throw error;
            refusals.push({ ref, error: refusal });
          }
        }
      }
      probe.plannedAt = Date.now();
      probe.ids = entries.map((e) => e.id);
      await deps.onPlanned?.(plans.length);
      for (const plan of plans) plan.persist();
      if (next !== start) {
        const issuer = issuerDay.slice(0, issuerDay.lastIndexOf('_'));
        tx.set(counterRef, { agencyId: issuer, day: issuerDay.slice(issuer.length + 1), next, updatedAt: lastAt });
      }
      quotas.write(tx);
      const refused = new Set(refusals.map((r) => r.ref.path));
      for (const { ref } of entries) if (!refused.has(ref.path)) tx.delete(ref);
      for (const { ref, error } of refusals) tx.update(ref, { state: 'refused', error: error.toBody().error, expiresAt: entryExpiry(new Date()) });
      return { taken: entries.length, created: next - start, refused: refusals.length };
    },
    { maxAttempts: 60 },
  );
  if (result.taken > 0) deps.trace?.({ kind: 'batch', issuerDay, startedAt, plannedAt: probe.plannedAt, committedAt: Date.now(), attempts: probe.attempts, ids: probe.ids });
  return result;
}

/** How long an allocator holds the desk's lease without renewing it: the stall if its process dies. */
export const LEASE_MS = 10_000;
/** How long a request that holds the lease keeps numbering others' entries after its own. */
const HOLD_AFTER_MS = 2_000;
/** How long a waiter sleeps at most before looking at the lease again (its entry's change wakes it sooner). */
const WAIT_SLICE_MS = 1_000;

/**
 * The desk's allocator lease, `codeLeases/{issuerDay}`: one process at a time numbers an issuer's day, so
 * its batches contend with nobody (concurrent transactions on one counter wait on each other's locks, and
 * the emulator even deadlocks them until a timeout). Taken with `create` (fails if held), renewed and given
 * back with a precondition on the version the holder wrote; taken over once expired. Correctness never
 * rests on the lease: two holders at once (a lease taken over from a holder that was only slow) still
 * commit batches in transactions, each entry once.
 */
class Lease {
  private version: Timestamp | undefined;
  constructor(private readonly ref: DocumentReference) {}

  async tryTake(): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        this.version = (await this.ref.create({ expiresAt: new Date(Date.now() + LEASE_MS) })).writeTime;
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 6) throw error; // 6: ALREADY_EXISTS
      }
      const held = await this.ref.get();
      if (!held.exists) continue;
      if ((held.get('expiresAt') as Timestamp).toMillis() > Date.now()) return false;
      // Expired: its holder died or stalled. Remove exactly that lease, then take it.
      await this.ref.delete({ lastUpdateTime: held.updateTime! }).catch(() => undefined);
    }
    return false;
  }

  /** Extends the lease; false if it was taken over meanwhile (then stop numbering). */
  async renew(): Promise<boolean> {
    try {
      this.version = (await this.ref.update({ expiresAt: new Date(Date.now() + LEASE_MS) }, { lastUpdateTime: this.version! })).writeTime;
      return true;
    } catch {
      return false;
    }
  }

  async release(): Promise<void> {
    await this.ref.delete({ lastUpdateTime: this.version! }).catch(() => undefined);
  }
}

export const CODE_LEASES = 'codeLeases';

/** Waits until the entry is numbered or refused, the lease is given back, or `ms` pass. */
function wakeOrTimeout(db: Firestore, dossierId: string, lease: DocumentReference, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe: (() => void)[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const u of unsubscribe) u();
      resolve();
    };
    const timer = setTimeout(done, ms);
    unsubscribe.push(
      codeQueueRef(db, dossierId).onSnapshot((snap) => (!snap.exists || snap.get('state') !== 'queued' ? done() : undefined), done),
      lease.onSnapshot((snap) => (snap.exists ? undefined : done()), done),
    );
  });
}

/**
 * Numbers the issuer's day until its queue is empty — or, given `dossierId`, until that entry has been
 * numbered or refused (everything queued before it is numbered first). Whoever holds the desk's lease runs
 * the batches; the others wait for their entry, and take the lease if it is given back or expires.
 * `deadlineMs`: give up waiting then (the entry stays queued; the trigger, retried, numbers it).
 * @idempotent by the entries: a replay finds its entry gone and returns at once.
 */
export async function drainCodeQueue(deps: AllocatorDeps, issuerDay: string, dossierId?: string, deadlineMs = Number.POSITIVE_INFINITY): Promise<BatchResult & { done: boolean }> {
  const total = { taken: 0, created: 0, refused: 0, done: false };
  const leaseRef = deps.db.collection(CODE_LEASES).doc(issuerDay);
  const lease = new Lease(leaseRef);
  const stop = Date.now() + deadlineMs;
  const waiting = async () => {
    if (!dossierId) return true;
    const snap = await codeQueueRef(deps.db, dossierId).get();
    return snap.exists && snap.get('state') === 'queued';
  };
  for (;;) {
    if (!(await waiting())) return { ...total, done: true };
    const took = await lease.tryTake();
    deps.trace?.({ kind: 'lease', took, at: Date.now() });
    if (took) {
      try {
        // Batches back to back, oldest first, until the queue is empty — or, for a request, until its own
        // entry has been numbered for HOLD_AFTER_MS — then the lease goes back and a waiting request takes
        // it. Handing over is what costs (every waiter wakes), so a holder keeps numbering a while.
        let ownDoneAt: number | undefined;
        for (;;) {
          const batch = await allocateBatch(deps, issuerDay);
          total.taken += batch.taken;
          total.created += batch.created;
          total.refused += batch.refused;
          if (batch.taken === 0) break;
          if (dossierId && ownDoneAt === undefined && !(await waiting())) ownDoneAt = Date.now();
          if (ownDoneAt !== undefined && Date.now() - ownDoneAt >= HOLD_AFTER_MS) break;
          if (!(await lease.renew())) break;
        }
      } finally {
        await lease.release();
        deps.trace?.({ kind: 'release', at: Date.now() });
      }
      if (!dossierId) return { ...total, done: true };
      continue;
    }
    if (!dossierId) return total; // another holder drains the queue
    if (Date.now() >= stop) return total;
    await wakeOrTimeout(deps.db, dossierId, leaseRef, Math.min(WAIT_SLICE_MS, stop - Date.now()));
  }
}

/** The queue trigger's handler: numbers the entry that was written, and everything queued before it. */
export async function onQueuedSubmission(deps: AllocatorDeps, dossierId: string, data: { issuerDay?: unknown } | undefined): Promise<BatchResult> {
  if (typeof data?.issuerDay !== 'string') return { taken: 0, created: 0, refused: 0 };
  // Never waits: if another allocator holds the desk's lease, the entry is numbered by it (it drains
  // the queue before giving the lease back) or, if that holder died or just let go, by this event
  // delivered again — so fail, and be retried with backoff, rather than hold an instance per entry.
  const result = await drainCodeQueue(deps, data.issuerDay, dossierId, 0);
  if (!result.done) throw new Error(`code queue entry ${dossierId} waits for the desk's allocator: retry later`);
  return result;
}
