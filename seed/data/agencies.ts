// Demo agencies of the FICTIONAL province "tỉnh Bình An" (level-1 code H99, which no real province uses).
// Two-tier local government as from 01/07/2025 (province and commune), plus one abolished district kept
// for the history of dossiers received under Decree 61/2018. Every person here is invented; phone numbers
// use the 0298 area code, which (as far as we know) no province uses.
import {
  DEFAULT_WORKING_HOURS,
  type Agency,
  type OfficerDirectoryEntry,
  type WorkingHours,
} from '../../functions/src/domain/index.js';

const officer = (fullName: string, title: string, field: string, phone: string): OfficerDirectoryEntry => ({
  fullName,
  title,
  field,
  phone,
});

/** The service centre opens 07:30–11:30 and 13:00–17:00 (still 8 hours): a per-agency schedule. */
const SERVICE_CENTRE_HOURS: WorkingHours = {
  periods: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
};

const TWO_TIER_FROM = '2025-07-01';

export const demoAgencies: Agency[] = [
  {
    id: '000.00.00.H99',
    name: { vi: 'Ủy ban nhân dân tỉnh Bình An', en: 'Bình An Provincial People’s Committee' },
    level: 'province',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: false,
    address: '1 Quảng trường Trung tâm, phường Đông Thành, tỉnh Bình An',
    phone: '+842983800001',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [],
  },
  {
    id: '000.00.01.H99',
    name: {
      vi: 'Trung tâm Phục vụ hành chính công tỉnh Bình An',
      en: 'Bình An Provincial Public Administration Service Centre',
    },
    level: 'province',
    parentId: '000.00.00.H99',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: true,
    address: '25 đường Hòa Bình, phường Đông Thành, tỉnh Bình An',
    phone: '+842983800100',
    workingHours: SERVICE_CENTRE_HOURS,
    officers: [
      officer(
        'Nguyễn Thị Hồng',
        'Chuyên viên tiếp nhận',
        'Đất đai; Tài nguyên và môi trường',
        '+842983800101',
      ),
      officer('Phan Văn Khải', 'Chuyên viên tiếp nhận', 'Xây dựng', '+842983800102'),
      officer('Đỗ Thị Ngọc Ánh', 'Chuyên viên tiếp nhận', 'Đăng ký doanh nghiệp', '+842983800103'),
      officer('Lý Thành Nhân', 'Chuyên viên tiếp nhận', 'Tư pháp; Lý lịch tư pháp', '+842983800104'),
      officer('Trịnh Thu Hà', 'Phó Giám đốc Trung tâm', 'Phụ trách Bộ phận Một cửa', '+842983800110'),
    ],
  },
  {
    id: '000.00.10.H99',
    name: {
      vi: 'Sở Nông nghiệp và Môi trường tỉnh Bình An',
      en: 'Bình An Department of Agriculture and Environment',
    },
    level: 'province',
    parentId: '000.00.00.H99',
    effectiveFrom: '2025-03-01',
    hasOneStopDesk: false,
    address: '8 đường Lê Lợi, phường Đông Thành, tỉnh Bình An',
    phone: '+842983810000',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Võ Thị Lan', 'Phó Giám đốc Sở', 'Đất đai', '+842983810001'),
      officer('Huỳnh Văn Tâm', 'Trưởng phòng Quản lý đất đai', 'Đất đai', '+842983810002'),
    ],
  },
  {
    id: '000.00.11.H99',
    name: { vi: 'Sở Xây dựng tỉnh Bình An', en: 'Bình An Department of Construction' },
    level: 'province',
    parentId: '000.00.00.H99',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: false,
    address: '12 đường Trần Phú, phường Đông Thành, tỉnh Bình An',
    phone: '+842983811000',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer(
        'Ngô Quang Vinh',
        'Trưởng phòng Quản lý hoạt động xây dựng',
        'Cấp phép xây dựng',
        '+842983811001',
      ),
    ],
  },
  {
    id: '000.00.12.H99',
    name: { vi: 'Sở Tài chính tỉnh Bình An', en: 'Bình An Department of Finance' },
    level: 'province',
    parentId: '000.00.00.H99',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: false,
    address: '3 đường Nguyễn Huệ, phường Đông Thành, tỉnh Bình An',
    phone: '+842983812000',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Tạ Minh Khoa', 'Trưởng phòng Đăng ký kinh doanh', 'Đăng ký doanh nghiệp', '+842983812001'),
    ],
  },
  {
    id: '000.00.13.H99',
    name: { vi: 'Sở Tư pháp tỉnh Bình An', en: 'Bình An Department of Justice' },
    level: 'province',
    parentId: '000.00.00.H99',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: false,
    address: '5 đường Hai Bà Trưng, phường Đông Thành, tỉnh Bình An',
    phone: '+842983813000',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Phạm Quốc Dũng', 'Chuyên viên', 'Lý lịch tư pháp', '+842983813001'),
      officer('Mai Thị Thanh Xuân', 'Phó Giám đốc Sở', 'Hộ tịch; Chứng thực', '+842983813002'),
    ],
  },
  {
    id: '000.00.14.H99',
    name: { vi: 'Văn phòng Đăng ký đất đai tỉnh Bình An', en: 'Bình An Land Registration Office' },
    level: 'province',
    parentId: '000.00.10.H99',
    effectiveFrom: '2018-01-01',
    hasOneStopDesk: false,
    address: '10 đường Lê Lợi, phường Đông Thành, tỉnh Bình An',
    phone: '+842983814000',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Lê Minh Châu', 'Chuyên viên', 'Đăng ký, cấp Giấy chứng nhận', '+842983814001'),
      officer('Cao Thị Diệu', 'Giám đốc Văn phòng', 'Đăng ký đất đai', '+842983814002'),
    ],
  },
  {
    id: '000.21.01.H99',
    name: { vi: 'Ủy ban nhân dân phường Đông Thành', en: 'Đông Thành Ward People’s Committee' },
    level: 'commune',
    parentId: '000.00.00.H99',
    effectiveFrom: TWO_TIER_FROM,
    hasOneStopDesk: true,
    address: '40 đường Hòa Bình, phường Đông Thành, tỉnh Bình An',
    phone: '+842983821010',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Dương Thị Kim Oanh', 'Công chức Tư pháp - Hộ tịch', 'Hộ tịch; Chứng thực', '+842983821011'),
      officer('Kiều Văn Sơn', 'Công chức Địa chính - Xây dựng', 'Đất đai; Xây dựng', '+842983821012'),
    ],
  },
  {
    id: '000.21.02.H99',
    name: { vi: 'Ủy ban nhân dân xã An Phú', en: 'An Phú Commune People’s Committee' },
    level: 'commune',
    parentId: '000.00.00.H99',
    effectiveFrom: TWO_TIER_FROM,
    hasOneStopDesk: true,
    address: 'Thôn Phú Lợi, xã An Phú, tỉnh Bình An',
    phone: '+842983821020',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Trần Văn Bình', 'Công chức Văn phòng - Thống kê', 'Tiếp nhận hồ sơ', '+842983821021'),
      officer('Lâm Thị Bích Ngọc', 'Công chức Tư pháp - Hộ tịch', 'Hộ tịch; Chứng thực', '+842983821022'),
      officer('Hà Đức Thịnh', 'Công chức Địa chính - Nông nghiệp - Môi trường', 'Đất đai', '+842983821023'),
    ],
  },
  {
    id: '000.21.03.H99',
    name: { vi: 'Ủy ban nhân dân xã Tân Lập', en: 'Tân Lập Commune People’s Committee' },
    level: 'commune',
    parentId: '000.00.00.H99',
    effectiveFrom: TWO_TIER_FROM,
    hasOneStopDesk: true,
    address: 'Thôn Tân Hòa, xã Tân Lập, tỉnh Bình An',
    phone: '+842983821030',
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [
      officer('Vũ Thị Hạnh', 'Công chức Tư pháp - Hộ tịch', 'Hộ tịch; Chứng thực', '+842983821031'),
      officer('Đinh Công Lực', 'Công chức Địa chính - Xây dựng', 'Đất đai; Xây dựng', '+842983821032'),
    ],
  },
  {
    // Abolished with the district level on 01/07/2025; its territory and old dossiers went to xã An Phú.
    id: '000.20.00.H99',
    name: {
      vi: 'Ủy ban nhân dân huyện An Phú (đã giải thể)',
      en: 'An Phú District People’s Committee (abolished)',
    },
    level: 'district',
    parentId: '000.00.00.H99',
    effectiveFrom: '2018-01-01',
    effectiveTo: '2025-06-30',
    successorId: '000.21.02.H99',
    hasOneStopDesk: true,
    workingHours: DEFAULT_WORKING_HOURS,
    officers: [],
  },
];
