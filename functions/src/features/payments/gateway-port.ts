// A payment gateway behind a port: a signed redirect that takes the applicant to the gateway's payment
// page, and the verification of what the gateway sends back (its server-to-server notification, and the
// browser's return). One adapter implements it for VNPAY's protocol (vnpay-gateway.ts); the local stand-in
// plays the gateway in development and tests.

/** A payment the applicant is sent to make. */
export type GatewayOrder = {
  readonly reference: string;
  readonly amountVnd: number;
  /** Shown on the gateway's page: ASCII only (the gateway refuses Vietnamese marks here). */
  readonly orderInfo: string;
  readonly returnUrl: string;
  readonly ipAddr: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
};

/** What a signed notification says, once its signature is checked. */
export type GatewayNotice = {
  /** The signature matches our secret: only then does anything below count. */
  readonly verified: boolean;
  /** The gateway reports the payment as made (response and transaction status 00). */
  readonly success: boolean;
  readonly reference: string;
  readonly amountVnd: number;
  readonly transactionNo: string | null;
  readonly bankCode: string | null;
  /** How it was paid (ATM, QRCODE, VIETQR for a bank transfer reported through the gateway…). */
  readonly cardType: string | null;
  readonly payDate: string | null;
  readonly responseCode: string | null;
};

export type PaymentGateway = {
  paymentUrl(order: GatewayOrder): string;
  /** Undefined when the parameters are not a notification at all (no reference, no amount). */
  verify(params: Readonly<Record<string, string>>): GatewayNotice | undefined;
};
