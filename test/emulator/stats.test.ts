// Statistics trigger through the real emulators: dossier and event documents are written the way the
// lifecycle service writes them, the deployed trigger moves the counters, and a replay through the
// exported handler changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEventStats } from '../../functions/src/features/stats/record-event-stats.js';
import { demoProcedures } from '../../seed/data/procedures.js';
import { loadDemoData } from '../../seed/load.js';
import { admin, eventually } from '../support/emulators.js';
import { counterDocIds, sumCounterDocs } from '../../functions/src/store/counter-shards.js';

const { db, auth } = admin();
/** An agency no other test uses, so its counters move only here. */
const AGENCY = '000.00.98.H98';
const procedure = demoProcedures.find((p) => p.field === 'land')!;
const run = randomUUID().slice(0, 8);
const d = (iso: string) => new Date(iso);

type Counters = Record<string, number | string | undefined>;
/** The month's document and its shards: the trigger adds to one shard per event (store/counter-shards.ts). */
const statsDocs = (month: string) => db.getAll(...counterDocIds(`${AGENCY}_land_${month}`).map((id) => db.doc(`stats/${id}`)));
const counters = async (month: string) => {
  const docs = (await statsDocs(month)).filter((d) => d.exists);
  return docs.length ? (sumCounterDocs(docs.map((d) => d.data())) as Counters) : undefined;
};

/** Waits until the month's counters include `expected` (the trigger runs asynchronously). */
const countersReach = (month: string, expected: Counters) =>
  eventually(async () => {
    const c = await counters(month);
    return c && Object.entries(expected).every(([k, v]) => c[k] === v) ? c : undefined;
  }, `stats ${month} to reach ${JSON.stringify(expected)}`);

let n = 0;
/** Writes the dossier as it stands after the event, then the event (the service does both in one transaction). */
async function writeDossierEvent(
  state: { receivedAt?: Date; dueAt?: Date; originalDueAt?: Date; status: string },
  event: { type: string; at: Date; from: string; payload: Record<string, unknown> },
  version = 1,
) {
  const id = `stats-test-${run}-${++n}`;
  const ref = db.collection('dossiers').doc(id);
  await ref.set({
    id,
    code: `${AGENCY}-351231-${String(n).padStart(4, '0')}`,
    version,
    status: state.status,
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name, supplementClockPolicy: 'restart' },
    receivingAgencyId: AGENCY,
    agencyIds: [AGENCY],
    ...(state.receivedAt ? { receivedAt: state.receivedAt } : {}),
    ...(state.dueAt ? { dueAt: state.dueAt, originalDueAt: state.originalDueAt ?? state.dueAt } : {}),
    extensionCount: state.originalDueAt ? 1 : 0,
  });
  const eventId = String(version).padStart(6, '0');
  await ref.collection('events').doc(eventId).set({
    dossierId: id,
    version,
    type: event.type,
    actor: { role: 'receptionist', userId: 'stats-test-officer', agencyId: AGENCY },
    at: event.at,
    from: event.from,
    to: state.status,
    payload: { type: event.type, ...event.payload },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  });
  return { id, eventId, ref };
}

beforeAll(async () => {
  await loadDemoData(db, auth); // procedures/{code} with its field
  const old = await db.collection('stats').where('agencyId', '==', AGENCY).get();
  await Promise.all(old.docs.map((doc) => doc.ref.delete()));
});

afterAll(async () => {
  const mine = await db.collection('dossiers').where('receivingAgencyId', '==', AGENCY).get();
  await Promise.all(mine.docs.filter((doc) => doc.id.startsWith('stats-test-')).map((doc) => db.recursiveDelete(doc.ref)));
});

