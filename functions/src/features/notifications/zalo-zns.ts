// Zalo Notification Service (ZNS): a message from the province's Official Account to the phone number's
// Zalo account, through a template registered with Zalo beforehand. The template for motcua has two
// parameters: `ma_ho_so` (dossier code) and `noi_dung` (the Vietnamese message). Access tokens live about
// a day and come from zalo-token.ts.
import { z } from 'zod';
import { postToProvider } from './provider-http.js';
import { DeliveryError, type OutgoingZalo, type ZaloSender } from './channel-ports.js';

export type ZnsSettings = { baseUrl: string; templateId: string; accessToken: (opts: { rejected?: string }) => Promise<string> };

const Answer = z.looseObject({ error: z.number(), message: z.string().optional() });

/** Zalo error codes that retrying cannot fix: bad phone, no Zalo account, template or its data invalid. */
const PERMANENT = new Set([-108, -109, -111, -112, -118, -119]);
const INVALID_TOKEN = -124;
const NOI_DUNG_MAX = 400;

/** `+84912345678` / `0912345678` → `84912345678`, the form ZNS documents. */
export function znsPhone(phone: string): string {
  return phone.replace(/^\+/, '').replace(/^0/, '84');
}

export function znsSender(settings: ZnsSettings): ZaloSender {
  const post = async (message: OutgoingZalo, token: string) =>
    Answer.safeParse(
      await postToProvider(`${settings.baseUrl}/message/template`, {
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify({
          phone: znsPhone(message.to),
          template_id: settings.templateId,
          template_data: { ma_ho_so: message.dossierCode, noi_dung: message.text.slice(0, NOI_DUNG_MAX) },
          tracking_id: message.notificationId,
        }),
      }),
    );
  return {
    async send(message) {
      if (!settings.templateId) throw new DeliveryError('permanent', 'ZNS is selected but ZALO_ZNS_TEMPLATE_ID is empty');
      const token = await settings.accessToken({});
      let answer = await post(message, token);
      // A token revoked or expired early: refresh once and try again within the same attempt.
      if (answer.success && answer.data.error === INVALID_TOKEN) answer = await post(message, await settings.accessToken({ rejected: token }));
      if (!answer.success) throw new DeliveryError('temporary', 'ZNS answer without an error code');
      const { error, message: text } = answer.data;
      if (error === 0) return;
      throw new DeliveryError(PERMANENT.has(error) ? 'permanent' : 'temporary', `ZNS ${error}: ${text ?? ''}`.trim());
    },
  };
}
