// Personal data, on My dossiers (Law 91/2025): the notice, the consents (each a checkbox that is never
// pre-ticked; unticking withdraws at once, the same single step as giving), the download of all my data,
// requests for correction or deletion with their legal deadlines and answers, and the log of who opened
// my sensitive files.
import type { User } from 'firebase/auth';
import {
  CONSENT_PURPOSE_TEXT,
  CONSENT_PURPOSES,
  DELETION_SCOPE,
  PRIVACY_NOTICE_VERSION,
  type ConsentPurpose,
  type DataRequestKind,
  type PrivacyAnswer,
} from '../../../functions/src/contract/index.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDateTime } from '../shared/format.js';
import { showFieldErrors } from '../shared/form-errors.js';
import { onLangChange, t } from '../shared/i18n.js';
import { noticeDetails } from '../shared/privacy-notice.js';
import { apiAs, blobAs, newRequestId } from '../shared/session.js';

const STATUS: Record<string, Bilingual> = {
  open: { vi: 'Đã nhận, chờ trả lời', en: 'Received, awaiting a reply' },
  replied: { vi: 'Đã trả lời, đang xử lý', en: 'Replied, in progress' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  refused: { vi: 'Không thực hiện', en: 'Refused' },
};
const KIND: Record<DataRequestKind, Bilingual> = {
  correction: { vi: 'Chỉnh sửa dữ liệu', en: 'Correct my data' },
  deletion: { vi: 'Xóa dữ liệu và tài khoản', en: 'Delete my data and account' },
};
const ROLE: Record<string, Bilingual> = {
  receptionist: { vi: 'Cán bộ tiếp nhận', en: 'Reception officer' },
  handler: { vi: 'Cán bộ xử lý', en: 'Handling officer' },
  lead: { vi: 'Lãnh đạo', en: 'Head of unit' },
  citizen: { vi: 'Bạn', en: 'You' },
};

export async function mountPrivacy(container: HTMLElement, user: User, profileChanged: () => void): Promise<void> {
  let data: PrivacyAnswer | undefined;
  let note: { state: 'ok' | 'error'; text: Bilingual } | undefined;
  let requestId = newRequestId();

  const load = async () => {
    try {
      data = await apiAs(user, 'getPrivacy', {});
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  const setConsent = async (purpose: ConsentPurpose, granted: boolean) => {
    try {
      const answer = await apiAs(user, 'putConsent', { params: { purpose }, body: { granted, noticeVersion: PRIVACY_NOTICE_VERSION } });
      note = { state: 'ok', text: granted ? { vi: 'Đã ghi nhận sự đồng ý.', en: 'Consent recorded.' } : { vi: `Đã rút lại sự đồng ý. ${answer.effect?.vi ?? ''}`, en: `Consent withdrawn. ${answer.effect?.en ?? ''}` } };
      if (purpose === 'profile') profileChanged();
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    await load();
  };

  const exportData = async () => {
    try {
      const blob = await blobAs(user, 'exportMyData', {});
      saveBlob(blob, `du-lieu-ca-nhan-${new Date().toISOString().slice(0, 10)}.json`);
      note = { state: 'ok', text: { vi: `Đã tải dữ liệu của bạn (${Math.ceil(blob.size / 1024)} KB).`, en: `Your data is downloaded (${Math.ceil(blob.size / 1024)} KB).` } };
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  const sendRequest = async (form: HTMLFormElement) => {
    const kind = form.querySelector<HTMLInputElement>('input[name="request-kind"]:checked')?.value as DataRequestKind | undefined;
    const details = form.querySelector<HTMLTextAreaElement>('#request-details')!.value;
    if (!kind) return showFieldErrors(form, [{ inputId: 'request-kind-correction', message: { vi: 'Chọn loại yêu cầu', en: 'Choose what you ask for' } }]);
    try {
      await apiAs(user, 'postDataRequest', { body: { requestId, kind, details } });
      requestId = newRequestId();
      note = { state: 'ok', text: { vi: 'Đã gửi yêu cầu. Cơ quan trả lời trong 2 ngày làm việc.', en: 'Request sent. You get a reply within 2 working days.' } };
      await load();
    } catch (err) {
      if (err instanceof ApiCallError && err.body?.error.fields.length) {
        showFieldErrors(form, err.body.error.fields.map((f) => ({ inputId: f.path === 'kind' ? 'request-kind-correction' : 'request-details', message: f.message })));
        return;
      }
      note = { state: 'error', text: describeError(err) };
      render();
    }
  };

  const render = () => {
    if (!data) {
      container.replaceChildren(h('p', { class: 'status' }, t(note?.text ?? { vi: 'Đang tải…', en: 'Loading…' })));
      return;
    }
    const d = data;
    const consents = h(
      'fieldset',
      { id: 'consents' },
      h('legend', {}, t({ vi: 'Sự đồng ý của bạn (không bắt buộc; rút lại bất cứ lúc nào)', en: 'Your consent (optional; withdraw at any time)' })),
      ...CONSENT_PURPOSES.map((purpose) => {
        const state = d.consents[purpose];
        const box = h('input', { type: 'checkbox', id: `consent-${purpose}`, name: `consent-${purpose}`, checked: state?.granted === true });
        box.addEventListener('change', () => void setConsent(purpose, box.checked));
        return h(
          'div',
          {},
          h('label', { class: 'choice', for: `consent-${purpose}` }, box, h('span', {}, t(CONSENT_PURPOSE_TEXT[purpose].label), state ? h('small', {}, t({ vi: `${state.granted ? 'Đồng ý' : 'Đã rút lại'} lúc ${formatDateTime(state.at)} (thông báo ${state.noticeVersion})`, en: `${state.granted ? 'Given' : 'Withdrawn'} at ${formatDateTime(state.at)} (notice ${state.noticeVersion})` })) : null)),
        );
      }),
    );
    const requestForm = h(
      'form',
      { id: 'data-request-form', class: 'panel', novalidate: true },
      h('h3', {}, t({ vi: 'Yêu cầu chỉnh sửa hoặc xóa dữ liệu', en: 'Ask for a correction or deletion' })),
      h(
        'fieldset',
        {},
        h('legend', {}, t({ vi: 'Bạn yêu cầu', en: 'You ask to' })),
        ...(['correction', 'deletion'] as const).map((k) => h('label', { class: 'choice', for: `request-kind-${k}` }, h('input', { type: 'radio', name: 'request-kind', id: `request-kind-${k}`, value: k }), h('span', {}, t(KIND[k])))),
      ),
      h('p', { class: 'hint', id: 'deletion-scope' }, t({ vi: `Khi xóa: ${DELETION_SCOPE.erased.vi} Được giữ lại: ${DELETION_SCOPE.kept.vi}`, en: `Deletion erases: ${DELETION_SCOPE.erased.en} Kept: ${DELETION_SCOPE.kept.en}` })),
      h('label', { for: 'request-details' }, t({ vi: 'Nội dung (dữ liệu nào, sửa thế nào)', en: 'Details (which data, what to change)' })),
      h('textarea', { id: 'request-details', maxlength: 2000 }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'send-data-request' }, t({ vi: 'Gửi yêu cầu', en: 'Send the request' }))),
    );
    requestForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void sendRequest(requestForm);
    });
    container.replaceChildren(
      h(
        'section',
        { 'aria-labelledby': 'privacy-title', id: 'privacy-section' },
        h('h2', { id: 'privacy-title' }, t({ vi: 'Dữ liệu cá nhân', en: 'Personal data' })),
        noticeDetails(),
        consents,
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'export-my-data', onclick: () => void exportData() }, t({ vi: 'Tải về toàn bộ dữ liệu của tôi', en: 'Download all my data' }))),
        note ? h('p', { class: 'status', role: 'status', id: 'privacy-status', 'data-state': note.state }, t(note.text)) : null,
        requestForm,
        h('h3', {}, t({ vi: 'Các yêu cầu của bạn', en: 'Your requests' })),
        d.requests.length === 0
          ? h('p', {}, t({ vi: 'Chưa có yêu cầu nào.', en: 'No requests yet.' }))
          : h(
              'ul',
              { id: 'data-requests' },
              ...d.requests.map((r) =>
                h(
                  'li',
                  { 'data-status': r.status },
                  h('strong', {}, t(KIND[r.kind])),
                  ` — ${t(STATUS[r.status] ?? { vi: r.status, en: r.status })}. `,
                  t({ vi: `Gửi lúc ${formatDateTime(r.receivedAt)}; hạn trả lời ${formatDateTime(r.replyDueAt)}; hạn hoàn thành ${formatDateTime(r.completeDueAt)}.`, en: `Sent ${formatDateTime(r.receivedAt)}; reply by ${formatDateTime(r.replyDueAt)}; complete by ${formatDateTime(r.completeDueAt)}.` }),
                  r.reply ? h('p', {}, `${t({ vi: 'Trả lời', en: 'Reply' })}: ${r.reply}`) : null,
                  r.outcome ? h('p', {}, `${t({ vi: 'Kết quả', en: 'Outcome' })}: ${r.outcome}`) : null,
                ),
              ),
            ),
        h('h3', {}, t({ vi: 'Ai đã mở giấy tờ nhạy cảm của bạn', en: 'Who opened your sensitive documents' })),
        d.accessLog.length === 0
          ? h('p', { id: 'access-log-empty' }, t({ vi: 'Chưa có lượt mở nào.', en: 'Nobody has opened them yet.' }))
          : h(
              'table',
              { id: 'access-log' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t({ vi: 'Thời điểm', en: 'When' })), h('th', { scope: 'col' }, t({ vi: 'Ai', en: 'Who' })), h('th', { scope: 'col' }, t({ vi: 'Tệp', en: 'File' })))),
              h(
                'tbody',
                {},
                ...d.accessLog.map((a) =>
                  h('tr', {}, h('td', {}, formatDateTime(a.at)), h('td', {}, `${t(a.self ? ROLE.citizen! : (ROLE[a.actorRole] ?? { vi: a.actorRole, en: a.actorRole }))}${a.actorAgencyId && !a.self ? ` (${a.actorAgencyId})` : ''}`), h('td', {}, a.fileName)),
                ),
              ),
            ),
      ),
    );
  };

  onLangChange(render);
  await load();
}
