// The officer queue's reads, each one indexed query the security rules allow an officer (their agency in
// `agencyIds`, from the token's claim): a tab is a page of 50 dossiers ordered by `workBy` (the intake
// deadline while registered, then the due time; docs/DATA_MODEL.md "Queue order"), so overdue work comes
// first, then what is due soon, then the rest by due date, and opening the queue reads one page whatever
// the backlog. "Xem thêm" starts the next page after the last document of the one before (PageWindow). Tab counts are
// aggregation queries (`count()`, billed one read per 1,000 index entries), for the open tabs only: the
// closed statuses and "all" grow with history. Free of DOM code: bench/queue.ts and the emulator tests
// run these very queries.
import {
  collection,
  documentId,
  getCountFromServer,
  getDocs,
  doc,
  endAt,
  getDoc,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type DocumentData,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import { STATUS_INFO, type DossierStatusName } from '../../../functions/src/contract/index.js';
import { attentionBoundary, type Flags } from './deadlines.js';

export const PAGE_SIZE = 50;

/** A tab: open work, what is due soon or overdue, closed dossiers, everything, or one national status. */
export type Tab = 'open' | 'attention' | 'closed' | 'all' | DossierStatusName;
export type QueueFilter = { tab: Tab; procedure: string; search: string };

const STATUSES = Object.keys(STATUS_INFO) as DossierStatusName[];
/** Statuses an officer still works on (draft never reaches the queue). */
export const OPEN_STATUSES = STATUSES.filter((s) => STATUS_INFO[s].portalCode !== null && !STATUS_INFO[s].final);
/** Finished dossiers: the history, shown in one tab without a count. */
export const CLOSED_STATUSES = STATUSES.filter((s) => STATUS_INFO[s].final);
/** Statuses in which the processing clock runs: the only ones that become due soon or overdue. */
export const CLOCK_STATUSES = STATUSES.filter((s) => STATUS_INFO[s].clockRuns);
/** Tabs that show a count: open work only (a count of the history would cost a read per 1,000 closed dossiers). */
export const COUNTED_TABS: readonly Tab[] = ['open', 'attention', ...OPEN_STATUSES];

/** Code search: the beginning of a dossier code, as printed (upper case). */
export function codePrefix(search: string): string {
  return search.trim().toUpperCase();
}

/** The filters of a tab (without order or page), scoped to the agency. */
function tabConstraints(agencyId: string, f: QueueFilter, now: Date): QueryConstraint[] {
  const scope = where('agencyIds', 'array-contains', agencyId);
  const procedure = f.procedure ? [where('procedure.code', '==', f.procedure)] : [];
  if (f.tab === 'all') return [scope, ...procedure];
  if (f.tab === 'open') return [scope, ...procedure, where('status', 'in', OPEN_STATUSES)];
  if (f.tab === 'closed') return [scope, ...procedure, where('status', 'in', CLOSED_STATUSES)];
  if (f.tab === 'attention') return [scope, ...procedure, where('status', 'in', CLOCK_STATUSES), where('workBy', '<', Timestamp.fromDate(attentionBoundary(now)))];
  return [scope, ...procedure, where('status', '==', f.tab)];
}

/**
 * Where a page lies in the tab's order. The last page shown is open-ended: the next 50 after the page
 * before (`after`). Once the officer asks for more, it is closed at its last document (`end`): a dossier
 * that enters it then makes it longer instead of pushing its last row past the next page's cursor, so
 * nothing falls between two pages while they are watched.
 */
export type PageWindow = { after?: QueryDocumentSnapshot; end?: QueryDocumentSnapshot };

/**
 * One page of the queue as a query: the tab's dossiers by `workBy` (ties by id), or, while a code is
 * searched, the agency's dossiers whose code starts with it, in any status.
 */
export function pageQuery(db: Firestore, agencyId: string, f: QueueFilter, now: Date, w: PageWindow = {}): Query {
  const dossiers = collection(db, 'dossiers');
  const prefix = codePrefix(f.search);
  const base: QueryConstraint[] = prefix
    ? [where('agencyIds', 'array-contains', agencyId), where('code', '>=', prefix), where('code', '<=', `${prefix}\uf8ff`), orderBy('code')]
    : [...tabConstraints(agencyId, f, now), orderBy('workBy'), orderBy(documentId())];
  return query(dossiers, ...base, ...(w.after ? [startAfter(w.after)] : []), ...(w.end ? [endAt(w.end)] : [limit(PAGE_SIZE)]));
}

export type QueuePage = { docs: QueryDocumentSnapshot[]; changes: { type: 'added' | 'modified' | 'removed'; id: string }[]; fromCache: boolean };

/** A page, live: the listener reads the page once, then only the documents that change in it. */
export function watchPage(db: Firestore, agencyId: string, f: QueueFilter, now: Date, w: PageWindow, onPage: (page: QueuePage) => void, onError: () => void): Unsubscribe {
  return onSnapshot(
    pageQuery(db, agencyId, f, now, w),
    (snap) => onPage({ docs: snap.docs, changes: snap.docChanges().map((c) => ({ type: c.type, id: c.doc.id })), fromCache: snap.metadata.fromCache }),
    onError,
  );
}

/**
 * Dossiers that reach the agency while the officer watches (created after `since`), newest first: shown
 * on top, marked new, whatever their place in the order — what just arrived stays in view. Reads only them.
 */
export function watchArrivals(db: Firestore, agencyId: string, since: Date, onDocs: (docs: QueryDocumentSnapshot[]) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, 'dossiers'), where('agencyIds', 'array-contains', agencyId), where('createdAt', '>', Timestamp.fromDate(since)), orderBy('createdAt', 'desc'), limit(PAGE_SIZE)),
    (snap) => onDocs(snap.docs),
    () => undefined,
  );
}

