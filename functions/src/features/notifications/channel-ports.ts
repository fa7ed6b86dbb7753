// The ports every delivery channel implements, and the one error they throw. Delivery code and the
// provider adapters (SMTP, eSMS, Zalo ZNS, the local sinks) depend on these and never on each other.
export type OutgoingEmail = { to: string; subject: string; text: string; messageId: string };
export type OutgoingSms = { to: string; text: string; notificationId: string };

/** Thrown by a transport: `temporary` failures are retried, `permanent` ones stop. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'temporary' | 'permanent',
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface EmailTransport {
  send(mail: OutgoingEmail): Promise<void>;
}
export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}

export type OutgoingZalo = { to: string; dossierCode: string; text: string; notificationId: string };
export interface ZaloSender {
  send(message: OutgoingZalo): Promise<void>;
}

export type Transports = { email: EmailTransport; sms: SmsSender; zalo: ZaloSender };
