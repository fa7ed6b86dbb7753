// The part of an application every channel sends (procedure, applicant, documents handed in), by a resident
// of the demo province. The seed's walk-in (demo-dossiers.ts) and the tests' and benches' applications
// (test/fixtures/applications.ts) are built on it, so the shape is written once. It lives in seed/ because
// tests may import the seed's data but the seed, run by `npm start`, never imports tests.
import type { ComponentBody } from '../../functions/src/contract/index.js';
import type { ApplicantInput } from '../../functions/src/domain/applicant/applicant.js';

/** A person of the demo province applying for themself (Xã An Phú, Tỉnh Bình An). */
export const DEMO_RESIDENT: ApplicantInput = {
  kind: 'person',
  fullName: 'Lý Văn Phúc',
  identity: { kind: 'citizenId', number: '087085001234' },
  phone: '0987654321',
  address: { line: 'Ấp Tân Lập', communeName: 'Xã An Phú', provinceName: 'Tỉnh Bình An' },
};

/** The demo resident's application for a procedure with these documents; each route adds its own fields. */
export function residentApplication(requestId: string, procedureCode: string, components: ComponentBody[]) {
  return { requestId, procedureCode, applicant: DEMO_RESIDENT, components };
}
