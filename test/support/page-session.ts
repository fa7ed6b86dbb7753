// The citizen's page session for tests of the pages the server draws with it (docs/adr/0014): a fresh
// sign-in (as the page's own form makes one), POST /api/session through Hosting, and the cookie it sets.
import { expect } from 'vitest';
import { admin, AUTH_HOST, HOSTING_URL } from './emulators.js';
import { idTokenFor, type TestIdentity } from './identity.js';

/** A sign-in made now (the token's auth_time is this instant), as the page's sign-in form gives one. */
export async function freshToken(identity: TestIdentity): Promise<string> {
  await idTokenFor(identity); // creates the user with its claims
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: await admin().auth.createCustomToken(identity.uid), returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`no token for ${identity.uid}: ${JSON.stringify(body)}`);
  return body.idToken;
}

export const startSession = (token: string) =>
  fetch(`${HOSTING_URL}/api/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });

/** The `__session` cookie a response sets, with its attributes, or undefined. */
export const setCookieOf = (res: Response): string | undefined => res.headers.getSetCookie().find((c) => c.startsWith('__session='));
export const valueOf = (setCookie: string): string => /^__session=([^;]*)/.exec(setCookie)![1]!;

/** The page-session cookie's value for `identity`, signed in just now. */
export async function cookieFor(identity: TestIdentity): Promise<string> {
  const res = await startSession(await freshToken(identity));
  expect(res.status, await res.clone().text()).toBe(200);
  return valueOf(setCookieOf(res)!);
}