describe('stats trigger', () => {
  it('counts a reception into received and in progress, and a replayed event changes nothing', async () => {
    const at = d('2026-07-01T02:00:00Z');
    const { id, eventId, ref } = await writeDossierEvent(
      { status: 'received', receivedAt: at, dueAt: d('2026-07-10T10:00:00Z') },
      { type: 'receive', at, from: 'registered', payload: { due: { at: d('2026-07-10T10:00:00Z'), explanation: { vi: 'x', en: 'x' } } } },
    );
    const after = await countersReach('2026-07', { received: 1, inProgress: 1 });
    expect(after).toMatchObject({ agencyId: AGENCY, field: 'land', month: '2026-07' });
    expect((await db.doc(`processedEvents/stats_${id}_${eventId}`).get()).exists).toBe(true);

    const before = await statsDocs('2026-07');
    const event = (await ref.collection('events').doc(eventId).get()).data();
    expect(await recordEventStats(db, { dossierId: id, eventId, event })).toBe('duplicate');
    expect(await recordEventStats(db, { dossierId: id, eventId, event })).toBe('duplicate');
    const again = await statsDocs('2026-07');
    again.forEach((snap, i) => {
      expect(snap.data()).toEqual(before[i]!.data());
      if (snap.exists) expect(snap.updateTime?.isEqual(before[i]!.updateTime!)).toBe(true);
    });
  });

  it('classifies resolutions early / on time / late by Vietnam date against the original appointment', async () => {
    const receivedAt = d('2026-08-03T02:00:00Z');
    const due = d('2026-08-14T10:00:00Z'); // 17:00 on 14 Aug in Vietnam
    const resolve = (at: string, state: { dueAt: Date; originalDueAt?: Date }) =>
      writeDossierEvent(
        { status: 'resolved', receivedAt, ...state },
        { type: 'resolve', at: d(at), from: 'processing', payload: { outcome: 'approved' } },
        5,
      );
    const early = await resolve('2026-08-13T16:59:00Z', { dueAt: due }); // 23:59 on 13 Aug
    await resolve('2026-08-13T17:00:00Z', { dueAt: due }); // 00:00 on 14 Aug: the due date
    await resolve('2026-08-14T16:00:00Z', { dueAt: due }); // 23:00 on the due date, after the due hour: still on time
    await resolve('2026-08-14T17:00:00Z', { dueAt: due }); // 00:00 on 15 Aug
    // Extended to 20 Aug, resolved on 18 Aug: within the new date, but late against the original one.
    await resolve('2026-08-18T03:00:00Z', { dueAt: d('2026-08-20T10:00:00Z'), originalDueAt: due });
    const c = await countersReach('2026-08', { resolvedEarly: 1, resolvedOnTime: 2, resolvedLate: 2 });
    expect(c.received).toBeUndefined();
    expect(c.inProgress).toBeUndefined(); // the gauge moves on return, not on resolve

    const event = (await early.ref.collection('events').doc(early.eventId).get()).data();
    expect(await recordEventStats(db, { dossierId: early.id, eventId: early.eventId, event })).toBe('duplicate');
    expect(await counters('2026-08')).toMatchObject({ resolvedEarly: 1, resolvedOnTime: 2, resolvedLate: 2 });
  });

  it('closing a received dossier lowers the gauge; closing one never received does not', async () => {
    await writeDossierEvent(
      { status: 'withdrawn', receivedAt: d('2026-08-20T02:00:00Z'), dueAt: d('2026-09-30T10:00:00Z') },
      { type: 'withdraw', at: d('2026-09-02T03:00:00Z'), from: 'processing', payload: {} },
      4,
    );
    await writeDossierEvent({ status: 'withdrawn' }, { type: 'withdraw', at: d('2026-09-03T03:00:00Z'), from: 'registered', payload: {} }, 2);
    await writeDossierEvent(
      { status: 'stopped', receivedAt: d('2026-09-01T02:00:00Z'), dueAt: d('2026-09-30T10:00:00Z') },
      { type: 'stop', at: d('2026-09-04T03:00:00Z'), from: 'processing', payload: { reason: 'Không đủ điều kiện' } },
      3,
    );
    await writeDossierEvent(
      { status: 'returned', receivedAt: d('2026-09-01T02:00:00Z'), dueAt: d('2026-09-30T10:00:00Z') },
      { type: 'returnResult', at: d('2026-09-05T03:00:00Z'), from: 'resolved', payload: { via: 'desk' } },
      6,
    );
    await writeDossierEvent({ status: 'refused' }, { type: 'refuseAtReception', at: d('2026-09-05T04:00:00Z'), from: 'registered', payload: { reason: 'Sai thẩm quyền' } }, 2);
    await countersReach('2026-09', { withdrawn: 2, stopped: 1, returned: 1, refused: 1, inProgress: -3 });
  });

  it('counts an event in the month of its Vietnam date: 2026-11-30T18:00Z is in December', async () => {
    const at = d('2026-11-30T18:00:00Z');
    await writeDossierEvent(
      { status: 'received', receivedAt: at, dueAt: d('2026-12-10T10:00:00Z') },
      { type: 'receive', at, from: 'registered', payload: { due: { at: d('2026-12-10T10:00:00Z'), explanation: { vi: 'x', en: 'x' } } } },
    );
    await countersReach('2026-12', { received: 1, inProgress: 1, month: '2026-12' });
    expect(await counters('2026-11')).toBeUndefined();
  });

  it('ignores events that count for nothing, writing no marker', async () => {
    const { id, eventId, ref } = await writeDossierEvent(
      { status: 'processing', receivedAt: d('2026-10-01T02:00:00Z'), dueAt: d('2026-10-20T10:00:00Z') },
      { type: 'assign', at: d('2026-10-02T02:00:00Z'), from: 'received', payload: { handlerId: 'stats-test-officer' } },
      2,
    );
    const event = (await ref.collection('events').doc(eventId).get()).data();
    expect(await recordEventStats(db, { dossierId: id, eventId, event })).toBe('ignored');
    expect((await db.doc(`processedEvents/stats_${id}_${eventId}`).get()).exists).toBe(false);
    expect(await counters('2026-10')).toBeUndefined();
  });
});

