// The sections inside the console (History API; Hosting rewrites /quan-tri/**), listed once (SECTIONS:
// the navigation, the router and Alt+1…7 read it), the navigation bar, and mounting the section of the
// address. Alt+1…7 move between sections with the keyboard.
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { Bilingual } from '../shared/api.js';
import { BASE, session, type View, type ViewFactory } from './state.js';

export type Section = { path: string; label: Bilingual; key: string; load: () => Promise<ViewFactory> };

/** Every section, in the order of the navigation (Alt+1…7). Each is its own chunk, loaded on demand. */
export const SECTIONS: readonly Section[] = [
  { path: 'co-quan', label: { vi: 'Cơ quan', en: 'Agencies' }, key: '1', load: async () => (await import('./view-agencies.js')).mountAgencies },
  { path: 'can-bo', label: { vi: 'Cán bộ', en: 'Officers' }, key: '2', load: async () => (await import('./view-officers.js')).mountOfficers },
  { path: 'thu-tuc', label: { vi: 'Thủ tục', en: 'Procedures' }, key: '3', load: async () => (await import('./view-procedures.js')).mountProcedures },
  { path: 'lich', label: { vi: 'Lịch làm việc', en: 'Calendars' }, key: '4', load: async () => (await import('./view-calendars.js')).mountCalendars },
  { path: 'nhan-dien', label: { vi: 'Nhận diện', en: 'Branding' }, key: '5', load: async () => (await import('./view-branding.js')).mountBranding },
  { path: 'cai-dat', label: { vi: 'Cài đặt mã hồ sơ', en: 'Code settings' }, key: '6', load: async () => (await import('./view-settings.js')).mountSettings },
  { path: 'nhat-ky', label: { vi: 'Nhật ký thay đổi', en: 'Audit log' }, key: '7', load: async () => (await import('./view-audit.js')).mountAudit },
];

/** The section of an address under /quan-tri/ (the agencies by default). */
export function sectionOf(pathname: string): Section {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length).replace(/\/+$/, '') : '';
  return SECTIONS.find((s) => s.path === rest) ?? SECTIONS[0]!;
}


let current: View | undefined;
let renderSeq = 0;

function renderNav(active: string): void {
  const nav = byId('admin-nav');
  nav.hidden = !session.admin;
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...SECTIONS.map((s) =>
        h('li', {}, h('a', { href: BASE + s.path, 'aria-current': s.path === active ? 'page' : undefined, 'aria-keyshortcuts': `Alt+${s.key}` }, t(s.label))),
      ),
      // The data protection officer's queue is an administrator's duty too (Decree 356/2025 deadlines), but
      // its own page: linked here so it is found from the console rather than by typing its address.
      h('li', {}, h('a', { href: '/bao-ve-du-lieu/', id: 'data-protection-link' }, t({ vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Personal data requests' }))),
    ),
  );
}

/** Mounts the section of the address, or nothing when no administrator is signed in. */
export async function render(): Promise<void> {
  const seq = ++renderSeq;
  current?.unmount();
  current = undefined;
  const view = byId('view');
  const admin = session.admin;
  if (!admin) {
    view.replaceChildren();
    byId('admin-nav').hidden = true;
    return;
  }
  const section = sectionOf(location.pathname);
  renderNav(section.path);
  document.title = `${t(section.label)} — ${t({ vi: 'Quản trị', en: 'Administration' })}`;
  view.replaceChildren(h('p', { class: 'loading' }, t({ vi: 'Đang tải…', en: 'Loading…' })));
  const factory = await section.load();
  if (seq !== renderSeq || !session.admin) return; // a newer navigation won
  view.replaceChildren();
  current = factory(view, { admin, navigate });
}

export function navigate(path: string): void {
  history.pushState(null, '', BASE + path);
  void render().then(() => byId('main').focus());
}

/** Follows in-page links, the back button and Alt+1…7. */
export function installRouter(): void {
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || !session.admin) return;
    event.preventDefault();
    navigate(url.pathname.slice(BASE.length));
  });
  addEventListener('popstate', () => void render());
  document.addEventListener('keydown', (event) => {
    if (!session.admin || !event.altKey || event.ctrlKey || event.metaKey) return;
    const section = SECTIONS.find((s) => s.key === event.key);
    if (!section) return;
    event.preventDefault();
    navigate(section.path);
  });
}
