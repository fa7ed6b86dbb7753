// Single sign-on with the national electronic identity (VNeID) through OpenID Connect, the authorization
// code flow with PKCE (docs/adr/0010-national-identity.md):
//   POST /api/auth/vneid/start   makes a one-time state (nonce, code verifier; 10 minutes) and answers the
//                                provider's authorization address; the browser goes there
//   POST /api/auth/vneid/finish  takes the code and state the provider sent back to /dang-nhap/vneid,
//                                exchanges the code with the client secret, verifies the ID token
//                                (signature by the provider's keys, issuer, audience, expiry, nonce) and
//                                records the personal ID number it carries (store/identity.ts); the page
//                                then signs in to Firebase with that ID token (provider `oidc.vneid`).
// The state is single-use and deleted in the same transaction that reads it: a replayed or stale link is
// refused with a message, never half-processed.
import { createHash, randomBytes } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { ApiError } from '../../platform/api-error.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { VneidFinishBody } from '../../contract/index.js';
import { recordVneidIdentity } from '../../store/identity.js';
import { revive } from '../../store/revive.js';

export const OIDC_STATES = 'oidcStates';
const STATE_TTL_MS = 10 * 60_000;

export type VneidConfig = { issuer: string; clientId: string; clientSecret: () => string; idClaim: string; redirectUri: string };
export type VneidDeps = { db: Firestore; now: () => Date; config: () => VneidConfig; fetch?: typeof fetch };

export const VneidFinishRequest = z.strictObject({
  code: z.string().min(1).max(512).describe('Mã ủy quyền / authorization code'),
  state: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Liên kết đăng nhập không hợp lệ / invalid sign-in link'),
});
type _FinishAgrees = Agrees<SameShape<z.input<typeof VneidFinishRequest>, VneidFinishBody>>;

type Discovery = { authorization_endpoint: string; token_endpoint: string; jwks_uri: string; issuer: string };
const discoveries = new Map<string, Promise<Discovery>>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function notConfigured(): ApiError {
  return new ApiError('not-found', { vi: 'Đăng nhập bằng VNeID chưa được cấu hình.', en: 'Sign-in with VNeID is not configured.' });
}

function providerUnavailable(): ApiError {
  return new ApiError('resource-exhausted', {
    vi: 'Không kết nối được hệ thống định danh điện tử VNeID. Vui lòng thử lại sau ít phút.',
    en: 'Could not reach the VNeID electronic identity service. Please try again in a few minutes.',
  });
}

function linkExpired(): ApiError {
  const message = {
    vi: 'Phiên đăng nhập VNeID đã hết hạn hoặc đã được dùng. Vui lòng bấm “Đăng nhập bằng VNeID” lần nữa.',
    en: 'This VNeID sign-in has expired or was already used. Please press “Sign in with VNeID” again.',
  };
  return new ApiError('invalid-argument', message, [{ path: 'state', message }]);
}

async function discover(deps: VneidDeps, issuer: string): Promise<Discovery> {
  let found = discoveries.get(issuer);
  if (!found) {
    found = (async () => {
      const res = await (deps.fetch ?? fetch)(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`discovery answered ${res.status}`);
      return (await res.json()) as Discovery;
    })();
    discoveries.set(issuer, found);
    found.catch(() => discoveries.delete(issuer));
  }
  return found.catch(() => {
    throw providerUnavailable();
  });
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** POST /api/auth/vneid/start (anyone): the authorization address for this attempt. */
/** The start takes no input: anything sent is refused before a state is written. */
const VneidStartRequest = z.strictObject({});

export async function startVneid(req: ApiRequest, deps: VneidDeps): Promise<Reply<'startVneid'>> {
  parseInput(VneidStartRequest, req.body);
  const config = deps.config();
  if (!config.issuer || !config.clientId) throw notConfigured();
  const discovery = await discover(deps, config.issuer);
  const state = b64url(randomBytes(24));
  const nonce = b64url(randomBytes(24));
  const codeVerifier = b64url(randomBytes(32));
  const now = deps.now();
  await deps.db.collection(OIDC_STATES).doc(state).create({ nonce, codeVerifier, createdAt: now, expiresAt: new Date(now.getTime() + STATE_TTL_MS) });
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state,
    nonce,
    code_challenge: b64url(createHash('sha256').update(codeVerifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { authorizeUrl: url.toString() } };
}

/** Reads and deletes the state in one transaction: it works once, within its ten minutes. */
async function takeState(deps: VneidDeps, state: string): Promise<{ nonce: string; codeVerifier: string }> {
  const ref = deps.db.collection(OIDC_STATES).doc(state);
  const found = await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return undefined;
    tx.delete(ref);
    return revive(snap.data()) as { nonce: string; codeVerifier: string; expiresAt: Date };
  });
  if (!found || !(found.expiresAt instanceof Date) || found.expiresAt <= deps.now()) throw linkExpired();
  return found;
}

/** POST /api/auth/vneid/finish (anyone): the verified ID token and the personal ID number it carries. */
export async function finishVneid(req: ApiRequest, deps: VneidDeps): Promise<Reply<'finishVneid'>> {
  const config = deps.config();
  if (!config.issuer || !config.clientId) throw notConfigured();
  const body = parseInput(VneidFinishRequest, req.body);
  const { nonce, codeVerifier } = await takeState(deps, body.state);
  const discovery = await discover(deps, config.issuer);
  const tokenRes = await (deps.fetch ?? fetch)(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret())}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: body.code, redirect_uri: config.redirectUri, code_verifier: codeVerifier }).toString(),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => {
    throw providerUnavailable();
  });
  const tokens = (await tokenRes.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!tokenRes.ok || typeof tokens.id_token !== 'string') {
    if (tokenRes.status >= 500) throw providerUnavailable();
    const message = { vi: 'Mã đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.', en: 'The VNeID sign-in code is invalid or has expired. Please sign in again.' };
    throw new ApiError('invalid-argument', message, [{ path: 'code', message }]);
  }
  const keys = keySets.get(discovery.jwks_uri) ?? createRemoteJWKSet(new URL(discovery.jwks_uri));
  keySets.set(discovery.jwks_uri, keys);
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(tokens.id_token, keys, { issuer: discovery.issuer, audience: config.clientId }));
  } catch {
    throw new ApiError('permission-denied', { vi: 'Thẻ định danh từ VNeID không xác minh được.', en: 'The identity token from VNeID could not be verified.' });
  }
  if (claims.nonce !== nonce || typeof claims.sub !== 'string') {
    throw new ApiError('permission-denied', { vi: 'Thẻ định danh từ VNeID không khớp với lần đăng nhập này.', en: 'The identity token from VNeID does not belong to this sign-in.' });
  }
  const idNumber = claims[config.idClaim];
  if (typeof idNumber !== 'string' || !/^\d{12}$/.test(idNumber)) {
    throw new ApiError('permission-denied', {
      vi: 'Tài khoản VNeID không cung cấp số định danh cá nhân hợp lệ (12 chữ số).',
      en: 'The VNeID account did not provide a valid personal identification number (12 digits).',
    });
  }
  const fullName = typeof claims.name === 'string' ? claims.name.normalize('NFC') : null;
  await recordVneidIdentity(deps.db, claims.sub, { idNumber, fullName }, deps.now());
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { idToken: tokens.id_token, idNumber, fullName } };
}
