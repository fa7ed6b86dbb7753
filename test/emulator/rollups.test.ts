// Accountability roll-ups through the real emulators: dossier and event documents are written the way the
// lifecycle service writes them, the deployed trigger moves the month and week roll-ups, the live gauge, the
// per-officer figures and the drill-down facts; a replay through the exported handlers changes nothing, in
// any order. Ratings and the backlog snapshot likewise.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEventRollups } from '../../functions/src/features/rollups/record-event-rollups.js';
import { recordRatingRollups } from '../../functions/src/features/rollups/record-rating-rollups.js';
import { snapshotBacklog } from '../../functions/src/features/rollups/backlog.schedule.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { counterDocIds } from '../../functions/src/store/counter-shards.js';
import { admin, eventually } from '../support/emulators.js';
import { summedCounter, type CounterDoc } from '../support/counters.js';

const { db, auth } = admin();
/** Agencies no other test uses, so their roll-ups move only here. */
const AGENCY = '000.00.97.H97';
const OTHER = '000.00.96.H96';
const procedure = demoProcedures.find((p) => p.field === 'land')!;
const run = randomUUID().slice(0, 8);
const d = (iso: string) => new Date(iso);
const due = (iso: string) => ({ at: d(iso), explanation: { vi: 'x', en: 'x' } });

type Doc = CounterDoc;
const summed = (collection: string, baseId: string) => summedCounter(db, collection, baseId);
const rollup = (period: string) => summed('rollups', `${AGENCY}_${period}`);
const reach = (period: string, check: (r: Doc) => boolean, what: string) =>
  eventually(async () => {
    const r = await rollup(period);
    return r && check(r) ? r : undefined;
  }, what);

let n = 0;
/** A legacy (Decree 61) dossier received at the desk on 1 Jul 2026 09:00, due 10 Jul 17:00, with its whole log. */
async function dossierWithLog(steps: { type: string; at: string; payload?: Doc; status: string }[], extra: Doc = {}) {
  const id = `rollups-test-${run}-${++n}`;
  const ref = db.collection('dossiers').doc(id);
  const code = `${AGENCY}-260701-${String(n).padStart(4, '0')}`;
  const last = steps.at(-1)!;
  await ref.collection('private').doc('personal').set({ applicant: { kind: 'person', fullName: 'Nguyễn Văn Thử' }, components: [{ componentId: 'c1', originals: 1, certifiedCopies: 0, copies: 0, attachments: [{ id: 'f1' }] }] });
  await ref.set({
    id,
    code,
    version: steps.length,
    status: last.status,
    channel: 'desk',
    ruleSet: 'nd61-2018',
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name, supplementClockPolicy: 'restart' },
    receivingAgencyId: AGENCY,
    agencyIds: [AGENCY],
    receivedAt: d('2026-07-01T02:00:00Z'),
    dueAt: d('2026-07-10T10:00:00Z'),
    originalDueAt: d('2026-07-10T10:00:00Z'),
    handlerId: 'rollups-test-handler',
    extensionCount: 0,
    ...extra,
  });
  const events: { eventId: string; data: Doc }[] = [];
  let from = 'draft';
  for (const [i, s] of steps.entries()) {
    const eventId = String(i + 1).padStart(6, '0');
    const data = {
      dossierId: id,
      version: i + 1,
      type: s.type,
      actor: { role: s.type === 'resolve' ? 'handler' : 'receptionist', userId: s.type === 'resolve' ? 'rollups-test-handler' : 'rollups-test-desk', agencyId: AGENCY },
      at: d(s.at),
      from,
      to: s.status,
      payload: { type: s.type, ...(s.payload ?? {}), ...(s.type === 'intake' ? { code } : {}) },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    from = s.status;
    events.push({ eventId, data });
  }
  // The service writes every event; the trigger fires for each.
  for (const e of events) await ref.collection('events').doc(e.eventId).set(e.data);
  return { id, ref, events };
}

const lifecycle = (resolveAt: string, returnAt: string) => [
  { type: 'intake', at: '2026-07-01T01:50:00Z', status: 'registered', payload: { channel: 'desk' } },
  { type: 'receive', at: '2026-07-01T02:00:00Z', status: 'received', payload: { due: due('2026-07-10T10:00:00Z') } },
  { type: 'resolve', at: resolveAt, status: 'resolved', payload: { outcome: 'approved' } },
  { type: 'returnResult', at: returnAt, status: 'returned', payload: { via: 'online' } },
];

