// Work queues: the agency's dossiers, live. One Firestore listener on the only query the rules allow an
// officer (`agencyIds array-contains <agency>`), newest activity first, plus the sweep's deadline flags
// for the agency. Tabs by national status, filter by procedure, search by code; overdue and due-soon
// rows carry a coloured badge with text. Keyboard: "/" focuses the search, ↑/↓ move between rows.
import { collection, limit, onSnapshot, orderBy, query, where, type DocumentData, type Timestamp } from 'firebase/firestore';
import { h } from '../shared/dom.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { firestore } from '../shared/firestore.js';
import type { ViewFactory } from './context.js';
import { computeFlags, FLAG_TEXT, mergeFlags, type Flags } from './deadlines.js';
import { isFinal, QUEUE_STATUSES, statusLabel, tx } from './labels.js';

/** Enough for a busy desk's open work; closed dossiers beyond it are found by the public lookup. */
const QUEUE_LIMIT = 500;

type Row = {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  dueAt?: Date;
  receivedAt?: Date;
  createdAt?: Date;
  currentAgencyId?: string;
  fresh: boolean;
};

const toDate = (v: unknown): Date | undefined => (v && typeof (v as Timestamp).toDate === 'function' ? (v as Timestamp).toDate() : undefined);

function rowOf(id: string, d: DocumentData, fresh: boolean): Row {
  return {
    id,
    code: String(d.code ?? ''),
    status: String(d.status ?? ''),
    procedureCode: String(d.procedure?.code ?? ''),
    procedureName: d.procedure?.name ?? { vi: '', en: '' },
    dueAt: toDate(d.dueAt),
    receivedAt: toDate(d.receivedAt),
    createdAt: toDate(d.createdAt),
    currentAgencyId: d.currentStep?.agencyId,
    fresh,
  };
}

type Tab = 'open' | 'attention' | 'all' | string;

// The chosen tab and filters survive going to a dossier and back.
const state: { tab: Tab; procedure: string; search: string } = { tab: 'open', procedure: '', search: '' };

