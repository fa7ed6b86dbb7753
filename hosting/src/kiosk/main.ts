// Rate at the desk (Đánh giá tại quầy): the touch screen at the one-stop desk (Decree 61/2018 Art. 27–32).
// IT signs the device in once with its kiosk account (persisted); any other account is refused, so a
// rating is never sent from an officer's or a citizen's session. A citizen scans the receipt's QR code
// (or types the code), sees the procedure and status, rates, and the screen clears itself for the next.
import '../shared/style.css';
import './page.css';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
// The scale alone (no zod): rating.js would bring zod, whose eval probe the page's CSP reports.
import { SATISFACTION_SCALE } from '../../../functions/src/domain/evaluation/satisfaction-scale.js';
import type { Satisfaction } from '../../../functions/src/domain/evaluation/rating.js';
import { ApiCallError, callApi, describeError, type Bilingual } from '../shared/api.js';
import { byId, h, newRequestId } from '../shared/dom.js';
import { firebaseApp } from '../shared/firebase-app.js';
import { mountLangSwitch, onLangChange, setLang, t } from '../shared/i18n.js';
import { callApiAs, jsonPost } from '../shared/session.js';
import { parseScan, type Scanned } from './scan.js';
import type { LookupView } from '../shared/lookup-view.js';


type Draft = {
  scanned: Scanned;
  view: LookupView;
  satisfaction: Satisfaction | null;
  complaint: boolean | null;
  comment: string;
  requestId: string;
  errors: Partial<Record<'satisfaction' | 'officerAttitudeComplaint' | 'comment' | 'form', Bilingual>>;
  sending: boolean;
};

type Screen =
  | { kind: 'loading' }
  | { kind: 'signIn'; error: Bilingual | null }
  | { kind: 'refused'; email: string }
  | { kind: 'start'; typed: string; error: Bilingual | null }
  | { kind: 'rate'; draft: Draft }
  | { kind: 'thanks' }
  | { kind: 'alreadyRated'; code: string }
  | { kind: 'notRateable'; view: LookupView };

/** The thank-you and end screens go back to the start after this much inactivity. */
const END_SCREEN_IDLE_MS = 10_000;
/** A form left half done is cleared after this, so the next citizen never sees it. */
const FORM_IDLE_MS = 90_000;

const app = byId('app');
const SCALE_ORDER = Object.keys(SATISFACTION_SCALE) as Satisfaction[];

let kiosk: { user: User; agencyId: string } | null = null;
let screen: Screen = { kind: 'loading' };
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function armIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = undefined;
  const ms =
    screen.kind === 'rate' || (screen.kind === 'start' && (screen.typed || screen.error))
      ? FORM_IDLE_MS
      : screen.kind === 'thanks' || screen.kind === 'alreadyRated' || screen.kind === 'notRateable'
        ? END_SCREEN_IDLE_MS
        : 0;
  if (ms > 0) idleTimer = setTimeout(resetForNextCitizen, ms);
}

/** Back to the start with nothing of the previous citizen left: screen, draft, language. */
function resetForNextCitizen(): void {
  if (!kiosk) return;
  setLang('vi');
  show({ kind: 'start', typed: '', error: null });
}

function show(next: Screen): void {
  screen = next;
  render();
  armIdle();
  app.querySelector<HTMLElement>('[data-focus]')?.focus();
}

