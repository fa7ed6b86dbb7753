// Demo procedures for the fictional province of Bình An. Names, durations, fees and documents follow the
// published national procedures as closely as a demo needs; the procedure CODES have the national format
// (`d.dddddd`) but are illustrative: match them against the national catalogue before any sync. Fees set
// by provincial councils use plausible amounts.
import {
  Procedure,
  type Duration,
  type Fee,
  type ProcessStep,
  type ProcedureInput,
  type RequiredComponent,
} from '../../functions/src/domain/index.js';

const wd = (value: number): Duration => ({ value, unit: 'workingDays' });
const cd = (value: number): Duration => ({ value, unit: 'calendarDays' });
const wh = (value: number): Duration => ({ value, unit: 'workingHours' });

function component(
  id: string,
  vi: string,
  en: string,
  counts: { originals?: number; certifiedCopies?: number; copies?: number },
  mandatory = true,
  sensitive = false,
): RequiredComponent {
  return {
    id,
    name: { vi, en },
    originals: counts.originals ?? 0,
    certifiedCopies: counts.certifiedCopies ?? 0,
    copies: counts.copies ?? 0,
    mandatory,
    // ID-card images are sensitive personal data (Law 91/2025): restricted and every opening logged.
    ...(sensitive ? { sensitive: true } : {}),
  };
}

const fee = (amountVnd: number, vi: string, en: string): Fee => ({ amountVnd, description: { vi, en } });

const LAND_REGISTRATION_OFFICE = '000.00.14.H99';
const AGRICULTURE_ENVIRONMENT = '000.00.10.H99';
const CONSTRUCTION = '000.00.11.H99';
const FINANCE = '000.00.12.H99';
const JUSTICE = '000.00.13.H99';

const receptionStep = (budget: Duration): ProcessStep => ({
  id: 'reception',
  role: 'reception',
  performer: { kind: 'receiving' },
  description: {
    vi: 'Bộ phận Một cửa tiếp nhận, kiểm tra, số hóa hồ sơ',
    en: 'The one-stop desk receives, checks and digitises the dossier',
  },
  budget,
});
const returnStep = (budget: Duration): ProcessStep => ({
  id: 'return',
  role: 'return',
  performer: { kind: 'receiving' },
  description: { vi: 'Trả kết quả cho người nộp hồ sơ', en: 'Return the result to the applicant' },
  budget,
});

const NOW_RULES = { ruleSet: 'nd118-2025', effectiveFrom: '2025-07-01' } as const;
const NO_FEE: Fee[] = [];

const LAND_FIRST_CERTIFICATE: ProcedureInput = {
  code: '1.012790',
  version: 1,
  name: {
    vi: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
    en: 'First registration of land and attached assets and first issue of the land-use right certificate',
  },
  field: 'land',
  competentLevels: ['commune'],
  ...NOW_RULES,
  legalDuration: wd(20),
  fees: [
    fee(
      100_000,
      'Lệ phí cấp Giấy chứng nhận (hộ gia đình, cá nhân)',
      'Certificate fee (households and individuals)',
    ),
    fee(500_000, 'Phí thẩm định hồ sơ cấp Giấy chứng nhận', 'Dossier appraisal fee'),
  ],
  components: [
    component(
      'application-form',
      'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)',
      'Land registration application (form 04/ĐK)',
      { originals: 1 },
    ),
    component(
      'land-right-papers',
      'Giấy tờ về quyền sử dụng đất (nếu có)',
      'Papers proving the land-use right (if any)',
      { certifiedCopies: 1 },
      false,
    ),
    component(
      'cadastral-extract',
      'Mảnh trích đo bản đồ địa chính thửa đất',
      'Cadastral survey extract of the plot',
      { originals: 1 },
      false,
    ),
    component(
      'tax-exemption-papers',
      'Giấy tờ chứng minh được miễn, giảm nghĩa vụ tài chính (nếu có)',
      'Proof of exemption from or reduction of financial obligations (if any)',
      { copies: 1 },
      false,
    ),
  ],
  onlineLevel: 'partial',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'commune-verification',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: {
        vi: 'UBND xã xác nhận hiện trạng, nguồn gốc sử dụng đất, niêm yết công khai',
        en: 'The commune verifies current use and origin of the land and posts the notice',
      },
      budget: wd(3),
    },
    {
      id: 'land-office-appraisal',
      role: 'appraisal',
      performer: { kind: 'agency', agencyId: LAND_REGISTRATION_OFFICE },
      description: {
        vi: 'Văn phòng Đăng ký đất đai kiểm tra hồ sơ, cập nhật cơ sở dữ liệu, in Giấy chứng nhận',
        en: 'The land registration office checks the dossier, updates the land database and prints the certificate',
      },
      budget: wd(10),
    },
    {
      id: 'department-approval',
      role: 'approval',
      performer: { kind: 'agency', agencyId: AGRICULTURE_ENVIRONMENT },
      description: {
        vi: 'Sở Nông nghiệp và Môi trường ký Giấy chứng nhận',
        en: 'The Department of Agriculture and Environment signs the certificate',
      },
      budget: wd(5),
    },
    returnStep(wd(1)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Đất đai năm 2024', 'Nghị định 101/2024/NĐ-CP về đăng ký, cấp Giấy chứng nhận'],
};

