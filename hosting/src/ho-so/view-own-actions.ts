// What the citizen may do to the dossier themselves, and the stop request once made: the request to stop
// processing (after reception) or the withdrawal (before it), each only when the server lists it; then
// "awaiting confirmation" with the reason and time, and, once the desk confirmed, what was handed back.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { backToForm, closeOwnAction, openOwnAction, reviewOwnAction, sendOwnAction } from './own-actions.js';
import { ownAction, page, type OwnAction } from './state.js';
import type { DossierDoc, StopRequestDoc } from './store.js';
import { when } from './view-parts.js';

type Words = { title: Bilingual; intro: Bilingual; open: Bilingual; reason: Bilingual; send: Bilingual; confirm: (code: string) => Bilingual; consequence: Bilingual };

const TEXT: Record<OwnAction, Words> = {
  requestStop: {
    title: { vi: 'Dừng giải quyết hồ sơ', en: 'Stop processing' },
    intro: {
      vi: 'Từ khi hồ sơ được tiếp nhận đến trước khi có kết quả, bạn có thể đề nghị dừng giải quyết. Bộ phận Một cửa xác nhận và gửi Thông báo dừng giải quyết hồ sơ (mẫu 05); hồ sơ giấy và phí, lệ phí được trả lại theo quy định của thủ tục.',
      en: 'From the reception of your dossier until the result is issued, you may ask to stop processing. The one-stop desk confirms it and sends a notice of stopped processing (form 05); papers and fees are returned as the procedure provides.',
    },
    open: { vi: 'Đề nghị dừng giải quyết hồ sơ', en: 'Ask to stop processing' },
    reason: { vi: 'Lý do đề nghị dừng', en: 'Why you ask to stop' },
    send: { vi: 'Gửi đề nghị dừng', en: 'Send the request' },
    confirm: (code) => ({ vi: `Gửi đề nghị dừng giải quyết hồ sơ ${code}?`, en: `Ask to stop processing dossier ${code}?` }),
    consequence: { vi: 'Khi cơ quan xác nhận, hồ sơ sẽ không được giải quyết tiếp.', en: 'Once the agency confirms, the dossier will not be processed further.' },
  },
  withdraw: {
    title: { vi: 'Rút hồ sơ', en: 'Withdraw the dossier' },
    intro: {
      vi: 'Hồ sơ chưa được tiếp nhận nên bạn có thể rút hồ sơ. Sau khi tiếp nhận, bạn chỉ có thể đề nghị dừng giải quyết.',
      en: 'The dossier has not been received yet, so you may withdraw it. Once it is received, you can only ask to stop processing.',
    },
    open: { vi: 'Rút hồ sơ', en: 'Withdraw the dossier' },
    reason: { vi: 'Lý do (không bắt buộc)', en: 'Reason (optional)' },
    send: { vi: 'Rút hồ sơ', en: 'Withdraw' },
    confirm: (code) => ({ vi: `Rút hồ sơ ${code}?`, en: `Withdraw dossier ${code}?` }),
    consequence: { vi: 'Hồ sơ sẽ không được tiếp nhận, giải quyết.', en: 'The dossier will not be received or processed.' },
  },
};

const yesNo = (value: boolean | undefined, yes: Bilingual, no: Bilingual): string => t(value ? yes : no);

/** The stop request once made: awaiting the desk's confirmation, or confirmed with what was handed back. */
function stopRequestPanel(d: DossierDoc, s: StopRequestDoc): HTMLElement {
  const confirmed = s.confirmedAt !== undefined && s.confirmedAt !== null;
  return h(
    'section',
    { class: 'panel note', id: 'stop-request', 'data-state': confirmed ? 'confirmed' : 'pending', 'aria-labelledby': 'stop-request-title' },
    h('h2', { id: 'stop-request-title' }, t({ vi: 'Đề nghị dừng giải quyết hồ sơ', en: 'Request to stop processing' })),
    h(
      'p',
      { 'data-testid': 'stop-state', class: 'stop-state' },
      t(confirmed ? { vi: 'Đã dừng giải quyết hồ sơ theo đề nghị', en: 'Processing stopped at the applicant’s request' } : { vi: 'Đang chờ xác nhận dừng', en: 'Stop requested, awaiting confirmation' }),
    ),
    h(
      'dl',
      {},
      h('dt', {}, t({ vi: 'Lý do', en: 'Reason' })),
      h('dd', { 'data-testid': 'stop-reason' }, s.reason),
      h('dt', {}, t({ vi: 'Đề nghị lúc', en: 'Asked at' })),
      h('dd', {}, `${when(s.requestedAt)} — ${t(s.via === 'desk' ? { vi: 'tại Bộ phận Một cửa', en: 'at the one-stop desk' } : { vi: 'trực tuyến', en: 'online' })}`),
      confirmed ? h('dt', {}, t({ vi: 'Cơ quan xác nhận lúc', en: 'Confirmed at' })) : null,
      confirmed ? h('dd', {}, when(s.confirmedAt)) : null,
      confirmed ? h('dt', {}, t({ vi: 'Hồ sơ giấy', en: 'Paper documents' })) : null,
      confirmed ? h('dd', { 'data-testid': 'papers-returned' }, yesNo(s.papersReturned, { vi: 'Được trả lại', en: 'Returned to you' }, { vi: 'Không trả lại', en: 'Not returned' })) : null,
      confirmed ? h('dt', {}, t({ vi: 'Phí, lệ phí', en: 'Fees' })) : null,
      confirmed ? h('dd', { 'data-testid': 'fees-refunded' }, yesNo(s.feesRefunded, { vi: 'Được hoàn trả', en: 'Refunded' }, { vi: 'Không hoàn trả', en: 'Not refunded' })) : null,
    ),
    confirmed && d.status === 'stopped'
      ? h('p', {}, t({ vi: 'Thông báo dừng giải quyết hồ sơ (mẫu 05) ở mục “Phiếu, giấy tờ của hồ sơ” bên dưới.', en: 'The notice of stopped processing (form 05) is under “Official slips” below.' }))
      : h('p', { class: 'hint' }, t({ vi: 'Bộ phận Một cửa sẽ xác nhận và gửi thông báo cho bạn.', en: 'The one-stop desk will confirm it and let you know.' })),
  );
}