function render(): void {
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

// ---- setup (IT) ----

function signInView(error: Bilingual | null): HTMLElement {
  const email = h('input', { id: 'kiosk-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'kiosk-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = h('p', { id: 'kiosk-signin-status', class: 'kiosk-error', role: 'alert' }, error ? t(error) : '');
  const submit = h('button', { type: 'submit', class: 'kiosk-primary' }, t({ vi: 'Đăng nhập thiết bị', en: 'Sign the device in' }));
  const form = h(
    'form',
    { id: 'kiosk-signin', class: 'kiosk-setup', novalidate: true },
    h('h2', { tabindex: -1, 'data-focus': true }, t({ vi: 'Cài đặt máy đánh giá', en: 'Set up the rating device' })),
    h('p', {}, t({
      vi: 'Dành cho cán bộ kỹ thuật: đăng nhập một lần bằng tài khoản máy đánh giá của quầy. Thiết bị ghi nhớ đăng nhập.',
      en: 'For IT staff: sign in once with the desk’s kiosk account. The device remembers it.',
    })),
    h('label', { for: 'kiosk-email' }, t({ vi: 'Thư điện tử của tài khoản máy', en: 'Kiosk account email' })),
    email,
    h('label', { for: 'kiosk-password' }, t({ vi: 'Mật khẩu', en: 'Password' })),
    password,
    status,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      status.textContent = t({ vi: 'Nhập thư điện tử và mật khẩu.', en: 'Enter the email and the password.' });
      return;
    }
    submit.disabled = true;
    status.textContent = t({ vi: 'Đang đăng nhập…', en: 'Signing in…' });
    try {
      const { auth } = await firebaseApp();
      await signInWithEmailAndPassword(auth, email.value.trim(), password.value);
      // onAuthStateChanged takes over from here.
    } catch {
      submit.disabled = false;
      screen = { kind: 'signIn', error: { vi: 'Sai thư điện tử hoặc mật khẩu.', en: 'Wrong email or password.' } };
      status.textContent = t(screen.error!);
    }
  });
  return form;
}

function refusedView(email: string): HTMLElement {
  const out = h('button', { type: 'button', class: 'kiosk-secondary', id: 'kiosk-sign-out' }, t({ vi: 'Đăng xuất', en: 'Sign out' }));
  out.addEventListener('click', async () => {
    const { auth } = await firebaseApp();
    await signOut(auth);
  });
  return h(
    'section',
    { class: 'kiosk-refused', 'data-testid': 'refused' },
    h('h2', { tabindex: -1, 'data-focus': true }, t({ vi: 'Máy không nhận đánh giá với tài khoản này', en: 'This account cannot collect ratings' })),
    h('p', { role: 'alert' }, t({
      vi: `Tài khoản ${email} không phải tài khoản máy đánh giá tại quầy. Đánh giá không bao giờ được gửi từ phiên đăng nhập của cán bộ hay công dân. Vui lòng đăng xuất và đăng nhập bằng tài khoản máy đánh giá.`,
      en: `${email} is not a desk kiosk account. Ratings are never sent from an officer’s or a citizen’s session. Please sign out and sign in with the kiosk account.`,
    })),
    out,
  );
}

// ---- citizen flow ----

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', '⌫'];

function startView(state: Extract<Screen, { kind: 'start' }>): HTMLElement {
  const input = h('input', {
    id: 'kiosk-code',
    name: 'code',
    class: 'kiosk-code',
    inputmode: 'numeric',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'kiosk-code-help kiosk-code-error',
    'aria-invalid': state.error ? 'true' : undefined,
    'data-focus': true,
  });
  input.value = state.typed;
  input.addEventListener('input', () => {
    state.typed = input.value;
  });
  const keypad = h('div', { class: 'kiosk-keypad', role: 'group', 'aria-label': t({ vi: 'Bàn phím số', en: 'Number pad' }) });
  for (const key of KEYS) {
    const label = key === '⌫' ? t({ vi: 'Xóa một ký tự', en: 'Delete one character' }) : key === '-' ? t({ vi: 'Dấu gạch ngang', en: 'Dash' }) : key;
    const button = h('button', { type: 'button', class: 'kiosk-key', 'aria-label': label }, key);
    button.addEventListener('click', () => {
      input.value = key === '⌫' ? input.value.slice(0, -1) : input.value + key;
      state.typed = input.value;
    });
    keypad.append(button);
  }
  const clear = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Xóa hết', en: 'Clear' }));
  clear.addEventListener('click', () => {
    input.value = '';
    state.typed = '';
    input.focus();
  });
  const go = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-go' }, t({ vi: 'Tiếp tục', en: 'Continue' }));
  const form = h(
    'form',
    { id: 'kiosk-start', class: 'kiosk-start', novalidate: true },
    h('h2', {}, t({ vi: 'Mời ông/bà đánh giá mức độ hài lòng', en: 'Please rate our service' })),
    h('label', { for: 'kiosk-code', class: 'kiosk-big-label' }, t({
      vi: 'Quét mã QR trên giấy tiếp nhận, hoặc nhập mã hồ sơ',
      en: 'Scan the QR code on your receipt, or type the dossier code',
    })),
    input,
    h('p', { id: 'kiosk-code-help', class: 'kiosk-note' }, t({
      vi: `Có thể chỉ nhập ngày và số, ví dụ 261128-0001 (mã hồ sơ tiếp nhận tại quầy này).`,
      en: `You may type just the date and number, e.g. 261128-0001 (dossiers received at this desk).`,
    })),
    h('p', { id: 'kiosk-code-error', class: 'kiosk-error', role: 'alert' }, state.error ? t(state.error) : ''),
    keypad,
    h('div', { class: 'kiosk-actions' }, clear, go),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await lookUp(input.value, go);
  });
  return form;
}

