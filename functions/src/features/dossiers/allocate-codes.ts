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

/** Entries a batch (or a drain) took; created and refused of them. */
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
export async function allocateBatch(deps: AllocatorDeps, issuerDay: string): Promise<BatchResult & { ids: string[] }> {
  const { db } = deps;
  const size = deps.batchSize ?? BATCH_SIZE;
  const startedAt = Date.now();
  const probe = { attempts: 0, plannedAt: 0 };
  const result = await db.runTransaction(
    async (tx) => {
      probe.attempts += 1;
      const counterRef = counterOf(db, issuerDay);
      const [counterSnap, queued] = await Promise.all([tx.get(counterRef), tx.get(queuedOf(db, issuerDay, size))]);
      if (queued.empty) return { taken: 0, created: 0, refused: 0, ids: [] };
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
      // The entries this batch settled (numbered or refused): their requests, if waiting here, answer now.
      return { taken: entries.length, created: next - start, refused: refusals.length, ids: entries.map((e) => e.id) };
    },
    { maxAttempts: 60 },
  );
  if (result.taken > 0) deps.trace?.({ kind: 'batch', issuerDay, startedAt, plannedAt: probe.plannedAt, committedAt: Date.now(), attempts: probe.attempts, ids: result.ids });
  return result;
}

/** How long an allocator holds the desk's lease without renewing it: the stall if its process dies. */
export const LEASE_MS = 10_000;
/** A holder renews once this much of its lease has run: one lease write every few seconds, not per batch. */
const RENEW_AFTER_MS = LEASE_MS / 3;
/** How long a process that does not hold the lease waits at most before looking at it again (expiry). */
const WAIT_SLICE_MS = 1_000;
/**
 * A holder whose queue looked empty while requests of its process still wait (their entries numbered by
 * another holder, their listeners not yet told): how long it waits for them before looking again.
 */
const SETTLE_SLICE_MS = 250;

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

/** Runs batches until the queue is empty; false (and nothing numbered) if another allocator holds the lease. */
async function drainWithLease(deps: AllocatorDeps, issuerDay: string, lease: Lease, total: BatchResult): Promise<boolean> {
  const took = await lease.tryTake();
  deps.trace?.({ kind: 'lease', took, at: Date.now() });
  if (!took) return false;
  try {
    let renewedAt = Date.now();
    for (;;) {
      const batch = await allocateBatch(deps, issuerDay);
      total.taken += batch.taken;
      total.created += batch.created;
      total.refused += batch.refused;
      if (batch.taken === 0) return true;
      if (Date.now() - renewedAt >= RENEW_AFTER_MS) {
        if (!(await lease.renew())) return true; // taken over: its new holder numbers the rest
        renewedAt = Date.now();
      }
    }
  } finally {
    await lease.release();
    deps.trace?.({ kind: 'release', at: Date.now() });
  }
}

/**
 * Numbers the issuer's day until its queue is empty, if no other allocator holds the desk's lease; never
 * waits for one that does (its batches take every queued entry, oldest first, whoever queued it; an entry
 * still queued when it lets go is numbered by the next holder, or by its own trigger event delivered
 * again). Given `dossierId`, `done` says whether that entry is numbered or refused. The queue trigger's
 * way, and an operator's.
 * @idempotent by the entries: a replay finds its entry gone and returns at once.
 */
export async function drainCodeQueue(deps: AllocatorDeps, issuerDay: string, dossierId?: string): Promise<BatchResult & { done: boolean }> {
  const total = { taken: 0, created: 0, refused: 0 };
  const settled = async () => {
    if (!dossierId) return true;
    const snap = await codeQueueRef(deps.db, dossierId).get();
    return !snap.exists || snap.get('state') !== 'queued';
  };
  if (await settled()) return { ...total, done: true };
  const drained = await drainWithLease(deps, issuerDay, new Lease(deps.db.collection(CODE_LEASES).doc(issuerDay)), total);
  return { ...total, done: drained && (await settled()) };
}

type Outcome = 'numbered' | 'timeout' | Error;

/**
 * The requests of one process waiting for codes of one issuer's day, and the one loop that numbers for
 * them (an instance serves many requests at once). Why one loop per process, not per request: the first
 * version ran the allocator per request, and its p95 time to code was 6.85× a single submission's (issue
 * 19), spent in hand-overs — a holder kept the lease 2 s past its own entry before answering, and every
 * waiting request of every process woke on each hand-over to race for the lease. Here the process that
 * holds the lease keeps it, batch after batch, as long as any of its own requests waits, and answers each
 * the moment the batch that numbers it commits; it gives the lease back when none of its requests waits
 * (a Cloud Functions instance has CPU only while it serves a request), and one loop per other process
 * contends for it. Requests of a process that does not hold the lease hear of their code from their own
 * entry's listener (the holder numbers every queued entry, oldest first, whoever queued it).
 */
class DeskDrainer {
  private readonly waiters = new Map<string, (outcome: Outcome) => void>();
  private running = false;
  /** Woken when a waiter comes or goes. */
  private nudge: (() => void) | undefined;

  constructor(
    private readonly deps: AllocatorDeps,
    private readonly issuerDay: string,
    private readonly onIdle: () => void,
  ) {}

