// Demo dossiers for `npm start`: made through the HTTP API as the demo desk officer would, so the demo
// province has work in its queue and a dossier the deadline sweep visibly flags by itself. A signature
// certification is legally due within 4 working hours: received at start-up at the An Phú commune desk, it
// is due soon at the next sweep and overdue a few working hours later (sooner with `npm start -- --clock`).
//
// @idempotent by request id: a second run (e.g. after a failed start) finds the same dossier and the same
// reception instead of making new ones.
import { z } from 'zod';
import type { IntakeDossierBody } from '../functions/src/contract/index.js';
import { residentApplication } from './data/applications.js';
import { DEMO_PASSWORD, demoAccounts } from './data/officers.js';

export type DemoDossier = { id: string; code: string; dueAt: string; what: string };

const SignIn = z.object({ idToken: z.string() });
const Answer = z.looseObject({
  dossier: z.looseObject({
    id: z.string(),
    code: z.string(),
    version: z.number(),
    dueAt: z.string().nullish(),
  }),
});

async function idTokenOf(authHost: string, email: string): Promise<string> {
  const res = await fetch(
    `http://${authHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, returnSecureToken: true }),
    },
  );
  return SignIn.parse(await res.json()).idToken;
}

async function post(apiOrigin: string, token: string, path: string, body: object) {
  const res = await fetch(`${apiOrigin}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer: unknown = await res.json();
  if (!res.ok) throw new Error(`POST /api${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return Answer.parse(answer).dossier;
}

/** Records and receives the demo walk-in at An Phú; returns it with its due time. */
export async function createDemoDossiers(apiOrigin: string, authHost: string): Promise<DemoDossier[]> {
  const desk = demoAccounts.find((a) => a.email === 'tiepnhan.anphu@motcua.demo')!;
  const token = await idTokenOf(authHost, desk.email);
  const recorded = await post(apiOrigin, token, '/desk/dossiers', {
    ...residentApplication('demo-seed-signature-0001', '2.000884', [
      { componentId: 'document', originals: 1 },
      { componentId: 'identity', copies: 1 },
    ]),
    channel: 'desk',
  } satisfies IntakeDossierBody);
  // Fixed request ids: a repeated run gets the first answers back (the API's idempotency), version 1 included.
  const received = await post(apiOrigin, token, `/dossiers/${recorded.id}/actions`, {
    requestId: 'demo-seed-signature-0001-receive',
    expectedVersion: 1,
    action: { type: 'receive' },
  });
  if (!received.dueAt) throw new Error(`demo dossier ${received.code} has no due time after reception`);
  return [
    {
      id: received.id,
      code: received.code,
      dueAt: received.dueAt,
      what: 'Chứng thực chữ ký / signature certification, 4 working hours',
    },
  ];
}
