// The officer queue's paged queries (hosting/src/can-bo/queue-query.ts, the very functions the page runs),
// against the Firestore emulator under firestore.rules with an officer's token: each tab walks its pages by
// cursor in `workBy` order (overdue, then due soon, then by due date, dossiers without a deadline last),
// every dossier exactly once; another agency's dossiers never appear and asking for them is refused; tab
// counts from aggregation queries; code search; a visible page's listener sees a change in it; the
// sweep's flags of the rows on screen. The
// dossiers live at two agencies made up for this run, so the figures are this file's own. One dossier goes
// through the API to show the server stores `workBy` with every write.
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, getDocs, query, setLogLevel, where, type Firestore } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workByOf } from '../../functions/src/domain/index.js';
import { attentionBoundary } from '../../hosting/src/can-bo/deadlines.js';
import { CLOCK_STATUSES, countTabs, OPEN_STATUSES, PAGE_SIZE, readPage, watchFlags, watchPage, type QueueFilter, type QueuePage } from '../../hosting/src/can-bo/queue-query.js';
import { backfillWorkBy } from '../../functions/src/store/work-by-backfill.js';
import { loadDemoData } from '../../seed/load.js';
import { act, landRenewal, rid, submit } from '../support/api.js';
import { admin, FIRESTORE_HOST, PROJECT_ID, requireEmulators } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';

requireEmulators();
setLogLevel('silent');

const { db, auth } = admin();
const run = Date.now().toString(36).toUpperCase(); // codes are upper case, as the search asks for them
const A = `999.00.01.Q${run}`;
const B = `999.00.02.Q${run}`;
const NOW = new Date();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Seed = { id: string; status: string; agencyIds: string[]; dueAt?: Date; decideBy?: Date; code: string; procedure: string };
const seeds: Seed[] = [];
const statusesA = ['processing', 'received', 'awaitingPayment', 'awaitingSupplement', 'resolved', 'registered', 'returned', 'withdrawn'] as const;
// 130 dossiers at A: due from 20 days ago to 110 days ahead, in every status; registered ones by their
// intake deadline or none (a desk intake); ids chosen so that id order disagrees with due order.
for (let i = 0; i < 130; i++) {
  const status = statusesA[i % statusesA.length]!;
  const hasDue = status !== 'registered';
  const dueAt = hasDue ? new Date(NOW.getTime() + ((i * 37) % 130 - 20) * DAY + i * 1000) : undefined;
  const decideBy = status === 'registered' && i % 3 !== 0 ? new Date(NOW.getTime() + ((i % 11) - 3) * HOUR) : undefined;
  seeds.push({ id: `q19-${run}-a${String((i * 7919) % 1000).padStart(3, '0')}-${i}`, status, agencyIds: [A], dueAt, decideBy, code: `${A}-261201-${String(i).padStart(4, '0')}`, procedure: i % 2 ? '1.000001' : '1.000002' });
}
// Twin due dates: ties are broken by id.
seeds.push({ id: `q19-${run}-tie-b`, status: 'processing', agencyIds: [A], dueAt: new Date(NOW.getTime() + 3 * DAY), code: `${A}-261201-9001`, procedure: '1.000001' });
seeds.push({ id: `q19-${run}-tie-a`, status: 'processing', agencyIds: [A], dueAt: new Date(NOW.getTime() + 3 * DAY), code: `${A}-261201-9002`, procedure: '1.000001' });
// B's own dossiers, all more urgent than anything at A; one transferred from B to A belongs to both.
for (let i = 0; i < 40; i++) seeds.push({ id: `q19-${run}-b${i}`, status: 'processing', agencyIds: [B], dueAt: new Date(NOW.getTime() - (30 + i) * DAY), code: `${B}-261201-${String(i).padStart(4, '0')}`, procedure: '1.000001' });
seeds.push({ id: `q19-${run}-shared`, status: 'processing', agencyIds: [B, A], dueAt: new Date(NOW.getTime() - 25 * DAY), code: `${B}-261201-9999`, procedure: '1.000001' });

const storedWorkBy = (s: Seed) => workByOf({ status: s.status, dueAt: s.dueAt, intake: s.decideBy ? { decideBy: s.decideBy } : undefined });
const ofA = seeds.filter((s) => s.agencyIds.includes(A));
/** The order the queue promises: workBy ascending, then id. */
const ordered = (list: Seed[]) => [...list].sort((x, y) => storedWorkBy(x).getTime() - storedWorkBy(y).getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map((s) => s.id);

let env: RulesTestEnvironment;
let officerA: Firestore;
const filter = (tab: QueueFilter['tab'], o: Partial<QueueFilter> = {}): QueueFilter => ({ tab, procedure: '', search: '', ...o });

/** Every page of a tab, by cursor; also the size of each page read. */
async function walk(f: QueueFilter): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let after: Awaited<ReturnType<typeof readPage>>['next'];
  do {
    const page = await readPage(officerA, A, f, NOW, after);
    ids.push(...page.docs.map((d) => d.id));
    sizes.push(page.docs.length);
    after = page.next;
  } while (after);
  return { ids, sizes };
}