export const mountQueue: ViewFactory = (root, ctx) => {
  const { officer } = ctx;
  const rows = new Map<string, Row>();
  const watch = new Map<string, Partial<Flags>>();
  let firstSnapshot = true;
  let loaded = false;
  let error: string | undefined;

  const search = h('input', {
    id: 'queue-search',
    type: 'search',
    inputmode: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    value: state.search,
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
        h('th', { scope: 'col' }, tx('Thủ tục', 'Procedure')),
        h('th', { scope: 'col' }, tx('Trạng thái', 'Status')),
        h('th', { scope: 'col' }, tx('Hạn trả', 'Due')),
      ),
    ),
    tableBody,
  );

  root.append(
    h(
      'section',
      { 'aria-labelledby': 'queue-title', class: 'queue-view' },
      h('h2', { id: 'queue-title' }, tx('Hồ sơ của cơ quan', 'Agency dossiers'), ' ', h('span', { class: 'en' }, officer.agencyId)),
      h(
        'div',
        { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: 'queue-search' }, tx('Tìm theo mã hồ sơ (phím /)', 'Search by code (key /)')), search),
        h('div', { class: 'field' }, h('label', { for: 'queue-procedure' }, tx('Thủ tục', 'Procedure')), procedureSelect),
      ),
      tabs,
      summary,
      announce,
      h('div', { class: 'table-wrap' }, table),
    ),
  );

  const flagsOf = (r: Row, now: Date): Flags => mergeFlags(computeFlags(r.status, r.dueAt, now), watch.get(r.id));

  function matchesTab(r: Row, f: Flags): boolean {
    if (state.tab === 'all') return true;
    if (state.tab === 'open') return !isFinal(r.status);
    if (state.tab === 'attention') return f.overdue || f.dueSoon;
    return r.status === state.tab;
  }

  function renderTabs(now: Date): void {
    const counts = new Map<string, number>();
    let open = 0;
    let attention = 0;
    for (const r of rows.values()) {
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      if (!isFinal(r.status)) open++;
      const f = flagsOf(r, now);
      if (f.overdue || f.dueSoon) attention++;
    }
    const tab = (key: Tab, label: string, n: number) =>
      h(
        'button',
        {
          type: 'button',
          class: 'tab',
          'data-tab': key,
          'aria-pressed': state.tab === key ? 'true' : 'false',
          onclick: () => {
            state.tab = key;
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
      ...QUEUE_STATUSES.filter((s) => (counts.get(s) ?? 0) > 0 || state.tab === s).map((s) => tab(s, statusLabel(s), counts.get(s) ?? 0)),
      tab('all', tx('Tất cả', 'All'), rows.size),
    );
  }

  function renderProcedures(): void {
    const names = new Map<string, string>();
    for (const r of rows.values()) names.set(r.procedureCode, t(r.procedureName));
    const options = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
    if (state.procedure && !names.has(state.procedure)) state.procedure = '';
    procedureSelect.replaceChildren(
      h('option', { value: '' }, tx('Tất cả thủ tục', 'All procedures')),
      ...options.map(([code, name]) => h('option', { value: code, selected: code === state.procedure }, `${name} (${code})`)),
    );
  }

  function renderRows(now: Date): void {
    const needle = state.search.trim().toUpperCase();
    const shown = [...rows.values()]
      .map((r) => ({ r, f: flagsOf(r, now) }))
      .filter(({ r, f }) => matchesTab(r, f) && (!state.procedure || r.procedureCode === state.procedure) && (!needle || r.code.toUpperCase().includes(needle)))
      .sort((a, b) => rank(a.f) - rank(b.f) || (a.r.dueAt?.getTime() ?? Infinity) - (b.r.dueAt?.getTime() ?? Infinity) || (b.r.createdAt?.getTime() ?? 0) - (a.r.createdAt?.getTime() ?? 0));
    // Live updates must not steal the keyboard: keep focus on the row it was on.
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('tr')?.getAttribute('data-dossier-id');
    const hadFocus = focusedId !== undefined && focusedId !== null && tableBody.contains(document.activeElement);
    tableBody.replaceChildren(
      ...shown.map(({ r, f }) => {
        const badge = f.overdue ? 'overdue' : f.dueSoon ? 'dueSoon' : undefined;
        return h(
          'tr',
          { 'data-dossier-id': r.id, 'data-status': r.status, class: [badge ? `row-${badge}` : '', r.fresh ? 'row-new' : ''].join(' ').trim() || undefined },
          h(
            'td',
            {},
            h('a', { href: `/can-bo/ho-so/${r.id}`, class: 'code' }, r.code || r.id),
            r.fresh ? h('span', { class: 'badge badge-new' }, tx('Mới', 'New')) : null,
          ),
          h('td', {}, t(r.procedureName)),
          h('td', {}, statusLabel(r.status)),
          h(
            'td',
            {},
            r.dueAt ? h('span', { title: formatDateTime(r.dueAt) }, formatDate(r.dueAt)) : '—',
            badge ? h('span', { class: `badge badge-${badge}`, 'data-flag': badge }, t(FLAG_TEXT[badge])) : null,
          ),
        );
      }),
    );
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

  function renderAll(): void {
    const now = new Date();
    renderTabs(now);
    renderRows(now);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.search = search.value;
      renderRows(new Date());
    }, 120);
  });
  procedureSelect.addEventListener('change', () => {
    state.procedure = procedureSelect.value;
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
  let stopped = false;
  void firestore().then((db) => {
    if (stopped) return;
    const q = query(
      collection(db, 'dossiers'),
      where('agencyIds', 'array-contains', officer.agencyId),
      orderBy('updatedAt', 'desc'),
      limit(QUEUE_LIMIT),
    );
    stops.push(
      onSnapshot(
        q,
        (snap) => {
          const added: string[] = [];
          for (const change of snap.docChanges()) {
            if (change.type === 'removed') rows.delete(change.doc.id);
            else {
              const fresh = !firstSnapshot && (change.type === 'added' || rows.get(change.doc.id)?.fresh === true);
              if (!firstSnapshot && change.type === 'added') added.push(String(change.doc.get('code') ?? change.doc.id));
              rows.set(change.doc.id, rowOf(change.doc.id, change.doc.data(), fresh));
            }
          }
          firstSnapshot = false;
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
    );
    // The sweep's flags know the holidays; refused quietly if the rules change (the clock still works).
    stops.push(
      onSnapshot(
        query(collection(db, 'deadlineWatch'), where('agencyId', '==', officer.agencyId)),
        (snap) => {
          watch.clear();
          for (const doc of snap.docs) watch.set(doc.id, { dueSoon: doc.get('dueSoon') === true, overdue: doc.get('overdue') === true });
          renderAll();
        },
        () => undefined,
      ),
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

function rank(f: Flags): number {
  return f.overdue ? 0 : f.dueSoon ? 1 : 2;
}
