// Forms 01–05 of Circular 01/2018 on A5: pure functions from SlipData to PDF bytes. The field lists
// follow the legal model (shared reference, section "Forms").
import type { ApologySlip, ControlSlip, ReceiptSlip, RefusalSlip, SlipComponentRow, SlipData, SlipFeeQr, StopNoticeSlip, SupplementSlip } from './slip-data.js';
import { date, dateTime, longDate, longDateTime } from './slip-time.js';
import { SlipWriter } from './slip-writer.js';

const SIGN = '(Ký và ghi rõ họ tên)';

function opening(w: SlipWriter, data: SlipData, subtitle?: string): void {
  w.nationalHeader(data.agency);
  w.title(data.title, subtitle);
}

/** `compact` (the receipt): phone and email on one line. */
function applicantFields(w: SlipWriter, data: SlipData, compact = false): void {
  const a = data.applicant;
  w.field('Người nộp hồ sơ', a.name);
  if (a.identity) w.text(a.identity);
  if (a.filer) w.field('Người nộp thay', a.filer);
  w.field('Địa chỉ', a.address);
  if (compact) {
    w.fields([['Số điện thoại', a.phone], ...(a.email ? [['Email', a.email] as [string, string]] : [])]);
    return;
  }
  w.field('Số điện thoại', a.phone);
  if (a.email) w.field('Email', a.email);
}

function componentTable(w: SlipWriter, components: SlipComponentRow[], sizes = { size: 8, header: 8, tt: 20, count: 50 }): void {
  const width = w.contentWidth;
  const num = sizes.count;
  w.table(
    [
      { header: 'TT', width: sizes.tt, align: 'center' },
      { header: 'Tên giấy tờ', width: width - sizes.tt - 3 * num },
      { header: 'Bản chính', width: num, align: 'center' },
      { header: 'Bản sao chứng thực', width: num, align: 'center' },
      { header: 'Bản sao', width: num, align: 'center' },
    ],
    components.map((c, i) => [String(i + 1), c.name, String(c.originals), String(c.certifiedCopies), String(c.copies)]),
    sizes.size,
    sizes.header,
  );
}

/** Decree 118 Art. 14: the unit that decides, when another desk received the dossier. */
function competentLine(w: SlipWriter, d: SlipData): void {
  if (d.competentAgency && d.competentAgency !== d.agency.name) w.field('Cơ quan có thẩm quyền giải quyết', d.competentAgency);
}

function lookupLines(w: SlipWriter, url: string, hotline?: string): void {
  w.clearFloat();
  w.text(`Tra cứu hồ sơ / Lookup: ${url}`, { size: 7 });
  if (hotline) w.text(`Đường dây nóng / Hotline: ${hotline}`, { size: 7 });
}

function dateLine(data: SlipData): string {
  return `${data.agency.place ? `${data.agency.place}, ` : ''}${longDate(data.issuedAt)}`;
}

/** The receipt's sizes (see `receipt`): body text, lookup QR, component table. */
const RECEIPT_TEXT = 8;
/** Lines 1 pt closer than the font's own spacing (1.36 em): 1.24 em at 8 pt, still open. */
const RECEIPT_LINE_GAP = -1;
const RECEIPT_QR = 76;
const RECEIPT_TABLE = { size: 7, header: 6, tt: 16, count: 40 };

/** `https://host/tra-cuu/CODE?t=…` → `host/tra-cuu/CODE`: the address without scheme and token. */
export function shortAddress(url: string): string {
  const u = new URL(url);
  return `${u.host}${decodeURIComponent(u.pathname)}`;
}

/**
 * Form 01 must be one A5 page: the citizen takes it home, and the signatures belong on the page they sign.
 * So it sets its text a size smaller and its lines closer, runs short fields together, narrows the count
 * columns of its table, and prints its two addresses short (host, path and dossier code, no token) while
 * the QR code carries the full lookup link. Every field of the form stays. Content beyond what a page
 * can hold (a long list of components) continues on a new page, table header repeated, the date line
 * and the signatures after it, together.
 */
