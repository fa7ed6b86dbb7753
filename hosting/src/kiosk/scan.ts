// What the kiosk's code field accepts: the receipt QR's address as a handheld scanner types it
// (`…/tra-cuu/<code>?t=<token>`, or the rating address `…/danh-gia/<code>?t=`), a full dossier code, or
// just the date and number (`261128-0001`, with or without the dash) that the desk's own agency issued:
// a citizen at the desk then types digits only.
export type Scanned = { code: string; token: string | null };

// As the domain's DOSSIER_CODE_PATTERN: the issuer (an agency or the national portal), YYMMDD or YYYYMMDD,
// and a daily sequence of 4 digits that widens past 9999 (a busy day never runs out of codes).
const FULL_CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{2})-(\d{6}|\d{8})-(\d{4,12})$/;
/** Date and number typed at the desk: `261128-0001`, `2611280001`, or a wider number with its dash. */
const SHORT_CODE = /^(\d{6})(?:-?(\d{4})|-(\d{5,12}))$/;
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export function parseScan(raw: string, kioskAgencyId: string): Scanned | null {
  const text = raw.trim();
  if (!text) return null;
  const inPath = /\/(?:tra-cuu|danh-gia)\/([^/?#\s]+)/.exec(text);
  if (inPath) {
    let code: string;
    try {
      code = decodeURIComponent(inPath[1]!).toUpperCase();
    } catch {
      return null;
    }
    if (!FULL_CODE.test(code)) return null;
    const query = /[?&]t=([^&#\s]*)/.exec(text)?.[1] ?? '';
    return { code, token: TOKEN.test(query) ? query : null };
  }
  const upper = text.toUpperCase();
  if (FULL_CODE.test(upper)) return { code: upper, token: null };
  const short = SHORT_CODE.exec(text);
  if (short) return { code: `${kioskAgencyId}-${short[1]}-${short[2] ?? short[3]}`, token: null };
  return null;
}