  /** Waits until the entry is numbered or refused ('numbered'), or `ms` pass ('timeout'). */
  wait(dossierId: string, ms: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const stops: (() => void)[] = [];
      const finish = (outcome: Outcome) => {
        if (this.waiters.get(dossierId) !== finish) return;
        this.waiters.delete(dossierId);
        for (const stop of stops) stop();
        resolve(outcome);
        this.nudge?.();
      };
      this.waiters.get(dossierId)?.('timeout'); // the same request twice in one process: the later one waits
      this.waiters.set(dossierId, finish);
      if (Number.isFinite(ms)) {
        const timer = setTimeout(() => finish('timeout'), ms);
        stops.push(() => clearTimeout(timer));
      }
      stops.push(
        codeQueueRef(this.deps.db, dossierId).onSnapshot(
          (snap) => (!snap.exists || snap.get('state') !== 'queued' ? finish('numbered') : undefined),
          (error) => finish(error),
        ),
      );
      this.nudge?.();
      this.start();
    });
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop()
      .catch((error: unknown) => {
        // A batch that failed after its retries: the requests answer 202 and the queue trigger, retried,
        // numbers their entries.
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const finish of [...this.waiters.values()]) finish(failure);
      })
      .finally(() => {
        this.running = false;
        if (this.waiters.size > 0) this.start();
        else this.onIdle();
      });
  }

  /**
   * Resolves after `ms`, when `until` (told of each waiter coming or going) says so, or when `listen`
   * calls its `wake`; whichever comes first, once.
   */
  private pause(ms: number, until: () => boolean, listen?: (wake: () => void) => () => void): Promise<void> {
    return new Promise((resolve) => {
      let over = false;
      let unlisten: () => void = () => undefined;
      const wake = () => {
        if (over) return;
        over = true;
        clearTimeout(timer);
        this.nudge = undefined;
        unlisten();
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.nudge = () => (until() ? wake() : undefined);
      if (listen) unlisten = listen(wake);
    });
  }

  private async loop(): Promise<void> {
    const ref = this.deps.db.collection(CODE_LEASES).doc(this.issuerDay);
    const lease = new Lease(ref);
    while (this.waiters.size > 0) {
      const took = await lease.tryTake();
      this.deps.trace?.({ kind: 'lease', took, at: Date.now() });
      if (!took) {
        // Another process numbers: wait until it gives the lease back (or it expires), or our requests
        // are all answered: one lease listener per process, not one per request.
        await this.waitForLease(ref);
        continue;
      }
      try {
        let renewedAt = Date.now();
        while (this.waiters.size > 0) {
          const batch = await allocateBatch(this.deps, this.issuerDay);
          for (const id of batch.ids) this.waiters.get(id)?.('numbered');
          if (batch.taken === 0 && this.waiters.size > 0) await this.pause(SETTLE_SLICE_MS, () => true);
          if (Date.now() - renewedAt >= RENEW_AFTER_MS) {
            if (!(await lease.renew())) break; // taken over: contend again
            renewedAt = Date.now();
          }
        }
      } finally {
        await lease.release();
        this.deps.trace?.({ kind: 'release', at: Date.now() });
      }
    }
  }

  /** Until the lease is given back (its deletion), WAIT_SLICE_MS pass (it may expire), or no request waits. */
  private waitForLease(ref: DocumentReference): Promise<void> {
    return this.pause(
      WAIT_SLICE_MS,
      () => this.waiters.size === 0,
      (wake) => ref.onSnapshot((snap) => (snap.exists ? undefined : wake()), wake),
    );
  }
}

const drainers = new WeakMap<Firestore, Map<string, DeskDrainer>>();

/**
 * Waits until the entry `dossierId` of the issuer's day is numbered or refused (everything queued before it
 * is numbered first), numbering the desk's queue while this process holds its lease; 'timeout' after `ms`
 * (the entry stays queued; the trigger, retried, numbers it).
 */
export function awaitNumbering(deps: AllocatorDeps, issuerDay: string, dossierId: string, ms: number): Promise<Outcome> {
  let days = drainers.get(deps.db);
  if (!days) drainers.set(deps.db, (days = new Map()));
  let drainer = days.get(issuerDay);
  if (!drainer) {
    const mine: Map<string, DeskDrainer> = days;
    drainer = new DeskDrainer(deps, issuerDay, () => mine.delete(issuerDay));
    days.set(issuerDay, drainer);
  }
  return drainer.wait(dossierId, ms);
}

/** The queue trigger's handler: numbers the entry that was written, and everything queued before it. */
export async function onQueuedSubmission(deps: AllocatorDeps, dossierId: string, data: { issuerDay?: unknown } | undefined): Promise<BatchResult> {
  if (typeof data?.issuerDay !== 'string') return { taken: 0, created: 0, refused: 0 };
  // Never waits: if another allocator holds the desk's lease, the entry is numbered by it (its batches
  // take every queued entry, oldest first) or, if that holder died or let go first, by this event
  // delivered again — so fail, and be retried with backoff, rather than hold an instance per entry.
  const result = await drainCodeQueue(deps, data.issuerDay, dossierId);
  if (!result.done) throw new Error(`code queue entry ${dossierId} waits for the desk's allocator: retry later`);
  return result;
}
