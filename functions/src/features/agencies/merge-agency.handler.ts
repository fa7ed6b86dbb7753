// Merging agencies (the 2025 reorganisation: communes merged, departments combined). An administrator
// names the successor and the day it takes over; then
//  1. in one transaction: the merged agency ends the day before (its document, name and identifier stay:
//     the history of its dossiers names it), points to its successor, the agencies under it move under
//     the successor, the merger is recorded (`agencyMergers/{id}`) and audited;
//  2. every open dossier the merged agency has a part in moves to the successor through the lifecycle
//     (`succeedAgency`, decided in the domain, applied by runTransition): one hash-chained event each,
//     in its own transaction, idempotent per dossier and merger.
// A province's commune may hold hundreds of open dossiers: step 2 works within a time budget and says
// how many remain; calling the merge again (the console does) carries on where it stopped.
import type { Firestore } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  AgencyId,
  DossierStatus,
  findTransition,
  involvedAgencies,
  LocalDate,
  localDateOf,
  PlainText,
  planMerger,
  type Agency,
  type Dossier,
  type WorkingCalendar,
} from '../../domain/index.js';
import type { MergeAgencyAnswer, MergeAgencyBody, MergerState } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { runAdminWrite } from '../../store/admin-write.js';
import { AGENCIES } from '../../store/agencies.js';
import { DOSSIERS } from '../../store/dossiers.js';
import { bumpStamps } from '../../store/reference-stamps.js';
import { revive } from '../../store/revive.js';
import { runTransition } from '../../store/run-transition.js';
import { AGENCY_MERGERS, agencyIdParam, agencyMap, mergerStateOf } from './admin-agencies.handler.js';

export const MergeAgencyRequest = z.strictObject({
  requestId: RequestId,
  successorId: AgencyId.describe('Cơ quan kế thừa / successor'),
  effectiveOn: LocalDate.describe('Ngày cơ quan kế thừa bắt đầu thực hiện / first day of the successor'),
  basis: PlainText(500).describe('Văn bản sắp xếp, sáp nhập / the decision behind the merger'),
});
type _MergeAgrees = Agrees<SameShape<z.input<typeof MergeAgencyRequest>, MergeAgencyBody>>;

export type MergeDeps = {
  db: Firestore;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  calendar: () => Promise<WorkingCalendar>;
  /** How long one call may spend moving dossiers before it answers with what remains. */
  budgetMs?: number;
};

const SYSTEM: Caller = { role: 'system', userId: 'system' };
const DEFAULT_BUDGET_MS = 30_000;
/** Dossiers moved at the same time: each is its own transaction on its own document. */
const CONCURRENCY = 4;

/** The statuses the lifecycle lets a merger move a dossier in (all but draft and the final ones). */
export const MOVABLE_STATUSES = DossierStatus.options.filter((s) => findTransition(s, 'succeedAgency') !== undefined);

type Stored = { successorId: string; effectiveOn: string; basis: string; orderedBy: string; at: Date; fromName: Agency['name']; toName: Agency['name']; moved: number; remaining: number; done: boolean };

function refusal(problems: readonly { path: string; message: { vi: string; en: string } }[]): ApiError {
  return new ApiError('invalid-argument', { vi: 'Không thể sáp nhập như yêu cầu.', en: 'The merger cannot be made as asked.' }, problems);
}

/**
 * POST /api/admin/agencies/:agencyId/merge.
 * @idempotent by (admin uid, requestId) for the merger itself; moving dossiers is idempotent per dossier
 * (request id `merge-{agencyId}` under each dossier), so calling again only carries on.
 */
