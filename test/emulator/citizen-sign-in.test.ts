// Citizens sign in with a phone number or an email through the Auth emulator, and the API takes such a
// token as a citizen's (no role claim).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { api, numbered } from '../support/api.js';
import { admin, AUTH_HOST, PROJECT_ID } from '../support/emulators.js';

const { db, auth } = admin();
const identityToolkit = (method: string) => `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-api-key`;

/** The Auth emulator's REST API (not ours): sign-up and sign-in as a citizen's phone or browser would. */
async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

function submitAs(idToken: string, requestId: string) {
  return api(
    'submitDossier',
    {
      body: {
        requestId,
        procedureCode: '2.000884',
        receivingAgencyId: '000.21.01.H99',
        applicant: { kind: 'person', fullName: 'Đỗ Gia Bảo', identity: { kind: 'citizenId', number: '031099004321' }, phone: '0912000111', address: { line: '3 Hai Bà Trưng', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } },
        components: [{ componentId: 'document', originals: 1 }, { componentId: 'identity', copies: 1 }],
      },
    },
    { idToken },
  );
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('citizen sign-in', () => {
  it('signs in with a Vietnamese mobile number and submits as a citizen', async () => {
    const phoneNumber = `+8491${String(Date.now()).slice(-7)}`;
    const { sessionInfo } = await post<{ sessionInfo: string }>(identityToolkit('sendVerificationCode'), { phoneNumber, recaptchaToken: 'emulator' });
    const codes = (await (await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/verificationCodes`)).json()) as {
      verificationCodes: { sessionInfo: string; code: string }[];
    };
    const code = codes.verificationCodes.find((c) => c.sessionInfo === sessionInfo)!.code;
    const { idToken, phoneNumber: signedIn } = await post<{ idToken: string; phoneNumber: string }>(identityToolkit('signInWithPhoneNumber'), { sessionInfo, code });
    expect(signedIn).toBe(phoneNumber);
    const res = await submitAs(idToken, `phone-${Date.now().toString(36)}`);
    expect(res.status, res.text).toBe(201);
    const decoded = await auth.verifyIdToken(idToken);
    expect(numbered(res).dossier.ownerUserId).toBe(decoded.uid);
  });

  it('signs up with an email and password, may apply only once the address is verified', async () => {
    const email = `citizen-${Date.now().toString(36)}@example.vn`;
    const password = 'mat-khau-cong-dan';
    const { idToken } = await post<{ idToken: string }>(identityToolkit('signUp'), { email, password, returnSecureToken: true });
    const requestId = `email-${Date.now().toString(36)}`;
    const refused = await submitAs(idToken, requestId);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error?.reason).toBe('emailNotVerified');
    expect(refused.body.error?.message.vi).toMatch(/xác nhận địa chỉ email/);
    expect(refused.body.error?.message.en).toMatch(/Verify your email/);
    // The verification email's link carries an oob code; the emulator shows it at its REST endpoint.
    await post(identityToolkit('sendOobCode'), { requestType: 'VERIFY_EMAIL', idToken });
    const codes = (await (await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`)).json()) as { oobCodes: { email: string; oobCode: string; requestType: string }[] };
    const oobCode = codes.oobCodes.filter((c) => c.email === email && c.requestType === 'VERIFY_EMAIL').at(-1)!.oobCode;
    await post(identityToolkit('update'), { oobCode });
    // A used link is refused by the Auth service, as an expired one would be.
    const reused = await fetch(identityToolkit('update'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oobCode }) });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: { message: string } }).error.message).toMatch(/INVALID_OOB_CODE|EXPIRED_OOB_CODE/);
    const again = await post<{ idToken: string }>(identityToolkit('signInWithPassword'), { email, password, returnSecureToken: true });
    expect((await submitAs(again.idToken, requestId)).status).toBe(201);
  });

  it('refuses a token that is not a valid ID token', async () => {
    const res = await submitAs('not.a.token', 'bad-token-0001');
    expect(res.status).toBe(401);
    expect(res.body.error?.message.vi).toBe('Vui lòng đăng nhập lại.');
  });
});
