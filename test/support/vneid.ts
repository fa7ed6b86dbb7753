// Signing in with VNeID the way a browser does, against the local stand-in (scripts/lib/oidc-stand-in.ts):
// POST /api/auth/vneid/start, then the provider's own login and consent pages (followed over HTTP with a
// cookie jar), then POST /api/auth/vneid/finish with the code it sends back, then Firebase Auth's
// signInWithIdp with the verified ID token (provider `oidc.vneid`), as the web SDK's signInWithCredential does.
import { VNEID_PROVIDER_ID } from '../../functions/src/contract/index.js';
import { api } from './api.js';
import { AUTH_HOST } from './emulators.js';

/** Follows the provider's pages as `login` (a 12-digit ID number) until it redirects back to the portal. */
export async function authorizeAtStandIn(authorizeUrl: string, login: string): Promise<{ code: string; state: string }> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> | undefined), cookie: cookieHeader() } });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.pathname === '/dang-nhap/vneid') {
        const code = next.searchParams.get('code');
        const state = next.searchParams.get('state');
        if (!code || !state) throw new Error(`the provider came back without a code: ${next.toString()}`);
        return { code, state };
      }
      url = next.toString();
      init = {};
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page (${res.status}): ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
    if (/name="login"/.test(html)) {
      fields.set('login', login);
      fields.set('password', 'any');
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).toString();
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() };
  }
  throw new Error('the provider did not come back to the portal');
}

/** The Auth emulator's signInWithIdp with a VNeID ID token: a Firebase session of provider oidc.vneid. */
export async function firebaseSignInWithVneid(vneidIdToken: string): Promise<{ idToken: string; localId: string }> {
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithIdp?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ postBody: `id_token=${vneidIdToken}&providerId=${VNEID_PROVIDER_ID}`, requestUri: 'http://localhost', returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string; localId?: string };
  if (!body.idToken || !body.localId) throw new Error(`signInWithIdp refused: ${JSON.stringify(body)}`);
  return { idToken: body.idToken, localId: body.localId };
}

/** The whole VNeID sign-in as the person with this ID number: a Firebase ID token of that session. */
export async function signInWithVneid(idNumber: string): Promise<{ idToken: string; uid: string }> {
  const start = await api('startVneid', {});
  if (start.status !== 200) throw new Error(`start refused: ${start.text}`);
  const { code, state } = await authorizeAtStandIn(start.body.authorizeUrl, idNumber);
  const finish = await api('finishVneid', { body: { code, state } });
  if (finish.status !== 200) throw new Error(`finish refused: ${finish.text}`);
  const session = await firebaseSignInWithVneid(finish.body.idToken);
  return { idToken: session.idToken, uid: session.localId };
}
