// Production dependencies of the notification worker: one SMTP transport per instance, the local SMS sink
// (no SMS provider adapter is configured yet), the wall clock and Math.random for jitter.
import { MAIL_FROM, SMTP_HOST, SMTP_PORT } from '../../config.js';
import { db } from '../../platform/firestore.js';
import type { DeliveryDeps } from './deliver.js';
import { smsSink, smtpTransport, type EmailTransport } from './transports.js';

let email: EmailTransport | undefined;

export function deliveryDeps(): DeliveryDeps {
  email ??= smtpTransport({ host: SMTP_HOST.value(), port: SMTP_PORT.value(), secure: SMTP_PORT.value() === 465, from: MAIL_FROM.value() });
  const now = () => new Date();
  return { db: db(), now, transports: { email, sms: smsSink(db(), now) }, random: Math.random };
}
