// The lookup's answer, in Vietnamese with English on request (the header's switch; a phone shows one
// language, not every label twice): with the token the progress, the due date with its explanation and,
// when it differs from the receipt's, why; where to collect the result; a stop request (Decree 118 Art.
// 21), and the way to rate once the result is back; with the code alone only the status (Circular
// 01/2018 Art. 16).
import type { Bilingual } from '../shared/api.js';
import { formatDateTime } from '../shared/format.js';
import { onLangChange, t } from '../shared/i18n.js';
import type { LookupView } from './api.js';

type FullView = Extract<LookupView, { view: 'full' }>;

const result = document.getElementById('result') as HTMLElement;

/** What is on show, drawn again when the language changes. */
let drawn: (() => void) | undefined;
onLangChange(() => drawn?.());

function row(list: HTMLDListElement, term: Bilingual, value: string, testId?: string): void {
  const dt = document.createElement('dt');
  dt.textContent = t(term);
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (testId) dd.dataset.testid = testId;
  list.append(dt, dd);
}

export function showPending(): void {
  drawn = undefined;
  result.dataset.state = 'pending';
  result.textContent = t({ vi: 'Đang tra cứu…', en: 'Looking up…' });
}

export function showError(message: Bilingual): void {
  drawn = () => {
    result.dataset.state = 'error';
    result.textContent = t(message);
  };
  drawn();
}

/** Statuses with no result to collect. */
const NO_RESULT = new Set<string>(['refused', 'withdrawn', 'stopped']);

/** Where the result is collected, in words. */
export function collectText(view: FullView): Bilingual {
  const { via, agency, address } = view.collect;
  if (via === 'post') return { vi: 'Gửi qua bưu điện đến địa chỉ ông/bà đã đăng ký khi nộp hồ sơ.', en: 'Sent by post to the address you gave when applying.' };
  if (via === 'online') return { vi: 'Trực tuyến: bản điện tử có chữ ký số, tải tại trang “Hồ sơ của tôi”.', en: 'Online: the digitally signed electronic result, downloaded from “My dossiers”.' };
  const name = agency.name ?? { vi: 'Bộ phận Một cửa nơi nộp hồ sơ', en: 'the one-stop desk where you applied' };
  const where = address ? `${name.vi}, ${address}` : name.vi;
  const whereEn = address ? `${name.en}, ${address}` : name.en;
  return { vi: `Tại ${where}. Mang theo giấy tiếp nhận.`, en: `At ${whereEn}. Bring your receipt.` };
}

/**
 * Why today's due date is not the one printed on the receipt, or undefined when they agree. The
 * explanation trail of the deadline engine says how the new date was computed; this says why it moved.
 */
export function dueChangeText(view: FullView): Bilingual | undefined {
  if (view.status === 'awaitingSupplement') {
    return {
      vi: 'Đang chờ bổ sung hồ sơ: thời hạn tạm dừng, và được tính lại khi hồ sơ đã đầy đủ.',
      en: 'Waiting for the missing documents: the time limit is paused and restarts once the dossier is complete.',
    };
  }
  if (!view.receiptDueAt || !view.dueAt || view.receiptDueAt === view.dueAt) return undefined;
  const before = formatDateTime(view.receiptDueAt);
  if (view.extended) {
    return {
      vi: `Giấy tiếp nhận hẹn ${before}. Cơ quan giải quyết đã gửi phiếu xin lỗi và hẹn lại ngày trả kết quả.`,
      en: `The receipt said ${before}. The agency sent a letter of apology with a new date.`,
    };
  }
  return {
    vi: `Giấy tiếp nhận hẹn ${before}. Hạn đã được tính lại vì thời gian chờ bổ sung hồ sơ hoặc nộp phí không tính vào thời hạn giải quyết (xem cách tính hạn).`,
    en: `The receipt said ${before}. The date was computed again because time spent waiting for documents or a payment does not count (see how the date was set).`,
  };
}

