// How a fee was paid, and its words on receipts and pages: zod-free, so the pages can show it through the
// contract (contract/facts.ts) without shipping the schemas of fee-notice.ts.
export const PAYMENT_METHODS = ['gateway', 'bankTransfer', 'desk'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS = {
  gateway: { vi: 'Thanh toán trực tuyến qua cổng thanh toán', en: 'Online through a payment gateway' },
  bankTransfer: { vi: 'Chuyển khoản ngân hàng (VietQR)', en: 'Bank transfer (VietQR)' },
  desk: { vi: 'Nộp tại Bộ phận Một cửa', en: 'At the one-stop desk' },
} as const satisfies Record<PaymentMethod, { vi: string; en: string }>;
