// POST /api/session — a citizen's page session: with a freshly signed-in ID token (Authorization: Bearer),
// or an older one beside the browser's own valid session cookie of the same account (a renewal),
// the server sets the `__session` cookie (HttpOnly, Secure, SameSite=Strict, 5 days) that lets it send
// "Hồ sơ của tôi" (/ho-so/) with the list, and the wizard (/nop-ho-so/<code>) with the citizen's first view,
// already drawn (issue 20). DELETE /api/session clears it (sign-out). The cookie is read by those pages
// only: every API call still carries the ID token. docs/SECURITY.md.

/** No fields: the token is the request's Authorization header. */
export type SessionBody = Record<never, never>;
/** When the cookie ends (it is HttpOnly: the page cannot read it). */
export type SessionAnswer = { session: { expiresAt: string } };
export type EndSessionAnswer = { session: null };
