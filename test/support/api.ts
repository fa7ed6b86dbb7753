// HTTP helpers for emulator tests that drive the real API through Hosting: JSON calls as a test identity,
// and a land-renewal dossier driven through its lifecycle (submit → receive → assign → resolve → return).
import { expect } from 'vitest';
import { HOSTING_URL } from './emulators.js';
import { authHeader, IDENTITIES, type TestIdentity } from './identity.js';

export type Answer = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

let seq = 0;
/** A fresh requestId (8–64 of A–Z a–z 0–9 _ -). */
export const rid = (label: string) => `${label}-${Date.now().toString(36)}-${(seq++).toString(36)}`.slice(0, 64);

export async function call(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  as?: TestIdentity,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${HOSTING_URL}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? await authHeader(as) : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (a PDF, an HTML error page): the text is the body
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export const PROVINCE_DESK = '000.00.01.H99';

export const APPLICANT = {
  kind: 'person',
  fullName: 'Nguyễn Thị Hoà',
  identity: { kind: 'citizenId', number: '001190012345' },
  phone: '0912345678',
  email: 'hoa.nguyen@example.vn',
  address: { line: 'Số 12 đường Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
};

/** Land-use certificate renewal (1.012792), received at the province service centre. */
export function landRenewal(requestId: string) {
  return {
    requestId,
    procedureCode: '1.012792',
    receivingAgencyId: PROVINCE_DESK,
    applicant: APPLICANT,
    components: [
      { componentId: 'renewal-application', originals: 1 },
      { componentId: 'certificate', originals: 1 },
    ],
    resultDelivery: 'desk',
  };
}

export type DossierRef = { id: string; code: string; version: number };

/** Where a driven dossier is handed in and who works on it there. */
export type Desk = { application: (requestId: string) => object; receptionist: TestIdentity; lead: TestIdentity };

/** The province service centre with the land renewal, worked by the standard test officers. */
export const PROVINCE_CENTRE: Desk = { application: landRenewal, receptionist: IDENTITIES.receptionistX, lead: IDENTITIES.leadX };

export async function submitDossier(as: TestIdentity = IDENTITIES.citizenA, desk: Desk = PROVINCE_CENTRE): Promise<DossierRef> {
  const res = await call('POST', '/dossiers', as, desk.application(rid('submit')));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.dossier.id, code: res.body.dossier.code, version: res.body.dossier.version };
}

/** Applies one action and returns the new version (the action must succeed). */
export async function act(d: DossierRef, as: TestIdentity, action: object): Promise<DossierRef> {
  const res = await call('POST', `/dossiers/${d.id}/actions`, as, { requestId: rid('act'), expectedVersion: d.version, action });
  expect(res.status, `${JSON.stringify(action)} → ${JSON.stringify(res.body)}`).toBe(200);
  return { ...d, version: res.body.dossier.version as number };
}

export type DrivePlan = {
  /** Supplement rounds asked at reception before receiving (each answered by the applicant). */
  supplementRounds?: number;
  /** Stop after this step. */
  until?: 'submitted' | 'received' | 'resolved' | 'returned';
  desk?: Desk;
};

/** Submits a dossier and drives it through the lifecycle with the standard test identities. */
export async function driveDossier(plan: DrivePlan = {}): Promise<DossierRef> {
  const desk = plan.desk ?? PROVINCE_CENTRE;
  let d = await submitDossier(IDENTITIES.citizenA, desk);
  if (plan.until === 'submitted') return d;
  for (let i = 0; i < (plan.supplementRounds ?? 0); i++) {
    // A further round needs a lead and a written reason (Decree 61 allows one request, then justified ones).
    d = await act(d, i === 0 ? desk.receptionist : desk.lead, {
      type: 'requestSupplement',
      items: [{ name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ, không đọc được số thửa' }],
      reason: 'Thành phần hồ sơ chưa đọc được',
      guidance: 'Nộp lại bản chụp rõ nét',
      ...(i > 0 ? { overrideReason: 'Lần bổ sung trước vẫn chưa rõ' } : {}),
    });
    d = await act(d, IDENTITIES.citizenA, { type: 'submitSupplement' });
  }
  d = await act(d, desk.receptionist, { type: 'receive' });
  if (plan.until === 'received') return d;
  d = await act(d, desk.lead, { type: 'assign', handlerId: 'handler-at-desk' });
  d = await act(d, desk.lead, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
  if (plan.until === 'resolved') return d;
  return act(d, desk.receptionist, { type: 'returnResult', via: 'desk' });
}