beforeAll(async () => {
  await loadDemoData(db, auth);
  for (let i = 0; i < seeds.length; i += 200) {
    const batch = db.batch();
    for (const s of seeds.slice(i, i + 200)) {
      batch.set(db.doc(`dossiers/${s.id}`), {
        id: s.id,
        code: s.code,
        status: s.status,
        channel: s.decideBy ? 'online' : 'desk',
        procedure: { code: s.procedure, version: 1, name: { vi: 'Thủ tục thử', en: 'Test procedure' } },
        receivingAgencyId: s.agencyIds[0],
        agencyIds: s.agencyIds,
        createdAt: new Date(NOW.getTime() - 40 * DAY),
        updatedAt: new Date(NOW.getTime() - 40 * DAY),
        ...(s.dueAt ? { dueAt: s.dueAt } : {}),
        ...(s.decideBy ? { intake: { alertAt: new Date(s.decideBy.getTime() - 6 * HOUR), decideBy: s.decideBy } } : {}),
        workBy: storedWorkBy(s),
      });
    }
    await batch.commit();
  }
  const [host, port] = FIRESTORE_HOST.split(':') as [string, string];
  env = await initializeTestEnvironment({ projectId: PROJECT_ID, firestore: { host, port: Number(port) } });
  officerA = env.authenticatedContext(`q19-officer-${run}`, { role: 'receptionist', agencyId: A }).firestore() as unknown as Firestore;
});

afterAll(async () => {
  await env?.cleanup();
  for (let i = 0; i < seeds.length; i += 400) {
    const batch = db.batch();
    for (const s of seeds.slice(i, i + 400)) batch.delete(db.doc(`dossiers/${s.id}`));
    await batch.commit();
  }
});

