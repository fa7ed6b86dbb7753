// The sign-in methods: email and password, creating an account (a verification email is sent at once),
// asking for a password-reset email, and a phone number with a one-time code sent by text message.
// Firebase Authentication does the work; its refusals become bilingual messages (auth-messages.ts).
import {
  createUserWithEmailAndPassword,
  RecaptchaVerifier,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPhoneNumber,
  type ConfirmationResult,
} from 'firebase/auth';
import { firebaseApp, usesEmulators } from '../shared/firebase-app.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { normaliseVietnameseMobile } from '../shared/phone.js';
import { authMessage } from './auth-messages.js';
import { setStatus } from './state.js';

/** Where Firebase's emails (verification, reset) send people: this page handles their codes. */
const actionSettings = () => ({ url: `${location.origin}/dang-nhap/` });

function field(id: string, label: { vi: string; en: string }, attrs: Record<string, string | number | boolean>): HTMLElement[] {
  return [h('label', { for: id }, t(label)), h('input', { id, name: id, ...attrs })];
}

const value = (form: HTMLFormElement, id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();

function output(id: string): HTMLElement {
  return h('p', { id, class: 'status', role: 'status', 'aria-live': 'polite' });
}

export function emailForm(onSignedIn: () => void): HTMLElement {
  const out = output('email-output');
  const form = h(
    'form',
    { id: 'email-form', class: 'account', novalidate: true },
    ...field('email-address', { vi: 'Email', en: 'Email' }, { type: 'email', autocomplete: 'username', required: true }),
    ...field('email-password', { vi: 'Mật khẩu', en: 'Password' }, { type: 'password', autocomplete: 'current-password', required: true }),
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Đăng nhập', en: 'Sign in' }))),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      if (!value(form, 'email-address') || !value(form, 'email-password')) return setStatus(out, 'error', t({ vi: 'Nhập email và mật khẩu.', en: 'Enter your email and password.' }));
      setStatus(out, 'pending', t({ vi: 'Đang đăng nhập…', en: 'Signing in…' }));
      try {
        const { auth } = await firebaseApp();
        await signInWithEmailAndPassword(auth, value(form, 'email-address'), form.querySelector<HTMLInputElement>('#email-password')!.value);
        onSignedIn();
      } catch (err) {
        setStatus(out, 'error', t(authMessage(err)));
      }
    })();
  });
  return form;
}

export function signUpForm(onSignedIn: () => void): HTMLElement {
  const out = output('signup-output');
  const form = h(
    'form',
    { id: 'signup-form', class: 'account', novalidate: true },
    h('p', {}, t({ vi: 'Chúng tôi gửi một thư để xác nhận địa chỉ email; bạn nộp hồ sơ được sau khi bấm liên kết trong thư.', en: 'We send an email to confirm the address; you can apply once you open its link.' })),
    ...field('signup-email', { vi: 'Email', en: 'Email' }, { type: 'email', autocomplete: 'email', required: true }),
    ...field('signup-password', { vi: 'Mật khẩu (ít nhất 8 ký tự)', en: 'Password (at least 8 characters)' }, { type: 'password', autocomplete: 'new-password', minlength: 8, required: true }),
    ...field('signup-confirm', { vi: 'Nhập lại mật khẩu', en: 'Repeat the password' }, { type: 'password', autocomplete: 'new-password', required: true }),
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Tạo tài khoản', en: 'Create the account' }))),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const email = value(form, 'signup-email');
      const password = form.querySelector<HTMLInputElement>('#signup-password')!.value;
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setStatus(out, 'error', t({ vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' }));
      if (password.length < 8) return setStatus(out, 'error', t({ vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'The password needs at least 8 characters.' }));
      if (password !== form.querySelector<HTMLInputElement>('#signup-confirm')!.value) return setStatus(out, 'error', t({ vi: 'Hai lần nhập mật khẩu không giống nhau.', en: 'The two passwords differ.' }));
      setStatus(out, 'pending', t({ vi: 'Đang tạo tài khoản…', en: 'Creating the account…' }));
      try {
        const { auth } = await firebaseApp();
        const { user } = await createUserWithEmailAndPassword(auth, email, password);
        await sendEmailVerification(user, actionSettings());
        setStatus(out, 'ok', t({ vi: `Đã tạo tài khoản. Chúng tôi đã gửi thư xác nhận đến ${email}.`, en: `Account created. We sent a confirmation email to ${email}.` }));
        onSignedIn();
      } catch (err) {
        setStatus(out, 'error', t(authMessage(err)));
      }
    })();
  });
  return form;
}