beforeAll(async () => {
  await loadDemoData(db, auth);
  for (const coll of ['rollups', 'officerStats', 'backlog', 'dossierFacts']) {
    for (const agency of [AGENCY, OTHER]) {
      const old = await db.collection(coll).where('agencyId', '==', agency).get();
      await Promise.all(old.docs.map((doc) => doc.ref.delete()));
    }
  }
});

afterAll(async () => {
  const mine = await db.collection('dossiers').where('receivingAgencyId', '==', AGENCY).get();
  await Promise.all(mine.docs.map((doc) => db.recursiveDelete(doc.ref)));
});

describe('roll-ups of dossier events', () => {
  let first: Awaited<ReturnType<typeof dossierWithLog>>;

  it('count a dossier in its month and ISO week, by field and procedure, with its drill-down facts', async () => {
    // Resolved early (8 Jul) and returned online (9 Jul, week 28); a second one resolved late (13 Jul, week 29).
    first = await dossierWithLog(lifecycle('2026-07-08T03:00:00Z', '2026-07-09T03:00:00Z'));
    await dossierWithLog(lifecycle('2026-07-13T03:00:00Z', '2026-07-14T03:00:00Z'));
    const month = await reach('2026-07', (r) => r.returned === 2 && r.finished === 2, 'July roll-up with two returned dossiers');
    expect(month).toMatchObject({ agencyId: AGENCY, kind: 'month', received: 2, receivedDigitised: 2, finishedOnTime: 1, finishedLate: 1, resolvedEarly: 1, resolvedLate: 1, returnedOnline: 2, timeUsedCount: 2 });
    expect(month.byField).toEqual({ land: { received: 2, finishedOnTime: 1, finishedLate: 1 } });
    expect(month.byProcedure).toEqual({ [procedure.code]: { received: 2, finishedOnTime: 1, finishedLate: 1 } });
    // Legacy dossiers: Circular 01 sums both province-wide and in the legacy report.
    expect(month.legacy).toEqual({ received: 2, evaluated: 2, atDesk: 2 });
    expect(month.legacyIndexCounts).toEqual({ index1: 2, index2: 2, index3: 2, index4: 2, index7: 2 });
    expect(month.legacyIndexSums).toEqual(month.indexSums);
    expect(await rollup('2026-W28')).toMatchObject({ kind: 'week', finished: 1, finishedOnTime: 1, returned: 1 });
    expect(await rollup('2026-W29')).toMatchObject({ kind: 'week', finished: 1, finishedLate: 1, returned: 1 });
    const live = await rollup('live');
    expect(live).toMatchObject({ inProgress: 0, kind: 'live' });
    const officers = await summed('officerStats', `${AGENCY}_2026-07`);
    expect(officers?.officers).toEqual({ 'rollups-test-handler': { finished: 2, finishedOnTime: 1, finishedLate: 1 } });
    const facts = (await db.doc(`dossierFacts/${first.id}`).get()).data()!;
    expect(facts).toMatchObject({ code: `${AGENCY}-260701-0001`, agencyId: AGENCY, field: 'land', timeliness: 'early' });
    expect([...(facts.tags as string[])].sort()).toEqual(['finished:2026-07', 'finished:2026-W28', 'onTime:2026-07', 'onTime:2026-W28', 'received:2026-07', 'received:2026-W27'].sort());
    expect(JSON.stringify(facts)).not.toContain('Nguyễn');
  });

  it('replayed events, in any order, change nothing', async () => {
    const shardsOf = () => Promise.all(['2026-07', '2026-W28', 'live'].flatMap((p) => counterDocIds(`${AGENCY}_${p}`)).map((id) => db.doc(`rollups/${id}`).get()));
    const before = await shardsOf();
    for (const e of [...first.events].reverse()) {
      const outcome = await recordEventRollups(db, { dossierId: first.id, eventId: e.eventId, event: e.data });
      expect(outcome).toBe(e.data.type === 'intake' ? 'ignored' : 'duplicate');
    }
    const after = await shardsOf();
    after.forEach((snap, i) => {
      expect(snap.data()).toEqual(before[i]!.data());
      if (snap.exists) expect(snap.updateTime?.isEqual(before[i]!.updateTime!)).toBe(true);
    });
  });

  it('more than one supplement request makes a dossier late whatever its dates (766)', async () => {
    const august = { receivedAt: d('2026-08-03T02:00:00Z'), dueAt: d('2026-08-19T10:00:00Z'), originalDueAt: d('2026-08-19T10:00:00Z') };
    await dossierWithLog([
      { type: 'intake', at: '2026-08-03T01:00:00Z', status: 'registered', payload: { channel: 'desk' } },
      { type: 'requestSupplement', at: '2026-08-03T01:10:00Z', status: 'awaitingSupplement', payload: { items: [{ name: 'a', problem: 'b' }], reason: 'r' } },
      { type: 'submitSupplement', at: '2026-08-03T01:20:00Z', status: 'registered' },
      { type: 'receive', at: '2026-08-03T02:00:00Z', status: 'received', payload: { due: due('2026-08-14T10:00:00Z') } },
      { type: 'requestSupplement', at: '2026-08-04T02:00:00Z', status: 'awaitingSupplement', payload: { items: [{ name: 'a', problem: 'b' }], reason: 'r', overrideReason: 'o' } },
      { type: 'submitSupplement', at: '2026-08-05T02:00:00Z', status: 'processing', payload: { due: due('2026-08-19T10:00:00Z') } },
      { type: 'resolve', at: '2026-08-06T02:00:00Z', status: 'resolved', payload: { outcome: 'approved' } },
    ], august);
    const aug = await reach('2026-08', (r) => r.finished === 1, 'August roll-up');
    expect(aug).toMatchObject({ finishedLate: 1, resolvedEarly: 1 });
  });

  it('a rating adds to the periods of its date and to the officers who dealt with the applicant; a replay does not', async () => {
    await db.doc(`ratings/${first.id}`).set({ dossierId: first.id, agencyId: AGENCY, channel: 'paperSlip', ratedAt: d('2026-07-20T03:00:00Z'), satisfaction: 'dissatisfied', officerAttitudeComplaint: true, complaintVerification: 'pending' });
    const july = await reach('2026-07', (r) => r.rated === 1, 'July roll-up with a rating');
    expect(july).toMatchObject({ ratedNegative: 1, attitudeComplaints: 1, satisfaction: { dissatisfied: 1 } });
    const officers = await eventually(async () => {
      const o = (await summed('officerStats', `${AGENCY}_2026-07`))?.officers as Record<string, Doc> | undefined;
      return o?.['rollups-test-desk'] ? o : undefined;
    }, 'officer figures with the rating');
    expect(officers['rollups-test-desk']).toEqual({ rated: 1, ratedNegative: 1, complaints: 1 });
    expect(officers['rollups-test-handler']).toMatchObject({ rated: 1, finished: 2 });
    const data = (await db.doc(`ratings/${first.id}`).get()).data();
    expect(await recordRatingRollups(db, first.id, data)).toBe('duplicate');
    expect((await rollup('2026-07'))!.rated).toBe(1);
  });
});

