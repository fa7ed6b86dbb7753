// Signing in (Firebase Auth; the emulator locally) and who is signed in: the custom claims give the
// role and agency, and only receptionists, handlers and leads of an agency become the page's officer;
// administrators and monitors see the national portal's sync health. Anyone else sees who they are and
// that this page is not theirs.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { byId } from '../shared/dom.js';
import { firebaseApp } from '../shared/firebase-app.js';
import { showCalendarWarning } from './calendar-warning.js';
import { ROLE_LABELS, tx } from './labels.js';
import { render } from './router.js';
import { isOfficerRole, session } from './state.js';

async function onUser(user: User | null): Promise<void> {
  byId('signed-out').hidden = !!user;
  byId('signed-in').hidden = !user;
  session.officer = undefined;
  session.overseer = undefined;
  const notice = byId('not-officer');
  notice.hidden = true;
  byId('calendar-warning').hidden = true;
  if (!user) {
    byId('system-status').hidden = false;
    await render();
    return;
  }
  const { claims } = await user.getIdTokenResult();
  const role = claims.role;
  const agencyId = typeof claims.agencyId === 'string' ? claims.agencyId : undefined;
  const roleLabel = typeof role === 'string' && ROLE_LABELS[role] ? ROLE_LABELS[role] : { vi: 'Công dân', en: 'Citizen' };
  byId('who').textContent = `${user.displayName ?? user.email ?? ''} · ${roleLabel.vi} / ${roleLabel.en} · ${agencyId ?? '—'}`;
  if (role === 'admin' || role === 'monitor') {
    // No desk of their own: the province-wide sync health with the national portal (router.ts).
    session.overseer = { user, role };
    byId('system-status').hidden = true;
    await render();
    return;
  }
  if (!isOfficerRole(role) || !agencyId) {
    // Citizens, kiosks and unknown roles have their own pages.
    notice.textContent = tx(
      'Trang này dành cho cán bộ tiếp nhận, thụ lý và lãnh đạo của cơ quan. Tài khoản của bạn không dùng được ở đây.',
      'This page is for the officers (receptionists, handlers, leads) of an agency. Your account cannot use it.',
    );
    notice.hidden = false;
    await render();
    return;
  }
  byId('system-status').hidden = true;
  session.officer = { user, uid: user.uid, role, agencyId, name: user.displayName ?? user.email ?? user.uid };
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
    const email = byId<HTMLInputElement>('email').value.trim();
    const password = byId<HTMLInputElement>('password').value;
    output.dataset.state = 'pending';
    output.textContent = 'Đang đăng nhập… / Signing in…';
    try {
      await signInWithEmailAndPassword(auth, email, password);
      output.textContent = '';
      delete output.dataset.state;
    } catch {
      output.dataset.state = 'error';
      output.textContent = 'Email hoặc mật khẩu không đúng. / Wrong email or password.';
    }
  });

  byId('logout').addEventListener('click', () => void signOut(auth));
}
