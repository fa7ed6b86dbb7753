// Form 06, the register of dossiers (Sổ theo dõi hồ sơ) on A4 landscape: one row per dossier received
// in the period. Pure: rows in, PDF bytes out.
import { type RegisterData } from './slip-data.js';
import { dateTime, longDate } from './slip-time.js';
import { SlipWriter } from './slip-writer.js';

const d = (at: Date | undefined) => (at ? dateTime(at) : '');
const vnDate = (local: string) => local.split('-').reverse().join('/');

export async function renderRegister(data: RegisterData): Promise<Buffer> {
  const w = new SlipWriter({ size: 'A4', landscape: true, title: `${data.title} ${data.from} – ${data.to}`, at: data.issuedAt });
  w.nationalHeader(data.agency);
  w.title(data.title, `Từ ngày ${vnDate(data.from)} đến ngày ${vnDate(data.to)} – ${data.rows.length} hồ sơ`);
  const fixed = 22 + 100 + 62 * 5 + 55 + 70;
  const free = w.contentWidth - fixed;
  w.table(
    [
      { header: 'TT', width: 22, align: 'center' },
      { header: 'Mã hồ sơ', width: 100 },
      { header: 'Tên thủ tục', width: free * 0.55 },
      { header: 'Tên cá nhân, tổ chức', width: free * 0.45 },
      { header: 'Ngày, giờ nhận hồ sơ', width: 62 },
      { header: 'Ngày chuyển hồ sơ', width: 62 },
      { header: 'Ngày hẹn trả kết quả', width: 62 },
      { header: 'Ngày nhận kết quả', width: 62 },
      { header: 'Ngày trả kết quả', width: 62 },
      { header: 'Ký nhận', width: 55 },
      { header: 'Ghi chú', width: 70 },
    ],
    data.rows.map((r, i) => [
      String(i + 1),
      r.code,
      r.procedure,
      r.applicant,
      d(r.receivedAt),
      d(r.transferredAt),
      d(r.dueAt),
      d(r.resultReceivedAt),
      d(r.returnedAt),
      '',
      r.note ?? '',
    ]),
    7,
  );
  w.text(`Lập ${longDate(data.issuedAt)}`, { size: 8, align: 'right' });
  return w.finish();
}
