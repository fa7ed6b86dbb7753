// Production dependencies of the fee payments: the VNPAY adapter and the fee account from parameters and
// the hash secret (read per call: params are not available at module load), the working calendar, the clock.
import { FEE_ACCOUNT_BIN, FEE_ACCOUNT_NAME, FEE_ACCOUNT_NUMBER, PAYMENT_GATEWAY_URL, PAYMENT_HASH_SECRET, PAYMENT_TMN_CODE, publicOrigin } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { db } from '../../platform/firestore.js';
import { workingCalendar } from '../../store/reference-data.js';
import type { PaymentDeps } from './payment.handler.js';
import { feeAccountProblem, vietQrPayload, type FeeAccount } from '../../platform/vietqr.js';
import { vnpayGateway } from './vnpay-gateway.js';

const account = (): FeeAccount => ({ bin: FEE_ACCOUNT_BIN.value(), accountNumber: FEE_ACCOUNT_NUMBER.value(), accountName: FEE_ACCOUNT_NAME.value() });

export function paymentDeps(): PaymentDeps {
  return {
    db: db(),
    now: () => new Date(),
    caller: getCaller,
    calendar: () => workingCalendar(db()),
    gateway: () => vnpayGateway({ paymentUrl: PAYMENT_GATEWAY_URL.value(), tmnCode: PAYMENT_TMN_CODE.value(), hashSecret: PAYMENT_HASH_SECRET.value() }),
    gatewayConfigured: () => PAYMENT_GATEWAY_URL.value() !== '' && PAYMENT_TMN_CODE.value() !== '',
    account,
    origin: publicOrigin,
    vietQrPayloadOf: (amountVnd, reference) => (feeAccountProblem(account()) ? '' : vietQrPayload(account(), amountVnd, reference)),
  };
}