describe('sharded counters (issue 19)', () => {
  it('add up to exactly the events received when many arrive at once and each is delivered three times', async () => {
    const at = d('2027-01-05T02:00:00Z'); // January 2027: no other case of this file counts in it
    const COUNT = 40;
    const written = await Promise.all(
      Array.from({ length: COUNT }, () =>
        writeDossierEvent(
          { status: 'received', receivedAt: at, dueAt: d('2027-01-15T10:00:00Z') },
          { type: 'receive', at, from: 'registered', payload: { due: { at: d('2027-01-15T10:00:00Z'), explanation: { vi: 'x', en: 'x' } } } },
        ),
      ),
    );
    // The deployed trigger delivers each event once; two more deliveries race with it here.
    const outcomes = await Promise.all(
      written.flatMap(({ id, eventId, ref }) =>
        [1, 2].map(async () => recordEventStats(db, { dossierId: id, eventId, event: (await ref.collection('events').doc(eventId).get()).data() })),
      ),
    );
    expect(outcomes.every((o) => o === 'counted' || o === 'duplicate')).toBe(true);
    await countersReach('2027-01', { received: COUNT, inProgress: COUNT });
    // Every event was counted by exactly one of its deliveries: the markers are there, and nothing more comes.
    const markers = await db.getAll(...written.map(({ id, eventId }) => db.doc(`processedEvents/stats_${id}_${eventId}`)));
    expect(markers.every((m) => m.exists)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await counters('2027-01')).toMatchObject({ received: COUNT, inProgress: COUNT, agencyId: AGENCY, field: 'land', month: '2027-01' });
    // Spread over several shards, none of them the base document, each naming its agency, field and month.
    const shards = (await statsDocs('2027-01')).filter((s) => s.exists);
    expect(shards.length).toBeGreaterThan(3);
    expect(shards.map((s) => s.id)).not.toContain(`${AGENCY}_land_2027-01`);
    for (const s of shards) expect(s.data()).toMatchObject({ agencyId: AGENCY, field: 'land', month: '2027-01' });
  }, 120_000);
});
