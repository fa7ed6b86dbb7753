// POST /api/session — a citizen's page session: with a freshly signed-in ID token (Authorization: Bearer),
// the server sets the `__session` cookie (HttpOnly, Secure, SameSite=Strict, 5 days) that lets it send
// "Hồ sơ của tôi" (/ho-so/) with the list already drawn (issue 20). DELETE /api/session clears it (sign-out).
// The cookie is read by that page only: every API call still carries the ID token. docs/SECURITY.md.

/** No fields: the token is the request's Authorization header. */
export type SessionBody = Record<never, never>;
/** When the cookie ends (it is HttpOnly: the page cannot read it). */
export type SessionAnswer = { session: { expiresAt: string } };
export type EndSessionAnswer = { session: null };
