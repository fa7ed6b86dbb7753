// Fixture data for the slip tests and the bench: a realistic land-registration dossier.
import { signLookupToken } from '../../domain/index.js';
import type { ApologySlip, ControlSlip, ReceiptSlip, RefusalSlip, RegisterData, SlipComponentRow, SupplementSlip } from './slip-data.js';
import { lookupUrl, ratingUrl } from './slip-links.js';

export const FIXTURE_SECRET = 'fixture-secret-fixture-secret-fixture-secret';
export const FIXTURE_ORIGIN = 'https://motcua.example.vn';
export const FIXTURE_DOSSIER_ID = 'a1b2c3d4e5f6a7b8c9d0';
export const FIXTURE_CODE = '000.00.01.H99-261127-0042';
const token = signLookupToken(FIXTURE_DOSSIER_ID, FIXTURE_SECRET);
const at = new Date('2026-11-27T02:15:00Z'); // 09:15 in Vietnam

const base = {
  agency: {
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bình An',
    parentName: 'Ủy ban nhân dân tỉnh Bình An',
    phone: '0263 3822 111',
    place: 'Bình An',
  },
  code: FIXTURE_CODE,
  applicant: {
    name: 'Nguyễn Thị Hoà',
    address: 'Số 12 đường Lê Lợi, Phường Đông Thành, Tỉnh Bình An',
    phone: '+84912345678',
    email: 'hoa.nguyen@example.vn',
    identity: 'Số căn cước công dân: 001190012345',
  },
  procedureName: 'Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân',
  issuedAt: at,
};

export const FIXTURE_COMPONENTS: SlipComponentRow[] = [
  { name: 'Đơn đề nghị gia hạn sử dụng đất', originals: 1, certifiedCopies: 0, copies: 0 },
  { name: 'Giấy chứng nhận quyền sử dụng đất', originals: 1, certifiedCopies: 0, copies: 1 },
];

export const receiptFixture = (overrides: Partial<ReceiptSlip> = {}): ReceiptSlip => ({
  ...base,
  form: '01',
  components: FIXTURE_COMPONENTS,
  sets: 1,
  legalDuration: '7 ngày làm việc',
  receivedAt: at,
  dueAt: new Date('2026-12-08T09:00:00Z'),
  resultDelivery: 'Bộ phận Một cửa (trực tiếp)',
  fee: 'Không thu phí',
  lookupUrl: lookupUrl(FIXTURE_ORIGIN, FIXTURE_CODE, token),
  ratingUrl: ratingUrl(FIXTURE_ORIGIN, FIXTURE_CODE, token),
  register: { book: 'Sổ theo dõi hồ sơ năm 2026', entry: FIXTURE_CODE },
  officerName: 'Trần Văn Bình',
  ...overrides,
});

export const supplementFixture = (): SupplementSlip => ({
  ...base,
  form: '02',
  items: [{ name: 'Giấy chứng nhận quyền sử dụng đất', problem: 'Bản sao chưa được chứng thực; nộp bản sao có chứng thực.' }],
  reason: 'Hồ sơ thiếu bản sao chứng thực giấy chứng nhận.',
  guidance: 'Mang bản chính để đối chiếu tại quầy số 3.',
  officer: { name: 'Trần Văn Bình', phone: '0263 3822 111' },
  lookupUrl: lookupUrl(FIXTURE_ORIGIN, FIXTURE_CODE, token),
});

export const refusalFixture = (): RefusalSlip => ({
  ...base,
  form: '03',
  reason: 'Thửa đất đã hết thời hạn sử dụng trước ngày nộp đơn quá 6 tháng.',
  rulesAt: ['Luật Đất đai 2024', `${FIXTURE_ORIGIN}/thu-tuc/1.012792`],
  officerName: 'Trần Văn Bình',
  lookupUrl: lookupUrl(FIXTURE_ORIGIN, FIXTURE_CODE, token),
});

export const apologyFixture = (): ApologySlip => ({
  ...base,
  form: '04',
  receivedAt: at,
  originalDueAt: new Date('2026-12-08T09:00:00Z'),
  reason: 'Cần xác minh ranh giới thửa đất với xã lân cận.',
  apology: 'Chúng tôi chân thành xin lỗi ông/bà vì sự chậm trễ.',
  newDueAt: new Date('2026-12-15T09:00:00Z'),
});

export const controlFixture = (): ControlSlip => ({
  ...base,
  form: '05',
  receivedAt: at,
  legalDuration: '7 ngày làm việc',
  dueAt: new Date('2026-12-08T09:00:00Z'),
  returnBy: new Date('2026-12-07T09:00:00Z'),
  components: FIXTURE_COMPONENTS,
  handoffs: [
    {
      fromAgency: 'Trung tâm Phục vụ hành chính công tỉnh Bình An',
      toAgency: 'Văn phòng Đăng ký đất đai tỉnh Bình An',
      handedOverAt: new Date('2026-11-27T03:00:00Z'),
      receivedAt: new Date('2026-11-27T04:00:00Z'),
      result: 'Đúng hạn',
    },
  ],
  lookupUrl: lookupUrl(FIXTURE_ORIGIN, FIXTURE_CODE, token),
});

export const registerFixture = (): RegisterData => ({
  form: '06',
  agency: base.agency,
  from: '2026-11-01',
  to: '2026-11-30',
  issuedAt: new Date('2026-12-01T01:00:00Z'),
  rows: [
    {
      code: FIXTURE_CODE,
      procedure: base.procedureName,
      applicant: 'Nguyễn Thị Hoà',
      receivedAt: at,
      transferredAt: new Date('2026-11-27T03:00:00Z'),
      dueAt: new Date('2026-12-08T09:00:00Z'),
      note: 'Đang giải quyết',
    },
  ],
});

/** A long Vietnamese name of the given length, for layout tests. */
export function longName(i: number): string {
  return `Giấy xác nhận tình trạng hôn nhân và bản sao chứng thực sổ hộ khẩu của người thừa kế thứ ${i + 1} – Nguyễn Trần Phương Thảo Quỳnh Hương, thường trú tại xã Đắk Hà`;
}
