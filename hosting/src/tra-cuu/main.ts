// Public lookup (/tra-cuu/<code>?t=<token>), the address in the receipt's QR code. With the token it
// shows progress and the due date with its explanation; with the code alone only the status (Circular
// 01/2018 Art. 16). No Firebase SDK: one small script for a cheap phone.
import '../shared/style.css';
import { callApi, describeError } from '../shared/api.js';
import type { LookupView } from '../shared/lookup-view.js';


const form = document.getElementById('lookup-form') as HTMLFormElement;
const input = document.getElementById('code') as HTMLInputElement;
const result = document.getElementById('result') as HTMLElement;

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

function row(list: HTMLDListElement, term: string, value: string, testId?: string): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (testId) dd.dataset.testid = testId;
  list.append(dt, dd);
}

function render(view: LookupView): void {
  const list = document.createElement('dl');
  row(list, 'Mã hồ sơ / Code', view.code);
  row(list, 'Tình trạng / Status', `${view.statusLabel.vi} / ${view.statusLabel.en}`, 'status');
  if (view.view === 'full') {
    if (view.procedure) row(list, 'Thủ tục / Procedure', view.procedure.name.vi, 'procedure');
    if (view.receivingAgency?.name) row(list, 'Nơi tiếp nhận / Received at', view.receivingAgency.name.vi);
    if (view.currentAgency?.name) row(list, 'Đang xử lý tại / Now with', view.currentAgency.name.vi);
    if (view.receivedAt) row(list, 'Ngày tiếp nhận / Received', dateTime(view.receivedAt));
    if (view.dueAt) row(list, `Hẹn trả kết quả${view.extended ? ' (đã hẹn lại)' : ''} / Due`, dateTime(view.dueAt), 'due');
    if (view.dueExplanation) row(list, 'Cách tính hạn / How the date was set', view.dueExplanation.vi, 'explanation');
    if (view.resultReturnedAt) row(list, 'Đã trả kết quả / Result returned', dateTime(view.resultReturnedAt));
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

async function lookUp(code: string, token: string | null): Promise<void> {
  result.dataset.state = 'pending';
  result.textContent = 'Đang tra cứu… / Looking up…';
  try {
    const query = token ? `?t=${encodeURIComponent(token)}` : '';
    render(await callApi<LookupView>(`/lookup/${encodeURIComponent(code)}${query}`));
  } catch (err) {
    const message = describeError(err);
    result.dataset.state = 'error';
    result.textContent = `${message.vi} / ${message.en}`;
  }
}

const fromPath = decodeURIComponent(location.pathname.replace(/^\/tra-cuu\/?/, '').replace(/\/$/, ''));
const token = new URLSearchParams(location.search).get('t');
if (fromPath) {
  input.value = fromPath;
  void lookUp(fromPath, token);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = input.value.trim();
  if (!code) {
    result.dataset.state = 'error';
    result.textContent = 'Vui lòng nhập mã hồ sơ. / Please enter the dossier code.';
    input.focus();
    return;
  }
  history.replaceState(null, '', `/tra-cuu/${encodeURIComponent(code)}`);
  void lookUp(code, null);
});
