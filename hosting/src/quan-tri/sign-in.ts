// Signing in (Firebase Auth; the emulator locally). The console is for administrators (custom claim
// `role: 'admin'`, province-wide): anyone else sees who they are and that the page is not theirs.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { byId } from '../shared/dom.js';
import { firebaseApp } from '../shared/firebase-app.js';
import { t } from '../shared/i18n.js';
import { showCalendarWarning } from './calendar-banner.js';
import { render } from './router.js';
import { session } from './state.js';

async function onUser(user: User | null): Promise<void> {
  byId('signed-out').hidden = !!user;
  byId('signed-in').hidden = !user;
  session.admin = undefined;
  const notice = byId('not-admin');
  notice.hidden = true;
  byId('calendar-warning').hidden = true;
  if (!user) {
    await render();
    return;
  }
  const { claims } = await user.getIdTokenResult();
  const name = user.displayName ?? user.email ?? user.uid;
  if (claims.role !== 'admin') {
    byId('who').textContent = name;
    notice.textContent = t({
      vi: 'Trang này dành cho quản trị viên hệ thống. Tài khoản của bạn không dùng được ở đây; cán bộ làm việc tại trang cán bộ.',
      en: 'This page is for system administrators. Your account cannot use it; officers work on the officer dashboard.',
    });
    notice.hidden = false;
    await render();
    return;
  }
  byId('who').textContent = `${name} · ${t({ vi: 'Quản trị hệ thống', en: 'Administrator' })}`;
  session.admin = { user, uid: user.uid, name };
  void showCalendarWarning(user);
  await render();
}

/** Follows the signed-in user, and wires the sign-in form and the sign-out button. */
export async function mountSignIn(): Promise<void> {
  const { auth } = await firebaseApp();
  const form = byId<HTMLFormElement>('login-form');
  const output = byId('login-output');
  onAuthStateChanged(auth, (user) => void onUser(user));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    output.dataset.state = 'pending';
    output.textContent = 'Đang đăng nhập… / Signing in…';
    try {
      await signInWithEmailAndPassword(auth, byId<HTMLInputElement>('email').value.trim(), byId<HTMLInputElement>('password').value);
      output.textContent = '';
      delete output.dataset.state;
    } catch {
      output.dataset.state = 'error';
      output.textContent = 'Email hoặc mật khẩu không đúng. / Wrong email or password.';
    }
  });
  byId('logout').addEventListener('click', () => void signOut(auth));
}
