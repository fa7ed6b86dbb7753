// Emails that Firebase Auth itself sends. The Admin SDK can only *generate* action links; asking the
// Identity Toolkit API with the server's own credentials (`accounts:sendOobCode`, no `returnOobLink`)
// makes Firebase send the email from the project's template, to the account's address. So the link
// reaches only whoever reads that mailbox: the server never sees or returns it.
// Under the emulators the same request goes to the Auth emulator (Bearer "owner", as the Admin SDK
// does), which keeps the code at /emulator/v1/projects/<project>/oobCodes instead of mailing it.
import { getApps, initializeApp, type App } from 'firebase-admin/app';

function defaultApp(): App {
  return getApps().find((app) => app.name === '[DEFAULT]') ?? initializeApp();
}

function projectId(app: App): string {
  const id = app.options.projectId ?? process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT;
  if (!id) throw new Error('No project id: cannot ask Firebase Auth to send an email');
  return id;
}

async function endpoint(app: App): Promise<{ base: string; token: string; quotaProject?: string }> {
  const emulator = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (emulator) return { base: `http://${emulator}/identitytoolkit.googleapis.com/v1`, token: 'owner' };
  const credential = app.options.credential;
  if (!credential) throw new Error('The Admin SDK app has no credential');
  // A person's own credentials (`gcloud auth application-default login`, as `npm run admin` uses) need
  // a quota project on this API; the Admin SDK sends the same header for its own Auth calls.
  const quotaProject = process.env.GOOGLE_CLOUD_QUOTA_PROJECT || (credential as { getQuotaProjectId?: () => string | undefined }).getQuotaProjectId?.();
  return { base: 'https://identitytoolkit.googleapis.com/v1', token: (await credential.getAccessToken()).access_token, ...(quotaProject ? { quotaProject } : {}) };
}

/**
 * Has Firebase Auth email `email` a one-time link to choose a password (an out-of-band PASSWORD_RESET
 * code: it works once and expires). After it, the browser returns to `continueUrl`, which must be on
 * an authorised domain of the project (the Hosting domains are).
 */
export async function sendPasswordSetupEmail(email: string, continueUrl: string): Promise<void> {
  const app = defaultApp();
  const { base, token, quotaProject } = await endpoint(app);
  const res = await fetch(`${base}/projects/${encodeURIComponent(projectId(app))}/accounts:sendOobCode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(quotaProject ? { 'x-goog-user-project': quotaProject } : {}) },
    body: JSON.stringify({ requestType: 'PASSWORD_RESET', email, continueUrl }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) {
    const detail = await res.text().catch(() => '');
    throw new Error(`Firebase Auth refused to send the password email (${res.status}): ${detail.slice(0, 300)}`);
  }
}
