// Accounts: the signed-in person's profile, and single sign-on with the national electronic identity
// (VNeID) through an OpenID Connect provider configured in Firebase Authentication (docs/adr/0006).

/** The Firebase Authentication provider id of the VNeID OpenID Connect provider. */
export const VNEID_PROVIDER_ID = 'oidc.vneid';

export type ProfileAddress = { line: string; communeName: string; provinceName: string };

/** PUT /api/me/profile — name as on the ID, ID number, phone, address to commune level. */
export type ProfileBody = { fullName: string; idNumber: string; phone: string; address: ProfileAddress };

/** GET /api/me/profile — who the session is, how it signed in, and the saved profile (with consent). */
export type ProfileAnswer = {
  uid: string;
  email: string | null;
  /** `password`, `phone`, `oidc.vneid`, `custom`… (how this session was authenticated). */
  signInMethod: string | null;
  emailVerified: boolean;
  /** Set when the session was authenticated by VNeID: the verified personal ID number and name. */
  vneid: { idNumber: string; fullName: string | null; verifiedAt: string } | null;
  profile: ProfileBody | null;
  /** Saving a profile needs the `profile` consent (its legal basis). */
  profileConsent: boolean;
};

/** POST /api/auth/vneid/start — where to send the browser to sign in with VNeID (it comes back to /dang-nhap/vneid). */
export type VneidStartAnswer = { authorizeUrl: string };

/** POST /api/auth/vneid/finish — the provider's answer, checked by the server; the ID token signs in to Firebase. */
export type VneidFinishBody = { code: string; state: string };
export type VneidFinishAnswer = { idToken: string; idNumber: string; fullName: string | null };