const LAND_TRANSFER: ProcedureInput = {
  code: '1.012791',
  version: 1,
  name: {
    vi: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế',
    en: 'Registration of a change of land-use right by transfer, gift or inheritance',
  },
  field: 'land',
  competentLevels: ['province'],
  // Decree 118 Art. 14: any desk of the province receives it; this department decides it.
  competentAgencyId: LAND_REGISTRATION_OFFICE,
  ...NOW_RULES,
  legalDuration: wd(10),
  fees: [
    fee(
      50_000,
      'Lệ phí đăng ký biến động, chỉnh lý Giấy chứng nhận',
      'Registration and certificate update fee',
    ),
    fee(300_000, 'Phí thẩm định hồ sơ', 'Dossier appraisal fee'),
  ],
  components: [
    component(
      'change-application',
      'Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)',
      'Application for registration of a change (form 11/ĐK)',
      { originals: 1 },
    ),
    component(
      'contract',
      'Hợp đồng, văn bản chuyển nhượng, tặng cho hoặc văn bản thừa kế đã công chứng, chứng thực',
      'Notarised transfer or gift contract, or inheritance document',
      { originals: 1 },
    ),
    component('certificate', 'Giấy chứng nhận đã cấp', 'The certificate already issued', { originals: 1 }),
    component(
      'tax-declaration',
      'Tờ khai thuế thu nhập cá nhân, lệ phí trước bạ',
      'Personal income tax and registration fee declarations',
      { originals: 1 },
    ),
  ],
  onlineLevel: 'partial',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'land-office-handling',
      role: 'handling',
      performer: { kind: 'agency', agencyId: LAND_REGISTRATION_OFFICE },
      description: {
        vi: 'Văn phòng Đăng ký đất đai kiểm tra, chuyển thông tin sang cơ quan thuế, chỉnh lý Giấy chứng nhận',
        en: 'The land registration office checks, sends the data to the tax office and updates the certificate',
      },
      budget: wd(6.5),
    },
    {
      id: 'tax-assessment',
      role: 'opinion',
      performer: { kind: 'external', name: { vi: 'Cơ quan thuế', en: 'Tax office' } },
      description: {
        vi: 'Cơ quan thuế xác định và thông báo nghĩa vụ tài chính',
        en: 'The tax office assesses and notifies the financial obligations',
      },
      budget: wd(2),
    },
    returnStep(wd(1)),
  ],
  // Decree 101/2024: time spent waiting for a supplement is not counted, so the clock pauses.
  supplementClockPolicy: 'pause',
  legalBasis: ['Luật Đất đai năm 2024', 'Nghị định 101/2024/NĐ-CP'],
};

