// The dossier's fee as the citizen sees it: the fee notice while it awaits payment (amount, in words, the
// payment reference, the VietQR code a banking app scans, the button to pay through the gateway), the
// gateway's result the browser came back with, and the e-receipt of each payment, printable.
import { PAYMENT_METHOD_LABELS, type ReceiptView } from '../../../functions/src/contract/index.js';
import { h } from '../shared/dom.js';
import { formatDateTime, formatVnd } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import type { FeeNoticeView } from './api.js';
import { payByGateway } from './payment.js';
import { page } from './state.js';

const row = (term: string, value: string | null, testId?: string): HTMLElement[] =>
  value === null ? [] : [h('dt', {}, term), h('dd', testId ? { 'data-testid': testId } : {}, value)];

/** The bank account to transfer to and the VietQR code that fills it in, with the reference as the transfer's content. */
function vietQr(notice: FeeNoticeView): HTMLElement | null {
  const qr = notice.vietQr;
  if (!qr) return null;
  return h(
    'figure',
    { class: 'vietqr', id: 'fee-qr' },
    h('img', {
      src: qr.image,
      width: 220,
      height: 220,
      'data-payload': qr.payload,
      alt: t({ vi: `Mã VietQR: chuyển ${formatVnd(notice.amountVnd)} tới tài khoản ${qr.accountNumber}, nội dung ${notice.reference}`, en: `VietQR code: transfer ${formatVnd(notice.amountVnd)} to account ${qr.accountNumber}, content ${notice.reference}` }),
    }),
    h(
      'figcaption',
      {},
      h('p', { class: 'hint' }, t({ vi: 'Quét mã bằng ứng dụng ngân hàng: số tiền và nội dung đã được điền sẵn. Hoặc chuyển khoản theo thông tin dưới đây, ghi đúng nội dung.', en: 'Scan the code with a banking app: the amount and content are filled in. Or transfer with the details below, keeping the content exactly.' })),
      h(
        'dl',
        {},
        ...row(t({ vi: 'Ngân hàng', en: 'Bank' }), qr.bankName),
        ...row(t({ vi: 'Số tài khoản', en: 'Account number' }), qr.accountNumber, 'qr-account'),
        ...row(t({ vi: 'Chủ tài khoản', en: 'Account holder' }), qr.accountName),
        ...row(t({ vi: 'Nội dung chuyển khoản', en: 'Transfer content' }), notice.reference, 'qr-content'),
      ),
    ),
  );
}

function noticePanel(notice: FeeNoticeView, canPay: boolean): HTMLElement {
  const open = notice.state === 'open';
  const output = h('p', { id: 'pay-status', class: 'status', role: 'status' });
  const button = h('button', { type: 'button', id: 'pay-gateway' }, t({ vi: 'Thanh toán trực tuyến qua cổng thanh toán', en: 'Pay online through the payment gateway' }));
  button.addEventListener('click', () => void payByGateway(notice.reference, button, output));
  if (page.paymentError) {
    output.dataset.state = 'error';
    output.textContent = t(page.paymentError);
  }
  return h(
    'div',
    { id: 'fee-notice', class: 'panel', 'data-state': notice.state },
    h('h3', {}, t({ vi: 'Thông báo nộp phí, lệ phí', en: 'Fee notice' })),
    h(
      'dl',
      {},
      ...row(t({ vi: 'Nội dung', en: 'For' }), notice.description),
      ...row(t({ vi: 'Số tiền', en: 'Amount' }), formatVnd(notice.amountVnd), 'fee-amount'),
      ...row(t({ vi: 'Bằng chữ', en: 'In words' }), notice.amountInWords, 'fee-words'),
      ...row(t({ vi: 'Mã thanh toán', en: 'Payment reference' }), notice.reference, 'fee-reference'),
      ...row(t({ vi: 'Ngày thông báo', en: 'Issued' }), formatDateTime(notice.requestedAt)),
      ...row(t({ vi: 'Đã thanh toán lúc', en: 'Paid at' }), notice.paidAt ? formatDateTime(notice.paidAt) : null, 'fee-paid-at'),
    ),
    open ? vietQr(notice) : null,
    open && canPay ? h('div', { class: 'actions' }, button) : null,
    open ? output : null,
  );
}

function receiptPanel(r: ReceiptView): HTMLElement {
  const print = h('button', { type: 'button', class: 'secondary no-print' }, t({ vi: 'In biên lai', en: 'Print the receipt' }));
  print.addEventListener('click', () => window.print());
  return h(
    'article',
    { class: 'receipt panel', 'data-receipt': r.number, 'aria-labelledby': `receipt-${r.number.replace('/', '-')}` },
    h('h3', { id: `receipt-${r.number.replace('/', '-')}` }, t({ vi: `Biên lai thu phí, lệ phí điện tử số ${r.number}`, en: `E-receipt no. ${r.number}` })),
    h(
      'dl',
      {},
      ...row(t({ vi: 'Đơn vị thu', en: 'Issued by' }), r.issuedByName ?? r.issuedBy),
      ...row(t({ vi: 'Người nộp', en: 'Payer' }), r.payer),
      ...row(t({ vi: 'Mã hồ sơ', en: 'Dossier code' }), r.dossierCode),
      ...row(t({ vi: 'Nội dung', en: 'For' }), r.description),
      ...row(t({ vi: 'Số tiền', en: 'Amount' }), formatVnd(r.amountVnd), 'receipt-amount'),
      ...row(t({ vi: 'Bằng chữ', en: 'In words' }), r.amountInWords, 'receipt-words'),
      ...row(t({ vi: 'Hình thức', en: 'Paid by' }), t(PAYMENT_METHOD_LABELS[r.method]), 'receipt-method'),
      ...row(t({ vi: 'Mã giao dịch', en: 'Transaction' }), r.transactionNo),
      ...row(t({ vi: 'Mã thanh toán', en: 'Payment reference' }), r.reference),
      ...row(t({ vi: 'Thời điểm thanh toán', en: 'Paid at' }), formatDateTime(r.paidAt)),
    ),
    print,
  );
}

/** What the gateway said when it sent the browser back, as the server verified it (the receipt follows the notification). */
function gatewayReturn(): HTMLElement | null {
  const back = page.gatewayReturn;
  if (!back) return null;
  return h('p', { id: 'payment-return', class: 'status', role: 'status', 'data-state': back.verified && back.success ? 'ok' : 'error' }, t(back.message));
}

export function paymentSection(): HTMLElement | null {
  const payment = page.payment;
  const back = gatewayReturn();
  if (!payment?.feeNotice && !payment?.receipts.length) return back;
  return h(
    'section',
    { id: 'payment', 'aria-labelledby': 'payment-title' },
    h('h2', { id: 'payment-title' }, t({ vi: 'Phí, lệ phí', en: 'Fees' })),
    back,
    payment.feeNotice ? noticePanel(payment.feeNotice, payment.canPayOnline) : null,
    payment.receipts.length ? h('div', { id: 'receipts' }, ...payment.receipts.map(receiptPanel)) : null,
  );
}