export function resetForm(): HTMLElement {
  const out = output('reset-output');
  const form = h(
    'form',
    { id: 'reset-form', class: 'account', novalidate: true },
    h('p', {}, t({ vi: 'Nhập email của tài khoản; chúng tôi gửi một liên kết để đặt mật khẩu mới (có hiệu lực 1 giờ).', en: 'Enter your account’s email; we send a link to choose a new password (valid for 1 hour).' })),
    ...field('reset-email', { vi: 'Email', en: 'Email' }, { type: 'email', autocomplete: 'email', required: true }),
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Gửi liên kết', en: 'Send the link' }))),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const email = value(form, 'reset-email');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setStatus(out, 'error', t({ vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' }));
      try {
        const { auth } = await firebaseApp();
        await sendPasswordResetEmail(auth, email, actionSettings());
      } catch (err) {
        // An unknown address is answered like a known one: the form does not reveal who has an account.
        if ((err as { code?: string }).code !== 'auth/user-not-found') return setStatus(out, 'error', t(authMessage(err)));
      }
      setStatus(out, 'ok', t({ vi: `Nếu ${email} có tài khoản, thư đặt lại mật khẩu đã được gửi.`, en: `If ${email} has an account, a reset email is on its way.` }));
    })();
  });
  return form;
}

export function phoneForm(onSignedIn: () => void): HTMLElement {
  const out = output('phone-output');
  let confirmation: ConfirmationResult | undefined;
  let verifier: RecaptchaVerifier | undefined;
  const codeBlock = h(
    'div',
    { id: 'phone-code-block', hidden: true },
    ...field('phone-code', { vi: 'Mã xác thực (6 chữ số)', en: 'Verification code (6 digits)' }, { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 }),
    h('p', { class: 'actions' }, h('button', { type: 'button', id: 'phone-confirm' }, t({ vi: 'Xác nhận', en: 'Confirm' })), h('button', { type: 'button', id: 'phone-resend', class: 'link' }, t({ vi: 'Gửi lại mã', en: 'Send the code again' }))),
  );
  const form = h(
    'form',
    { id: 'phone-form', class: 'account', novalidate: true },
    ...field('phone-number', { vi: 'Số điện thoại di động', en: 'Mobile number' }, { type: 'tel', autocomplete: 'tel', maxlength: 20 }),
    h('p', { class: 'hint' }, t({ vi: 'Chúng tôi gửi mã 6 chữ số qua tin nhắn. Ví dụ: 0912 345 678.', en: 'We text you a 6-digit code. Example: 0912 345 678.' })),
    h('p', {}, h('button', { type: 'submit', id: 'phone-send' }, t({ vi: 'Gửi mã', en: 'Send the code' }))),
    codeBlock,
    out,
  );
  const send = async () => {
    const phone = normaliseVietnameseMobile(value(form, 'phone-number'));
    if (!phone) return setStatus(out, 'error', t({ vi: 'Số di động Việt Nam không hợp lệ. Ví dụ: 0912 345 678.', en: 'Not a valid Vietnamese mobile number. Example: 0912 345 678.' }));
    setStatus(out, 'pending', t({ vi: 'Đang gửi mã…', en: 'Sending the code…' }));
    try {
      const { auth } = await firebaseApp();
      // Under the emulators no reCAPTCHA is loaded (the Auth emulator does not check it); in production
      // the invisible reCAPTCHA guards the text-message quota.
      if (usesEmulators) auth.settings.appVerificationDisabledForTesting = true;
      verifier ??= new RecaptchaVerifier(auth, 'recaptcha', { size: 'invisible' });
      confirmation = await signInWithPhoneNumber(auth, phone, verifier);
      codeBlock.hidden = false;
      setStatus(out, 'ok', t({ vi: `Đã gửi mã đến ${phone}.`, en: `Code sent to ${phone}.` }));
      form.querySelector<HTMLInputElement>('#phone-code')?.focus();
    } catch (err) {
      // A refused send leaves the reCAPTCHA spent: the next try builds a fresh one (Firebase's advice is to
      // reset it after an error), so "send again" after a throttling message works without a reload.
      verifier?.clear();
      verifier = undefined;
      setStatus(out, 'error', t(authMessage(err)));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  codeBlock.querySelector('#phone-resend')!.addEventListener('click', () => void send());
  codeBlock.querySelector('#phone-confirm')!.addEventListener('click', () => {
    void (async () => {
      const code = value(form, 'phone-code');
      if (!/^\d{6}$/.test(code)) return setStatus(out, 'error', t({ vi: 'Nhập mã xác thực gồm 6 chữ số.', en: 'Enter the 6-digit verification code.' }));
      try {
        await confirmation!.confirm(code);
        onSignedIn();
      } catch (err) {
        setStatus(out, 'error', t(authMessage(err)));
      }
    })();
  });
  return form;
}
