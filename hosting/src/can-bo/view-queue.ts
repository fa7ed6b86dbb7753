// Work queues: the agency's dossiers, one page of 50 at a time (queue-query.ts: each tab is one indexed
// query the rules allow an officer, ordered overdue and due soon first, then by due date; "Xem thêm"
// starts the next page after the last dossier of the one before), each visible page live (its own
// listener reads the page once, then only what changes in it), dossiers that arrive while the officer
// watches on top, marked new; tab counts from aggregation queries. Filter by procedure, search by the
// beginning of a code (any status); overdue and due-soon rows carry a coloured badge with text, and an
// online dossier not yet received shows the time left to accept or return it (Decree 118 Art. 17.2),
// marked in words and colour once past its alert time or deadline. Keyboard: "/" focuses the search,
// ↑/↓ move between rows and on to "Xem thêm".
import { h } from '../shared/dom.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { t } from '../shared/i18n.js';
import { FLAG_TEXT, INTAKE_TEXT, spanText, type IntakeState } from './deadlines.js';
import { isFinal, statusLabel, tx } from './labels.js';
import { countTabs, OPEN_STATUSES, PAGE_SIZE, readApplicantName, watchArrivals, watchFlags, watchPage, type PageWindow, type QueuePage } from './queue-query.js';
import { createQueue, filters, type Tab } from './queue-state.js';
import type { ViewFactory } from './state.js';
import type { Firestore, QueryDocumentSnapshot, Unsubscribe } from 'firebase/firestore';

/** Channel in one word, so rows stay one line high. */
const CHANNEL_SHORT: Record<string, { vi: string; en: string }> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  desk: { vi: 'Tại quầy', en: 'Desk' },
  post: { vi: 'Bưu chính', en: 'Post' },
};

/** Clock time left to the due time (or how late), for the officer scanning the queue. */
function timeLeft(dueAt: Date, now: Date): string {
  const left = dueAt.getTime() - now.getTime();
  const span = t(spanText(left));
  return left >= 0 ? tx(` (còn ${span})`, ` (${span} left)`) : tx(` (quá ${span})`, ` (${span} late)`);
}

// Names read once per page load: the queue re-renders every minute and on every change.
const names = new Map<string, string>();
const asked = new Set<string>();