function reasonField(kind: OwnAction): HTMLElement[] {
  const problem = ownAction.problem;
  const input = h(
    'textarea',
    {
      id: 'own-action-reason',
      name: 'reason',
      maxlength: 2000,
      rows: 3,
      'aria-describedby': problem ? 'own-action-reason-error' : undefined,
      'aria-invalid': problem ? 'true' : undefined,
    },
    ownAction.reason,
  );
  input.addEventListener('input', () => {
    ownAction.reason = input.value;
  });
  const parts: HTMLElement[] = [h('label', { for: 'own-action-reason' }, t(TEXT[kind].reason))];
  // Beside the field, before it (as GOV.UK does), named by the field's aria-describedby.
  if (problem) parts.push(h('p', { class: 'field-error', id: 'own-action-reason-error' }, h('span', { class: 'visually-hidden' }, `${t({ vi: 'Lỗi', en: 'Error' })}: `), t(problem)));
  parts.push(input);
  return parts;
}

function openForm(d: DossierDoc, kind: OwnAction): HTMLElement {
  if (ownAction.confirming) {
    const text = TEXT[kind];
    return h(
      'div',
      { id: 'own-action-confirm', role: 'group', 'aria-labelledby': 'own-action-confirm-title' },
      h('h3', { id: 'own-action-confirm-title' }, t(text.confirm(d.code ?? d.id))),
      ownAction.reason ? h('p', {}, `${t({ vi: 'Lý do', en: 'Reason' })}: `, h('q', {}, ownAction.reason)) : null,
      h('p', {}, t(text.consequence)),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'own-action-send', class: kind === 'withdraw' ? 'danger' : undefined, disabled: ownAction.sending, onclick: () => void sendOwnAction(d) }, t(ownAction.sending ? { vi: 'Đang gửi…', en: 'Sending…' } : text.send)),
        h('button', { type: 'button', class: 'secondary', id: 'own-action-back', disabled: ownAction.sending, onclick: backToForm }, t({ vi: 'Quay lại', en: 'Back' })),
      ),
    );
  }
  const form = h(
    'form',
    { id: 'own-action-form', 'data-action': kind, novalidate: true },
    ...reasonField(kind),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', id: 'own-action-next' }, t({ vi: 'Tiếp tục', en: 'Continue' })),
      h('button', { type: 'button', class: 'secondary', id: 'own-action-cancel', onclick: closeOwnAction }, t({ vi: 'Huỷ', en: 'Cancel' })),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    reviewOwnAction();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeOwnAction();
  });
  return form;
}

/** The panel of the citizen's own actions, or the stop request; nothing when neither applies. */
export function ownActionSection(d: DossierDoc): HTMLElement | null {
  if (d.stopRequest) return stopRequestPanel(d, d.stopRequest);
  // Only what the server allows now, and only once its answer is about the version on screen.
  const allowed = page.answer && page.answer.dossier.version === d.version ? page.answer.allowedActions : [];
  const kind: OwnAction | undefined = allowed.includes('requestStop') ? 'requestStop' : allowed.includes('withdraw') ? 'withdraw' : undefined;
  if (!kind) return null;
  const text = TEXT[kind];
  return h(
    'section',
    { class: 'panel own-actions', id: 'own-actions', 'data-action': kind, 'aria-labelledby': 'own-actions-title' },
    h('h2', { id: 'own-actions-title' }, t(text.title)),
    h('p', {}, t(text.intro)),
    ownAction.open === kind
      ? openForm(d, kind)
      : h('button', { type: 'button', id: 'own-action-open', class: 'secondary', 'data-action': kind, onclick: () => openOwnAction(kind) }, t(text.open)),
  );
}
