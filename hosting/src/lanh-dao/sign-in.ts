// Signing in (Firebase Auth; the emulator locally). The custom claims give the role and agency; the
// sections shown follow from them, and anyone else is told this page is not theirs.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { byId } from '../shared/dom.js';
import { firebaseApp } from '../shared/firebase-app.js';
import { t } from '../shared/i18n.js';
import { sectionsFor, session } from './state.js';

const ROLE_NAMES: Record<string, { vi: string; en: string }> = {
  lead: { vi: 'Lãnh đạo cơ quan', en: 'Agency lead' },
  monitor: { vi: 'Giám sát', en: 'Monitor' },
  admin: { vi: 'Quản trị', en: 'Administrator' },
  receptionist: { vi: 'Công chức một cửa', en: 'Desk officer' },
  handler: { vi: 'Chuyên viên thụ lý', en: 'Handling officer' },
};

export async function mountSignIn(onChange: () => Promise<void>): Promise<void> {
  const { auth } = await firebaseApp();
  const onUser = async (user: User | null) => {
    byId('signed-out').hidden = !!user;
    byId('signed-in').hidden = !user;
    session.staff = undefined;
    const notice = byId('not-allowed');
    notice.hidden = true;
    if (user) {
      const { claims } = await user.getIdTokenResult();
      const role = typeof claims.role === 'string' ? claims.role : undefined;
      const agencyId = typeof claims.agencyId === 'string' ? claims.agencyId : undefined;
      byId('who').textContent = `${user.displayName ?? user.email ?? ''} · ${role && ROLE_NAMES[role] ? t(ROLE_NAMES[role]) : t({ vi: 'Công dân', en: 'Citizen' })} · ${agencyId ?? '—'}`;
      if (sectionsFor(role).length === 0) {
        notice.textContent = t({ vi: 'Trang này dành cho lãnh đạo, giám sát và cán bộ một cửa. Tài khoản của bạn không dùng được ở đây.', en: 'This page is for leaders, monitors and desk officers. Your account cannot use it.' });
        notice.hidden = false;
      } else session.staff = { user, uid: user.uid, role: role!, agencyId, name: user.displayName ?? user.email ?? user.uid };
    }
    await onChange();
  };
  onAuthStateChanged(auth, (user) => void onUser(user));
  const form = byId<HTMLFormElement>('login-form');
  const output = byId('login-output');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    output.textContent = 'Đang đăng nhập… / Signing in…';
    void signInWithEmailAndPassword(auth, byId<HTMLInputElement>('email').value.trim(), byId<HTMLInputElement>('password').value).then(
      () => (output.textContent = ''),
      () => (output.textContent = 'Email hoặc mật khẩu không đúng. / Wrong email or password.'),
    );
  });
  byId('logout').addEventListener('click', () => void signOut(auth));
}
