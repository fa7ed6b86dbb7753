// The lookup's answer, both languages side by side (the page has no language switch): with the token
// the progress and due date with its explanation, a stop request (Decree 118 Art. 21), and the way to
// rate once the result is back; with the code alone only the status (Circular 01/2018 Art. 16).
import type { Bilingual } from '../shared/api.js';
import { formatDateTime } from '../shared/format.js';
import type { LookupView } from './api.js';

const result = document.getElementById('result') as HTMLElement;

function row(list: HTMLDListElement, term: string, value: string, testId?: string): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (testId) dd.dataset.testid = testId;
  list.append(dt, dd);
}

export function showPending(): void {
  result.dataset.state = 'pending';
  result.textContent = 'Đang tra cứu… / Looking up…';
}

export function showError(message: Bilingual): void {
  result.dataset.state = 'error';
  result.textContent = `${message.vi} / ${message.en}`;
}

export function showView(view: LookupView, token: string | null): void {
  const list = document.createElement('dl');
  row(list, 'Mã hồ sơ / Code', view.code);
  row(list, 'Tình trạng / Status', `${view.statusLabel.vi} / ${view.statusLabel.en}`, 'status');
  if (view.view === 'full') {
    if (view.procedure) row(list, 'Thủ tục / Procedure', view.procedure.name.vi, 'procedure');
    if (view.receivingAgency?.name) row(list, 'Nơi tiếp nhận / Received at', view.receivingAgency.name.vi);
    if (view.currentAgency?.name) row(list, 'Đang xử lý tại / Now with', view.currentAgency.name.vi);
    if (view.receivedAt) row(list, 'Ngày tiếp nhận / Received', formatDateTime(view.receivedAt));
    if (view.dueAt) row(list, `Hẹn trả kết quả${view.extended ? ' (đã hẹn lại)' : ''} / Due`, formatDateTime(view.dueAt), 'due');
    if (view.dueExplanation) row(list, 'Cách tính hạn / How the date was set', view.dueExplanation.vi, 'explanation');
    if (view.resultReturnedAt) row(list, 'Đã trả kết quả / Result returned', formatDateTime(view.resultReturnedAt));
    // Decree 118 Art. 21: the applicant asked to stop; until the desk confirms, the dossier is still open.
    if (view.stopRequestedAt) {
      row(
        list,
        'Đề nghị dừng giải quyết / Stop requested',
        view.status === 'stopped'
          ? `${formatDateTime(view.stopRequestedAt)} — đã dừng giải quyết theo đề nghị / processing stopped at the applicant’s request`
          : `${formatDateTime(view.stopRequestedAt)} — đang chờ xác nhận dừng / awaiting confirmation`,
        'stop-request',
      );
    }
  } else {
    const note = document.createElement('p');
    note.className = 'en';
    note.textContent = 'Quét mã QR trên giấy tiếp nhận để xem chi tiết. / Scan the QR code on your receipt for details.';
    result.replaceChildren(list, note);
    result.dataset.state = 'ok';
    return;
  }
  result.replaceChildren(list);
  // Opened from the receipt's QR once the result is back: the way to rate the service is one tap away.
  if (view.rating?.rateable && token) {
    const link = document.createElement('a');
    link.id = 'rate-link';
    link.className = 'button';
    link.href = `/danh-gia/${encodeURIComponent(view.code)}?t=${encodeURIComponent(token)}`;
    link.textContent = 'Đánh giá mức độ hài lòng / Rate the service';
    result.append(link);
  } else if (view.rating?.rated) {
    const done = document.createElement('p');
    done.textContent = 'Cảm ơn bạn đã đánh giá. / Thank you for your rating.';
    result.append(done);
  }
  result.dataset.state = 'ok';
}