export type TabCounts = { counts: Map<Tab, number>; /** Reads billed: one per aggregation, plus one per 1,000 index entries beyond the first. */ billedReads: number };

/** The counted tabs' sizes, from aggregation queries (no document is read). */
export async function countTabs(db: Firestore, agencyId: string, f: Pick<QueueFilter, 'procedure'>, now: Date): Promise<TabCounts> {
  const counts = new Map<Tab, number>();
  let billedReads = 0;
  await Promise.all(
    COUNTED_TABS.map(async (tab) => {
      const snap = await getCountFromServer(query(collection(db, 'dossiers'), ...tabConstraints(agencyId, { tab, procedure: f.procedure, search: '' }, now)));
      const n = snap.data().count;
      counts.set(tab, n);
      billedReads += Math.max(1, Math.ceil(n / 1000));
    }),
  );
  return { counts, billedReads };
}

/**
 * The sweep's flags (they know the holidays) for the rows on screen only: `deadlineWatch` documents of
 * the agency among these ids (30 ids a query, Firestore's limit for `in`). Refused quietly if the rules change.
 * Matched on the stored `dossierId` field, not on `documentId()`: the rules check a `documentId() in` query
 * by reading each named document, and a row with no watch document (most rows: nothing due yet) made the
 * whole query fail with permission-denied, so no flag ever showed (found by bench/queue.ts).
 */
export function watchFlags(db: Firestore, agencyId: string, ids: string[], onFlags: (flags: Map<string, Partial<Flags>>) => void): Unsubscribe {
  const stops: Unsubscribe[] = [];
  const parts = new Map<number, Map<string, Partial<Flags>>>();
  for (let i = 0; i < ids.length; i += 30) {
    const chunk = ids.slice(i, i + 30);
    stops.push(
      onSnapshot(
        query(collection(db, 'deadlineWatch'), where('agencyId', '==', agencyId), where('dossierId', 'in', chunk)),
        (snap) => {
          parts.set(i, new Map(snap.docs.map((d) => [d.id, { dueSoon: d.get('dueSoon') === true, overdue: d.get('overdue') === true }])));
          onFlags(new Map([...parts.values()].flatMap((m) => [...m])));
        },
        () => undefined,
      ),
    );
  }
  return () => stops.forEach((stop) => stop());
}

/**
 * The applicant's name for a queue row, from the dossier's personal part (officers in scope may read it;
 * the queue's own documents carry no personal data). Undefined when it cannot be read.
 */
export async function readApplicantName(db: Firestore, dossierId: string): Promise<string | undefined> {
  try {
    const who = (await getDoc(doc(db, 'dossiers', dossierId, 'private', 'personal'))).get('applicant') as { kind?: string; fullName?: string; name?: string } | undefined;
    return who?.kind === 'organisation' ? who.name : who?.fullName;
  } catch {
    return undefined;
  }
}

/** A page read once (no listener): what the bench and the tests measure, the same query the page watches. */
export async function readPage(db: Firestore, agencyId: string, f: QueueFilter, now: Date, after?: QueryDocumentSnapshot): Promise<{ docs: QueryDocumentSnapshot<DocumentData>[]; next: QueryDocumentSnapshot | undefined }> {
  const snap = await getDocs(pageQuery(db, agencyId, f, now, { after }));
  return { docs: snap.docs, next: snap.size === PAGE_SIZE ? snap.docs.at(-1) : undefined };
}
