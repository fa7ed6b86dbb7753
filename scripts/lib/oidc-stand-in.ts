// A local OpenID Connect provider that stands in for VNeID under `npm start` and `npm test`
// (docs/adr/0010-national-identity.md). It is oidc-provider (panva/node-oidc-provider, the certified Node
// implementation) with its development login pages: the login is the person's 12-digit ID number (from
// seed/data/vneid-identities.ts; any password), then "Continue" to consent. Its ID tokens carry `name`,
// `birthdate` and the personal ID number in `so_dinh_danh` (VNEID_ID_CLAIM), signed with a key made at
// start. One confidential client, the portal, with the secret the functions read from
// functions/.secret.local. Listens on 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { VNEID_STAND_IN_IDENTITIES } from '../../seed/data/vneid-identities.js';
import { devSecret } from './emulator-env.js';

export const OIDC_STAND_IN_PORT = 9400;
export const OIDC_STAND_IN_ISSUER = `http://127.0.0.1:${OIDC_STAND_IN_PORT}`;
export const OIDC_STAND_IN_CLIENT_ID = 'motcua-local';

export type OidcStandIn = { issuer: string; close: () => Promise<void> };

export async function startOidcStandIn(options: { hostingPort: number; port?: number; quiet?: boolean }): Promise<OidcStandIn> {
  const port = options.port ?? OIDC_STAND_IN_PORT;
  const issuer = `http://127.0.0.1:${port}`;
  const callbacks = ['127.0.0.1', 'localhost'].map((host) => `http://${host}:${options.hostingPort}/dang-nhap/vneid`);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_STAND_IN_CLIENT_ID,
        client_secret: devSecret('VNEID_CLIENT_SECRET'),
        redirect_uris: callbacks,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'birthdate', 'so_dinh_danh'] },
    // The profile claims go into the ID token itself: the portal reads the ID number from it.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const person = VNEID_STAND_IN_IDENTITIES.find((p) => p.idNumber === id.trim());
      if (!person) return undefined;
      return {
        accountId: person.idNumber,
        claims: async () => ({ sub: person.idNumber, name: person.name, birthdate: person.birthdate, so_dinh_danh: person.idNumber }),
      };
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><title>VNeID (local)</title><h1>Lỗi đăng nhập / Sign-in error</h1><p id="oidc-error">${String(out.error)}</p>`;
    },
  });
  // Plain http on 127.0.0.1 is fine for a stand-in that never leaves the machine.
  provider.proxy = false;
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  if (!options.quiet) console.log(`[vneid] local OpenID Connect provider (stand-in for VNeID) at ${issuer}`);
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