function drawFull(view: FullView, token: string | null): void {
  const list = document.createElement('dl');
  row(list, { vi: 'Mã hồ sơ', en: 'Code' }, view.code);
  row(list, { vi: 'Tình trạng', en: 'Status' }, t(view.statusLabel), 'status');
  row(list, { vi: 'Thủ tục', en: 'Procedure' }, t(view.procedure.name), 'procedure');
  if (view.receivingAgency.name) row(list, { vi: 'Nơi tiếp nhận', en: 'Received at' }, t(view.receivingAgency.name));
  if (view.currentAgency?.name) row(list, { vi: 'Đang xử lý tại', en: 'Now with' }, t(view.currentAgency.name));
  if (view.receivedAt) row(list, { vi: 'Ngày tiếp nhận', en: 'Received' }, formatDateTime(view.receivedAt));
  if (view.dueAt) row(list, view.extended ? { vi: 'Hẹn trả kết quả (đã hẹn lại)', en: 'Due (new date)' } : { vi: 'Hẹn trả kết quả', en: 'Due' }, formatDateTime(view.dueAt), 'due');
  const change = dueChangeText(view);
  if (change) row(list, { vi: 'Vì sao khác giấy tiếp nhận', en: 'Why it differs from the receipt' }, t(change), 'due-change');
  if (view.dueExplanation) row(list, { vi: 'Cách tính hạn', en: 'How the date was set' }, t(view.dueExplanation), 'explanation');
  if (view.resultReturnedAt) row(list, { vi: 'Đã trả kết quả', en: 'Result returned' }, formatDateTime(view.resultReturnedAt));
  else if (!NO_RESULT.has(view.status)) row(list, { vi: 'Nơi nhận kết quả', en: 'Where to collect the result' }, t(collectText(view)), 'collect');
  // Decree 118 Art. 21: the applicant asked to stop; until the desk confirms, the dossier is still open.
  if (view.stopRequestedAt) {
    const at = formatDateTime(view.stopRequestedAt);
    row(
      list,
      { vi: 'Đề nghị dừng giải quyết', en: 'Stop requested' },
      view.status === 'stopped'
        ? t({ vi: `${at} — đã dừng giải quyết theo đề nghị`, en: `${at} — processing stopped at the applicant’s request` })
        : t({ vi: `${at} — đang chờ xác nhận dừng`, en: `${at} — awaiting confirmation` }),
      'stop-request',
    );
  }
  result.replaceChildren(list);
  // Opened from the receipt's QR once the result is back: the way to rate the service is one tap away.
  if (view.rating.rateable && token) {
    const link = document.createElement('a');
    link.id = 'rate-link';
    link.className = 'button';
    link.href = `/danh-gia/${encodeURIComponent(view.code)}?t=${encodeURIComponent(token)}`;
    link.textContent = t({ vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' });
    result.append(link);
  } else if (view.rating.rated) {
    const done = document.createElement('p');
    done.textContent = t({ vi: 'Cảm ơn ông/bà đã đánh giá.', en: 'Thank you for your rating.' });
    result.append(done);
  }
  result.dataset.state = 'ok';
}

function drawBasic(view: Extract<LookupView, { view: 'basic' }>): void {
  const list = document.createElement('dl');
  row(list, { vi: 'Mã hồ sơ', en: 'Code' }, view.code);
  row(list, { vi: 'Tình trạng', en: 'Status' }, t(view.statusLabel), 'status');
  const note = document.createElement('p');
  note.textContent = t({ vi: 'Quét mã QR trên giấy tiếp nhận để xem chi tiết.', en: 'Scan the QR code on your receipt for details.' });
  result.replaceChildren(list, note);
  result.dataset.state = 'ok';
}

export function showView(view: LookupView, token: string | null): void {
  drawn = view.view === 'full' ? () => drawFull(view, token) : () => drawBasic(view);
  drawn();
}