export const mountQueue: ViewFactory = (root, ctx) => {
  const { officer } = ctx;
  const queue = createQueue();
  let stopped = false;
  let loaded = false;
  let error: string | undefined;

  const search = h('input', {
    id: 'queue-search',
    type: 'search',
    inputmode: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    value: filters.search,
    placeholder: '000.00.01.H99-261128-0001',
    'aria-keyshortcuts': '/',
  });
  const procedureSelect = h('select', { id: 'queue-procedure' });
  const tabs = h('div', { class: 'tabs', role: 'group', 'aria-label': tx('Lọc theo trạng thái', 'Filter by status') });
  const summary = h('p', { id: 'queue-summary', class: 'status', 'aria-live': 'polite' });
  const announce = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'queue-announce' });
  const tableBody = h('tbody');
  const table = h(
    'table',
    { id: 'queue-table', class: 'queue' },
    h('caption', { class: 'visually-hidden' }, tx('Hồ sơ của cơ quan', 'Dossiers of the agency')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tx('Mã hồ sơ', 'Code')),
        h('th', { scope: 'col' }, tx('Người nộp', 'Applicant')),
        h('th', { scope: 'col' }, tx('Thủ tục', 'Procedure')),
        h('th', { scope: 'col' }, tx('Kênh', 'Channel')),
        h('th', { scope: 'col' }, tx('Nộp / tiếp nhận', 'Submitted / received')),
        h('th', { scope: 'col' }, tx('Trạng thái', 'Status')),
        h('th', { scope: 'col' }, tx('Hạn trả (còn lại)', 'Due (time left)')),
      ),
    ),
    tableBody,
  );

  const more = h(
    'button',
    { type: 'button', id: 'queue-more', class: 'more', hidden: true },
    tx(`Xem thêm ${PAGE_SIZE} hồ sơ`, `Show ${PAGE_SIZE} more`),
  );
  const procedureNames = new Map<string, string>();
  let procedureKey = '';

  root.append(
    h(
      'section',
      { 'aria-labelledby': 'queue-title', class: 'queue-view' },
      // Title, search and filter on one line, tabs and count on the next: the rows start high on the screen.
      h(
        'div',
        { class: 'queue-head' },
        h('h2', { id: 'queue-title' }, tx('Hồ sơ của cơ quan', 'Agency dossiers'), ' ', h('span', { class: 'en' }, officer.agencyId)),
        h(
          'div',
          { class: 'filters' },
          h('div', { class: 'field' }, h('label', { for: 'queue-search' }, tx('Tìm theo mã hồ sơ (phím /)', 'Search by code (key /)')), search),
          h('div', { class: 'field' }, h('label', { for: 'queue-procedure' }, tx('Thủ tục', 'Procedure')), procedureSelect),
        ),
      ),
      h('div', { class: 'queue-bar' }, tabs, summary),
      announce,
      h('div', { class: 'table-wrap' }, table),
      more,
    ),
  );

  function renderTabs(): void {
    const tab = (key: Tab, label: string, n: number | undefined) =>
      h(
        'button',
        {
          type: 'button',
          class: 'tab',
          'data-tab': key,
          'aria-pressed': filters.tab === key ? 'true' : 'false',
          onclick: () => {
            filters.tab = key;
            renderTabs();
            restart();
          },
        },
        label,
        n === undefined ? null : ' ',
        n === undefined ? null : h('span', { class: 'count' }, `(${n})`),
      );
    tabs.replaceChildren(
      tab('open', tx('Đang giải quyết', 'Open'), counts?.get('open')),
      tab('attention', tx('Sắp đến hạn / quá hạn', 'Due soon / overdue'), counts?.get('attention')),
      ...OPEN_STATUSES.filter((s) => (counts?.get(s) ?? 0) > 0 || filters.tab === s).map((s) => tab(s, statusLabel(s), counts?.get(s))),
      // The history grows without end: no count (an aggregation costs a read per 1,000 dossiers).
      tab('closed', tx('Đã kết thúc', 'Closed'), undefined),
      tab('all', tx('Tất cả', 'All'), undefined),
    );
  }

  function renderProcedures(): void {
    const seen = new Map<string, string>([...procedureNames]);
    for (const r of queue.loaded()) seen.set(r.procedureCode, t(r.procedureName));
    for (const [code, name] of seen) procedureNames.set(code, name);
    const options = [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
    const key = options.map(([c]) => c).join('|') + '#' + filters.procedure;
    if (key === procedureKey) return;
    procedureKey = key;
    procedureSelect.replaceChildren(
      h('option', { value: '' }, tx('Tất cả thủ tục', 'All procedures')),
      ...options.map(([code, name]) => h('option', { value: code, selected: code === filters.procedure }, `${name} (${code})`)),
    );
  }

  /** Decree 118 Art. 17.2: an online dossier not yet received, with the time left to accept or return it. */
  function intakeCell(decideBy: Date, state: IntakeState, now: Date): HTMLElement {
    const left = decideBy.getTime() - now.getTime();
    const span = t(spanText(left));
    return h(
      'span',
      { class: 'intake', 'data-testid': 'intake', 'data-decide-by': decideBy.toISOString() },
      tx(`Tiếp nhận hoặc trả lại trước ${formatDateTime(decideBy)}`, `Accept or return by ${formatDateTime(decideBy)}`),
      ' ',
      h('span', { class: 'left' }, left >= 0 ? tx(`(còn ${span})`, `(${span} left)`) : tx(`(quá ${span})`, `(${span} late)`)),
      state === 'pending' ? null : h('span', { class: `badge badge-${state === 'late' ? 'intakeLate' : 'intakeAlert'}`, 'data-flag': state === 'late' ? 'intakeLate' : 'intakeAlert' }, t(INTAKE_TEXT[state])),
    );
  }

  function renderRows(now: Date): void {
    const shown = queue.shown(now);
    // Live updates must not steal the keyboard: keep focus on the row it was on.
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('tr')?.getAttribute('data-dossier-id');
    const hadFocus = focusedId !== undefined && focusedId !== null && tableBody.contains(document.activeElement);
    tableBody.replaceChildren(
      ...shown.map(({ r, f, i }) => {
        const badge = f.overdue ? 'overdue' : f.dueSoon ? 'dueSoon' : undefined;
        const intakeBadge = i === 'late' ? 'intakeLate' : i === 'alert' ? 'intakeAlert' : undefined;
        const rowClass = badge ? `row-${badge}` : intakeBadge ? `row-${intakeBadge}` : '';
        return h(
          'tr',
          { 'data-dossier-id': r.id, 'data-status': r.status, 'data-intake': i, class: [rowClass, r.fresh ? 'row-new' : ''].join(' ').trim() || undefined },
          h(
            'td',
            {},
            h('a', { href: `/can-bo/ho-so/${r.id}`, class: 'code' }, r.code || r.id),
            r.fresh ? h('span', { class: 'badge badge-new' }, tx('Mới', 'New')) : null,
          ),
          h('td', { 'data-testid': 'applicant' }, names.get(r.id) ?? ''),
          h('td', { class: 'procedure', title: t(r.procedureName) }, t(r.procedureName)),
          h('td', { 'data-testid': 'channel' }, CHANNEL_SHORT[r.channel] ? t(CHANNEL_SHORT[r.channel]!) : r.channel),
          h(
            'td',
            { 'data-testid': 'times' },
            r.receivedAt ? tx(`Nhận ${formatDateTime(r.receivedAt)}`, `Received ${formatDateTime(r.receivedAt)}`) : r.submittedAt ? tx(`Nộp ${formatDateTime(r.submittedAt)}`, `Submitted ${formatDateTime(r.submittedAt)}`) : '—',
          ),
          h('td', {}, statusLabel(r.status)),
          h(
            'td',
            {},
            r.dueAt ? h('span', { title: formatDateTime(r.dueAt) }, formatDate(r.dueAt)) : i ? null : '—',
            r.dueAt && !isFinal(r.status) ? h('span', { class: 'left', 'data-testid': 'time-left' }, timeLeft(r.dueAt, now)) : null,
            badge ? h('span', { class: `badge badge-${badge}`, 'data-flag': badge }, t(FLAG_TEXT[badge])) : null,
            i ? intakeCell(r.intake.decideBy!, i, now) : null,
          ),
        );
      }),
    );
    void fillNames(shown.map(({ r }) => r.id));
    if (hadFocus) tableBody.querySelector<HTMLElement>(`tr[data-dossier-id="${CSS.escape(focusedId)}"] a.code`)?.focus();
    if (error) {
      summary.dataset.state = 'error';
      summary.textContent = error;
    } else if (!loaded) {
      summary.textContent = tx('Đang tải hồ sơ…', 'Loading dossiers…');
    } else {
      delete summary.dataset.state;
      summary.dataset.loaded = 'true';
      const total = filters.search.trim() ? undefined : counts?.get(filters.tab);
      summary.textContent =
        shown.length === 0
          ? tx('Không có hồ sơ nào ở đây.', 'No dossiers here.')
          : total !== undefined && total > shown.length
            ? tx(`Đang xem ${shown.length} / ${total} hồ sơ`, `Showing ${shown.length} of ${total} dossiers`)
            : tx(`${shown.length} hồ sơ`, `${shown.length} dossiers`);
    }
    const onMore = document.activeElement === more;
    more.hidden = !(hasMore() || loadingMore);
    more.setAttribute('aria-busy', loadingMore ? 'true' : 'false');
    // The last page came in: the button goes, the keyboard stays on the last row rather than the page's body.
    if (more.hidden && onMore) Array.from(tableBody.querySelectorAll<HTMLElement>('a.code')).at(-1)?.focus();
    watchVisibleFlags(shown.map(({ r }) => r.id));
  }

  /** Reads the applicants' names of the rows shown (once each; the officer is in scope of these rows). */
  async function fillNames(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !names.has(id) && !asked.has(id)).slice(0, 60);
    if (missing.length === 0) return;
    for (const id of missing) asked.add(id);
    const db = await firestore();
    const found = await Promise.all(missing.map(async (id) => [id, await readApplicantName(db, id)] as const));
    if (stopped) return;
    for (const [id, name] of found) if (name) names.set(id, name);
    for (const [id, name] of found) {
      const cell = tableBody.querySelector(`tr[data-dossier-id="${CSS.escape(id)}"] td[data-testid="applicant"]`);
      if (cell && name) cell.textContent = name;
    }
  }

  function renderAll(): void {
    renderTabs();
    renderRows(new Date());
  }

  // ---- reads: the visible pages (live), arrivals (live), counts (aggregations), flags of the rows on screen
  let db: Firestore | undefined;
  /** One listener per page shown (queue-query.ts PageWindow): the last one open-ended, the others closed at their last row. */
  let pageStops: Unsubscribe[] = [];
  let windows: PageWindow[] = [];
  let lastDocs: (QueryDocumentSnapshot | undefined)[] = [];
  let lastFull = false;
  /** Between "Xem thêm" and the next page's first answer: the button stays (and keeps the keyboard). */
  let loadingMore = false;
  let generation = 0;

  const hasMore = (): boolean => loaded && lastFull;

  function watch(n: number, w: PageWindow): Unsubscribe {
    const gen = generation;
    return watchPage(
      db!,
      officer.agencyId,
      { ...filters },
      new Date(),
      w,
      (page: QueuePage) => {
        if (gen !== generation || stopped) return;
        queue.setPage(n, page.docs.map((d) => ({ id: d.id, data: d.data() })));
        lastDocs[n] = page.docs.at(-1);
        if (n === windows.length - 1) {
          lastFull = page.docs.length === PAGE_SIZE;
          loadingMore = false;
        }
        if (n === 0) loaded = true;
        error = undefined;
        renderProcedures();
        renderRows(new Date());
        if (page.changes.length > 0 && !page.fromCache) refreshCounts();
      },
      () => {
        if (gen !== generation) return;
        error = tx('Không tải được danh sách hồ sơ. Vui lòng tải lại trang.', 'Could not load the dossiers. Please reload the page.');
        renderRows(new Date());
      },
    );
  }

  /** Another tab, procedure or search: stop the pages' listeners and read the first page again. */
  function restart(): void {
    if (!db) return;
    generation++;
    for (const stop of pageStops) stop();
    windows = [{}];
    lastDocs = [];
    lastFull = false;
    loadingMore = false;
    loaded = false;
    queue.reset();
    renderRows(new Date());
    pageStops = [watch(0, windows[0]!)];
  }

  /** "Xem thêm": the last page is closed at its last row, the next 50 start after it. */
  function loadMore(): void {
    const n = windows.length - 1;
    const end = lastDocs[n];
    if (!hasMore() || loadingMore || !end) return;
    lastFull = false;
    pageStops[n]!();
    windows[n] = { ...windows[n], end };
    pageStops[n] = watch(n, windows[n]!);
    windows[n + 1] = { after: end };
    pageStops[n + 1] = watch(n + 1, windows[n + 1]!);
    loadingMore = true;
  }
  more.addEventListener('click', loadMore);

  let counts: Map<Tab, number> | undefined;
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts after a change in view, at most once in 5 s (each aggregation is billed at least one read). */
  function refreshCounts(now = false): void {
    clearTimeout(countTimer);
    countTimer = setTimeout(
      () => {
        if (!db || stopped) return;
        const procedure = filters.procedure;
        void countTabs(db, officer.agencyId, { procedure }, new Date())
          .then((c) => {
            if (stopped || procedure !== filters.procedure) return;
            counts = c.counts;
            renderAll();
          })
          .catch(() => undefined);
      },
      now ? 0 : 5_000,
    );
  }

  let flagIds = '';
  let stopFlags: Unsubscribe | undefined;
  /** The sweep's flags for the rows on screen only (they know the holidays; the clock still works without). */
  function watchVisibleFlags(ids: string[]): void {
    const key = [...ids].sort().join(',');
    if (!db || key === flagIds) return;
    flagIds = key;
    stopFlags?.();
    stopFlags = ids.length === 0 ? undefined : watchFlags(db, officer.agencyId, ids, (flags) => {
      queue.setFlags(flags);
      renderRows(new Date());
    });
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (search.value === filters.search) return;
      filters.search = search.value;
      restart();
    }, 250);
  });
  procedureSelect.addEventListener('change', () => {
    filters.procedure = procedureSelect.value;
    counts = undefined;
    renderAll();
    restart();
    refreshCounts(true);
  });

  // "/" jumps to the search; ↑/↓ move along the rows' links and on to "Xem thêm".
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const typingInField = target.matches('input, textarea, select');
    if (event.key === '/' && !typingInField) {
      event.preventDefault();
      search.focus();
      search.select();
      return;
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && (target.matches('#queue-table a') || target === more || (target === search && event.key === 'ArrowDown'))) {
      const stops = [...Array.from(tableBody.querySelectorAll<HTMLElement>('a.code')), ...(more.hidden ? [] : [more])];
      const i = stops.indexOf(target);
      const next = target === search ? stops[0] : stops[i + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  };
  document.addEventListener('keydown', onKey);

  // A dossier crosses its due time without any write: re-evaluate the flags every minute.
  const clock = setInterval(renderAll, 60_000);

  const stops: (() => void)[] = [];
  const openedAt = new Date();
  void firestore().then((ready) => {
    if (stopped) return;
    db = ready;
    restart();
    refreshCounts(true);
    stops.push(
      watchArrivals(ready, officer.agencyId, openedAt, (docs) => {
        const added = queue.setArrivals(docs.map((d) => ({ id: d.id, data: d.data() })));
        if (added.length > 0) {
          announce.textContent = tx(`Hồ sơ mới: ${added.join(', ')}`, `New dossiers: ${added.join(', ')}`);
          refreshCounts();
        }
        renderProcedures();
        renderRows(new Date());
      }),
    );
  });

  renderAll();
  return {
    unmount: () => {
      stopped = true;
      generation++;
      for (const stop of [...stops, ...pageStops]) stop();
      stopFlags?.();
      clearInterval(clock);
      clearTimeout(typing);
      clearTimeout(countTimer);
      document.removeEventListener('keydown', onKey);
    },
  };
};
