import { describe, expect, it } from 'vitest';
import type { FormContext, StepRef } from './action-form-parts.js';
import { transferTargets } from './transfer-form.js';

const step = (id: string, performer: StepRef['performer']): StepRef => ({ id, description: { vi: id, en: id }, budget: { value: 1, unit: 'workingDays' }, performer });
const STEPS = [
  step('reception', { kind: 'receiving' }),
  step('commune-check', { kind: 'competent', level: 'commune' }),
  step('appraisal', { kind: 'agency', agencyId: '000.00.14.H99' }),
  step('tax', { kind: 'external', name: { vi: 'Cơ quan thuế', en: 'Tax office' } }),
  step('return', { kind: 'receiving' }),
];
const dossier = (o: Partial<FormContext['dossier']>) => ({ receivingAgencyId: '000.00.01.H99', ...o }) as FormContext['dossier'];

describe('transfer targets: the steps of the route another agency performs', () => {
  it('from the receiving desk: the competent agency and the named agency, never a body outside the platform or the desk itself', () => {
    const targets = transferTargets(STEPS, dossier({ competentAgencyId: '000.21.02.H99' }));
    expect(targets.map((x) => [x.step.id, x.agencyId])).toEqual([
      ['commune-check', '000.21.02.H99'],
      ['appraisal', '000.00.14.H99'],
    ]);
  });

  it('a competent step without a competent agency on the dossier is not offered', () => {
    expect(transferTargets(STEPS, dossier({})).map((x) => x.step.id)).toEqual(['appraisal']);
  });

  it('from the land office: back to the receiving desk, not to itself', () => {
    const held = dossier({ currentStep: { agencyId: '000.00.14.H99', stepId: 'appraisal', since: '2026-12-01T02:00:00.000Z' } });
    expect(transferTargets(STEPS, held).map((x) => [x.step.id, x.agencyId])).toEqual([
      ['reception', '000.00.01.H99'],
      ['return', '000.00.01.H99'],
    ]);
  });
});
