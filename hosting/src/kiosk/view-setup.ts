// The screens IT sees: signing the device in with the desk's kiosk account, and the refusal of any other
// account (with the way to sign it out).
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { signInDevice, signOutDevice } from './device.js';
import { kiosk } from './state.js';

export function signInView(error: Bilingual | null): HTMLElement {
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
      await signInDevice(email.value.trim(), password.value);
    } catch {
      submit.disabled = false;
      const wrong: Bilingual = { vi: 'Sai thư điện tử hoặc mật khẩu.', en: 'Wrong email or password.' };
      // Kept in the screen, so a redraw in the other language still says it.
      kiosk.screen = { kind: 'signIn', error: wrong };
      status.textContent = t(wrong);
    }
  });
  return form;
}

export function refusedView(email: string): HTMLElement {
  const out = h('button', { type: 'button', class: 'kiosk-secondary', id: 'kiosk-sign-out' }, t({ vi: 'Đăng xuất', en: 'Sign out' }));
  out.addEventListener('click', () => void signOutDevice());
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
