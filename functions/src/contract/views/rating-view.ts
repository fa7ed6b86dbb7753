// The rating page (/danh-gia/<code>?t=<token>): the dossier (code, procedure, status), then the five-level
// satisfaction scale, the officer-attitude question and a comment; or the outcome (thanks, already rated,
// not yet rateable, not found) in place of the form. Drawn by the page (hosting/src/danh-gia/view.ts) and
// printed by the server in the page it sends (features/ratings/rating-page.ts), where the form also works
// before the page's script has arrived: it posts to the page's own address.
import type { Bilingual } from '../../domain/shared/bilingual.js';
import { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../facts.js';
import type { LookupView } from '../lookup.js';
import { el, type Translate, type ViewNode } from './node.js';

export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export type RatingOutcome = 'thanks' | 'alreadyRated' | 'notRateable' | 'notFound';
export type RatingAnswers = { satisfaction?: Satisfaction; complaint?: boolean; comment: string };

export const RATING_OUTCOMES: Record<RatingOutcome, Bilingual> = {
  thanks: { vi: 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn được gửi đến cơ quan giải quyết, không kèm danh tính của bạn.', en: 'Thank you for your rating. It goes to the agency without your identity.' },
  alreadyRated: { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated. Each dossier can be rated once.' },
  notRateable: { vi: 'Chưa thể đánh giá: hồ sơ chỉ được đánh giá sau khi đã trả kết quả.', en: 'Not yet: a dossier can be rated once its result has been returned.' },
  notFound: { vi: 'Không tìm thấy hồ sơ, hoặc đường dẫn không đúng. Hãy quét lại mã QR trên giấy tiếp nhận.', en: 'Dossier not found, or the link is wrong. Scan the QR code on your receipt again.' },
};

/** The outcome the lookup already decides (rated, or not yet returned); undefined when the form applies. */
export function outcomeOfView(view: LookupView): RatingOutcome | undefined {
  const state = view.view === 'full' ? view.rating : undefined;
  if (state?.rated) return 'alreadyRated';
  if (state && !state.rateable) return 'notRateable';
  return undefined;
}

export const ratingTitle = (t: Translate): ViewNode => el('h2', { id: 'rating-title', tabindex: '-1' }, t({ vi: 'Hồ sơ của bạn', en: 'Your dossier' }));

export function ratingHeader(view: LookupView | undefined, code: string, t: Translate): ViewNode {
  return el(
    'dl',
    { id: 'dossier' },
    el('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    el('dd', { 'data-testid': 'code' }, view?.code ?? code),
    view?.view === 'full' ? el('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })) : null,
    view?.view === 'full' ? el('dd', { 'data-testid': 'procedure' }, t(view.procedure.name)) : null,
    view ? el('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })) : null,
    view ? el('dd', { 'data-testid': 'status' }, t(view.statusLabel)) : null,
  );
}

function radio(name: string, id: string, value: string, label: string, checked: boolean): ViewNode {
  return el('label', { class: 'choice big', for: id }, el('input', { type: 'radio', name, id, value, checked: checked ? '' : undefined }), el('span', {}, label));
}

/**
 * The form. `post`: where it sends itself without the page's script (the page's own address) and the
 * request id that makes a second send of the same answers count once; the script sends it as JSON instead.
 */
export function ratingForm(answers: RatingAnswers, t: Translate, post: { action: string; requestId: string }, status?: Bilingual): ViewNode {
  return el(
    'form',
    { id: 'rating-form', novalidate: '', method: 'post', action: post.action },
    el('input', { type: 'hidden', name: 'requestId', value: post.requestId }),
    el(
      'fieldset',
      {},
      el('legend', {}, t({ vi: 'Bạn hài lòng thế nào với việc giải quyết hồ sơ?', en: 'How satisfied are you with how your dossier was handled?' })),
      ...SATISFACTION_LEVELS.map((level, i) => radio('satisfaction', i === 0 ? 'satisfaction' : `satisfaction-${level}`, level, t(SATISFACTION_SCALE[level]), answers.satisfaction === level)),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, t({ vi: 'Bạn có phản ánh về thái độ của cán bộ không?', en: 'Do you want to complain about an officer’s attitude?' })),
      radio('complaint', 'complaint', 'no', t({ vi: 'Không', en: 'No' }), answers.complaint === false),
      radio('complaint', 'complaint-yes', 'yes', t({ vi: 'Có, tôi muốn phản ánh', en: 'Yes, I want to complain' }), answers.complaint === true),
    ),
    el('label', { for: 'comment' }, t({ vi: 'Ý kiến khác (không bắt buộc)', en: 'Anything else (optional)' })),
    el('p', { class: 'hint', id: 'comment-hint' }, t({ vi: 'Không ghi họ tên hay số giấy tờ của bạn: đánh giá được giữ kín danh tính.', en: 'Do not write your name or ID number: ratings are anonymous.' })),
    el('textarea', { id: 'comment', name: 'comment', maxlength: '2000', rows: '4', 'aria-describedby': 'comment-hint' }, answers.comment),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'send-rating' }, t({ vi: 'Gửi đánh giá', en: 'Send my rating' }))),
    el('p', { id: 'rating-status', class: 'status', role: 'status', 'data-state': status ? 'error' : undefined }, status ? t(status) : null),
  );
}

export function ratingOutcomeView(outcome: RatingOutcome, t: Translate): ViewNode {
  return el('div', { class: outcome === 'thanks' ? 'panel' : 'panel note', id: 'outcome', role: 'status' }, el('p', {}, t(RATING_OUTCOMES[outcome])));
}

/** The lookup failed (not a refusal that ends the page): why, in place of the form. */
export const ratingFailureView = (failure: Bilingual, t: Translate): ViewNode => el('p', { class: 'status', 'data-state': 'error' }, t(failure));
