// Rating (/danh-gia/<code>?t=<token>): opened from the receipt's QR (with its token) or from My dossiers
// (signed-in owner, no token). Shows the procedure and status, then the five-level satisfaction scale, the
// officer-attitude question and a comment. With a token the page needs no Firebase SDK at all; the
// owner's sign-in is loaded only when there is no token.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import type { User } from 'firebase/auth';
import { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../../../functions/src/domain/evaluation/satisfaction-scale.js';
import { ApiCallError, callApi, describeError, type Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { newRequestId } from '../shared/session.js';
import { showFieldErrors } from '../shared/form-errors.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import type { LookupView } from '../shared/lookup-view.js';

type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
type Outcome = 'thanks' | 'alreadyRated' | 'notRateable' | 'notFound';

const OUTCOMES: Record<Outcome, Bilingual> = {
  thanks: { vi: 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn được gửi đến cơ quan giải quyết, không kèm danh tính của bạn.', en: 'Thank you for your rating. It goes to the agency without your identity.' },
  alreadyRated: { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated. Each dossier can be rated once.' },
  notRateable: { vi: 'Chưa thể đánh giá: hồ sơ chỉ được đánh giá sau khi đã trả kết quả.', en: 'Not yet: a dossier can be rated once its result has been returned.' },
  notFound: { vi: 'Không tìm thấy hồ sơ, hoặc đường dẫn không đúng. Hãy quét lại mã QR trên giấy tiếp nhận.', en: 'Dossier not found, or the link is wrong. Scan the QR code on your receipt again.' },
};

const app = byId('app');
mountLangSwitch();
const code = decodeURIComponent(location.pathname.replace(/^\/danh-gia\/?/, '').replace(/\/$/, ''));
const token = new URLSearchParams(location.search).get('t');

let view: LookupView | undefined;
let outcome: Outcome | undefined;
let failure: Bilingual | undefined;
let owner: User | undefined;
let requestId = newRequestId();
const answers: { satisfaction?: Satisfaction; complaint?: boolean; comment: string } = { comment: '' };

function radio(name: string, id: string, value: string, label: string, checked: boolean): HTMLElement {
  return h('label', { class: 'choice big', for: id }, h('input', { type: 'radio', name, id, value, checked }), h('span', {}, label));
}

function header(): HTMLElement {
  return h(
    'dl',
    { id: 'dossier' },
    h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    h('dd', { 'data-testid': 'code' }, view?.code ?? code),
    view?.procedure ? h('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })) : null,
    view?.procedure ? h('dd', { 'data-testid': 'procedure' }, t(view.procedure.name)) : null,
    view ? h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })) : null,
    view ? h('dd', { 'data-testid': 'status' }, t(view.statusLabel)) : null,
  );
}

function form(): HTMLElement {
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
    void send(f, button);
  });
  return f;
}

function read(f: HTMLElement): void {
  const s = f.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
  const c = f.querySelector<HTMLInputElement>('input[name="complaint"]:checked');
  answers.satisfaction = s ? (s.value as Satisfaction) : undefined;
  answers.complaint = c ? c.value === 'yes' : undefined;
  answers.comment = (f.querySelector<HTMLTextAreaElement>('#comment')?.value ?? '').trim();
}

async function send(f: HTMLElement, button: HTMLButtonElement): Promise<void> {
  read(f);
  const problems = [
    ...(answers.satisfaction ? [] : [{ inputId: 'satisfaction', message: { vi: 'Chọn một mức độ hài lòng', en: 'Choose how satisfied you are' } }]),
    ...(answers.complaint === undefined ? [{ inputId: 'complaint', message: { vi: 'Chọn Có hoặc Không', en: 'Choose Yes or No' } }] : []),
  ];
  if (problems.length) {
    showFieldErrors(f, problems);
    return;
  }
  const status = byId('rating-status');
  button.disabled = true;
  status.dataset.state = 'pending';
  status.textContent = t({ vi: 'Đang gửi…', en: 'Sending…' });
  const body = {
    requestId,
    code,
    ...(token ? { token } : {}),
    channel: 'online',
    satisfaction: answers.satisfaction,
    officerAttitudeComplaint: answers.complaint,
    ...(answers.comment ? { comment: answers.comment } : {}),
  };
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!token && owner) headers.authorization = `Bearer ${await owner.getIdToken()}`;
    await callApi('/ratings', { method: 'POST', headers, body: JSON.stringify(body) });
    outcome = 'thanks';
    render();
  } catch (err) {
    button.disabled = false;
    const reason = err instanceof ApiCallError ? (err.body?.error as { reason?: string } | undefined)?.reason : undefined;
    if (reason === 'alreadyRated' || reason === 'notRateable') {
      outcome = reason;
      render();
      return;
    }
    if (err instanceof ApiCallError && err.status === 404) {
      outcome = 'notFound';
      render();
      return;
    }
    const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
    if (fields.length) {
      const inputFor = (path: string) => (path === 'satisfaction' ? 'satisfaction' : path === 'officerAttitudeComplaint' ? 'complaint' : path === 'comment' ? 'comment' : '');
      showFieldErrors(f, fields.map((x) => ({ inputId: inputFor(x.path), message: x.message })));
    } else {
      // A new attempt after a network failure keeps the same requestId: the server answers it once.
      status.dataset.state = 'error';
      status.textContent = t(describeError(err));
    }
  }
}

function render(): void {
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
  if (f) read(f);
  app.dataset.state = 'form';
  app.replaceChildren(title, header(), form());
}

async function start(): Promise<void> {
  if (!code) {
    outcome = 'notFound';
    render();
    return;
  }
  try {
    view = await callApi<LookupView>(`/lookup/${encodeURIComponent(code)}${token ? `?t=${encodeURIComponent(token)}` : ''}`);
  } catch (err) {
    if (err instanceof ApiCallError && err.status === 404) outcome = 'notFound';
    else failure = describeError(err);
    render();
    return;
  }
  if (view.rating?.rated) outcome = 'alreadyRated';
  else if (view.rating && !view.rating.rateable) outcome = 'notRateable';
  if (token || outcome) {
    render();
    return;
  }
  // No token: the owner rates from My dossiers, signed in.
  const { withCitizen } = await import('../shared/citizen-session.js');
  await withCitizen(
    app,
    (user) => {
      owner = user;
      requestId = newRequestId();
      render();
    },
    { vi: 'Đăng nhập bằng tài khoản đã nộp hồ sơ để đánh giá.', en: 'Sign in with the account that submitted the dossier to rate it.' },
  );
}

onLangChange(render);
void start();
