// The sign-in page's small state: which method is on screen, where to go once signed in, and one status
// line per form. Pages send people here as /dang-nhap/?next=<path>; only a path of this site is followed.
import type { Bilingual } from '../shared/api.js';

export type Method = 'email' | 'signup' | 'reset' | 'phone';

export const METHODS: { id: Method; label: Bilingual }[] = [
  { id: 'email', label: { vi: 'Email và mật khẩu', en: 'Email and password' } },
  { id: 'signup', label: { vi: 'Tạo tài khoản', en: 'Create an account' } },
  { id: 'phone', label: { vi: 'Số điện thoại', en: 'Phone number' } },
  { id: 'reset', label: { vi: 'Quên mật khẩu', en: 'Forgot password' } },
];

/** A path of this site to return to (never another origin: `//host` or `https:` are refused). */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || raw.startsWith('/dang-nhap')) return '/ho-so/';
  return raw;
}

const params = new URLSearchParams(location.search);
export const next = safeNext(params.get('next'));
export const view: { method: Method } = { method: (['email', 'signup', 'reset', 'phone'] as const).find((m) => m === params.get('cach')) ?? 'email' };

export function setStatus(el: HTMLElement, state: 'ok' | 'error' | 'pending', text: string): void {
  el.dataset.state = state;
  el.textContent = text;
}
