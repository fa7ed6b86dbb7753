// Production dependencies of the notification worker: one SMTP transport per instance, the SMS and Zalo
// providers chosen by parameters (local sinks under the emulators), the wall clock and Math.random.
import { getAuth } from 'firebase-admin/auth';
import { contactParam } from '../../domain/index.js';
import {
  LOOKUP_TOKEN_SECRET,
  publicOrigin,
  MAIL_FROM, SMS_API_BASE, SMS_API_KEY, SMS_BRANDNAME, SMS_PROVIDER, SMS_SANDBOX, SMS_SECRET_KEY, SMTP_HOST, SMTP_PASSWORD,
  SMTP_PORT, SMTP_USER, ZALO_API_BASE, ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OAUTH_BASE, ZALO_PROVIDER, ZALO_ZNS_TEMPLATE_ID,
} from '../../config.js';
import { db } from '../../platform/firestore.js';
import type { DeliveryDeps } from './deliver.js';
import { esmsSender } from './sms-esms.js';
import { smsSink, smtpTransport, zaloSink } from './transports.js';
import { type Transports } from './channel-ports.js';
import { zaloTokenSource } from './zalo-token.js';
import { znsSender } from './zalo-zns.js';

let transports: Transports | undefined;

function productionTransports(now: () => Date): Transports {
  const port = SMTP_PORT.value();
  const email = smtpTransport({
    host: SMTP_HOST.value(),
    port,
    secure: port === 465,
    from: MAIL_FROM.value(),
    user: SMTP_USER.value(),
    password: SMTP_USER.value() ? SMTP_PASSWORD.value() : '',
  });
  const sms =
    SMS_PROVIDER.value() === 'esms'
      ? esmsSender({ baseUrl: SMS_API_BASE.value(), apiKey: SMS_API_KEY.value(), secretKey: SMS_SECRET_KEY.value(), brandname: SMS_BRANDNAME.value(), sandbox: SMS_SANDBOX.value() })
      : smsSink(db(), now);
  const zalo =
    ZALO_PROVIDER.value() === 'zns'
      ? znsSender({
          baseUrl: ZALO_API_BASE.value(),
          templateId: ZALO_ZNS_TEMPLATE_ID.value(),
          accessToken: zaloTokenSource({ db: db(), now, oauthBaseUrl: ZALO_OAUTH_BASE.value(), appId: ZALO_APP_ID.value(), appSecret: ZALO_APP_SECRET.value() }),
        })
      : zaloSink(db(), now);
  return { email, sms, zalo };
}

/** Contacts: the confirmation address on the public lookup page, and what Firebase Auth verified of an owner. */
const contacts: NonNullable<DeliveryDeps['contacts']> = {
  confirmationLink: (dossierId, code, kind, address) =>
    `${publicOrigin()}/tra-cuu/${encodeURIComponent(code)}?xn=${contactParam(dossierId, kind, address, LOOKUP_TOKEN_SECRET.value())}`,
  account: async (uid) => {
    db(); // makes sure the default app exists
    const user = await getAuth()
      .getUser(uid)
      .catch((err: { code?: string }) => {
        if (err.code === 'auth/user-not-found') return undefined; // an owner whose account is gone verifies nothing
        throw err;
      });
    return user && { email: user.email, emailVerified: user.emailVerified, phoneNumber: user.phoneNumber };
  },
};

export function deliveryDeps(): DeliveryDeps {
  const now = () => new Date();
  transports ??= productionTransports(now);
  return { db: db(), now, transports, random: Math.random, contacts };
}