const LAND_CERTIFICATE_RENEWAL: ProcedureInput = {
  code: '1.012792',
  version: 1,
  name: {
    vi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
    en: 'Replacement of a land-use right certificate',
  },
  field: 'land',
  competentLevels: ['province'],
  // Decree 118 Art. 14: any desk of the province receives it; this department decides it.
  competentAgencyId: LAND_REGISTRATION_OFFICE,
  ...NOW_RULES,
  legalDuration: wd(7),
  fees: [fee(50_000, 'Lệ phí cấp đổi Giấy chứng nhận', 'Replacement fee')],
  components: [
    component(
      'renewal-application',
      'Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)',
      'Application (form 11/ĐK)',
      { originals: 1 },
    ),
    component('certificate', 'Giấy chứng nhận đã cấp', 'The certificate already issued', { originals: 1 }),
  ],
  onlineLevel: 'full',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'land-office-handling',
      role: 'handling',
      performer: { kind: 'agency', agencyId: LAND_REGISTRATION_OFFICE },
      description: {
        vi: 'Văn phòng Đăng ký đất đai kiểm tra, in và ký Giấy chứng nhận mới',
        en: 'The land registration office checks, prints and signs the new certificate',
      },
      budget: wd(6),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Đất đai năm 2024', 'Nghị định 101/2024/NĐ-CP'],
};

const houseBuildingPermitComponents = [
  component(
    'permit-application',
    'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)',
    'Building permit application (form 01)',
    { originals: 1 },
  ),
  component('land-right-papers', 'Giấy tờ chứng minh quyền sử dụng đất', 'Proof of the land-use right', {
    certifiedCopies: 1,
  }),
  component(
    'design-drawings',
    'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)',
    'Design drawings (plans, sections, elevations, foundations)',
    { copies: 2 },
  ),
];

/** Version 1: under Decree 61/2018 the district issued permits for individual houses. */
const HOUSE_PERMIT_V1: ProcedureInput = {
  code: '1.009994',
  version: 1,
  name: {
    vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    en: 'Building permit for a new individual house',
  },
  field: 'construction',
  competentLevels: ['district'],
  ruleSet: 'nd61-2018',
  effectiveFrom: '2021-01-01',
  effectiveTo: '2025-06-30',
  legalDuration: wd(15),
  fees: [fee(75_000, 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'Permit fee for an individual house')],
  components: houseBuildingPermitComponents,
  onlineLevel: 'partial',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'district-appraisal',
      role: 'appraisal',
      performer: { kind: 'competent', level: 'district' },
      description: {
        vi: 'Phòng Quản lý đô thị / Kinh tế - Hạ tầng thẩm định, kiểm tra thực địa',
        en: 'The district urban management office appraises and inspects the site',
      },
      budget: wd(12),
    },
    {
      id: 'district-approval',
      role: 'approval',
      performer: { kind: 'competent', level: 'district' },
      description: {
        vi: 'Lãnh đạo UBND huyện ký giấy phép',
        en: 'The district chairperson signs the permit',
      },
      budget: wd(2),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Xây dựng năm 2014 (sửa đổi 2020)', 'Nghị định 15/2021/NĐ-CP'],
};

/** Version 2: from 01/07/2025 the commune issues them. */
const { effectiveTo: _v1LastDay, ...HOUSE_PERMIT_V1_OPEN } = HOUSE_PERMIT_V1;
const HOUSE_PERMIT_V2: ProcedureInput = {
  ...HOUSE_PERMIT_V1_OPEN,
  version: 2,
  competentLevels: ['commune'],
  ...NOW_RULES,
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'commune-appraisal',
      role: 'appraisal',
      performer: { kind: 'receiving' },
      description: {
        vi: 'Công chức Địa chính - Xây dựng thẩm định, kiểm tra thực địa',
        en: 'The commune land and construction officer appraises and inspects the site',
      },
      budget: wd(12),
    },
    {
      id: 'commune-approval',
      role: 'approval',
      performer: { kind: 'receiving' },
      description: { vi: 'Chủ tịch UBND xã ký giấy phép', en: 'The commune chairperson signs the permit' },
      budget: wd(2),
    },
    returnStep(wd(0.5)),
  ],
  legalBasis: ['Luật Xây dựng năm 2014 (sửa đổi 2020)', 'Nghị định 175/2024/NĐ-CP'],
};

