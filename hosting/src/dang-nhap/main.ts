// Sign-in and account page (/dang-nhap/): email and password, creating an account with a verification
// email, password reset, a phone number with a one-time code, and the national electronic identity
// (VNeID). Firebase's email links come back here (?mode=verifyEmail|resetPassword&oobCode=…), and so does
// VNeID (/dang-nhap/vneid?code&state). Pages that need a signed-in citizen link here with ?next=<path>.
//   state.ts          the method on screen, where to go next
//   forms.ts          the four forms
//   email-actions.ts  the links of verification and reset emails
//   vneid.ts          the VNeID button and its return
//   auth-messages.ts  Firebase's refusals in Vietnamese and English
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { onAuthStateChanged, signOut } from 'firebase/auth';
import { firebaseApp } from '../shared/firebase-app.js';
import { byId, h } from '../shared/dom.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { resetPasswordView, verifyEmailView } from './email-actions.js';
import { emailForm, phoneForm, resetForm, signUpForm } from './forms.js';
import { METHODS, next, view, type Method } from './state.js';
import { vneidButton, vneidCallbackView } from './vneid.js';

const app = byId('app');
const params = new URLSearchParams(location.search);
const mode = params.get('mode');
const oobCode = params.get('oobCode') ?? '';
let signedInAs: string | null | undefined;

const goNext = () => location.assign(next);

function methodForm(method: Method): HTMLElement {
  switch (method) {
    case 'email':
      return emailForm(goNext);
    case 'signup':
      // A new account stays here a moment to read that the confirmation email is on its way.
      return signUpForm(() => setTimeout(goNext, 2500));
    case 'reset':
      return resetForm();
    case 'phone':
      return phoneForm(goNext);
  }
}

/**
 * The method's form, kept while the method stays the same: a sign-up signs the person in, and redrawing
 * the chooser for that must not replace the form that says the confirmation email is on its way.
 */
let shown: { method: Method; form: HTMLElement } | undefined;
function formOf(method: Method): HTMLElement {
  if (shown?.method !== method) shown = { method, form: methodForm(method) };
  return shown.form;
}

function renderChooser(): void {
  const nav = h(
    'nav',
    { class: 'methods', 'aria-label': t({ vi: 'Cách đăng nhập', en: 'How to sign in' }) },
    ...METHODS.map((m) =>
      h('button', { type: 'button', class: 'secondary', id: `method-${m.id}`, 'aria-current': String(view.method === m.id), onclick: () => ((view.method = m.id), renderChooser()) }, t(m.label)),
    ),
  );
  app.dataset.state = view.method;
  const parts: (HTMLElement | null)[] = [
    signedInAs
      ? h('p', { class: 'who' }, t({ vi: `Bạn đang đăng nhập (${signedInAs}). `, en: `You are signed in (${signedInAs}). ` }), h('a', { href: next }, t({ vi: 'Tiếp tục', en: 'Continue' })), ' · ', h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => void firebaseApp().then(({ auth }) => signOut(auth)) }, t({ vi: 'Đăng xuất', en: 'Sign out' })))
      : null,
    vneidButton(),
    h('h2', {}, t({ vi: 'Hoặc dùng tài khoản của Cổng', en: 'Or use a portal account' })),
    nav,
    formOf(view.method),
  ];
  app.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

async function start(): Promise<void> {
  mountLangSwitch();
  if (location.pathname.replace(/\/$/, '') === '/dang-nhap/vneid') {
    app.replaceChildren(await vneidCallbackView());
    return;
  }
  if (mode === 'verifyEmail') {
    app.replaceChildren(await verifyEmailView(oobCode));
    return;
  }
  if (mode === 'resetPassword') {
    app.replaceChildren(await resetPasswordView(oobCode));
    return;
  }
  const { auth } = await firebaseApp();
  onAuthStateChanged(auth, (user) => {
    signedInAs = user ? (user.email ?? user.phoneNumber ?? user.uid) : null;
    renderChooser();
  });
  onLangChange(() => {
    shown = undefined; // redrawn in the new language
    renderChooser();
  });
}

void start();
