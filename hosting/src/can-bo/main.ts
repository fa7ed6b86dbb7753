// Officer dashboard entry: sign-in (Firebase Auth; the emulator locally), the officer's role and agency
// from the custom claims, and the routes inside the page (History API; Hosting rewrites /can-bo/**):
//   /can-bo/                 work queues (live)
//   /can-bo/ho-so/<id>       one dossier and its actions
//   /can-bo/tiep-nhan        desk intake (receptionists)       — loaded on demand
//   /can-bo/viec-can-lam     tasks from the deadline sweep     — loaded on demand
//   /can-bo/thong-ke         the agency's monthly statistics   — loaded on demand
// Every view is its own chunk: the sign-in form needs only Auth, and the Firestore SDK (most of the
// weight) arrives with the first view after sign-in.
import '../shared/style.css';
import './page.css';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { firebaseApp } from '../shared/firebase-app.js';
import { byId, h } from '../shared/dom.js';
import { mountHealthCheck } from '../shared/health-check.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { BASE, OFFICER_ROLES, type Officer, type OfficerRole, type View, type ViewFactory } from './context.js';
import { ROLE_LABELS, tx } from './labels.js';

mountLangSwitch();
mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));

type Route = { name: string; load: () => Promise<ViewFactory>; param?: string };

/** The route for a path under /can-bo/; unknown paths fall back to the queue. */
function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const dossier = /^ho-so\/([A-Za-z0-9_-]{1,128})\/?$/.exec(rest);
  if (dossier) return { name: 'dossier', load: async () => (await import('./dossier.js')).mountDossier, param: dossier[1] };
  if (/^tiep-nhan\/?$/.test(rest)) return { name: 'desk', load: async () => (await import('./desk.js')).mountDesk };
  if (/^viec-can-lam\/?$/.test(rest)) return { name: 'tasks', load: async () => (await import('./tasks.js')).mountTasks };
  if (/^thong-ke\/?$/.test(rest)) return { name: 'stats', load: async () => (await import('./stats.js')).mountStats };
  return { name: 'queue', load: async () => (await import('./queue.js')).mountQueue };
}

const NAV: { path: string; route: string; label: { vi: string; en: string }; roles?: OfficerRole[]; key: string }[] = [
  { path: '', route: 'queue', label: { vi: 'Hồ sơ', en: 'Dossiers' }, key: '1' },
  { path: 'tiep-nhan', route: 'desk', label: { vi: 'Tiếp nhận tại quầy', en: 'Desk intake' }, roles: ['receptionist'], key: '2' },
  { path: 'viec-can-lam', route: 'tasks', label: { vi: 'Việc cần làm', en: 'Tasks' }, key: '3' },
  { path: 'thong-ke', route: 'stats', label: { vi: 'Thống kê', en: 'Statistics' }, key: '4' },
];

let officer: Officer | undefined;
let current: View | undefined;
let renderSeq = 0;

function renderNav(activeRoute: string): void {
  const nav = byId('officer-nav');
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

async function render(): Promise<void> {
  const seq = ++renderSeq;
  current?.unmount();
  current = undefined;
  const view = byId('view');
  if (!officer) {
    view.replaceChildren();
    renderNav('');
    return;
  }
  const route = routeOf(location.pathname);
  renderNav(route.name);
  view.replaceChildren(h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')));
  const factory = await route.load();
  if (seq !== renderSeq || !officer) return; // a newer navigation won
  view.replaceChildren();
  current = factory(view, { officer, navigate }, route.param);
}

export function navigate(path: string): void {
  history.pushState(null, '', BASE + path);
  void render().then(() => byId('main').focus({ preventScroll: false }));
}

// Links inside the page move with the History API; modified clicks (new tab) keep the browser's way.
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || event.defaultPrevented) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || !officer) return;
  event.preventDefault();
  navigate(url.pathname.slice(BASE.length) + url.search);
});
addEventListener('popstate', () => void render());

// Alt+1…4 jump between the views (an officer keeps hands on the keyboard).
document.addEventListener('keydown', (event) => {
  if (!officer || !event.altKey || event.ctrlKey || event.metaKey) return;
  const entry = NAV.find((n) => n.key === event.key && (!n.roles || n.roles.includes(officer!.role)));
  if (!entry) return;
  event.preventDefault();
  navigate(entry.path);
});

onLangChange(() => void render());

const form = byId<HTMLFormElement>('login-form');
const output = byId('login-output');

function isOfficerRole(role: unknown): role is OfficerRole {
  return typeof role === 'string' && (OFFICER_ROLES as readonly string[]).includes(role);
}

async function onUser(user: User | null): Promise<void> {
  byId('signed-out').hidden = !!user;
  byId('signed-in').hidden = !user;
  officer = undefined;
  const notice = byId('not-officer');
  notice.hidden = true;
  if (!user) {
    byId('system-status').hidden = false;
    await render();
    return;
  }
  const { claims } = await user.getIdTokenResult();
  const role = claims.role;
  const agencyId = typeof claims.agencyId === 'string' ? claims.agencyId : undefined;
  const roleLabel = typeof role === 'string' && ROLE_LABELS[role] ? ROLE_LABELS[role] : { vi: 'Công dân', en: 'Citizen' };
  byId('who').textContent = `${user.displayName ?? user.email ?? ''} · ${roleLabel.vi} / ${roleLabel.en} · ${agencyId ?? '—'}`;
  if (!isOfficerRole(role) || !agencyId) {
    // Citizens, kiosks, monitors, admins and unknown roles have their own pages.
    notice.textContent = tx(
      'Trang này dành cho cán bộ tiếp nhận, thụ lý và lãnh đạo của cơ quan. Tài khoản của bạn không dùng được ở đây.',
      'This page is for the officers (receptionists, handlers, leads) of an agency. Your account cannot use it.',
    );
    notice.hidden = false;
    await render();
    return;
  }
  byId('system-status').hidden = true;
  officer = { user, uid: user.uid, role, agencyId, name: user.displayName ?? user.email ?? user.uid };
  await render();
}

void firebaseApp().then(({ auth }) => {
  onAuthStateChanged(auth, (user) => void onUser(user));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = byId<HTMLInputElement>('email').value.trim();
    const password = byId<HTMLInputElement>('password').value;
    output.dataset.state = 'pending';
    output.textContent = 'Đang đăng nhập… / Signing in…';
    try {
      await signInWithEmailAndPassword(auth, email, password);
      output.textContent = '';
      delete output.dataset.state;
    } catch {
      output.dataset.state = 'error';
      output.textContent = 'Email hoặc mật khẩu không đúng. / Wrong email or password.';
    }
  });

  byId('logout').addEventListener('click', () => void signOut(auth));
});
