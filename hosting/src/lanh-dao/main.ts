// Bảng điều hành (/lanh-dao/): the province dashboard for leaders and monitors, feedback handling for the
// agencies' officers, and paper rating slips for the desk. Wiring only: sign-in.ts (who), state.ts (what
// they may open), view-dashboard.ts, view-drill.ts, view-feedback.ts, view-slips.ts (the sections),
// chart.ts, tables.ts.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { byId, h } from '../shared/dom.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { mountSignIn } from './sign-in.js';
import { SECTION_PATHS, sectionOfPath, sectionsFor, session, type Section } from './state.js';
import { renderDashboard } from './view-dashboard.js';
import { renderFeedback } from './view-feedback.js';
import { renderSlips } from './view-slips.js';

const NAMES: Record<Section, { vi: string; en: string }> = {
  dashboard: { vi: 'Số liệu, chỉ số', en: 'Figures and scores' },
  feedback: { vi: 'Phản ánh, kiến nghị', en: 'Feedback' },
  slips: { vi: 'Phiếu đánh giá giấy', en: 'Paper rating slips' },
};

async function render(): Promise<void> {
  const nav = byId('leader-nav');
  const target = byId('view');
  const allowed = sectionsFor(session.staff?.role);
  if (!session.staff || allowed.length === 0) {
    nav.replaceChildren();
    target.replaceChildren();
    return;
  }
  const wanted = sectionOfPath(location.pathname);
  const section = allowed.includes(wanted) ? wanted : allowed[0]!;
  nav.replaceChildren(
    h('ul', {}, ...allowed.map((s) => h('li', {}, h('a', { href: SECTION_PATHS[s], ...(s === section ? { 'aria-current': 'page' } : {}), onclick: (e: Event) => (e.preventDefault(), history.pushState(null, '', SECTION_PATHS[s]), void render()) }, t(NAMES[s]))))),
  );
  if (section === 'dashboard') await renderDashboard(target);
  else if (section === 'feedback') await renderFeedback(target);
  else renderSlips(target);
}

mountLangSwitch();
onLangChange(() => void render());
window.addEventListener('popstate', () => void render());
void mountSignIn(render);
