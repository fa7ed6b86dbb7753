// @needs emulators
// What it costs an officer to open the work queue of an agency with 2,000 and then 20,000 open dossiers
// (a quarter of them an overdue backlog nobody touched for weeks): the page's own reads
// (hosting/src/can-bo/queue-query.ts), run with the web SDK under firestore.rules as the agency's
// receptionist — the first page's listener, the arrivals listener, the sweep's flags for the rows on
// screen, the applicants' names of those rows — counted from what the queries returned (Firestore bills a
// query at least one read, even empty), and the tab counts from aggregation queries, billed one read per
// 1,000 index entries, reported apart. Target: the same documents read for both. For contrast, what the
// queue read before (the 500 most recently updated dossiers) and how many of the overdue it showed.
// Time to the first page is reported as a ratio of a single-document read in the same run, not a target.
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, doc, getDoc, getDocs, limit, orderBy, query, setLogLevel, where, type Firestore } from 'firebase/firestore';
import { workByOf } from '../functions/src/domain/index.js';
import { countTabs, PAGE_SIZE, readApplicantName, watchArrivals, watchFlags, watchPage, type QueueFilter, type QueuePage } from '../hosting/src/can-bo/queue-query.js';
import { admin, FIRESTORE_HOST, PROJECT_ID } from '../test/support/emulators.js';
import { median, ms, timeEach } from './_stats.js';

setLogLevel('silent');
const { db } = admin();
const AGENCY = '999.00.09.QBENCH';
const NOW = Date.now();
const DAY = 86_400_000;
const OPEN = ['registered', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved'] as const;

/** Dossiers i ∈ [from, to): every 4th is an overdue backlog dossier untouched for 20–80 days; the rest due ahead. */
async function addDossiers(from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 250) {
    const batch = db.batch();
    for (let i = start; i < Math.min(to, start + 250); i++) {
      const id = `bench-queue-${String(i).padStart(5, '0')}`;
      const backlog = i % 4 === 0;
      const status = backlog ? 'processing' : OPEN[i % OPEN.length]!;
      const dueAt = backlog ? new Date(NOW - (1 + (i % 60)) * DAY) : new Date(NOW + (1 + (i % 90)) * DAY + i * 1000);
      const decideBy = status === 'registered' ? new Date(NOW + (i % 8) * 3_600_000) : undefined;
      const updatedAt = new Date(NOW - (backlog ? 20 + (i % 60) : i % 20) * DAY);
      batch.set(db.doc(`dossiers/${id}`), {
        id,
        code: `${AGENCY}-261201-${String(i).padStart(5, '0')}`,
        status,
        channel: i % 3 ? 'desk' : 'online',
        procedure: { code: '1.012792', version: 1, name: { vi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', en: 'Replacement of a land-use right certificate' } },
        receivingAgencyId: AGENCY,
        agencyIds: [AGENCY],
        createdAt: new Date(updatedAt.getTime() - DAY),
        updatedAt,
        ...(status === 'registered' ? {} : { dueAt, receivedAt: new Date(updatedAt.getTime() - DAY) }),
        ...(decideBy ? { intake: { alertAt: new Date(decideBy.getTime() - 6 * 3_600_000), decideBy } } : {}),
        workBy: workByOf({ status, dueAt: status === 'registered' ? undefined : dueAt, intake: decideBy ? { decideBy } : undefined }),
      });
      batch.set(db.doc(`dossiers/${id}/private/personal`), { applicant: { kind: 'person', fullName: `Người nộp ${i}` }, components: [] });
      if (backlog) batch.set(db.doc(`deadlineWatch/${id}`), { dossierId: id, agencyId: AGENCY, status, dueAt, overdue: true, dueSoon: false });
    }
    await batch.commit();
  }
}

const [host, port] = FIRESTORE_HOST.split(':') as [string, string];
const env = await initializeTestEnvironment({ projectId: PROJECT_ID, firestore: { host, port: Number(port) } });
const officerContext = () => env.authenticatedContext('bench-queue-officer', { role: 'receptionist', agencyId: AGENCY }).firestore() as unknown as Firestore;
const officer = officerContext();
const OPEN_TAB: QueueFilter = { tab: 'open', procedure: '', search: '' };

/** The first answer of a listener; fails loudly (never hangs the bench) when none comes within 60 s. */
function firstFromServer<T>(what: string, subscribe: (done: (value: T) => void) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener: { stop?: () => void } = {};
    const timer = setTimeout(() => {
      listener.stop?.();
      reject(new Error(`no answer from the ${what} listener within 60 s`));
    }, 60_000);
    listener.stop = subscribe((value) => {
      clearTimeout(timer);
      setTimeout(() => listener.stop?.(), 0);
      resolve(value);
    });
  });
}