describe('the officer queue, page by page', () => {
  it('walks the open tab in workBy order by cursor: overdue first, each dossier once, no other agency’s', async () => {
    const { ids, sizes } = await walk(filter('open'));
    const expected = ordered(ofA.filter((s) => (OPEN_STATUSES as readonly string[]).includes(s.status)));
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sizes[0]).toBe(PAGE_SIZE);
    expect(sizes.slice(0, -1).every((n) => n === PAGE_SIZE)).toBe(true);
    expect(ids.filter((id) => /-b\d+$/.test(id))).toEqual([]);
    // The dossier transferred from B to A is A's too, and the most overdue of A's.
    expect(ids[0]).toBe(`q19-${run}-shared`);
    expect(ids.indexOf(`q19-${run}-tie-a`)).toBe(ids.indexOf(`q19-${run}-tie-b`) - 1);
    // Dossiers without a deadline (desk intakes not yet received) come last.
    const noDeadline = ofA.filter((s) => s.status === 'registered' && !s.decideBy).map((s) => s.id);
    expect(ids.slice(-noDeadline.length).sort()).toEqual(noDeadline.sort());
  });

  it('each status tab, the closed tab and "all" page the same way', async () => {
    for (const status of ['registered', 'processing', 'awaitingSupplement'] as const) {
      expect((await walk(filter(status))).ids).toEqual(ordered(ofA.filter((s) => s.status === status)));
    }
    expect((await walk(filter('closed'))).ids).toEqual(ordered(ofA.filter((s) => s.status === 'returned' || s.status === 'withdrawn')));
    const all = await walk(filter('all'));
    expect(all.ids).toEqual(ordered(ofA));
    expect(all.sizes).toEqual([50, 50, 33]);
  });

  it('the due soon / overdue tab holds running clocks due before the end of the next working day, most overdue first', async () => {
    const boundary = attentionBoundary(NOW).getTime();
    const expected = ordered(ofA.filter((s) => (CLOCK_STATUSES as readonly string[]).includes(s.status) && s.dueAt!.getTime() < boundary));
    expect(expected.length).toBeGreaterThan(10);
    expect((await walk(filter('attention'))).ids).toEqual(expected);
  });

  it('filters by procedure and searches by the beginning of a code, in any status', async () => {
    expect((await walk(filter('open', { procedure: '1.000002' }))).ids).toEqual(ordered(ofA.filter((s) => s.procedure === '1.000002' && (OPEN_STATUSES as readonly string[]).includes(s.status))));
    const one = await readPage(officerA, A, filter('open', { search: `${A.toLowerCase()}-261201-0006` }), NOW);
    expect(one.docs.map((d) => d.get('code'))).toEqual([`${A}-261201-0006`]); // a returned dossier: search is across tabs
    const some = await readPage(officerA, A, filter('open', { search: `${A}-261201-000` }), NOW);
    expect(some.docs.map((d) => d.get('code'))).toEqual(Array.from({ length: 10 }, (_, i) => `${A}-261201-000${i}`));
    const theirs = await readPage(officerA, A, filter('open', { search: B }), NOW);
    expect(theirs.docs.map((d) => d.id)).toEqual([`q19-${run}-shared`]); // of B's codes, only the dossier A shares
  });

  it('counts the open tabs with aggregation queries', async () => {
    const { counts, billedReads } = await countTabs(officerA, A, { procedure: '' }, NOW);
    const open = ofA.filter((s) => (OPEN_STATUSES as readonly string[]).includes(s.status));
    expect(counts.get('open')).toBe(open.length);
    expect(counts.get('processing')).toBe(ofA.filter((s) => s.status === 'processing').length);
    expect(counts.get('registered')).toBe(ofA.filter((s) => s.status === 'registered').length);
    const boundary = attentionBoundary(NOW).getTime();
    expect(counts.get('attention')).toBe(ofA.filter((s) => (CLOCK_STATUSES as readonly string[]).includes(s.status) && s.dueAt!.getTime() < boundary).length);
    expect(counts.has('all')).toBe(false);
    expect(billedReads).toBe(counts.size); // under 1,000 each: one read per aggregation
  });

  it('refuses an officer the queue of another agency', async () => {
    await expect(readPage(officerA, B, filter('open'), NOW)).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getDocs(query(collection(officerA, 'dossiers'), where('status', '==', 'processing')))).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('keeps the visible page live: a dossier that becomes the most overdue enters it', async () => {
    const pages: QueuePage[] = [];
    const stop = watchPage(officerA, A, filter('open'), NOW, {}, (p) => pages.push(p), () => undefined);
    // Listener snapshots can take seconds while the emulator still runs the previous file's triggers (a
    // full CI run once waited past 10 s): the wait is generous, the assertion the same.
    try {
      await expect.poll(() => pages.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(pages[0]!.docs).toHaveLength(PAGE_SIZE);
      const late = { id: `q19-${run}-late`, status: 'processing', agencyIds: [A], dueAt: new Date(NOW.getTime() - 60 * DAY), code: `${A}-261201-9003`, procedure: '1.000001' };
      seeds.push(late);
      await db.doc(`dossiers/${late.id}`).set({ ...late, workBy: storedWorkBy(late) });
      await expect.poll(() => pages.at(-1)!.docs[0]?.id, { timeout: 30_000 }).toBe(late.id);
      expect(pages.at(-1)!.docs).toHaveLength(PAGE_SIZE);
      expect(pages.at(-1)!.changes.map((c) => c.type).sort()).toEqual(['added', 'removed']);
    } finally {
      stop();
    }
  });

  it('shows the sweep’s flags of the rows on screen: rows with a watch get theirs, rows without none', async () => {
    // Most rows of a page have no deadlineWatch document (nothing due yet): the flags query must still be
    // allowed (a `documentId() in` query was refused as soon as one named document was missing).
    const ids = (await readPage(officerA, A, filter('open'), NOW)).docs.map((d) => d.id);
    expect(ids.length).toBeGreaterThan(31); // two queries of ids (30 a query)
    const watched = [ids[0]!, ids[5]!, ids[31]!];
    for (const [k, id] of watched.entries()) {
      await db.doc(`deadlineWatch/${id}`).set({ dossierId: id, agencyId: A, status: 'processing', dueAt: NOW, overdue: k !== 1, dueSoon: k === 1 });
    }
    let latest = new Map<string, { dueSoon?: boolean; overdue?: boolean }>();
    const stop = watchFlags(officerA, A, ids, (flags) => (latest = flags));
    try {
      await expect.poll(() => [...latest.keys()].sort(), { timeout: 10_000 }).toEqual([...watched].sort());
      expect(latest.get(watched[0]!)).toEqual({ overdue: true, dueSoon: false });
      expect(latest.get(watched[1]!)).toEqual({ overdue: false, dueSoon: true });
    } finally {
      stop();
    }
  });

  it('backfills workBy once on dossiers written before it, then finds nothing to write', async () => {
    const old = { id: `q19-${run}-old`, status: 'processing', agencyIds: [A], dueAt: new Date(NOW.getTime() - 90 * DAY), code: `${A}-261201-9100`, procedure: '1.000001' };
    seeds.push(old);
    await db.doc(`dossiers/${old.id}`).set(old); // as stored before issue 19: no workBy
    expect((await readPage(officerA, A, filter('all'), NOW)).docs.map((d) => d.id)).not.toContain(old.id);
    const first = await backfillWorkBy(db);
    expect(first.written).toBeGreaterThanOrEqual(1);
    expect((await readPage(officerA, A, filter('all'), NOW)).docs[0]!.id).toBe(old.id); // now the most overdue
    const again = await backfillWorkBy(db);
    expect(again.written).toBe(0);
    expect(again.scanned).toBeGreaterThanOrEqual(first.scanned);
  });

  it('the server stores workBy with every write: the intake deadline while registered, the due time once received', async () => {
    const d = await submit(landRenewal(rid('q19-workby')));
    const registered = (await db.doc(`dossiers/${d.id}`).get()).data()!;
    expect(registered.workBy.toDate()).toEqual(registered.intake.decideBy.toDate());
    await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    const received = (await db.doc(`dossiers/${d.id}`).get()).data()!;
    expect(received.workBy.toDate()).toEqual(received.dueAt.toDate());
  });
});
