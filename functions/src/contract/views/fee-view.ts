// The procedure's fees as a citizen reads them before and after applying: each fee with its amount, the
// total, and how it is paid here (the agency's fee notice with its VietQR code, or the payment gateway,
// both on "Hồ sơ của tôi"; features/payments). Drawn by the server in the wizard's first step and by the
// pages (hosting/src/shared/fee.ts).
import type { Bilingual } from '../../domain/shared/bilingual.js';
import { formatVnd } from '../format.js';
import { el, type Translate, type ViewNode } from './node.js';

export type FeeLine = { amountVnd: number; description: Bilingual };

export const HOW_TO_PAY: Bilingual = {
  vi: 'Cách nộp: khi hồ sơ đến bước thu phí, cơ quan gửi thông báo nộp phí vào mục Hồ sơ của tôi; bạn quét mã VietQR bằng ứng dụng ngân hàng hoặc thanh toán qua cổng thanh toán trực tuyến, rồi nhận biên lai điện tử. Cũng có thể nộp tại Bộ phận Một cửa.',
  en: 'How to pay: when the dossier reaches payment, the agency sends a fee notice to My dossiers; scan its VietQR code with a banking app or pay through the online gateway, and get an e-receipt. You can also pay at the one-stop desk.',
};

/** "Phí, lệ phí: 50.000 đ" with the fees listed when there are several, and how to pay (nothing to pay: said plainly). */
export function feeView(fees: readonly FeeLine[], id: string, t: Translate): ViewNode {
  const total = fees.reduce((sum, f) => sum + f.amountVnd, 0);
  const label = el('strong', {}, t({ vi: 'Phí, lệ phí: ', en: 'Fees: ' }));
  if (total === 0) {
    return el('div', { class: 'fee-block', id }, el('p', {}, label, el('span', { 'data-testid': 'fee-total' }, t({ vi: 'Không mất phí', en: 'Free of charge' }))));
  }
  return el(
    'div',
    { class: 'fee-block', id },
    el('p', {}, label, el('span', { 'data-testid': 'fee-total' }, formatVnd(total))),
    fees.length > 1
      ? el('ul', {}, ...fees.map((f) => el('li', {}, `${t(f.description)}: ${formatVnd(f.amountVnd)}`)))
      : fees[0]
        ? el('p', { class: 'hint' }, t(fees[0].description))
        : null,
    el('p', { class: 'hint', 'data-testid': 'how-to-pay' }, t(HOW_TO_PAY)),
  );
}