type Opening = { pageDocs: number; arrivals: number; flags: number; names: number; queries: number; aggregationReads: number; counts: number; overdueOnPage: number };

/**
 * Everything the page reads when the queue opens on its default tab. Each opening is a page load: a new
 * SDK instance with an empty cache. With one instance shared by the openings, the second opening's first
 * snapshot came from the cache the first had filled (`fromCache`), and the server's confirmation of the
 * same documents raises no snapshot without `includeMetadataChanges`: the bench waited for it forever.
 */
async function openQueue(): Promise<Opening> {
  const officer = officerContext();
  const page = await firstFromServer<QueuePage>('first page', (done) => watchPage(officer, AGENCY, OPEN_TAB, new Date(), {}, (p) => {
    if (!p.fromCache) done(p);
  }, () => undefined));
  const arrivals = await firstFromServer<number>('arrivals', (done) => watchArrivals(officer, AGENCY, new Date(), (docs) => done(docs.length)));
  const ids = page.docs.map((d) => d.id);
  const flagQueries = Math.ceil(ids.length / 30);
  let answers = 0;
  const flags = await firstFromServer<number>('sweep flags', (done) =>
    watchFlags(officer, AGENCY, ids, (f) => {
      if (++answers >= flagQueries) done(f.size);
    }),
  );
  await Promise.all(ids.map((id) => readApplicantName(officer, id)));
  const { counts, billedReads } = await countTabs(officer, AGENCY, { procedure: '' }, new Date());
  const overdueOnPage = page.docs.filter((d) => d.get('status') === 'processing' && d.get('dueAt').toDate().getTime() < Date.now()).length;
  // A query answering nothing is still billed one read; a document read is one read found or not.
  return { pageDocs: Math.max(1, page.docs.length), arrivals: Math.max(1, arrivals), flags: Math.max(flagQueries, flags), names: ids.length, queries: 2 + flagQueries, aggregationReads: billedReads, counts: counts.get('open') ?? 0, overdueOnPage };
}

/** The queue before issue 19: the 500 most recently updated dossiers, filtered in the browser. */
async function oldQueue(): Promise<{ read: number; overdueShown: number }> {
  const snap = await getDocs(query(collection(officer, 'dossiers'), where('agencyIds', 'array-contains', AGENCY), orderBy('updatedAt', 'desc'), limit(500)));
  return { read: snap.size, overdueShown: snap.docs.filter((d) => d.get('status') === 'processing' && d.get('dueAt').toDate().getTime() < Date.now()).length };
}

async function measure(label: string, total: number): Promise<{ reads: number; aggregation: number; time: number; single: number }> {
  await openQueue(); // warm: the SDK's connection and the emulator's rules
  const o = await openQueue();
  const reads = o.pageDocs + o.arrivals + o.flags + o.names;
  const times = await timeEach(5, () => getDocs(query(collection(officer, 'dossiers'), where('agencyIds', 'array-contains', AGENCY), where('status', 'in', OPEN as unknown as string[]), orderBy('workBy'), limit(PAGE_SIZE))));
  const single = median(await timeEach(9, () => getDoc(doc(officer, 'dossiers/bench-queue-00001'))));
  const t = median(times);
  const old = await oldQueue();
  console.log(
    `${label}: open tab counts ${o.counts} of ${total}; documents read to open the queue ${reads} ` +
      `(first page ${o.pageDocs}, arrivals ${o.arrivals}, sweep flags of the rows on screen ${o.flags}, applicants' names ${o.names}; ${o.queries} queries), ` +
      `aggregation counts ${o.aggregationReads} reads billed apart; the first page shows ${o.overdueOnPage} overdue dossiers; ` +
      `first page ${ms(t)} = ${(t / single).toFixed(1)}× a single-document read (${ms(single)}). ` +
      `Before: ${old.read} documents read (plus every deadlineWatch of the agency), ${old.overdueShown} of the ${Math.ceil(total / 4)} overdue in view`,
  );
  return { reads, aggregation: o.aggregationReads, time: t, single };
}

await addDossiers(0, 2_000);
const small = await measure('2,000 open dossiers', 2_000);
await addDossiers(2_000, 20_000);
const large = await measure('20,000 open dossiers', 20_000);
await env.cleanup();
const ratio = large.reads / small.reads;
console.log(`target: the same documents read: ${ratio.toFixed(2)}×; aggregation reads ${small.aggregation} → ${large.aggregation} (one per 1,000 index entries); first page time ${(large.time / small.time).toFixed(2)}× between the runs (the emulator scans; production serves the index)`);
console.log(`queue: ${large.reads} documents read to open the queue with 20,000 open dossiers vs ${small.reads} with 2,000 (${ratio.toFixed(2)}×); counts ${large.aggregation} vs ${small.aggregation} aggregation reads`);
process.exit(ratio === 1 ? 0 : 1);
