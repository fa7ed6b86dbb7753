// A merger moves an open dossier's work to the successor agency (the 2025 reorganisation): one event,
// the successor in every place the merged agency had a part, the merged agency kept as history.
import { describe, expect, it } from 'vitest';
import { Dossier } from '../dossier/dossier.js';
import { applyAction } from './apply.js';
import { decide } from './decide.js';
import { CALENDAR, CONSULTED, DESK, DOSSIER_IN, MERGED_INTO, NOW, OFFICE, PENDING_TRANSFER, actor, validPayload } from '../../../../test/fixtures/lifecycle.js';

const SYSTEM = actor('system');
const payload = validPayload('succeedAgency') as Extract<ReturnType<typeof validPayload>, { type: 'succeedAgency' }>;
const move = (from: string, to = MERGED_INTO) => ({ ...payload, fromAgencyId: from, toAgencyId: to });

describe('succeedAgency', () => {
  it('moves the desk, the current step and the access of a received dossier, and keeps the merged agency in its history', () => {
    const before = DOSSIER_IN.received;
    const result = applyAction(before, move(DESK), SYSTEM, NOW, { calendar: CALENDAR });
    if (!result.ok) throw new Error(result.error.messages.en);
    const after = result.dossier;
    expect(after.status).toBe('received');
    expect(after.version).toBe(before.version + 1);
    expect(after.receivingAgencyId).toBe(MERGED_INTO);
    expect(after.currentStep?.agencyId).toBe(MERGED_INTO);
    expect(after.currentStep?.acknowledgedAt).toEqual(before.currentStep?.acknowledgedAt);
    expect(after.agencyIds).toEqual([DESK, MERGED_INTO]);
    // Nothing the applicant holds changes: the code, the register line, the appointment.
    expect(after.code).toBe(before.code);
    expect(after.dueAt).toEqual(before.dueAt);
    expect(result.event).toMatchObject({ type: 'succeedAgency', from: 'received', to: 'received', actor: SYSTEM });
    expect(result.event.payload).toMatchObject({ fromAgencyId: DESK, fromName: payload.fromName });
    expect(Dossier.safeParse(after).success).toBe(true);
  });

  it('moves a pending opinion request of the merged agency, and only that', () => {
    const result = applyAction(DOSSIER_IN.processing, move(CONSULTED), SYSTEM, NOW, { calendar: CALENDAR });
    if (!result.ok) throw new Error(result.error.messages.en);
    expect(result.dossier.opinions.map((o) => o.agencyId)).toEqual([MERGED_INTO]);
    expect(result.dossier.receivingAgencyId).toBe(DESK);
    expect(result.dossier.currentStep?.agencyId).toBe(DESK);
  });

  it('moves a transfer not yet acknowledged (the successor acknowledges it)', () => {
    const result = applyAction(PENDING_TRANSFER, move(OFFICE), SYSTEM, NOW, { calendar: CALENDAR });
    if (!result.ok) throw new Error(result.error.messages.en);
    expect(result.dossier.currentStep).toMatchObject({ agencyId: MERGED_INTO });
    expect(result.dossier.currentStep?.acknowledgedAt).toBeUndefined();
  });

  it('moves the competent agency when it is the merged one', () => {
    const result = applyAction({ ...DOSSIER_IN.received, competentAgencyId: OFFICE }, move(OFFICE), SYSTEM, NOW, { calendar: CALENDAR });
    if (!result.ok) throw new Error(result.error.messages.en);
    expect(result.dossier.competentAgencyId).toBe(MERGED_INTO);
    expect(result.dossier.receivingAgencyId).toBe(DESK);
  });

  it.each([
    ['an agency with no part left in the dossier', move(OFFICE), 'agencyNotInvolved'],
    ['a merger into the same agency', move(DESK, DESK), 'mergeIntoSelf'],
  ])('refuses %s', (_label, payload, rule) => {
    const result = applyAction(DOSSIER_IN.received, payload, SYSTEM, NOW, { calendar: CALENDAR });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.rule).toBe(rule);
  });

  it('is the system’s alone, and only while the dossier is open', () => {
    for (const role of ['admin', 'lead', 'receptionist', 'citizen'] as const) {
      const result = applyAction(DOSSIER_IN.received, move(DESK), actor(role), NOW, { calendar: CALENDAR });
      expect(result.ok ? 'applied' : result.error.reason).toBe('roleNotAllowed');
    }
    for (const status of ['draft', 'refused', 'withdrawn', 'stopped', 'returned'] as const) {
      const result = applyAction(DOSSIER_IN[status], move(DESK), SYSTEM, NOW, { calendar: CALENDAR });
      expect(result.ok ? 'applied' : result.error.reason).toBe('notInStatus');
    }
  });

  it('tells the applicant and issues no slip', () => {
    const { type: _type, ...rest } = move(DESK);
    const decision = decide(DOSSIER_IN.awaitingSupplement, { type: 'succeedAgency', ...rest }, SYSTEM, NOW, { calendar: CALENDAR, handoffCount: 0 });
    if (!decision.ok) throw new Error(decision.error.messages.en);
    expect(decision.effects).toMatchObject({ slip: undefined, notifyApplicant: true, handoffs: [] });
    expect(decision.dossier.status).toBe('awaitingSupplement');
  });
});
