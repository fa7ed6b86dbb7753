// The server is the authority on the answers: when it refuses the submission with field errors
// (`fields[].path`, docs/API.md), the wizard goes to the first step concerned and shows each message
// beside its input; the citizen then returns to the check page with one button.
import { ApiCallError } from '../shared/api.js';
import { go, selectedComponents, STEPS, wizard, type Step } from './state.js';

/** Server field paths (docs/API.md) → the input on the applicant step that shows them. */
const APPLICANT_INPUTS: Record<string, string> = {
  'applicant.fullName': 'fullName',
  'applicant.identity': 'idNumber',
  'applicant.identity.number': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address.line': 'addressLine',
  'applicant.address.communeName': 'communeName',
  'applicant.address.provinceName': 'provinceName',
};

/** Where a server field error is shown: its step and input (unknown paths stay on the check page). */
function placeOf(path: string): { step: Step; inputId?: string } {
  if (path === 'receivingAgencyId') return { step: 'agency', inputId: 'agency-0' };
  if (path === 'competentAgencyId') return { step: 'agency', inputId: 'competentAgencyId' };
  if (path.startsWith('applicant')) {
    const exact = APPLICANT_INPUTS[path] ?? Object.entries(APPLICANT_INPUTS).find(([p]) => path.startsWith(`${p}.`))?.[1];
    return { step: 'applicant', inputId: exact };
  }
  const component = /^components\.(\d+)/.exec(path);
  if (component) {
    const s = selectedComponents()[Number(component[1])];
    return { step: 'documents', inputId: s ? `files-${s.componentId}` : undefined };
  }
  if (path === 'components') return { step: 'documents' };
  if (path === 'resultDelivery') return { step: 'delivery', inputId: 'delivery-desk' };
  return { step: 'check' };
}

/** Shows the field errors of a refused submission on their step; false when `err` carries none. */
export function showServerFieldErrors(err: unknown): boolean {
  const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
  if (!fields.length) return false;
  const placed = fields.map((f) => ({ ...placeOf(f.path), message: f.message }));
  const target = STEPS.find((s) => placed.some((p) => p.step === s)) ?? 'check';
  const problems = placed.filter((p) => p.step === target).map((p) => ({ inputId: p.inputId ?? '', message: p.message }));
  wizard.pending = { step: target, problems, title: err instanceof ApiCallError && err.body ? err.body.error.message : undefined };
  if (target !== 'check') wizard.returnToCheck = true;
  go(target, { save: false });
  return true;
}
