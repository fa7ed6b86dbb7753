// What the lookup page (/tra-cuu/<code>) says about a dossier, as rows of a definition list: one model
// drawn by the page (hosting/src/tra-cuu/view.ts) and by the server when it sends the page with its answer
// already in the HTML (platform/serve-pages.ts), so both say the same. In Vietnamese with English on request; with
// the token the progress, the due date with its explanation and, when it differs from the receipt's, why;
// where to collect the result; a stop request (Decree 118 Art. 21), and the way to rate once the result
// is back; with the code alone only the status (Circular 01/2018 Art. 16).
import type { Bilingual } from '../../domain/shared/bilingual.js';
import { formatDateTime } from '../format.js';
import type { FullView, LookupView } from '../lookup.js';
import { el, type Translate, type ViewNode } from './node.js';

export type AnswerRow = { term: Bilingual; value: Bilingual; testId?: string };

export type LookupAnswer = {
  rows: AnswerRow[];
  /** A line under the rows (the basic view's hint). */
  note?: Bilingual;
  /** The rating page's address, once the result is back and the receipt's token was given. */
  rateHref?: string;
  /** Rated already: a thank-you line. */
  rated?: boolean;
};

const same = (text: string): Bilingual => ({ vi: text, en: text });

/** Statuses with no result to collect. */
const NO_RESULT = new Set<string>(['refused', 'withdrawn', 'stopped']);

/** Where the result is collected, in words. */
export function collectText(view: FullView): Bilingual {
  const { via, agency, address } = view.collect;
  if (via === 'post')
    return {
      vi: 'Gửi qua bưu điện đến địa chỉ ông/bà đã đăng ký khi nộp hồ sơ.',
      en: 'Sent by post to the address you gave when applying.',
    };
  if (via === 'online')
    return {
      vi: 'Trực tuyến: bản điện tử có chữ ký số, tải tại trang “Hồ sơ của tôi”.',
      en: 'Online: the digitally signed electronic result, downloaded from “My dossiers”.',
    };
  const name = agency.name ?? {
    vi: 'Bộ phận Một cửa nơi nộp hồ sơ',
    en: 'the one-stop desk where you applied',
  };
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

function fullAnswer(view: FullView, token: string | null): LookupAnswer {
  const rows: AnswerRow[] = [];
  const row = (term: Bilingual, value: Bilingual, testId?: string) =>
    rows.push(testId ? { term, value, testId } : { term, value });
  row({ vi: 'Mã hồ sơ', en: 'Code' }, same(view.code));
  row({ vi: 'Tình trạng', en: 'Status' }, view.statusLabel, 'status');
  row({ vi: 'Thủ tục', en: 'Procedure' }, view.procedure.name, 'procedure');
  if (view.receivingAgency.name) row({ vi: 'Nơi tiếp nhận', en: 'Received at' }, view.receivingAgency.name);
  if (view.currentAgency?.name) row({ vi: 'Đang xử lý tại', en: 'Now with' }, view.currentAgency.name);
  if (view.receivedAt) row({ vi: 'Ngày tiếp nhận', en: 'Received' }, same(formatDateTime(view.receivedAt)));
  if (view.dueAt)
    row(
      view.extended
        ? { vi: 'Hẹn trả kết quả (đã hẹn lại)', en: 'Due (new date)' }
        : { vi: 'Hẹn trả kết quả', en: 'Due' },
      same(formatDateTime(view.dueAt)),
      'due',
    );
  const change = dueChangeText(view);
  if (change)
    row({ vi: 'Vì sao khác giấy tiếp nhận', en: 'Why it differs from the receipt' }, change, 'due-change');
  if (view.dueExplanation)
    row({ vi: 'Cách tính hạn', en: 'How the date was set' }, view.dueExplanation, 'explanation');
  if (view.resultReturnedAt)
    row({ vi: 'Đã trả kết quả', en: 'Result returned' }, same(formatDateTime(view.resultReturnedAt)));
  else if (!NO_RESULT.has(view.status))
    row({ vi: 'Nơi nhận kết quả', en: 'Where to collect the result' }, collectText(view), 'collect');
  // Decree 118 Art. 21: the applicant asked to stop; until the desk confirms, the dossier is still open.
  if (view.stopRequestedAt) {
    const at = formatDateTime(view.stopRequestedAt);
    row(
      { vi: 'Đề nghị dừng giải quyết', en: 'Stop requested' },
      view.status === 'stopped'
        ? {
            vi: `${at} — đã dừng giải quyết theo đề nghị`,
            en: `${at} — processing stopped at the applicant’s request`,
          }
        : { vi: `${at} — đang chờ xác nhận dừng`, en: `${at} — awaiting confirmation` },
      'stop-request',
    );
  }
  // Opened from the receipt's QR once the result is back: the way to rate the service is one tap away.
  if (view.rating.rateable && token)
    return { rows, rateHref: `/danh-gia/${encodeURIComponent(view.code)}?t=${encodeURIComponent(token)}` };
  return view.rating.rated ? { rows, rated: true } : { rows };
}

/** The lookup's answer as the page shows it; `token` is the receipt's (from its QR code), if given. */
export function lookupAnswer(view: LookupView, token: string | null): LookupAnswer {
  if (view.view === 'full') return fullAnswer(view, token);
  return {
    rows: [
      { term: { vi: 'Mã hồ sơ', en: 'Code' }, value: same(view.code) },
      { term: { vi: 'Tình trạng', en: 'Status' }, value: view.statusLabel, testId: 'status' },
    ],
    note: {
      vi: 'Quét mã QR trên giấy tiếp nhận để xem chi tiết.',
      en: 'Scan the QR code on your receipt for details.',
    },
  };
}

/** The answer as the page shows it, in the language `t` picks: its rows, then a note, the way to rate or a thank-you. */
export function lookupAnswerView(answer: LookupAnswer, t: Translate): ViewNode[] {
  const rows = answer.rows.flatMap((row) => [
    el('dt', {}, t(row.term)),
    el('dd', row.testId ? { 'data-testid': row.testId } : {}, t(row.value)),
  ]);
  return [
    el('dl', {}, ...rows),
    answer.note ? el('p', {}, t(answer.note)) : null,
    answer.rateHref
      ? el(
          'a',
          { id: 'rate-link', class: 'button', href: answer.rateHref },
          t({ vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' }),
        )
      : answer.rated
        ? el('p', {}, t({ vi: 'Cảm ơn ông/bà đã đánh giá.', en: 'Thank you for your rating.' }))
        : null,
  ].filter((n): n is ViewNode => n !== null);
}
