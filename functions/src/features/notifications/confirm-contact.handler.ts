// POST /api/contacts/confirm — confirms an applicant's typed contact (issue 12, finding 12). The first
// message about a dossier to an address or phone nobody has verified carries a link to the lookup page
// with `?xn=<kind>.<token>`; the page asks the reader to press Confirm (a mail scanner that opens links
// confirms nothing) and sends code and token here. A match records the address in
// `dossiers/{id}/private/contacts`, and later messages go to it (contact-policy.ts). No sign-in: holding
// the message is the proof. Counted against the caller's lookup quota, like every anonymous call.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi, CONTACT_KINDS, DossierCode, normaliseContact, verifyContactToken, type ContactKind } from '../../domain/index.js';
import type { ConfirmContactBody } from '../../contract/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { clientAddress, clientKey, consumeLookupQuota, rateLimited } from '../../platform/rate-limit.js';
import { personalRef } from '../../store/dossiers.js';
import { CONFIRMED_CONTACTS } from './fan-out.js';

export type ConfirmContactDeps = { db: Firestore; now: () => Date; secret: () => string; limitPerMinute: number };

export const ConfirmContactRequest = z.strictObject({
  code: DossierCode,
  contact: z
    .string()
    .regex(/^(email|phone)\.[A-Za-z0-9_-]{22}$/, bi('Liên kết xác nhận không đúng', 'the confirmation link is not valid'))
    .describe('Phần xn= của liên kết xác nhận / the xn= part of the confirmation link'),
});
type _Agrees = Agrees<SameShape<z.input<typeof ConfirmContactRequest>, ConfirmContactBody>>;

const NO_STORE = { 'Cache-Control': 'no-store' };
const NO_DOSSIER_ID = 'motcua-contact-miss';

function notFound(): ApiError {
  return new ApiError('not-found', {
    vi: 'Liên kết xác nhận không đúng hoặc đã cũ. Vui lòng mở lại liên kết trong thông báo đầu tiên về hồ sơ.',
    en: 'The confirmation link is wrong or out of date. Please open the link in the first notice about the dossier again.',
  });
}

/**
 * @idempotent by (dossier, contact kind, address): confirming again changes nothing and answers
 * `duplicate: true`; the first confirmation time is kept.
 */
export async function confirmContact(req: ApiRequest, deps: ConfirmContactDeps): Promise<Reply<'confirmContact'>> {
  const secret = deps.secret();
  const quota = await consumeLookupQuota(deps.db, clientKey(clientAddress(req), secret), deps.now(), deps.limitPerMinute);
  if (!quota.allowed) {
    const err = rateLimited(quota.retryAfterSeconds);
    return { status: err.status, body: err.toBody(), headers: { ...NO_STORE, 'Retry-After': String(quota.retryAfterSeconds) } };
  }
  const parsed = ConfirmContactRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const [kindText, token = ''] = parsed.data.contact.split('.') as [string, string];
  const kind = kindText as ContactKind;
  if (!CONTACT_KINDS.includes(kind)) throw notFound();

  const found = (await deps.db.collection('dossiers').where('code', '==', parsed.data.code).limit(1).get()).docs[0];
  const personal = found ? await personalRef(deps.db, found.id).get() : undefined;
  const applicant = (personal?.get('applicant') ?? {}) as { email?: unknown; phone?: unknown };
  const onRecord = kind === 'email' ? applicant.email : applicant.phone;
  const address = typeof onRecord === 'string' ? onRecord : '';
  // Verified on every path (a miss against a placeholder), so a miss and a wrong token cost the same.
  const matches = verifyContactToken(found?.id ?? NO_DOSSIER_ID, kind, address || 'none', token, secret);
  if (!found || !address || !matches) throw notFound();

  const ref = found.ref.collection('private').doc(CONFIRMED_CONTACTS);
  const normalised = normaliseContact(kind, address);
  const duplicate = await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get(`${kind}.address`) === normalised) return true;
    tx.set(ref, { [kind]: { address: normalised, confirmedAt: deps.now() } }, { merge: true });
    return false;
  });
  return { status: 200, headers: NO_STORE, body: { confirmed: true, channel: kind, ...(duplicate ? { duplicate: true as const } : {}) } };
}
