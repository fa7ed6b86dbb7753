// What the address says: the dossier code in the path (/tra-cuu/<code>) and the receipt's token (?t=),
// which the QR code carries and which unlocks the full view. A code typed into the form has no token.
export const codeInPath = decodeURIComponent(location.pathname.replace(/^\/tra-cuu\/?/, '').replace(/\/$/, ''));
export const token = new URLSearchParams(location.search).get('t');

/** The address of a typed code, without a token. */
export const pathOf = (code: string): string => `/tra-cuu/${encodeURIComponent(code)}`;
