// Work queues: the agency's dossiers, live (store.ts: the only query the rules allow an officer,
// `agencyIds array-contains <agency>`, newest activity first, plus the sweep's deadline flags for the
// agency; queue-state.ts: the rows, filters and order). Tabs by national status, filter by procedure,
// search by code; overdue and due-soon rows carry a coloured badge with text, and an online dossier not
// yet received shows the time left to accept or return it (Decree 118 Art. 17.2), marked in words and
// colour once past its alert time or deadline. Keyboard: "/" focuses the search, ↑/↓ move between rows.
import { h } from '../shared/dom.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { t } from '../shared/i18n.js';
import { FLAG_TEXT, INTAKE_TEXT, spanText, type IntakeState } from './deadlines.js';
import { isFinal, QUEUE_STATUSES, statusLabel, tx } from './labels.js';
import { createQueue, filters, type Tab } from './queue-state.js';
import type { ViewFactory } from './state.js';
import { readApplicantName, watchDeadlineFlags, watchQueue } from './store.js';

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
    ),
  );

  function renderTabs(now: Date): void {
    const { byStatus: counts, open, attention } = queue.counts(now);
    const tab = (key: Tab, label: string, n: number) =>
      h(
        'button',
        {
          type: 'button',
          class: 'tab',
          'data-tab': key,
          'aria-pressed': filters.tab === key ? 'true' : 'false',
          onclick: () => {
            filters.tab = key;
            renderAll();
          },
        },
        label,
        ' ',
        h('span', { class: 'count' }, `(${n})`),
      );
    tabs.replaceChildren(
      tab('open', tx('Đang giải quyết', 'Open'), open),
      tab('attention', tx('Sắp đến hạn / quá hạn', 'Due soon / overdue'), attention),
      ...QUEUE_STATUSES.filter((s) => (counts.get(s) ?? 0) > 0 || filters.tab === s).map((s) => tab(s, statusLabel(s), counts.get(s) ?? 0)),
      tab('all', tx('Tất cả', 'All'), queue.rows.size),
    );
  }

  function renderProcedures(): void {
    const names = new Map<string, string>();
    for (const r of queue.rows.values()) names.set(r.procedureCode, t(r.procedureName));
    const options = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
    if (filters.procedure && !names.has(filters.procedure)) filters.procedure = '';
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
      summary.textContent = shown.length === 0 ? tx('Không có hồ sơ nào ở đây.', 'No dossiers here.') : tx(`${shown.length} hồ sơ`, `${shown.length} dossiers`);
    }
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
    const now = new Date();
    renderTabs(now);
    renderRows(now);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      filters.search = search.value;
      renderRows(new Date());
    }, 120);
  });
  procedureSelect.addEventListener('change', () => {
    filters.procedure = procedureSelect.value;
    renderAll();
  });

  // "/" jumps to the search; ↑/↓ move along the rows' links.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const typingInField = target.matches('input, textarea, select');
    if (event.key === '/' && !typingInField) {
      event.preventDefault();
      search.focus();
      search.select();
      return;
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && (target.matches('#queue-table a') || (target === search && event.key === 'ArrowDown'))) {
      const links = Array.from(tableBody.querySelectorAll<HTMLAnchorElement>('a.code'));
      const i = links.indexOf(target as HTMLAnchorElement);
      const next = target === search ? links[0] : links[i + (event.key === 'ArrowDown' ? 1 : -1)];
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
  void firestore().then((db) => {
    if (stopped) return;
    stops.push(
      watchQueue(
        db,
        officer.agencyId,
        (changes) => {
          const added = queue.apply(changes);
          loaded = true;
          error = undefined;
          if (added.length > 0) announce.textContent = tx(`Hồ sơ mới: ${added.join(', ')}`, `New dossiers: ${added.join(', ')}`);
          renderProcedures();
          renderAll();
        },
        () => {
          error = tx('Không tải được danh sách hồ sơ. Vui lòng tải lại trang.', 'Could not load the dossiers. Please reload the page.');
          renderAll();
        },
      ),
      // The sweep's flags know the holidays; refused quietly if the rules change (the clock still works).
      watchDeadlineFlags(db, officer.agencyId, (flags) => {
        queue.setFlags(flags);
        renderAll();
      }),
    );
  });

  renderAll();
  return {
    unmount: () => {
      stopped = true;
      for (const stop of stops) stop();
      clearInterval(clock);
      clearTimeout(typing);
      document.removeEventListener('keydown', onKey);
    },
  };
};
