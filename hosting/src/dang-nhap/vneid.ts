// Sign-in with the national electronic identity (VNeID): the button asks the API for the provider's
// address (POST /api/auth/vneid/start) and goes there; the provider sends the person back to
// /dang-nhap/vneid?code&state, where the API checks the answer (POST /api/auth/vneid/finish) and this page
// signs in to Firebase with the verified ID token (provider `oidc.vneid`, docs/adr/0006).
import { OAuthProvider, signInWithCredential } from 'firebase/auth';
import { VNEID_PROVIDER_ID } from '../../../functions/src/contract/index.js';
import { api, describeError } from '../shared/api.js';
import { firebaseApp } from '../shared/firebase-app.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { authMessage } from './auth-messages.js';
import { next, setStatus } from './state.js';

const NEXT_KEY = 'motcua.vneid.next';

export function vneidButton(): HTMLElement {
  const out = h('p', { id: 'vneid-output', class: 'status', role: 'status' });
  const button = h('button', { type: 'button', id: 'vneid-sign-in' }, t({ vi: 'Đăng nhập bằng tài khoản định danh điện tử VNeID', en: 'Sign in with your VNeID electronic identity' }));
  button.addEventListener('click', () => {
    void (async () => {
      setStatus(out, 'pending', t({ vi: 'Đang chuyển đến VNeID…', en: 'Going to VNeID…' }));
      try {
        const { authorizeUrl } = await api('startVneid', {});
        sessionStorage.setItem(NEXT_KEY, next);
        location.assign(authorizeUrl);
      } catch (err) {
        setStatus(out, 'error', t(describeError(err)));
      }
    })();
  });
  return h(
    'section',
    { class: 'vneid panel note', 'aria-labelledby': 'vneid-title' },
    h('h2', { id: 'vneid-title' }, t({ vi: 'Định danh điện tử', en: 'Electronic identity' })),
    h('p', {}, t({ vi: 'Tài khoản VNeID mức 2 xác thực số định danh cá nhân của bạn: hồ sơ nộp bằng tài khoản này không cần khai lại giấy tờ tùy thân.', en: 'A level-2 VNeID account proves your personal ID number: applications made with it need no identity document typed in again.' })),
    button,
    out,
  );
}

/** /dang-nhap/vneid?code&state: finish the sign-in, then go where the person was going. */
export async function vneidCallbackView(): Promise<HTMLElement> {
  const out = h('p', { id: 'vneid-output', class: 'status', role: 'status' });
  const section = h('section', { 'aria-labelledby': 'vneid-title' }, h('h2', { id: 'vneid-title' }, t({ vi: 'Đăng nhập bằng VNeID', en: 'Signing in with VNeID' })), out);
  const params = new URLSearchParams(location.search);
  const code = params.get('code') ?? '';
  const state = params.get('state') ?? '';
  const providerError = params.get('error');
  const again = h('p', {}, h('a', { href: '/dang-nhap/' }, t({ vi: 'Thử đăng nhập lại', en: 'Try signing in again' })));
  if (providerError) {
    setStatus(out, 'error', t({ vi: 'VNeID đã từ chối hoặc bạn đã hủy đăng nhập.', en: 'VNeID refused, or you cancelled the sign-in.' }));
    section.append(again);
    return section;
  }
  setStatus(out, 'pending', t({ vi: 'Đang kiểm tra kết quả từ VNeID…', en: 'Checking the answer from VNeID…' }));
  try {
    const { idToken, idNumber } = await api('finishVneid', { body: { code, state } });
    const { auth } = await firebaseApp();
    await signInWithCredential(auth, new OAuthProvider(VNEID_PROVIDER_ID).credential({ idToken }));
    setStatus(out, 'ok', t({ vi: `Đã đăng nhập bằng VNeID (số định danh …${idNumber.slice(-4)}).`, en: `Signed in with VNeID (ID number …${idNumber.slice(-4)}).` }));
    history.replaceState(null, '', '/dang-nhap/vneid');
    const target = sessionStorage.getItem(NEXT_KEY) ?? '/ho-so/';
    sessionStorage.removeItem(NEXT_KEY);
    location.assign(target.startsWith('/') && !target.startsWith('//') ? target : '/ho-so/');
  } catch (err) {
    const message = (err as { code?: unknown }).code ? authMessage(err) : describeError(err);
    setStatus(out, 'error', t(message));
    section.append(again);
  }
  return section;
}
