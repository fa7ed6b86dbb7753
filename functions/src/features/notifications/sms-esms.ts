// SMS through eSMS.vn's brandname "customer care" API (SmsType 2): one JSON POST per message. The
// notification id goes as RequestId, so the provider drops a duplicate of a message we re-send after a
// lost answer (code 124 then means "already accepted").
import { z } from 'zod';
import { postToProvider } from './provider-http.js';
import { DeliveryError, type SmsSender } from './channel-ports.js';

export type EsmsSettings = { baseUrl: string; apiKey: string; secretKey: string; brandname: string; sandbox: boolean };

const Answer = z.looseObject({ CodeResult: z.union([z.string(), z.number()]).transform(String), ErrorMessage: z.string().optional() });

/** Codes that will not change by trying again: bad or blocked number, unknown brandname or template. */
const PERMANENT = new Set(['99', '104', '108', '118', '146', '177']);
/** Accepted, or accepted before under the same RequestId. */
const ACCEPTED = new Set(['100', '124']);

export function esmsSender(settings: EsmsSettings): SmsSender {
  return {
    async send(sms) {
      if (!settings.apiKey || !settings.secretKey || !settings.brandname) {
        throw new DeliveryError('permanent', 'eSMS is selected but SMS_API_KEY, SMS_SECRET_KEY or SMS_BRANDNAME is empty');
      }
      const body = {
        ApiKey: settings.apiKey,
        SecretKey: settings.secretKey,
        Brandname: settings.brandname,
        SmsType: '2',
        Phone: sms.to.replace(/^\+84/, '0'),
        Content: sms.text,
        IsUnicode: '1', // Vietnamese with diacritics: shorter segments, but readable
        Sandbox: settings.sandbox ? '1' : '0',
        RequestId: sms.notificationId,
      };
      const raw = await postToProvider(`${settings.baseUrl}/MainService.svc/json/SendMultipleMessage_V4_post_json/`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = Answer.safeParse(raw);
      if (!answer.success) throw new DeliveryError('temporary', 'eSMS answer without CodeResult');
      const code = answer.data.CodeResult;
      if (ACCEPTED.has(code)) return;
      // Credentials, balance and IP whitelist need an operator; retrying gives them time before giving up.
      throw new DeliveryError(PERMANENT.has(code) ? 'permanent' : 'temporary', `eSMS ${code}: ${answer.data.ErrorMessage ?? ''}`.trim());
    },
  };
}