async function lookUp(raw: string, button: HTMLButtonElement): Promise<void> {
  if (!kiosk) return;
  const scanned = parseScan(raw, kiosk.agencyId);
  if (!scanned) {
    show({
      kind: 'start',
      typed: raw,
      error: raw.trim()
        ? { vi: 'Mã hồ sơ không hợp lệ. Vui lòng quét lại mã QR hoặc kiểm tra mã trên giấy tiếp nhận.', en: 'This is not a dossier code. Please scan the QR code again or check the code on your receipt.' }
        : { vi: 'Vui lòng quét mã QR hoặc nhập mã hồ sơ.', en: 'Please scan the QR code or type the dossier code.' },
    });
    return;
  }
  button.disabled = true;
  try {
    const query = scanned.token ? `?t=${encodeURIComponent(scanned.token)}` : '';
    const view = await callApi<LookupView>(`/lookup/${encodeURIComponent(scanned.code)}${query}`);
    if (view.rating?.rated) return show({ kind: 'alreadyRated', code: view.code });
    if (view.rating && !view.rating.rateable) return show({ kind: 'notRateable', view });
    show({
      kind: 'rate',
      draft: { scanned, view, satisfaction: null, complaint: null, comment: '', requestId: newRequestId(), errors: {}, sending: false },
    });
  } catch (err) {
    // Shown with the code as typed, so the citizen can correct it.
    show({ kind: 'start', typed: scanned.code, error: describeError(err) });
  }
}

function fieldError(id: string, message: Bilingual | undefined): HTMLElement {
  return h('p', { id, class: 'kiosk-error', role: message ? 'alert' : undefined }, message ? t(message) : '');
}