function receipt(w: SlipWriter, d: ReceiptSlip): void {
  opening(w, d);
  w.floatQr(d.lookupUrl, RECEIPT_QR);
  w.field('Mã hồ sơ', d.code);
  w.fields([
    ['Quyển sổ', d.register.book],
    ['Số thứ tự trong sổ', d.register.entry],
  ]);
  w.text(`${d.agency.name} tiếp nhận hồ sơ của:`);
  applicantFields(w, d, true);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);
  competentLine(w, d);
  w.clearFloat();
  // The printed address is for typing: the code's public view (Circular 01 Art. 16). The token that
  // opens the full view is in the QR code; a 22-character random string is not typed from paper.
  w.text(`Tra cứu hồ sơ / Lookup: ${shortAddress(d.lookupUrl)}`, { size: 7 });
  if (d.agency.hotline) w.text(`Đường dây nóng / Hotline: ${d.agency.hotline}`, { size: 7 });
  w.text('1. Thành phần hồ sơ nộp gồm:');
  componentTable(w, d.components, RECEIPT_TABLE);
  w.fields(
    [
      ['2. Số lượng hồ sơ', `${String(d.sets).padStart(2, '0')} (bộ)`],
      ['3. Thời gian giải quyết hồ sơ theo quy định', d.legalDuration],
    ],
    { separator: '      ' },
  );
  w.field('4. Thời gian nhận hồ sơ', longDateTime(d.receivedAt));
  w.field('5. Thời gian trả kết quả giải quyết hồ sơ', longDateTime(d.dueAt));
  w.field('6. Nhận kết quả tại', d.resultDelivery);
  w.field('7. Phí, lệ phí', d.fee);
  // Typed at the desk's rating device by a citizen who cannot scan the QR: proof of holding this receipt.
  // Online, the short address rates once signed in (the lookup QR's full view links to the rating too).
  w.text(`Mã đánh giá tại quầy / Desk rating code: ${d.ratingCode}; Đánh giá sự hài lòng / Rate the service: ${shortAddress(d.ratingUrl)}`, { size: 7 });
  w.text('Vào Sổ theo dõi hồ sơ. Người nộp giữ giấy này để nhận kết quả và tra cứu tiến độ.', { size: 7, gap: 0.3 });
  w.signatures(
    [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN, ...(d.officerName ? { name: d.officerName } : {}) },
    ],
    dateLine(d),
    d.feeQr ? feeQrCentre(d.feeQr) : undefined,
  );
}

/**
 * The receipt's VietQR code, between the two signatures (room they leave empty: the form stays one A5
 * page), with what it fills in spelled out under it for those who transfer by hand.
 */
const feeQrCentre = (qr: SlipFeeQr) => ({
  data: qr.payload,
  size: 54,
  caption: [`Quét mã VietQR để nộp ${qr.amount}`, qr.bankName, `Số tài khoản ${qr.accountNumber}`, `Nội dung ${qr.reference}`],
});

/** The top of forms 02 and 03 (both answer an application at reception): QR, code, applicant, request. */
function receptionHeader(w: SlipWriter, d: SupplementSlip | RefusalSlip): void {
  opening(w, d);
  w.floatQr(d.lookupUrl);
  w.field('Mã hồ sơ', d.code);
  w.text(`${d.agency.name} tiếp nhận hồ sơ của:`);
  applicantFields(w, d);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);
  lookupLines(w, d.lookupUrl, d.agency.hotline);
}

function supplement(w: SlipWriter, d: SupplementSlip): void {
  receptionHeader(w, d);
  w.text('Sau khi kiểm tra, hồ sơ cần bổ sung, hoàn thiện các nội dung sau:');
  const width = w.contentWidth;
  w.table(
    [
      { header: 'TT', width: 20, align: 'center' },
      { header: 'Giấy tờ cần bổ sung, hoàn thiện', width: (width - 20) * 0.4 },
      { header: 'Nội dung cần bổ sung, sửa đổi', width: (width - 20) * 0.6 },
    ],
    d.items.map((item, i) => [String(i + 1), item.name, item.problem]),
  );
  w.field('Lý do', d.reason);
  if (d.guidance) w.field('Hướng dẫn', d.guidance);
  w.text('Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, xin liên hệ:');
  w.field('Cán bộ hướng dẫn', d.officer.name ?? '……………………');
  w.field('Số điện thoại', d.officer.phone ?? '……………………');
  w.signatures([{ title: 'NGƯỜI HƯỚNG DẪN', note: SIGN, ...(d.officer.name ? { name: d.officer.name } : {}) }], dateLine(d));
}

function refusal(w: SlipWriter, d: RefusalSlip): void {
  receptionHeader(w, d);
  w.text('Sau khi nghiên cứu, đối chiếu với quy định, hồ sơ không đủ điều kiện tiếp nhận giải quyết với lý do cụ thể như sau:');
  w.text(d.reason, { gap: 0.3 });
  w.text('Quy định về thủ tục này có tại:', { weight: 'bold' });
  for (const place of d.rulesAt) w.text(`– ${place}`);
  w.text('Xin thông báo để ông/bà/tổ chức được biết và thực hiện.', { gap: 0.3 });
  w.signatures([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN, ...(d.officerName ? { name: d.officerName } : {}) }], dateLine(d));
}

