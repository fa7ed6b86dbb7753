// The procedure's fees and how to pay them, drawn from the contract's view (contract/views/fee-view.ts),
// the same tree the server prints in the wizard's first step.
import { feeView, type FeeLine } from '../../../functions/src/contract/views/fee-view.js';
import { t } from './i18n.js';
import { toDom } from './view-dom.js';

export { HOW_TO_PAY, type FeeLine } from '../../../functions/src/contract/views/fee-view.js';

export function feeBlock(fees: readonly FeeLine[], id: string): HTMLElement {
  return toDom(feeView(fees, id, t)) as HTMLElement;
}
