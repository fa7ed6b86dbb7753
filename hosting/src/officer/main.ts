// Officer dashboard entry: sign-in (Firebase Auth; the emulator locally) and the officer's role and
// agency, read from the custom claims the server sets.
import '../shared/style.css';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { firebaseApp } from '../shared/firebase-app.js';
import { mountHealthCheck } from '../shared/health-check.js';

const ROLE_LABELS: Record<string, string> = {
  receptionist: 'Cán bộ tiếp nhận / Receptionist',
  handler: 'Cán bộ thụ lý / Handler',
  lead: 'Lãnh đạo / Lead',
  admin: 'Quản trị / Administrator',
  monitor: 'Giám sát / Monitor',
};

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));

const form = byId<HTMLFormElement>('login-form');
const output = byId('login-output');

void firebaseApp().then(({ auth }) => {
  onAuthStateChanged(auth, async (user) => {
    byId('signed-out').hidden = !!user;
    byId('signed-in').hidden = !user;
    if (!user) return;
    const { claims } = await user.getIdTokenResult();
    const role = typeof claims.role === 'string' ? claims.role : '';
    const agency = typeof claims.agencyId === 'string' ? claims.agencyId : '—';
    byId('who').textContent = `${user.displayName ?? user.email ?? ''} · ${ROLE_LABELS[role] ?? 'Công dân / Citizen'} · ${agency}`;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = byId<HTMLInputElement>('email').value.trim();
    const password = byId<HTMLInputElement>('password').value;
    output.dataset.state = 'pending';
    output.textContent = 'Đang đăng nhập… / Signing in…';
    try {
      await signInWithEmailAndPassword(auth, email, password);
      output.textContent = '';
    } catch {
      output.dataset.state = 'error';
      output.textContent = 'Email hoặc mật khẩu không đúng. / Wrong email or password.';
    }
  });

  byId('logout').addEventListener('click', () => void signOut(auth));
});
