// Test fixtures only (imported by *.test.ts): one consistent dossier per status, actors, a valid payload
// per action and a small 2026 working calendar, written out literally so tests do not depend on the code
// they test to build their inputs.
import type { Dossier } from '../dossier/dossier.js';
import type { Procedure } from '../procedure/procedure.js';
import { buildWorkingCalendar, type Calendar, type WorkingCalendar } from '../time/index.js';
import type { ActionType, DossierActionInput } from './actions.js';
import type { Actor, Role } from './actor.js';
import type { DossierStatus } from '../dossier/status.js';

export const DESK = '000.00.01.H99';
export const OFFICE = '000.00.14.H99';
export const DEPARTMENT = '000.00.10.H99';
export const CONSULTED = '000.00.13.H99';
export const PROVINCE = '000.00.00.H99';
export const OWNER = 'citizen-owner';

/** Vietnam local time `YYYY-MM-DDTHH:MM` → Date. */
export const vnTime = (local: string): Date => new Date(`${local}:00+07:00`);

export const NOW = vnTime('2026-07-15T09:40');
export const RECEIVED_AT = vnTime('2026-07-14T09:00');
export const DUE_AT = vnTime('2026-07-24T16:10');

const calendar2026: Calendar = {
  year: 2026,
  weeklyRestDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: { vi: 'Tết Dương lịch', en: 'New Year' } },
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
      date,
      name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
    })),
    { date: '2026-04-27', name: { vi: 'Nghỉ bù Giỗ Tổ', en: 'Hùng Kings (in lieu)' } },
    { date: '2026-04-30', name: { vi: 'Giải phóng miền Nam', en: 'Reunification Day' } },
    { date: '2026-05-01', name: { vi: 'Quốc tế Lao động', en: 'Labour Day' } },
    { date: '2026-09-02', name: { vi: 'Quốc khánh', en: 'National Day' } },
    { date: '2026-09-03', name: { vi: 'Quốc khánh', en: 'National Day' } },
  ],
  makeUpWorkingDays: [],
  source: 'lifecycle test fixture',
};
export const CALENDAR: WorkingCalendar = buildWorkingCalendar([calendar2026]);

export const PROCEDURE: Procedure = {
  code: '1.012790',
  version: 1,
  name: { vi: 'Cấp Giấy chứng nhận lần đầu', en: 'First land-use certificate' },
  field: 'land',
  competentLevels: ['province'],
  ruleSet: 'nd118-2025',
  effectiveFrom: '2025-07-01',
  legalDuration: { value: 8, unit: 'workingDays' },
  fees: [],
  components: [
    {
      id: 'application-form',
      name: { vi: 'Đơn', en: 'Form' },
      originals: 1,
      certifiedCopies: 0,
      copies: 0,
      mandatory: true,
    },
  ],
  onlineLevel: 'partial',
  steps: [
    {
      id: 'reception',
      role: 'reception',
      performer: { kind: 'receiving' },
      description: { vi: 'Tiếp nhận', en: 'Reception' },
      budget: { value: 1, unit: 'workingDays' },
    },
  ],
  supplementClockPolicy: 'restart',
  legalBasis: ['test'],
};