const BUILDING_PERMIT: ProcedureInput = {
  code: '1.009995',
  version: 1,
  name: {
    vi: 'Cấp giấy phép xây dựng mới đối với công trình không theo tuyến',
    en: 'Building permit for a new non-linear structure',
  },
  field: 'construction',
  competentLevels: ['province'],
  // Decree 118 Art. 14: any desk of the province receives it; this department decides it.
  competentAgencyId: CONSTRUCTION,
  ...NOW_RULES,
  legalDuration: wd(20),
  fees: [fee(150_000, 'Lệ phí cấp giấy phép xây dựng công trình', 'Permit fee for a structure')],
  components: [
    component(
      'permit-application',
      'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)',
      'Building permit application (form 01)',
      { originals: 1 },
    ),
    component('land-right-papers', 'Giấy tờ chứng minh quyền sử dụng đất', 'Proof of the land-use right', {
      certifiedCopies: 1,
    }),
    component(
      'design-appraisal',
      'Văn bản thông báo kết quả thẩm định thiết kế xây dựng',
      'Notice of the design appraisal result',
      { copies: 1 },
    ),
    component('design-drawings', 'Bộ bản vẽ thiết kế xây dựng', 'Design drawings', { copies: 2 }),
    component(
      'fire-safety',
      'Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy (nếu có)',
      'Fire safety design approval (if required)',
      { copies: 1 },
      false,
    ),
  ],
  onlineLevel: 'partial',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'department-appraisal',
      role: 'appraisal',
      performer: { kind: 'agency', agencyId: CONSTRUCTION },
      description: {
        vi: 'Sở Xây dựng thẩm định, lấy ý kiến cơ quan liên quan, kiểm tra thực địa',
        en: 'The Department of Construction appraises, consults other agencies and inspects the site',
      },
      budget: wd(16),
    },
    {
      id: 'department-approval',
      role: 'approval',
      performer: { kind: 'agency', agencyId: CONSTRUCTION },
      description: {
        vi: 'Lãnh đạo Sở Xây dựng ký giấy phép',
        en: 'The Department director signs the permit',
      },
      budget: wd(3),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Xây dựng năm 2014 (sửa đổi 2020)', 'Nghị định 175/2024/NĐ-CP'],
};

const SINGLE_MEMBER_LLC: ProcedureInput = {
  code: '2.001610',
  version: 1,
  name: {
    vi: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    en: 'Registration of a single-member limited liability company',
  },
  field: 'enterpriseRegistration',
  competentLevels: ['province'],
  // Decree 118 Art. 14: any desk of the province receives it; this department decides it.
  competentAgencyId: FINANCE,
  ...NOW_RULES,
  legalDuration: wd(3),
  fees: [
    fee(
      50_000,
      'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng)',
      'Enterprise registration fee (waived online)',
    ),
    fee(100_000, 'Phí công bố nội dung đăng ký doanh nghiệp', 'Publication fee'),
  ],
  components: [
    component('registration-form', 'Giấy đề nghị đăng ký doanh nghiệp', 'Enterprise registration request', {
      originals: 1,
    }),
    component('charter', 'Điều lệ công ty', 'Company charter', { originals: 1 }),
    component('owner-id', 'Bản sao giấy tờ pháp lý của chủ sở hữu', 'Copy of the owner’s identity papers', {
      copies: 1,
    }),
    component(
      'authorisation',
      'Văn bản ủy quyền cho người nộp hồ sơ (nếu có)',
      'Authorisation of the person filing (if any)',
      { originals: 1 },
      false,
    ),
  ],
  onlineLevel: 'full',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'business-registration',
      role: 'handling',
      performer: { kind: 'agency', agencyId: FINANCE },
      description: {
        vi: 'Phòng Đăng ký kinh doanh (Sở Tài chính) xem xét, cấp Giấy chứng nhận đăng ký doanh nghiệp',
        en: 'The business registration office (Department of Finance) reviews and issues the certificate',
      },
      budget: wd(2),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Doanh nghiệp năm 2020', 'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp'],
};

