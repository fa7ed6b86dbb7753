// Channel adapters. Delivery code sees only these interfaces, so tests inject a failing transport and
// production swaps providers without touching the ledger logic.
import type { Firestore } from 'firebase-admin/firestore';
import { createTransport } from 'nodemailer';
import { expiresAfter, RETENTION_DAYS } from '../../store/retention.js';
import { DeliveryError, type EmailTransport, type SmsSender, type ZaloSender } from './channel-ports.js';

/** `user` empty: a relay that needs no login (the local catcher, or one that trusts the network). */
export type SmtpSettings = { host: string; port: number; from: string; secure: boolean; user: string; password: string };

/**
 * SMTP through nodemailer. SMTP 5xx replies are permanent (bad address, refused); 4xx replies and network
 * errors are temporary.
 */
export function smtpTransport(settings: SmtpSettings): EmailTransport {
  const transporter = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // A local catcher has no certificate; a production relay negotiates STARTTLS itself.
    ignoreTLS: !settings.secure && ['127.0.0.1', 'localhost'].includes(settings.host),
    connectionTimeout: 10_000,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
  });
  return {
    async send(mail) {
      if (!settings.host) throw new DeliveryError('permanent', 'SMTP_HOST is not configured');
      try {
        await transporter.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.messageId}@motcua>`,
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const kind = code !== undefined && code >= 500 ? 'permanent' : 'temporary';
        throw new DeliveryError(kind, err instanceof Error ? err.message : String(err));
      }
    },
  };
}

export const SMS_SINK = 'smsSink';
export const ZALO_SINK = 'zaloSink';

/**
 * Local SMS sink: under the emulators (and until a provider adapter is configured) messages are written to
 * `smsSink/{notificationId}` so a developer can read them. Keyed by the notification, so a re-send overwrites.
 */
export function smsSink(db: Firestore, now: () => Date): SmsSender {
  return {
    async send(sms) {
      const at = now();
      await db.collection(SMS_SINK).doc(sms.notificationId).set({ to: sms.to, text: sms.text, at, expiresAt: expiresAfter(at, RETENTION_DAYS.messageSink) });
    },
  };
}

/** Local Zalo sink, like the SMS one: `zaloSink/{notificationId}` under the emulators. */
export function zaloSink(db: Firestore, now: () => Date): ZaloSender {
  return {
    async send(message) {
      const at = now();
      await db.collection(ZALO_SINK).doc(message.notificationId).set({ to: message.to, dossierCode: message.dossierCode, text: message.text, at, expiresAt: expiresAfter(at, RETENTION_DAYS.messageSink) });
    },
  };
}
