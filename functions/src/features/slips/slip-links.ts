// The public addresses a slip prints (and encodes in its QR code): lookup and rating, each carrying the
// dossier's lookup token, since the code alone is guessable (Circular 01 Art. 16).
const trimOrigin = (origin: string) => origin.replace(/\/+$/, '');

export const lookupUrl = (origin: string, code: string, token: string): string =>
  `${trimOrigin(origin)}/tra-cuu/${encodeURIComponent(code)}?t=${token}`;

export const ratingUrl = (origin: string, code: string, token: string): string =>
  `${trimOrigin(origin)}/danh-gia/${encodeURIComponent(code)}?t=${token}`;

export const procedureUrl = (origin: string, procedureCode: string): string =>
  `${trimOrigin(origin)}/thu-tuc/${encodeURIComponent(procedureCode)}`;
