// Cache-Control values of the API's answers, named by who may keep a copy.
/** Public reference data (catalogue, agencies): browsers a minute, the CDN five minutes. */
export const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=60, s-maxage=300' } as const;
/** Anything about a person or a dossier: never stored by a browser or a proxy. */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;
