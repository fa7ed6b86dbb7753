// Draws the screen the kiosk is on into #app: the setup screens (view-setup.ts), the start screen
// (view-start.ts), the rating (view-rate.ts), and the end screens that return to the start by themselves.
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { kiosk, resetForNextCitizen } from './state.js';
import { rateView } from './view-rate.js';
import { refusedView, signInView } from './view-setup.js';
import { startView } from './view-start.js';
import { proofView } from './view-proof.js';

export function render(): void {
  const app = byId('app');
  const { screen } = kiosk;
  app.dataset.screen = screen.kind;
  switch (screen.kind) {
    case 'loading':
      app.replaceChildren(h('p', { class: 'kiosk-note' }, t({ vi: 'Đang khởi động…', en: 'Starting…' })));
      return;
    case 'signIn':
      app.replaceChildren(signInView(screen.error));
      return;
    case 'refused':
      app.replaceChildren(refusedView(screen.email));
      return;
    case 'start':
      app.replaceChildren(startView(screen));
      return;
    case 'proof':
      app.replaceChildren(proofView(screen));
      return;
    case 'rate':
      app.replaceChildren(rateView(screen.draft));
      return;
    case 'thanks':
      app.replaceChildren(
        endView('thanks', { vi: 'Cảm ơn ông/bà đã đánh giá!', en: 'Thank you for your rating!' }, {
          vi: 'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.',
          en: 'Your opinion helps us serve you better.',
        }),
      );
      return;
    case 'alreadyRated':
      app.replaceChildren(
        endView('already-rated', { vi: 'Hồ sơ này đã được đánh giá', en: 'This dossier has already been rated' }, {
          vi: `Mỗi hồ sơ chỉ được đánh giá một lần (mã ${screen.code}).`,
          en: `Each dossier can be rated once only (code ${screen.code}).`,
        }),
      );
      return;
    case 'notRateable':
      app.replaceChildren(
        endView('not-rateable', { vi: 'Chưa thể đánh giá hồ sơ này', en: 'This dossier cannot be rated yet' }, {
          vi: `Hồ sơ ${screen.view.code} đang ở trạng thái “${screen.view.statusLabel.vi}”. Ông/bà có thể đánh giá sau khi nhận kết quả.`,
          en: `Dossier ${screen.view.code} is “${screen.view.statusLabel.en}”. You can rate it once the result has been returned.`,
        }),
      );
      return;
  }
}

function endView(testId: string, title: Bilingual, text: Bilingual): HTMLElement {
  const done = h('button', { type: 'button', class: 'kiosk-primary' }, t({ vi: 'Xong', en: 'Done' }));
  done.addEventListener('click', resetForNextCitizen);
  return h(
    'section',
    { class: 'kiosk-end', 'data-testid': testId },
    h('h2', { tabindex: -1, 'data-focus': true }, t(title)),
    h('p', {}, t(text)),
    h('p', { class: 'kiosk-note' }, t({ vi: 'Màn hình sẽ tự trở về trang đầu.', en: 'The screen returns to the start by itself.' })),
    done,
  );
}