function rateView(draft: Draft): HTMLElement {
  const { view } = draft;
  const summary = h(
    'dl',
    { class: 'kiosk-dossier', 'data-testid': 'dossier' },
    h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    h('dd', { 'data-testid': 'code' }, view.code),
    view.procedure ? h('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })) : null,
    view.procedure ? h('dd', { 'data-testid': 'procedure' }, t(view.procedure.name)) : null,
    h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
    h('dd', { 'data-testid': 'status' }, t(view.statusLabel)),
  );

  const scale = h(
    'fieldset',
    { class: 'kiosk-scale', 'aria-describedby': 'err-satisfaction' },
    h('legend', {}, t({ vi: 'Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?', en: 'How satisfied are you with how your dossier was handled?' })),
    ...SCALE_ORDER.map((level, i) => {
      const radio = h('input', { type: 'radio', name: 'satisfaction', value: level, id: `sat-${level}`, checked: draft.satisfaction === level });
      radio.addEventListener('change', () => {
        draft.satisfaction = level;
        delete draft.errors.satisfaction;
      });
      return h('label', { for: `sat-${level}`, class: `kiosk-level level-${i + 1}` }, radio, h('span', {}, t(SATISFACTION_SCALE[level])));
    }),
    fieldError('err-satisfaction', draft.errors.satisfaction),
  );

  const yesNo = ([true, false] as const).map((value) => {
    const id = `complaint-${value ? 'yes' : 'no'}`;
    const radio = h('input', { type: 'radio', name: 'complaint', value: String(value), id, checked: draft.complaint === value });
    radio.addEventListener('change', () => {
      draft.complaint = value;
      delete draft.errors.officerAttitudeComplaint;
    });
    return h('label', { for: id, class: 'kiosk-choice' }, radio, h('span', {}, value ? t({ vi: 'Có', en: 'Yes' }) : t({ vi: 'Không', en: 'No' })));
  });
  const complaint = h(
    'fieldset',
    { class: 'kiosk-yesno', 'aria-describedby': 'err-officerAttitudeComplaint' },
    h('legend', {}, t({ vi: 'Ông/bà có phản ánh về thái độ của cán bộ không?', en: 'Do you have a complaint about an officer’s attitude?' })),
    ...yesNo,
    fieldError('err-officerAttitudeComplaint', draft.errors.officerAttitudeComplaint),
  );

  const comment = h('textarea', { id: 'kiosk-comment', name: 'comment', rows: 2, maxlength: 2000, 'aria-describedby': 'err-comment' });
  comment.value = draft.comment;
  comment.addEventListener('input', () => {
    draft.comment = comment.value;
  });

  const submit = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-submit', disabled: draft.sending }, t({ vi: 'Gửi đánh giá', en: 'Send rating' }));
  const cancel = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Hủy', en: 'Cancel' }));
  cancel.addEventListener('click', resetForNextCitizen);

  const form = h(
    'form',
    { id: 'kiosk-rate', class: 'kiosk-rate', novalidate: true },
    h('h2', { tabindex: -1, 'data-focus': true }, t({ vi: 'Đánh giá hồ sơ', en: 'Rate your dossier' })),
    summary,
    scale,
    complaint,
    h('label', { for: 'kiosk-comment' }, t({ vi: 'Ý kiến khác (không bắt buộc)', en: 'Other comments (optional)' })),
    comment,
    fieldError('err-comment', draft.errors.comment),
    fieldError('err-form', draft.errors.form),
    h('div', { class: 'kiosk-actions' }, cancel, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(draft);
  });
  return form;
}

async function send(draft: Draft): Promise<void> {
  if (!kiosk || draft.sending) return;
  draft.errors = {};
  if (!draft.satisfaction) draft.errors.satisfaction = { vi: 'Vui lòng chọn một mức độ hài lòng.', en: 'Please choose a satisfaction level.' };
  if (draft.complaint === null) draft.errors.officerAttitudeComplaint = { vi: 'Vui lòng chọn Có hoặc Không.', en: 'Please choose Yes or No.' };
  if (draft.comment.length > 2000) draft.errors.comment = { vi: 'Ý kiến tối đa 2000 ký tự.', en: 'At most 2000 characters.' };
  if (Object.keys(draft.errors).length > 0) return show({ kind: 'rate', draft });

  draft.sending = true;
  render();
  const body = {
    requestId: draft.requestId, // reused if the citizen presses send again after a failure
    code: draft.view.code,
    ...(draft.scanned.token ? { token: draft.scanned.token } : {}),
    channel: 'deskDevice',
    satisfaction: draft.satisfaction,
    officerAttitudeComplaint: draft.complaint,
    ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
  };
  try {
    await callApiAs(kiosk.user, '/ratings', jsonPost(body));
    show({ kind: 'thanks' });
  } catch (err) {
    draft.sending = false;
    const reason = err instanceof ApiCallError ? (err.body?.error as { reason?: string } | undefined)?.reason : undefined;
    if (reason === 'alreadyRated') return show({ kind: 'alreadyRated', code: draft.view.code });
    if (reason === 'notRateable') return show({ kind: 'notRateable', view: draft.view });
    if (err instanceof ApiCallError && err.body) {
      for (const field of err.body.error.fields) {
        const key = field.path.split('.')[0];
        if (key === 'satisfaction' || key === 'officerAttitudeComplaint' || key === 'comment') draft.errors[key] = field.message;
      }
    }
    if (Object.keys(draft.errors).length === 0) draft.errors.form = describeError(err);
    show({ kind: 'rate', draft });
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

// ---- wiring ----

mountLangSwitch();
onLangChange(render);
// Any touch or key press counts as activity: a citizen still filling the form is not interrupted.
for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, armIdle, { capture: true, passive: true });

// A handheld scanner types wherever the focus is: on the start screen, send its keystrokes to the code
// field even after someone touched another button.
document.addEventListener('keydown', (event) => {
  if (screen.kind !== 'start' || event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
  document.getElementById('kiosk-code')?.focus();
});

render();
void firebaseApp().then(({ auth }) =>
  onAuthStateChanged(auth, async (user) => {
    kiosk = null;
    if (!user) return show({ kind: 'signIn', error: null });
    const { claims } = await user.getIdTokenResult();
    if (claims.role !== 'kiosk' || typeof claims.agencyId !== 'string') {
      return show({ kind: 'refused', email: user.email ?? user.uid });
    }
    kiosk = { user, agencyId: claims.agencyId };
    show({ kind: 'start', typed: '', error: null });
  }),
);
