// What the rating page shows: the dossier (code, procedure, status), then the five-level satisfaction
// scale, the officer-attitude question and a comment; or the outcome (thanks, already rated, not yet
// rateable, not found) in place of the form.
import { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { code, rating, token, type Outcome, type Satisfaction } from './state.js';
import { send } from './submission.js';

const OUTCOMES: Record<Outcome, Bilingual> = {
  thanks: { vi: 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn được gửi đến cơ quan giải quyết, không kèm danh tính của bạn.', en: 'Thank you for your rating. It goes to the agency without your identity.' },
  alreadyRated: { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated. Each dossier can be rated once.' },
  notRateable: { vi: 'Chưa thể đánh giá: hồ sơ chỉ được đánh giá sau khi đã trả kết quả.', en: 'Not yet: a dossier can be rated once its result has been returned.' },
  notFound: { vi: 'Không tìm thấy hồ sơ, hoặc đường dẫn không đúng. Hãy quét lại mã QR trên giấy tiếp nhận.', en: 'Dossier not found, or the link is wrong. Scan the QR code on your receipt again.' },
};

const app = byId('app');

function radio(name: string, id: string, value: string, label: string, checked: boolean): HTMLElement {
  return h('label', { class: 'choice big', for: id }, h('input', { type: 'radio', name, id, value, checked }), h('span', {}, label));
}

function header(): HTMLElement {
  const { view } = rating;
  return h(
    'dl',
    { id: 'dossier' },
    h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    h('dd', { 'data-testid': 'code' }, view?.code ?? code),
    view?.view === 'full' ? h('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })) : null,
    view?.view === 'full' ? h('dd', { 'data-testid': 'procedure' }, t(view.procedure.name)) : null,
    view ? h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })) : null,
    view ? h('dd', { 'data-testid': 'status' }, t(view.statusLabel)) : null,
  );
}

function form(): HTMLElement {
  const { answers } = rating;
  const button = h('button', { type: 'submit', id: 'send-rating' }, t({ vi: 'Gửi đánh giá', en: 'Send my rating' }));
  const f = h(
    'form',
    { id: 'rating-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Bạn hài lòng thế nào với việc giải quyết hồ sơ?', en: 'How satisfied are you with how your dossier was handled?' })),
      ...SATISFACTION_LEVELS.map((level, i) => radio('satisfaction', i === 0 ? 'satisfaction' : `satisfaction-${level}`, level, t(SATISFACTION_SCALE[level]), answers.satisfaction === level)),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Bạn có phản ánh về thái độ của cán bộ không?', en: 'Do you want to complain about an officer’s attitude?' })),
      radio('complaint', 'complaint', 'no', t({ vi: 'Không', en: 'No' }), answers.complaint === false),
      radio('complaint', 'complaint-yes', 'yes', t({ vi: 'Có, tôi muốn phản ánh', en: 'Yes, I want to complain' }), answers.complaint === true),
    ),
    h('label', { for: 'comment' }, t({ vi: 'Ý kiến khác (không bắt buộc)', en: 'Anything else (optional)' })),
    h('p', { class: 'hint', id: 'comment-hint' }, t({ vi: 'Không ghi họ tên hay số giấy tờ của bạn: đánh giá được giữ kín danh tính.', en: 'Do not write your name or ID number: ratings are anonymous.' })),
    h('textarea', { id: 'comment', name: 'comment', maxlength: 2000, rows: 4, 'aria-describedby': 'comment-hint' }, answers.comment),
    h('div', { class: 'actions' }, button),
    h('p', { id: 'rating-status', class: 'status', role: 'status' }),
  );
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    readForm(f);
    void send(f, button).then((ended) => {
      if (ended) render();
    });
  });
  return f;
}

/** Copies the answers on screen into the state (before sending, and before a redraw in the other language). */
function readForm(f: HTMLElement): void {
  const s = f.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
  const c = f.querySelector<HTMLInputElement>('input[name="complaint"]:checked');
  rating.answers.satisfaction = s ? (s.value as Satisfaction) : undefined;
  rating.answers.complaint = c ? c.value === 'yes' : undefined;
  rating.answers.comment = (f.querySelector<HTMLTextAreaElement>('#comment')?.value ?? '').trim();
}

export function render(): void {
  const { failure, outcome, view, owner } = rating;
  const title = h('h2', { id: 'rating-title', tabindex: '-1' }, t({ vi: 'Hồ sơ của bạn', en: 'Your dossier' }));
  if (failure) {
    app.dataset.state = 'error';
    app.replaceChildren(title, h('p', { class: 'status', 'data-state': 'error' }, t(failure)));
    return;
  }
  if (outcome) {
    app.dataset.state = outcome;
    app.replaceChildren(title, header(), h('div', { class: outcome === 'thanks' ? 'panel' : 'panel note', id: 'outcome', role: 'status' }, h('p', {}, t(OUTCOMES[outcome]))));
    byId('rating-title').focus();
    return;
  }
  if (!view || (!token && !owner)) return; // the owner's sign-in form is showing
  const f = document.getElementById('rating-form');
  if (f) readForm(f);
  app.dataset.state = 'form';
  app.replaceChildren(title, header(), form());
}
