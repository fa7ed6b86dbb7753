// The links in Firebase Authentication's emails land here (the project's email action handler is set to
// <origin>/dang-nhap/): `mode=verifyEmail` confirms the address, `mode=resetPassword` asks for a new
// password. A used or expired link is told so, with the way to get a new one.
import { applyActionCode, confirmPasswordReset, verifyPasswordResetCode } from 'firebase/auth';
import { firebaseApp } from '../shared/firebase-app.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { authMessage } from './auth-messages.js';
import { setStatus } from './state.js';

export async function verifyEmailView(oobCode: string): Promise<HTMLElement> {
  const out = h('p', { id: 'action-output', class: 'status', role: 'status' });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'action-title' }, h('h2', { id: 'action-title' }, t({ vi: 'Xác nhận địa chỉ email', en: 'Confirming your email address' })), out);
  try {
    const { auth } = await firebaseApp();
    await applyActionCode(auth, oobCode);
    // The session's token still says "not verified" until it is refreshed.
    await auth.currentUser?.getIdToken(true);
    await auth.currentUser?.reload();
    setStatus(out, 'ok', t({ vi: 'Đã xác nhận email. Bạn có thể nộp hồ sơ trực tuyến.', en: 'Your email is confirmed. You can now apply online.' }));
    section.append(h('p', {}, h('a', { href: '/ho-so/', id: 'to-my-dossiers' }, t({ vi: 'Đến Hồ sơ của tôi', en: 'Go to My dossiers' }))));
  } catch (err) {
    setStatus(out, 'error', t(authMessage(err)));
    section.append(h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: 'Gửi lại thư xác nhận từ trang Hồ sơ của tôi', en: 'Send the confirmation email again from My dossiers' }))));
  }
  return section;
}

export async function resetPasswordView(oobCode: string): Promise<HTMLElement> {
  const out = h('p', { id: 'action-output', class: 'status', role: 'status' });
  const section = h('section', { 'aria-labelledby': 'action-title' }, h('h2', { id: 'action-title' }, t({ vi: 'Đặt mật khẩu mới', en: 'Choose a new password' })));
  const { auth } = await firebaseApp();
  let email: string;
  try {
    email = await verifyPasswordResetCode(auth, oobCode);
  } catch (err) {
    setStatus(out, 'error', t(authMessage(err)));
    section.append(out, h('p', {}, h('a', { href: '/dang-nhap/?cach=reset' }, t({ vi: 'Gửi lại liên kết đặt mật khẩu', en: 'Send a new reset link' }))));
    return section;
  }
  const form = h(
    'form',
    { id: 'new-password-form', class: 'account', novalidate: true },
    h('p', {}, t({ vi: `Tài khoản: ${email}`, en: `Account: ${email}` })),
    h('label', { for: 'new-password' }, t({ vi: 'Mật khẩu mới (ít nhất 8 ký tự)', en: 'New password (at least 8 characters)' })),
    h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', minlength: 8 }),
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Lưu mật khẩu', en: 'Save the password' }))),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const password = form.querySelector<HTMLInputElement>('#new-password')!.value;
      if (password.length < 8) return setStatus(out, 'error', t({ vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'The password needs at least 8 characters.' }));
      try {
        await confirmPasswordReset(auth, oobCode, password);
        setStatus(out, 'ok', t({ vi: 'Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.', en: 'Password changed. Sign in with the new password.' }));
        form.append(h('p', {}, h('a', { href: '/dang-nhap/', id: 'to-sign-in' }, t({ vi: 'Đăng nhập', en: 'Sign in' }))));
      } catch (err) {
        setStatus(out, 'error', t(authMessage(err)));
      }
    })();
  });
  section.append(form);
  return section;
}