export async function mergeAgency(req: ApiRequest, deps: MergeDeps): Promise<Reply<'mergeAgency'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const agencyId = agencyIdParam(req);
  const input = parseInput(MergeAgencyRequest, req.body);
  const { db } = deps;
  const now = deps.now();
  const mergerRef = db.collection(AGENCY_MERGERS).doc(agencyId);

  // 1. The organisation changes (or, for a merger already recorded with this successor, nothing but the audit entry).
  const recorded = await runAdminWrite(
    db,
    { caller, requestId: input.requestId, fingerprintOf: { agencyId, ...input }, action: 'agency.merge', target: { kind: 'agency', id: agencyId }, now },
    async (tx) => {
      const [all, mergerSnap] = await Promise.all([tx.get(db.collection(AGENCIES)), tx.get(mergerRef)]);
      const byId = agencyMap(all.docs);
      const agency = byId.get(agencyId);
      if (!agency) throw new ApiError('not-found', { vi: 'Không có cơ quan này.', en: 'No such agency.' });
      const existing = mergerSnap.exists ? (revive(mergerSnap.data()) as Stored) : undefined;
      if (existing) {
        if (existing.successorId !== input.successorId) {
          throw new ApiError('conflict', {
            vi: `Cơ quan đã được sáp nhập vào ${existing.successorId}.`,
            en: `The agency was already merged into ${existing.successorId}.`,
          }, [{ path: 'successorId', message: { vi: 'Đã sáp nhập vào cơ quan khác', en: 'already merged into another agency' } }], { reason: 'alreadyMerged' });
        }
        return {
          answer: { agencyId, reparented: [] as string[] },
          audit: { summary: { vi: `Tiếp tục chuyển hồ sơ của ${agency.name.vi} sang cơ quan kế thừa`, en: `Moving the dossiers of ${agency.name.en} to its successor, continued` } },
        };
      }
      const successor = byId.get(input.successorId);
      if (!successor) throw refusal([{ path: 'successorId', message: { vi: 'Không có cơ quan kế thừa này', en: 'no such successor' } }]);
      const plan = planMerger({ agency, successor, all: byId, effectiveOn: input.effectiveOn, today: localDateOf(now) });
      if (!plan.ok) throw refusal(plan.problems);
      tx.set(db.collection(AGENCIES).doc(agencyId), plan.closed);
      for (const moved of plan.reparented) tx.set(db.collection(AGENCIES).doc(moved.id), moved);
      const stored: Stored = {
        successorId: successor.id,
        effectiveOn: input.effectiveOn,
        basis: input.basis,
        orderedBy: caller.userId,
        at: now,
        fromName: agency.name,
        toName: successor.name,
        moved: 0,
        remaining: -1, // not counted yet
        done: false,
      };
      tx.create(mergerRef, stored);
      bumpStamps(db, tx, 'agencies');
      return {
        status: 201,
        answer: { agencyId, reparented: plan.reparented.map((a) => a.id) },
        audit: {
          summary: {
            vi: `Sáp nhập ${agency.name.vi} (${agencyId}) vào ${successor.name.vi} (${successor.id}) từ ngày ${input.effectiveOn}`,
            en: `${agency.name.en} (${agencyId}) merged into ${successor.name.en} (${successor.id}) from ${input.effectiveOn}`,
          },
          before: agency,
          after: { agency: plan.closed, reparented: plan.reparented.map((a) => a.id), basis: input.basis },
        },
      };
    },
  );

  // 2. The open dossiers follow, one event each.
  const merger = revive((await mergerRef.get()).data()) as Stored;
  const progress = await moveDossiers(deps, agencyId, merger);
  await mergerRef.update({ moved: FieldValue.increment(progress.moved), remaining: progress.remaining, done: progress.remaining === 0 });
  const state = mergerStateOf(await mergerRef.get()) as MergerState;
  const body: MergeAgencyAnswer = {
    ...(recorded.body as { agencyId: string; reparented: string[]; duplicate?: true }),
    merger: state,
    skipped: progress.skipped,
  };
  return { status: recorded.status, body };
}

type Progress = { moved: number; remaining: number; skipped: { dossierId: string; reason: string }[] };

async function moveDossiers(deps: MergeDeps, agencyId: string, merger: Stored): Promise<Progress> {
  const { db } = deps;
  const started = Date.now();
  const budget = deps.budgetMs ?? DEFAULT_BUDGET_MS;
  // Every dossier the agency ever took part in, still open; those it has a part in now are moved.
  const snap = await db.collection(DOSSIERS).where('agencyIds', 'array-contains', agencyId).where('status', 'in', MOVABLE_STATUSES).get();
  const queue = snap.docs.filter((d) => involvedAgencies(revive(d.data()) as Dossier).includes(agencyId)).map((d) => d.id);
  const calendar = await deps.calendar();
  const progress: Progress = { moved: 0, remaining: 0, skipped: [] };
  const request = {
    type: 'succeedAgency' as const,
    fromAgencyId: agencyId,
    toAgencyId: merger.successorId,
    fromName: merger.fromName,
    toName: merger.toName,
    basis: merger.basis,
    orderedBy: merger.orderedBy,
  };
  const moveOne = async (dossierId: string): Promise<void> => {
    // A dossier an officer changes meanwhile is read again: the move waits for no one.
    for (let attempt = 0; ; attempt++) {
      const version = (await db.collection(DOSSIERS).doc(dossierId).get()).get('version') as number;
      try {
        const res = await runTransition(
          { db, now: () => new Date(), calendar },
          { dossierId, requestId: `merge-${agencyId}`, caller: SYSTEM, fingerprintOf: request, expectedVersion: version, prepare: async () => ({ request }) },
        );
        if (!(res.body as { duplicate?: true }).duplicate) progress.moved += 1;
        return;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const reason = (err.details as { reason?: string }).reason;
        if (reason === 'staleVersion' && attempt < 3) continue;
        logs.storedDocumentSkipped(`${DOSSIERS}/${dossierId}`, `merger of ${agencyId}: ${err.code} ${reason ?? ''}`);
        progress.skipped.push({ dossierId, reason: `${err.code}${reason ? `: ${reason}` : ''}` });
        return;
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (Date.now() - started > budget) {
        progress.remaining += 1;
        continue;
      }
      await moveOne(next);
    }
  });
  await Promise.all(workers);
  return progress;
}
