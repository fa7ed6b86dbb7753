// The privacy notice (domain/privacy/notice.ts, through the contract): shown once at first sign-in, until
// the person says they have read this version (PUT /api/me/notice), and offered in the apply wizard and on
// My dossiers. It only informs: the processing of applications rests on a legal obligation, and the
// purposes that need consent are asked separately, unticked (ho-so/view-privacy.ts).
import type { User } from 'firebase/auth';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../../../functions/src/contract/index.js';
import { describeError } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { apiAs } from './session.js';

/** The notice's sections as a definition list (for a panel, a details element, or the wizard). */
export function noticeBody(): HTMLElement {
  return h(
    'div',
    { class: 'privacy-notice' },
    h('p', {}, t({ vi: `Bên kiểm soát dữ liệu: ${PRIVACY_NOTICE.controller.vi}. Phiên bản ${PRIVACY_NOTICE_VERSION}.`, en: `Data controller: ${PRIVACY_NOTICE.controller.en}. Version ${PRIVACY_NOTICE_VERSION}.` })),
    ...PRIVACY_NOTICE.sections.map((s) => h('section', { 'data-section': s.id }, h('h3', {}, t(s.title)), h('p', {}, t(s.body)))),
  );
}

/** A collapsed notice, for a form that collects personal data (the apply wizard). */
export function noticeDetails(): HTMLElement {
  return h('details', { class: 'notice-details', id: 'privacy-notice-details' }, h('summary', {}, t({ vi: 'Dữ liệu cá nhân của bạn được xử lý thế nào', en: 'How your personal data is handled' })), noticeBody());
}

/**
 * At first sign-in (and after the notice changes): a panel at the top of `main` with the notice and a
 * button that records having read it. Nothing is shown once this version is acknowledged.
 */
export async function noticeOnFirstSignIn(user: User): Promise<void> {
  document.getElementById('privacy-notice-panel')?.remove();
  let acknowledged: string | undefined;
  try {
    acknowledged = (await apiAs(user, 'getPrivacy', {})).noticeAcknowledged?.version;
  } catch {
    return; // the page works without it; the notice shows again next time
  }
  if (acknowledged === PRIVACY_NOTICE_VERSION) return;
  const out = h('p', { class: 'status', role: 'status' });
  const button = h('button', { type: 'button', id: 'notice-acknowledge' }, t({ vi: 'Tôi đã đọc thông báo này', en: 'I have read this notice' }));
  const panel = h(
    'section',
    { id: 'privacy-notice-panel', class: 'panel note', 'aria-labelledby': 'privacy-notice-title', tabindex: '-1' },
    h('h2', { id: 'privacy-notice-title' }, t({ vi: 'Thông báo về xử lý dữ liệu cá nhân', en: 'How we handle your personal data' })),
    noticeBody(),
    button,
    out,
  );
  button.addEventListener('click', () => {
    void (async () => {
      try {
        await apiAs(user, 'acknowledgeNotice', { body: { version: PRIVACY_NOTICE_VERSION } });
        panel.remove();
      } catch (err) {
        out.dataset.state = 'error';
        out.textContent = t(describeError(err));
      }
    })();
  });
  document.getElementById('main')?.prepend(panel);
}