const draft: Dossier = {
  id: 'dossier-1',
  version: 0,
  status: 'draft',
  channel: 'online',
  resultDelivery: 'desk',
  procedure: { code: PROCEDURE.code, version: 1, name: PROCEDURE.name, supplementClockPolicy: 'restart' },
  ruleSet: 'nd118-2025',
  receivingAgencyId: DESK,
  agencyIds: [DESK],
  ownerUserId: OWNER,
  applicant: {
    kind: 'person',
    fullName: 'Nguyễn Thị Ánh',
    identity: { kind: 'citizenId', number: '001190012345' },
    phone: '+84912345678',
    address: { line: '12 Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
  },
  components: [
    { componentId: 'application-form', originals: 1, certifiedCopies: 0, copies: 0, attachments: [] },
  ],
  createdAt: vnTime('2026-07-13T20:00'),
  updatedAt: vnTime('2026-07-13T20:00'),
  extensionCount: 0,
  supplementCount: { reception: 0, handling: 0 },
  opinions: [],
};

const registered: Dossier = {
  ...draft,
  version: 1,
  status: 'registered',
  code: '000.00.01.H99-260714-0001',
  submittedAt: vnTime('2026-07-14T08:00'),
};

const received: Dossier = {
  ...registered,
  version: 2,
  status: 'received',
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  originalDueAt: DUE_AT,
  dueExplanation: { vi: '8 ngày làm việc', en: '8 working days' },
  currentStep: {
    agencyId: DESK,
    since: RECEIVED_AT,
    acknowledgedAt: RECEIVED_AT,
    acknowledgedBy: 'receptionist-desk',
  },
};

/** Being handled at the desk's agency, with an unanswered opinion request to CONSULTED. */
const processing: Dossier = {
  ...received,
  version: 4,
  status: 'processing',
  handlerId: 'handler-desk',
  agencyIds: [DESK, CONSULTED],
  opinions: [
    {
      agencyId: CONSULTED,
      question: 'Xác minh?',
      requestedAt: RECEIVED_AT,
      requestedBy: 'handler-desk',
      dueAt: vnTime('2026-07-20T17:00'),
    },
  ],
};

const awaitingSupplement: Dossier = {
  ...processing,
  version: 5,
  status: 'awaitingSupplement',
  supplementCount: { reception: 0, handling: 1 },
  supplement: {
    requestedAt: vnTime('2026-07-15T08:00'),
    requestedBy: 'handler-desk',
    requestedInStatus: 'processing',
    items: [{ name: 'Sơ đồ thửa đất', problem: 'Thiếu chữ ký' }],
    reason: 'Hồ sơ thiếu sơ đồ thửa đất có chữ ký',
  },
};

const awaitingPayment: Dossier = {
  ...processing,
  version: 5,
  status: 'awaitingPayment',
  payment: { amountVnd: 1_500_000, description: 'Tiền sử dụng đất', requestedAt: vnTime('2026-07-15T08:00') },
};

const resolved: Dossier = {
  ...processing,
  version: 6,
  status: 'resolved',
  resolution: { outcome: 'approved', at: vnTime('2026-07-15T08:30'), by: 'handler-desk', agencyId: DESK },
};

const closed = (status: DossierStatus, from: Dossier): Dossier => ({
  ...from,
  version: from.version + 1,
  status,
  closedAt: vnTime('2026-07-15T08:30'),
});

export const DOSSIER_IN: Record<DossierStatus, Dossier> = {
  draft,
  registered,
  received,
  refused: { ...closed('refused', registered), closingReason: 'Không thuộc thẩm quyền' },
  processing,
  awaitingSupplement,
  awaitingPayment,
  withdrawn: closed('withdrawn', processing),
  stopped: { ...closed('stopped', processing), closingReason: 'Dừng theo yêu cầu của cơ quan có thẩm quyền' },
  resolved,
  returned: { ...closed('returned', resolved), resultReturnedAt: vnTime('2026-07-15T08:30') },
};

/** Processing right after a transfer to OFFICE, which has not acknowledged it yet. */
export const PENDING_TRANSFER: Dossier = {
  ...processing,
  version: 5,
  agencyIds: [DESK, CONSULTED, OFFICE],
  currentStep: {
    agencyId: OFFICE,
    since: vnTime('2026-07-15T08:00'),
    task: 'Thẩm định',
    dueAt: vnTime('2026-07-21T17:00'),
  },
};

// A kiosk sits at the desk too: placing it in the receiving agency makes its refusals meaningful.
const OFFICER_ROLES: readonly Role[] = ['receptionist', 'handler', 'lead', 'kiosk'];

export function actor(role: Role, agencyId?: string): Actor {
  if (role === 'citizen') return { role, userId: OWNER };
  if (role === 'system') return { role, userId: 'system' };
  const agency = agencyId ?? (OFFICER_ROLES.includes(role) ? DESK : PROVINCE);
  return { role, userId: `${role}-${agency}`, agencyId: agency };
}

export const CODE = '000.00.01.H99-260715-0001';

export function validPayload(type: ActionType): DossierActionInput {
  switch (type) {
    case 'submit':
      return { type, code: CODE };
    case 'intake':
      return { type, channel: 'desk', code: CODE };
    case 'receive':
      return { type, due: { at: DUE_AT, explanation: { vi: '8 ngày làm việc', en: '8 working days' } } };
    case 'refuseAtReception':
      return { type, reason: 'Thủ tục không thuộc thẩm quyền của cơ quan' };
    case 'requestSupplement':
      return {
        type,
        items: [
          { componentId: 'application-form', name: 'Đơn đăng ký', problem: 'Thiếu chữ ký của người nộp' },
        ],
        reason: 'Đơn chưa được ký',
      };
    case 'submitSupplement':
      return { type };
    case 'assign':
      return { type, handlerId: 'handler-desk' };
    case 'transfer':
      return { type, toAgencyId: OFFICE, task: 'Thẩm định hồ sơ', dueAt: vnTime('2026-07-21T17:00') };
    case 'acknowledgeTransfer':
      return { type };
    case 'requestOpinion':
      return {
        type,
        agencyId: DEPARTMENT,
        question: 'Đề nghị cho ý kiến về quy hoạch',
        dueAt: vnTime('2026-07-20T17:00'),
      };
    case 'provideOpinion':
      return { type, answer: 'Phù hợp quy hoạch' };
    case 'requestPayment':
      return { type, amountVnd: 1_500_000, description: 'Tiền sử dụng đất' };
    case 'confirmPayment':
      return { type, reference: 'KB-2026-0001' };
    case 'resolve':
      return { type, outcome: 'approved', summary: 'Cấp Giấy chứng nhận' };
    case 'extend':
      return {
        type,
        newDueAt: vnTime('2026-07-29T16:10'),
        reason: 'Chờ kết quả đo đạc',
        apology: 'Cơ quan xin lỗi ông/bà vì sự chậm trễ',
      };
    case 'returnResult':
      return { type, via: 'desk' };
    case 'withdraw':
      return { type, reason: 'Không còn nhu cầu' };
    case 'stop':
      return { type, reason: 'Có tranh chấp đất đai' };
  }
}
