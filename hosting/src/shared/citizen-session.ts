// Sign-in for the citizen pages (apply, my dossiers, rating as owner): the page waits for a signed-in user
// and, while there is none, shows a compact email/password form in the given place, with links to the
// other ways in (VNeID, phone, new account, password reset: the sign-in page /dang-nhap/). At the first
// sign-in the privacy notice is shown until read (privacy-notice.ts).
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth/web-extension';
import { api } from './api.js';
import { citizenFirebase as firebaseApp } from './citizen-firebase.js';
import { h } from './dom.js';
import { onLangChange, t } from './i18n.js';
import { noticeOnFirstSignIn } from './privacy-notice.js';

/**
 * Calls `onUser` with the signed-in user (again after a sign-in) and `onSignedOut` whenever there is
 * none, after drawing the sign-in form into `target`.
 */
export async function withCitizen(
  target: HTMLElement,
  onUser: (user: User) => void,
  intro?: { vi: string; en: string },
  onSignedOut?: () => void,
): Promise<void> {
  const { auth } = await firebaseApp();
  let current: User | null | undefined;
  const draw = () => {
    if (current === null) target.replaceChildren(signInForm(intro));
  };
  onLangChange(draw);
  onAuthStateChanged(auth, (user) => {
    const changed = current?.uid !== user?.uid;
    current = user;
    if (!user) {
      onSignedOut?.();
      draw();
    } else if (changed) {
      onUser(user);
      void noticeOnFirstSignIn(user);
    }
  });
}

/**
 * Signs out, and clears the page session (the `__session` cookie that lets the server draw My dossiers,
 * POST /api/session) so that the list is not sent again to whoever uses this browser next.
 */
export async function signOutCitizen(): Promise<void> {
  const { auth } = await firebaseApp();
  await Promise.all([signOut(auth), api('endSession', {}).catch(() => undefined)]);
}

/** The other ways in, on the sign-in page (/dang-nhap/), which brings the person back here afterwards. */
function otherWays(): HTMLElement {
  const back = encodeURIComponent(location.pathname + location.search);
  const link = (cach: string, id: string, text: { vi: string; en: string }) => h('li', {}, h('a', { href: `/dang-nhap/?${cach ? `cach=${cach}&` : ''}next=${back}`, id }, t(text)));
  return h(
    'ul',
    { class: 'other-ways', id: 'sign-in-other-ways' },
    link('', 'sign-in-vneid', { vi: 'Đăng nhập bằng VNeID (định danh điện tử)', en: 'Sign in with VNeID (electronic identity)' }),
    link('phone', 'sign-in-phone', { vi: 'Đăng nhập bằng số điện thoại', en: 'Sign in with a phone number' }),
    link('signup', 'sign-in-signup', { vi: 'Tạo tài khoản mới', en: 'Create an account' }),
    link('reset', 'sign-in-reset', { vi: 'Quên mật khẩu', en: 'Forgot your password' }),
  );
}

function signInForm(intro?: { vi: string; en: string }): HTMLElement {
  const output = h('p', { id: 'sign-in-output', class: 'status', role: 'status' });
  const email = h('input', { id: 'sign-in-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    { id: 'sign-in-form', class: 'sign-in', novalidate: true },
    h('h2', {}, t({ vi: 'Đăng nhập', en: 'Sign in' })),
    h('p', {}, t(intro ?? { vi: 'Đăng nhập bằng tài khoản công dân để tiếp tục.', en: 'Sign in with your citizen account to continue.' })),
    h('label', { for: 'sign-in-email' }, 'Email'),
    email,
    h('label', { for: 'sign-in-password' }, t({ vi: 'Mật khẩu', en: 'Password' })),
    password,
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Đăng nhập', en: 'Sign in' }))),
    output,
    otherWays(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      if (!email.value.trim() || !password.value) {
        output.dataset.state = 'error';
        output.textContent = t({ vi: 'Vui lòng nhập email và mật khẩu.', en: 'Please enter your email and password.' });
        return;
      }
      output.dataset.state = 'pending';
      output.textContent = t({ vi: 'Đang đăng nhập…', en: 'Signing in…' });
      try {
        const { auth } = await firebaseApp();
        await signInWithEmailAndPassword(auth, email.value.trim(), password.value);
      } catch {
        output.dataset.state = 'error';
        output.textContent = t({ vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' });
      }
    })();
  });
  return form;
}
