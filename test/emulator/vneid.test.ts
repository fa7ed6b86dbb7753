// Signing in with the national electronic identity (VNeID) through OpenID Connect, against the local
// stand-in (scripts/lib/oidc-stand-in.ts, started by npm test): the verified personal ID number is mapped
// to the account and to its applications, the account is marked for the national index, and every bad
// link is refused with a bilingual message and nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { api, numbered, APPLICANT, landRenewal, rid } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { authorizeAtStandIn, firebaseSignInWithVneid, signInWithVneid } from '../support/vneid.js';

const { db, auth } = admin();

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('VNeID sign-in', () => {
  it('signs in, maps the verified ID number to the account and marks it', async () => {
    const { idToken, uid } = await signInWithVneid('001190012345');
    const decoded = await auth.verifyIdToken(idToken);
    expect(decoded.firebase.sign_in_provider).toBe('oidc.vneid');
    const profile = await api('getProfile', {}, { idToken });
    expect(profile.status, profile.text).toBe(200);
    expect(profile.body.signInMethod).toBe('oidc.vneid');
    expect(profile.body.vneid).toMatchObject({ idNumber: '001190012345', fullName: 'Nguyễn Thị Hoà' });
    // The mark the national index counts (Decision 766, 4.5): users/{uid}.vneid.
    const user = (await db.doc(`users/${uid}`).get()).data();
    expect(user?.vneid).toMatchObject({ idNumber: '001190012345', sub: '001190012345' });
    // Applying as themself: the dossier is marked as filed in a VNeID-authenticated session.
    const ok = await api('submitDossier', { body: landRenewal(rid('vneid')) }, { idToken });
    expect(ok.status, ok.text).toBe(201);
    expect(numbered(ok).dossier.vneidAuthenticated).toBe(true);
  });

  it('refuses an application whose ID number is not the verified one, and writes nothing', async () => {
    const { idToken, uid } = await signInWithVneid('038085004321');
    const before = (await db.collection('dossiers').where('ownerUserId', '==', uid).get()).size;
    const res = await api('submitDossier', { body: landRenewal(rid('mismatch'), APPLICANT) }, { idToken });
    expect(res.status, res.text).toBe(400);
    const field = res.body.error?.fields.find((f) => f.path === 'applicant.identity.number');
    expect(field?.message.vi).toMatch(/không khớp với tài khoản định danh điện tử/);
    expect(field?.message.en).toMatch(/does not match the electronic identity/);
    expect(field?.message.vi).toContain('••••••••4321');
    expect((await db.collection('dossiers').where('ownerUserId', '==', uid).get()).size).toBe(before);
    // The profile may not claim another ID number either.
    const consent = await api('putConsent', { params: { purpose: 'profile' }, body: { granted: true, noticeVersion: '2026-12-01' } }, { idToken });
    expect(consent.status, consent.text).toBe(200);
    const profile = await api(
      'putProfile',
      { body: { fullName: 'Trần Văn Bình', idNumber: '001190012345', phone: '0912345678', address: { line: '1 Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } } },
      { idToken },
    );
    expect(profile.status).toBe(400);
    expect(profile.body.error?.fields[0]?.path).toBe('idNumber');
  });

  it('refuses a replayed, unknown or expired sign-in link with a bilingual message', async () => {
    const start = await api('startVneid', {});
    const { code, state } = await authorizeAtStandIn(start.body.authorizeUrl, '052170009876');
    expect((await api('finishVneid', { body: { code, state } })).status).toBe(200);
    const replay = await api('finishVneid', { body: { code, state } });
    expect(replay.status).toBe(400);
    expect(replay.body.error?.fields[0]).toMatchObject({ path: 'state' });
    expect(replay.body.error?.message.vi).toMatch(/hết hạn hoặc đã được dùng/);
    expect(replay.body.error?.message.en).toMatch(/expired or was already used/);

    const unknown = await api('finishVneid', { body: { code: 'x', state: 'a'.repeat(32) } });
    expect(unknown.status).toBe(400);
    const malformed = await api('finishVneid', { body: { code: '', state: '../../x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.fields.map((f) => f.path).sort()).toEqual(['code', 'state']);

    // A state past its ten minutes is refused and removed.
    const late = await api('startVneid', {});
    const lateState = new URL(late.body.authorizeUrl).searchParams.get('state')!;
    await db.doc(`oidcStates/${lateState}`).update({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await api('finishVneid', { body: { code: 'whatever', state: lateState } });
    expect(expired.status).toBe(400);
    expect(expired.body.error?.message.vi).toMatch(/hết hạn/);
    expect((await db.doc(`oidcStates/${lateState}`).get()).exists).toBe(false);

    // A code the provider never issued (or already redeemed) is refused by the provider: a clear 400.
    const fresh = await api('startVneid', {});
    const freshState = new URL(fresh.body.authorizeUrl).searchParams.get('state')!;
    const badCode = await api('finishVneid', { body: { code: code, state: freshState } });
    expect(badCode.status, badCode.text).toBe(400);
    expect(badCode.body.error?.fields[0]?.path).toBe('code');
  });

  it('the stand-in refuses a person it does not know (no account is made)', async () => {
    const start = await api('startVneid', {});
    await expect(authorizeAtStandIn(start.body.authorizeUrl, '999999999999')).rejects.toThrow();
  });

  it('a forged ID token does not become a verified identity', async () => {
    // The Auth emulator accepts any ID token for an OIDC provider (production verifies it against the
    // configured issuer); the API only trusts identities whose token it verified itself on finish.
    const forged = ['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify({ sub: 'forged-subject', so_dinh_danh: '001190012345', iss: 'x', aud: 'y' })).toString('base64url'), ''].join('.');
    const { idToken } = await firebaseSignInWithVneid(forged);
    const profile = await api('getProfile', {}, { idToken });
    expect(profile.status).toBe(200);
    expect(profile.body.vneid).toBeNull();
  });
});
