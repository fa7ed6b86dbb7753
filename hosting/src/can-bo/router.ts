// The routes inside the officer page (History API; Hosting rewrites /can-bo/**), the navigation bar the
// officer's role allows, and mounting the view of the address. Every view is its own chunk, loaded on
// demand: the sign-in form needs only Auth, and the Firestore SDK (most of the weight) arrives with the
// first view after sign-in.
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { tx } from './labels.js';
import { BASE, session, type OfficerRole, type View, type ViewFactory } from './state.js';

type Route = { name: string; load: () => Promise<ViewFactory>; param?: string };

/** The route for a path under /can-bo/; unknown paths fall back to the queue. */
function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const dossier = /^ho-so\/([A-Za-z0-9_-]{1,128})\/?$/.exec(rest);
  if (dossier) return { name: 'dossier', load: async () => (await import('./view-dossier.js')).mountDossier, param: dossier[1] };
  if (/^tiep-nhan\/?$/.test(rest)) return { name: 'desk', load: async () => (await import('./view-desk.js')).mountDesk };
  if (/^viec-can-lam\/?$/.test(rest)) return { name: 'tasks', load: async () => (await import('./view-tasks.js')).mountTasks };
  if (/^thong-ke\/?$/.test(rest)) return { name: 'stats', load: async () => (await import('./view-stats.js')).mountStats };
  return { name: 'queue', load: async () => (await import('./view-queue.js')).mountQueue };
}

const NAV: { path: string; route: string; label: { vi: string; en: string }; roles?: OfficerRole[]; key: string }[] = [
  { path: '', route: 'queue', label: { vi: 'Hồ sơ', en: 'Dossiers' }, key: '1' },
  { path: 'tiep-nhan', route: 'desk', label: { vi: 'Tiếp nhận tại quầy', en: 'Desk intake' }, roles: ['receptionist'], key: '2' },
  { path: 'viec-can-lam', route: 'tasks', label: { vi: 'Việc cần làm', en: 'Tasks' }, key: '3' },
  { path: 'thong-ke', route: 'stats', label: { vi: 'Thống kê', en: 'Statistics' }, key: '4' },
];

let current: View | undefined;
let renderSeq = 0;

function renderNav(activeRoute: string): void {
  const nav = byId('officer-nav');
  const officer = session.officer;
  if (!officer) {
    nav.hidden = true;
    return;
  }
  const me = officer;
  nav.hidden = false;
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...NAV.filter((n) => !n.roles || n.roles.includes(me.role)).map((n) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: BASE + n.path, 'data-route': n.path, 'aria-current': n.route === activeRoute ? 'page' : undefined, 'aria-keyshortcuts': `Alt+${n.key}` },
            t(n.label),
          ),
        ),
      ),
    ),
  );
}

/** Mounts the view of the address (after unmounting the one before); for an administrator or monitor, the sync health panel. */
export async function render(): Promise<void> {
  const seq = ++renderSeq;
  const officer = session.officer;
  current?.unmount();
  current = undefined;
  const view = byId('view');
  if (!officer) {
    view.replaceChildren();
    renderNav('');
    const overseer = session.overseer;
    if (overseer) {
      const mount = (await import('./view-sync-health.js')).mountSyncHealth;
      if (seq !== renderSeq || session.overseer !== overseer) return; // a newer navigation or sign-in won
      current = mount(view, overseer);
    }
    return;
  }
  const route = routeOf(location.pathname);
  renderNav(route.name);
  view.replaceChildren(h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')));
  const factory = await route.load();
  if (seq !== renderSeq || !session.officer) return; // a newer navigation won
  view.replaceChildren();
  current = factory(view, { officer, navigate }, route.param);
}

export function navigate(path: string): void {
  history.pushState(null, '', BASE + path);
  // Focus goes to the page, unless the view put it where the work starts (the desk form's first field).
  void render().then(() => {
    if (!byId('view').contains(document.activeElement)) byId('main').focus({ preventScroll: false });
  });
}

/** Follows in-page links, the back button and Alt+1…4. */
export function installRouter(): void {
  // Links inside the page move with the History API; modified clicks (new tab) keep the browser's way.
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || !session.officer) return;
    event.preventDefault();
    navigate(url.pathname.slice(BASE.length) + url.search);
  });
  addEventListener('popstate', () => void render());

  // Alt+1…4 jump between the views (an officer keeps hands on the keyboard).
  document.addEventListener('keydown', (event) => {
    const officer = session.officer;
    if (!officer || !event.altKey || event.ctrlKey || event.metaKey) return;
    const entry = NAV.find((n) => n.key === event.key && (!n.roles || n.roles.includes(officer.role)));
    if (!entry) return;
    event.preventDefault();
    navigate(entry.path);
  });
}