describe('backlog snapshot', () => {
  it('writes only the feedback figure, in the base document; overwrites an older snapshot’s dossier figures; leaves the sweep’s shards', async () => {
    const agency = '000.00.92.Z92'; // no demo agency, used by no other test: only this test writes its backlog
    await db.doc(`backlog/${agency}`).set({ agencyId: agency, overdue: 4, dueSoon: 1, byField: { land: { overdue: 4, dueSoon: 1 } }, feedbackOverdue: 2 });
    await db.doc(`backlog/${agency}_s3`).set({ agencyId: agency, overdue: 1, dueSoon: 0 });
    await snapshotBacklog(db, '2026-12-03T01:00:00.000Z');
    const base = (await db.doc(`backlog/${agency}`).get()).data()!;
    expect(base).toMatchObject({ agencyId: agency, feedbackOverdue: 0 });
    expect(base.overdue).toBeUndefined();
    expect((await db.doc(`backlog/${agency}_s3`).get()).data()).toEqual({ agencyId: agency, overdue: 1, dueSoon: 0 });
    const again = await snapshotBacklog(db, '2026-12-03T01:00:00.000Z');
    expect(again.agencies).toBeGreaterThanOrEqual(1);
    expect((await db.doc(`backlog/${agency}`).get()).data()).toEqual(base);
    await Promise.all([db.doc(`backlog/${agency}`).delete(), db.doc(`backlog/${agency}_s3`).delete()]);
  });
});