const HOUSEHOLD_BUSINESS: ProcedureInput = {
  code: '2.000575',
  version: 1,
  name: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Registration of a household business' },
  field: 'householdBusiness',
  competentLevels: ['commune'],
  ...NOW_RULES,
  legalDuration: wd(3),
  fees: [fee(100_000, 'Lệ phí đăng ký hộ kinh doanh', 'Household business registration fee')],
  components: [
    component(
      'registration-form',
      'Giấy đề nghị đăng ký hộ kinh doanh',
      'Household business registration request',
      { originals: 1 },
    ),
    component(
      'members-minutes',
      'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu có)',
      'Minutes of the household members’ meeting (if any)',
      { copies: 1 },
      false,
    ),
  ],
  onlineLevel: 'full',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'commune-registration',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: {
        vi: 'UBND xã xem xét, cấp Giấy chứng nhận đăng ký hộ kinh doanh',
        en: 'The commune reviews and issues the registration certificate',
      },
      budget: wd(2),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp'],
};

const communeCivilStatusSteps = (what: { vi: string; en: string }): ProcessStep[] => [
  receptionStep(wh(2)),
  {
    id: 'civil-status-registration',
    role: 'handling',
    performer: { kind: 'receiving' },
    description: {
      vi: `Công chức tư pháp - hộ tịch ${what.vi}, trình Chủ tịch UBND xã ký`,
      en: `The commune civil status officer ${what.en} and the chairperson signs`,
    },
    budget: wd(0.5),
  },
  returnStep(wh(2)),
];

const BIRTH_REGISTRATION: ProcedureInput = {
  code: '1.001193',
  version: 1,
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  field: 'civilStatus',
  competentLevels: ['commune'],
  ...NOW_RULES,
  // Same day when received before 15:00, otherwise the next working day: one working day at most.
  legalDuration: wd(1),
  fees: NO_FEE,
  components: [
    component('birth-declaration', 'Tờ khai đăng ký khai sinh', 'Birth registration declaration', {
      originals: 1,
    }),
    component(
      'birth-certificate',
      'Giấy chứng sinh hoặc văn bản thay thế',
      'Medical birth certificate or substitute',
      { originals: 1 },
    ),
  ],
  onlineLevel: 'full',
  steps: communeCivilStatusSteps({
    vi: 'ghi vào Sổ đăng ký khai sinh',
    en: 'enters the birth in the register',
  }),
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Hộ tịch năm 2014', 'Nghị định 123/2015/NĐ-CP'],
};

const MARRIAGE_REGISTRATION: ProcedureInput = {
  code: '1.000894',
  version: 1,
  name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  field: 'civilStatus',
  competentLevels: ['commune'],
  ...NOW_RULES,
  legalDuration: wd(1),
  fees: NO_FEE,
  components: [
    component('marriage-declaration', 'Tờ khai đăng ký kết hôn', 'Marriage registration declaration', {
      originals: 1,
    }),
    component(
      'marital-status',
      'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không cư trú)',
      'Certificate of marital status (when registering outside the place of residence)',
      { originals: 1 },
      false,
    ),
  ],
  // Both partners must come to the desk to sign the register.
  onlineLevel: 'partial',
  steps: communeCivilStatusSteps({
    vi: 'kiểm tra điều kiện kết hôn, ghi vào Sổ đăng ký kết hôn',
    en: 'checks the conditions and enters the marriage in the register',
  }),
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Hộ tịch năm 2014', 'Luật Hôn nhân và gia đình năm 2014'],
};

const DEATH_REGISTRATION: ProcedureInput = {
  code: '1.000656',
  version: 1,
  name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  field: 'civilStatus',
  competentLevels: ['commune'],
  ...NOW_RULES,
  legalDuration: wd(1),
  fees: NO_FEE,
  components: [
    component('death-declaration', 'Tờ khai đăng ký khai tử', 'Death registration declaration', {
      originals: 1,
    }),
    component('death-notice', 'Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or substitute', {
      originals: 1,
    }),
  ],
  onlineLevel: 'full',
  steps: communeCivilStatusSteps({
    vi: 'ghi vào Sổ đăng ký khai tử',
    en: 'enters the death in the register',
  }),
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Hộ tịch năm 2014', 'Nghị định 123/2015/NĐ-CP'],
};

