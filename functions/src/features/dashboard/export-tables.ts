// Every table of the dashboard as rows of text, and its CSV and PDF files. Pure except for the PDF writer
// (pdfkit, with the Noto Sans font the slips use, which covers all of Vietnamese). The same rows feed both
// formats, so the files say exactly what the page says.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { EVALUATION_CLASS_LABELS } from '../../domain/index.js';
import type { DashboardAnswer, DashboardTable, DrillRow } from '../../contract/index.js';

export type Table = { title: { vi: string; en: string }; columns: string[]; rows: string[][] };

const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toString().replace('.', ',')}%`);
const num = (x: number | null) => (x === null ? '—' : String(x).replace('.', ','));
const nameOf = (u: { agencyId: string | null; name: { vi: string } | null }) => u.name?.vi ?? u.agencyId ?? 'Toàn tỉnh';

export function tableOf(kind: Exclude<DashboardTable, 'dossiers'>, d: DashboardAnswer): Table {
  const units = [...d.agencies, d.province];
  const range = `${d.from} – ${d.to}`;
  switch (kind) {
    case 'agencies':
      return {
        title: { vi: `Tiến độ giải quyết theo cơ quan (${range})`, en: `Progress by agency (${range})` },
        columns: ['Cơ quan / Agency', 'Tiếp nhận / Received', 'Kết thúc / Finished', 'Đúng hạn / On time', 'Trễ hạn / Late', 'Tỷ lệ đúng hạn / On-time rate', 'Quá hạn (hiện tại) / Overdue now', 'Sắp đến hạn / Due soon', 'Đang giải quyết / In progress'],
        rows: units.map((u) => [nameOf(u), String(u.total.received), String(u.total.finished), String(u.total.finishedOnTime), String(u.total.finishedLate), pct(u.total.onTimeRate), String(u.backlog.overdue), String(u.backlog.dueSoon), String(u.backlog.inProgress)]),
      };
    case 'fields':
    case 'procedures': {
      const rows = kind === 'fields' ? d.byField : d.byProcedure;
      return {
        title: kind === 'fields' ? { vi: `Theo lĩnh vực (${range})`, en: `By field (${range})` } : { vi: `Theo thủ tục (${range})`, en: `By procedure (${range})` },
        columns: [kind === 'fields' ? 'Lĩnh vực / Field' : 'Thủ tục / Procedure', 'Tiếp nhận / Received', 'Đúng hạn / On time', 'Trễ hạn / Late', 'Tỷ lệ đúng hạn / On-time rate', 'Quá hạn / Overdue', 'Sắp đến hạn / Due soon'],
        rows: rows.map((r) => [r.label ? `${r.label.vi}${kind === 'procedures' ? ` (${r.key})` : ''}` : r.key, String(r.received), String(r.finishedOnTime), String(r.finishedLate), pct(r.onTimeRate), String(r.overdue), String(r.dueSoon)]),
      };
    }
    case 'd766':
      return {
        title: { vi: `Chỉ số phục vụ người dân, doanh nghiệp — QĐ 766 (${range})`, en: `Decision 766 service index (${range})` },
        columns: ['Cơ quan / Agency', 'Xếp hạng / Rank', 'Điểm / Points', 'Điểm có dữ liệu / Points with data', 'Tỷ lệ / Share', ...d.province.d766.groups.map((g) => d.labels.d766Groups[g.group].vi)],
        rows: units.map((u) => [nameOf(u), u.agencyId === null ? '—' : num(u.d766.rank), num(u.d766.points), num(u.d766.availablePoints), pct(u.d766.percent), ...u.d766.groups.map((g) => (g.availablePoints === 0 ? 'không có dữ liệu' : `${num(g.points)}/${num(g.maxPoints)}`))]),
      };
    case 'legacy':
      return {
        title: { vi: `Đánh giá theo Thông tư 01/2018 — hồ sơ theo Nghị định 61 (${range})`, en: `Circular 01/2018 report — Decree 61 dossiers (${range})` },
        columns: ['Cơ quan / Agency', ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((i) => `Chỉ số ${i}`), 'Tổng / Total', 'Xếp loại / Class'],
        rows: units.map((u) => [nameOf(u), ...Object.values(u.legacy.indices).map(num), num(u.legacy.total), u.legacy.classification ? EVALUATION_CLASS_LABELS[u.legacy.classification].vi : '—']),
      };
    case 'feedback':
      return {
        title: { vi: `Phản ánh, kiến nghị (${range})`, en: `Feedback and petitions (${range})` },
        columns: ['Cơ quan / Agency', 'Tiếp nhận / Received', 'Đã trả lời / Answered', 'Đúng hạn / On time', 'Đã công khai / Published', 'Đang xử lý / Open', 'Quá hạn / Overdue', 'Hài lòng / Satisfied'],
        rows: units.map((u) => [nameOf(u), String(u.feedback.received), String(u.feedback.answered), String(u.feedback.answeredOnTime), String(u.feedback.published), String(u.backlog.feedbackOpen), String(u.backlog.feedbackOverdue), `${u.feedback.satisfied}/${u.feedback.rated}`]),
      };
    case 'officers':
      return {
        title: { vi: `Cán bộ của cơ quan (tháng ${d.to})`, en: `Officers of the agency (${d.to})` },
        columns: ['Cán bộ / Officer', 'Kết thúc / Finished', 'Đúng hạn / On time', 'Trễ hạn / Late', 'Được đánh giá / Rated', 'Không hài lòng / Dissatisfied', 'Phản ánh thái độ / Complaints'],
        rows: (d.officers ?? []).map((o) => [o.name ?? o.uid, String(o.finished), String(o.finishedOnTime), String(o.finishedLate), String(o.rated), String(o.ratedNegative), String(o.complaints)]),
      };
  }
}

/** The drill-down list: codes and dates, never the applicant. */
export function drillTable(rows: DrillRow[]): Table {
  return {
    title: { vi: 'Danh sách hồ sơ', en: 'Dossiers' },
    columns: ['Mã hồ sơ / Code', 'Thủ tục / Procedure', 'Lĩnh vực / Field', 'Cơ quan / Agency', 'Tiếp nhận / Received', 'Kết thúc / Finished', 'Kết quả / Timeliness', 'Hạn / Due'],
    rows: rows.map((r) => [r.code ?? '—', r.procedureName?.vi ?? r.procedureCode, r.field, r.agencyId, r.receivedAt ?? '', r.finishedAt ?? '', r.timeliness ?? '', r.dueAt ?? '']),
  };
}

/** A spreadsheet cell that starts like a formula is prefixed so a spreadsheet shows it as text. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 with a byte-order mark, so spreadsheet programs read the Vietnamese as UTF-8. */
export function toCsv(t: Table): Buffer {
  const lines = [t.columns, ...t.rows].map((r) => r.map(cell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const require = createRequire(import.meta.url);
let font: Buffer | undefined;
const fontBytes = () => (font ??= readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')));

/** A4 landscape: the title, the time it was made, and the table with its header repeated on each page. */
export function toPdf(t: Table, at: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: t.title.vi, Producer: 'motcua', Creator: 'motcua', CreationDate: at, ModDate: at }, pdfVersion: '1.7' });
  doc.registerFont('regular', fontBytes());
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 36;
  const width = doc.page.width - 72;
  const colWidth = width / Math.max(t.columns.length, 1);
  doc.fontSize(13).text(t.title.vi, left, 36, { width });
  doc.fontSize(9).fillColor('#444').text(`${t.title.en} · ${at.toISOString()}`, { width });
  doc.fillColor('#000');
  const row = (cells: string[], size: number) => {
    doc.fontSize(size);
    const heights = cells.map((c) => doc.heightOfString(c, { width: colWidth - 4 }));
    const h = Math.max(...heights, size) + 4;
    if (doc.y + h > doc.page.height - 36) {
      doc.addPage();
      doc.y = 36;
    }
    const y = doc.y;
    cells.forEach((c, i) => doc.text(c, left + i * colWidth + 2, y + 2, { width: colWidth - 4 }));
    doc.moveTo(left, y + h).lineTo(left + width, y + h).strokeColor('#999').lineWidth(0.5).stroke();
    doc.y = y + h;
  };
  doc.moveDown();
  row(t.columns, 8);
  for (const r of t.rows) row(r, 8);
  if (t.rows.length === 0) doc.fontSize(9).text('Không có dữ liệu / No data', left, doc.y + 4);
  doc.end();
  return done;
}
