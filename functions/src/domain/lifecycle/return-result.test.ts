import { describe, expect, it } from 'vitest';
import { actor, DOSSIER_IN, NOW, OFFICE } from '../../../../test/fixtures/lifecycle.js';
import type { Dossier } from '../dossier/dossier.js';
import { applyAction } from './apply.js';

describe('after the result is returned', () => {
  it('the dossier is at the receiving desk, not the agency that last worked on it', () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const resolved: Dossier = { ...DOSSIER_IN.resolved, currentStep: { agencyId: OFFICE, since: NOW, acknowledgedAt: NOW } };
    const returned = applyAction(resolved, { type: 'returnResult', via: 'desk' }, actor('receptionist'), later);
    if (!returned.ok) throw new Error(returned.error.reason);
    expect(returned.dossier.currentStep).toMatchObject({ agencyId: resolved.receivingAgencyId, since: later });
  });
});