/** Interconnected procedure (liên thông): one application, three results from three bodies. */
const BIRTH_RESIDENCE_INSURANCE: ProcedureInput = {
  code: '1.001023',
  version: 1,
  name: {
    vi: 'Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    en: 'Interconnected birth registration, permanent residence registration and health insurance card for a child under 6',
  },
  field: 'civilStatus',
  competentLevels: ['commune'],
  ...NOW_RULES,
  legalDuration: wd(5),
  fees: NO_FEE,
  components: [
    component('interconnected-form', 'Tờ khai điện tử liên thông', 'Interconnected electronic declaration', {
      originals: 1,
    }),
    component('birth-certificate', 'Giấy chứng sinh', 'Medical birth certificate', { originals: 1 }),
    component(
      'residence-consent',
      'Văn bản đồng ý cho đăng ký thường trú của chủ hộ (nếu không phải cha, mẹ)',
      'Consent of the head of household (if not a parent)',
      { originals: 1 },
      false,
    ),
  ],
  onlineLevel: 'full',
  steps: [
    receptionStep(wd(0.5)),
    {
      id: 'birth-registration',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: {
        vi: 'UBND xã đăng ký khai sinh, cấp số định danh cá nhân',
        en: 'The commune registers the birth and obtains the personal identification number',
      },
      budget: wd(1),
    },
    {
      id: 'residence-registration',
      role: 'handling',
      performer: { kind: 'external', name: { vi: 'Công an cấp xã', en: 'Commune police' } },
      description: {
        vi: 'Công an xã đăng ký thường trú cho trẻ',
        en: 'The commune police register the child’s permanent residence',
      },
      budget: wd(2),
    },
    {
      id: 'health-insurance',
      role: 'handling',
      performer: { kind: 'external', name: { vi: 'Cơ quan Bảo hiểm xã hội', en: 'Social insurance office' } },
      description: {
        vi: 'Bảo hiểm xã hội cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi',
        en: 'The social insurance office issues the health insurance card',
      },
      budget: wd(1),
    },
    returnStep(wd(0.5)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Nghị định 63/2024/NĐ-CP về liên thông thủ tục hành chính'],
};

const CRIMINAL_RECORD: ProcedureInput = {
  code: '2.000488',
  version: 1,
  name: {
    vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    en: 'Issue of a criminal record certificate to a Vietnamese citizen or a foreign resident',
  },
  field: 'judicialRecord',
  competentLevels: ['province'],
  // Decree 118 Art. 14: any desk of the province receives it; this department decides it.
  competentAgencyId: JUSTICE,
  ...NOW_RULES,
  // The Law on Judicial Records counts calendar days ("không quá 10 ngày").
  legalDuration: cd(10),
  fees: [
    fee(
      200_000,
      'Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công: 100.000 đồng)',
      'Criminal record fee (students, persons with merit: 100,000 VND)',
    ),
    fee(5_000, 'Phí cấp từ Phiếu thứ 3 trở đi, mỗi Phiếu', 'From the third copy on, per copy'),
  ],
  components: [
    component(
      'request-form',
      'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)',
      'Criminal record request (form 03/2013/TT-LLTP)',
      { originals: 1 },
    ),
    component(
      'identity-copy',
      'Bản chụp căn cước công dân hoặc hộ chiếu',
      'Copy of the identity card or passport',
      { copies: 1 },
      true,
      true,
    ),
  ],
  onlineLevel: 'full',
  steps: [
    receptionStep(cd(1)),
    {
      id: 'record-search',
      role: 'handling',
      performer: { kind: 'agency', agencyId: JUSTICE },
      description: {
        vi: 'Sở Tư pháp tra cứu cơ sở dữ liệu lý lịch tư pháp',
        en: 'The Department of Justice searches the judicial record database',
      },
      budget: cd(3),
    },
    {
      id: 'police-verification',
      role: 'opinion',
      performer: { kind: 'external', name: { vi: 'Công an tỉnh', en: 'Provincial police' } },
      description: {
        vi: 'Công an tỉnh xác minh thông tin án tích',
        en: 'The provincial police verify conviction records',
      },
      budget: cd(4),
    },
    {
      id: 'record-signature',
      role: 'approval',
      performer: { kind: 'agency', agencyId: JUSTICE },
      description: {
        vi: 'Lãnh đạo Sở Tư pháp ký Phiếu lý lịch tư pháp',
        en: 'The Department director signs the certificate',
      },
      budget: cd(1),
    },
    returnStep(cd(1)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Luật Lý lịch tư pháp năm 2009', 'Thông tư 244/2016/TT-BTC'],
};

const COPY_CERTIFICATION: ProcedureInput = {
  code: '2.000815',
  version: 1,
  name: {
    vi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
    en: 'Certification of a copy from an original issued by a Vietnamese authority',
  },
  field: 'certification',
  competentLevels: ['commune'],
  ...NOW_RULES,
  // Same working day; received after 15:00, the next working day.
  legalDuration: wd(1),
  fees: [
    fee(
      2_000,
      'Mỗi trang (từ trang thứ 3: 1.000 đồng/trang, tối đa 200.000 đồng/bản)',
      'Per page (from page 3: 1,000 VND per page, at most 200,000 VND per copy)',
    ),
  ],
  components: [
    component('original', 'Bản chính giấy tờ, văn bản làm cơ sở chứng thực', 'The original document', {
      originals: 1,
    }),
    component('copies-to-certify', 'Bản sao cần chứng thực', 'The copies to certify', { copies: 1 }),
  ],
  onlineLevel: 'partial',
  steps: [
    receptionStep(wh(2)),
    {
      id: 'certification',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: {
        vi: 'Đối chiếu bản sao với bản chính, ký chứng thực, đóng dấu',
        en: 'Compare the copy with the original, sign and seal',
      },
      budget: wd(0.5),
    },
    returnStep(wh(2)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Nghị định 23/2015/NĐ-CP', 'Thông tư 226/2016/TT-BTC'],
};

const SIGNATURE_CERTIFICATION: ProcedureInput = {
  code: '2.000884',
  version: 1,
  name: { vi: 'Chứng thực chữ ký trong giấy tờ, văn bản', en: 'Certification of a signature on a document' },
  field: 'certification',
  competentLevels: ['commune'],
  ...NOW_RULES,
  // Done while the applicant waits, within the same half-day.
  legalDuration: wh(4),
  fees: [fee(10_000, 'Mỗi trường hợp', 'Per case')],
  components: [
    component('document', 'Giấy tờ, văn bản cần chứng thực chữ ký', 'The document to be signed', {
      originals: 1,
    }),
    component(
      'identity',
      'Căn cước công dân hoặc hộ chiếu còn giá trị (xuất trình)',
      'Valid identity card or passport (shown)',
      { copies: 1 },
      true,
      true,
    ),
  ],
  onlineLevel: 'partial',
  steps: [
    receptionStep(wh(1)),
    {
      id: 'certification',
      role: 'handling',
      performer: { kind: 'receiving' },
      description: {
        vi: 'Người yêu cầu ký trước mặt người thực hiện chứng thực; ghi lời chứng, ký, đóng dấu',
        en: 'The applicant signs in front of the certifying officer, who adds the attestation, signs and seals',
      },
      budget: wh(2),
    },
    returnStep(wh(1)),
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['Nghị định 23/2015/NĐ-CP', 'Thông tư 226/2016/TT-BTC'],
};

export const demoProcedures: Procedure[] = ([
  LAND_FIRST_CERTIFICATE,
  LAND_TRANSFER,
  LAND_CERTIFICATE_RENEWAL,
  HOUSE_PERMIT_V1,
  HOUSE_PERMIT_V2,
  BUILDING_PERMIT,
  SINGLE_MEMBER_LLC,
  HOUSEHOLD_BUSINESS,
  BIRTH_REGISTRATION,
  MARRIAGE_REGISTRATION,
  DEATH_REGISTRATION,
  BIRTH_RESIDENCE_INSURANCE,
  CRIMINAL_RECORD,
  COPY_CERTIFICATION,
  SIGNATURE_CERTIFICATION,
] satisfies ProcedureInput[]).map((p) => Procedure.parse(p));
