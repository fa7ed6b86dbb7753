// After a desk intake is recorded: its code, the "receive and print the receipt" button with its
// confirmation step (as for every action), then the receipt. The receipt (form 01) is made by a trigger
// after `receive`, so the page polls its download until it exists and then offers the PDF to print.
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { newRequestId } from '../shared/session.js';
import { slipId } from '../shared/slips.js';
import { fetchDossier, fetchSlip, postAction, type MovedDossier } from './api.js';
import { statusLabel, tx } from './labels.js';
import type { ViewContext } from './state.js';

/** Timers and the unmounted flag of the desk view, so polling stops when the officer leaves. */
export type Lifetime = { timers: Set<ReturnType<typeof setTimeout>>; unmounted: () => boolean };

export function showCreated(result: HTMLElement, d: MovedDossier, ctx: ViewContext, life: Lifetime): void {
  const receiveButton = h('button', { type: 'button', id: 'desk-receive' }, tx('Tiếp nhận và in giấy hẹn', 'Receive and print the receipt'));
  const out = h('div', { id: 'desk-receipt', 'aria-live': 'polite' });
  result.replaceChildren(
    h('p', { class: 'notice notice-ok', 'data-kind': 'ok' }, tx('Đã ghi nhận hồ sơ, mã: ', 'Recorded, code: '), h('strong', { 'data-testid': 'desk-code' }, d.code)),
    h('p', {}, h('a', { href: `/can-bo/ho-so/${d.id}` }, tx('Mở hồ sơ', 'Open the dossier'))),
    receiveButton,
    out,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => ctx.navigate('tiep-nhan') }, tx('Nhập hồ sơ khác', 'Record another'))),
  );
  receiveButton.focus();
  receiveButton.addEventListener('click', () => {
    // Confirmation step, as for every action.
    const confirm = h('button', { type: 'button', id: 'confirm-action' }, tx('Xác nhận tiếp nhận', 'Confirm reception'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, tx('Quay lại', 'Back'));
    out.replaceChildren(h('div', { role: 'alertdialog', 'aria-labelledby': 'desk-confirm-title', id: 'action-confirm' }, h('p', { id: 'desk-confirm-title' }, tx(`Tiếp nhận hồ sơ ${d.code}? Hạn trả sẽ được tính từ bây giờ.`, `Receive ${d.code}? The due date is computed from now.`)), confirm, ' ', cancel));
    confirm.focus();
    cancel.addEventListener('click', () => {
      out.replaceChildren();
      receiveButton.focus();
    });
    const receiveRequestId = newRequestId();
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const moved = await postAction(ctx.officer.user, d.id, { requestId: receiveRequestId, expectedVersion: d.version, action: { type: 'receive' } });
        receiveButton.remove();
        // Focus stays in the result while the receipt is made (the button it was on is gone).
        out.setAttribute('tabindex', '-1');
        out.focus();
        out.replaceChildren(h('p', { 'data-testid': 'desk-status' }, statusLabel(moved.status)), h('p', { id: 'receipt-state' }, tx('Đang tạo giấy tiếp nhận…', 'Making the receipt…')));
        pollReceipt(ctx, life, d.id, slipId('01', moved.version), out);
      } catch (err) {
        confirm.disabled = false;
        out.append(h('p', { class: 'notice notice-error', 'data-kind': 'error' }, t(describeError(err))));
      }
    });
  });
}

function pollReceipt(ctx: ViewContext, life: Lifetime, dossierId: string, slip: string, out: HTMLElement, tries = 0): void {
  void (async () => {
    try {
      // The listed slips once the server has them; the documented id otherwise.
      const answer = await fetchDossier(ctx.officer.user, dossierId);
      const id = answer.slips?.find((s) => s.id.startsWith('01-'))?.id ?? slip;
      const blob = await fetchSlip(ctx.officer.user, dossierId, id);
      if (life.unmounted()) return;
      const url = URL.createObjectURL(blob);
      const frame = h('iframe', { src: url, title: tx('Giấy tiếp nhận', 'Receipt'), class: 'print-frame' });
      out.querySelector('#receipt-state')?.replaceChildren(
        h('a', { href: url, target: '_blank', rel: 'noopener', id: 'receipt-link', 'data-ready': 'true' }, tx('Mở giấy tiếp nhận (PDF) để in', 'Open the receipt (PDF) to print')),
        ' ',
        h('button', { type: 'button', id: 'desk-print', onclick: () => frame.contentWindow?.print() }, tx('In giấy tiếp nhận', 'Print the receipt')),
      );
      out.append(frame);
      // The officer waited on this: the next key prints (unless they went on to something else meanwhile).
      const active = document.activeElement;
      if (!active || active === document.body || out.contains(active)) out.querySelector<HTMLElement>('#desk-print')?.focus();
    } catch {
      if (life.unmounted()) return;
      if (tries >= 45) {
        out.querySelector('#receipt-state')!.textContent = tx('Chưa tạo được giấy tiếp nhận; mở hồ sơ để in lại sau.', 'The receipt is not ready; open the dossier to print it later.');
        return;
      }
      const timer = setTimeout(() => {
        life.timers.delete(timer);
        pollReceipt(ctx, life, dossierId, slip, out, tries + 1);
      }, 1000);
      life.timers.add(timer);
    }
  })();
}