function apology(w: SlipWriter, d: ApologySlip): void {
  opening(w, d);
  w.field('Mã hồ sơ', d.code);
  w.text(`${d.agency.name} xin gửi tới:`);
  applicantFields(w, d);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);
  if (d.receivedAt) w.field('Ngày tiếp nhận hồ sơ', longDateTime(d.receivedAt));
  if (d.originalDueAt) w.field('Hẹn trả kết quả', longDateTime(d.originalDueAt));
  w.field('Lý do chậm trả kết quả', d.reason);
  w.text(d.apology, { gap: 0.2 });
  w.field(d.proposesExtension ? 'Đề nghị gia hạn thời gian giải quyết đến' : 'Hẹn lại ngày trả kết quả', longDateTime(d.newDueAt));
  w.text('Cơ quan, đơn vị xin lỗi ông/bà/tổ chức vì sự chậm trễ này và mong nhận được sự thông cảm.', { gap: 0.3 });
  w.signatures([{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', note: '(Ký, ghi rõ họ tên và đóng dấu)' }], dateLine(d));
}

function control(w: SlipWriter, d: ControlSlip): void {
  opening(w, d);
  w.floatQr(d.lookupUrl);
  w.field('Mã hồ sơ', d.code);
  w.field('Cơ quan tiếp nhận', d.agency.name);
  competentLine(w, d);
  applicantFields(w, d);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);
  lookupLines(w, d.lookupUrl, d.agency.hotline);
  if (d.receivedAt) w.field('Thời gian nhận hồ sơ', longDateTime(d.receivedAt));
  w.field('Thời gian giải quyết theo quy định', d.legalDuration);
  if (d.dueAt) w.field('Thời gian trả kết quả', longDateTime(d.dueAt));
  if (d.returnBy) w.field('Thời gian chuyển kết quả về bộ phận một cửa', longDateTime(d.returnBy));
  w.text('Thành phần hồ sơ:');
  componentTable(w, d.components);
  w.text('Quá trình giải quyết hồ sơ:', { weight: 'bold' });
  const width = w.contentWidth;
  const rest = width - 60 - 60 - 56 - 50;
  w.table(
    [
      { header: 'Tên cơ quan, đơn vị', width: rest },
      { header: 'Thời gian giao nhận', width: 60 },
      { header: 'Thời gian nhận', width: 60 },
      { header: 'Kết quả giải quyết', width: 56 },
      { header: 'Ghi chú', width: 50 },
    ],
    d.handoffs.map((h) => [
      `Giao: ${h.fromAgency}\nNgười giao: ……\nNhận: ${h.toAgency}\nNgười nhận: ……`,
      dateTime(h.handedOverAt),
      h.receivedAt ? dateTime(h.receivedAt) : '',
      h.result ?? '',
      h.note ?? '',
    ]),
    7,
  );
  w.text(`Lập ngày ${date(d.issuedAt)}`, { size: 7 });
}

function stopNotice(w: SlipWriter, d: StopNoticeSlip): void {
  opening(w, d);
  w.floatQr(d.lookupUrl);
  w.field('Mã hồ sơ', d.code);
  w.text(`${d.agency.name} thông báo tới:`);
  applicantFields(w, d);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);
  competentLine(w, d);
  lookupLines(w, d.lookupUrl, d.agency.hotline);
  if (d.receivedAt) w.field('Ngày tiếp nhận hồ sơ', longDateTime(d.receivedAt));
  if (d.requestedAt) w.field('Ngày đề nghị dừng giải quyết', longDateTime(d.requestedAt));
  w.field('Lý do', d.reason);
  w.field('Hồ sơ đã được giải quyết đến bước', d.stageReached);
  w.text('Cơ quan dừng giải quyết hồ sơ theo đề nghị của ông/bà/tổ chức.', { gap: 0.2 });
  if (d.papersReturned !== undefined) w.field('Trả lại hồ sơ giấy', d.papersReturned ? 'Có' : 'Không');
  if (d.feesRefunded !== undefined) w.field('Hoàn trả phí, lệ phí', d.feesRefunded ? 'Có' : 'Không');
  w.signatures([{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', note: '(Ký, ghi rõ họ tên và đóng dấu)' }], dateLine(d));
}

/** The PDF of one slip. Deterministic: the same data always gives the same bytes. */
export async function renderSlip(data: SlipData): Promise<Buffer> {
  const w = new SlipWriter({
    size: 'A5',
    title: `${data.title} – ${data.code}`,
    at: data.issuedAt,
    ...(data.purpose === 'receipt' ? { textSize: RECEIPT_TEXT, lineGap: RECEIPT_LINE_GAP } : {}),
  });
  switch (data.purpose) {
    case 'receipt':
      receipt(w, data);
      break;
    case 'supplementRequest':
      supplement(w, data);
      break;
    case 'refusal':
      refusal(w, data);
      break;
    case 'apology':
      apology(w, data);
      break;
    case 'controlSlip':
      control(w, data);
      break;
    case 'stopNotice':
      stopNotice(w, data);
      break;
  }
  return w.finish();
}
